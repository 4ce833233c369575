# naqib.cgi behind a real web server (lighttpd on a loopback port), as
# plain CGI and as FastCGI: the answers over HTTP, and a FastCGI process
# that sees the index change without a restart.
. tests/lib.sh
. tests/httpd.sh
db=$T/db
index_corpus "$db"
start_httpd "$db"
q() { printf '%s' "$1" | jq -sRr @uri; }

for path in /cgi-bin/naqib.cgi /search; do
	what="$path"
	test_case "$path: a search answers an Arabic page, right to left, with marks" <<'EOF'
code=$(curl -s -o "$T/b" -D "$T/h" -w '%{http_code}' "$HTTP$path?q=$(q 'الحوار الاجتماعي')")
expect_eq "$code" "200" "$what: search"
expect_in "$T/h" "Content-Type: text/html; charset=utf-8" "$what: content type"
expect_in "$T/b" '<html lang="ar" dir="rtl">' "$what: rtl"
expect_in "$T/b" '<mark>الحوار</mark>' "$what: marks"
EOF
	test_case "$path: format=json answers JSON" <<'EOF'
code=$(curl -s -o "$T/$(basename $path).json" -D "$T/h" -w '%{http_code}' \
	"$HTTP$path?q=$(q 'الحوار الاجتماعي')&format=json")
expect_eq "$code" "200" "$what: json"
expect_in "$T/h" "Content-Type: application/json" "$what: json type"
EOF
	test_case "$path: %00 in the query is a bad request" <<'EOF'
code=$(curl -s -o "$T/b" -w '%{http_code}' "$HTTP$path?q=%00")
expect_eq "$code" "400" "$what: %00"
EOF
	# Invalid UTF-8 (lighttpd itself repairs a broken %E into %25E and
	# refuses %00: naqib.cgi's own checks are tested in t0100).
	test_case "$path: invalid UTF-8 in the query is a bad request" <<'EOF'
code=$(curl -s -o "$T/b" -w '%{http_code}' "$HTTP$path?q=%D9%D9")
expect_eq "$code" "400" "$what: invalid UTF-8"
EOF
	test_case "$path: POST is refused" <<'EOF'
code=$(curl -s -o "$T/b" -w '%{http_code}' -d 'q=x' "$HTTP$path")
expect_eq "$code" "405" "$what: POST"
EOF
	test_case "$path: HEAD answers" <<'EOF'
code=$(curl -s -I -o "$T/h" -w '%{http_code}' "$HTTP$path?q=$(q الفوسفاط)")
expect_eq "$code" "200" "$what: HEAD"
EOF
done
# CGI and FastCGI give the same answer, and both the same as naqib-search.
# (The JSON answers are those of the format=json cases above.)
test_case 'CGI and FastCGI give the same JSON, both that of naqib-search' <<'EOF'
naqib_search -d "$db" -f json 'الحوار الاجتماعي' >"$T/cli.json"
for f in naqib.cgi.json search.json; do
	expect_eq "$(jq -c 'del(.seconds)' "$T/$f")" "$(jq -c 'del(.seconds)' "$T/cli.json")" "$f = naqib-search"
done
EOF

# FastCGI with the database set for each request by the server.
test_case 'FastCGI with the database set by the server for each request' <<'EOF'
code=$(curl -s -o "$T/b" -w '%{http_code}' "$HTTP/search-setenv?q=$(q الفوسفاط)")
expect_eq "$code" "200" "NAQIB_DB as a request parameter"
expect_in "$T/b" '<mark>الفوسفاط</mark>' "NAQIB_DB as a request parameter: hits"
EOF

# The FastCGI processes keep the database open, and see new documents as
# soon as they are committed.
test_case 'the FastCGI processes see new documents as soon as they are committed' <<'EOF'
code=$(curl -s -o "$T/b" -w '%{http_code}' "$HTTP/search?q=$(q الأرخبيل)")
expect_eq "$code" "200" "before"
expect_in "$T/b" 'لا توجد نتائج' "nothing yet"
printf '{"id":"new-1","title":"جديد","body":"إضراب عمال الأرخبيل"}\n' >"$T/new.jsonl"
naqib_index -q -d "$db" "$T/new.jsonl"
for i in 1 2 3 4; do # both processes, whichever answers
	curl -s -o "$T/b" "$HTTP/search?q=$(q الأرخبيل)"
	expect_in "$T/b" '<mark>الأرخبيل</mark>' "after indexing ($i)"
done
EOF

# A nightly rebuild: another database moved into the place of the open
# one, at the same revision (Xapian's reopen() sees only revisions), then
# the database deleted (503) and made again from the same input.
revision() { xapian-delve "$1" 2>/dev/null | sed -n 's/^revision = //p'; }
rebuild() { # dir word
	rm -rf "$1"
	(index_corpus "$1") # which sets db
	printf '{"id":"new-1","title":"جديد","body":"إضراب عمال %s"}\n' "$2" >"$T/new2.jsonl"
	naqib_index -q -d "$1" "$T/new2.jsonl"
}
test_case 'FastCGI follows a database moved into place at the same revision' <<'EOF'
rebuild "$T/db2" البركان
expect_eq "$(revision "$T/db2")" "$(revision "$db")" "the two databases' revisions"
for i in 1 2 3 4; do # both processes open the old one
	curl -s -o "$T/b" "$HTTP/search?q=$(q الأرخبيل)"
	expect_in "$T/b" '<mark>الأرخبيل</mark>' "before the move ($i)"
done
mv "$db" "$T/db-old"
mv "$T/db2" "$db"
for i in 1 2 3 4; do
	curl -s -o "$T/b" "$HTTP/search?q=$(q البركان)"
	expect_in "$T/b" '<mark>البركان</mark>' "after the move ($i)"
	curl -s -o "$T/b" "$HTTP/search?q=$(q الأرخبيل)"
	expect_in "$T/b" 'لا توجد نتائج' "the old database's word, after the move ($i)"
done
EOF

test_case 'FastCGI answers 503 for a deleted database, then follows its rebuild' <<'EOF'
rm -rf "$db" "$T/db-old"
for i in 1 2 3 4; do
	code=$(curl -s -o "$T/b" -w '%{http_code}' "$HTTP/search?q=$(q البركان)")
	expect_eq "$code" "503" "deleted ($i)"
done
rebuild "$db" الأرخبيل
for i in 1 2 3 4; do
	code=$(curl -s -o "$T/b" -w '%{http_code}' "$HTTP/search?q=$(q الأرخبيل)")
	expect_eq "$code" "200" "rebuilt ($i)"
	expect_in "$T/b" '<mark>الأرخبيل</mark>' "rebuilt ($i)"
done
EOF

# Many requests at once: all answered.
test_case '20 requests at once are all answered' <<'EOF'
i=0
pids=
while [ $i -lt 20 ]; do
	curl -s -o /dev/null -w '%{http_code}\n' "$HTTP/search?q=$(q الإضراب)&page=$((i % 3 + 1))" >>"$T/codes" &
	pids="$pids $!"
	i=$((i + 1))
done
# shellcheck disable=SC2086
wait $pids  # not the server's
expect_eq "$(sort -u "$T/codes" | tr '\n' ' ')" "200 " "20 concurrent requests"
EOF
stop_httpd

# A FastCGI process starts afresh after NAQIB_MAX_REQUESTS (naqib.cgi(8)):
# the same program again, in the same process, on the same socket, so that
# lighttpd never finds it gone (a process that ended made lighttpd answer
# 503 until it had started another).
HTTPD_FCGI_ENV='"NAQIB_MAX_REQUESTS" => "3"'
start_httpd "$db"
HTTPD_FCGI_ENV=
test_case 'FastCGI processes that start afresh every 3 requests: 60 requests, 4 at a time, all answered, none of the processes ended' <<'EOF'
before=$(pgrep -P "$httpd_pid" -f naqib.cgi | sort | tr '\n' ' ')
[ -n "$before" ] || fail "no FastCGI process"
seq 60 | xargs -P 4 -I '{}' curl -s -o /dev/null -w '%{http_code}\n' \
	"$HTTP/search?q=$(q الإضراب)&page={}" >"$T/recycled"
expect_eq "$(wc -l <"$T/recycled" | tr -d ' ')" 60 "an answer for each request"
expect_eq "$(sort -u "$T/recycled" | tr '\n' ' ')" "200 " "every answer"
# None of them ended (lighttpd may add one on a busy machine, when a
# connection waits longer than it likes; that is no loss).
after=$(pgrep -P "$httpd_pid" -f naqib.cgi | sort | tr '\n' ' ')
for pid in $before; do
	case " $after " in
	*" $pid "*) ;;
	*) fail "process $pid ended: before '$before', after '$after'; $(tail -n 5 "$T/lighttpd.log")" ;;
	esac
done
n=$(grep -c 'naqib.cgi: 3 requests answered: starting afresh' "$T/lighttpd.log")
[ "$n" -ge 18 ] || fail "started afresh $n times in 60 requests"
EOF
stop_httpd

test_done
