# E-mail: .eml messages and mbox mailboxes (indexer/formats/mail.c): the
# Subject as title, the Date, the From as author, the text whatever its
# charset and MIME shape, attachments and forwarded messages as documents
# of their own, each message of a mailbox by its number, and hostile
# messages that cost themselves only.
. tests/lib.sh
db=$T/db
M=corpus/files/mail

# The fields of the document id as naqib-index --extract reads FILE.
extract() { # file
	naqib_index --extract "$1" 2>"$T/extract.err"
}
field() { # jsonl id key
	jq -r --arg id "$2" "select(.id == \$id) | .$3" "$1"
}
top() { # query...
	naqib_search -d "$db" -f json -n 1 "$@" | jq -r '.hits[0].id'
}

test_case 'the fixtures are indexed: 5 messages, 2 attachments, a mailbox of 3' <<'EOF'
run naqib_index -d "$db" --summary-format json $M/*.eml $M/mailbox.mbox
expect_status 0 "indexing the fixtures"
expect_eq "$(jq -r '.documents.added' "$T/out")" 10 "documents added"
expect_eq "$(jq -r '.files.indexed_by_format.mail' "$T/out")" 5 ".eml files"
expect_eq "$(jq -r '.files.indexed_by_format.mbox' "$T/out")" 1 "mailboxes"
expect_eq "$(jq -r '.files.failed' "$T/out")" 0 "no failure"
EOF

test_case 'the Subject (encoded words) is the title, the Date the date, the From the author' <<'EOF'
extract $M/plain-utf8.eml >"$T/p.jsonl"
id=$M/plain-utf8.eml
expect_eq "$(field "$T/p.jsonl" $id title)" "$(head -n 1 corpus/texts/ma-umt-phosphate-khouribga.txt)" "title"
expect_eq "$(field "$T/p.jsonl" $id date)" "2025-10-14T09:30:00+01:00" "date"
expect_eq "$(field "$T/p.jsonl" $id author)" "الجامعة الوطنية لعمال الطاقة والمعادن <fnem@umt.ma>" "author"
expect_eq "$(field "$T/p.jsonl" $id format)" "mail" "format"
expect_eq "$(field "$T/p.jsonl" $id title_from_text)" "false" "a title of its own"
# Q encoded words too, and the date as the search shows it.
naqib_search -d "$db" -f json -n 1 بنزرت >"$T/s.json"
expect_eq "$(jq -r '.hits[0].title' "$T/s.json")" "$(head -n 1 corpus/texts/tn-ugtt-greve-generale.txt)" "Q encoded subject"
expect_eq "$(jq -r '.hits[0].date' "$T/s.json")" "2025-10-22" "date in the search"
EOF

test_case 'the words of each text find its message as the top hit' <<'EOF'
expect_eq "$(top خريبكة)" "$M/plain-utf8.eml" "plain UTF-8"
expect_eq "$(top بنزرت)" "$M/html-only.eml" "HTML only"
expect_eq "$(top القاهرة)" "$M/alternative.eml" "multipart/alternative"
expect_eq "$(top وهران)" "$M/windows-1256.eml" "Windows-1256"
expect_eq "$(top التضخم)" "$M/attachments.eml" "the text of a message with attachments"
naqib_search -d "$db" -f json -n 1 وهران >"$T/s.json"
expect_in "$T/s.json" "دار النقابات" "a snippet of the Windows-1256 text"
EOF

test_case 'HTML: the text without the style and the script; alternative parts read once' <<'EOF'
expect_eq "$(ids "$db" kalimaserriya)" "" "the script's words are not indexed"
expect_eq "$(ids "$db" font-family)" "" "nor the style's"
extract $M/alternative.eml >"$T/a.jsonl"
body=$(field "$T/a.jsonl" $M/alternative.eml body)
expect_eq "$(printf '%s' "$body" | grep -o 'القاهرة –' | wc -l)" 1 "the text once, not as plain and as HTML"
extract $M/html-only.eml >"$T/h.jsonl"
expect_not_in "$T/h.jsonl" '<p>' "no markup"
expect_not_in "$T/h.jsonl" 'kalimaserriya' "no script"
EOF

# A newsletter as mailers send it: the site's menu, a cookie banner, a
# footer of links around the communiqué.  Its HTML part is read as a page
# is (html.c): the chrome's words are not the message's.
test_case "HTML: a newsletter's menu, cookie banner and footer are not found, its text is" <<'EOF'
mkdir -p "$T/news"
{
	printf 'From: UMT <info@umt.ma>\nSubject: =?UTF-8?B?%s?=\n' "$(printf 'نشرة الاتحاد' | base64 -w 0)"
	printf 'Date: Wed, 5 Nov 2025 10:00:00 +0100\nMIME-Version: 1.0\n'
	printf 'Content-Type: text/html; charset=UTF-8\n\n'
	printf '<html><body><nav><a href="/">qaimatmawqi</a> <a href="/a">الرئيسية</a></nav>\n'
	printf '<div class="cookie-banner">kaakaat ملفات الارتباط <button>ok</button></div>\n'
	printf '<article><h1>وقفة احتجاجية</h1><p>نظم عمال الميناء وقفة احتجاجية أمام المديرية الجهوية بآسفي.</p></article>\n'
	printf '<footer><a href="/u">ilghaaishtirak</a></footer></body></html>\n'
} >"$T/news/news.eml"
naqib_index --extract "$T/news/news.eml" >"$T/n.jsonl" 2>/dev/null
expect_eq "$(field "$T/n.jsonl" "$T/news/news.eml" body)" "$(printf 'وقفة احتجاجية\nنظم عمال الميناء وقفة احتجاجية أمام المديرية الجهوية بآسفي.')" "the article's text, and only it"
run naqib_index -d "$T/n.db" "$T/news/news.eml"
expect_status 0 "indexing the newsletter"
expect_eq "$(ids "$T/n.db" بآسفي)" "$T/news/news.eml" "found by the words of its text"
for w in qaimatmawqi kaakaat ilghaaishtirak; do
	expect_eq "$(ids "$T/n.db" $w)" "" "'$w' of the chrome not found"
done
EOF

test_case 'Windows-1256: subject, sender and text in UTF-8, the encoding said' <<'EOF'
extract $M/windows-1256.eml >"$T/w.jsonl"
id=$M/windows-1256.eml
expect_utf8 "$T/w.jsonl" "the extracted message"
expect_eq "$(field "$T/w.jsonl" $id title)" "$(head -n 1 corpus/texts/dz-ugta-1er-mai.txt)" "title"
expect_eq "$(field "$T/w.jsonl" $id author)" "الإتحاد العام للعمال الجزائريين <ugta@ugta.dz>" "author"
expect_eq "$(field "$T/w.jsonl" $id encoding)" "windows-1256" "encoding"
expect_eq "$(field "$T/w.jsonl" $id body)" "$(tail -n +3 corpus/texts/dz-ugta-1er-mai.txt)" "the text, exactly"
run naqib_index -d "$T/w.db" $M/windows-1256.eml
expect_in "$T/err" "1 text not in UTF-8, read as windows-1256 (1)" "the summary says the encoding"
EOF

test_case 'an attachment is a document of its own, its parent the message, found by its words' <<'EOF'
extract $M/attachments.eml >"$T/at.jsonl"
a=$M/attachments.eml
expect_eq "$(jq -r .id "$T/at.jsonl" | tr '\n' ' ')" "$a $a#lb-cgtl-wages.txt $a#ma-cdt-greve-sante.md " "the message, then its attachments"
expect_eq "$(field "$T/at.jsonl" "$a#lb-cgtl-wages.txt" parent)" "$a" "parent of the .txt"
expect_eq "$(field "$T/at.jsonl" "$a#ma-cdt-greve-sante.md" parent)" "$a" "parent of the .md"
expect_eq "$(field "$T/at.jsonl" "$a#lb-cgtl-wages.txt" title)" "$(head -n 1 corpus/texts/lb-cgtl-wages.txt)" "the .txt's title: its first line"
expect_eq "$(field "$T/at.jsonl" "$a#ma-cdt-greve-sante.md" title)" "$(head -n 1 corpus/texts/ma-cdt-greve-sante.txt)" "the .md's: its heading"
expect_eq "$(top بيروت)" "$a#lb-cgtl-wages.txt" "the .txt found by its words"
expect_eq "$(top الكونفدرالية الديمقراطية)" "$a#ma-cdt-greve-sante.md" "the .md found by its words"
EOF

# A message made here: two attachments of one name, a PDF, a forwarded
# message.  The PDF: "not a format naqib reads" until a pdf format is in
# the table and corpus/files/pdf/ has a file; then a document of its own.
test_case 'two attachments of one name; a PDF; a forwarded message as a document of its own' <<'EOF'
mkdir -p "$T/gen"
pdf=$(ls corpus/files/pdf/*.pdf 2>/dev/null | head -n 1 || true)
{
	printf 'From: =?UTF-8?B?%s?= <a@example.org>\n' "$(printf 'نقابة التعليم' | base64 -w 0)"
	printf 'Subject: Fwd: bayan\nDate: Tue, 4 Nov 2025 12:00:00 +0100\nMIME-Version: 1.0\n'
	printf 'Content-Type: multipart/mixed; boundary="m"\n\n--m\nContent-Type: text/plain; charset=UTF-8\n\nانظر البيانين المرفقين.\n'
	for w in أولهما ثانيهما; do
		printf -- '--m\nContent-Type: text/plain; charset=UTF-8\nContent-Disposition: attachment; filename="bayan.txt"\n\n'
		printf 'بيان %s\n\nالنص %s عن الترسيم.\n' $w $w
	done
	printf -- '--m\nContent-Type: application/pdf\nContent-Disposition: attachment; filename="bayan.pdf"\nContent-Transfer-Encoding: base64\n\n'
	if [ -n "$pdf" ]; then base64 -w 76 "$pdf"; else printf '%%PDF-1.4\n%%%%EOF\n' | base64; fi
	printf -- '--m\nContent-Type: message/rfc822\nContent-Disposition: attachment; filename="original.eml"\n\n'
	printf 'From: Bureau <bureau@example.dz>\nSubject: =?UTF-8?B?%s?=\n' "$(printf 'البيان الأصلي للمكتب' | base64 -w 0)"
	printf 'Date: Mon, 3 Nov 2025 08:00:00 +0100\n\nنص الرسالة المحولة حول الاقتطاعات.\n'
	printf -- '--m--\n'
} >"$T/gen/fwd.eml"
naqib_index --extract "$T/gen/fwd.eml" >"$T/f.jsonl" 2>"$T/f.err"
id=$T/gen/fwd.eml
expect_eq "$(field "$T/f.jsonl" "$id#bayan.txt" title)" "بيان أولهما" "the first bayan.txt"
expect_eq "$(field "$T/f.jsonl" "$id#bayan (2).txt" title)" "بيان ثانيهما" "the second: bayan (2).txt"
expect_eq "$(field "$T/f.jsonl" "$id#original.eml" title)" "البيان الأصلي للمكتب" "the forwarded message's own subject"
expect_eq "$(field "$T/f.jsonl" "$id#original.eml" author)" "Bureau <bureau@example.dz>" "its own sender"
expect_eq "$(field "$T/f.jsonl" "$id#original.eml" date)" "2025-11-03T08:00:00+01:00" "its own date"
expect_eq "$(field "$T/f.jsonl" "$id#original.eml" parent)" "$id" "its parent"
expect_eq "$(field "$T/f.jsonl" "$id" body)" "انظر البيانين المرفقين." "the message's own text only"
if [ -n "$pdf" ] && naqib_index --list format | grep -q '^pdf'; then
	expect_eq "$(field "$T/f.jsonl" "$id#bayan.pdf" parent)" "$id" "the PDF: a document, its parent the message"
else
	expect_in "$T/f.err" "attachment 'bayan.pdf': not a format naqib reads; left out" "the PDF, no reader yet"
fi
EOF

test_case 'a mailbox: each message its own document FILE#N, with its own title and words' <<'EOF'
extract $M/mailbox.mbox >"$T/mb.jsonl"
b=$M/mailbox.mbox
expect_eq "$(jq -r .id "$T/mb.jsonl" | tr '\n' ' ')" "$b#1 $b#2 $b#3 " "ids"
expect_eq "$(field "$T/mb.jsonl" "$b#2" title)" "$(head -n 1 corpus/texts/tn-ugtt-sante-sfax.txt)" "the second's title"
expect_eq "$(field "$T/mb.jsonl" "$b#3" date)" "2025-10-13T08:03:00+00:00" "the third's date"
expect_eq "$(top البصرة)" "$b#1" "the first found by its words"
expect_eq "$(top المستشفى الجامعي)" "$b#2" "the second"
expect_eq "$(top طنجة)" "$b#3" "the third"
EOF

test_case 'without an ending: a mailbox and a message told by their first lines, a text of "Date:" lines is a text' <<'EOF'
mkdir -p "$T/sniff"
cp $M/mailbox.mbox "$T/sniff/Inbox"
tail -n +2 $M/mailbox.mbox | sed '/^From bureau/,$d' >"$T/sniff/message"
printf 'Date: 2025-11-04\nLieu: Rabat\n\nاجتماع المكتب المحلي.\n' >"$T/sniff/note"
naqib_index --extract "$T/sniff/Inbox" "$T/sniff/message" "$T/sniff/note" >"$T/sn.jsonl" 2>/dev/null
expect_eq "$(jq -r .id "$T/sn.jsonl" | sed "s|$T/sniff/||" | tr '\n' ' ')" "Inbox#1 Inbox#2 Inbox#3 message note " "ids"
expect_eq "$(field "$T/sn.jsonl" "$T/sniff/message" format)" "mail" "a message without .eml"
expect_eq "$(field "$T/sn.jsonl" "$T/sniff/note" format)" "" "a text is not mail"
EOF

test_case 'hostile messages: each named with what became of it, the run goes on' <<'EOF'
scripts/files/mail-hostile.sh "$T/hostile"
cp $M/plain-utf8.eml "$T/hostile/zz-after.eml"
run naqib_index -d "$T/h.db" --summary-format json "$T/hostile"
expect_status 0 "indexing the hostile messages"
expect_eq "$(jq -r '.files.indexed' "$T/out")" 10 "every file indexed"
expect_in "$T/err" "parts.eml: more than 1000 MIME parts in the message: the rest left out" "10,000 parts"
expect_in "$T/err" "deep.eml: parts nested more than 20 levels deep" "nested 1000 deep"
expect_in "$T/err" "deepmsg.eml: parts nested more than 20 levels deep in the message of" "forwarded 1000 deep"
expect_in "$T/err" "big.eml: attachment 'zeros.txt': about 33 MB decoded, more than the 32 MB" "a decoded size over the cap"
expect_in "$T/err" "zeros.eml: attachment: binary data" "15 MB of zeros"
expect_eq "$(ids "$T/h.db" alawwal)" "$T/hostile/parts.eml" "the first parts read"
expect_eq "$(ids "$T/h.db" alakhir)" "" "not the last"
expect_eq "$(ids "$T/h.db" qasir)" "$T/hostile/longhdr.eml" "after a header line of 1 MB"
expect_eq "$(ids "$T/h.db" baad)" "$(printf '%s\n' "$T/hostile/broken.eml" "$T/hostile/nul.eml")" "broken boundaries; NULs"
expect_eq "$(ids "$T/h.db" مجهول)" "$T/hostile/charset.eml" "charset=x-unknown read as windows-1256"
expect_eq "$(ids "$T/h.db" خريبكة)" "$T/hostile/zz-after.eml" "the message after them"
EOF

test_done
