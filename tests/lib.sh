# Helpers for the end-to-end tests, sourced by tests/tNNNN-*.sh.  The tests
# run from the repository root with NAQIB_BIN (the built tools) and
# NAQIB_TEST_TMP (a scratch directory, removed afterwards) set by tests/run;
# one can also run alone: NAQIB_BIN=$PWD/build sh tests/t0010-index-basics.sh
# (or through prove -e sh), in a scratch directory of its own.
#
# A test is a list of named cases that print TAP, as git's tests do:
#
#	test_case 'a changed file is read again, not doubled' <<'EOF'
#	run naqib_index -d "$db" ...
#	expect_in "$T/err" "1 replaced" "one file changed"
#	EOF
#	...
#	test_done
#
# Each body (a quoted here-document: no escaping) runs in a subshell with
# set -e: a `fail`, an expect_* or any command that fails ends that case
# "not ok N - name", its output following as "# " lines, and the script goes
# on with the next case.  Variables a case sets are gone after it (shared
# ones are set at the top level); files under $T stay, and a case may build
# on what an earlier one left there.  test_done prints the plan "1..N" and
# exits 1 if any case failed.  A failure outside the cases (the top-level
# setup) ends the script with "Bail out!" and the reason.  (A script of no
# cases at all, written before them, is one case: ok if it exits 0.)
#
#	at_exit CMD       runs CMD when the case ends, or, outside a case,
#	                  when the script ends (cleaning up servers, mounts)
#	test_skip NAME WHY   a case that cannot run here ("ok N - NAME # SKIP")
#
# Under tests/run, a sanitizer or valgrind report that a case's programs
# left in NAQIB_SANLOG fails that case.
set -eu
: "${NAQIB_BIN:?run the tests through tests/run}"
if [ -n "${NAQIB_TEST_TMP:-}" ]; then
	T=$NAQIB_TEST_TMP
else
	T=$(mktemp -d "${TMPDIR:-/tmp}/naqib-test.XXXXXX")
	_tc_own_tmp=1
fi
unset NAQIB_DB NO_COLOR

# In a case, the message goes with the case's output; outside, as TAP
# comments, lest a line of it read as TAP.
fail() {
	_tc_fail_message="$*"
	if [ "$_tc_in_case" = 1 ]; then
		echo "FAILED: $*" >&2
	else
		echo "FAILED: $*" | sed 's/^/# /' >&2
	fi
	exit 1
}

# ---------------------------------------------------------------- cases

_tc_n=0 _tc_failed=0 _tc_ended=0 _tc_at_exit= _tc_in_case=0

at_exit() { # command
	_tc_at_exit="$1
$_tc_at_exit"
}

# Nanoseconds since the epoch (seconds, where date has no %N).
_tc_clock() {
	_tc_ns=$(date +%s%N)
	case $_tc_ns in
	*[!0-9]*) _tc_ns=$(($(date +%s) * 1000000000)) ;;
	esac
	echo "$_tc_ns"
}

# In a case's subshell, at its end: its own at_exit commands.
_tc_case_exit() {
	_tc_rc=$?
	set +e
	eval "$_tc_at_exit"
	exit "$_tc_rc"
}

# The name as one line of TAP: '#' would start a directive.
_tc_tap_name() {
	printf '%s' "$1" | tr '\n\t' '  ' | sed 's/#/\\#/g'
}

test_case() { # name; the body on standard input
	_tc_n=$((_tc_n + 1))
	_tc_name=$(_tc_tap_name "$1")
	_tc_body=$(cat)
	_tc_t0=$(_tc_clock)
	set +e
	(
		_tc_at_exit= _tc_in_case=1
		trap _tc_case_exit EXIT
		set -e
		eval "$_tc_body"
	) >"$T/.case" 2>&1 </dev/null
	_tc_rc=$?
	set -e
	# A report of a sanitizer or valgrind is this case's: it fails, and the
	# report is marked as told (tests/run shows the rest at the end).
	if [ -n "${NAQIB_SANLOG:-}" ]; then
		for _tc_f in "$NAQIB_SANLOG"/*; do
			case $_tc_f in *.told) continue ;; esac
			[ -s "$_tc_f" ] || continue
			{
				echo "report in $(basename "$_tc_f"):"
				cat "$_tc_f"
			} >>"$T/.case"
			mv "$_tc_f" "$_tc_f.told"
			_tc_rc=99
		done
	fi
	_tc_ms=$((($(_tc_clock) - _tc_t0) / 1000000))
	if [ "$_tc_rc" -eq 0 ]; then
		echo "ok $_tc_n - $_tc_name"
	else
		_tc_failed=$((_tc_failed + 1))
		echo "not ok $_tc_n - $_tc_name"
		grep -q '^FAILED: ' "$T/.case" || [ "$_tc_rc" -eq 99 ] ||
			echo "(a command of the case failed: exit status $_tc_rc)" \
				>>"$T/.case"
	fi
	sed 's/^/# /' "$T/.case"
	printf '# %s: %d.%03d s\n' "$_tc_n" $((_tc_ms / 1000)) $((_tc_ms % 1000))
}

test_skip() { # name why
	_tc_n=$((_tc_n + 1))
	echo "ok $_tc_n - $(_tc_tap_name "$1") # SKIP $(_tc_tap_name "$2")"
}

test_done() {
	_tc_ended=1
	echo "1..$_tc_n"
	if [ "$_tc_failed" -ne 0 ]; then
		echo "# $_tc_failed of $_tc_n cases failed"
		exit 1
	fi
	exit 0
}

_tc_exit() {
	_tc_rc=$?
	set +e
	eval "$_tc_at_exit"
	[ "${_tc_own_tmp:-0}" = 0 ] || rm -rf "$T"
	if [ "$_tc_ended" = 0 ] && [ "$_tc_n" = 0 ] && [ "$_tc_rc" = 0 ]; then
		echo "ok 1 - the whole script, which has no cases"
		echo "1..1"
		echo "# (each check of it as a case: test_case, tests/lib.sh)"
	elif [ "$_tc_ended" = 0 ]; then
		if [ -n "${_tc_fail_message:-}" ]; then
			echo "Bail out! $(_tc_tap_name "$_tc_fail_message")"
		else
			echo "Bail out! stopped outside a case, exit status" \
				"$_tc_rc, before test_done"
		fi
		[ "$_tc_rc" -ne 0 ] || _tc_rc=1
	fi
	exit "$_tc_rc"
}
trap _tc_exit EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# ---------------------------------------------------------------- checks

# NAQIB_WRAP runs the tools under a checker (make test-valgrind).
naqib_index() { ${NAQIB_WRAP:-} "$NAQIB_BIN/naqib-index" "$@"; }
naqib_search() { ${NAQIB_WRAP:-} "$NAQIB_BIN/naqib-search" "$@"; }

# Runs a command, keeping its stdout in $T/out, stderr in $T/err and its
# exit status in $status; never fails by itself.
run() {
	status=0
	"$@" >"$T/out" 2>"$T/err" || status=$?
}

expect_status() { # want what
	[ "$status" -eq "$1" ] ||
		fail "$2: exit status $status, want $1; stderr: $(cat "$T/err")"
}

expect_eq() { # got want what
	[ "$1" = "$2" ] || fail "$3: got '$1', want '$2'"
}

expect_in() { # file needle what
	grep -qF -- "$2" "$1" || fail "$3: '$2' not in $(basename "$1"): $(head -c 600 "$1")"
}

expect_not_in() { # file needle what
	! grep -qF -- "$2" "$1" || fail "$3: '$2' found in $(basename "$1")"
}

# That a file is valid UTF-8 (a message or an output that quotes a name
# never cuts a character in half, never passes a stray byte on).
expect_utf8() { # file what
	iconv -f UTF-8 -t UTF-8 "$1" >/dev/null 2>&1 ||
		fail "$2: $(basename "$1") is not valid UTF-8: $(od -c "$1" | head -20)"
}

# The sample corpus, without its README (which quotes every special form).
CORPUS="corpus/texts corpus/samples.jsonl corpus/samples.trec"
CORPUS_DOCS=43

index_corpus() { # db [options]
	db=$1
	shift
	# shellcheck disable=SC2086
	naqib_index -q -d "$db" "$@" $CORPUS ||
		fail "indexing the corpus into $db failed"
}

# The ids a query finds, sorted, one a line.
ids() { # db query...
	db=$1
	shift
	naqib_search -d "$db" -f trec -n 1000 "$@" | awk '{ print $3 }' | sort
}

# A JSON Lines file of n generated documents, ids doc-000001 upwards, each
# of about 120 words drawn from the sample texts (deterministic).
make_corpus() { # n file
	cat corpus/texts/*.txt | tr -s ' \t\n' '\n\n\n' |
		grep -v '["\\]' | awk -v n="$1" '
		{ w[m++] = $0 }
		END {
			srand(7)
			for (i = 1; i <= n; i++) {
				printf "{\"id\":\"doc-%06d\",\"date\":\"2025-%02d-%02d\",\"title\":\"%s %s %s\",\"body\":\"", i, i % 12 + 1, i % 28 + 1, w[int(rand()*m)], w[int(rand()*m)], w[int(rand()*m)]
				for (j = 0; j < 120; j++)
					printf "%s%s", j ? " " : "", w[int(rand()*m)]
				print "\"}"
			}
		}' >"$2"
}

# Waits until a writer holds the lock of database db: Xapian's lock is an
# open file description lock on db/flintlock, which /proc/locks lists by
# device (MAJOR:MINOR in hex) and inode.  Fails if pid (the writer) ends first, or after two
# minutes (a guard against a hang, not a measure: a busy machine takes
# well under a second).
wait_locked() { # db pid
	_wl_n=0
	while :; do
		if _wl_st=$(stat -c '%d %i' "$1/flintlock" 2>/dev/null); then
			set -- "$1" "$2" $_wl_st
			# stat's %d is the kernel's encoding of the device:
			# the minor's low byte, the major, then the rest of
			# the minor (minors past 255 are common for the
			# anonymous devices of overlay and tmpfs mounts).
			_wl_dev=$(printf '%02x:%02x' $((($3 >> 8) & 0xfff)) \
				$((($3 & 0xff) | (($3 >> 12) & 0xfff00))))
			grep -q " $_wl_dev:$4 " /proc/locks && return 0
			set -- "$1" "$2"
		fi
		kill -0 "$2" 2>/dev/null || fail "the writer ended before it held the lock of $1"
		_wl_n=$((_wl_n + 1))
		[ $_wl_n -lt 1200 ] || fail "no writer holds the lock of $1 after two minutes"
		sleep 0.1
	done
}

# The number of documents in a database (xapian-delve), or "none".
doc_count() { # db
	xapian-delve "$1" 2>/dev/null | sed -n 's/^number of documents = //p' |
		grep . || echo none
}
