#!/bin/sh
# Union domain knowledge: the thesaurus (CDT = ك.د.ش = الكونفدرالية
# الديمقراطية للشغل), dates in any month names and digits, the filters
# union: place: year: date: mentions: source:, the date sort, facets and
# --explain; a user's thesaurus file and its errors.
. tests/lib.sh

db=$T/db
index_corpus "$db"

# The documents CDT and UMT find, which the cases compare with.
ids "$db" CDT >"$T/cdt"
ids "$db" UMT >"$T/umt"

# Every name of a union finds the same documents, among them one that only
# writes the Arabic name (jsonl-ma-cdt-001) and one that only writes the
# dotted acronym in its title.
test_case 'every name of CDT finds the same documents, among them one with the Arabic name only' <<'EOF'
expect_in "$T/cdt" jsonl-ma-cdt-001 "CDT finds the Arabic name only"
expect_in "$T/cdt" corpus/texts/ma-cdt-greve-sante.txt "CDT"
for q in ك.د.ش كدش "الكونفدرالية الديمقراطية للشغل" "الكنفدرالية الديموقراطية للشغل" cdt; do
	ids "$db" "$q" >"$T/other"
	cmp -s "$T/cdt" "$T/other" || fail "'$q' and CDT differ: $(diff "$T/cdt" "$T/other" | tr '\n' ' ')"
done
EOF

# UMT: the Latin acronym, the dotted Arabic one, the name with ل + ال.
test_case 'UMT finds إ.م.ش and للاتحاد المغربي للشغل; إ.م.ش finds the same' <<'EOF'
expect_in "$T/umt" corpus/texts/ma-umt-note-interne.txt "UMT finds إ.م.ش and للاتحاد المغربي للشغل"
expect_eq "$(ids "$db" 'إ.م.ش')" "$(cat "$T/umt")" "إ.م.ش = UMT"
EOF

# Next to NEAR or ADJ, or in a phrase, a name is matched as its words.
test_case 'a union name next to NEAR is matched as its words' <<'EOF'
run naqib_search -d "$db" --show-query -f trec 'CDT NEAR/5 إضراب'
expect_status 0 "a name next to NEAR"
expect_in "$T/err" "cdt@1 NEAR 6" "NEAR keeps its words"
EOF

test_case 'a place next to NEAR is matched as its words' <<'EOF'
run naqib_search -d "$db" --show-query -f trec 'الرباط NEAR العمال'
expect_in "$T/err" "NEAR 11" "a place next to NEAR"
EOF

test_case 'a date in a phrase is matched as its words' <<'EOF'
run naqib_search -d "$db" --show-query -f trec '"14 أكتوبر 2025"'
expect_in "$T/err" "PHRASE 3" "a date in a phrase"
EOF

# union: filters, by any name; unknown names are refused clearly.
test_case 'union:UMT alone lists the UMT documents, by any of its names' <<'EOF'
ids "$db" union:UMT >"$T/f"
expect_eq "$(cat "$T/f")" "$(cat "$T/umt")" "union:UMT alone lists the UMT documents"
expect_eq "$(ids "$db" 'union:إ.م.ش')" "$(cat "$T/umt")" "union:إ.م.ش"
EOF

test_case 'union:UMT keeps the UMT documents of a query, and only them' <<'EOF'
ids "$db" 'إضراب union:UMT' >"$T/f"
[ -s "$T/f" ] || fail "إضراب union:UMT finds nothing"
ids "$db" إضراب >"$T/all"
for id in $(cat "$T/f"); do grep -qx "$id" "$T/umt" || fail "union:UMT let $id through"; done
[ "$(wc -l <"$T/f")" -lt "$(wc -l <"$T/all")" ] || fail "union:UMT filters nothing"
EOF

# Two values of one field: either.  -field: excludes; NOT field: too.
test_case 'two values of one field: either' <<'EOF'
expect_eq "$(ids "$db" 'union:CDT OR union:UMT')" "$(sort -u "$T/cdt" "$T/umt")" "union:CDT OR union:UMT"
expect_eq "$(ids "$db" 'union:CDT union:UMT')" "$(sort -u "$T/cdt" "$T/umt")" "union:CDT union:UMT"
EOF

test_case '-union: excludes, and NOT union: the same' <<'EOF'
ids "$db" 'إضراب -union:UMT' >"$T/not"
expect_eq "$(ids "$db" 'إضراب NOT union:UMT')" "$(cat "$T/not")" "NOT union: = -union:"
for id in $(cat "$T/not"); do ! grep -qx "$id" "$T/umt" || fail "-union:UMT kept $id"; done
EOF

# Next to words, a filter is an operand: OR with it is either, as written
# on either side; AND and a filter typed after the words keep both; NOT and
# parentheses apply to it.
test_case 'OR with a filter is either, on either side; AND and a bare filter both' <<'EOF'
ids "$db" إضراب >"$T/strike"
either=$(sort -u "$T/strike" "$T/cdt")
[ "$(echo "$either" | wc -l)" -gt "$(wc -l <"$T/strike")" ] || fail "the corpus should have CDT texts without إضراب"
expect_eq "$(ids "$db" 'إضراب OR union:CDT')" "$either" "إضراب OR union:CDT"
expect_eq "$(ids "$db" 'union:CDT OR إضراب')" "$either" "union:CDT OR إضراب"
both=$(comm -12 "$T/strike" "$T/cdt")
expect_eq "$(ids "$db" 'إضراب AND union:CDT')" "$both" "إضراب AND union:CDT"
expect_eq "$(ids "$db" 'إضراب union:CDT')" "$both" "إضراب union:CDT"
expect_eq "$(ids "$db" 'union:CDT AND NOT إضراب')" "$(comm -13 "$T/strike" "$T/cdt")" "union:CDT AND NOT إضراب"
expect_eq "$(ids "$db" '(إضراب OR union:CDT) -union:UMT')" "$(echo "$either" | comm -23 - "$T/umt")" "parentheses, then -union:"
EOF

test_case 'a hit found by the filter alone ranks after the hits of the words' <<'EOF'
naqib_search -d "$db" -f trec -n 1000 'union:CDT OR إضراب' | awk '{ print $3 }' >"$T/ranked"
last_word=$(grep -nxFf "$T/strike" "$T/ranked" | tail -1 | cut -d: -f1)
first_filter=$(grep -vnxFf "$T/strike" "$T/ranked" | head -1 | cut -d: -f1)
[ -n "$first_filter" ] && [ "$last_word" -lt "$first_filter" ] || fail "order: $(tr '\n' ' ' <"$T/ranked")"
EOF

# The default ranking never scores a document that holds a query word 0
# (DLH did, for a word a long text uses more than chance would: the seed
# naming the UMT three times came last with 0.000).
test_case 'no hit of a word scores 0 by default, the long seeds among them' <<'EOF'
# shellcheck disable=SC2086
naqib_index -q -d "$T/seeds.db" $CORPUS corpus/seeds || fail "indexing the corpus and the seeds"
for q in UMT 'الوقفة الاحتجاجية' إضراب النقابة; do
	# The first ranking's scores, and the reranked ones shown.
	for o in --no-rerank --rerank; do
		naqib_search -d "$T/seeds.db" -f trec -n 1000 $o "$q" >"$T/z"
		[ -s "$T/z" ] || fail "$q: no hit"
		zero=$(awk '$5 + 0 <= 0 { print $3 }' "$T/z")
		[ -z "$zero" ] || fail "$q $o: scored 0: $zero"
		sort -k5,5 -g -r -s "$T/z" | cmp -s - "$T/z" || fail "$q $o: the scores do not go down the list"
	done
done
naqib_search -d "$T/seeds.db" -f trec -n 1000 'الوقفة الاحتجاجية' | grep -q seeds/ || fail "the seed that writes الوقفة الاحتجاجية"
EOF

# A place of one word of the gazetteer is often a word too (الخبر, the news,
# is a Saudi town): a text names it only in its country's context, and
# place: finds it written anyway.
test_case "a gazetteer's one-word place: tagged in its country's context only, found by place: anyway" <<'EOF'
cat >"$T/gz.jsonl" <<'JSON'
{"id":"alone","body":"وقفة احتجاجية في السمارة أمس أمام العمالة."}
{"id":"ctx","body":"وقفة احتجاجية في السمارة بالمغرب أمس."}
{"id":"news","body":"نقلت الصحف الخبر عن وزارة العدل أمس."}
JSON
naqib_index -q -d "$T/gz.db" "$T/gz.jsonl" || fail "indexing"
expect_eq "$(ids "$T/gz.db" 'place:السمارة' | tr '\n' ' ')" "alone ctx " "place:السمارة"
naqib_search -d "$T/gz.db" -f json --facets 'أمس' | jq -r '[.facets.place[] | .value // .name] | join(" ")' >"$T/places"
expect_eq "$(cat "$T/places")" "السمارة (المغرب)" "the places the texts name"
EOF

test_case 'an unknown union is refused clearly (status 3)' <<'EOF'
run naqib_search -d "$db" union:XYZ
expect_status 3 "unknown union"
expect_in "$T/err" "union:XYZ: no such union in the thesaurus" "unknown union message"
expect_in "$T/err" "naqib-search --list unions lists them" "the message points to the list"
expect_not_in "$T/err" "naqib(7)" "naqib(7) does not list the names"
expect_not_in "$T/err" "did you mean" "no name is near XYZ"
EOF

# A name the thesaurus does not know is told with the nearest it knows
# (naqib_thesaurus_nearest()), compared normalized: Latin, Arabic, a
# dotted acronym, a name of several words (quoted, as a query takes it).
test_case 'an unknown union or place: the nearest names of the thesaurus' <<'EOF'
check() { # query nearest kind
	run naqib_search -d "$db" "$1"
	expect_status 3 "$1"
	expect_eq "$(cat "$T/err")" "naqib-search: $3:$(printf '%s' "${1#*:}" | tr -d '"'): no such $3 in the thesaurus (did you mean $2?); naqib-search --list ${3}s lists them" "$1: message"
}
check union:cdtt CDT union
check union:CGT 'CGTT, CGTM or CGTL' union
check 'union:ك.د.ت' 'ك.د.ش' union
check 'union:"الكونفدرالية الديموقراطية للشغيلة"' '"الكونفدرالية الديمقراطية للشغل"' union
EOF

# A place the thesaurus does not know is searched as its words, with a
# note (the nearest names in it): on stderr, in JSON's notes.
test_case 'an unknown place: searched as its words, with a note and the nearest places' <<'EOF'
check() { # query nearest
	run naqib_search -d "$db" "$1"
	expect_status 1 "$1: no match, no error"
	expect_eq "$(cat "$T/err")" "naqib-search: note: place:$(printf '%s' "${1#*:}" | tr -d '"'): no such place in the thesaurus: searched as the words \"$(printf '%s' "${1#*:}" | tr -d '"')\" (did you mean $2?)" "$1: note"
}
check 'place:"الدار البيضا"' 'الدار البيضاء'
check 'place:Casablanka' Casablanca
check 'مكان:الرباطط' 'الرباط'
printf '%s\n' '{"id":"x-tin","body":"إضراب عمال منجم تيزي نتاست"}' >"$T/tin.jsonl"
naqib_index -q -d "$T/dbw" "$T/tin.jsonl"
run naqib_search -d "$T/dbw" 'place:"تيزي نتاست"'
expect_status 0 "an unknown place's words are found"
expect_in "$T/out" "منجم" "the text that writes them"
expect_in "$T/err" 'note: place:تيزي نتاست: no such place in the thesaurus: searched as the words "تيزي نتاست"' "the note"
run naqib_search -d "$T/dbw" 'إضراب -place:"تيزي نتاست"'
expect_status 1 "-place: of an unknown place excludes its words"
run naqib_search -d "$T/dbw" -f json 'place:"تيزي نتاست"'
expect_eq "$(jq -r '.notes[0]' "$T/out")" 'place:تيزي نتاست: no such place in the thesaurus: searched as the words "تيزي نتاست"' "JSON notes"
expect_eq "$(jq -r '.hits[0].id' "$T/out")" x-tin "JSON hit"
EOF

test_case 'an Arabic field name with nothing after its colon is a word (a headline «مصدر: …»)' <<'EOF'
run naqib_search -d "$db" -f trec 'مصدر: إضراب'
expect_status 0 "مصدر: إضراب"
expect_eq "$(ids "$db" 'مصدر: إضراب')" "$(ids "$db" 'مصدر إضراب')" "the words"
EOF

test_case 'union: without a value is refused (status 3)' <<'EOF'
run naqib_search -d "$db" 'union:'
expect_status 3 "union: without a value"
expect_in "$T/err" "needs a value" "empty filter message"
EOF

# place: by the gazetteer, with clitics (بالدار البيضاء) and quotes.
test_case 'place: by any name of the gazetteer, with clitics, quotes and the Arabic field name' <<'EOF'
ids "$db" 'place:"الدار البيضاء"' >"$T/casa"
expect_in "$T/casa" corpus/texts/ma-odt-securite-nettoyage.txt "place: الدار البيضاء"
expect_eq "$(ids "$db" 'place:Casablanca')" "$(cat "$T/casa")" "place:Casablanca"
expect_eq "$(ids "$db" 'مكان:«الدار البيضاء»')" "$(cat "$T/casa")" "Arabic field name and «»"
EOF

test_case 'place:البصرة' <<'EOF'
expect_eq "$(ids "$db" place:البصرة)" "corpus/texts/iq-gfiw-basra-oil.txt" "place:البصرة"
EOF

# The same day however it is written: Egyptian, Mashriqi names, Arabic-Indic
# digits, numeric; each finds the five files that mention 14 October 2025,
# and jsonl-ma-cdt-001, dated that day by its metadata, which never writes
# it.  mentions: keeps to the five.
mentioning="corpus/texts/eg-etuf-minimum-wage.txt
corpus/texts/iq-gfiw-basra-oil.txt
corpus/texts/ma-cdt-greve-sante.txt
corpus/texts/ma-elections-commissions-paritaires-2025.txt
corpus/texts/tn-ugtt-greve-generale.txt"
want=$(printf '%s\njsonl-ma-cdt-001\n' "$mentioning" | sort)
for q in "14 أكتوبر 2025" "14 تشرين الأول 2025" "١٤ اكتوبر ٢٠٢٥" "14/10/2025" \
	"2025-10-14"; do
	test_case "the day 14 October 2025 as '$q': the five texts that give it, and the one dated that day" <<'EOF'
expect_eq "$(ids "$db" "$q")" "$want" "the day 14 October 2025 as '$q'"
EOF
done
for q in mentions:2025-10-14 "mentions:14/10/2025"; do
	test_case "$q: only the five texts that give the day" <<'EOF'
expect_eq "$(ids "$db" "$q")" "$mentioning" "the day 14 October 2025 as '$q'"
EOF
done
# A document that gives the day and is dated that day ranks above one that
# is only dated that day (ma-cdt-greve-sante, which announces a strike from
# the 14th to the 16th, is dated the 16th, its latest date: it only gives
# the day).
test_case 'a document dated that day that does not write it ranks below those that write it' <<'EOF'
expect_eq "$(naqib_search -d "$db" -f trec -n 6 "14 أكتوبر 2025" | awk 'NR <= 5 { print $3 }' | sort)" \
	"$(printf '%s\n' "$mentioning" | grep -v ma-cdt-greve-sante; echo jsonl-ma-cdt-001)" \
	"dated and written first, then dated only"
expect_eq "$(naqib_search -d "$db" -f trec -n 6 "14 أكتوبر 2025" | awk 'NR == 5 { print $3 }')" \
	jsonl-ma-cdt-001 "dated only: after those dated and written"
EOF
# A range of days in the text holds every day of it («من 14 إلى 16»).
test_case 'a range of days in the text holds every day of it' <<'EOF'
expect_eq "$(ids "$db" mentions:2025-10-15)" "corpus/texts/ma-cdt-greve-sante.txt" "day inside a range"
EOF

# date: and year: filter on the document date (metadata, else the text).
test_case 'date: a range filters on the document date, from the metadata or the text' <<'EOF'
ids "$db" 'date:2025-10-01..2025-10-31' >"$T/oct"
expect_in "$T/oct" corpus/texts/iq-gfiw-basra-oil.txt "date from the text (Mashriqi month)"
expect_in "$T/oct" corpus/texts/lb-cgtl-wages.txt "date: range"
expect_not_in "$T/oct" corpus/texts/ma-cdt-bureau-executif-bilingue.txt "December outside October"
EOF

test_case 'date:YYYY-MM, and a range day first in Arabic-Indic digits (as the case above)' <<'EOF'
expect_eq "$(ids "$db" 'date:2025-10')" "$(cat "$T/oct")" "date:YYYY-MM"
expect_eq "$(ids "$db" 'تاريخ:١/١٠/٢٠٢٥..٣١/١٠/٢٠٢٥')" "$(cat "$T/oct")" "date: day first, Arabic-Indic digits"
EOF

test_case 'year: and an open range of dates' <<'EOF'
expect_eq "$(ids "$db" year:2016)" "trec-dz-autonomes-003" "year: (TREC <TIME>10/10/2016)"
expect_eq "$(ids "$db" 'date:..2024-12-31')" "trec-dz-autonomes-003" "open range"
[ "$(ids "$db" year:2025 | wc -l)" -gt 30 ] || fail "year:2025"
EOF

test_case 'a bad date or year is refused (status 3)' <<'EOF'
run naqib_search -d "$db" 'date:2025-13-01'
expect_status 3 "a bad date"
expect_in "$T/err" "date:2025-13-01: not a date" "bad date message"
run naqib_search -d "$db" 'year:25'
expect_status 3 "a bad year"
EOF

# source: a source, or its first words.
test_case 'source: a source by its first words' <<'EOF'
expect_eq "$(ids "$db" 'source:"بيان نقابي"' | head -n 1)" "jsonl-lb-cgtl-005" "source:"
EOF

# Sort by date: newest first, oldest first; undated documents last in both.
test_case '--sort newest and oldest: in date order, undated documents last in both' <<'EOF'
naqib_search -d "$db" -f json -n 100 --snippet-length 0 --sort newest union:UMT |
	jq -r '.hits[].date' >"$T/newest"
naqib_search -d "$db" -f json -n 100 --snippet-length 0 --sort oldest union:UMT |
	jq -r '.hits[].date' >"$T/oldest"
grep . "$T/newest" | sort -r -c || fail "--sort newest: $(tr '\n' ' ' <"$T/newest")"
grep . "$T/oldest" | sort -c || fail "--sort oldest: $(tr '\n' ' ' <"$T/oldest")"
expect_eq "$(tail -n 1 "$T/newest")" "" "undated last (newest)"
expect_eq "$(tail -n 1 "$T/oldest")" "" "undated last (oldest)"
expect_eq "$(head -n 1 "$T/oldest")" "2025-05-01" "oldest UMT document"
EOF

test_case 'a bad --sort is a usage error' <<'EOF'
run naqib_search -d "$db" --sort sideways x
expect_status 2 "bad --sort"
EOF

# Facets: counts over all matches, in text and JSON.
test_case 'JSON facets: counts over all matches, of each kind' <<'EOF'
naqib_search -d "$db" -f json --facets=3 -n 1 'union:UMT OR union:CDT' >"$T/f.json"
expect_eq "$(jq -r '[.facets.union[] | "\(.value)=\(.count)"] | join(" ")' "$T/f.json")" \
	"UMT=$(wc -l <"$T/umt" | tr -d ' ') CDT=$(wc -l <"$T/cdt" | tr -d ' ') CGEM=1" "union facet"
expect_eq "$(jq -r '.facets.year[0].value' "$T/f.json")" "2025" "year facet"
expect_eq "$(jq -r '.facets | keys | join(" ")' "$T/f.json")" "place source union year" "facet kinds"
EOF

test_case 'text facets when asked, none unless asked' <<'EOF'
run naqib_search -d "$db" --facets -n 1 إضراب
expect_in "$T/out" "unions: " "text facets"
expect_in "$T/out" "years: 2025 " "text year facet"
run naqib_search -d "$db" -n 1 إضراب
expect_not_in "$T/out" "unions: " "no facets unless asked"
EOF

# --explain: which form matched which query word, and how.
test_case '--explain: a line per query word, the thesaurus and the date' <<'EOF'
run naqib_search -d "$db" -n 1 --explain 'ك.د.ش 14 تشرين الأول 2025'
expect_in "$T/out" "ك.د.ش ← " "explain line per query word"
expect_in "$T/out" "(thesaurus CDT)" "explain: thesaurus"
expect_in "$T/out" "(date 2025-10-14)" "explain: date"
EOF

test_case '--explain in JSON: a match by stem' <<'EOF'
naqib_search -d "$db" -f json -n 1 --explain 'النقابات الاضرابات' >"$T/e.json"
jq -e '[.hits[0].explain[] | .how] | index("stem") != null' "$T/e.json" >/dev/null ||
	fail "explain: stem: $(cat "$T/e.json")"
EOF

test_case '--explain in JSON: a match by normalization (الاضراب typed, الإضراب written)' <<'EOF'
naqib_search -d "$db" -f json -n 10 --explain 'الاضراب' |
	jq -e '[.hits[].explain[] | select(.how == "normalization" and .form == "الإضراب")] | length > 0' >/dev/null ||
	fail "explain: normalization (الاضراب typed, الإضراب written)"
EOF

# The words of a name are marked together in snippets.
# A union's name finds the documents that name the union, by any name; its
# words rank them too, and find no other document.
test_case "a union name's own words rank the union's documents, and find no others" <<'EOF'
cat >"$T/ugtt.jsonl" <<'JSON'
{"id":"acronym","body":"أصدرت UGTT بيانا حول الأجور والأسعار في القطاع العام والخاص مرات ومرات."}
{"id":"rivals","body":"نافست الجامعة العامة التونسية للشغل واتحاد عمال تونس الاتحاد العام التونسي للشغل في العمل النقابي."}
{"id":"words-only","body":"قال الاتحاد العام للشغالين إن العمل التونسي يحتاج إلى الشغل."}
JSON
naqib_index -q -d "$T/ugtt.db" "$T/ugtt.jsonl" || fail "indexing"
expect_eq "$(ids "$T/ugtt.db" 'الاتحاد العام التونسي للشغل' | tr '\n' ' ')" "$(ids "$T/ugtt.db" UGTT | tr '\n' ' ')" "the same documents as UGTT"
expect_eq "$(naqib_search -d "$T/ugtt.db" -f trec -n 1 'الاتحاد العام التونسي للشغل' | awk '{ print $3 }')" rivals "the text with the name's words first"
EOF

test_case 'the words of a name are marked together in a snippet' <<'EOF'
naqib_search -d "$db" -f json -n 1 'الاتحاد المغربي للشغل' | jq -r '.hits[0].snippet_html' >"$T/s"
grep -qE "<mark>(ال|لل|بال)اتحاد المغربي للشغل</mark>" "$T/s" || fail "one mark for a name: $(cat "$T/s")"
EOF

# A user's thesaurus adds entries; a new database keeps it for searching.
test_case "a user's thesaurus adds entries to a new database; the built-in ones stay" <<'EOF'
printf '# ours\nunion: XPROF | أساتذة التعليم العالي\nunion: XCW | عمال الحراسة\nplace: دوار الحاجة | Douar El Haja\n' >"$T/user.ths"
run naqib_index -q -d "$T/db2" --thesaurus "$T/user.ths" $CORPUS
expect_status 0 "--thesaurus"
expect_eq "$(ids "$T/db2" union:XCW)" "corpus/texts/ma-odt-securite-nettoyage.txt" "user entry"
expect_eq "$(ids "$T/db2" union:CDT)" "$(cat "$T/cdt")" "built-in entries kept"
EOF

# --list unions, places, terms: the thesaurus of the database (-d, before
# or after, or NAQIB_DB), the canonical name, a tab, the other names.
test_case '--list unions, places and terms: the thesaurus of the database' <<'EOF'
run naqib_search --list unions -d "$db"
expect_status 0 "--list unions"
expect_in "$T/out" "$(printf 'CDT\tالكونفدرالية الديمقراطية للشغل | ك.د.ش | Confédération démocratique du travail')" "CDT's line"
expect_eq "$(wc -l <"$T/out" | tr -d ' ')" "$(grep -c '^union:' data/thesaurus)" "one line a union"
awk -F'\t' 'NF != 2 || $1 == "" { bad = 1 } END { exit bad }' "$T/out" ||
	fail "--list unions: lines not NAME<TAB>NAMES"
NAQIB_DB=$db naqib_search --list places >"$T/places" || fail "--list places with NAQIB_DB"
expect_in "$T/places" "$(printf 'الدار البيضاء\tالدارالبيضاء | كازابلانكا | كازا | Casablanca')" "a place of two words"
expect_eq "$(wc -l <"$T/places" | tr -d ' ')" "$(cat data/thesaurus data/places | grep -c '^place:')" "one line a place"
naqib_search -d "$db" --list terms | cut -f1 | grep -qx 'الإضراب العام' || fail "--list terms"
EOF

test_case '--list unions: the database'"'"'s own thesaurus; none: status 5' <<'EOF'
naqib_search -d "$T/db2" --list unions >"$T/own" || fail "--list unions of db2"
expect_in "$T/own" "$(printf 'XCW\tعمال الحراسة')" "the user's entry"
expect_in "$T/own" "$(printf 'UMT\t')" "a built-in entry"
run naqib_search -d "$T/db2" union:XCWW
expect_in "$T/err" "(did you mean XCW?)" "the nearest name of the database's thesaurus"
run naqib_search -d "$T/no-such.db" --list unions
expect_status 5 "--list unions without a database"
expect_in "$T/err" "no database at" "no database message"
EOF

test_case '--list unions -f json: an array of {name, names}' <<'EOF'
run naqib_search -d "$db" -f json --list unions
expect_status 0 "-f json --list unions"
expect_eq "$(jq -r 'length' "$T/out")" "$(grep -c '^union:' data/thesaurus)" "one object a union"
expect_eq "$(jq -c '.[] | select(.name == "CDT")' "$T/out")" \
	'{"name":"CDT","names":["الكونفدرالية الديمقراطية للشغل","ك.د.ش","Confédération démocratique du travail"]}' "CDT"
expect_eq "$(jq -r '[.[] | select(.name == "UTICA") | .names[]] | last' "$T/out")" \
	"Union tunisienne de l'industrie, du commerce et de l'artisanat" "a name with a comma, whole"
EOF

# An existing database refuses another thesaurus without --force.  (The
# database is that of the case above.)
test_case 'an existing database refuses another thesaurus without --force' <<'EOF'
printf 'union: XCW | الحراسة الخاصة\n' >"$T/other.ths"
run naqib_index -q -d "$T/db2" --thesaurus "$T/other.ths" corpus/texts
expect_status 2 "another thesaurus"
expect_in "$T/err" "indexed with another thesaurus" "another thesaurus message"
EOF

test_case 'with --force, a database takes another thesaurus' <<'EOF'
run naqib_index -q -d "$T/db2" --force --thesaurus "$T/other.ths" $CORPUS
expect_status 0 "--force --thesaurus"
expect_eq "$(ids "$T/db2" union:XCW)" "corpus/texts/ma-odt-securite-nettoyage.txt" "new thesaurus"
EOF

# A bad thesaurus names its file and line, and makes no database.
test_case 'a bad thesaurus: its file and line named, status 2' <<'EOF'
printf 'union: A | a\nplace Rabat\n' >"$T/bad.ths"
run naqib_index -q -d "$T/db3" --thesaurus "$T/bad.ths" corpus/texts
expect_status 2 "bad thesaurus"
expect_in "$T/err" "thesaurus '$T/bad.ths', line 2" "bad thesaurus message"
EOF

# The message quotes the line, cut short: at a letter, never inside one.
test_case 'a bad thesaurus line is quoted cut at a letter, not inside one' <<'EOF'
printf 'spelling: aالكونفدرالية الكنفدرالية الكونفيدرالية الفدرالية الفيدرالية\n' >"$T/long.ths"
run naqib_index -q -d "$T/db3" --thesaurus "$T/long.ths" corpus/texts
expect_status 2 "bad thesaurus"
expect_in "$T/err" "a spelling line needs two words or more: ' aالكونفدرالية الكنفدرالية الكونفيدرالية ا'" "the quote, cut"
expect_utf8 "$T/err" "the message"
EOF

test_case 'a missing thesaurus: named, status 2' <<'EOF'
run naqib_index -q -d "$T/db3" --thesaurus "$T/missing.ths" corpus/texts
expect_status 2 "missing thesaurus"
expect_in "$T/err" "--thesaurus: cannot read '$T/missing.ths'" "missing thesaurus message"
EOF

test_done
