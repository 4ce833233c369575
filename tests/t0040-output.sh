# Output for people and programs: text with highlights (ANSI or markers),
# JSON, TREC run lines, batch mode; snippets keep the original text.
. tests/lib.sh
db=$T/db
index_corpus "$db"

# Text, not a terminal: ** markers, no escape codes.  The snippet shows the
# diacritics of the original while the query had none.
test_case 'text in a pipe: ranks, ids, ** markers on the vocalized words, no escape codes' <<'EOF'
run naqib_search -d "$db" -n 3 'الإضراب العام'
expect_status 0 "text"
expect_in "$T/out" "**الإِضْرَابُ العَامُّ**" "highlighted vocalized words"
expect_in "$T/out" "1. " "rank"
expect_in "$T/out" "corpus/texts/tn-ugtt-greve-generale.txt" "id"
if grep -q "$(printf '\033')" "$T/out"; then fail "escape codes in a pipe"; fi
EOF

# The count of matches does not depend on the page: every search looks
# at 1000 matches at least (search.cc, check_at_least), so that below
# that the count is exact ("N results"); it once was about 30 for -n 5 and
# 20 for -n 50.
test_case 'the count line is the same for -n 1, 5 and 50, exact: N results' <<'EOF'
# The queries in one batch, each -n one run (under valgrind a run costs
# seconds); the true counts from the tool unwrapped.
i=0
for q in إضراب 'الاضراب العام' 'ك.د.ش إضراب' 'إضراب union:UMT' 'place:"الدار البيضاء" year:2025'; do
	i=$((i + 1))
	printf '%s\t%s\n' "$i" "$q"
done >"$T/counts.tsv"
"$NAQIB_BIN/naqib-search" -d "$db" -f trec -n 1000 --queries "$T/counts.tsv" |
	awk '{ n[$1]++ } END { for (q = 1; q <= 5; q++) printf "%d %d\n", q, n[q] }' >"$T/all"
[ "$(awk '$2 > 0' "$T/all" | wc -l)" = 5 ] || fail "a query with no match: $(cat "$T/all")"
awk '{ printf "%d result%s\n", $2, $2 == 1 ? "" : "s" }' "$T/all" >"$T/want-text"
awk '{ printf "[\"%d\",%d,true]\n", $1, $2 }' "$T/all" >"$T/want-json"
for n in 1 5 50; do
	run naqib_search -d "$db" -n $n --queries "$T/counts.tsv"
	expect_status 0 "-n $n"
	grep ' results*, 1 to ' "$T/out" | sed 's/, 1 to .*//' >"$T/got-text"
	expect_eq "$(cat "$T/got-text")" "$(cat "$T/want-text")" "-n $n: the count lines"
	run naqib_search -d "$db" -f json -n $n --queries "$T/counts.tsv"
	jq -c '[.qid, .estimated_matches, .matches_exact]' "$T/out" >"$T/got-json"
	expect_eq "$(cat "$T/got-json")" "$(cat "$T/want-json")" "-n $n: JSON"
done
EOF

# Past 1000 matches the count is Xapian's estimate, and says so.
test_case 'past 1000 matches: about N results, and matches_exact false' <<'EOF'
make_corpus 1500 "$T/big.jsonl"
# The database is the setting, not what is tested: made unwrapped.
"$NAQIB_BIN/naqib-index" -q -d "$T/big.db" "$T/big.jsonl" || fail "indexing 1500 documents"
run naqib_search -d "$T/big.db" -n 5 'النقابة OR الحكومة'
expect_status 0 "a query matching most documents"
head -n 1 "$T/out" | grep -q '^about [0-9]* results, 1 to 5 ' ||
	fail "the count line: $(head -n 1 "$T/out")"
run naqib_search -d "$T/big.db" -f json -n 5 'النقابة OR الحكومة'
expect_eq "$(jq '.matches_exact' "$T/out")" "false" "JSON matches_exact"
EOF

# Colour when asked, and never with NO_COLOR unless forced.
test_case 'colour with --color always, none with NO_COLOR and --color auto' <<'EOF'
run naqib_search -d "$db" -n 1 --color always الفوسفاط
expect_in "$T/out" "$(printf '\033[1;31m')" "ANSI highlight with --color=always"
NO_COLOR=1 run naqib_search -d "$db" -n 1 --color auto الفوسفاط
if grep -q "$(printf '\033')" "$T/out"; then fail "escape codes with NO_COLOR"; fi
EOF

# Titles and dates are shown.
test_case 'a hit shows its title' <<'EOF'
run naqib_search -d "$db" -n 1 خريبكة
expect_in "$T/out" "$(head -n 1 corpus/texts/ma-umt-phosphate-khouribga.txt)" "title"
EOF

# JSON: valid, UTF-8, every field; highlights point at the marked words.
test_case 'JSON: one valid object, its header, every field of each hit, the ranks' <<'EOF'
run naqib_search -d "$db" -f json -n 5 'الإضراب العام'
expect_status 0 "json"
jq -e . "$T/out" >/dev/null || fail "invalid JSON"
expect_eq "$(wc -l <"$T/out" | tr -d ' ')" "1" "one JSON object a result set"
jq -e '.query == "الإضراب العام" and (.hits | length) == 5 and .estimated_matches >= 5' "$T/out" >/dev/null ||
	fail "json header"
jq -e '[.hits[] | .rank, .score, .id, .title, .date, .snippet, .snippet_html, .highlights] | all(. != null)' "$T/out" >/dev/null ||
	fail "json hit fields"
jq -e '[.hits[].rank] == [1,2,3,4,5]' "$T/out" >/dev/null || fail "json ranks"
EOF

# Each highlight (code point offsets) covers a word that the query matches.
# (Diacritics, U+064B..U+0652, are taken off before comparing.)  The JSON is
# that of the case above, in $T/out.
test_case 'JSON: each highlight covers a word the query matches; snippet_html has <mark>' <<'EOF'
words=$(jq -r '.hits[] | .snippet as $s | .highlights[] | $s[.[0]:.[1]]' "$T/out" |
	LC_ALL=C sed 's/\xd9[\x8b-\x92]//g' | sort -u | tr '\n' ' ')
[ -n "$words" ] || fail "no highlights"
for w in $words; do
	case $w in
	*ضراب* | *عام*) ;;
	*) fail "highlight on '$w'" ;;
	esac
done
jq -r '.hits[].snippet_html' "$T/out" | grep -q '<mark>' || fail "no <mark> in snippet_html"
EOF

# Document text is escaped in HTML.
test_case 'document text is escaped in snippet_html' <<'EOF'
printf '{"id":"x1","title":"t","body":"الإضراب <script>alert(1)</script> & \\"done\\""}\n' >"$T/x.jsonl"
naqib_index -q -d "$T/xdb" "$T/x.jsonl"
naqib_search -d "$T/xdb" -f json الإضراب >"$T/x.json"
expect_eq "$(jq -r '.hits[0].snippet_html' "$T/x.json")" \
	'<mark>الإضراب</mark> &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;done&quot;' "HTML escaping"
EOF

# No hits is still a result set.
test_case 'JSON: no hits is still a result set' <<'EOF'
run naqib_search -d "$db" -f json كلمةغيرموجودةأبدا
expect_status 1 "json, no hits"
jq -e '.hits == []' "$T/out" >/dev/null || fail "empty hits"
EOF

# TREC run format.
test_case 'TREC run lines: six fields, ranks in order, scores not increasing' <<'EOF'
run naqib_search -d "$db" -f trec --qid Q7 --run-tag test -n 4 الاتحاد
awk 'NF != 6 || $1 != "Q7" || $2 != "Q0" || $4 != NR || $6 != "test" { bad = 1 } END { exit bad }' "$T/out" ||
	fail "TREC lines: $(cat "$T/out")"
awk 'NR > 1 && $5 > prev { bad = 1 } { prev = $5 } END { exit bad }' "$T/out" || fail "scores not decreasing"
EOF

# Batch mode: one process, many queries; bad lines are reported with their
# line number and the others still run.
test_case 'batch: a bad line is reported with its number, the other queries run' <<'EOF'
printf 'q1\tخريبكة\nq2\tقفصة\n\nbad line without tab\nq3\tكلمةغيرموجودةأبدا\n' >"$T/queries"
run naqib_search -d "$db" -f trec --queries "$T/queries"
expect_status 3 "batch with a bad line"
expect_in "$T/err" "naqib-search: $T/queries:4: expected QID<TAB>query" "bad line message"
expect_eq "$(awk '{print $1, $3}' "$T/out" | grep -E '^q[12] ' | head -2 | tr '\n' ';')" \
	"q1 corpus/texts/ma-umt-phosphate-khouribga.txt;q2 corpus/texts/tn-ugtt-gafsa-phosphate.txt;" "batch results"
EOF

test_case 'batch in JSON Lines from standard input' <<'EOF'
printf 'q1\tالفوسفاط\nq2\tالإضراب العام\n' | naqib_search -d "$db" -f json --queries - >"$T/b.json"
expect_eq "$(jq -r .qid "$T/b.json" | tr '\n' ' ')" "q1 q2 " "batch JSON Lines"
EOF

# Where a hit's text came from: a line under its id for a document that
# says (here a JSON line's author), none for a .txt file, whose hit shows as
# it always did; in JSON, the keys in every hit.
printf '%s\n' '{"id":"auth1","title":"بيان الفوسفاط","author":"المكتب الجهوي","body":"بيان عن عمال الفوسفاط"}' >"$T/auth.jsonl"
naqib_index -q -d "$T/authdb" "$T/auth.jsonl" corpus/texts/ma-umt-phosphate-khouribga.txt
test_case 'a hit shows its author on a line of its own; a .txt hit has no such line' <<'EOF'
run naqib_search -d "$T/authdb" --color never -n 1 'بيان الفوسفاط'
expect_status 0 "search"
expect_eq "$(sed -n '4p' "$T/out")" "   auth1" "the id line"
expect_eq "$(sed -n '5p' "$T/out")" "   by المكتب الجهوي" "the author's line"
expect_in "$T/out" "   **بيان** عن عمال **الفوسفاط**" "then the snippet"
run naqib_search -d "$T/authdb" --color never -n 1 خريبكة
expect_eq "$(sed -n '4p' "$T/out" | awk '{ print $1 }')" "corpus/texts/ma-umt-phosphate-khouribga.txt" "the .txt hit's id line"
sed -n '5p' "$T/out" | grep -q '\*\*' || fail "not the snippet under the .txt hit's id line: $(sed -n '5p' "$T/out")"
run naqib_search -d "$T/authdb" -f json -n 5 الفوسفاط
jq -e '[.hits[] | has("author", "format", "parent", "pages", "ocr_confidence", "title_from_text")] | all' "$T/out" >/dev/null ||
	fail "a hit without the keys of provenance: $(cat "$T/out")"
jq -e '[.hits[] | select(.id == "auth1") | .author] == ["المكتب الجهوي"]' "$T/out" >/dev/null || fail "author: $(cat "$T/out")"
jq -e '[.hits[] | select(.id != "auth1") | .author, .format, .pages, .ocr_confidence, .title_from_text] == ["", "", null, null, false]' "$T/out" >/dev/null ||
	fail "the .txt hit's keys: $(cat "$T/out")"
EOF

# A document's escape sequences (clear the screen, set the window title,
# hide text) are shown as \xHH in text output, whatever --color says;
# naqib's own colours are the only sequences written.
printf '%s\n' '{"id":"esc1","title":"clear \u001b[2J title \u001b]0;pwned\u0007 tab\there","source":"src \u001b[8m","url":"u\u009b1m","author":"by \u001b[2J me","body":"الإضراب hidden \u001b[8m secret الإضراب"}' >"$T/esc.jsonl"
naqib_index -q -d "$T/escdb" "$T/esc.jsonl"
test_case 'text output: escape sequences of a document are shown, not obeyed (--color never)' <<'EOF'
run naqib_search -d "$T/escdb" --color never --explain --facets الإضراب
expect_status 0 "search"
if grep -q "$(printf '\033')" "$T/out"; then fail "an escape code reached the output: $(cat -v "$T/out")"; fi
expect_in "$T/out" '1. clear \x1b[2J title \x1b]0;pwned\x07 tab here' "the title, visible"
expect_in "$T/out" '   esc1  src \x1b[8m  u\xc2\x9b1m' "id, source and URL, visible"
expect_in "$T/out" '   by by \x1b[2J me' "the author, visible"
expect_in "$T/out" '**الإضراب** hidden \x1b[8m secret **الإضراب**' "the snippet, visible"
expect_in "$T/out" 'src \x1b[8m 1' "the facet, visible"
expect_utf8 "$T/out" "the output"
EOF

test_case 'text output: the only escape sequences are the colours of naqib (--color always)' <<'EOF'
run naqib_search -d "$T/escdb" --color always --explain الإضراب
expect_in "$T/out" '\x1b[2J' "the document's, visible"
# Every ESC starts one of the sequences of outputs/text.c.
others=$(sed 's/\x1b\[\(0\|1\|2\|1;31\)m//g' "$T/out" | tr -cd '\033' | wc -c)
expect_eq "$others" 0 "other escape codes"
EOF

test_case 'a query and --queries together: a usage error' <<'EOF'
printf 'q1\tالفوسفاط\n' >"$T/q1"
run naqib_search -d "$db" --queries "$T/q1" extra words
expect_status 2 "query and --queries"
EOF

test_done
