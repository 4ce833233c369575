# Helpers for the end-to-end tests, sourced by tests/tNNNN-*.sh.  The tests
# run from the repository root with NAQIB_BIN (the built tools) and
# NAQIB_TEST_TMP (a scratch directory, removed afterwards) set by tests/run.
set -eu
: "${NAQIB_BIN:?run the tests through tests/run}"
T=${NAQIB_TEST_TMP:-$(mktemp -d)}
unset NAQIB_DB NO_COLOR

fail() {
	echo "FAILED: $*" >&2
	exit 1
}

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

# The number of documents in a database (xapian-delve), or "none".
doc_count() { # db
	xapian-delve "$1" 2>/dev/null | sed -n 's/^number of documents = //p' |
		grep . || echo none
}
