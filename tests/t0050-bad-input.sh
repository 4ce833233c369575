# Bad input gets a clear message naming the file, line or byte offset, the
# right exit status, and never costs the good documents or the database.
. tests/lib.sh
db=$T/db
mkdir "$T/in"
cp corpus/texts/ma-umt-smig-2025.txt "$T/in/good.txt"
printf 'عنوان\n\nنص \331 مكسور\n' >"$T/in/bad-utf8.txt"   # truncated sequence
printf '\344\336\307\310\311\n' >"$T/in/cp1256.txt"        # Windows-1256: نقابة
: >"$T/in/empty.txt"
printf 'PK\003\004\000\000binary' >"$T/in/archive.txt"

# A text that is not UTF-8 is converted, and the summary says from what;
# UTF-8 with a stray byte keeps its text, the byte as U+FFFD; binary data
# named .txt is left out as no text, counted, not failed.
test_case 'each bad file is named and what became of it said; the good ones go in' <<'EOF'
run naqib_index -d "$db" --root "$T" "$T/in" "$T/missing.txt"
expect_status 3 "some input failed"
expect_in "$T/err" "naqib-index: $T/in/bad-utf8.txt: 1 invalid UTF-8 byte (line 3, byte offset 17) read as U+FFFD" "invalid UTF-8"
expect_in "$T/err" "naqib-index: $T/in/archive.txt: left out: binary data (a NUL byte at offset 4), of no format naqib reads" "binary file"
expect_in "$T/err" "naqib-index: $T/in/empty.txt: empty, nothing to index" "empty file"
expect_in "$T/err" "naqib-index: cannot open '$T/missing.txt': No such file or directory" "missing path"
expect_in "$T/err" "3 added, 0 replaced, 0 unchanged (skipped), 1 failed" "summary"
expect_in "$T/err" "naqib-index: 6 files: 3 indexed (3 txt), 1 unsupported (1 .txt), 1 unreadable, 1 empty; -v names them" "the files' summary"
expect_in "$T/err" "naqib-index: 2 texts not in UTF-8, read as UTF-8 with invalid bytes (1), windows-1256 (1); --encoding says otherwise" "the encodings assumed"
expect_eq "$(ids "$db" الأجور)" "in/good.txt" "the good file is indexed"
expect_eq "$(ids "$db" مكسور)" "in/bad-utf8.txt" "the words around the bad byte"
ids "$db" نقابة | grep -qx in/cp1256.txt || fail "the Windows-1256 text, converted, is not found by its word"
EOF

# When no path given is there, nothing is indexed and no database made
# (a typo once left an empty one), sharded or not; an existing database
# is not even opened.
test_case 'no path given exists: status 3, each named, no database made, an existing one untouched' <<'EOF'
run naqib_index -d "$T/new.db" "$T/no-such-file" "$T/nor-this"
expect_status 3 "missing paths only"
[ ! -e "$T/new.db" ] || fail "a database was made: $(ls -A "$T/new.db")"
expect_in "$T/err" "naqib-index: cannot open '$T/no-such-file': No such file or directory" "the first path"
expect_in "$T/err" "naqib-index: cannot open '$T/nor-this': No such file or directory" "the second path"
expect_in "$T/err" "naqib-index: nothing to index: database '$T/new.db' not created" "what became of the database"
run naqib_index --shards 2 -d "$T/new.db" "$T/no-such-file"
expect_status 3 "missing path, --shards 2"
[ ! -e "$T/new.db" ] || fail "a sharded database was made: $(ls -A "$T/new.db")"
listing() { find "$db" -exec stat -c '%n %s %Y %y' {} + | sort; }
listing >"$T/before"
run naqib_index -d "$db" "$T/no-such-file"
expect_status 3 "missing path, existing database"
expect_in "$T/err" "naqib-index: nothing to index: database '$db' left as it was" "the existing database"
listing >"$T/after"
cmp -s "$T/before" "$T/after" || fail "the existing database changed: $(diff "$T/before" "$T/after")"
expect_eq "$(ids "$db" الأجور)" "in/good.txt" "its documents"
EOF

# The files read are skipped on the next run; one of no format is looked
# at again (a later naqib may read it), the missing one is not there.
test_case 'the next run skips the files read, and looks at the one left out again' <<'EOF'
run naqib_index -d "$db" --root "$T" -v "$T/in"
expect_in "$T/err" "0 added, 0 replaced, 3 unchanged (skipped), 0 failed" "documents"
expect_in "$T/err" "naqib-index: 5 files: 0 indexed, 4 unchanged, 1 unsupported (1 .txt)" "files"
expect_in "$T/err" "naqib-index: unsupported '$T/in/archive.txt': binary data (a NUL byte at offset 4), of no format naqib reads" "-v names the file left out"
expect_in "$T/err" "naqib-index: unchanged '$T/in/good.txt'" "-v names the files skipped"
EOF

# An empty file alone is not an error.
test_case 'an empty file alone is not an error' <<'EOF'
run naqib_index -d "$T/db-empty" "$T/in/empty.txt"
expect_status 0 "empty file alone"
EOF

# JSON Lines: each bad line is reported with its number; the others go in.
test_case 'JSON Lines: each bad line is reported with its number; the others go in' <<'EOF'
{
	printf '{"id":"j1","title":"أول","body":"الإضراب الأول"}\n'
	printf '{"id":"j2","body":"غير مكتمل"\n'
	printf '{"title":"بلا معرف","body":"نص"}\n'
	printf '{"id":"j4","title":["قائمة"],"body":"نص"}\n'
	printf '{"id":"j5","body":"\303\050"}\n'
	printf '[1,2,3]\n'
	printf '\n'
	printf '{"id":"j8","body":"\\u0000"}\n'
	printf '{"id":"j9","text":"الإضراب التاسع"}\n'
} >"$T/docs.jsonl"
run naqib_index -d "$T/jdb" "$T/docs.jsonl"
expect_status 3 "bad JSON lines"
expect_in "$T/err" "$T/docs.jsonl:2: invalid JSON" "line 2"
expect_in "$T/err" "$T/docs.jsonl:3: no \"id\"" "line 3"
expect_in "$T/err" "$T/docs.jsonl:4: field \"title\" is not a string" "line 4"
expect_in "$T/err" "$T/docs.jsonl:5: invalid UTF-8 at byte offset" "line 5"
expect_in "$T/err" "$T/docs.jsonl:6: not a JSON object" "line 6"
expect_in "$T/err" "$T/docs.jsonl:8: invalid JSON" "line 8 (NUL)"
expect_in "$T/err" "2 added, 0 replaced, 0 unchanged (skipped), 6 failed" "JSONL summary"
expect_eq "$(ids "$T/jdb" الإضراب | tr '\n' ' ')" "j1 j9 " "good JSON lines indexed"
EOF

# TREC: a document without DOCNO is skipped, an unterminated one reported.
test_case 'TREC: a document without DOCNO is skipped, an unterminated one reported' <<'EOF'
{
	printf '<DOC>\n<DOCNO>t1</DOCNO>\n<TEXT>\nالإضراب &amp; الحوار\n</TEXT>\n</DOC>\n'
	printf '<DOC>\n<TEXT>\nبلا رقم\n</TEXT>\n</DOC>\n'
	printf '<DOC>\n<DOCNO>t3</DOCNO>\n<TEXT>\nالإضراب الثالث\n</TEXT>\n</DOC>\n'
	printf '<DOC>\n<DOCNO>t4</DOCNO>\n<TEXT>\nمبتور\n'
} >"$T/docs.trec"
run naqib_index -d "$T/tdb" "$T/docs.trec"
expect_status 3 "bad TREC"
expect_in "$T/err" "$T/docs.trec:7: <DOC> without <DOCNO>" "no DOCNO"
expect_in "$T/err" "$T/docs.trec:18: <DOC> without </DOC>" "unterminated DOC"
expect_eq "$(ids "$T/tdb" الإضراب | tr '\n' ' ')" "t1 t3 " "good TREC documents indexed"
EOF

# Messages name files and ids as the terminal must not obey them.
test_case 'a message shows the control characters and stray bytes of a name as \xHH' <<'EOF'
run naqib_index -d "$T/msgdb" "$T/$(printf 'no\033[2Jsuch\377')"
expect_status 3 "a missing file"
expect_in "$T/err" "cannot open '$T/no\x1b[2Jsuch\xff'" "the name, visible"
expect_utf8 "$T/err" "the message"
EOF

# A message quoting a long DOCNO is cut, at a letter.
test_case 'TREC: a message that quotes a long DOCNO cuts it at a letter' <<'EOF'
docno=$(awk 'BEGIN { for (i = 0; i < 300; i++) printf "ن" }')
printf '<DOC>\n<DOCNO>%s</DOCNO>\n</DOC>\n' "$docno" >"$T/long-docno.trec"
run naqib_index -d "$T/tdb-long" "$T/long-docno.trec"
expect_status 3 "a document without a text"
expect_in "$T/err" "$T/long-docno.trec:1: <DOC> نننن" "the message"
expect_utf8 "$T/err" "the message"
EOF

test_case 'TREC: entities are decoded (in the database of the case above)' <<'EOF'
run naqib_search -d "$T/tdb" -f json الحوار
expect_in "$T/out" 'الإضراب & الحوار' "entities decoded"
EOF

# A field inside another (found with fuzz/): decoding one in place would
# shift the other under its pointer, and the document would go in under a
# wrong id.  It is skipped, the next one indexed.
test_case 'TREC: a document with a field inside another is skipped, the next one indexed' <<'EOF'
{
	cat fuzz/regressions/formats/trec-field-inside-another
	printf '<DOC>\n<DOCNO>t5</DOCNO>\n<TEXT>\nالإضراب الخامس\n</TEXT>\n</DOC>\n'
} >"$T/nested.trec"
run naqib_index -d "$T/ndb" "$T/nested.trec"
expect_status 3 "nested TREC fields"
expect_in "$T/err" "$T/nested.trec:1: <DOC> with a field inside another; document skipped" "nested fields"
expect_eq "$(xapian-delve -A Q -1 "$T/ndb" | grep '^Q' | tr '\n' ' ')" "Qt5 " "only the sound document"
EOF

test_case 'TREC: a <DOC> inside a <DOC>, an unclosed <TITLE>: each told and skipped, the others indexed' <<'EOF'
printf '<DOC>\n<DOCNO>o1</DOCNO>\n<TEXT>\nالإضراب الأول\n<DOC>\n<DOCNO>i2</DOCNO>\n<TEXT>\nالإضراب الثاني\n</TEXT>\n</DOC>\n</DOC>\n<DOC>\n<DOCNO>u3</DOCNO>\n<TITLE>عنوان بلا نهاية\n<TEXT>\nالإضراب الثالث\n</TEXT>\n</DOC>\n<DOC>\n<DOCNO>ok4</DOCNO>\n<TEXT>\nالإضراب الرابع\n</TEXT>\n</DOC>\n' >"$T/inner.trec"
run naqib_index -d "$T/idb" "$T/inner.trec"
expect_status 3 "a DOC inside a DOC"
expect_in "$T/err" "$T/inner.trec:1: <DOC> without </DOC> before the next <DOC> (line 5); document skipped" "the outer DOC"
expect_in "$T/err" "$T/inner.trec:12: <TITLE> without </TITLE>; document skipped" "unclosed TITLE"
expect_in "$T/err" "2 added, 0 replaced, 0 unchanged (skipped), 2 failed" "summary"
expect_eq "$(xapian-delve -A Q -1 "$T/idb" | grep '^Q' | sort | tr '\n' ' ')" "Qi2 Qok4 " "the sound documents"
run naqib_search -d "$T/idb" -f trec الثاني
expect_not_in "$T/out" "o1" "the inner document is not inside the outer"
EOF

# Read in blocks of 1 KB (--read-block), the files give the same documents
# and the same line numbers as read whole: blocks end after a line (JSON
# Lines) or a </DOC> (TREC), and a document longer than a block (most
# lines of samples.jsonl) is read whole.  Read with the bad files of the
# JSON Lines and TREC cases above.
sed 's/"id": *"jsonl-/"id": "more-/' corpus/samples.jsonl >"$T/more.jsonl"
printf '{"id": "more-bad",\n' >>"$T/more.jsonl"
sed 's/<DOCNO>trec-/<DOCNO>more-/' corpus/samples.trec >"$T/more.trec"
printf '<DOC>\n<TEXT>\nبلا رقم\n</TEXT>\n</DOC>\n' >>"$T/more.trec"
for shards in 1 2; do
	test_case "read in blocks of 1 KB into $shards shard(s): the same documents and line numbers as read whole" <<'EOF'
for how in blk whole; do
	opt=
	[ $how = blk ] && opt="--read-block 1024"
	# shellcheck disable=SC2086
	run naqib_index -d "$T/$how-$shards" --shards $shards $opt \
		"$T/docs.jsonl" "$T/docs.trec" "$T/more.jsonl" "$T/more.trec"
	expect_status 3 "bad input read as $how ($shards shards)"
	sort "$T/err" | grep -v "^naqib-index: [0-9]* added" >"$T/$how.err"
	xapian-delve -A Q -1 "$T/$how-$shards" | grep "^Q" | sort >"$T/$how.ids"
done
cmp -s "$T/blk.err" "$T/whole.err" ||
	fail "messages in blocks differ: $(diff "$T/whole.err" "$T/blk.err" | tr '\n' ' ')"
expect_in "$T/blk.err" "$T/more.jsonl:7: invalid JSON" "JSON Lines line numbers in blocks"
expect_in "$T/blk.err" "$T/more.trec:$(($(wc -l <corpus/samples.trec) + 1)): <DOC> without <DOCNO>" \
	"TREC line numbers in blocks"
cmp -s "$T/blk.ids" "$T/whole.ids" ||
	fail "documents in blocks differ: $(diff "$T/whole.ids" "$T/blk.ids" | tr '\n' ' ')"
expect_eq "$(wc -l <"$T/blk.ids")" 15 "documents read in blocks ($shards shards)"
EOF
done

# Ids longer than a Xapian term takes (245 bytes) have a term of their
# own (a prefix and a hash) and keep their whole id in the record.
test_case 'a JSON id of 300 bytes is indexed, found, replaced and deleted under its whole id' <<'EOF'
long=$(printf 'x%.0s' $(seq 300))
printf '{"id":"%s","body":"نص طويل"}\n{"id":"%sy","body":"نص آخر"}\n' "$long" "$long" >"$T/long.jsonl"
run naqib_index -d "$T/ldb" "$T/long.jsonl"
expect_status 0 "long ids"
expect_in "$T/err" "2 added, 0 replaced" "both documents"
expect_eq "$(ids "$T/ldb" طويل)" "$long" "the whole id"
expect_eq "$(ids "$T/ldb" آخر)" "${long}y" "the other whole id"
run naqib_index -d "$T/ldb" --force "$T/long.jsonl"
expect_in "$T/err" "0 added, 2 replaced" "indexed again: replaced, not doubled"
run naqib_index -d "$T/ldb" --delete "$long"
expect_status 0 "deleted"
expect_in "$T/err" "1 document deleted" "deleted"
expect_eq "$(ids "$T/ldb" نص)" "${long}y" "the other one stays"
EOF

# About 120 Arabic letters of folder and file name were more than an id
# could be.
test_case 'a path of 140 Arabic letters is indexed, skipped when unchanged and deleted by its id' <<'EOF'
name=$(awk 'BEGIN { for (i = 0; i < 70; i++) printf "ن" }')
mkdir -p "$T/long/$name"
printf 'عنوان\n\nإضراب طويل الاسم\n' >"$T/long/$name/$name.txt"
run naqib_index -d "$T/pdb" --root "$T/long" "$T/long"
expect_status 0 "a long path"
expect_eq "$(ids "$T/pdb" إضراب)" "$name/$name.txt" "its id"
run naqib_index -d "$T/pdb" --root "$T/long" "$T/long"
expect_in "$T/err" "0 added, 0 replaced, 1 unchanged" "unchanged: skipped"
run naqib_index -d "$T/pdb" --delete "$name/$name.txt"
expect_in "$T/err" "1 document deleted" "deleted by its id"
expect_eq "$(doc_count "$T/pdb")" 0 "none left"
EOF

# A second writer gets a clear "locked" message and status 4; the first
# writer finishes its work.  The first one holds the lock while it waits
# for its standard input.  ($db is that of the first case, good.txt in it.)
test_case 'a second writer is told the database is locked (status 4), readers are not blocked, nothing is lost' <<'EOF'
mkfifo "$T/fifo"
sleep 30 >"$T/fifo" &
holder_input=$!
naqib_index -q -d "$db" -f jsonl - <"$T/fifo" 2>"$T/holder.err" &
holder=$!
at_exit 'kill "$holder_input" 2>/dev/null; wait "$holder" 2>/dev/null'
wait_locked "$db" "$holder"
run naqib_index -d "$db" corpus/samples.trec
expect_status 4 "locked"
expect_in "$T/err" "naqib-index: database '$db' is locked: another process" "locked message"
# Readers are not blocked by the writer.
run naqib_search -d "$db" الأجور
expect_status 0 "search while a writer holds the lock"
kill "$holder_input"
wait "$holder" || true
run naqib_index -d "$db" corpus/samples.trec
expect_status 0 "after the lock is released"
expect_eq "$(ids "$db" الأجور | grep -c good.txt)" "1" "nothing lost"
EOF

# Searching a database that is not there, or not naqib's.
test_case 'searching no database, or a directory that is none: status 5' <<'EOF'
run naqib_search -d "$T/nowhere" الإضراب
expect_status 5 "no database"
expect_in "$T/err" "naqib-search: no database at '$T/nowhere'" "no database message"
mkdir "$T/notdb"
run naqib_search -d "$T/notdb" الإضراب
expect_status 5 "a directory that is no database"
EOF

# Usage errors.
test_case 'usage errors: no paths, an unknown format or stemmer (status 2); no database made' <<'EOF'
run naqib_index -d "$db"
expect_status 2 "no paths"
run naqib_index -d "$db" --format csv x
expect_status 2 "unknown format"
expect_in "$T/err" "--format: unknown format 'csv'" "format message"
run naqib_index -d "$T/newdb" --stemmer porter corpus/samples.trec
expect_status 2 "unknown stemmer"
expect_in "$T/err" "unknown stemmer 'porter'" "stemmer message"
[ ! -e "$T/newdb" ] || fail "a database was made for a bad command line"
EOF

# A directory of other files is not taken for a database.
test_case 'a directory of other files is not taken for a database' <<'EOF'
run naqib_index -d "$T/in" corpus/samples.trec
expect_status 2 "--db on a directory of files"
expect_in "$T/err" "is a directory of other files, not a database" "foreign directory message"
[ ! -e "$T/in/iamglass" ] || fail "database files written among the user's files"
EOF

# Messages that name the real cause: a database the user cannot write is
# not "locked by another process"; a damaged one is called damaged (status
# 5 in the tools, 503 on the web), not blamed on the query.
test_case 'a database the user cannot write: status 5, "cannot write", not "locked"' <<'EOF'
d=$T/unwritable.db
index_corpus "$d"
if [ "$(id -u)" = 0 ]; then
	command -v setpriv >/dev/null || fail "setpriv is missing (util-linux)"
	as_user() { setpriv --reuid=nobody --regid=nogroup --clear-groups "$@"; }
	chmod -R a+rX "$T" corpus "$NAQIB_BIN"
	chmod 755 "$d"
else
	as_user() { "$@"; }
	chmod a-w "$d"
	at_exit 'chmod u+w "$d"'
fi
run as_user "$NAQIB_BIN/naqib-index" -d "$d" corpus/samples.jsonl
expect_status 5 "an unwritable database"
expect_in "$T/err" "cannot write to database '$d':" "message"
expect_in "$T/err" "Permission denied" "the reason"
expect_not_in "$T/err" "locked" "message"
EOF

test_case 'a damaged database: status 5 and "damaged" from the tools, 503 from the web' <<'EOF'
d=$T/damaged.db
index_corpus "$d"
: >"$d/docdata.glass"
run naqib_search -d "$d" -f json الإضراب
expect_status 5 "a search"
expect_in "$T/err" "database '$d' is damaged (" "message"
expect_in "$T/err" "xapian-check" "what to do"
NAQIB_DB=$d REQUEST_METHOD=GET QUERY_STRING='q=%D8%A5%D8%B6%D8%B1%D8%A7%D8%A8' \
	"$NAQIB_BIN/naqib.cgi" >"$T/resp" 2>"$T/cgi.err"
expect_eq "$(head -1 "$T/resp" | tr -d '\r')" "Status: 503 Service Unavailable" "the web page"
expect_in "$T/cgi.err" "is damaged" "the server's log"
EOF

test_done
