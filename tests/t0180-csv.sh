# CSV output for spreadsheets: naqib-search -f csv and naqib.cgi
# format=csv.  RFC 4180 (quoting, CR LF), UTF-8 with a BOM, one header,
# a qid column in batch mode, formulas defused; the web offers a file.
. tests/lib.sh
db=$T/db
index_corpus "$db"
# Titles (and an author) that need quoting or defusing.
cat >"$T/odd.jsonl" <<'JSON'
{"id":"odd-1","title":"إضراب، \"عام\", في قطاع الفوسفاط","body":"إضراب الفوسفاط في خريبكة","author":"@المكتب, الجهوي"}
{"id":"odd-2","title":"=HYPERLINK(\"http://x\") إضراب الفوسفاط","body":"الفوسفاط مرة أخرى"}
{"id":"odd-3","title":"سطر\nوسطر الفوسفاط","body":"الفوسفاط ثالثا","source":"+بيان"}
JSON
naqib_index -q -d "$T/odd" "$T/odd.jsonl" || fail "indexing odd.jsonl"

# The records of a CSV file (RFC 4180) as one line each, fields between
# ASCII unit separators, quotes undone: what a spreadsheet reads.
csv_records() { # file
	LC_ALL=C awk 'BEGIN { RS = "\r\n"; ORS = "\n" }
	{
		buf = buf (inq ? "\n" : "") $0
		n = gsub(/"/, "\"", $0) # quotes on this line
		q += n
		inq = q % 2
		if (inq) next
		out = ""; f = ""; inside = 0
		for (i = 1; i <= length(buf); i++) {
			c = substr(buf, i, 1)
			if (inside) {
				if (c == "\"" && substr(buf, i + 1, 1) == "\"") { f = f "\""; i++ }
				else if (c == "\"") inside = 0
				else f = f c
			} else if (c == "\"") inside = 1
			else if (c == ",") { out = out f "\037"; f = "" }
			else f = f c
		}
		out = out f
		gsub(/\n/, " ", out) # a line break inside a field
		print out
		buf = ""; q = 0
	}' "$1"
}

test_case 'a CSV file: BOM, header, a row a hit, CR LF' <<'EOF'
run naqib_search -d "$db" -f csv -n 5 إضراب
expect_status 0 "csv"
expect_eq "$(head -c 3 "$T/out" | od -An -tx1 | tr -d ' ')" "efbbbf" "a UTF-8 byte order mark first"
expect_eq "$(head -n 1 "$T/out" | tail -c +4)" "$(printf 'rank,score,id,title,date,source,url,path,snippet,author,format,parent,pages,ocr_confidence,title_from_text,copies\r')" "the header"
expect_eq "$(grep -c "$(printf '\r')\$" "$T/out")" "$(wc -l <"$T/out" | tr -d ' ')" "every line ends in CR LF"
csv_records "$T/out" >"$T/records"
expect_eq "$(wc -l <"$T/records" | tr -d ' ')" 6 "the header and 5 hits"
awk -F'\037' 'NF != 16 { bad = 1 } END { exit bad }' "$T/records" ||
	fail "not 16 fields in every record: $(cat "$T/records")"
# The same hits as the TREC run, in order, with their scores.
naqib_search -d "$db" -f trec -n 5 إضراب | awk '{ print $4 "," $5 "," $3 }' >"$T/trec"
tail -n +2 "$T/records" | awk -F'\037' '{ print $1 "," $2 "," $3 }' >"$T/csv"
expect_eq "$(cat "$T/csv")" "$(cat "$T/trec")" "ranks, scores and ids as in TREC"
# Snippets are the plain text of the text output, with its ellipses.
naqib_search -d "$db" -n 1 --color never إضراب | sed -n '5p' | sed 's/^   //; s/\*\*//g' >"$T/text-snippet"
expect_eq "$(sed -n '2p' "$T/records" | awk -F'\037' '{ print $9 }')" "$(cat "$T/text-snippet")" \
	"the snippet as the text output shows it"
EOF

test_case 'fields with commas, quotes and line breaks are quoted; formulas defused' <<'EOF'
run naqib_search -d "$T/odd" -f csv -n 10 الفوسفاط
expect_status 0 "csv of odd titles"
expect_in "$T/out" '"إضراب، ""عام"", في قطاع الفوسفاط"' "comma and quotes: quoted, quotes doubled"
expect_in "$T/out" "\"'=HYPERLINK(\"\"http://x\"\") إضراب الفوسفاط\"" "a formula gets a ' (and quotes)"
expect_in "$T/out" ",'+بيان," "a source that starts with + gets a '"
expect_in "$T/out" ",\"'@المكتب, الجهوي\",,,,,false,$(printf '\r')" "an author (JSON Lines) after the snippet, defused and quoted; no format, pages or OCR"
csv_records "$T/out" >"$T/records"
expect_eq "$(wc -l <"$T/records" | tr -d ' ')" 4 "the header and 3 hits"
awk -F'\037' 'NF != 16 { bad = 1 } END { exit bad }' "$T/records" || fail "fields: $(cat "$T/records")"
grep -q "^1.*odd" "$T/records" || fail "no hit read back"
EOF

test_case 'batch mode: one BOM and header, a qid column' <<'EOF'
printf 'Q1\tإضراب\nQ2\tالفوسفاط\nQ3\tلا شيء يطابق هذا zzzqqq\n' >"$T/q.tsv"
run naqib_search -d "$db" -f csv -n 2 --queries "$T/q.tsv"
expect_status 0 "batch csv"
expect_eq "$(grep -c "$(printf '\357\273\277')" "$T/out")" 1 "one BOM"
expect_eq "$(head -n 1 "$T/out" | tail -c +4)" "$(printf 'qid,rank,score,id,title,date,source,url,path,snippet,author,format,parent,pages,ocr_confidence,title_from_text,copies\r')" "the header with qid"
csv_records "$T/out" >"$T/records"
expect_eq "$(tail -n +2 "$T/records" | cut -d"$(printf '\037')" -f1,2 | tr '\n' ' ')" \
	"$(printf 'Q1\0371 Q1\0372 Q2\0371 Q2\0372 ')" "two hits of each query that has some"
EOF

test_case 'the web: format=csv is a file to save, the same rows' <<'EOF'
q=$(printf '%s' 'الإضراب' | jq -sRr @uri)
NAQIB_DB=$db REQUEST_METHOD=GET QUERY_STRING="q=$q&format=csv&limit=5" \
	"$NAQIB_BIN/naqib.cgi" >"$T/resp" 2>"$T/err" || fail "naqib.cgi: $(cat "$T/err")"
awk 'BEGIN { RS = "\r\n" } $0 == "" { exit } { print }' "$T/resp" >"$T/h"
expect_in "$T/h" "Status: 200 OK" "200"
expect_in "$T/h" "Content-Type: text/csv; charset=utf-8" "text/csv"
expect_in "$T/h" "Content-Disposition: attachment; filename=\"naqib.csv\"; filename*=UTF-8''naqib-%D8%A7%D9%84%D8%A5%D8%B6%D8%B1%D8%A7%D8%A8.csv" \
	"a file name, in ASCII and in UTF-8"
sed '1,/^\r$/d' "$T/resp" >"$T/body"
naqib_search -d "$db" -f csv -n 5 'الإضراب' >"$T/cli"
cmp -s "$T/body" "$T/cli" || fail "the web's CSV is not naqib-search's: $(diff "$T/body" "$T/cli" | head -5)"
len=$(sed -n 's/^Content-Length: \([0-9]*\).*/\1/p' "$T/h")
expect_eq "$len" "$(wc -c <"$T/body" | tr -d ' ')" "Content-Length"
# A query of punctuation only: the ASCII name alone.
NAQIB_DB=$db REQUEST_METHOD=GET QUERY_STRING="q=%22%22+union%3ACDT&format=csv" \
	"$NAQIB_BIN/naqib.cgi" >"$T/resp2" 2>"$T/err" || fail "naqib.cgi: $(cat "$T/err")"
grep -q "^Content-Disposition: attachment; filename=\"naqib.csv\"; filename\*=UTF-8''naqib-union-CDT.csv" "$T/resp2" ||
	fail "file name of union:CDT: $(grep Disposition "$T/resp2")"
EOF

test_case 'the web: a CSV request that fails is plain text with its status' <<'EOF'
NAQIB_DB=$db REQUEST_METHOD=GET QUERY_STRING="q=NOT&format=csv" \
	"$NAQIB_BIN/naqib.cgi" >"$T/resp" 2>"$T/err" || true
expect_in "$T/resp" "Status: 400 Bad Request" "400"
expect_in "$T/resp" "Content-Type: text/plain; charset=utf-8" "plain text"
expect_not_in "$T/resp" "Content-Disposition" "no file"
NAQIB_DB=$db REQUEST_METHOD=GET QUERY_STRING="format=csv" \
	"$NAQIB_BIN/naqib.cgi" >"$T/resp" 2>"$T/err" || true
expect_in "$T/resp" "Status: 400 Bad Request" "no query: 400"
expect_in "$T/resp" "no query: give it in the q parameter" "says why"
NAQIB_DB=$T/no-such-db REQUEST_METHOD=GET QUERY_STRING="q=x&format=csv" \
	"$NAQIB_BIN/naqib.cgi" >"$T/resp" 2>"$T/err" || true
expect_in "$T/resp" "Status: 503 Service Unavailable" "no database: 503"
expect_in "$T/resp" "Retry-After: 30" "Retry-After"
EOF

test_done
