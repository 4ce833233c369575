# The document date of a text without one in its metadata (naqib_text_date():
# a dateline, a signature, «يوم أمس الثلاثاء 14 أكتوبر 2025», the first
# date written with its weekday, else the latest date), what the date:
# filter finds by it, and naqib-analyze --file showing the dates and the
# document date the index holds for the same text.
. tests/lib.sh
naqib_analyze() { "$NAQIB_BIN/naqib-analyze" "$@"; }
db=$T/db
S=corpus/seeds
# The date of a document of $db as the search shows it.
date_of() { # id
	naqib_search -d "$db" -f json -n 100 'date:1900-01-01..2099-12-31' |
		jq -r --arg id "$1" '.hits[] | select(.id == $id) | .date'
}

# The report of meetings from 30 March to 2 April 2021 that cites the
# founding of its coordination on 27 February 2021 is dated 2 April.
test_case 'a report citing an older founding date is dated by its latest date' <<'EOF'
run naqib_index -q -d "$db" $S
expect_status 0 "indexing the seeds"
expect_eq "$(date_of $S/000_5b3e357b2aeea092.txt)" 2021-04-02 "the report's date"
expect_eq "$(ids "$db" 'date:2021-03-01..2021-04-30')" "$S/000_5b3e357b2aeea092.txt" "date:2021-03-01..2021-04-30"
expect_eq "$(ids "$db" 'date:2021-02-27')" "" "not the founding date"
EOF

test_case '«يوم أمس الثلاثاء 14 أكتوبر 2025»: the text is of the 15th' <<'EOF'
expect_eq "$(date_of $S/002_d9e10adcaa726d5d.txt)" 2025-10-15 "the day after «أمس»"
expect_eq "$(ids "$db" 'date:2025-10-15')" "$S/002_d9e10adcaa726d5d.txt" "date:2025-10-15"
EOF

# The metadata's date comes first, whatever the text says.
test_case 'a metadata date comes before the text' <<'EOF'
jq -nc '{id: "m1", date: "2024-01-09", body: "عقد المكتب لقاء يوم أمس الثلاثاء 14 أكتوبر 2025"}' >"$T/m.jsonl"
naqib_index -q -d "$T/m.db" "$T/m.jsonl" || fail "indexing"
expect_eq "$(ids "$T/m.db" 'date:2024-01-09')" m1 "the metadata date"
expect_eq "$(ids "$T/m.db" 'date:2025-10-15')" "" "not the text's"
EOF

# A dateline at the top, an ordinal day in Eastern digits.
test_case 'a dateline, and «الأول من مايو ٢٠٢٥»' <<'EOF'
printf 'بلاغ\nالرباط في 12 ماي 2025\nيعلن المكتب الوطني عن إضراب يوم 20 ماي 2025.\n' >"$T/dateline.txt"
printf 'يحتفل العمال اليوم الخميس الأول من مايو ٢٠٢٥ بعيدهم الأممي في كل المدن.\n' >"$T/ordinal.txt"
naqib_index -q -d "$T/d.db" "$T/dateline.txt" "$T/ordinal.txt" || fail "indexing"
expect_eq "$(ids "$T/d.db" 'date:2025-05-12')" "$T/dateline.txt" "the dateline's day"
expect_eq "$(ids "$T/d.db" 'date:2025-05-01')" "$T/ordinal.txt" "the ordinal day"
EOF

# naqib-analyze --file lists the dates the index holds for the same text,
# those without a year too (they take the year nearest the document
# date), and the document date.
for f in $S/000_5b3e357b2aeea092.txt $S/002_d9e10adcaa726d5d.txt \
	corpus/texts/ma-cdt-greve-sante.txt corpus/texts/lb-cgtl-wages.txt \
	corpus/texts/tn-ugtt-greve-enseignement.txt; do
	test_case "naqib-analyze --file lists the day and month terms and the date the index holds: $f" <<'EOF'
rm -rf "$T/one.db"
naqib_index -q -d "$T/one.db" "$f" || fail "indexing $f"
run naqib_analyze --json --file "$f"
expect_status 0 "analysing $f"
jq -r '.dates[].term, .month_terms[]' "$T/out" | LC_ALL=C sort -u >"$T/analyze.days"
xapian-delve -r 1 -1 "$T/one.db" | grep -E '^X[DM]' | LC_ALL=C sort >"$T/index.days"
diff "$T/analyze.days" "$T/index.days" >"$T/diff" ||
	fail "day and month terms differ from the index: $(cat "$T/diff")"
[ -s "$T/index.days" ] || fail "no day in the index"
own=$(jq -r '.document_date.date // ""' "$T/out" | tr -d -)
expect_eq "$(xapian-delve -r 1 -1 "$T/one.db" | sed -n 's/^XE//p')" "$own" "the document date"
EOF
done

# A month and its year is the month in every calendar, written by a day or
# alone, and the month the document is dated in.
test_case 'a month and its year: the month in every calendar and digits' <<'EOF'
printf 'عقد المجلس اجتماعه في تشرين الأول 2025 لبحث الأجور.\n' >"$T/mashriq.txt"
printf 'نظم العمال وقفة يوم 14/10/2025 أمام الوزارة.\n' >"$T/numeric.txt"
printf 'أعلنت النقابة عن إضراب يوم 3 اكتوبر 2025 في القطاع.\n' >"$T/egypt.txt"
printf 'عقدت النقابة مؤتمرها في 3 نونبر 2025.\n' >"$T/other.txt"
printf 'القانون رقم 10/2025 المتعلق بالإضراب.\n' >"$T/law.txt"
naqib_index -q -d "$T/mo.db" "$T/mashriq.txt" "$T/numeric.txt" "$T/egypt.txt" "$T/other.txt" "$T/law.txt" ||
	fail "indexing"
want=$(printf '%s\n' "$T/egypt.txt" "$T/mashriq.txt" "$T/numeric.txt" | sort)
for q in "أكتوبر 2025" "تشرين الأول 2025" "October 2025" "octobre 2025" "10/2025" "اكتوبر ٢٠٢٥" "شهر أكتوبر من سنة 2025"; do
	expect_eq "$(ids "$T/mo.db" "$q")" "$want" "the month as '$q'"
done
EOF

test_case 'a month match is marked in the snippet and explained' <<'EOF'
run naqib_search -d "$T/mo.db" -f json --explain 'أكتوبر 2025'
expect_status 0 "searching"
jq -r '.hits[] | select(.id | endswith("mashriq.txt")) | .snippet_html' "$T/out" >"$T/snip"
expect_in "$T/snip" '<mark>تشرين الأول 2025</mark>' "the month as written, marked"
jq -r '.hits[] | select(.id | endswith("numeric.txt")) | .explain[] | "\(.form) \(.how) \(.detail)"' "$T/out" >"$T/why"
expect_in "$T/why" "14/10/2025 date 2025-10" "the day that matched, and the month"
EOF

test_case 'a day in a text without its year is marked, and the document date explained' <<'EOF'
printf 'عقدت النقابة لقاء يوم أمس الثلاثاء 14 أكتوبر 2025، وتباشر اللجان عملها يوم 20 أكتوبر.\n' >"$T/yearless.txt"
naqib_index -q -d "$T/y.db" "$T/yearless.txt" || fail "indexing"
run naqib_search -d "$T/y.db" --explain '20 أكتوبر 2025'
expect_in "$T/out" '**20 أكتوبر**' "the day without its year, marked"
run naqib_search -d "$T/y.db" --explain '15 أكتوبر 2025'
expect_in "$T/out" "15 أكتوبر 2025 ← 2025-10-15 (document date)" "the document date, explained"
EOF

test_case 'naqib-analyze --query: a month and its year is the month term' <<'EOF'
for q in "تشرين الأول 2025" "10/2025"; do
	run naqib_analyze --query --json "$q"
	expect_eq "$(jq -r '[.terms[].term] | join(" ")' "$T/out")" XM202510 "the term of '$q'"
	expect_eq "$(jq -r '.words[0] | "\(.kind) \(.detail)"' "$T/out")" "date 2025-10" "the word of '$q'"
done
run naqib_analyze --query "أكتوبر 2025"
expect_in "$T/out" "(month:2025-10)" "the month as a reader takes it"
EOF

test_done
