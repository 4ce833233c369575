#!/bin/sh
# Union domain knowledge: the thesaurus (CDT = ك.د.ش = الكونفدرالية
# الديمقراطية للشغل), dates in any month names and digits, the filters
# union: place: year: date: mentions: source:, the date sort, facets and
# --explain; a user's thesaurus file and its errors.
. tests/lib.sh

db=$T/db
index_corpus "$db"

# Every name of a union finds the same documents, among them one that only
# writes the Arabic name (jsonl-ma-cdt-001) and one that only writes the
# dotted acronym in its title.
ids "$db" CDT >"$T/cdt"
expect_in "$T/cdt" jsonl-ma-cdt-001 "CDT finds the Arabic name only"
expect_in "$T/cdt" corpus/texts/ma-cdt-greve-sante.txt "CDT"
for q in ك.د.ش كدش "الكونفدرالية الديمقراطية للشغل" "الكنفدرالية الديموقراطية للشغل" cdt; do
	ids "$db" "$q" >"$T/other"
	cmp -s "$T/cdt" "$T/other" || fail "'$q' and CDT differ: $(diff "$T/cdt" "$T/other" | tr '\n' ' ')"
done
# UMT: the Latin acronym, the dotted Arabic one, the name with ل + ال.
ids "$db" UMT >"$T/umt"
expect_in "$T/umt" corpus/texts/ma-umt-note-interne.txt "UMT finds إ.م.ش and للاتحاد المغربي للشغل"
expect_eq "$(ids "$db" 'إ.م.ش')" "$(cat "$T/umt")" "إ.م.ش = UMT"

# Next to NEAR or ADJ, or in a phrase, a name is matched as its words.
run naqib_search -d "$db" --show-query -f trec 'CDT NEAR/5 إضراب'
expect_status 0 "a name next to NEAR"
expect_in "$T/err" "cdt@1 NEAR 6" "NEAR keeps its words"
run naqib_search -d "$db" --show-query -f trec 'الرباط NEAR العمال'
expect_in "$T/err" "NEAR 11" "a place next to NEAR"
run naqib_search -d "$db" --show-query -f trec '"14 أكتوبر 2025"'
expect_in "$T/err" "PHRASE 3" "a date in a phrase"

# union: filters, by any name; unknown names are refused clearly.
ids "$db" union:UMT >"$T/f"
expect_eq "$(cat "$T/f")" "$(cat "$T/umt")" "union:UMT alone lists the UMT documents"
expect_eq "$(ids "$db" 'union:إ.م.ش')" "$(cat "$T/umt")" "union:إ.م.ش"
ids "$db" 'إضراب union:UMT' >"$T/f"
[ -s "$T/f" ] || fail "إضراب union:UMT finds nothing"
ids "$db" إضراب >"$T/all"
for id in $(cat "$T/f"); do grep -qx "$id" "$T/umt" || fail "union:UMT let $id through"; done
[ "$(wc -l <"$T/f")" -lt "$(wc -l <"$T/all")" ] || fail "union:UMT filters nothing"
# Two values of one field: either.  -field: excludes; NOT field: too.
expect_eq "$(ids "$db" 'union:CDT OR union:UMT')" "$(sort -u "$T/cdt" "$T/umt")" "union:CDT OR union:UMT"
expect_eq "$(ids "$db" 'union:CDT union:UMT')" "$(sort -u "$T/cdt" "$T/umt")" "union:CDT union:UMT"
ids "$db" 'إضراب -union:UMT' >"$T/not"
expect_eq "$(ids "$db" 'إضراب NOT union:UMT')" "$(cat "$T/not")" "NOT union: = -union:"
for id in $(cat "$T/not"); do ! grep -qx "$id" "$T/umt" || fail "-union:UMT kept $id"; done
run naqib_search -d "$db" union:XYZ
expect_status 3 "unknown union"
expect_in "$T/err" "union:XYZ: no such union in the thesaurus" "unknown union message"
run naqib_search -d "$db" 'union:'
expect_status 3 "union: without a value"
expect_in "$T/err" "needs a value" "empty filter message"

# place: by the gazetteer, with clitics (بالدار البيضاء) and quotes.
ids "$db" 'place:"الدار البيضاء"' >"$T/casa"
expect_in "$T/casa" corpus/texts/ma-odt-securite-nettoyage.txt "place: الدار البيضاء"
expect_eq "$(ids "$db" 'place:Casablanca')" "$(cat "$T/casa")" "place:Casablanca"
expect_eq "$(ids "$db" 'مكان:«الدار البيضاء»')" "$(cat "$T/casa")" "Arabic field name and «»"
expect_eq "$(ids "$db" place:البصرة)" "corpus/texts/iq-gfiw-basra-oil.txt" "place:البصرة"

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
	expect_eq "$(ids "$db" "$q")" "$want" "the day 14 October 2025 as '$q'"
done
for q in mentions:2025-10-14 "mentions:14/10/2025"; do
	expect_eq "$(ids "$db" "$q")" "$mentioning" "the day 14 October 2025 as '$q'"
done
# A document that gives the day and is dated that day ranks above one that
# only gives it.
expect_eq "$(naqib_search -d "$db" -f trec -n 6 "14 أكتوبر 2025" | awk 'END { print $3 }')" \
	jsonl-ma-cdt-001 "dated only: last"
# A range of days in the text holds every day of it («من 14 إلى 16»).
expect_eq "$(ids "$db" mentions:2025-10-15)" "corpus/texts/ma-cdt-greve-sante.txt" "day inside a range"

# date: and year: filter on the document date (metadata, else the text).
ids "$db" 'date:2025-10-01..2025-10-31' >"$T/oct"
expect_in "$T/oct" corpus/texts/iq-gfiw-basra-oil.txt "date from the text (Mashriqi month)"
expect_in "$T/oct" corpus/texts/lb-cgtl-wages.txt "date: range"
expect_not_in "$T/oct" corpus/texts/ma-cdt-bureau-executif-bilingue.txt "December outside October"
expect_eq "$(ids "$db" 'date:2025-10')" "$(cat "$T/oct")" "date:YYYY-MM"
expect_eq "$(ids "$db" 'تاريخ:١/١٠/٢٠٢٥..٣١/١٠/٢٠٢٥')" "$(cat "$T/oct")" "date: day first, Arabic-Indic digits"
expect_eq "$(ids "$db" year:2016)" "trec-dz-autonomes-003" "year: (TREC <TIME>10/10/2016)"
expect_eq "$(ids "$db" 'date:..2024-12-31')" "trec-dz-autonomes-003" "open range"
[ "$(ids "$db" year:2025 | wc -l)" -gt 30 ] || fail "year:2025"
run naqib_search -d "$db" 'date:2025-13-01'
expect_status 3 "a bad date"
expect_in "$T/err" "date:2025-13-01: not a date" "bad date message"
run naqib_search -d "$db" 'year:25'
expect_status 3 "a bad year"

# source: a source, or its first words.
expect_eq "$(ids "$db" 'source:"بيان نقابي"' | head -n 1)" "jsonl-lb-cgtl-005" "source:"

# Sort by date: newest first, oldest first; undated documents last in both.
naqib_search -d "$db" -f json -n 100 --snippet-length 0 --sort newest union:UMT |
	jq -r '.hits[].date' >"$T/newest"
naqib_search -d "$db" -f json -n 100 --snippet-length 0 --sort oldest union:UMT |
	jq -r '.hits[].date' >"$T/oldest"
grep . "$T/newest" | sort -r -c || fail "--sort newest: $(tr '\n' ' ' <"$T/newest")"
grep . "$T/oldest" | sort -c || fail "--sort oldest: $(tr '\n' ' ' <"$T/oldest")"
expect_eq "$(tail -n 1 "$T/newest")" "" "undated last (newest)"
expect_eq "$(tail -n 1 "$T/oldest")" "" "undated last (oldest)"
expect_eq "$(head -n 1 "$T/oldest")" "2025-05-01" "oldest UMT document"
run naqib_search -d "$db" --sort sideways x
expect_status 2 "bad --sort"

# Facets: counts over all matches, in text and JSON.
naqib_search -d "$db" -f json --facets=3 -n 1 'union:UMT OR union:CDT' >"$T/f.json"
expect_eq "$(jq -r '[.facets.union[] | "\(.value)=\(.count)"] | join(" ")' "$T/f.json")" \
	"UMT=$(wc -l <"$T/umt" | tr -d ' ') CDT=$(wc -l <"$T/cdt" | tr -d ' ') CGEM=1" "union facet"
expect_eq "$(jq -r '.facets.year[0].value' "$T/f.json")" "2025" "year facet"
expect_eq "$(jq -r '.facets | keys | join(" ")' "$T/f.json")" "place source union year" "facet kinds"
run naqib_search -d "$db" --facets -n 1 إضراب
expect_in "$T/out" "unions: " "text facets"
expect_in "$T/out" "years: 2025 " "text year facet"
run naqib_search -d "$db" -n 1 إضراب
expect_not_in "$T/out" "unions: " "no facets unless asked"

# --explain: which form matched which query word, and how.
run naqib_search -d "$db" -n 1 --explain 'ك.د.ش 14 تشرين الأول 2025'
expect_in "$T/out" "ك.د.ش ← " "explain line per query word"
expect_in "$T/out" "(thesaurus CDT)" "explain: thesaurus"
expect_in "$T/out" "(date 2025-10-14)" "explain: date"
naqib_search -d "$db" -f json -n 1 --explain 'النقابات الاضرابات' >"$T/e.json"
jq -e '[.hits[0].explain[] | .how] | index("stem") != null' "$T/e.json" >/dev/null ||
	fail "explain: stem: $(cat "$T/e.json")"
naqib_search -d "$db" -f json -n 10 --explain 'الاضراب' |
	jq -e '[.hits[].explain[] | select(.how == "normalization" and .form == "الإضراب")] | length > 0' >/dev/null ||
	fail "explain: normalization (الاضراب typed, الإضراب written)"

# The words of a name are marked together in snippets.
naqib_search -d "$db" -f json -n 1 'الاتحاد المغربي للشغل' | jq -r '.hits[0].snippet_html' >"$T/s"
expect_in "$T/s" "<mark>الاتحاد المغربي للشغل</mark>" "one mark for a name"

# A user's thesaurus adds entries; a new database keeps it for searching.
printf '# ours\nunion: XPROF | أساتذة التعليم العالي\nunion: XCW | عمال الحراسة\nplace: دوار الحاجة | Douar El Haja\n' >"$T/user.ths"
run naqib_index -q -d "$T/db2" --thesaurus "$T/user.ths" $CORPUS
expect_status 0 "--thesaurus"
expect_eq "$(ids "$T/db2" union:XCW)" "corpus/texts/ma-odt-securite-nettoyage.txt" "user entry"
expect_eq "$(ids "$T/db2" union:CDT)" "$(cat "$T/cdt")" "built-in entries kept"
# An existing database refuses another thesaurus without --force.
printf 'union: XCW | الحراسة الخاصة\n' >"$T/other.ths"
run naqib_index -q -d "$T/db2" --thesaurus "$T/other.ths" corpus/texts
expect_status 2 "another thesaurus"
expect_in "$T/err" "indexed with another thesaurus" "another thesaurus message"
run naqib_index -q -d "$T/db2" --force --thesaurus "$T/other.ths" $CORPUS
expect_status 0 "--force --thesaurus"
expect_eq "$(ids "$T/db2" union:XCW)" "corpus/texts/ma-odt-securite-nettoyage.txt" "new thesaurus"
# A bad thesaurus names its file and line, and makes no database.
printf 'union: A | a\nplace Rabat\n' >"$T/bad.ths"
run naqib_index -q -d "$T/db3" --thesaurus "$T/bad.ths" corpus/texts
expect_status 2 "bad thesaurus"
expect_in "$T/err" "thesaurus '$T/bad.ths', line 2" "bad thesaurus message"
run naqib_index -q -d "$T/db3" --thesaurus "$T/missing.ths" corpus/texts
expect_status 2 "missing thesaurus"
expect_in "$T/err" "--thesaurus: cannot read '$T/missing.ths'" "missing thesaurus message"
