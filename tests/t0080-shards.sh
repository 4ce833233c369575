#!/bin/sh
# Sharded databases and Xapian's remote backend: naqib-index --shards 2
# writes two shards and a stub; naqib-search finds the same documents in the
# same order in one database, in the shards, in shards given as several
# --db, in the compacted shards, and in the shards served by two
# xapian-tcpsrv processes on loopback ports.
. tests/lib.sh

one=$T/one
index_corpus "$one"
sharded=$T/sharded
index_corpus "$sharded" --shards 2

test_case '--shards 2 writes two shard directories and a stub that lists them' <<'EOF'
[ -d "$sharded/shard0" ] && [ -d "$sharded/shard1" ] || fail "two shard directories"
expect_eq "$(cat "$sharded/XAPIANDB")" "auto shard0
auto shard1" "the stub lists the shards"
EOF

test_case 'the ids are spread over both shards, which hold every document once' <<'EOF'
for s in shard0 shard1; do
	n=$(xapian-delve "$sharded/$s" | sed -n 's/^number of documents = //p')
	[ "$n" -gt 5 ] || fail "$s holds $n documents: the ids are not spread"
done
expect_eq "$(xapian-delve "$sharded" | sed -n 's/^number of documents = //p')" \
	"$CORPUS_DOCS" "the shards hold every document once"
EOF

# A ranking as "id score" lines.  Equal scores are put in id order: Xapian
# orders ties by document number, which depends on the layout.
ranking() { # db... -- query
	dbs=""
	while [ "$1" != -- ]; do
		dbs="$dbs -d $1"
		shift
	done
	shift
	# shellcheck disable=SC2086
	naqib_search $dbs -f trec -n 100 "$@" |
		awk '{ printf "%s %.4f\n", $3, $5 }' | sort -k2,2nr -k1,1
}
# Not a wildcard: Xapian weighs a wildcard's words with statistics that it
# estimates shard by shard, so its scores differ a little.
QUERIES="الاضراب_العام CDT الأجور_NOT_المغرب union:UMT الحوار_الاجتماعي 14_أكتوبر_2025"
same_as_one() { # what db...
	what=$1
	shift
	for q in $QUERIES; do
		q=$(printf '%s' "$q" | tr _ ' ')
		ranking "$one" -- "$q" >"$T/want"
		ranking "$@" -- "$q" >"$T/got"
		[ -s "$T/want" ] || fail "'$q' finds nothing"
		cmp -s "$T/want" "$T/got" ||
			fail "$what: '$q' differs: $(diff "$T/want" "$T/got" | head -5 | tr '\n' ' ')"
	done
}
test_case 'the sharded database ranks every query as one database does' <<'EOF'
same_as_one "the sharded database" "$sharded"
EOF
test_case 'the two shards given as two --db rank as one database does' <<'EOF'
same_as_one "two --db" "$sharded/shard0" "$sharded/shard1"
EOF

# Facets and date sorting through the stub.  ($T/facets, those of one
# database, are compared with the remote shards' below.)
test_case 'facets through the stub are those of one database' <<'EOF'
naqib_search -d "$one" -f json -n 1 --facets union:UMT | jq -c .facets >"$T/facets"
expect_in "$T/facets" '"union":[{"value":"UMT","count":' "facets"
naqib_search -d "$sharded" -f json -n 1 --facets union:UMT | jq -c .facets >"$T/got"
cmp -s "$T/facets" "$T/got" || fail "facets of the shards: $(cat "$T/got")"
EOF
test_case '--sort newest through the stub is that of one database' <<'EOF'
expect_eq "$(naqib_search -d "$sharded" -f trec --sort newest -n 3 union:UMT | awk '{ print $3 }')" \
	"$(naqib_search -d "$one" -f trec --sort newest -n 3 union:UMT | awk '{ print $3 }')" "--sort newest"
EOF

# Indexing the same files again: the shards know them.
test_case 'indexing the same files again: the shards know them' <<'EOF'
run naqib_index -d "$sharded" $CORPUS
expect_status 0 "indexing the shards again"
expect_in "$T/err" "0 added, 0 replaced, $CORPUS_DOCS unchanged" "files already read"
EOF
# A document is deleted from the shard its id hashes to.
test_case '--delete takes a document out of the shard its id hashes to' <<'EOF'
run naqib_index -d "$sharded" --delete jsonl-ma-cdt-001
expect_status 0 "--delete in shards"
expect_eq "$(ids "$sharded" jsonl-ma-cdt-001 CDT | grep -c jsonl-ma-cdt-001 || true)" 0 "deleted"
EOF
test_case '--force puts the deleted document back in the shards' <<'EOF'
naqib_index -q -d "$sharded" --force corpus/samples.jsonl
expect_eq "$(xapian-delve "$sharded" | sed -n 's/^number of documents = //p')" \
	"$CORPUS_DOCS" "back after --force"
EOF

# The shard count of an existing database cannot change.
test_case 'the shard count of an existing database cannot change' <<'EOF'
run naqib_index -d "$sharded" --shards 3 corpus/texts
expect_status 2 "--shards 3 on two shards"
expect_in "$T/err" "has 2 shards, not 3" "message"
run naqib_index -d "$one" --shards 2 corpus/texts
expect_status 2 "--shards on one database"
expect_in "$T/err" "is not sharded" "message"
EOF
test_case 'a stub file that naqib-index did not write is refused' <<'EOF'
mkdir "$T/stub-db"
printf 'auto elsewhere\n' >"$T/stub-db/XAPIANDB"
run naqib_index -d "$T/stub-db" corpus/texts
expect_status 5 "a stub naqib did not write"
expect_in "$T/err" "not a stub file that naqib-index wrote" "message"
EOF
# Databases indexed differently are not searched together.
test_case 'databases indexed differently are not searched together' <<'EOF'
naqib_index -q -d "$T/light" --stemmer light corpus/texts
run naqib_search -d "$one" -d "$T/light" الإضراب
expect_status 3 "two analyses"
expect_in "$T/err" "cannot be searched together" "message"
EOF

# --compact merges the shards into one database.
test_case '--compact merges the shards into one database that ranks as one' <<'EOF'
run naqib_index -d "$sharded" --compact "$T/compact"
expect_status 0 "--compact"
[ -f "$T/compact/iamglass" ] || fail "--compact writes one database"
same_as_one "the compacted shards" "$T/compact"
EOF
test_case '--compact onto an existing path is refused' <<'EOF'
run naqib_index -d "$sharded" --compact "$T/compact"
expect_status 2 "--compact onto an existing path"
EOF

# Remote: each shard served by xapian-tcpsrv on a loopback port, a stub
# file of "remote" lines.  The servers stay up for the cases after the one
# that starts them, until the script ends.
at_exit 'kill $(cat "$T"/tcpsrv*.pid 2>/dev/null) 2>/dev/null || true'
serve() { # shard -> port
	for try in 1 2 3 4 5 6 7 8 9 10; do
		port=$(( 20000 + ($$ * 7 + try * 131 + $1 * 17) % 20000 ))
		# Its own session: on SIGTERM xapian-tcpsrv signals its whole
		# process group, which would otherwise be the test's.
		setsid xapian-tcpsrv --interface 127.0.0.1 --port "$port" \
			"$sharded/shard$1" >"$T/tcpsrv$1.log" 2>&1 &
		pid=$!
		# Up to 30 s on a busy machine (a guard against a hang: a
		# server that cannot bind its port exits at once).
		i=0
		while [ $i -lt 300 ]; do
			i=$((i + 1))
			if grep -q "Listening" "$T/tcpsrv$1.log"; then
				echo "$pid" >"$T/tcpsrv$1.pid"
				echo "$port"
				return 0
			fi
			kill -0 "$pid" 2>/dev/null || break
			sleep 0.1
		done
		kill "$pid" 2>/dev/null || true
	done
	fail "xapian-tcpsrv did not start: $(cat "$T/tcpsrv$1.log")"
}
test_case 'xapian-tcpsrv serves each shard on a loopback port' <<'EOF'
command -v xapian-tcpsrv >/dev/null || fail "xapian-tcpsrv missing (xapian-tools)"
p0=$(serve 0)
p1=$(serve 1)
printf 'remote 127.0.0.1:%s\nremote 127.0.0.1:%s\n' "$p0" "$p1" >"$T/remote.stub"
EOF
test_case 'two remote shards rank as one database does' <<'EOF'
same_as_one "two remote shards" "$T/remote.stub"
EOF
test_case 'facets of the remote shards are those of one database' <<'EOF'
naqib_search -d "$T/remote.stub" -f json -n 1 --facets union:UMT | jq -c .facets >"$T/got"
cmp -s "$T/facets" "$T/got" || fail "facets of remote shards: $(cat "$T/got")"
EOF
# Snippets come from the remote documents.
test_case 'a remote hit comes with its snippet' <<'EOF'
naqib_search -d "$T/remote.stub" -n 1 --color never CDT >"$T/got"
naqib_search -d "$one" -n 1 --color never CDT >"$T/want"
expect_eq "$(sed 1d "$T/got")" "$(sed 1d "$T/want")" "a remote hit and its snippet"
EOF

# Copies of a text in both shards collapse into one hit across them, as in
# one database (xapian-tcpsrv opens its shard anew for each connection).
test_case 'copies of a text on two remote shards collapse as in one database' <<'EOF'
mkdir -p "$T/copies"
for n in 1 2 3 4; do cp corpus/texts/ma-umt-phosphate-khouribga.txt "$T/copies/copy$n.txt"; done
naqib_index -q -d "$one" "$T/copies"
naqib_index -q -d "$sharded" "$T/copies"
for d in "$sharded/shard0" "$sharded/shard1"; do
	[ "$(xapian-delve -a -1 "$d" | grep -c '^Q.*/copies/copy')" -gt 0 ] ||
		fail "no copy in $d: the case needs copies on both shards"
done
naqib_search -d "$one" -f json خريبكة | jq -c '[.hits[] | [.id, (.copies | sort)]], .estimated_matches' >"$T/want"
naqib_search -d "$T/remote.stub" -f json خريبكة | jq -c '[.hits[] | [.id, (.copies | sort)]], .estimated_matches' >"$T/got"
expect_eq "$(cat "$T/got")" "$(cat "$T/want")" "hits, copies and count"
expect_eq "$(jq -s '.[0][0][1] | length' "$T/got")" 4 "four copies listed with the first hit"
EOF

test_done
