# The query syntax: phrases (also in «» quotes), AND OR NOT, NEAR,
# wildcards, +/-, stopwords, --limit/--offset, and the exit statuses.
. tests/lib.sh
db=$T/db
index_corpus "$db"

# The phrase finds the texts where the two words are adjacent, and not
# jo-health-workers, where they are apart; AND finds both.
test_case 'a phrase finds adjacent words, not words apart; AND finds both' <<'EOF'
ids "$db" '"الحوار الاجتماعي"' >"$T/phrase"
grep -qxF corpus/texts/int-ilo-conference-2025.txt "$T/phrase" || fail "phrase: adjacent words not found"
! grep -qF jo-health "$T/phrase" || fail "phrase matched words that are apart"
ids "$db" 'الحوار AND الاجتماعي' >"$T/and"
grep -qF jo-health "$T/and" || fail "AND should find words that are apart"
EOF

# Guillemets and typographic quotes are quotes too.  (The phrase's hits are
# those of the case above, in $T/phrase.)
test_case 'guillemets and typographic quotes make a phrase too' <<'EOF'
expect_eq "$(ids "$db" '«الحوار الاجتماعي»')" "$(cat "$T/phrase")" "«» phrase"
expect_eq "$(ids "$db" '“الحوار الاجتماعي”')" "$(cat "$T/phrase")" "“” phrase"
EOF

# The phrase is normalized like every word.
test_case 'a phrase is normalized like every word' <<'EOF'
expect_eq "$(ids "$db" '"الحِوَارُ الإجتماعي"')" "$(cat "$T/phrase")" "phrase with diacritics and hamza"
EOF

# NEAR finds them within a window; jo-health has them further apart.
test_case 'NEAR finds words within its window' <<'EOF'
ids "$db" 'الحوار NEAR/2 الاجتماعي' >"$T/near"
grep -qxF corpus/texts/int-ilo-conference-2025.txt "$T/near" || fail "NEAR"
EOF

# Phrases match on stems (the index holds the positions on the stem terms):
# each form of «الحوار الاجتماعي» with its clitics finds the others; ="…"
# and =word keep the form as written.
cl=$T/clitics.jsonl
cat >"$cl" <<'JSON'
{"id":"bare","title":"بلاغ أول","body":"دعت النقابة إلى الحوار الاجتماعي في القطاع."}
{"id":"bi","title":"بلاغ ثان","body":"تمسك الاتحاد بالحوار الاجتماعي ونهج التشاور."}
{"id":"li","title":"بلاغ ثالث","body":"لا بديل للحوار الاجتماعي عند النقابيين."}
{"id":"wa","title":"بلاغ رابع","body":"ناقش المجلس الأجور والحوار الاجتماعي والتقاعد."}
{"id":"apart","title":"بلاغ خامس","body":"طال الحوار بين الطرفين ثم جاء الاتفاق الاجتماعي."}
{"id":"title-only","title":"الحوار الاجتماعي","body":"انعقد الحوار مع الحكومة، وكان الجو الاجتماعي متوترا."}
JSON
cdb=$T/clitics.db
naqib_index -q -d "$cdb" "$cl" || fail "indexing the clitics corpus"
test_case 'a phrase matches across clitics, each form finding the others' <<'EOF'
for q in '"الحوار الاجتماعي"' '"بالحوار الاجتماعي"' '"للحوار الاجتماعي"' '"والحوار الاجتماعي"'; do
	expect_eq "$(ids "$cdb" "$q" | sort | tr '\n' ' ')" "bare bi li title-only wa " "$q"
done
EOF
test_case 'NEAR and ADJ match across clitics too, and not words further apart' <<'EOF'
expect_eq "$(ids "$cdb" 'بالحوار NEAR/1 الاجتماعي' | sort | tr '\n' ' ')" \
	"bare bi li title-only wa " "NEAR/1"
expect_eq "$(ids "$cdb" 'الاجتماعي ADJ/1 للحوار' | sort | tr '\n' ' ')" "" "ADJ keeps the order"
ids "$cdb" 'الحوار NEAR/8 الاجتماعي' | grep -qx apart || fail "NEAR/8 should reach «apart»"
EOF
test_case 'title: and عنوان: search the titles only, a word, a phrase or a group' <<'EOF'
expect_eq "$(ids "$cdb" 'title:"الحوار الاجتماعي"' | tr '\n' ' ')" "title-only " 'title:"…"'
expect_eq "$(ids "$cdb" 'title:بلاغ' | tr '\n' ' ')" "apart bare bi li wa " "title:word"
expect_eq "$(ids "$cdb" 'عنوان:بلاغ' | tr '\n' ' ')" "apart bare bi li wa " "عنوان:word"
expect_eq "$(ids "$cdb" 'title:(رابع OR خامس)' | tr '\n' ' ')" "apart wa " "title:(…)"
expect_eq "$(ids "$cdb" 'title:الاتفاق' | tr '\n' ' ')" "" "a body word is not a title's"
EOF
test_case 'a hyphen or a slash between two words joins nothing: two words, not a phrase' <<'EOF'
expect_eq "$(ids "$db" 'UMT-CDT')" "$(ids "$db" 'UMT CDT')" "UMT-CDT"
[ -n "$(ids "$db" 'UMT-CDT')" ] || fail "UMT-CDT finds nothing"
expect_eq "$(ids "$db" 'الحوار-الاجتماعي')" "$(ids "$db" 'الحوار الاجتماعي')" "a hyphen between two words"
expect_eq "$(ids "$db" '2025/1922')" "$(ids "$db" '2025 1922')" "a slash between two numbers"
expect_eq "$(ids "$db" 'الحوار -الاجتماعي' | wc -l)" "$(ids "$db" 'الحوار AND NOT الاجتماعي' | wc -l)" "a - before a word is still NOT"
EOF
test_case 'a Latin name before a colon that is no field is an error; an Arabic word is a word' <<'EOF'
run naqib_search -d "$cdb" 'foo:bar الحوار'
expect_status 3 "foo:bar"
expect_in "$T/err" "'foo:' is not a field (the fields are id:, union:, place:, year:, date:, mentions:, source:, title:)" "the message names the fields"
expect_eq "$(ids "$cdb" 'المجلس:الأجور' | tr '\n' ' ')" "wa " "an Arabic word before a colon"
expect_eq "$(ids "$cdb" 'http://example.org/a الطرفين' | tr '\n' ' ')" "apart " "a web address is its words"
EOF
test_case '="…" is the phrase as written, =word the word as written' <<'EOF'
expect_eq "$(ids "$cdb" '="بالحوار الاجتماعي"')" "bi" '="بالحوار الاجتماعي"'
expect_eq "$(ids "$cdb" '=«الحوار الاجتماعي»' | sort | tr '\n' ' ')" "bare title-only " '=«»'
expect_eq "$(ids "$cdb" '=بالحوار')" "bi" "=بالحوار"
expect_eq "$(ids "$cdb" 'بالحوار' | wc -l | tr -d ' ')" "6" "بالحوار by its stem"
run naqib_search -d "$cdb" --show-query '="بالحوار الاجتماعي"'
expect_in "$T/err" "PHRASE 2" "the phrase on stems is kept beside the words as written"
EOF
test_case '="…" right after a phrase, in parentheses, and =word* (a wildcard) parse as they read' <<'EOF'
run naqib_search -d "$cdb" --show-query '"الحد الأدنى"="بالحوار الاجتماعي"'
expect_in "$T/err" "(Zالحد@1 PHRASE 2 Zادن@2) OR ((Zحوار@3 PHRASE 2 Zاجتماعي@4) AND (بالحوار AND الاجتماعي))" "two phrases side by side"
expect_eq "$(ids "$cdb" '(="بالحوار الاجتماعي")')" "bi" "in parentheses"
expect_eq "$(ids "$cdb" '=بالحو*')" "bi" "=word* is the wildcard"
EOF
test_case 'the snippet marks the whole phrase as written, and no lone word of it' <<'EOF'
run naqib_search -d "$cdb" -f json '"الحوار الاجتماعي"'
expect_eq "$(jq -r '.hits[] | select(.id == "bi") | .snippet_html' "$T/out")" \
	"تمسك الاتحاد <mark>بالحوار الاجتماعي</mark> ونهج التشاور." "one mark for the phrase"
expect_eq "$(jq -r '.hits[] | select(.id == "title-only") | .snippet_html' "$T/out")" \
	"انعقد الحوار مع الحكومة، وكان الجو الاجتماعي متوترا." "the phrase is in the title only: no word marked"
run naqib_search -d "$cdb" --explain '"الحوار الاجتماعي"'
expect_in "$T/out" '"الحوار الاجتماعي" ← بالحوار الاجتماعي (stem' "--explain names the phrase"
EOF
test_case 'a free word beside a phrase is still marked alone' <<'EOF'
run naqib_search -d "$cdb" -f json '"الحوار الاجتماعي" الحكومة'
expect_eq "$(jq -r '.hits[] | select(.id == "title-only") | .snippet_html' "$T/out")" \
	"انعقد الحوار مع <mark>الحكومة</mark>، وكان الجو الاجتماعي متوترا." "free word marked"
EOF

test_case 'OR, NOT, and AND of acronyms' <<'EOF'
ids "$db" الفوسفاط OR الفسفاط >"$T/or"
expect_eq "$(wc -l <"$T/or" | tr -d ' ')" "2" "OR"
expect_eq "$(ids "$db" '(الفوسفاط OR الفسفاط) NOT خريبكة')" "corpus/texts/tn-ugtt-gafsa-phosphate.txt" "NOT"
expect_eq "$(ids "$db" 'UMT AND UGTT AND ETUF')" "corpus/texts/int-ilo-conference-2025.txt" "AND of acronyms"
EOF

# -word excludes, +word requires.
test_case '-word excludes the documents that hold it' <<'EOF'
a=$(ids "$db" إضراب | wc -l)
b=$(ids "$db" 'إضراب -تونس' | wc -l)
[ "$b" -lt "$a" ] && [ "$b" -gt 0 ] || fail "-word: $b of $a"
! ids "$db" 'إضراب -تونس' | grep -q tn-ugtt-greve-generale || fail "-تونس kept a Tunisian text"
EOF

# Wildcards expand over the words of the index.
test_case 'a wildcard expands over the words of the index' <<'EOF'
ids "$db" 'الفوس*' >"$T/wild"
expect_eq "$(cat "$T/wild")" "corpus/texts/ma-umt-phosphate-khouribga.txt" "prefix*"
EOF

# Stopwords: dropped from free text; they have no positions in the index,
# so a phrase is matched without them, and matches with or without them.
# Negations keep their place: «لا تراجع» is not «تراجع».
test_case 'a stopword is dropped from free text' <<'EOF'
run naqib_search -d "$db" --show-query 'في الفوسفاط'
expect_not_in "$T/err" "Zفي" "stopword dropped"
EOF

test_case 'a negation keeps its place in a phrase' <<'EOF'
run naqib_search -d "$db" --show-query '"ﻻ تراجع"'
expect_in "$T/err" "لا" "negation kept in a phrase"
EOF

test_case 'a phrase matches across a stopword, and without it' <<'EOF'
run naqib_search -d "$db" --show-query -f trec '"عام في القطاع العام"'
expect_not_in "$T/err" "في@" "stopword left out of a phrase"
expect_eq "$(awk '{ print $3 }' "$T/out")" corpus/texts/tn-ugtt-greve-generale.txt "phrase across a stopword"
expect_eq "$(ids "$db" '"عام القطاع العام"')" corpus/texts/tn-ugtt-greve-generale.txt "the same phrase without it"
EOF

test_case 'a phrase of one stopword is the word' <<'EOF'
expect_eq "$(ids "$db" '"في"' | wc -l)" "$(ids "$db" 'في' | wc -l)" "a phrase of one stopword is the word"
EOF

# A query of stopwords alone still searches.
test_case 'a query of stopwords alone still searches' <<'EOF'
run naqib_search -d "$db" 'في'
expect_status 0 "stopword-only query"
EOF

# --limit and --offset page through the same ranking.
test_case '--limit and --offset page through the same ranking' <<'EOF'
naqib_search -d "$db" -f trec -n 6 الاتحاد >"$T/p"
naqib_search -d "$db" -f trec -n 3 --offset 3 الاتحاد >"$T/p2"
expect_eq "$(awk '{print $3, $4}' "$T/p2")" "$(sed -n '4,6p' "$T/p" | awk '{print $3, $4}')" "offset"
expect_eq "$(wc -l <"$T/p2" | tr -d ' ')" "3" "limit"
EOF

# Exit statuses: 0 hits, 1 none, 2 usage.
test_case 'exit status 0: hits' <<'EOF'
run naqib_search -d "$db" الفوسفاط
expect_status 0 "hits"
EOF

# id: is one document, its id in any form an output writes it; with words
# it keeps only that one of their hits; an id no document has finds none.
test_case 'id: filters on a document id, alone, with words, escaped, or none' <<'EOF'
expect_eq "$(ids "$db" 'id:corpus/texts/dz-snpsp-sante.txt')" "corpus/texts/dz-snpsp-sante.txt" "id alone"
expect_eq "$(ids "$db" 'إضراب id:«corpus/texts/dz-snpsp-sante.txt»')" "corpus/texts/dz-snpsp-sante.txt" "words and a quoted id"
expect_eq "$(ids "$db" 'id:corpus\x2ftexts/dz-snpsp-sante.txt')" "corpus/texts/dz-snpsp-sante.txt" "an id with \xHH"
expect_eq "$(ids "$db" 'id:corpus/texts/dz-snpsp-sante.txt OR id:corpus/texts/int-ilo-conference-2025.txt' | sort | tr '\n' ' ')" \
	"corpus/texts/dz-snpsp-sante.txt corpus/texts/int-ilo-conference-2025.txt " "two ids"
expect_eq "$(ids "$db" 'الفوسفاط -id:corpus/texts/tn-ugtt-gafsa-phosphate.txt')" "corpus/texts/ma-umt-phosphate-khouribga.txt" "-id: excludes"
run naqib_search -d "$db" 'id:corpus/texts/none.txt'
expect_status 1 "no such id"
EOF

test_case 'exit status 1: no hits, and a query with no word' <<'EOF'
run naqib_search -d "$db" كلمةغيرموجودةأبدا
expect_status 1 "no hits"
expect_in "$T/out" "no results" "no hits message"
run naqib_search -d "$db" '؟؟ ،،'
expect_status 1 "a query with no word"
EOF

test_case 'exit status 2: no query, --limit 0, an unknown format or option' <<'EOF'
run naqib_search -d "$db"
expect_status 2 "no query"
run naqib_search -d "$db" --limit 0 x
expect_status 2 "--limit 0"
expect_in "$T/err" "--limit: '0' is not a number from 1 to 10000" "--limit message"
run naqib_search -d "$db" --format xml x
expect_status 2 "unknown format"
run naqib_search -d "$db" --bogus x
expect_status 2 "unknown option"
EOF

# A misspelt or ambiguous long option is named with the nearest ones of
# the tool's own table (cli_bad_option()), in each of the three tools.
test_case 'a misspelt or ambiguous long option: did you mean, in the three tools' <<'EOF'
check() { # want command...
	want=$1
	shift
	run "$@"
	expect_status 2 "$*"
	expect_eq "$(cat "$T/err")" "$want" "$*: message"
}
check "naqib-search: unknown option '--limt' (did you mean --limit?); see --help" \
	naqib_search -d "$db" --limt 3 x
check "naqib-search: unknown option '--snipet-length' (did you mean --snippet-length?); see --help" \
	naqib_search -d "$db" --snipet-length=3 x
check "naqib-search: ambiguous option '--li' (did you mean --limit, --like, --like-terms or --list?); see --help" \
	naqib_search -d "$db" --li 3 x
check "naqib-search: unknown option '--bogus' (see --help)" \
	naqib_search -d "$db" --bogus x
check "naqib-search: option '--explain' takes no value (see --help)" \
	naqib_search -d "$db" --explain=yes x
check "naqib-search: unknown option '-x' (see --help)" \
	naqib_search -d "$db" --explain -xn 3 x
check "naqib-index: unknown option '--shardz' (did you mean --shards?); see --help" \
	naqib_index -d "$T/never.db" --shardz 2 corpus/texts
check "naqib-analyze: unknown option '--qeury' (did you mean --query?); see --help" \
	"$NAQIB_BIN/naqib-analyze" --qeury x
[ ! -e "$T/never.db" ] || fail "a usage error made a database"
EOF

# Filters that matched nothing, or something else, without a word.
test_case 'junk in filters is told (status 3): two ranges, a wildcard name, a reversed range' <<'EOF'
check() { # query message
	run naqib_search -d "$db" "$1"
	expect_status 3 "$1"
	expect_in "$T/err" "$2" "$1: message"
}
check 'date:2025-01..2025-06..x' "date:2025-01..2025-06..x: a range has one '..'"
check 'union:CDT*' "union:CDT*: a wildcard does not apply to the name of a union"
check 'place:الرباط*' "place:الرباط*: a wildcard does not apply to the name of a place"
check 'source:jawhara*' "source:jawhara*: a source is matched by its first words already"
check 'year:2026..2016' "year:2026..2016: the range ends before it begins (write year:2016..2026)"
check 'date:2025-06-01..2025-01-01' "(write date:2025-01-01..2025-06-01)"
check 'mentions:2026..2016' "(write mentions:2016..2026)"
run naqib_search -d "$db" 'year:2016..2026 union:CDT'
expect_status 0 "the range the right way round"
EOF

test_case 'the same database twice, or a stub and its shard: status 3, not every hit twice' <<'EOF'
run naqib_search -d "$db" -d "$db" الإضراب
expect_status 3 "the same database twice"
expect_in "$T/err" "database '$db' is searched already, through '$db': every hit would be listed twice" "message"
index_corpus "$T/sh.db" --shards 2
run naqib_search -d "$T/sh.db" -d "$T/sh.db/shard1" الإضراب
expect_status 3 "a stub and its shard"
expect_in "$T/err" "database '$T/sh.db/shard1' is searched already" "message"
run naqib_search -d "$T/sh.db/shard0" -d "$T/sh.db/shard1" -f trec -n 100 الإضراب
expect_status 0 "two shards"
expect_eq "$(cut -d' ' -f3 "$T/out" | sort | uniq -d)" "" "no hit twice"
EOF

test_done
