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
run naqib_search -d "$T/db" -f json --no-collapse الإضراب
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

# A run line is words: a space in an id is written \x20 there, which
# --delete reads back.
test_case 'a space in an id is \x20 in a TREC run, and --delete takes that form' <<'EOF'
mkdir "$T/sp"
printf '%s\n' "$body" >"$T/sp/two words.txt"
run naqib_index -d "$T/spdb" --root "$T/sp" "$T/sp"
run naqib_search -d "$T/spdb" -f trec --run-tag 'my run' الإضراب
expect_eq "$(awk '$5 > 0 { $5 = "SCORE" } 1' "$T/out")" '1 Q0 two\x20words.txt 1 SCORE my\x20run' "the run line (a score above 0)"
run naqib_search -d "$T/spdb" -f json الإضراب
expect_eq "$(jq -r '.hits[0].id' "$T/out")" "two words.txt" "JSON keeps the id as it is"
run naqib_index -d "$T/spdb" --delete 'two\x20words.txt'
expect_in "$T/err" "1 document deleted" "deleted by the run's form"
EOF

test_case 'a query id that is not UTF-8: JSON stays valid, a run line one word' <<'EOF'
printf '%s\tالإضراب\n' "$(printf 'q\377 1')" >"$T/badqid"
run naqib_search -d "$T/db" -f json --queries "$T/badqid"
expect_status 0 "batch"
expect_utf8 "$T/out" "JSON"
expect_eq "$(jq -r .qid "$T/out")" "q� 1" "the query id"
run naqib_search -d "$T/db" -f trec --queries "$T/badqid"
expect_eq "$(awk '{ print NF }' "$T/out" | sort -u)" 6 "columns"
EOF

# An index made before ids were escaped has the name's own bytes in the id
# term, the record and the mark of the file.  The program below makes one
# of a document written today (Xapian's C++ API: no tool of naqib writes
# such an id any more).
cat >"$T/legacy.cc" <<'EOC'
// legacy DB ID HEX: the document of id ID takes, in its Q term, its record
// (id and path) and its file's mark, the bytes written in hex as HEX.
#include <xapian.h>
#include <cstdlib>
#include <string>
static std::string field(const std::string &d, size_t &i)
{
	size_t n = 0;
	for (int shift = 0;; shift += 7) {
		unsigned char c = d[i++];
		n |= (size_t)(c & 0x7f) << shift;
		if (!(c & 0x80))
			break;
	}
	std::string f = d.substr(i, n);
	i += n + 1;
	return f;
}
static void put(std::string &d, const std::string &f)
{
	for (size_t x = f.size();; x >>= 7) {
		d += (char)((x & 0x7f) | (x > 0x7f ? 0x80 : 0));
		if (x <= 0x7f)
			break;
	}
	d += f;
	d += '\0';
}
int main(int argc, char **argv)
{
	if (argc != 4)
		return 2;
	std::string id = argv[2], raw;
	for (const char *h = argv[3]; h[0] && h[1]; h += 2)
		raw += (char)std::strtol(std::string(h, 2).c_str(), NULL, 16);
	Xapian::WritableDatabase db(argv[1], Xapian::DB_OPEN);
	Xapian::PostingIterator p = db.postlist_begin("Q" + id);
	if (p == db.postlist_end("Q" + id))
		return 1;
	Xapian::Document doc = db.get_document(*p);
	std::string d = doc.get_data(), out = d.substr(0, 4);
	size_t i = 4;
	for (int f = 0; f < 7; f++) {
		std::string v = field(d, i);
		put(out, f == 0 || f == 5 ? raw : v);
	}
	out += d.substr(i); // the fields after the path, as they are
	doc.set_data(out);
	doc.remove_term("Q" + id);
	doc.add_boolean_term("Q" + raw);
	db.replace_document(*p, doc);
	std::string mark = db.get_metadata("naqib.file:" + id);
	db.set_metadata("naqib.file:" + id, "");
	db.set_metadata("naqib.file:" + raw, mark);
	db.commit();
	return 0;
}
EOC
legacy=
if command -v xapian-config >/dev/null &&
	${CXX:-c++} -o "$T/legacy" "$T/legacy.cc" $(xapian-config --cxxflags --libs) 2>"$T/legacy.err"; then
	legacy=$T/legacy
fi

if [ -z "$legacy" ]; then
	test_skip 'an index of before ids were escaped: listed, deleted, indexed again without a duplicate' \
		"no C++ compiler and Xapian headers to make one"
else
test_case 'an index of before ids were escaped: listed, deleted, indexed again without a duplicate' <<'EOF'
mkdir "$T/old"
printf '%s\n' "$body" >"$T/old/$bad"
printf '%s\n' "$body" >"$T/old/$(printf 'a\tb.txt')"
naqib_index -q -d "$T/olddb" --root "$T/old" "$T/old"
"$legacy" "$T/olddb" 'bad\xff.txt' 626164ff2e747874 || fail "making the old index"
"$legacy" "$T/olddb" 'a\x09b.txt' 6109622e747874 || fail "making the old index"
run naqib_search -d "$T/olddb" -f json --no-collapse الإضراب
expect_status 0 "JSON of an old index"
expect_utf8 "$T/out" "JSON"
expect_eq "$(jq -r '[.hits[].id] | sort | join(" ")' "$T/out")" 'a\x09b.txt bad\xff.txt' "its ids, escaped"
run naqib_index -d "$T/olddb" --root "$T/old" "$T/old"
expect_in "$T/err" "0 added, 2 replaced" "indexed again: its documents replaced"
expect_eq "$(doc_count "$T/olddb")" 2 "no duplicate"
"$legacy" "$T/olddb" 'bad\xff.txt' 626164ff2e747874 || fail "making the old index"
run naqib_index -d "$T/olddb" --delete 'bad\xff.txt'
expect_in "$T/err" "1 document deleted" "--delete finds the old document"
run naqib_index -d "$T/olddb" --root "$T/old" "$T/old"
expect_in "$T/err" "1 added, 0 replaced, 1 unchanged" "its mark forgotten"
EOF
fi

test_done
