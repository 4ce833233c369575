# Reposts collapsed (the fingerprint of a body's words, schema.h) and
# similar documents (--like, --prf): naqib-search and naqib.cgi.
. tests/lib.sh
db=$T/db
K=corpus/texts/ma-umt-phosphate-khouribga.txt
mkdir -p "$T/c"
# The same communiqué reposted: other punctuation and spacing, tashkeel,
# tatweel and hamza; and a version with one word changed, which is another
# text.
cp $K "$T/c/repost-a.txt"
sed 's/،/ ،  /g; s/الوطنية/الوطنـــية/; s/إدارة/ادارة/; s/عاجلة/عاجِلة/' $K >"$T/c/repost-b.txt"
sed 's/عاجلة/فورية/' $K >"$T/c/other.txt"
# A text made of the first half of the communiqué and of another text: the
# one most like it.
{ head -c 700 $K; echo; head -c 700 corpus/texts/tn-ugtt-greve-generale.txt; } >"$T/c/half.txt"
index_corpus "$db"
naqib_index -q -d "$db" "$T/c"
hits() { # query... : the ids of a JSON search, one a line
	naqib_search -d "$db" -f json -n 50 "$@" | jq -r '.hits[].id'
}

test_case 'the copies of a text are one hit, the others listed with it (json, text, csv)' <<'EOF'
naqib_search -d "$db" -f json -n 50 خريبكة >"$T/s.json"
expect_eq "$(jq -r '.hits[].id' "$T/s.json" | grep -c -e "$K" -e repost-)" 1 "one hit of the three copies"
expect_eq "$(jq -r '.hits[0].copies | length' "$T/s.json")" 2 "two copies listed"
expect_eq "$(jq -r '[.hits[0].id] + .hits[0].copies | sort | join(" ")' "$T/s.json")" \
	"$(printf '%s\n' "$K" "$T/c/repost-a.txt" "$T/c/repost-b.txt" | sort | tr '\n' ' ' | sed 's/ $//')" "the hit and its copies are the three"
expect_eq "$(jq -r '.hits[].id' "$T/s.json" | grep -c other.txt)" 1 "a text with one word changed is a hit of its own"
expect_eq "$(jq -r '[.hits[] | select(.id | test("other")) | .copies | length] | .[0]' "$T/s.json")" 0 "with no copies"
run naqib_search -d "$db" --color never -n 50 خريبكة
expect_in "$T/out" "   and 2 copies: " "text: a line with the copies"
naqib_search -d "$db" -f csv -n 50 خريبكة >"$T/s.csv"
expect_eq "$(head -1 "$T/s.csv" | tr -d '\r' | awk -F, '{ print $NF }')" copies "csv: a column, the last"
expect_in "$T/s.csv" "repost-" "csv: the copies' ids"
EOF

test_case '--no-collapse and --collapse never show every copy; TREC runs do not collapse unless asked' <<'EOF'
expect_eq "$(hits --no-collapse خريبكة | grep -c -e "$K" -e repost-)" 3 "--no-collapse"
expect_eq "$(hits --collapse never خريبكة | grep -c -e "$K" -e repost-)" 3 "--collapse never"
expect_eq "$(naqib_search -d "$db" -f json --no-collapse خريبكة | jq '[.hits[].copies | length] | add')" 0 "no copies listed"
expect_eq "$(naqib_search -d "$db" -f trec -n 50 خريبكة | grep -c -e "$K" -e repost-)" 3 "trec: every copy"
expect_eq "$(naqib_search -d "$db" -f trec -n 50 --collapse always خريبكة | grep -c -e "$K" -e repost-)" 1 "trec --collapse always"
run naqib_search -d "$db" --collapse sometimes خريبكة
expect_status 2 "an unknown --collapse value"
expect_in "$T/err" "sometimes" "named in the message"
EOF

test_case 'the count of results counts a text once' <<'EOF'
a=$(naqib_search -d "$db" -f json خريبكة | jq .estimated_matches)
b=$(naqib_search -d "$db" -f json --no-collapse خريبكة | jq .estimated_matches)
expect_eq "$((b - a))" 2 "two fewer results collapsed"
EOF

test_case '--like ID: the most similar text first, the document itself and its copies are not its own hits' <<'EOF'
hits --like "$T/c/half.txt" >"$T/like"
expect_eq "$(head -1 "$T/like")" "$(printf '%s\n' "$K" "$T/c/repost-a.txt" "$T/c/repost-b.txt" corpus/texts/tn-ugtt-greve-generale.txt "$T/c/other.txt" | grep -Fx "$(head -1 "$T/like")")" "the first hit is one of the texts it was made of"
expect_eq "$(grep -c "half.txt" "$T/like")" 0 "not itself"
hits --like "$K" >"$T/like2"
expect_eq "$(grep -c -Fx "$K" "$T/like2")" 0 "not itself (a copy of others)"
expect_eq "$(grep -c other.txt "$T/like2")" 1 "the text with one word changed is found"
run naqib_search -d "$db" --like "$K" --show-query --snippet-length 0
expect_in "$T/err" "naqib-search: like: " "--show-query names the terms taken"
EOF

test_case '--like with a filter: only what the query selects' <<'EOF'
hits --like "$K" union:UMT | sort >"$T/f"
ids "$db" union:UMT >"$T/umt"
expect_eq "$(comm -23 "$T/f" "$T/umt" | wc -l)" 0 "every hit names the UMT"
expect_eq "$(grep -c other.txt "$T/f")" 1 "the text most like it is among them"
expect_eq "$(grep -c -Fx "$K" "$T/f")" 0 "not itself"
hits --like "$K" >"$T/all"
[ "$(wc -l <"$T/f")" -lt "$(wc -l <"$T/all")" ] || fail "the filter selects fewer: $(wc -l <"$T/f") of $(wc -l <"$T/all")"
EOF

test_case '--like: an unknown id is an error that names it' <<'EOF'
run naqib_search -d "$db" --like no/such/id
[ "$status" -gt 2 ] || fail "exit status $status, want > 2"
expect_in "$T/err" "no document 'no/such/id'" "message"
EOF

test_case '--prf N: the first hits expand the query; the matches stay the same' <<'EOF'
ids "$db" إضراب >"$T/a"
ids "$db" --prf 3 إضراب >"$T/b"
expect_eq "$(cat "$T/b")" "$(cat "$T/a")" "the same matches"
run naqib_search -d "$db" --prf 3 --show-query إضراب
expect_status 0 "--prf runs"
expect_in "$T/err" "naqib-search: feedback: " "--show-query names the terms added"
run naqib_search -d "$db" --prf-weight 0 إضراب
expect_status 2 "a weight of 0 is refused"
EOF

cgi() { # QUERY_STRING: the body in $T/b
	NAQIB_DB=$db REQUEST_METHOD=GET QUERY_STRING=$1 "$NAQIB_BIN/naqib.cgi" >"$T/resp" 2>"$T/cgi.err" ||
		fail "naqib.cgi exited $?"
	awk 'BEGIN { RS = "\r\n\r\n" } NR > 1 { printf "%s%s", sep, $0; sep = RS }' "$T/resp" >"$T/b"
}
q() { printf '%s' "$1" | jq -sRr @uri; }

test_case 'the CGI collapses copies, lists them as links, and links each hit to its similar documents' <<'EOF'
cgi "q=$(q خريبكة)"
expect_in "$T/resp" "Status: 200" "status"
expect_in "$T/b" '<p class="copies">نسخ أخرى من النص نفسه (2): <a class="id" href="?q=id' "the copies, counted, as links"
expect_in "$T/b" '<a class="like" href="?like=' "a similar link"
cgi "like=$(q "$K")&format=json"
expect_in "$T/resp" "Status: 200" "like= without q"
expect_eq "$(jq -r '.hits[].id' "$T/b" | grep -c -Fx "$K")" 0 "not itself"
expect_eq "$(jq -r '.hits | length' "$T/b")" 10 "a page of similar documents"
EOF

test_done
