#!/bin/sh
# "Did you mean": a misspelt word that no document holds in any form is
# replaced by the nearest word of the index, as the documents write it;
# spellings that normalization already joins never get one.
. tests/lib.sh
db=$T/db
index_corpus "$db"

# One letter wrong, missing, doubled, swapped: the word as written.
for typo in الفوصفاط الفوسفط الفوسسفاط الفوسفطا; do
	run naqib_search -d "$db" "$typo"
	expect_status 1 "'$typo' finds nothing"
	expect_in "$T/out" "did you mean: الفوسفاط" "'$typo'"
done
# Every misspelt word of the query, with its hamza as the documents write
# it.
run naqib_search -d "$db" 'الإضربات  الفوصفاط'
expect_in "$T/out" "did you mean: الإضرابات  الفوسفاط" "two words, hamza from the documents"
# JSON carries it; TREC runs do not look for one.
naqib_search -d "$db" -f json الفوصفاط >"$T/j" || true
expect_eq "$(jq -r .suggestion "$T/j")" "الفوسفاط" "JSON suggestion"
run naqib_search -d "$db" -f trec الفوصفاط
expect_not_in "$T/out" "did you mean" "no suggestion in TREC"
# Hamza, diacritics, tatweel, ta marbuta: the same word, so hits and no
# suggestion.
for q in الاضراب الإِضْرَابُ الإضـــراب النقابه; do
	run naqib_search -d "$db" -n 1 "$q"
	expect_status 0 "'$q' finds"
	expect_not_in "$T/out" "did you mean" "'$q' is no typo"
done
# Nothing near: no suggestion.
run naqib_search -d "$db" qwzxkj
expect_status 1 "nonsense"
expect_not_in "$T/out" "did you mean" "nothing near"
# The search page links the suggestion.
NAQIB_DB=$db REQUEST_METHOD=GET QUERY_STRING="q=$(printf 'الفوصفاط' | jq -sRr @uri)" \
	"$NAQIB_BIN/naqib.cgi" >"$T/page"
expect_in "$T/page" "هل تقصد: <a href=\"?q=$(printf 'الفوسفاط' | jq -sRr @uri)\"" "CGI suggestion link"
