# naqib-analyze: what the analysis makes of a text, word by word (offsets,
# normalization, stems, stopwords, terms), in a table and in JSON
# (-f/--format, --json); the terms it shows are those naqib-index writes;
# --query; --bidi on naqib-analyze and naqib-search; usage and input
# errors.
. tests/lib.sh
naqib_analyze() { "$NAQIB_BIN/naqib-analyze" "$@"; }
# No ./naqib.db here: the analysis is the default one unless -d is given.
mkdir "$T/empty"
cd "$T/empty"
repo=$OLDPWD
lrm=$(printf '\342\200\216')
tok() { jq -r ".tokens[$1]$2" "$T/out"; }

# ---------------------------------------------------------------- JSON

# Hamza, sukun and tatweel: الإضْرابـــات is 26 bytes, normalizes to
# الاضرابات and stems to اضراب; في is a stopword without a position; لا a
# negation that keeps one.  The cases after the first read its JSON, in
# $T/out.
test_case '--json: one valid JSON object, of five words' <<'EOF'
run naqib_analyze --json 'الإضْرابـــات في لا UMT ٢٠٢٥'
expect_status 0 "json"
jq -e . "$T/out" >/dev/null || fail "invalid JSON"
expect_eq "$(wc -l <"$T/out" | tr -d ' ')" "1" "one JSON object"
expect_eq "$(jq -r '.tokens | length' "$T/out")" 5 "five words"
EOF
test_case 'JSON: a word with hamza, sukun and tatweel: its bytes, normal form, stems, terms, position' <<'EOF'
expect_eq "$(tok 0 .text)" "الإضْرابـــات" "surface form"
expect_eq "$(tok 0 '| "\(.start)-\(.end)"')" "0-26" "offsets of the first word"
expect_eq "$(tok 1 '| "\(.start)-\(.end)"')" "27-31" "offsets of في"
expect_eq "$(tok 0 .normalized)" "الاضرابات" "normalized"
expect_eq "$(tok 0 .stem)" "اضراب" "stem"
expect_eq "$(tok 0 .stems.snowball)" "اضراب" "snowball stem"
expect_eq "$(tok 0 .stems.light)" "اضراب" "light stem"
expect_eq "$(tok 0 .stems.none)" "الاضرابات" "no stemmer: the normalized form"
expect_eq "$(tok 0 '.terms | map(.term) | join(" ")')" "الاضرابات Zاضراب" "terms"
expect_eq "$(tok 0 .position)" 1 "position"
EOF
test_case 'JSON: في is a stopword without a position, لا a negation that keeps one' <<'EOF'
expect_eq "$(tok 1 '| "\(.stopword) \(.negation) \(.position)"')" "true false null" \
	"في: a stopword without position"
expect_eq "$(tok 2 '| "\(.stopword) \(.negation) \(.position)"')" "true true 2" \
	"لا: a negation keeps its position"
EOF
test_case 'JSON: a Latin word; Eastern digits, a number with one term' <<'EOF'
expect_eq "$(tok 3 '| "\(.script) \(.normalized) \(.position)"')" "latin umt 3" "Latin word"
expect_eq "$(tok 4 '| "\(.script) \(.normalized)"')" "number 2025" "Eastern digits"
expect_eq "$(tok 4 '.terms | map("\(.term)@\(.position)") | join(" ")')" "Z2025@4" \
	"a number has one term, its stem term, at its position"
EOF
test_case 'JSON: the position is on the stem term, the word as normalized has none' <<'EOF'
expect_eq "$(tok 0 '.terms | map("\(.term)@\(.position)") | join(" ")')" \
	"الاضرابات@null Zاضراب@1" "one positional term a word"
EOF
test_case 'JSON: the stemmers, no database, and UMT found as a union' <<'EOF'
jq -e '.stemmer == "snowball" and .latin_stemmer == "french" and .database == null' \
	"$T/out" >/dev/null || fail "json header: $(head -c 300 "$T/out")"
jq -e '.names | any(.kind == "union" and .name == "UMT" and .term == "XUumt")' \
	"$T/out" >/dev/null || fail "UMT not found as a union: $(jq -c .names "$T/out")"
EOF

# Dates and domain terms, with the words they span.
test_case 'JSON: dates and domain terms, with the words they span' <<'EOF'
run naqib_analyze --json 'إضراب يوم 14 أكتوبر 2025'
jq -e '.dates == [{"first":2,"last":5,"date":"2025-10-14","term":"XD20251014"}]' \
	"$T/out" >/dev/null || fail "dates: $(jq -c .dates "$T/out")"
jq -e '.names | any(.kind == "term" and .term == "XTاضراب" and .first == 0)' \
	"$T/out" >/dev/null || fail "domain term: $(jq -c .names "$T/out")"
expect_eq "$(tok 3 .normalized)" "اكتوبر" "hamza folded"
EOF

# ---------------------------------------------------------------- table

test_case 'the table: its heading, a row a word, a stopword row' <<'EOF'
run naqib_analyze 'الإضْرابـــات في'
expect_status 0 "table"
head -n 1 "$T/out" | grep -q '^#  *bytes  *pos  *word  *normalized  *snowball  *light  *none  *flags  *terms$' ||
	fail "table heading: $(head -n 1 "$T/out")"
row=$(sed -n 2p "$T/out" | sed "s/$lrm//g" | tr -s ' ')
expect_eq "$row" "1 0-26 1 الإضْرابـــات الاضرابات اضراب اضراب الاضرابات arabic الاضرابات Zاضراب" "first row"
row=$(sed -n 3p "$T/out" | sed "s/$lrm//g" | tr -s ' ')
expect_eq "$row" "2 27-31 - في في في في في arabic,stopword في Zفي" "stopword row"
EOF
# Arabic cells end with a LEFT-TO-RIGHT MARK (logical order: a pipe).
test_case 'the table: Arabic cells end with a LEFT-TO-RIGHT MARK (the table of the case above)' <<'EOF'
expect_in "$T/out" "الاضرابات$lrm" "LRM after an Arabic cell"
EOF

# ---------------------------------------------------------------- input

# Standard input and files: the same words, offsets into the input.
test_case '--file: the offsets are into the file' <<'EOF'
printf 'نقابة\nالصحة\n' >"$T/in.txt"
run naqib_analyze --json --file "$T/in.txt"
expect_status 0 "--file"
expect_eq "$(jq -r '[.tokens[] | "\(.start)-\(.end)"] | join(" ")' "$T/out")" "0-10 11-21" "file offsets"
EOF
test_case 'standard input and --file - give what --file gives (the case above)' <<'EOF'
naqib_analyze --json <"$T/in.txt" >"$T/stdin.json" || fail "stdin"
cmp -s "$T/out" "$T/stdin.json" || fail "stdin and --file differ"
naqib_analyze --json --file - <"$T/in.txt" | cmp -s - "$T/out" || fail "--file - differs"
EOF

# ---------------------------------------------------------------- --format

# -f is --format, as in naqib-index and naqib-search; --json is
# --format json; the last one given wins.
test_case '-f json and --format=json are --json' <<'EOF'
naqib_analyze --json 'الإضراب UMT' >"$T/json.out" || fail "--json"
naqib_analyze -f json 'الإضراب UMT' | cmp -s - "$T/json.out" || fail "-f json differs from --json"
naqib_analyze --format=json 'الإضراب UMT' | cmp -s - "$T/json.out" ||
	fail "--format=json differs from --json"
EOF
test_case '--format text is the default; the last of --json and -f wins' <<'EOF'
naqib_analyze 'الإضراب UMT' >"$T/text.out" || fail "table"
naqib_analyze --format text 'الإضراب UMT' | cmp -s - "$T/text.out" ||
	fail "--format text differs from the default"
naqib_analyze --json -f text 'الإضراب UMT' | cmp -s - "$T/text.out" ||
	fail "--json -f text: the last one wins"
EOF
test_case 'a bad --format: status 2, a message, no output' <<'EOF'
run naqib_analyze -f xml 'الإضراب'
expect_status 2 "bad --format"
expect_eq "$(cat "$T/err")" "naqib-analyze: --format: unknown format 'xml' (text or json)" \
	"bad --format message"
expect_eq "$(wc -c <"$T/out" | tr -d ' ')" 0 "bad --format: no output"
EOF
# -f no longer takes a file: a file name is an unknown format.
test_case '-f takes no file: a file name is an unknown format' <<'EOF'
run naqib_analyze -f "$T/in.txt"
expect_status 2 "-f FILE"
expect_in "$T/err" "unknown format '$T/in.txt'" "-f FILE message"
EOF

# ---------------------------------------------------------------- errors

test_case 'a missing file: status 3, named' <<'EOF'
run naqib_analyze --file "$T/nope.txt"
expect_status 3 "missing file"
expect_in "$T/err" "naqib-analyze: cannot read '$T/nope.txt': No such file or directory" "missing file message"
EOF
test_case 'invalid UTF-8: status 3 and the byte offset' <<'EOF'
printf 'abc\377def' >"$T/bad.txt"
run naqib_analyze --file "$T/bad.txt"
expect_status 3 "invalid UTF-8"
expect_in "$T/err" "invalid UTF-8 sequence at byte offset 3" "invalid UTF-8 message"
EOF
test_case 'usage errors: an unknown option, a bad --bidi or --stemmer, text and --file, --db alone' <<'EOF'
run naqib_analyze --no-such-option x
expect_status 2 "unknown option"
expect_in "$T/err" "naqib-analyze: unknown option '--no-such-option'" "unknown option message"
run naqib_analyze --bidi sideways x
expect_status 2 "bad --bidi"
expect_in "$T/err" "--bidi: 'sideways' is not auto, logical or visual" "bad --bidi message"
run naqib_analyze --stemmer porter x
expect_status 2 "bad --stemmer"
expect_in "$T/err" "unknown stemmer 'porter'" "bad --stemmer message"
run naqib_analyze --file "$T/in.txt" word
expect_status 2 "text and --file"
run naqib_analyze --db
expect_status 2 "--db without a value"
expect_in "$T/err" "needs a value" "missing value message"
EOF
test_case 'a missing database: status 5' <<'EOF'
run naqib_analyze --db "$T/no.db" x
expect_status 5 "missing database"
EOF
test_case '--version' <<'EOF'
run naqib_analyze --version
expect_status 0 "--version"
grep -q '^naqib-analyze [0-9]' "$T/out" || fail "--version output"
EOF

# Another stemmer without a database.
test_case 'another stemmer without a database' <<'EOF'
run naqib_analyze --json -s light --latin-stemmer none 'النقابات Syndicats'
expect_eq "$(jq -r '"\(.stemmer) \(.tokens[0].stem) \(.tokens[1].stem)"' "$T/out")" \
	"light نقاب syndicats" "--stemmer light --latin-stemmer none"
EOF

# ---------------------------------------------------------------- the index

# The terms shown are the terms naqib-index writes, at the same positions:
# a document whose title is the text.  Its database, $T/db, is that of the
# cases after this one.
test_case 'with --db, the terms shown are those naqib-index writes for the text' <<'EOF'
text='أعلن الاتحاد المغربي للشغل (UMT) عن الإضْرابـــات يوم 14 أكتوبر 2025 لا تراجع'
jq -nc --arg t "$text" '{id: "d1", title: $t}' >"$T/d.jsonl"
naqib_index -q -d "$T/db" "$T/d.jsonl" || fail "indexing"
run naqib_analyze -d "$T/db" --json "$text"
expect_status 0 "with --db"
jq -e --arg db "$T/db" '.database == $db' "$T/out" >/dev/null || fail "database in JSON"
jq -r '[.tokens[].terms[].term, .names[].term, .dates[].term, .month_terms[]] | unique | .[]' "$T/out" |
	LC_ALL=C sort -u >"$T/analyze.terms"
# The document's own terms (id, date, year) do not come from its words;
# the title's ZS terms are its Z terms once more (the next case).
xapian-delve -r 1 -1 "$T/db" | sed 1d | grep -v -E '^(Q|XE|XY|ZS)' | LC_ALL=C sort >"$T/index.terms"
diff "$T/analyze.terms" "$T/index.terms" >"$T/diff" ||
	fail "terms differ from the index: $(cat "$T/diff")"
EOF
test_case 'with --db, the positions shown are those of the index (the case above)' <<'EOF'
jq -r '.tokens[] | .terms[] | select(.position) | "\(.position)\t\(.term)"' "$T/out" >"$T/analyze.pos"
xapian-pos -d 1 "$T/db" | awk -F '\t' 'NF == 2 && $1 ~ /^[0-9]+$/' >"$T/index.all"
# A title's stem terms are there twice, at the same positions: Z… and ZS….
split() { # keep: the terms of each position that are (1) or are not (0) ZS
	awk -F '\t' -v zs="$1" '{ n = split($2, t, " "); o = ""
		for (i = 1; i <= n; i++)
			if ((substr(t[i], 1, 2) == "ZS") == zs)
				o = o (o == "" ? "" : " ") (zs ? "Z" substr(t[i], 3) : t[i])
		if (o != "") print $1 "\t" o }' "$T/index.all"
}
split 0 >"$T/index.pos"
diff "$T/analyze.pos" "$T/index.pos" >"$T/diff" ||
	fail "positions differ from the index: $(cat "$T/diff")"
split 1 >"$T/title.pos"
diff "$T/analyze.pos" "$T/title.pos" >"$T/diff" ||
	fail "the title's ZS terms differ from its Z terms: $(cat "$T/diff")"
EOF
# The database's stemmers, and no other.
test_case "with --db, the database's stemmer and no other" <<'EOF'
run naqib_analyze -d "$T/db" -s light x
expect_status 2 "another stemmer than the database's"
expect_in "$T/err" "was indexed with --stemmer=snowball" "stemmer mismatch message"
EOF

# ---------------------------------------------------------------- --query

test_case '--query: a filter is shown where it was typed, as typed' <<'EOF'
run naqib_analyze -d "$T/db" --query 'حوار OR union:UMT -place:"الدار البيضاء"'
expect_status 0 "--query with filters"
expect_eq "$(sed -n 's/^normalized  //p' "$T/out" | sed "s/$(printf '\342\200\216')\$//")" 'حوار OR union:UMT -place:"الدار البيضاء"' "the filters as typed"
EOF
test_case '--query --json: the description, the words, a wildcard prefix' <<'EOF'
run naqib_analyze -d "$T/db" --query --json 'الإضراب union:UMT نقاب*'
expect_status 0 "--query"
jq -e '.description | contains("Zاضراب") and contains("XUumt")' "$T/out" >/dev/null ||
	fail "query description: $(jq -r .description "$T/out")"
jq -e '.words[0] == {"typed":"الإضراب","normalized":"الاضراب","stem":"اضراب","kind":"word","detail":""}' \
	"$T/out" >/dev/null || fail "query words: $(jq -c .words "$T/out")"
jq -e '.terms | any(.term == "نقاب" and .wildcard)' "$T/out" >/dev/null ||
	fail "wildcard prefix: $(jq -c .terms "$T/out")"
EOF
test_case "--query: the table shows Xapian's description" <<'EOF'
run naqib_analyze -d "$T/db" --query 'الإضراب'
expect_in "$T/out" "Query((Zاضراب@1 OR XTاضراب))" "query table: Xapian's description"
EOF
test_case "--query: the normalized line names the thesaurus's entries and the days, not the parser's placeholders" <<'EOF'
run naqib_analyze -d "$T/db" --query 'الإضراب 14/10/2025 ك.د.ش الدار البيضاء'
expect_status 0 "--query"
lrm=$(printf '\342\200\216')
grep '^normalized ' "$T/out" | sed "s/$lrm//g" >"$T/norm"
expect_eq "$(cat "$T/norm")" 'normalized  (الاضراب OR thesaurus:إضراب) (day:2025-10-14) thesaurus:CDT (الدار البيضاء OR thesaurus:"الدار البيضاء")' "the normalized line"
EOF
test_case '--query: a phrase is a word of kind phrase after its words; ="…" and =word read back as typed' <<'EOF'
run naqib_analyze -d "$T/db" --query --json '="بالحوار الاجتماعي" =النقابات'
expect_eq "$(jq -r '.words | map("\(.typed)/\(.kind)/\(.stem)") | join(" | ")' "$T/out")" \
	'بالحوار/word/حوار | الاجتماعي/word/اجتماعي | ="بالحوار الاجتماعي"/phrase/حوار اجتماعي | النقابات/word/نقاب' "the words"
jq -e '.description | contains("PHRASE 2") and contains("(بالحوار AND الاجتماعي)") and contains("النقابات")' \
	"$T/out" >/dev/null || fail "description: $(jq -r .description "$T/out")"
run naqib_analyze -d "$T/db" --query '="بالحوار الاجتماعي" =النقابات'
grep '^normalized ' "$T/out" | sed "s/$(printf '\342\200\216')//g" >"$T/norm"
expect_eq "$(cat "$T/norm")" 'normalized  ("بالحوار الاجتماعي" AND ="بالحوار الاجتماعي") =النقابات' "the normalized line"
EOF
# Without a database: the words work, the filters cannot.
test_case '--query without a database: the words work' <<'EOF'
run naqib_analyze --query --json 'الإِضْرَابُ'
expect_status 0 "query without a database"
jq -e '.normalized | startswith("(الاضراب OR THESAURUS:")' "$T/out" >/dev/null ||
	fail "normalized query: $(jq -r .normalized "$T/out")"
EOF
test_case '--query without a database: filters are refused (status 3)' <<'EOF'
run naqib_analyze --query 'إضراب union:UMT'
expect_status 3 "filters without a database"
expect_in "$T/err" "filters need a database (give one with --db" "filters message"
EOF

# ---------------------------------------------------------------- --bidi

# A pipe is logical order, whatever NAQIB_BIDI says; visual when asked.
test_case 'in a pipe, logical order whatever NAQIB_BIDI says' <<'EOF'
NAQIB_BIDI=visual run naqib_analyze 'إضراب'
expect_in "$T/out" "إضراب$lrm" "auto in a pipe: logical"
EOF
test_case '--bidi visual: each word reversed, no marks' <<'EOF'
run naqib_analyze --bidi visual 'إضراب UMT'
expect_in "$T/out" "بارضإ" "visual: the word reversed"
expect_not_in "$T/out" "$lrm" "visual: no marks"
row=$(sed -n 2p "$T/out" | tr -s ' ')
expect_eq "$row" "1 0-10 1 بارضإ بارضا بارضا بارضا بارضا arabic بارضا Zبارضا" "visual row"
EOF
test_case '--bidi visual --shape: lam-alef as one ligature' <<'EOF'
run naqib_analyze --bidi visual --shape 'لا'
expect_in "$T/out" "$(printf '\357\273\273')" "shaped lam-alef"
EOF
# JSON stays in logical order.
test_case 'JSON stays in logical order under --bidi visual' <<'EOF'
run naqib_analyze --bidi visual --json 'إضراب'
expect_eq "$(jq -r '.tokens[0].text' "$T/out")" "إضراب" "JSON in logical order"
EOF

# naqib-search: the snippet reordered, markers and colours on their words.
cd "$repo"
index_corpus "$T/corpus.db"
test_case 'naqib-search --bidi visual: the snippet reordered, the markers on their words' <<'EOF'
run naqib_search -d "$T/corpus.db" -n 3 --bidi visual 'الإضراب العام'
expect_status 0 "search --bidi visual"
expect_in "$T/out" "**مُّاعَلا بُارَضْإِلا**" "visual snippet with markers"
expect_in "$T/out" " results, 1 to 3 (" "Latin lines unchanged"
EOF
test_case 'naqib-search --bidi visual: the colours on their words' <<'EOF'
run naqib_search -d "$T/corpus.db" -n 3 --bidi visual --color always 'الإضراب العام'
expect_in "$T/out" "$(printf '\033[1;31m')ماع بارضإ$(printf '\033[0m')" "visual snippet with colours"
EOF
test_case 'naqib-search: logical order by default in a pipe' <<'EOF'
run naqib_search -d "$T/corpus.db" -n 3 'الإضراب العام'
expect_in "$T/out" "**الإِضْرَابُ العَامُّ**" "logical by default in a pipe"
EOF
test_case 'naqib-search: a bad --bidi is a usage error' <<'EOF'
run naqib_search -d "$T/corpus.db" --bidi diagonal x
expect_status 2 "naqib-search: bad --bidi"
EOF

# On a real terminal without bidi (tmux draws every line left to right):
# NAQIB_BIDI=visual in auto mode shows the title reversed, right-aligned
# to the pane's width, and the pane holds no logical-order Arabic line.
test_case 'a terminal without bidi (tmux), NAQIB_BIDI=visual: the title reversed and right-aligned' <<'EOF'
command -v tmux >/dev/null || fail "tmux is not installed (scripts/deps check installs it)"
sock=naqib-test-$$
tmux -L "$sock" -f /dev/null new-session -d -x 100 -y 30 \
	"NAQIB_BIDI=visual $NAQIB_BIN/naqib-search -d $T/corpus.db -n 1 --color never \
		'الهيئة الإدارية لاتحاد الشغل'; sleep 300" ||
	fail "tmux did not start"
# Up to a minute for the search to show (a guard: it takes well under a
# second).
i=0
while [ $i -lt 600 ]; do
	tmux -L "$sock" capture-pane -p -t 0 >"$T/pane" 2>/dev/null || true
	grep -q "results" "$T/pane" && break
	sleep 0.1
	i=$((i + 1))
done
tmux -L "$sock" kill-server 2>/dev/null || true
title=$(naqib_search -d "$T/corpus.db" -n 1 -f json 'الهيئة الإدارية لاتحاد الشغل' | jq -r '.hits[0].title')
# The title reversed word by word and letter by letter, as ubidi would
# draw it (these words have no marks and no digits).
rev_title=$(printf '%s\n' "$title" | LC_ALL=C.UTF-8 rev)
grep -qF -- "$rev_title" "$T/pane" || fail "tmux pane: the title is not in visual order: $(cat "$T/pane")"
! grep -qF -- "$title" "$T/pane" || fail "tmux pane: the title in logical order"
line=$(grep -F -- "$rev_title" "$T/pane")
[ "$(printf '%s' "$line" | LC_ALL=C.UTF-8 wc -m)" -ge 90 ] ||
	fail "tmux pane: the title line is not right-aligned: '$line'"
EOF

# Control characters of a text or a query are shown, not obeyed.
test_case 'the table: control characters of the query shown as \xHH' <<'EOF'
run naqib_analyze --query "$(printf 'إضراب \033]0;x\007')"
expect_status 0 "query"
if grep -q "$(printf '\033')" "$T/out"; then fail "an escape code reached the output: $(cat -v "$T/out")"; fi
expect_in "$T/out" 'إضراب \x1b]0;x\x07' "the query, visible"
EOF

test_done
