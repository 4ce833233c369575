# The tables: every tool's --list, and what reads them (the options, the
# messages, the man pages), for the stemmers, the input and output formats
# and the schema's fields; and the placeholders of the query rewrite,
# which no query typed by a user can reach.
. tests/lib.sh
db=$T/db
index_corpus "$db"

# The lists a tool has, from its own message for an unknown one.
lists_of() { # tool
	"$NAQIB_BIN/$1" --list '?' 2>&1 | sed -n 's/.*(there are: \(.*\))$/\1/p' | tr -d ,
}

# Those that are tables of the tool: naqib-search's unions, places and
# terms are the data of a database's thesaurus (t0060).
table_lists_of() { # tool
	lists_of "$1" | tr ' ' '\n' | grep -vx 'unions\|places\|terms' | tr '\n' ' ' | sed 's/ $//'
}

test_case 'every tool has --list, and refuses an unknown list by name' <<'EOF'
for tool in naqib-index naqib-search naqib-analyze; do
	run "$NAQIB_BIN/$tool" --list no-such-list
	expect_status 2 "$tool --list no-such-list"
	expect_in "$T/err" "$tool: --list: no list 'no-such-list' (there are: " \
		"$tool names its lists"
	[ -n "$(lists_of "$tool")" ] || fail "$tool has no lists"
done
expect_eq "$(lists_of naqib-index)" "format stemmer latin-stemmer" "naqib-index's lists"
expect_eq "$(lists_of naqib-search)" "format weighting features sort color collapse bidi field unions places terms" \
	"naqib-search's lists"
expect_eq "$(lists_of naqib-analyze)" "format stemmer latin-stemmer bidi" \
	"naqib-analyze's lists"
EOF

test_case 'every list is values, a tab and a description, and the tool takes each value' <<'EOF'
for tool in naqib-index naqib-search naqib-analyze; do
	for list in $(table_lists_of "$tool"); do
		run "$NAQIB_BIN/$tool" --list "$list"
		expect_status 0 "$tool --list $list"
		[ -s "$T/out" ] || fail "$tool --list $list is empty"
		awk -F'\t' 'NF != 2 || $1 == "" || $1 ~ / / { print; bad = 1 } END { exit bad }' \
			"$T/out" || fail "$tool --list $list: lines not VALUE<TAB>WHAT"
		[ "$(cut -f1 "$T/out" | sort | uniq -d)" = "" ] ||
			fail "$tool --list $list has a value twice"
	done
done
# The values are the ones the options take, and nothing else is.
for s in $("$NAQIB_BIN/naqib-index" --list stemmer | cut -f1); do
	run naqib_index -q -d "$T/stem-$s" --stemmer "$s" corpus/samples.trec
	expect_status 0 "naqib-index --stemmer $s"
	expect_eq "$(xapian-metadata get "$T/stem-$s" naqib.stemmer)" "$s" "stemmer $s stored"
done
for f in $("$NAQIB_BIN/naqib-index" --list format | cut -f1); do
	run naqib_index -q -d "$T/fmt" --format "$f" corpus/samples.trec
	expect_status 0 "naqib-index --format $f"
done
for f in $("$NAQIB_BIN/naqib-search" --list format | cut -f1); do
	run naqib_search -d "$db" -f "$f" -n 2 إضراب
	expect_status 0 "naqib-search -f $f"
	[ -s "$T/out" ] || fail "naqib-search -f $f printed nothing"
done
for w in $("$NAQIB_BIN/naqib-search" --list weighting | cut -f1); do
	run naqib_search -d "$db" --weighting "$w" -f trec -n 1 إضراب
	expect_status 0 "naqib-search --weighting $w"
done
for o in $("$NAQIB_BIN/naqib-search" --list sort | cut -f1); do
	run naqib_search -d "$db" --sort "$o" -f trec -n 1 إضراب
	expect_status 0 "naqib-search --sort $o"
done
run naqib_index -d "$T/x" --stemmer no-such-stemmer corpus/samples.trec
expect_status 2 "an unknown stemmer"
known=$("$NAQIB_BIN/naqib-index" --list stemmer | cut -f1 | paste -sd, - | sed 's/,/, /g')
expect_in "$T/err" "naqib-index: unknown stemmer 'no-such-stemmer' (known: $known)" \
	"the message names the table's stemmers"
EOF

test_case '--help and the messages name what the tables hold' <<'EOF'
expect_in_help() { # tool list what
	for v in $("$NAQIB_BIN/$1" --list "$2" | cut -f1); do
		"$NAQIB_BIN/$1" --help | tr -s ' \n' '  ' | grep -q -- "$v" ||
			fail "$1 --help does not name the $3 $v"
	done
}
expect_in_help naqib-index format format
expect_in_help naqib-index stemmer stemmer
expect_in_help naqib-search format format
expect_in_help naqib-search weighting "weighting scheme"
expect_in_help naqib-analyze stemmer stemmer
run naqib_search -d "$db" -f no-such-format x
expect_status 2 "an unknown output format"
expect_in "$T/err" "naqib-search: --format: unknown format 'no-such-format' ($("$NAQIB_BIN/naqib-search" --list format | cut -f1 | sed '$!s/$/,/' | tr '\n' ' ' | sed 's/, \([^ ]*\) $/ or \1/'))" \
	"the message lists the output formats"
EOF

test_case 'every value of every list is in the tool'"'"'s man page' <<'EOF'
for tool in naqib-index naqib-search naqib-analyze; do
	page=man/$tool.1
	# The page as text, the values bold or not.
	man_text=$(sed -e 's/\\-/-/g' -e 's/\\f[BIRP]//g' -e 's/^\.[A-Z][A-Z]* //' "$page")
	for list in $(table_lists_of "$tool"); do
		case $list in latin-stemmer) continue ;; esac # Snowball's
		for v in $("$NAQIB_BIN/$tool" --list "$list" | cut -f1); do
			printf '%s\n' "$man_text" | grep -qw -- "$v" ||
				fail "$page does not name '$v' (from $tool --list $list)"
		done
	done
done
# The fields of the schema: Latin and Arabic names are in naqib(7).
man7=$(sed -e 's/\\-/-/g' -e 's/\\f[BIRP]//g' man/naqib.7)
"$NAQIB_BIN/naqib-search" --list field >"$T/fields"
expect_eq "$(cut -f1 "$T/fields" | tr '\n' ' ')" "id union place year date mentions source title " \
	"the query fields"
while IFS='	' read -r name what; do
	printf '%s\n' "$man7" | grep -qF -- "$name:" || fail "naqib(7) has no $name:"
	for ar in $(printf '%s\n' "$what" | grep -o '[^ ,]*:' ); do
		printf '%s\n' "$man7" | grep -qF -- "$ar" || fail "naqib(7) has no $ar"
	done
done <"$T/fields"
EOF

test_case 'bash completion offers each tool'"'"'s own lists' <<'EOF'
command -v bash >/dev/null || fail "bash is missing"
complete_words() { # words...: what completing the last one offers
	bash -c '. completion/naqib.bash
COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); _naqib
for w in "${COMPREPLY[@]}"; do printf "%s\n" "$w"; done' naqib "$@" | sort | tr '\n' ' '
}
expect_eq "$(complete_words "$NAQIB_BIN/naqib-index" --stemmer '')" \
	"$("$NAQIB_BIN/naqib-index" --list stemmer | cut -f1 | sort | tr '\n' ' ')" \
	"completion of --stemmer"
expect_eq "$(complete_words "$NAQIB_BIN/naqib-search" -f '')" \
	"$("$NAQIB_BIN/naqib-search" --list format | cut -f1 | sort | tr '\n' ' ')" \
	"completion of naqib-search -f"
expect_eq "$(complete_words "$NAQIB_BIN/naqib-search" --list '')" \
	"$(lists_of naqib-search | tr ' ' '\n' | sort | tr '\n' ' ')" \
	"completion of --list"
expect_eq "$(complete_words "$NAQIB_BIN/naqib-search" --limit '')" "" \
	"a number is the user's to type"
EOF

test_case 'the placeholders of the query rewrite cannot be typed' <<'EOF'
# A union by name finds its documents ...
umt=$(ids "$db" UMT | wc -l)
[ "$umt" -gt 0 ] || fail "UMT finds nothing"
# ... the names the rewrite gives thesaurus entries and days do not, in
# any case, nor the old lower-case ones.
# A Latin name before a colon that is no field is refused (status 3), as
# the rewrite's own: FILTER0:, TITLE: and EXACT: too.
for q in 'naqibthes:0' 'naqibdate:20251014' 'THESAURUS:0' 'thesaurus:0' \
	'DAY:20251014' 'Thesaurus:1' '(THESAURUS:0 OR DAY:20251014)' \
	'TITLE:x' 'EXACT:0'; do
	run naqib_search -d "$db" -f trec --show-query "$q"
	expect_status 3 "'$q' is refused"
	expect_in "$T/err" "is not a field" "'$q': the message"
	! grep -q 'X[UPTDE]' "$T/err" || fail "'$q' became an internal term: $(cat "$T/err")"
done
# FILTER0: is two words before its colon (a digit ends a word): words.
run naqib_search -d "$db" -f trec --show-query 'FILTER0:union'
! grep -q 'X[UPTDE]' "$T/err" || fail "FILTER0:union became an internal term: $(cat "$T/err")"
run "$NAQIB_BIN/naqib-analyze" -d "$db" --query 'THESAURUS:0 DAY:20251014'
expect_status 3 "naqib-analyze of the placeholders"
expect_in "$T/err" "'THESAURUS:' is not a field" "naqib-analyze's message"
expect_not_in "$T/out" "XU" "no union term"
expect_not_in "$T/out" "XD2025" "no day term"
EOF

test_done
