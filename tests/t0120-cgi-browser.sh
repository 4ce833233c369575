# The search page in a real browser: headless Chromium loads it from
# lighttpd for an Arabic query, and the rendered DOM is checked.  A
# screenshot is saved in the build directory for people to look at.
. tests/lib.sh
. tests/httpd.sh
command -v chromium >/dev/null || fail "chromium is missing (make check installs it)"
db=$T/db
index_corpus "$db"
start_httpd "$db"
url="$HTTP/search?q=$(printf '%s' 'الإضراب العام' | jq -sRr @uri)"

browse() { # what output-options...
	what=$1
	shift
	timeout 300 chromium --headless --no-sandbox --disable-gpu --disable-quic \
		--no-first-run --disable-background-networking \
		--disable-component-update --disable-sync \
		--user-data-dir="$T/chrome" "$@" "$url" >"$T/dom" 2>"$T/chrome.log" ||
		fail "chromium ($what) failed: $(tail -3 "$T/chrome.log")"
}

test_case 'the rendered page: right to left, the marks, 10 hits, the query kept in the form' <<'EOF'
browse dom --dump-dom
expect_in "$T/dom" '<html lang="ar" dir="rtl">' "rendered page is rtl"
expect_in "$T/dom" '<mark>الإِضْرَابُ العَامُّ</mark>' "marks in the rendered DOM"
[ "$(grep -o '<li>' "$T/dom" | wc -l)" -eq 10 ] || fail "10 hits rendered"
expect_in "$T/dom" 'value="الإضراب العام"' "the form keeps the query"
EOF
# The phone layout too: a narrow window, and the screenshots.
test_case 'screenshots of the desktop and the phone layouts are saved' <<'EOF'
mkdir -p "$NAQIB_BIN/screenshots"
# Those of an earlier run do not count.
rm -f "$NAQIB_BIN/screenshots/search-desktop.png" "$NAQIB_BIN/screenshots/search-phone.png"
browse desktop --window-size=1000,1400 --screenshot="$NAQIB_BIN/screenshots/search-desktop.png"
browse phone --window-size=400,900 --screenshot="$NAQIB_BIN/screenshots/search-phone.png"
for f in search-desktop search-phone; do
	[ -s "$NAQIB_BIN/screenshots/$f.png" ] || fail "no screenshot $f"
done
EOF
stop_httpd

test_done
