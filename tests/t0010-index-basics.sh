# naqib-index: formats, ids, re-indexing that is idempotent, skipping of
# unchanged files, --delete, and the settings a database keeps.
. tests/lib.sh
db=$T/db

# The cases up to --delete work on $db in turn: each one's counts are those
# of the database as the cases before it left it.
test_case 'the first run adds every document of the corpus' <<'EOF'
run naqib_index -d "$db" $CORPUS
expect_status 0 "first run"
expect_in "$T/err" "$CORPUS_DOCS added, 0 replaced, 0 unchanged (skipped), 0 failed" "summary"
expect_eq "$(xapian-delve "$db" | sed -n 's/^number of documents = //p')" "$CORPUS_DOCS" "documents in the database"
EOF

# Ids: text files by their path, JSON Lines and TREC by their own ids.
test_case 'a text file is found by its path; JSON Lines and TREC documents by their own ids' <<'EOF'
expect_eq "$(ids "$db" خريبكة)" "corpus/texts/ma-umt-phosphate-khouribga.txt" "text file id"
run naqib_search -d "$db" -f json -n 50 المحلة الكبرى
expect_in "$T/out" '"id":"corpus/texts/eg-mahalla-textile-greve.txt"' "path id in json"
expect_eq "$(ids "$db" الإسكندرية)" "jsonl-eg-etuf-004" "JSON Lines id (its body under \"text\")"
expect_in "$T/out" '"id":"corpus/texts/eg-mahalla-textile-greve.txt"' "path id in json"
naqib_search -d "$db" -f json -n 100 --snippet-length 0 التقاعد >"$T/all.json" || true
expect_in "$T/all.json" '"id":"trec-dz-autonomes-003"' "TREC id"
EOF

test_case 'titles and dates come from each format' <<'EOF'
run naqib_search -d "$db" -f json -n 1 الأجور الضمان الاجتماعي الحد الأدنى
jq -e '.hits | length == 1' "$T/out" >/dev/null || fail "one hit"
naqib_search -d "$db" -f json -n 100 --snippet-length 0 الأجور OR للأجور OR التقاعد >"$T/w.json" || true
title=$(jq -r '.hits[] | select(.id == "corpus/texts/ma-umt-smig-2025.txt") | .title' "$T/w.json")
expect_eq "$title" "$(head -n 1 corpus/texts/ma-umt-smig-2025.txt)" "title of a text file = its first line"
expect_eq "$(jq -r '.hits[] | select(.id == "trec-dz-autonomes-003") | .date' "$T/w.json")" "2016-10-10" "TREC date 10/10/2016"
EOF

# A Markdown file's title is the text of its heading (CommonMark's ATX
# marks: one to six #, a blank, a closing run), its body as written; a
# .txt keeps its #, and so do a hashtag, seven # or C#.
test_case 'a Markdown title without the # of its heading; the body as written; .txt as it is' <<'EOF'
mkdir -p "$T/md"
printf '# بيان المكتب الوطني ##\n\nقرر المكتب الإضراب يوم الخميس.\n' >"$T/md/a.md"
printf '  ### Only a heading ###  \n' >"$T/md/b.markdown"
printf '#hashtag حول الإضراب\nbody\n' >"$T/md/c.md"
printf '####### seven\nbody\n' >"$T/md/d.MD"
printf '# C#\nbody\n' >"$T/md/e.md"
printf '# Title of a text file\nbody\n' >"$T/md/f.txt"
run naqib_index -q -d "$T/md.db" --root "$T" "$T/md"
expect_status 0 "indexing the directory"
naqib_search -d "$T/md.db" -f json -n 10 --no-collapse 'body OR الإضراب OR heading' >"$T/md.json" ||
	fail "searching the Markdown files"
title() { jq -r --arg id "md/$1" '.hits[] | select(.id == $id) | .title' "$T/md.json"; }
expect_eq "$(title a.md)" "بيان المكتب الوطني" "an ATX heading and its closing run"
expect_eq "$(title b.markdown)" "Only a heading" ".markdown, found in a directory"
expect_eq "$(title c.md)" "#hashtag حول الإضراب" "a hashtag is no heading"
expect_eq "$(title d.MD)" "####### seven" "seven # are no heading"
expect_eq "$(title e.md)" "C#" "a # in the text stays"
expect_eq "$(title f.txt)" "# Title of a text file" "a .txt keeps its #"
expect_eq "$(jq -r '.hits[] | select(.id == "md/b.markdown") | .snippet' "$T/md.json")" \
	"### Only a heading ###" "a file of one line: the body as written"
expect_eq "$(jq -r '.hits[] | select(.id == "md/a.md") | .snippet' "$T/md.json")" \
	"قرر المكتب الإضراب يوم الخميس." "the body"
EOF

test_case 'indexing again: nothing changed, nothing read' <<'EOF'
run naqib_index -d "$db" $CORPUS
expect_status 0 "second run"
expect_in "$T/err" "0 added, 0 replaced, $CORPUS_DOCS unchanged (skipped), 0 failed" "unchanged files skipped"
EOF

test_case 'a changed file is read again and its document replaced, not doubled' <<'EOF'
cp -r corpus "$T/corpus"
naqib_index -q -d "$T/db2" --root "$T" "$T/corpus/texts"
printf '\nسطر جديد عن الأرخبيل.\n' >>"$T/corpus/texts/ma-umt-smig-2025.txt"
run naqib_index -d "$T/db2" --root "$T" "$T/corpus/texts"
expect_in "$T/err" "0 added, 1 replaced, 31 unchanged (skipped), 0 failed" "one file changed"
expect_eq "$(ids "$T/db2" الأرخبيل)" "corpus/texts/ma-umt-smig-2025.txt" "the new text is found"
expect_eq "$(xapian-delve "$T/db2" | sed -n 's/^number of documents = //p')" "32" "no duplicate"
EOF

test_case '--force reads everything again; the same ids are replaced' <<'EOF'
run naqib_index -d "$db" --force $CORPUS
expect_in "$T/err" "0 added, $CORPUS_DOCS replaced, 0 unchanged (skipped), 0 failed" "--force"
EOF

test_case 'the same file named by another path gets the same id' <<'EOF'
(cd corpus && naqib_index -q -d "$db" --root .. --force texts/lb-cgtl-wages.txt)
expect_eq "$(xapian-delve "$db" | sed -n 's/^number of documents = //p')" "$CORPUS_DOCS" "same id from another path"
EOF

test_case '--delete takes documents out by id' <<'EOF'
run naqib_index -d "$db" --delete jsonl-eg-etuf-004 corpus/texts/eg-mahalla-textile-greve.txt
expect_status 0 "delete"
expect_in "$T/err" "2 documents deleted" "delete summary"
run naqib_search -d "$db" المحلة
expect_status 1 "deleted document not found"
EOF

# The index follows the files: the next run reads their files again and,
# as they are still there, the documents come back.  (The counts are those
# after the --force and --delete cases above.)
test_case 'deleted documents come back from their files on the next run' <<'EOF'
run naqib_index -d "$db" $CORPUS
expect_in "$T/err" "2 added, 5 replaced, 36 unchanged (skipped), 0 failed" "deleted documents come back from their files"
EOF

test_case '--delete of an unknown id: status 3 and the id named' <<'EOF'
run naqib_index -d "$db" --delete no-such-id
expect_status 3 "delete of an unknown id"
expect_in "$T/err" "naqib-index: no document with id 'no-such-id'" "unknown id message"
EOF

test_case 'the database is $NAQIB_DB, and ./naqib.db by default' <<'EOF'
NAQIB_DB=$T/envdb naqib_index -q corpus/samples.trec
[ -d "$T/envdb" ] || fail "NAQIB_DB not used"
(cd "$T" && naqib_index -q "$OLDPWD/corpus/samples.trec" && [ -d naqib.db ]) || fail "default ./naqib.db"
EOF

# The stemmer is chosen when the database is made and kept.
test_case 'the stemmer a database is made with is stored in it' <<'EOF'
naqib_index -q -d "$T/light" --stemmer light corpus/samples.trec
expect_eq "$(xapian-metadata get "$T/light" naqib.stemmer)" "light" "stemmer stored"
EOF

test_case 'another stemmer on that database is refused' <<'EOF'
run naqib_index -d "$T/light" --stemmer snowball corpus/samples.jsonl
expect_status 2 "other stemmer on an existing database"
expect_in "$T/err" "was indexed with --stemmer=light" "stemmer mismatch message"
EOF

test_case 'without --stemmer, the database is indexed and searched with its own' <<'EOF'
run naqib_index -d "$T/light" corpus/samples.jsonl
expect_status 0 "existing database, its own stemmer"
expect_eq "$(ids "$T/light" نقابة | grep -c jsonl)" "4" "light stemmer search"
EOF

# Progress on a terminal only: documents, MB of the whole job, rate, and
# the time left once it can be told (after 5 s and 1% of the job: a run
# this short may end first; tests/unit/test_progress.c has the rule); none
# in a pipe or a file, none with -q.  script(1) gives the indexer a
# terminal.
make_corpus 300 "$T/gen.jsonl"

test_case 'a progress line on a terminal: documents, MB of the job, rate, time left' <<'EOF'
command -v script >/dev/null || fail "script(1) is missing (package bsdutils)"
script -qec "\"$NAQIB_BIN/naqib-index\" -d \"$T/progress\" --read-block 16k \"$T/gen.jsonl\"" \
	/dev/null | tr '\r' '\n' | sed 's/\x1b\[K//g' >"$T/tty"
size=$(awk -v b="$(wc -c <"$T/gen.jsonl")" 'BEGIN { printf "%.1f", b / 1e6 }')
grep -Eq "^naqib-index: [0-9]+ documents, [0-9.]+ of $size MB \([0-9]+%\), [0-9.]+ MB/s(, [0-9]+:[0-5][0-9] left)?$" "$T/tty" ||
	fail "no progress line on a terminal: $(head -c 300 "$T/tty")"
# The first line, drawn after the first document (0.3% of the job), has
# no time left to tell: it used to say "74:40 left" of a 102 MB job that
# took 1:31.
first=$(grep -m 1 '^naqib-index: [0-9]* documents, ' "$T/tty")
case $first in
*left*) fail "a time left after the first document: $first" ;;
esac
expect_in "$T/tty" "naqib-index: 300 added" "summary on a terminal"
EOF

# What --max-doc-size leaves out of a text is done, not to do: the last
# line says 100%, not the share read (it said 84% of a 40 MB text).
test_case 'the progress line of a text cut at --max-doc-size ends at 100%' <<'EOF'
yes 'أعلنت النقابة الوطنية للتعليم إضرابا وطنيا' | tr '\n' ' ' | head -c 1000000 >"$T/long.txt"
script -qec "\"$NAQIB_BIN/naqib-index\" -d \"$T/progress-cut\" --read-block 16k --max-doc-size 64k \"$T/long.txt\"" \
	/dev/null | tr '\r' '\n' | sed 's/\x1b\[K//g' >"$T/tty"
expect_in "$T/tty" "warning: longer than --max-doc-size" "the text is cut"
last=$(grep '^naqib-index: [0-9]* documents, ' "$T/tty" | tail -n 1)
expect_eq "$last" "naqib-index: 1 documents, 1.0 of 1.0 MB (100%), ${last##*(100%), }" "the last progress line"
EOF

test_case 'no progress line in a file' <<'EOF'
run naqib_index -d "$T/progress2" "$T/gen.jsonl"
expect_not_in "$T/err" "left" "no progress line in a file"
EOF

test_case '-q on a terminal prints nothing' <<'EOF'
script -qec "\"$NAQIB_BIN/naqib-index\" -q -d \"$T/progress3\" \"$T/gen.jsonl\"" /dev/null >"$T/tty"
[ ! -s "$T/tty" ] || fail "-q on a terminal printed: $(head -c 200 "$T/tty")"
EOF

test_done
