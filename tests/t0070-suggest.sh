#!/bin/sh
# "Did you mean": a misspelt word that no document holds in any form is
# replaced by the nearest word of the index, as the documents write it;
# spellings that normalization already joins never get one.
. tests/lib.sh
db=$T/db
index_corpus "$db"

# One letter wrong, missing, doubled, swapped: the word as written.
for typo in الفوصفاط الفوسفط الفوسسفاط الفوسفطا; do
	test_case "the typo $typo finds nothing and suggests الفوسفاط" <<'EOF'
run naqib_search -d "$db" "$typo"
expect_status 1 "'$typo' finds nothing"
expect_in "$T/out" "did you mean: الفوسفاط" "'$typo'"
EOF
done
# Every misspelt word of the query, with its hamza as the documents write
# it.
test_case 'every misspelt word is replaced, with its hamza as the documents write it' <<'EOF'
run naqib_search -d "$db" 'الإضربات  الفوصفاط'
expect_in "$T/out" "did you mean: الإضرابات  الفوسفاط" "two words, hamza from the documents"
EOF
# JSON carries it; TREC runs do not look for one.
test_case 'JSON carries the suggestion' <<'EOF'
naqib_search -d "$db" -f json الفوصفاط >"$T/j" || true
expect_eq "$(jq -r .suggestion "$T/j")" "الفوسفاط" "JSON suggestion"
EOF
test_case 'TREC runs look for no suggestion' <<'EOF'
run naqib_search -d "$db" -f trec الفوصفاط
expect_not_in "$T/out" "did you mean" "no suggestion in TREC"
EOF
# Hamza, diacritics, tatweel, ta marbuta: the same word, so hits and no
# suggestion.
for q in الاضراب الإِضْرَابُ الإضـــراب النقابه; do
	test_case "$q is no typo: hits and no suggestion" <<'EOF'
run naqib_search -d "$db" -n 1 "$q"
expect_status 0 "'$q' finds"
expect_not_in "$T/out" "did you mean" "'$q' is no typo"
EOF
done
# Nothing near: no suggestion.
test_case 'nothing near: no suggestion' <<'EOF'
run naqib_search -d "$db" qwzxkj
expect_status 1 "nonsense"
expect_not_in "$T/out" "did you mean" "nothing near"
EOF
# The search page links the suggestion.
test_case 'the search page links the suggestion' <<'EOF'
NAQIB_DB=$db REQUEST_METHOD=GET QUERY_STRING="q=$(printf 'الفوصفاط' | jq -sRr @uri)" \
	"$NAQIB_BIN/naqib.cgi" >"$T/page"
expect_in "$T/page" "هل تقصد: <a href=\"?q=$(printf 'الفوسفاط' | jq -sRr @uri)\"" "CGI suggestion link"
EOF

test_done
