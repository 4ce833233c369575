# Document ids made of any bytes (naqib(7), DOCUMENT IDS): a name that is
# not plain text gets an escaped id, valid in every output and taken back
# by --delete; a plain one stays as it was.
. tests/lib.sh
in=$T/in
mkdir "$in"
body='عنوان الإضراب

نص الإضراب'
bad=$(printf 'bad\377.txt')
printf '%s\n' "$body" >"$in/$bad"
printf '%s\n' "$body" >"$in/good.txt"

test_case 'a file name that is not UTF-8: its id is escaped, JSON lists it' <<'EOF'
run naqib_index -d "$T/db" --root "$T" "$in"
expect_status 0 "indexing"
run naqib_search -d "$T/db" -f json الإضراب
expect_status 0 "JSON search"
expect_utf8 "$T/out" "JSON"
expect_eq "$(jq -r '[.hits[].id] | sort | join(" ")' "$T/out")" 'in/bad\xff.txt in/good.txt' "ids"
expect_eq "$(jq -r '.hits[] | select(.id == "in/bad\\xff.txt") | .path' "$T/out")" 'in/bad\xff.txt' "its path"
EOF

test_case 'a --queries batch over it answers every query; the CGI answers 200' <<'EOF'
printf '1\tالإضراب\n2\tعنوان\n' >"$T/queries"
run naqib_search -d "$T/db" -f json --queries "$T/queries"
expect_status 0 "batch"
expect_eq "$(jq -r .qid "$T/out" | tr '\n' ' ')" "1 2 " "both queries"
NAQIB_DB=$T/db REQUEST_METHOD=GET QUERY_STRING="q=$(printf '%s' 'الإضراب' | jq -sRr @uri)&format=json" \
	"$NAQIB_BIN/naqib.cgi" >"$T/resp" 2>"$T/cgi.err" || fail "naqib.cgi exited $?"
expect_in "$T/resp" "Status: 200 " "CGI status"
expect_in "$T/resp" '"id":"in/bad\\xff.txt"' "CGI JSON"
EOF

test_case 'indexing again changes nothing; --delete takes the id as shown' <<'EOF'
run naqib_index -d "$T/db" --root "$T" "$in"
expect_in "$T/err" "0 added, 0 replaced, 2 unchanged" "unchanged"
run naqib_index -d "$T/db" --delete 'in/bad\xff.txt'
expect_status 0 "delete"
expect_in "$T/err" "1 document deleted" "deleted"
expect_eq "$(ids "$T/db" الإضراب)" "in/good.txt" "the other stays"
run naqib_index -d "$T/db" --root "$T" "$in"
expect_in "$T/err" "1 added, 0 replaced, 1 unchanged" "read again after --delete"
EOF

test_case 'a tab or a line break in a file name: escaped; run lines keep six columns' <<'EOF'
mkdir "$T/ws"
printf '%s\n' "$body" >"$T/ws/$(printf 'a\tb.txt')"
printf '%s\n' "$body" >"$T/ws/$(printf 'c\nd.txt')"
run naqib_index -d "$T/wsdb" --root "$T/ws" "$T/ws"
expect_status 0 "indexing"
run naqib_search -d "$T/wsdb" -f trec الإضراب
expect_eq "$(awk '{ print NF }' "$T/out" | sort -u)" 6 "columns"
expect_eq "$(awk '{ print $3 }' "$T/out" | sort | tr '\n' ' ')" 'a\x09b.txt c\x0ad.txt ' "ids"
run naqib_index -d "$T/wsdb" --delete 'a\x09b.txt' "$(printf 'c\nd.txt')"
expect_in "$T/err" "2 documents deleted" "deleted by either form"
EOF

test_case 'JSON Lines and TREC ids with control characters are escaped, plain ones kept' <<'EOF'
{
	printf '{"id":"j\\tone","body":"الإضراب"}\n'
	printf '{"id":"j\\ntwo","body":"الإضراب"}\n'
	printf '{"id":"\\u001b[2Jthree","body":"الإضراب"}\n'
	printf '{"id":"j-four","body":"الإضراب"}\n'
	printf '{"id":"j\\\\x41five","body":"الإضراب"}\n'
} >"$T/c.jsonl"
printf '<DOC>\n<DOCNO>t&#9;1</DOCNO>\n<TEXT>الإضراب</TEXT>\n</DOC>\n' >"$T/c.trec"
run naqib_index -d "$T/cdb" "$T/c.jsonl" "$T/c.trec"
expect_status 0 "indexing"
expect_eq "$(ids "$T/cdb" الإضراب | tr '\n' ' ')" \
	'\x1b[2Jthree j-four j\x09one j\x0atwo j\x5cx41five t\x091 ' "ids"
EOF

test_case 'two names that differ by an escape stay two documents' <<'EOF'
mkdir "$T/two"
printf '%s\n' "$body" >"$T/two/$(printf 'x\377y')"
printf '%s\n' "$body" >"$T/two/x\\xffy"
run naqib_index -d "$T/twodb" --root "$T/two" -f txt "$T/two/$(printf 'x\377y')" "$T/two/x\\xffy"
expect_in "$T/err" "2 added" "two documents"
expect_eq "$(ids "$T/twodb" الإضراب | tr '\n' ' ')" 'x\x5cxffy x\xffy ' "two ids"
EOF

test_done
