# naqib.cgi run directly, as a web server runs a CGI program: headers,
# status codes, escaping of hostile input, JSON, pagination.
. tests/lib.sh
db=$T/db
index_corpus "$db"
# A document with hostile fields.
printf '%s\n' '{"id":"evil<1>","title":"<script>alert(1)</script> إضراب","url":"javascript:alert(2)","source":"\"><img src=x onerror=alert(3)>","body":"الإضراب <b>المفتوح</b> & \"غدا\""}' >"$T/evil.jsonl"
naqib_index -q -d "$db" "$T/evil.jsonl"

# cgi QUERY_STRING [METHOD]: runs the CGI; headers in $T/h, body in $T/b.
cgi() {
	NAQIB_DB=$db REQUEST_METHOD=${2:-GET} QUERY_STRING=$1 \
		"$NAQIB_BIN/naqib.cgi" >"$T/resp" 2>"$T/cgi.err" || fail "naqib.cgi exited $?"
	awk 'BEGIN { RS = "\r\n"; h = 1 } h && $0 == "" { exit } h { print }' "$T/resp" >"$T/h"
	awk 'BEGIN { RS = "\r\n\r\n" } NR > 1 { printf "%s%s", sep, $0; sep = RS }' "$T/resp" >"$T/b"
}
status_is() { grep -q "^Status: $1 " "$T/h" || fail "$2: want status $1, got: $(head -1 "$T/h")"; }
q() { printf '%s' "$1" | jq -sRr @uri; }  # percent-encodes

# A place the thesaurus does not know: its words, and a notice that says so.
test_case 'an unknown place: searched as its words, a notice on the page and in JSON notes' <<'EOF'
cgi "q=$(q 'place:السمارةة')"
status_is 200 "unknown place"
expect_in "$T/b" '<p class="notice">«السمارةة» ليس من أماكن المعجم: بُحث عنه بكلماته.</p>' "the notice"
cgi "q=$(q 'place:السمارةة')&format=json"
status_is 200 "unknown place, JSON"
expect_eq "$(jq -r '.notes[0]' "$T/b")" 'place:السمارةة: no such place in the thesaurus: searched as the words "السمارةة" (did you mean السمارة?)' "JSON notes"
EOF

# The empty form.
test_case 'the empty form: an Arabic page in UTF-8, right to left, its length and CSP' <<'EOF'
cgi ""
status_is 200 "empty form"
expect_in "$T/h" "Content-Type: text/html; charset=utf-8" "content type"
expect_in "$T/b" '<html lang="ar" dir="rtl">' "rtl page"
expect_in "$T/b" '<meta charset="utf-8">' "charset"
expect_in "$T/b" 'name="q"' "search form"
expect_eq "$(wc -c <"$T/b" | tr -d ' ')" "$(sed -n 's/^Content-Length: //p' "$T/h")" "Content-Length"
expect_in "$T/h" "Content-Security-Policy: default-src 'none'" "CSP"
EOF

# A search: the form keeps the query, hits have marks and links.
test_case 'a search: the form keeps the query; hits have marks, links, a count and the time' <<'EOF'
cgi "q=$(q 'الاضراب العام')"
status_is 200 "search"
expect_in "$T/b" 'value="الاضراب العام"' "query kept in the form"
expect_in "$T/b" '<mark>الإِضْرَابُ العَامُّ</mark>' "marks on the original text"
expect_in "$T/b" 'href="https://example.org/lb/rabita/2025/02/idrab-maftouh"' "title links to its URL"
grep -qE '<p class="summary">[0-9]+ نتيجة، من 1 إلى 10 ' "$T/b" ||
	fail "result count, exact, without نحو: $(grep -o '<p class="summary">[^<]*' "$T/b")"
expect_in "$T/b" 'ميلي ثانية' "time"
EOF

# JSON: the same results as naqib-search --format json.
test_case 'format=json: the same results as naqib-search --format json' <<'EOF'
cgi "q=$(q 'الاضراب العام')&format=json"
status_is 200 "json"
expect_in "$T/h" "Content-Type: application/json" "json content type"
jq -e . "$T/b" >/dev/null || fail "invalid JSON"
naqib_search -d "$db" -f json 'الاضراب العام' >"$T/cli.json"
expect_eq "$(jq -c 'del(.seconds)' "$T/b")" "$(jq -c 'del(.seconds)' "$T/cli.json")" "CGI JSON = naqib-search JSON"
EOF

test_case 'a filter in OR on the web: a 200 and the hits of either, as naqib-search finds them' <<'EOF'
cgi "q=$(q 'union:CDT OR إضراب')&format=json"
status_is 200 "union:CDT OR إضراب"
naqib_search -d "$db" -f json 'union:CDT OR إضراب' >"$T/cli.json"
expect_eq "$(jq -c '[.hits[].id]' "$T/b")" "$(jq -c '[.hits[].id]' "$T/cli.json")" "the same hits"
[ "$(jq '.estimated_matches' "$T/b")" -gt "$(naqib_search -d "$db" -f json 'إضراب' | jq .estimated_matches)" ] ||
	fail "more hits than إضراب alone"
EOF

# Pagination: page 2 of 3 a page is hits 4..6, with links around it.
test_case 'page 2 of 3 hits a page: hits 4 to 6, links to the pages around it' <<'EOF'
cgi "q=$(q الإضراب)&page=2&limit=3"
status_is 200 "page 2"
expect_in "$T/b" '<ol class="hits" start="4">' "page 2 starts at 4"
expect_eq "$(grep -o '<li>' "$T/b" | wc -l | tr -d ' ')" "3" "3 hits a page"
expect_in "$T/b" 'page=3&amp;limit=3">التالي' "next link"
expect_in "$T/b" 'limit=3">السابق' "previous link"
expect_in "$T/b" '<b aria-current="page">2</b>' "current page"
EOF
test_case 'offset in JSON' <<'EOF'
cgi "q=$(q الإضراب)&limit=3&format=json&offset=3"
expect_eq "$(jq -c '[.hits[].rank]' "$T/b")" "[4,5,6]" "offset in JSON"
EOF
test_case 'a page past the end says so' <<'EOF'
cgi "q=$(q الإضراب)&page=1000"
status_is 200 "a page past the end"
expect_in "$T/b" 'تجاوزت آخر صفحة' "past the end message"
EOF

# No hits.
test_case 'no hits: a page that says so' <<'EOF'
cgi "q=$(q كلمةغيرموجودةأبدا)"
status_is 200 "no hits"
expect_in "$T/b" 'لا توجد نتائج لـ«كلمةغيرموجودةأبدا»' "no hits page"
EOF

# Hostile documents: everything escaped, no javascript: link.
test_case 'a hostile document: every field escaped, no javascript: link' <<'EOF'
cgi "q=$(q إضراب)&limit=50"
expect_not_in "$T/b" '<script>' "script from a document"
expect_in "$T/b" '&lt;script&gt;alert(1)&lt;/script&gt;' "escaped title"
expect_not_in "$T/b" 'javascript:' "javascript: URL"
expect_not_in "$T/b" '<img' "img from a source field"
expect_in "$T/b" '&lt;b&gt;المفتوح&lt;/b&gt; &amp; &quot;غدا&quot;' "escaped snippet"
expect_in "$T/b" 'evil&lt;1&gt;' "escaped id"
EOF

# Hostile queries.
test_case 'a script in the query is escaped, in the page and in the form' <<'EOF'
cgi "q=$(q '<script>alert(1)</script>')"
status_is 200 "script in the query"
expect_not_in "$T/b" '<script>' "script from the query"
expect_in "$T/b" 'value="&lt;script&gt;alert(1)&lt;/script&gt;"' "escaped query in the form"
EOF
test_case 'a query cannot inject an attribute' <<'EOF'
cgi "q=$(q '"><svg onload=alert(1)>')"
expect_not_in "$T/b" '<svg' "attribute injection"
EOF
for bad in 'q=%00' 'q=a%00b' 'q=%' 'q=%E' 'q=%ZZ' 'q=%D9' 'q=%C0%AF' \
	'q=a&q=b' 'limit=0&q=a' 'limit=51&q=a' 'limit=x&q=a' 'page=0&q=a' \
	'page=-1&q=a' 'page=1&offset=3&q=a' 'format=xml&q=a' 'q=a&page=1&page=2' \
	'sort=date&q=a' 'sort=&q=a' 'facets=2&q=a' 'q=a&sort=newest&sort=oldest'; do
	test_case "a bad request, $bad: status 400 and its page" <<'EOF'
cgi "$bad"
status_is 400 "'$bad'"
expect_in "$T/b" 'طلب غير صالح' "'$bad' page"
EOF
done
test_case 'a bad request in JSON: status 400, the error named' <<'EOF'
cgi 'q=%00&format=json'
status_is 400 "json 400"
jq -e '.error | test("NUL")' "$T/b" >/dev/null || fail "json error: $(cat "$T/b")"
EOF
test_case 'a query of 100 KB: status 400' <<'EOF'
long=$(head -c 100000 /dev/zero | tr '\0' 'a')
cgi "q=$long"
status_is 400 "100 KB query"
EOF
test_case 'a query of 3000 bytes: status 400, too long' <<'EOF'
cgi "q=$(head -c 1500 /dev/zero | tr '\0' 'x' | sed 's/x/%D8%A7/g')"
status_is 400 "query of 3000 bytes"
expect_in "$T/b" 'too long' "too long message"
EOF
test_case 'a query Xapian cannot parse: status 400 and its page' <<'EOF'
cgi "q=$(q 'NOT')"
status_is 400 "a query Xapian cannot parse"
expect_in "$T/b" 'تعذّر فهم هذا الاستعلام' "malformed query page"
EOF
# A query of spaces is the empty form; arguments (Apache passes a query
# string without = as arguments) are not options under a web server.
test_case 'a query of spaces is the empty form' <<'EOF'
cgi "q=+++"
status_is 200 "spaces only"
expect_in "$T/b" ' autofocus' "the empty form"
EOF
test_case 'arguments are no options under a web server' <<'EOF'
NAQIB_DB=$db REQUEST_METHOD=GET QUERY_STRING=--version "$NAQIB_BIN/naqib.cgi" --version >"$T/resp" 2>&1
grep -q '^Status: 200 ' "$T/resp" || fail "an argument under a web server: $(head -1 "$T/resp")"
EOF
# Unknown parameters are ignored.
test_case 'unknown parameters are ignored' <<'EOF'
cgi "q=$(q الفوسفاط)&utm_source=x"
status_is 200 "unknown parameter"
EOF

# Methods: POST is refused, HEAD has headers only.
test_case 'POST is refused (405, Allow: GET, HEAD)' <<'EOF'
cgi "q=a" POST
status_is 405 "POST"
expect_in "$T/h" "Allow: GET, HEAD" "Allow header"
EOF
test_case 'HEAD has headers only' <<'EOF'
cgi "q=$(q الفوسفاط)" HEAD
status_is 200 "HEAD"
[ ! -s "$T/b" ] || fail "HEAD has a body"
EOF

# The database comes from the server, and its failures show no internals.
test_case 'a missing database: 503 and Retry-After, no path in the answer, the detail in the log' <<'EOF'
NAQIB_DB=$T/nowhere REQUEST_METHOD=GET QUERY_STRING="q=a" "$NAQIB_BIN/naqib.cgi" >"$T/resp" 2>"$T/cgi.err"
grep -q '^Status: 503 ' "$T/resp" || fail "missing database: $(head -1 "$T/resp")"
grep -q '^Retry-After: ' "$T/resp" || fail "no Retry-After"
! grep -q "$T" "$T/resp" || fail "a path in the response"
grep -q "no database at '$T/nowhere'" "$T/cgi.err" || fail "the error log has no detail"
EOF
test_case 'no database configured: a plain 500' <<'EOF'
env -u NAQIB_DB NAQIB_CONFIG=$T/none.conf REQUEST_METHOD=GET QUERY_STRING="q=a" \
	"$NAQIB_BIN/naqib.cgi" >"$T/resp" 2>"$T/cgi.err"
grep -q '^Status: 500 ' "$T/resp" || fail "not configured: $(head -1 "$T/resp")"
expect_in "$T/resp" "internal error" "plain 500"
EOF
test_case 'naqib.conf names the database' <<'EOF'
printf '# naqib.cgi\n db = %s \n' "$db" >"$T/naqib.conf"
env -u NAQIB_DB NAQIB_CONFIG=$T/naqib.conf REQUEST_METHOD=GET QUERY_STRING="q=$(q الفوسفاط)" \
	"$NAQIB_BIN/naqib.cgi" >"$T/resp" 2>"$T/cgi.err"
grep -q '^Status: 200 ' "$T/resp" || fail "naqib.conf: $(head -1 "$T/resp")"
EOF
# The reranker is the server's choice too: rerank_depth, off by default.
test_case 'rerank_depth: the built-in reranker reorders the first hits, on by default, 0 turns it off' <<'EOF'
NAQIB_RERANK_DEPTH=0 cgi "q=$(q إضراب)&format=json"
status_is 200 "without the reranker"
cp "$T/b" "$T/plain"
cgi "q=$(q إضراب)&format=json"
status_is 200 "with the reranker"
expect_eq "$(jq '.hits | length' "$T/b")" "$(jq '.hits | length' "$T/plain")" "a page as long"
expect_eq "$(jq '.estimated_matches' "$T/b")" "$(jq '.estimated_matches' "$T/plain")" "as many matches"
[ "$(jq -r '.hits[0].score' "$T/b")" != "$(jq -r '.hits[0].score' "$T/plain")" ] ||
	fail "the scores are not the model's"
NAQIB_RERANK_DEPTH=x cgi "q=$(q إضراب)&format=json"
status_is 500 "a bad rerank_depth"
expect_in "$T/cgi.err" "rerank_depth 'x' (in NAQIB_RERANK_DEPTH)" "the error log names it"
EOF

# The bounds of a request come from the server too: its environment, else
# naqib.conf.  ال* and ا* stand for 2000 words; with a budget of 10, each
# keeps 5.
test_case 'the bounds of a request: from the environment, else naqib.conf' <<'EOF'
export NAQIB_MAX_WILDCARD_WORDS=10
cgi "q=$(q 'ال* ا*')&format=json"
status_is 200 "a budget from the environment"
expect_in "$T/b" "stand for too many words together (more than 10, " "the budget of the environment"
unset NAQIB_MAX_WILDCARD_WORDS
printf 'db = %s\nmax_wildcard_words = 20\ntime_limit = 30\n' "$db" >"$T/bounds.conf"
env -u NAQIB_DB NAQIB_CONFIG=$T/bounds.conf REQUEST_METHOD=GET \
	QUERY_STRING="q=$(q 'ال* ا*')&format=json" "$NAQIB_BIN/naqib.cgi" >"$T/resp" 2>"$T/cgi.err"
expect_in "$T/resp" "more than 20, " "the budget of naqib.conf"
expect_in "$T/resp" "its 10 most frequent words at most" "10 each"
EOF
test_case 'a bound that is no number: a plain 500, the setting named in the log' <<'EOF'
export NAQIB_TIME_LIMIT=soon
cgi "q=$(q الإضراب)"
status_is 500 "a bad time limit"
expect_in "$T/cgi.err" "time_limit 'soon' (in NAQIB_TIME_LIMIT): not a number from 0 to 86400" "the log"
printf 'db = %s\nmax_requests = -3\n' "$db" >"$T/bad.conf"
env -u NAQIB_DB -u NAQIB_TIME_LIMIT NAQIB_CONFIG=$T/bad.conf REQUEST_METHOD=GET \
	QUERY_STRING="q=a" "$NAQIB_BIN/naqib.cgi" >"$T/resp" 2>"$T/cgi.err"
grep -q '^Status: 500 ' "$T/resp" || fail "a bad max_requests: $(head -1 "$T/resp")"
expect_in "$T/cgi.err" "max_requests '-3' (in naqib.conf)" "the log names naqib.conf"
EOF

# FastCGI without a web server (tests/fcgi.pl speaks the protocol): the
# process on its listening socket, as a web server starts it.
fcgi_serve() { # socket [VAR=value...]: sets fcgi_pid
	_sock=$1
	shift
	fcgi_pid=$(env "$@" perl tests/fcgi.pl serve "$_sock" "$NAQIB_BIN/naqib.cgi" 2>>"$T/fcgi.err")
	at_exit "kill $fcgi_pid 2>/dev/null || :"
}
fcgi_get() { # socket query_string [hangup]
	NAQIB_DB=$db perl tests/fcgi.pl get "$@"
}
test_case 'FastCGI: after NAQIB_MAX_REQUESTS the process starts afresh in place, and every request is answered' <<'EOF'
: >"$T/fcgi.err"
fcgi_serve "$T/fcgi-a.sock" NAQIB_MAX_REQUESTS=3
for i in 1 2 3 4 5 6 7; do
	fcgi_get "$T/fcgi-a.sock" "q=$(q الإضراب)&format=json" >"$T/fcgi.out"
	expect_in "$T/fcgi.out" "Status: 200 OK" "request $i"
done
kill -0 "$fcgi_pid" || fail "the process is gone"
expect_eq "$(grep -c 'naqib.cgi: 3 requests answered: starting afresh' "$T/fcgi.err")" 2 \
	"twice afresh in 7 requests"
EOF
# A web server that closes the connection of a request (nginx, when the
# client went away) stops its search.  The process is stopped while the
# request comes and goes, so that it finds the connection closed.
test_case 'FastCGI: a request whose connection closed before its search is not searched, and the log says so' <<'EOF'
: >"$T/fcgi.err"
fcgi_serve "$T/fcgi-b.sock"
fcgi_get "$T/fcgi-b.sock" "q=a" >/dev/null
kill -STOP "$fcgi_pid"
fcgi_get "$T/fcgi-b.sock" "q=$(q الإضراب)" hangup
kill -CONT "$fcgi_pid"
fcgi_get "$T/fcgi-b.sock" "q=$(q الأجور)" >"$T/fcgi.out"
expect_in "$T/fcgi.out" "Status: 200 OK" "the next request"
expect_in "$T/fcgi.err" "the client went away before the search of a query of 14 bytes" "the log"
EOF
# A costly request leaves much of its memory free in the heap, which free()
# keeps: the process gives it back.  Three ANDed groups of the 28
# one-letter wildcards, with the bounds lifted, over 3000 generated
# documents: 48 MB at its peak, 11 MB after it (48 MB without giving back).
# Not under AddressSanitizer, whose allocator keeps freed memory on purpose.
make_corpus 3000 "$T/gen.jsonl"
naqib_index -q -d "$T/gen.db" "$T/gen.jsonl"
test_case 'FastCGI: after a costly request the process gives its free memory back' <<'EOF'
if ldd "$NAQIB_BIN/naqib.cgi" | grep -q libasan; then
	echo "# skipped under AddressSanitizer"
	exit 0
fi
fcgi_serve "$T/fcgi-c.sock" NAQIB_MAX_WILDCARD_WORDS=10000000 \
	NAQIB_MAX_WILDCARD_POSTINGS=4000000000 NAQIB_TIME_LIMIT=0
rss() { awk '/^VmRSS:/ { print $2 }' "/proc/$fcgi_pid/status"; }
db=$T/gen.db fcgi_get "$T/fcgi-c.sock" "q=a" >/dev/null
before=$(rss)
group="($(for l in ا ب ت ث ج ح خ د ذ ر ز س ش ص ض ط ظ ع غ ف ق ك ل م ن ه و ي; do printf '%s* ' "$l"; done))"
db=$T/gen.db fcgi_get "$T/fcgi-c.sock" "q=$(q "$group AND $group AND $group")&format=json" >"$T/fcgi.out"
expect_in "$T/fcgi.out" "Status: 200 OK" "the costly request"
# The process gives memory back after it has answered: the next answer
# comes after that.
db=$T/gen.db fcgi_get "$T/fcgi-c.sock" "q=a" >/dev/null
after=$(rss)
peak=$(awk '/^VmHWM:/ { print $2 }' "/proc/$fcgi_pid/status")
echo "FastCGI memory: $before KB before, $peak KB at the peak, $after KB after"
[ "$peak" -gt $((before + 16384)) ] || fail "the request was not costly: $peak KB at its peak"
[ "$after" -le $((before + 8192)) ] || fail "the process kept $after KB (from $before KB)"
EOF
# A db parameter in the request is ignored.
test_case 'a db parameter in the request is ignored' <<'EOF'
cgi "q=$(q الفوسفاط)&db=/etc"
status_is 200 "db parameter ignored"
EOF

# Filters, date sort and facets.  The page always shows facets, as links
# that narrow the search ("+union:CDT"), keeping the sort.
test_case 'a filter sorted newest first: the sort kept, facets as links that narrow the search' <<'EOF'
cgi "q=$(q 'union:UMT')&sort=newest"
status_is 200 "filter and sort"
expect_in "$T/b" '<option value="newest" selected>' "sort kept in the form"
expect_in "$T/b" '<nav class="facets"' "facets on the page"
expect_in "$T/b" "href=\"?q=$(q 'union:UMT +union:CDT')&amp;sort=newest\">CDT <span>(" "facet link narrows"
expect_not_in "$T/b" "$(q '+union:UMT')" "no link for the value asked for"
dates=$(grep -o '<time datetime="[0-9-]*"' "$T/b" | cut -d'"' -f2)
[ -n "$dates" ] || fail "dates on the page"
printf '%s\n' "$dates" | sort -r -c || fail "newest first: $dates"
EOF
test_case 'JSON facets only when asked' <<'EOF'
cgi "q=$(q 'union:UMT')&format=json&facets=1"
expect_eq "$(jq -r '.facets.union[0].value' "$T/b")" "UMT" "JSON facets"
cgi "q=$(q 'union:UMT')&format=json"
expect_eq "$(jq -r 'has("facets")' "$T/b")" "false" "JSON facets only when asked"
EOF
test_case 'an unknown union: status 400, named' <<'EOF'
cgi "q=$(q 'union:NOPE')"
status_is 400 "unknown union"
expect_in "$T/b" "union:NOPE: no such union" "unknown union message"
EOF

test_done
