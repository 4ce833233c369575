#!/bin/sh
# Reliability: an indexer killed in the middle of a run, a disk that fills
# up, searches while the indexer commits, and hostile input (a 100 MB
# document, a 10,000-word query, deep parentheses, a wildcard that would
# stand for thousands of words).  Whatever happens, the database stays
# whole, holds every committed batch, and running again completes the job.
. tests/lib.sh

N=2500
BATCH=100
make_corpus $N "$T/gen.jsonl"

# The revision of a database (its number of commits).
revision() { # db
	xapian-delve "$1" 2>/dev/null | sed -n 's/^revision = //p'
}

# Whether process pid runs (not a zombie: one that has exited and not yet
# been waited for).
running() { # pid
	[ -r "/proc/$1/stat" ] && ! sed 's/^.*) //' "/proc/$1/stat" 2>/dev/null | grep -q '^Z'
}

# Whether the document with this id is in the database.
has_id() { # db id
	xapian-delve -t "Q$2" "$1" 2>&1 | grep -q "^Posting List"
}

# ------------------------------------------------------------ SIGKILL

# Kills the indexer with SIGKILL once `commits` batches are committed.
kill_after() { # commits db options...
	commits=$1 db=$2
	shift 2
	"$NAQIB_BIN/naqib-index" -q -d "$db" --batch $BATCH "$@" "$T/gen.jsonl" \
		2>"$T/killed.err" &
	pid=$!
	tries=0
	while :; do
		case $db in
		*shards*) r=$(revision "$db/shard0") ;;
		*) r=$(revision "$db") ;;
		esac
		[ "${r:-0}" -ge "$commits" ] && break
		kill -0 $pid 2>/dev/null || fail "the indexer ended before $commits commits"
		tries=$((tries + 1))
		[ $tries -lt 3000 ] || fail "no commit in 60 s"
		sleep 0.02
	done
	kill -9 $pid 2>/dev/null || fail "the indexer ended before it could be killed"
	wait $pid 2>/dev/null || true
}

# The cases of one database, here and below, work on it in turn.
db=$T/killed.db
test_case 'killed by SIGKILL after 3 commits: the database is whole and holds exactly the first whole batches' <<'EOF'
kill_after 3 "$db"
xapian-check "$db" >"$T/check" 2>&1 || fail "xapian-check after SIGKILL: $(tail -3 "$T/check")"
count=$(doc_count "$db")
[ "$count" -ge $((3 * BATCH)) ] && [ "$count" -lt $N ] ||
	fail "after SIGKILL: $count documents, want from $((3 * BATCH)) to $((N - 1))"
[ $((count % BATCH)) -eq 0 ] || fail "after SIGKILL: $count documents is not whole batches of $BATCH"
# Documents are committed in the order of the file: exactly the first
# $count are there.
has_id "$db" doc-000001 || fail "after SIGKILL: the first document is missing"
has_id "$db" "$(printf 'doc-%06d' "$count")" || fail "after SIGKILL: document $count is missing"
! has_id "$db" "$(printf 'doc-%06d' $((count + 1)))" || fail "after SIGKILL: document $((count + 1)) is there"
EOF
test_case 'after SIGKILL the database is searched' <<'EOF'
run naqib_search -d "$db" -n 1 -f trec الإضراب
expect_status 0 "search after SIGKILL"
EOF
# Running again completes the job.
test_case 'after SIGKILL, running again completes the job' <<'EOF'
run naqib_index -d "$db" --batch $BATCH "$T/gen.jsonl"
expect_status 0 "indexing again after SIGKILL"
expect_eq "$(doc_count "$db")" $N "documents after running again"
has_id "$db" "$(printf 'doc-%06d' $N)" || fail "the last document after running again"
EOF
test_case 'after the run that completes the job, the file is marked done' <<'EOF'
run naqib_index -d "$db" "$T/gen.jsonl"
expect_in "$T/err" "0 added, 0 replaced, $N unchanged" "the file is marked done"
EOF

# The same with two shards: each shard keeps its commits, and running
# again completes the job.
db=$T/killed-shards.db
test_case 'two shards killed by SIGKILL: each shard is whole and keeps its commits' <<'EOF'
kill_after 3 "$db" --shards 2
for s in 0 1; do
	xapian-check "$db/shard$s" >"$T/check" 2>&1 ||
		fail "xapian-check shard$s after SIGKILL: $(tail -3 "$T/check")"
done
count=$(doc_count "$db")
[ "$count" -ge $BATCH ] && [ "$count" -lt $N ] ||
	fail "shards after SIGKILL: $count documents"
EOF
test_case 'two shards after SIGKILL: running again completes the job' <<'EOF'
run naqib_index -d "$db" --batch $BATCH "$T/gen.jsonl"
expect_status 0 "indexing shards again after SIGKILL"
expect_eq "$(doc_count "$db")" $N "documents in shards after running again"
EOF

# Xapian commits by itself after 10000 changed documents unless told
# otherwise (XAPIAN_FLUSH_THRESHOLD): with --batch above that, a run would
# commit in the middle of a batch, and a killed one would not hold whole
# batches.  naqib-index sets the threshold above its batch, over what the
# environment says: here a threshold of 100 that would commit 25 times.
test_case '--batch 5000 over 2,500 documents: one commit, not Xapian'"'"'s own at its threshold' <<'EOF'
XAPIAN_FLUSH_THRESHOLD=100 run naqib_index -d "$T/big-batch.db" --batch 5000 "$T/gen.jsonl"
expect_status 0 "indexing"
expect_eq "$(doc_count "$T/big-batch.db")" $N "documents"
expect_eq "$(revision "$T/big-batch.db")" 1 "commits (the revision)"
EOF

# ------------------------------------------------------------ first runs

# Two first runs at once on one new path, one with --shards and one
# without: one makes the database, the other is told it is locked.  The
# first holds its lock while it waits for its standard input.
hold() { # db options...: a writer waiting on a FIFO, in $holder
	_h_db=$1
	shift
	rm -f "$T/hold.fifo"
	mkfifo "$T/hold.fifo"
	sleep 60 >"$T/hold.fifo" &
	holder_input=$!
	# Not through naqib_index, a function: $! would be its subshell.
	"$NAQIB_BIN/naqib-index" -q -d "$_h_db" "$@" -f jsonl - <"$T/hold.fifo" 2>"$T/holder.err" &
	holder=$!
	at_exit 'kill "$holder_input" 2>/dev/null; wait "$holder" 2>/dev/null'
}
test_case 'a first run while another makes the database, sharded or not: status 4, one kind of database' <<'EOF'
for first in plain sharded; do
	d=$T/race-$first.db
	if [ $first = plain ]; then
		hold "$d"
		wait_locked "$d" "$holder"
		run naqib_index -d "$d" --shards 2 corpus/texts
	else
		hold "$d" --shards 2
		wait_locked "$d/shard1" "$holder"
		run naqib_index -d "$d" corpus/texts
	fi
	expect_status 4 "$first first: the second run"
	expect_in "$T/err" "database '$d' is locked: another process" "$first first: message"
	kill "$holder_input"
	wait "$holder" || fail "$first first: the first run: $(cat "$T/holder.err")"
	if [ $first = plain ]; then
		[ ! -e "$d/XAPIANDB" ] && [ ! -e "$d/shard0" ] || fail "$first first: shards beside the database"
	else
		[ ! -e "$d/iamglass" ] || fail "$first first: a database beside the shards"
	fi
	run naqib_index -d "$d" corpus/texts
	expect_status 0 "$first first: indexing after the first run"
	run naqib_search -d "$d" -n 100 -f trec 'union:UMT'
	expect_status 0 "$first first: what was indexed after is found"
done
EOF

test_case 'first runs at once, 6 times: never a plain database and shards side by side' <<'EOF'
for i in 1 2 3 4 5 6; do
	d=$T/race$i.db
	naqib_index -q -d "$d" --shards 2 corpus/texts 2>"$T/a.err" & a=$!
	naqib_index -q -d "$d" corpus/texts 2>"$T/b.err" & b=$!
	sa=0 sb=0
	wait $a || sa=$?
	wait $b || sb=$?
	if [ -e "$d/iamglass" ] && [ -e "$d/XAPIANDB" ]; then
		fail "round $i: both a database and shards ($sa, $sb)"
	fi
	for s in "$sa:$T/a.err" "$sb:$T/b.err"; do
		case ${s%%:*} in
		0) ;;
		4) grep -q "is locked" "${s#*:}" || fail "round $i: status 4 without 'locked'" ;;
		2) grep -q "is not sharded" "${s#*:}" || fail "round $i: status 2: $(cat "${s#*:}")" ;;
		*) fail "round $i: status ${s%%:*}: $(cat "${s#*:}")" ;;
		esac
	done
	[ "$sa" = 0 ] || [ "$sb" = 0 ] || fail "round $i: neither run made the database ($sa, $sb)"
	run naqib_search -d "$d" -n 1 'union:UMT'
	expect_status 0 "round $i: searching what was made"
done
EOF

# A run killed while it makes a sharded database, at moments from the
# start to after the first commits: the same command again completes it.
# Under the sanitizers, where each run is slower, a moment in two.
if ldd "$NAQIB_BIN/naqib-index" 2>/dev/null | grep -q 'libasan'; then
	kill_delays="0 0.01 0.04 0.15"
else
	kill_delays="0 0.005 0.01 0.02 0.04 0.08 0.15 0.3"
fi
test_case 'killed while --shards 4 makes the database: the same command again completes it' <<'EOF'
for delay in $kill_delays; do
	d=$T/kshards-$delay.db
	"$NAQIB_BIN/naqib-index" -q -d "$d" --shards 4 --batch $BATCH "$T/gen.jsonl" 2>/dev/null &
	pid=$!
	sleep $delay
	kill -9 $pid 2>/dev/null || true
	wait $pid 2>/dev/null || true
	run naqib_index -d "$d" --shards 4 --batch $BATCH "$T/gen.jsonl"
	expect_status 0 "after a kill at ${delay}s: running again"
	expect_eq "$(cat "$d/XAPIANDB" | wc -l)" 4 "after a kill at ${delay}s: the stub"
	total=0
	for s in 0 1 2 3; do
		c=$(doc_count "$d/shard$s")
		total=$((total + c))
	done
	expect_eq "$total" $N "after a kill at ${delay}s: documents"
done
EOF

test_case 'a database killed before its first commit is called empty, and running again completes it' <<'EOF'
d=$T/uncommitted.db
hold "$d"
wait_locked "$d" "$holder"
kill -9 "$holder"
wait "$holder" 2>/dev/null || true
run naqib_search -d "$d" الإضراب
expect_status 5 "searching it"
expect_in "$T/err" "database '$d' is empty: its first naqib-index run has not committed yet" "message"
expect_not_in "$T/err" "not made by" "message"
run naqib_index -d "$d" corpus/texts
expect_status 0 "running again"
run naqib_search -d "$d" -n 1 'union:UMT'
expect_status 0 "searching it after"
EOF

# ------------------------------------------------------------ SIGINT

# Starts the indexer in the background (options and paths as given), in
# $pid, its stderr in $T/int.err; waits until `until` (a shell command)
# succeeds.  Fails if the indexer ends first, or after two minutes (a
# guard against a hang, not a measure).
start_until() { # until options...
	_su_until=$1
	shift
	"$NAQIB_BIN/naqib-index" "$@" 2>"$T/int.err" &
	pid=$!
	_su_n=0
	until eval "$_su_until"; do
		running $pid || fail "the indexer ended before it could be interrupted: $(cat "$T/int.err")"
		_su_n=$((_su_n + 1))
		[ $_su_n -lt 6000 ] || fail "still no '$_su_until' after two minutes"
		sleep 0.02
	done
}

# Waits for $pid: its exit status in $status, its stderr in $T/err.
wait_status() {
	status=0
	wait $pid || status=$?
	cp "$T/int.err" "$T/err"
}

# A text of 30 MB of words drawn from the sample texts (deterministic): its
# first 16 MiB take seconds to analyse (minutes under valgrind).
cat corpus/texts/*.txt | tr -s ' \t\n' '\n\n\n' | awk 'BEGIN { srand(3) }
	{ w[m++] = $0 }
	END { for (i = 0; i < 2600000; i++) printf "%s%s", w[int(rand() * m)], i % 20 == 19 ? "\n" : " " }' \
	>"$T/long.txt"
long_mb=$(awk -v b="$(wc -c <"$T/long.txt")" 'BEGIN { printf "%.1f", b / 1e6 }')
db=$T/int.db
naqib_index -q -d "$db" corpus/samples.jsonl
samples=$(doc_count "$db")

# Ctrl-C in the middle of a long text: the analysis asks whether to stop
# every few thousand words, so the indexer says so at once and leaves the
# text out, where it analysed all of it first (5 to 10 s for 16 MiB).  The
# warning of the cut is written just before the analysis begins; no time
# is measured, only what the run says and leaves.
test_case 'SIGINT in the middle of a 16 MiB text: a word on stderr, status 130, the database whole' <<'EOF'
start_until 'grep -q "longer than --max-doc-size" "$T/int.err"' -d "$db" "$T/long.txt"
kill -INT $pid 2>/dev/null || fail "the indexer ended before it could be interrupted: $(cat "$T/int.err")"
wait_status
expect_status 130 "interrupted"
expect_in "$T/err" "naqib-index: interrupted; committing the 0 documents indexed so far, without the 1 read but not indexed yet..." \
	"what it says at once"
expect_in "$T/err" "naqib-index: interrupted; what was indexed is committed: the same command again indexes the rest" \
	"what it says at the end"
xapian-check "$db" >"$T/check" 2>&1 || fail "xapian-check after SIGINT: $(tail -3 "$T/check")"
expect_eq "$(doc_count "$db")" "$samples" "documents after SIGINT: the text left out"
EOF
test_case 'after SIGINT in a long text, the same command indexes it, and then it is marked read' <<'EOF'
run naqib_index -d "$db" "$T/long.txt"
expect_status 0 "running again"
expect_in "$T/err" "1 added, 0 replaced, 0 unchanged (skipped), 0 failed; 16.8 MB indexed of $long_mb MB" "the text indexed"
expect_eq "$(doc_count "$db")" $((samples + 1)) "documents"
run naqib_index -d "$db" "$T/long.txt"
expect_in "$T/err" "0 added, 0 replaced, 1 unchanged (skipped)" "then marked read"
EOF

# A second signal leaves at once, and the database stays as its last
# commit left it.  Sent while the indexer is stopped, both signals are
# handled as it goes on, the one after the other: whatever it was doing
# (a commit, say), it leaves there.
test_case 'a second signal leaves at once: the database whole at its last commit; the same command completes the job' <<'EOF'
d=$T/int2.db
start_until '[ "$(revision "$d")" -ge 2 ] 2>/dev/null' -d "$d" --batch $BATCH "$T/gen.jsonl"
kill -STOP $pid
kill -INT $pid
kill -TERM $pid
kill -CONT $pid
wait_status
[ $status -eq 130 ] || [ $status -eq 143 ] || fail "exit status $status, want 130 or 143: $(cat "$T/err")"
expect_in "$T/err" "naqib-index: interrupted again: leaving at once; the database stays as its last commit left it" \
	"the second signal"
xapian-check "$d" >"$T/check" 2>&1 || fail "xapian-check after two signals: $(tail -3 "$T/check")"
count=$(doc_count "$d")
[ $((count % BATCH)) -eq 0 ] && [ "$count" -ge $((2 * BATCH)) ] ||
	fail "after two signals: $count documents is not whole batches of $BATCH"
run naqib_index -d "$d" --batch $BATCH "$T/gen.jsonl"
expect_status 0 "running again"
expect_eq "$(doc_count "$d")" $N "documents after running again"
EOF

# Sharded, the reader runs ahead of the writers: files read whole may
# still have documents in a queue when the signal comes.  Those are left
# out, and their files must not be marked read (they were, and the next
# run skipped them: their documents were never indexed).
mkdir "$T/parts"
for k in 1 2; do
	sed "s/\"id\":\"/\"id\":\"p$k-/" "$T/gen.jsonl"
done | split -l 100 -a 3 --additional-suffix=.jsonl - "$T/parts/part-"
test_case 'sharded, SIGINT while documents wait in the queues: their files are read again by the next run' <<'EOF'
d=$T/int-shards.db
# (Revision 1 of a shard is its settings, written before the run begins.)
start_until '[ "$(revision "$d/shard0")" -ge 2 ] 2>/dev/null' -d "$d" --shards 2 --batch 50 "$T/parts"
kill -INT $pid 2>/dev/null || fail "the indexer ended before it could be interrupted: $(cat "$T/int.err")"
wait_status
expect_status 130 "interrupted"
expect_in "$T/err" "naqib-index: interrupted; committing the " "what it says at once"
for s in 0 1; do
	xapian-check "$d/shard$s" >"$T/check" 2>&1 ||
		fail "xapian-check shard$s after SIGINT: $(tail -3 "$T/check")"
done
count=$(doc_count "$d")
[ "$count" -lt $((2 * N)) ] || fail "every document was indexed before the signal"
run naqib_index -d "$d" "$T/parts"
expect_status 0 "running again"
expect_eq "$(doc_count "$d")" $((2 * N)) "documents after running again"
EOF

# Waiting for standard input, the indexer is in read(), which the signal
# ends (EINTR): it stops there, where it used to go on waiting.
test_case 'SIGINT while it waits for standard input: it stops there, status 130' <<'EOF'
d=$T/int-stdin.db
hold "$d"
wait_locked "$d" "$holder"
kill -INT "$holder"
status=0
wait "$holder" || status=$?
cp "$T/holder.err" "$T/err"
expect_status 130 "interrupted while waiting"
expect_in "$T/err" "naqib-index: interrupted; committing the 0 documents indexed so far..." "what it says"
EOF

# ------------------------------------------------------------ disk full

# A write that fails for want of room (here the file size limit, which
# needs no privilege: EFBIG as ENOSPC would be) stops the run with a clear
# message and status 5; what was committed stays, whole.
check_full() { # db what
	expect_status 5 "$2"
	expect_in "$T/err" "no room to write" "$2: message"
	expect_in "$T/err" "what was committed before is intact" "$2: message"
	expect_in "$T/err" "run the same command again" "$2: what to do"
	xapian-check "$1" >"$T/check" 2>&1 || fail "$2: xapian-check: $(tail -3 "$T/check")"
	c=$(doc_count "$1")
	[ $(((c - CORPUS_DOCS) % BATCH)) -eq 0 ] && [ "$c" -lt $((N + CORPUS_DOCS)) ] ||
		fail "$2: $c documents is not the corpus and whole batches"
	# The summary counts what is in the database.
	expect_in "$T/err" "$((c - CORPUS_DOCS)) added" "$2: summary"
	xapian-delve -A Q -1 "$1" | grep '^Q' | sort >"$T/have"
	[ -z "$(comm -13 "$T/have" "$T/corpus.ids")" ] ||
		fail "$2: corpus documents lost: $(comm -13 "$T/have" "$T/corpus.ids" | head -3)"
	run naqib_search -d "$1" -n 1 -f trec 'union:UMT'
	expect_status 0 "$2: searching"
}
index_corpus "$T/corpus.db"
xapian-delve -A Q -1 "$T/corpus.db" | grep '^Q' | sort >"$T/corpus.ids"
db=$T/full.db
test_case 'past the file size limit: status 5, a clear message, what was committed whole' <<'EOF'
index_corpus "$db"
# dash counts ulimit -f in blocks of 512 bytes: 1 MB.
run sh -c 'ulimit -f 2048; trap "" XFSZ; exec "$0" "$@"' \
	"$NAQIB_BIN/naqib-index" -d "$db" --batch $BATCH "$T/gen.jsonl"
check_full "$db" "file size limit"
EOF
test_case 'once there is room, running again completes the job' <<'EOF'
run naqib_index -d "$db" --batch $BATCH "$T/gen.jsonl"
expect_status 0 "indexing again once there is room"
expect_eq "$(doc_count "$db")" $((N + CORPUS_DOCS)) "documents once there is room"
EOF

# A real full disk, where a small tmpfs can be mounted (root, and a
# kernel that lets us).
mkdir "$T/mnt"
if mount -t tmpfs -o size=4m tmpfs "$T/mnt" 2>/dev/null; then
	at_exit 'umount "$T/mnt" 2>/dev/null || true'
	test_case 'a full tmpfs: status 5, a clear message, what was committed whole' <<'EOF'
index_corpus "$T/mnt/db"
run naqib_index -d "$T/mnt/db" --batch $BATCH "$T/gen.jsonl"
expect_in "$T/err" "No space left on device" "full tmpfs"
check_full "$T/mnt/db" "full tmpfs"
EOF
	umount "$T/mnt"
else
	test_skip 'a full tmpfs: status 5, a clear message, what was committed whole' \
		'no tmpfs could be mounted; the file size limit stood for a full disk'
fi

# ------------------------------------------------------------ concurrency

# Searches in one process while the indexer commits every 50 documents:
# none fails (a DatabaseModifiedError is met by reopening and trying
# again), wildcards and suggestions included.
db=$T/busy.db
index_corpus "$db"
i=0
while [ $i -lt 900 ]; do
	i=$((i + 1))
	case $((i % 4)) in
	0) printf 'q%d\tالإضراب\n' $i ;;
	1) printf 'q%d\tنقاب* الأجور\n' $i ;;
	2) printf 'q%d\t"المكتب الوطني" union:CDT\n' $i ;;
	3) printf 'q%d\tالفوصفاط\n' $i ;; # no hit: "did you mean" reads too
	esac
done >"$T/queries"
test_case 'searches while the indexer commits: none fails, a second writer is told it is locked, every document goes in' <<'EOF'
naqib_index -q -d "$db" --batch 50 "$T/gen.jsonl" 2>"$T/busy.err" &
writer=$!
sleep 0.2
run naqib_search -d "$db" -f json -n 3 --queries "$T/queries"
expect_status 0 "searching while the indexer commits"
[ ! -s "$T/err" ] || fail "searching while the indexer commits: $(head -3 "$T/err")"
expect_eq "$(jq -r 'select(.qid == "q3") | .suggestion' "$T/out")" "الفوسفاط" \
	"a suggestion while the indexer commits"
# A second writer meanwhile is told the database is locked (status 4):
# when the first is still running after it, it held the lock all along
# (the first has exited, or is a zombie not yet waited for, once it let go
# of the lock; kill -0 takes a zombie for a live process).
if running $writer; then
	run naqib_index -d "$db" corpus/samples.trec
	if running $writer; then
		expect_status 4 "second writer"
		expect_in "$T/err" "is locked: another process" "second writer"
	else
		[ "$status" -eq 4 ] || expect_status 0 "second writer, the first done"
	fi
fi
wait $writer || fail "the indexer failed while searched: $(cat "$T/busy.err")"
expect_eq "$(doc_count "$db")" $((N + CORPUS_DOCS)) "documents after the busy run"
EOF

# A writer that commits every 20 documents, on a machine made busy, while
# two batches search: every query of both is answered (a search that meets
# two commits is run again on the new state until it gets through).  (A
# writer that commits every 5 documents here commits faster than a search
# with facets runs: no number of retries gets such a search through.)
test_case 'searches while the indexer commits every 20 documents on a busy machine: every query answered' <<'EOF'
d=$T/busy5.db
index_corpus "$d"
hogs=
for h in 1 2 3; do
	sh -c 'while :; do :; done' &
	hogs="$hogs $!"
done
at_exit "kill $hogs 2>/dev/null"
"$NAQIB_BIN/naqib-index" -q -d "$d" --batch 20 "$T/gen.jsonl" 2>"$T/busy5.err" &
writer=$!
sleep 0.2
for b in 1 2; do
	naqib_search -d "$d" -f json -n 3 --queries "$T/queries" >"$T/out$b" 2>"$T/err$b" &
	eval "b$b=\$!"
done
s1=0 s2=0
wait $b1 || s1=$?
wait $b2 || s2=$?
# shellcheck disable=SC2086
kill $hogs
wait $writer || fail "the indexer failed while searched: $(cat "$T/busy5.err")"
for b in 1 2; do
	[ ! -s "$T/err$b" ] || fail "batch $b: $(head -3 "$T/err$b")"
	expect_eq "$(jq -r .qid "$T/out$b" | sort -u | wc -l)" 900 "batch $b: queries answered"
done
expect_eq "$s1 $s2" "0 0" "the batches' exit statuses"
EOF

# ------------------------------------------------------------ hostile input

# A 100 MB text file: indexed up to --max-doc-size (16 MB), with a warning;
# its title is a line, not the text.
yes 'أعلنت النقابة الوطنية للتعليم إضرابا وطنيا' | tr '\n' ' ' |
	head -c 104857600 >"$T/huge.txt"
db=$T/huge.db
test_case 'a 100 MB text file is indexed up to --max-doc-size, with a warning' <<'EOF'
run naqib_index -d "$db" "$T/huge.txt"
expect_status 0 "a 100 MB document"
expect_in "$T/err" "huge.txt: warning: longer than --max-doc-size (16777216 bytes)" "100 MB warning"
expect_in "$T/err" "1 document cut at --max-doc-size" "100 MB summary"
# What was indexed, of what there was: 16 MiB of the 100 MiB, not the
# 32 MiB read past the limit ("33.6 MB") it said before.
expect_in "$T/err" "1 added, 0 replaced, 0 unchanged (skipped), 0 failed; 16.8 MB indexed of 104.9 MB in" \
	"100 MB summary: the MB indexed of the MB there were"
EOF
test_case 'a 100 MB text on standard input: read to its end, 16 MiB of it indexed' <<'EOF'
status=0
cat "$T/huge.txt" | naqib_index -d "$T/huge-stdin.db" - >"$T/out" 2>"$T/err" || status=$?
expect_status 0 "a 100 MB text on standard input"
expect_in "$T/err" "16.8 MB indexed of 104.9 MB in" "summary"
EOF
test_case 'the 100 MB document is found; its title is a line, not the text' <<'EOF'
run naqib_search -d "$db" -f json -n 1 إضراب
# (Once, in some fifty runs, Xapian found this database damaged: what
# xapian-check says of it goes with the failure, to tell why.)
[ "$status" -eq 0 ] ||
	fail "searching the 100 MB document: exit status $status: $(cat "$T/err");" \
		"xapian-check: $(xapian-check "$db" 2>&1 | tail -5)"
title=$(jq -r '.hits[0].title' "$T/out")
[ "${#title}" -le 1024 ] || fail "the title of a one-line text is ${#title} characters long"
EOF
# A document of JSON Lines over the limit: cut, with file, line and id.
test_case 'a JSON Lines document over --max-doc-size is cut, with its file, line and id' <<'EOF'
printf '{"id":"small","body":"إضراب"}\n{"id":"big","body":"%s"}\n' \
	"$(head -c 6000 "$T/huge.txt")" >"$T/big.jsonl"
run naqib_index -d "$T/big.db" --max-doc-size 4k "$T/big.jsonl"
expect_status 0 "a JSON Lines document over --max-doc-size"
expect_in "$T/err" "big.jsonl:2: warning: the text of 'big' is longer than --max-doc-size (4096 bytes)" \
	"JSON Lines warning"
EOF
test_case 'a bad --max-doc-size is a usage error' <<'EOF'
run naqib_index -d "$T/big2.db" --max-doc-size 12x "$T/big.jsonl"
expect_status 2 "a bad --max-doc-size"
expect_in "$T/err" "--max-doc-size: '12x' is not a size" "bad size message"
EOF

db=$T/corpus.db
# A 10,000-word query: its first 1000 words are searched, and it says so.
test_case 'a 10,000-word query: its first 1000 words are searched, and it says so' <<'EOF'
words=$(cat corpus/texts/*.txt | tr -s ' \n' '\n\n' | head -n 10000 | tr '\n' ' ')
run naqib_search -d "$db" -n 3 -f trec "$words"
expect_status 0 "a 10,000-word query"
expect_in "$T/err" "note: the query is long: only its first 1000 words are searched" \
	"a 10,000-word query is cut"
EOF
# Deep parentheses, unbalanced ones, operators alone.
test_case '3000 nested parentheses are searched' <<'EOF'
deep=$(printf '(%.0s' $(seq 3000))إضراب$(printf ')%.0s' $(seq 3000))
run naqib_search -d "$db" -n 3 -f trec "$deep"
expect_status 0 "3000 nested parentheses"
EOF
test_case 'unbalanced parentheses, operators alone, huge numbers, bad dates: no status above 3' <<'EOF'
for q in "$(printf '(%.0s' $(seq 20000))" ')))' 'AND OR NOT' '"' '*' 'NEAR/999999999' \
	'إضراب NEAR/4294967296 نقابة' '-' 'union:' 'date:9999-99-99..0000'; do
	run naqib_search -d "$db" -n 3 -f trec "$q"
	[ "$status" -le 3 ] || fail "query '$q': exit status $status: $(cat "$T/err")"
done
EOF
# A wildcard that stands for more than 1000 words: the most frequent ones,
# with a note.  The cases after the first search its database.
test_case 'a wildcard of 1568 words: the 1000 most frequent are searched, with a note' <<'EOF'
awk 'BEGIN {
	split("ا ب ت ث ج ح خ د ذ ر ز س ش ص ض ط ظ ع غ ف ق ك ل م ن ه و ي", l, " ")
	printf "{\"id\":\"many\",\"body\":\""
	for (i = 1; i <= 28; i++) for (j = 1; j <= 28; j++) for (k = 1; k <= 2; k++)
		printf "تس%s%s%s ", l[i], l[j], l[k]
	print "\"}"
}' >"$T/many.jsonl"
naqib_index -q -d "$T/many.db" "$T/many.jsonl"
run naqib_search -d "$T/many.db" -n 3 -f trec 'تس*'
expect_status 0 "a wildcard of 1568 words"
expect_in "$T/err" "note: تس* stands for more than 1000 words: only the 1000 most frequent are searched" \
	"wildcard note"
EOF
test_case 'a narrow wildcard has no note' <<'EOF'
run naqib_search -d "$T/many.db" -n 3 -f trec 'تسبب*'
expect_not_in "$T/err" "note:" "a narrow wildcard has no note"
EOF
# The same note for programs, and in Arabic on the web page.
test_case 'the same note in JSON' <<'EOF'
naqib_search -d "$T/many.db" -n 3 -f json 'تس*' 2>/dev/null >"$T/out"
expect_eq "$(jq -r '.notes[0]' "$T/out")" \
	"تس* stands for more than 1000 words: only the 1000 most frequent are searched" "JSON note"
EOF
test_case 'the same note in Arabic on the web page' <<'EOF'
NAQIB_DB=$T/many.db REQUEST_METHOD=GET QUERY_STRING="q=%D8%AA%D8%B3*" \
	"$NAQIB_BIN/naqib.cgi" >"$T/out" 2>/dev/null
expect_in "$T/out" '<p class="notice">«تس*» يطابق أكثر من 1000 كلمة: بُحث بأكثرها تكرارًا فقط.</p>' \
	"the page's note"
EOF
test_case 'no note in JSON for a narrow wildcard' <<'EOF'
naqib_search -d "$T/many.db" -n 3 -f json 'تسبب*' >"$T/out"
expect_eq "$(jq -r '.notes // "none"' "$T/out")" none "no note in JSON"
EOF
# The wildcards of one query share a budget of words: two groups of the 28
# wildcards تسا* ... تسي*, each of 56 words, would stand for 3136 words,
# more than 2000: each gets 35 (2000 / 56), its most frequent.  Before the
# budget, Xapian made a posting list of every word of every wildcard.
letters='ا ب ت ث ج ح خ د ذ ر ز س ش ص ض ط ظ ع غ ف ق ك ل م ن ه و ي'
group="($(for l in $letters; do printf 'تس%s* ' "$l"; done))"
test_case 'wildcards that stand for more than 2000 words together: 35 each, with a note' <<'EOF'
run naqib_search -d "$T/many.db" -n 3 -f trec "$group AND $group"
expect_status 0 "56 wildcards of 56 words each"
expect_in "$T/out" "Q0 many 1 " "the document is still found"
expect_in "$T/err" "note: the 56 wildcards of the query stand for too many words together (more than 2000, or words in more than 2000000 documents, counted word by word): each is searched with its 35 most frequent words at most" \
	"the budget's note"
expect_not_in "$T/err" "stands for more than 1000 words" "one note, not one a wildcard"
EOF
test_case 'the budget of words is an option: --max-wildcard-words 100 gives 3 each to 28' <<'EOF'
run naqib_search -d "$T/many.db" -n 3 -f json --max-wildcard-words 100 "$group"
expect_status 0 "--max-wildcard-words 100"
expect_eq "$(jq -r '.notes[0]' "$T/out")" \
	"the 28 wildcards of the query stand for too many words together (more than 100, or words in more than 2000000 documents, counted word by word): each is searched with its 3 most frequent words at most" \
	"JSON note of the budget"
EOF
test_case 'the budget of words on the web page: one notice, in Arabic' <<'EOF'
NAQIB_DB=$T/many.db REQUEST_METHOD=GET \
	QUERY_STRING="q=$(printf '%s' "$group AND $group" | jq -sRr @uri)" \
	"$NAQIB_BIN/naqib.cgi" >"$T/out" 2>/dev/null
expect_in "$T/out" 'بُحث لكل منها بأكثر 35 من كلماته تكرارًا فقط.</p>' "the page's notice"
expect_eq "$(grep -c 'class="notice"' "$T/out")" 1 "one notice, not one a wildcard"
EOF
# The other budget counts the documents the words are in, word by word:
# what the match reads.  Over 300 generated documents, ا* and و* with 50
# at most: each keeps its most frequent word, whatever it costs.
make_corpus 300 "$T/gen.jsonl"
naqib_index -q -d "$T/gen.db" "$T/gen.jsonl"
test_case '--max-wildcard-postings: the documents of the words count, word by word' <<'EOF'
run naqib_search -d "$T/gen.db" -n 3 -f trec 'ا* و*'
expect_not_in "$T/err" "wildcards of the query" "no budget note within the default budget"
run naqib_search -d "$T/gen.db" -n 3 -f trec --max-wildcard-postings 50 'ا* و*'
expect_status 0 "--max-wildcard-postings 50"
expect_in "$T/err" "note: the 2 wildcards of the query stand for too many words together (more than 2000, or words in more than 50 documents, counted word by word): each is searched with its most frequent word only" \
	"the budget of documents"
EOF
test_case 'a budget of 0 or of letters is a usage error' <<'EOF'
for opt in '--max-wildcard-words 0' '--max-wildcard-postings x'; do
	# shellcheck disable=SC2086
	run naqib_search -d "$T/gen.db" $opt 'ا*'
	expect_status 2 "$opt"
done
EOF
# A time limit stops the match (tests/unit/test_stop.c stops it by
# calls, not seconds); one that is not reached changes nothing.
test_case '--time-limit: one not reached changes no hit nor score; a bad one is a usage error' <<'EOF'
naqib_search -d "$T/gen.db" -n 50 -f trec 'ا* و* الأجور' >"$T/plain" 2>/dev/null
naqib_search -d "$T/gen.db" -n 50 -f trec --time-limit 3600 'ا* و* الأجور' >"$T/limited" 2>"$T/err"
[ -s "$T/plain" ] || fail "no hits"
cmp -s "$T/plain" "$T/limited" || fail "--time-limit 3600 changed the hits: $(diff "$T/plain" "$T/limited" | head -5)"
expect_not_in "$T/err" "stopped" "no note of a stop"
for v in -1 x 86401; do
	run naqib_search -d "$T/gen.db" --time-limit "$v" 'ا*'
	expect_status 2 "--time-limit $v"
done
EOF

test_done
