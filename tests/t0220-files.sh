# naqib-index over a real archive: every file counted by what became of it
# (-v, --summary-format json), texts in other encodings, titles that are
# never a paragraph, the seed texts as a user's own files, ids that do not
# depend on the working directory, and --extract.
. tests/lib.sh

# The seed texts are in corpus/ exactly as given.
test_case 'the seed texts are in corpus/seeds byte for byte' <<'EOF'
for f in 000_5b3e357b2aeea092.txt 002_d9e10adcaa726d5d.txt; do
	if [ -f ../shared/seeds/$f ]; then
		cmp corpus/seeds/$f ../shared/seeds/$f || fail "corpus/seeds/$f differs from ../shared/seeds/$f"
	fi
	[ -s corpus/seeds/$f ] || fail "corpus/seeds/$f is missing"
done
expect_eq "$(cksum <corpus/seeds/002_d9e10adcaa726d5d.txt)" "494192760 3714" "the second seed, as given"
EOF

# A text without a title line: its first sentence, cut after a word with
# an ellipsis, is its title, shown and not indexed (the text's words count
# once).
test_case 'an untitled text: its first sentence as title, never a paragraph, its words counted once' <<'EOF'
naqib_index -q -d "$T/seeds" corpus/seeds || fail "indexing the seeds"
run naqib_search -d "$T/seeds" -f json -n 5 --snippet-length 0 'الكتاب الإداريين OR الصناعة التقليدية'
for id in corpus/seeds/000_5b3e357b2aeea092.txt corpus/seeds/002_d9e10adcaa726d5d.txt; do
	title=$(jq -r --arg id "$id" '.hits[] | select(.id == $id) | .title' "$T/out")
	n=$(printf '%s' "$title" | wc -m)
	[ "$n" -ge 40 ] && [ "$n" -le 125 ] || fail "$id: a title of $n characters: $title"
	case $title in *…) ;; *) fail "$id: a title cut without an ellipsis: $title" ;; esac
	case $title in *'
'*) fail "$id: a title of several lines" ;; esac
done
expect_eq "$(jq -r '.hits[] | select(.id | test("002_")) | .title' "$T/out")" "عقدت النقابة الوطنية للصناعة التقليدية والاقتصاد الاجتماعي والتضامني، التابعة الكونفدرالية الديمقراطية للشغل، لقاءً مع…" "the title of the text without a line break"
run naqib_search -d "$T/seeds" --explain -n 1 CDT
expect_in "$T/out" "CDT ← الكونفدرالية الديمقراطية للشغل (thesaurus CDT) ×3" "the text names the CDT 3 times, not 5"
run naqib_search -d "$T/seeds" -f json -n 1 'الصناعة التقليدية'
# «يوم أمس الثلاثاء 14 أكتوبر 2025»: written on the 15th.
expect_eq "$(jq -r '.hits[0].date' "$T/out")" "2025-10-15" "its date"
expect_eq "$(ids "$T/seeds" union:UMT)" "corpus/seeds/000_5b3e357b2aeea092.txt" "the union of the first"
expect_eq "$(ids "$T/seeds" place:الصويرة)" "corpus/seeds/000_5b3e357b2aeea092.txt" "a place of the first"
EOF

# A first line short enough for a title is one; a longer one is not.
test_case 'a first line of 150 characters is a title; of 151 it is the text' <<'EOF'
mkdir -p "$T/len"
w=$(printf 'كلمة %.0s' $(seq 30))	# 150 characters with the spaces
printf '%s\n\nنص البلاغ.\n' "${w% }x" >"$T/len/short.txt"
printf '%s\n\nنص البلاغ.\n' "${w}xy" >"$T/len/long.txt"
naqib_index --extract "$T/len/short.txt" "$T/len/long.txt" >"$T/len.jsonl" 2>"$T/err" || fail "extract: $(cat "$T/err")"
expect_eq "$(jq -r 'select(.id | test("short")) | .title_from_text' "$T/len.jsonl")" "false" "150 characters: the line is the title"
expect_eq "$(jq -r 'select(.id | test("long")) | .title_from_text' "$T/len.jsonl")" "true" "151: the title is made"
expect_eq "$(jq -r 'select(.id | test("long")) | .body | startswith("كلمة")' "$T/len.jsonl")" "true" "the long line stays in the body"
EOF

# The same folder indexed from another directory replaces, never adds.
test_case 'the same folder indexed from another directory: the same ids, no duplicate' <<'EOF'
mkdir -p "$T/arch/a" "$T/elsewhere"
cp corpus/texts/ma-umt-smig-2025.txt corpus/texts/tn-ugtt-greve-generale.txt "$T/arch/a/"
(cd "$T/arch" && naqib_index -q -d "$T/root.db" a) || fail "first run"
(cd "$T/elsewhere" && naqib_index -q -d "$T/root.db" --force ../arch/a) || fail "second run, from elsewhere"
(cd / && naqib_index -q -d "$T/root.db" --force "$T/arch/a/ma-umt-smig-2025.txt") || fail "third run, from /"
expect_eq "$(doc_count "$T/root.db")" 2 "documents"
expect_eq "$(ids "$T/root.db" 'الأجور OR الإضراب' | tr '\n' ' ')" "a/ma-umt-smig-2025.txt a/tn-ugtt-greve-generale.txt " "the ids, relative to the root of the first run"
run naqib_index -d "$T/root.db" --root "$T/elsewhere" "$T/arch/a"
expect_status 2 "another --root"
expect_in "$T/err" "naqib-index: --root: the ids of '$T/root.db' are paths relative to '$T/arch' (its first run's); with '$T/elsewhere' every file would come in again under a new id: give --root '$T/arch', or index into a new database" "the message"
run naqib_index -d "$T/root.db" --root "$T/arch" "$T/arch/a"
expect_status 0 "the recorded --root"
EOF

# Every file is counted; -v names each; JSON for scripts.
mkdir -p "$T/mixed/sub"
cp corpus/texts/ma-umt-smig-2025.txt "$T/mixed/"
cp corpus/samples.jsonl "$T/mixed/sub/"
printf 'x' >"$T/mixed/budget.xlsx"
printf 'y' >"$T/mixed/sub/photos.zip"
printf 'z' >"$T/mixed/sub/b.xlsx"
printf 'PK\003\004\000\000' >"$T/mixed/notes.txt"
test_case 'every file counted by what became of it; -v names each' <<'EOF'
run naqib_index -d "$T/mixed.db" "$T/mixed"
expect_status 0 "files left out are no failure"
expect_in "$T/err" "naqib-index: 6 files: 2 indexed (1 jsonl, 1 txt), 4 unsupported (2 .xlsx, 1 .txt, 1 .zip); -v names them" "the files' line"
expect_in "$T/err" "naqib-index: $T/mixed/notes.txt: left out: binary data (a NUL byte at offset 4), of no format naqib reads" "binary data named .txt"
run naqib_index -d "$T/mixed.db" -v "$T/mixed"
expect_in "$T/err" "naqib-index: unsupported '$T/mixed/budget.xlsx': not a format naqib reads" "-v: a spreadsheet"
expect_in "$T/err" "naqib-index: unchanged '$T/mixed/ma-umt-smig-2025.txt'" "-v: a file skipped"
expect_in "$T/err" "naqib-index: 6 files: 0 indexed, 2 unchanged, 4 unsupported (2 .xlsx, 1 .txt, 1 .zip)" "the files' line, second run"
EOF

test_case '--summary-format json: the counts and the files left out, on standard output' <<'EOF'
run naqib_index -d "$T/json.db" --summary-format json "$T/mixed"
expect_status 0 "status"
jq -e . "$T/out" >/dev/null || fail "not JSON: $(cat "$T/out")"
expect_eq "$(jq -c '[.documents.added, .files.indexed, .files.unsupported, .files.indexed_by_format.jsonl]' "$T/out")" "[7,2,4,1]" "counts"
expect_eq "$(jq -c '.files.unsupported_by_type' "$T/out")" '{".xlsx":2,".txt":1,".zip":1}' "by type"
expect_eq "$(jq -r '.list[] | select(.path | endswith("notes.txt")) | .reason' "$T/out")" "binary data (a NUL byte at offset 4), of no format naqib reads" "a file left out, with its reason"
expect_eq "$(jq '.list | length' "$T/out")" 4 "only the files not indexed are listed"
expect_not_in "$T/err" "files:" "no text summary on standard error"
run naqib_index -d "$T/json.db" --summary-format json -v "$T/mixed"
expect_eq "$(jq '.list | length' "$T/out")" 6 "-v: every file"
run naqib_index -d "$T/json.db" --summary-format yaml "$T/mixed"
expect_status 2 "a bad format"
expect_in "$T/err" "naqib-index: --summary-format: 'yaml' is not text or json" "its message"
EOF

# Texts not in UTF-8: converted, and the summary says from what.
test_case 'texts in Windows-1256, ISO-8859-6 and UTF-16 are converted and found; --encoding forces one' <<'EOF'
mkdir -p "$T/enc"
src=corpus/texts/ma-cdt-greve-sante.txt
iconv -f UTF-8 -t WINDOWS-1256 "$src" >"$T/enc/cp1256.txt"
# ISO-8859-6 has the letters, not the guillemets: -c leaves those out.
iconv -c -f UTF-8 -t ISO-8859-6 corpus/texts/dz-ugta-1er-mai.txt >"$T/enc/iso.txt"
iconv -f UTF-8 -t UTF-16 corpus/texts/lb-cgtl-wages.txt >"$T/enc/u16bom.txt"	# with a BOM
iconv -f UTF-8 -t UTF-16LE corpus/texts/tn-ugtt-sante-sfax.txt >"$T/enc/u16le.txt"
iconv -f UTF-8 -t UTF-16BE corpus/texts/eg-etuf-mai-2025.txt >"$T/enc/u16be.txt"
run naqib_index -d "$T/enc.db" --root "$T" "$T/enc"
expect_status 0 "status"
expect_in "$T/err" "naqib-index: 5 texts not in UTF-8, read as UTF-16LE (2), ISO-8859-6 (1), UTF-16BE (1), windows-1256 (1); --encoding says otherwise" "the encodings"
expect_eq "$(ids "$T/enc.db" فاس)" "enc/cp1256.txt" "Windows-1256"
expect_eq "$(ids "$T/enc.db" وهران)" "enc/iso.txt" "ISO-8859-6"
expect_eq "$(ids "$T/enc.db" بيروت)" "enc/u16bom.txt" "UTF-16 with a byte order mark"
expect_eq "$(ids "$T/enc.db" صفاقس)" "enc/u16le.txt" "UTF-16LE without one"
run naqib_search -d "$T/enc.db" -f json -n 1 'العمال القاهرة'
expect_eq "$(jq -r '.hits[0].title' "$T/out")" "$(head -n 1 corpus/texts/eg-etuf-mai-2025.txt)" "UTF-16BE: its title"
naqib_index --extract --encoding iso-8859-6 "$T/enc/cp1256.txt" >"$T/forced.jsonl" 2>/dev/null
expect_eq "$(jq -r .encoding "$T/forced.jsonl")" "iso-8859-6" "--encoding is taken"
naqib_index --extract --encoding iso-8859-6 corpus/texts/ma-cdt-greve-sante.txt >"$T/utf8.jsonl" 2>/dev/null
expect_eq "$(jq -r '.encoding // "none"' "$T/utf8.jsonl")" "none" "a UTF-8 text is never converted"
run naqib_index --extract --encoding klingon "$src"
expect_status 2 "an unknown encoding"
expect_in "$T/err" "naqib-index: --encoding: 'klingon' is not an encoding ICU knows (windows-1256, iso-8859-6, utf-16le, ...)" "its message"
EOF

# --extract: the documents as JSON Lines, no database; what it prints is
# what --format jsonl reads back.
test_case '--extract prints the documents, makes no database, and its output indexes the same' <<'EOF'
(cd "$T" && naqib_index --extract "$OLDPWD/corpus/texts/ma-umt-smig-2025.txt" >"$T/x.jsonl" 2>"$T/err") || fail "extract: $(cat "$T/err")"
[ ! -e "$T/naqib.db" ] || fail "--extract made a database"
expect_eq "$(jq -r '[.title, .format, (.pages|tostring), (.title_from_text|tostring)] | join("|")' "$T/x.jsonl")" "$(head -n 1 corpus/texts/ma-umt-smig-2025.txt)||0|false" "fields"
expect_eq "$(jq -r .body "$T/x.jsonl")" "$(tail -n +3 corpus/texts/ma-umt-smig-2025.txt)" "the body"
naqib_index -q -d "$T/x.db" "$T/x.jsonl" || fail "indexing the output"
expect_eq "$(ids "$T/x.db" الحد الأدنى للأجور)" "$(jq -r .id "$T/x.jsonl")" "found by its id"
run naqib_index --extract --shards 2 corpus/seeds
expect_status 2 "--extract with --shards"
EOF

# --extract | head: the reader had enough; no message, as SIGPIPE leaves.
test_case '--extract into a pipe closed early: no message, status 141' <<'EOF'
mkdir -p "$T/many"
for i in $(seq 1 200); do cp corpus/files/mail/plain-utf8.eml "$T/many/m$i.eml"; done
{ naqib_index --extract "$T/many" 2>"$T/err" && echo 0 >"$T/st" || echo $? >"$T/st"; } | head -c 10 >/dev/null
if [ -s "$T/err" ]; then fail "a message: $(cat "$T/err")"; fi
expect_eq "$(cat "$T/st")" 141 "status"
EOF

# The worker process: what a hostile file makes a library do costs that
# file, with a message, never the run nor the files after it.
# NAQIB_TEST_WORKER makes the worker misbehave so (indexer/worker.c).
mkdir -p "$T/w"
cp corpus/files/mail/plain-utf8.eml "$T/w/a.eml"
cp corpus/texts/ma-umt-smig-2025.txt "$T/w/b.txt"
worker_case() { # hook message
	rm -rf "$T/w.db"
	NAQIB_TEST_WORKER=$1 run naqib_index -d "$T/w.db" --root "$T" --worker-time 1 "$T/w"
	expect_status 3 "$1: the file failed"
	expect_in "$T/err" "naqib-index: $T/w/a.eml: $2" "$1: the message"
	expect_in "$T/err" "naqib-index: 2 files: 1 indexed (1 txt), 1 failed; -v names them" "$1: the files"
	expect_eq "$(ids "$T/w.db" الحد الأدنى للأجور)" "w/b.txt" "$1: the file after it is indexed"
}
test_case 'a reader that crashes costs its file, with a message; the run goes on' <<'EOF'
worker_case crash "the mail reader crashed (Segmentation fault), or ran out of memory (limit 2048 MB): a broken or hostile file?"
EOF
test_case 'a reader that loops is stopped at --worker-time' <<'EOF'
worker_case loop "the mail reader took more than 1 s of CPU time: left out (a broken or hostile file?)"
EOF
test_case 'a reader whose text has no end is stopped at its output limit (1 MB under the test, 1 GB said)' <<'EOF'
worker_case flood "the mail reader gave more than 1024 MB of text (a decompression bomb?); the rest is left out"
EOF
# Under AddressSanitizer (whose shadow memory is terabytes of address
# space) and valgrind the worker has no memory limit.
if ldd "$NAQIB_BIN/naqib-index" | grep -q libasan || [ -n "${NAQIB_VALGRIND:-}" ]; then
	test_skip 'a reader that fills its memory is stopped at --worker-memory' "no memory limit under ASan or valgrind"
else
	test_case 'a reader that fills its memory is stopped at --worker-memory' <<'EOF'
	rm -rf "$T/w.db"
	NAQIB_TEST_WORKER=memory run naqib_index -d "$T/w.db" --root "$T" --worker-memory 200 "$T/w"
	expect_status 3 "the file failed"
	expect_in "$T/err" "naqib-index: $T/w/a.eml: the mail reader ran out of memory (limit 200 MB)" "the message"
	expect_eq "$(ids "$T/w.db" الحد الأدنى للأجور)" "w/b.txt" "the file after it"
EOF
fi
test_case 'a file the worker failed is read again by the next run' <<'EOF'
rm -rf "$T/w.db"
NAQIB_TEST_WORKER=crash naqib_index -q -d "$T/w.db" --root "$T" "$T/w" 2>/dev/null || true
run naqib_index -d "$T/w.db" --root "$T" "$T/w"
expect_status 0 "second run"
expect_in "$T/err" "naqib-index: 2 files: 1 indexed (1 mail), 1 unchanged" "the message is read again, the text skipped"
EOF

# Files of the formats read whole are left out above --max-file-size,
# before they are read.
test_case 'a file above --max-file-size is left out, counted as too large' <<'EOF'
run naqib_index -d "$T/big.db" --root "$T" --max-file-size 1k "$T/w"
expect_status 0 "too large is no failure"
expect_in "$T/err" "naqib-index: $T/w/a.eml: left out: " "named"
expect_in "$T/err" "MB, larger than --max-file-size (0.0 MB)" "why"
expect_in "$T/err" "naqib-index: 2 files: 1 indexed (1 txt), 1 too large; -v names them" "counted"
EOF

test_done
