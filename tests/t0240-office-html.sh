# naqib-index's readers of Word, OpenDocument and HTML files: titles (from
# the metadata, a heading, the first sentence), dates, authors, addresses;
# the text of tables, headers, footers and notes; a saved page without its
# menus, banners and scripts; pages in Windows-1256 and ISO-8859-6; files
# made to hurt (zip bombs, malformed and deep XML, the billion laughs,
# truncated and encrypted archives) named with their reason while the run
# goes on.  The fixtures are corpus/files/office and corpus/files/html
# (scripts/files/office.sh, html.sh); the hostile files are made here.
. tests/lib.sh
db=$T/db
O=corpus/files/office
H=corpus/files/html

# The hits of a query in JSON, enough of them to hold every fixture.
hits() { # query
	naqib_search -d "$db" -f json -n 50 --snippet-length 0 --no-collapse "$@"
}
# The title (or another field) of the document id among the hits of a
# query that finds every fixture.
ALL='الأجور OR خريبكة OR قفصة OR البصرة OR طنجة OR الإضراب OR الجزائر'
field() { # id field
	hits "$ALL" | jq -r --arg id "$1" --arg f "$2" \
		'.hits[] | select(.id == $id) | .[$f]'
}
# The record the index keeps for id, as xapian-delve shows it (the
# author is in it, which naqib-search does not print).
record() { # id
	n=$(doc_count "$db")
	i=1
	while [ "$i" -le "$n" ]; do
		xapian-delve -d "$db" -r "$i" 2>/dev/null >"$T/rec"
		if grep -qF -- "$1" "$T/rec"; then
			cat "$T/rec"
			return
		fi
		i=$((i + 1))
	done
}

test_case 'every Word, OpenDocument and HTML fixture is indexed' <<'EOF'
run naqib_index -d "$db" $O $H
expect_status 0 "indexing the fixtures"
expect_in "$T/err" "10 added, 0 replaced, 0 unchanged (skipped), 0 failed" "summary"
expect_eq "$(doc_count "$db")" 10 "documents"
EOF

test_case 'titles: the metadata, else the first heading, else the first sentence' <<'EOF'
t=corpus/texts
expect_eq "$(field $O/ma-umt-smig-2025.docx title)" "$(head -n 1 $t/ma-umt-smig-2025.txt)" "docx: dc:title"
expect_eq "$(field $O/dz-ugta-snmg-2025.ott title)" "$(head -n 1 $t/dz-ugta-snmg-2025.txt)" "ott: meta.xml dc:title"
expect_eq "$(field $O/jo-gfjtu-minimum-wage.dotx title)" "$(head -n 1 $t/jo-gfjtu-minimum-wage.txt)" "dotx: dc:title"
expect_eq "$(field $O/tn-ugtt-greve-generale.odt title)" "$(head -n 1 $t/tn-ugtt-greve-generale.txt)" "odt: no dc:title, the text:h"
expect_eq "$(field $O/notes-table.docx title)" "$(head -n 1 $t/ma-cdt-greve-sante.txt)" "docx: 'Microsoft Word - x.docx' refused, the Heading1 paragraph"
expect_eq "$(field $O/notes-table.odt title)" "$(head -n 1 $t/ma-cdt-greve-sante.txt)" "odt: the heading"
u=$(field $O/untitled.docx title)
case $u in
'طنجة – نظم المكتب النقابي لعمال النقل الحضري بطنجة،'*…) ;;
*) fail "untitled docx: the first sentence, cut with …: got '$u'" ;;
esac
n=$(printf '%s' "$u" | wc -m)
[ "$n" -le 125 ] || fail "untitled docx: a title of $n characters is a paragraph"
expect_eq "$(field $H/umt-khouribga.html title)" "$(head -n 1 $t/ma-umt-phosphate-khouribga.txt)" "html: og:title"
expect_eq "$(field $H/gfiw-basra.html title)" "$(head -n 1 $t/iq-gfiw-basra-oil.txt)" "html: <title> only"
EOF

test_case 'dates, authors and addresses from the metadata' <<'EOF'
expect_eq "$(field $O/ma-umt-smig-2025.docx date)" 2025-10-14 "docx: dcterms:created"
expect_eq "$(field $O/tn-ugtt-greve-generale.odt date)" 2025-11-20 "odt: meta:creation-date"
expect_eq "$(field $O/notes-table.docx date)" 2025-10-10 "docx: created, not modified"
expect_eq "$(field $H/umt-khouribga.html date)" 2025-10-14 "html: article:published_time"
expect_eq "$(field $H/umt-khouribga.html url)" "https://www.umt.ma/ar/actualites/2025/10/khouribga-phosphate" "html: the canonical link"
record $O/ma-umt-smig-2025.docx >"$T/r1"
expect_in "$T/r1" "المكتب الوطني للاتحاد المغربي للشغل" "docx: dc:creator"
record $O/tn-ugtt-greve-generale.odt >"$T/r2"
expect_in "$T/r2" "الاتحاد العام التونسي للشغل" "odt: meta:initial-creator"
record $H/umt-khouribga.html >"$T/r3"
expect_in "$T/r3" "قسم الإعلام والتواصل" "html: meta name=author"
EOF

# Four words of the second paragraph of each source: its file comes first.
test_case 'words of each text find its file as the top hit' <<'EOF'
cat $O/SOURCES.tsv $H/SOURCES.tsv | while IFS="$(printf '\t')" read -r file src producer; do
	case $file in *.html) dir=$H ;; *) dir=$O ;; esac
	q=$(awk 'NR >= 3 && NF' "$src" | sed -n 2p | tr -s ' ' '\n' | sed -n '3p;5p;7p;9p' | tr '\n' ' ')
	top=$(naqib_search -d "$db" -f trec -n 1 $q | awk '{ print $3 }')
	expect_eq "$top" "$dir/$file" "top hit of '$q'"
done
EOF

test_case 'the text of tables, headers, footers and footnotes is found' <<'EOF'
both="$O/notes-table.docx
$O/notes-table.odt"
for w in مكناس تازة وجدة بركان جرادة; do
	expect_eq "$(ids "$db" $w)" "$both" "'$w' (table, header, footer, note)"
done
run naqib_search -d "$db" -f json -n 1 مكناس
expect_in "$T/out" "مكناس" "a snippet from the table"
EOF

test_case 'a saved news page: its menus, banners, share buttons, comments, footer and scripts are not its text' <<'EOF'
for w in الرئيسية المستجدات الأرشيف الارتباط فيسبوك واتساب وسوم مناجم التعليقات محفوظة analyticsQuux موافق; do
	ids "$db" "$w" >"$T/ids"
	expect_not_in "$T/ids" "$H/umt-khouribga.html" "'$w' of the chrome"
done
expect_eq "$(ids "$db" المعادن)" "$H/umt-khouribga.html" "a word of the article"
run naqib_search -d "$db" -f json -n 1 المعادن
expect_in "$T/out" "الجامعة الوطنية لعمال الطاقة والمعادن" "a snippet of the article"
EOF

test_case 'pages in Windows-1256 and ISO-8859-6 are read in their encoding' <<'EOF'
src=corpus/texts/tn-ugtt-gafsa-phosphate.txt
expect_eq "$(field $H/ugtt-gafsa-1256.html title)" "$(head -n 1 $src)" "the title, from Windows-1256"
expect_eq "$(ids "$db" المتلوي)" "$H/ugtt-gafsa-1256.html" "a word of its text"
mkdir -p "$T/enc"
# The same page that does not say its encoding: Windows-1256 is the guess.
iconv -f WINDOWS-1256 -t WINDOWS-1256 $H/ugtt-gafsa-1256.html |
	sed 's/<meta charset="windows-1256">//' >"$T/enc/silent.html"
printf '<html><head><meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-6"><title>%s</title></head><body><p>%s</p></body></html>\n' \
	'إضراب عمال الموانئ' 'قرر عمال ميناء طرطوس الإضراب عن العمل' |
	iconv -f UTF-8 -t ISO-8859-6 >"$T/enc/iso.html"
run naqib_index -d "$T/enc.db" --root "$T" "$T/enc"
expect_status 0 "indexing"
naqib_search -d "$T/enc.db" -f json -n 5 --snippet-length 0 'المتلوي OR طرطوس' >"$T/enc.json"
expect_eq "$(jq -r '.hits[] | select(.id == "enc/silent.html") | .title' "$T/enc.json")" "$(head -n 1 $src)" "no charset said"
expect_eq "$(jq -r '.hits[] | select(.id == "enc/iso.html") | .title' "$T/enc.json")" "إضراب عمال الموانئ" "ISO-8859-6 by http-equiv"
EOF

test_case 'page titles: without the site name, the article heading rather than the header logo' <<'EOF'
mkdir -p "$T/titles"
printf '<html><head><title>بلاغ حول إضراب الموانئ - UMT</title><meta property="og:site_name" content="UMT"></head><body><p>نص أول عن الموانئ</p></body></html>\n' >"$T/titles/a.html"
printf '<html><head><title>بلاغ حول إضراب السكك | أخبار | موقع النقابة</title></head><body><p>نص ثان عن السكك</p></body></html>\n' >"$T/titles/b.html"
printf '<html><head><title>بلاغ - نقابة</title></head><body><p>نص ثالث عن المطارات</p></body></html>\n' >"$T/titles/c.html"
printf '<html><body><header><h1>موقع النقابة</h1></header><article><h1>إضراب عمال المناجم</h1><p>نص رابع عن المناجم</p></article></body></html>\n' >"$T/titles/d.html"
run naqib_index -d "$T/titles.db" --root "$T" "$T/titles"
expect_status 0 "indexing"
naqib_search -d "$T/titles.db" -f json -n 10 --snippet-length 0 نص >"$T/titles.json"
t() { jq -r --arg id "titles/$1" '.hits[] | select(.id == $id) | .title' "$T/titles.json"; }
expect_eq "$(t a.html)" "بلاغ حول إضراب الموانئ" "og:site_name's suffix"
expect_eq "$(t b.html)" "بلاغ حول إضراب السكك" "a separator said twice"
expect_eq "$(t c.html)" "بلاغ - نقابة" "one ' - ' and no site named: kept"
expect_eq "$(t d.html)" "إضراب عمال المناجم" "the article's h1"
EOF

test_case 'a Word file and a page without their endings are known by their bytes' <<'EOF'
mkdir -p "$T/bare"
cp $O/ma-umt-smig-2025.docx "$T/bare/bayan"
cp $O/tn-ugtt-greve-generale.odt "$T/bare/odt-file"
cp $H/gfiw-basra.html "$T/bare/page"
run naqib_index -d "$T/bare.db" --root "$T" "$T/bare"
expect_status 0 "indexing"
expect_in "$T/err" "3 added" "all three"
expect_eq "$(ids "$T/bare.db" الفلاحي)" "bare/bayan" "the docx"
expect_eq "$(ids "$T/bare.db" استيفاء)" "bare/odt-file" "the odt"
expect_eq "$(ids "$T/bare.db" البصرة)" "bare/page" "the page"
EOF

# Each hostile file alone, then all of them with a good file: each named
# with its reason, the good one indexed, the run to its end.
test_case 'hostile files are named with their reason and the run goes on' <<'EOF'
h=$T/hostile
mkdir -p "$h/w/word"
cd "$h/w"
printf '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>' >'[Content_Types].xml'
W='xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
# word/document.xml made of zeros, n bytes of them, compressed.
zeros() { # file n
	head -c "$2" /dev/zero | zip -q "$1" -
	printf '@ -\n@=word/document.xml\n' | zipnote -w "$1"
	zip -q "$1" '[Content_Types].xml'
}
zeros "$h/bomb.docx" 100000000
zeros "$h/ratio.docx" 10000000
# An archive that says its part is 1,000 bytes and gives 900,000.
zeros "$h/liar.docx" 900000
off=$(grep -obUaP 'PK\x01\x02' "$h/liar.docx" | head -n 1 | cut -d: -f1)
printf '\350\003\000\000' | dd of="$h/liar.docx" bs=1 seek=$((off + 24)) conv=notrunc 2>/dev/null
part() { # file: word/document.xml from stdin
	cat >word/document.xml
	zip -q "$1" '[Content_Types].xml' word/document.xml
}
printf '<?xml version="1.0"?><w:document %s><w:body><w:p><w:r><w:t>نص</w:t></w:r></w:p><w:p><w:r><w:t>x</w:r></w:p></w:body></w:document>' "$W" |
	part "$h/malformed.docx"
{
	printf '<?xml version="1.0"?><w:document %s><w:body>' "$W"
	awk 'BEGIN { for (i = 0; i < 100000; i++) printf "<a>" }'
	printf '<w:r><w:t>deep</w:t></w:r>'
	awk 'BEGIN { for (i = 0; i < 100000; i++) printf "</a>" }'
	printf '</w:body></w:document>'
} | part "$h/deep.docx"
{
	printf '<?xml version="1.0"?>\n<!DOCTYPE w:document [\n<!ENTITY lol "lol">\n'
	p=lol
	for i in 1 2 3 4 5 6 7 8 9; do
		printf '<!ENTITY lol%d "%s">\n' $i "$(for k in 0 1 2 3 4 5 6 7 8 9; do printf '&%s;' $p; done)"
		p=lol$i
	done
	printf ']>\n<w:document %s><w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>' "$W"
} | part "$h/laughs.docx"
cd "$OLDPWD"
head -c 3000 $O/ma-umt-smig-2025.docx >"$h/truncated.docx"
{
	printf '<html><body>'
	awk 'BEGIN { for (i = 0; i < 2000000; i++) printf "<div>" }'
	printf 'deep</body></html>'
} >"$h/divs.html"
rm -rf "$h/w"
cp $O/untitled.docx "$h/good.docx"
for f in bomb ratio liar malformed deep laughs truncated; do
	run naqib_index -d "$T/h-$f.db" --root "$T" "$h/$f.docx"
	expect_status 3 "$f.docx alone"
	expect_in "$T/err" "hostile/$f.docx: " "$f.docx named"
done
run naqib_index -d "$T/h.db" --root "$T" "$h"
expect_status 3 "the directory"
expect_in "$T/err" "hostile/bomb.docx: part 'word/document.xml' is 100000000 bytes uncompressed, more than 64 MiB (a zip bomb?); file skipped" "bomb"
expect_in "$T/err" "hostile/ratio.docx: part 'word/document.xml' compresses" "ratio"
expect_in "$T/err" "hostile/liar.docx: part 'word/document.xml' gives more than the size the archive says" "a size that lies"
expect_in "$T/err" "hostile/malformed.docx: part 'word/document.xml' is not well-formed XML (line 1: Opening and ending tag mismatch" "malformed"
expect_in "$T/err" "hostile/deep.docx: part 'word/document.xml' is not well-formed XML (line 1: Excessive depth in document: 256)" "deep"
expect_in "$T/err" "hostile/laughs.docx: part 'word/document.xml' is not well-formed XML" "the billion laughs"
expect_in "$T/err" "entity reference loop" "the billion laughs, said"
expect_in "$T/err" "hostile/truncated.docx: not a ZIP archive that can be read" "truncated"
expect_in "$T/err" "hostile/divs.html: elements nested deeper than 256 levels" "10 MB of nested divs"
expect_in "$T/err" "1 added, 0 replaced, 0 unchanged (skipped), 8 failed" "the good file indexed"
expect_eq "$(ids "$T/h.db" طنجة)" "hostile/good.docx" "the good file found"
EOF

test_case 'encrypted documents are refused with a clear message' <<'EOF'
e=$T/enc-docs
mkdir -p "$e/odt/META-INF"
cd "$e/odt"
printf 'application/vnd.oasis.opendocument.text' >mimetype
printf '<?xml version="1.0"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"><manifest:encryption-data manifest:checksum-type="SHA1/1K" manifest:checksum="x"/></manifest:file-entry></manifest:manifest>' >META-INF/manifest.xml
head -c 2000 /dev/urandom >content.xml
zip -q -0 -X "$e/locked.odt" mimetype
zip -q -X "$e/locked.odt" META-INF/manifest.xml content.xml
cd "$OLDPWD"
# What Word writes for a password: an OLE compound file around an
# EncryptedPackage stream.
{
	printf '\320\317\021\340\241\261\032\341'
	head -c 1000 /dev/zero
	printf 'E\000n\000c\000r\000y\000p\000t\000e\000d\000P\000a\000c\000k\000a\000g\000e\000'
	head -c 1000 /dev/zero
} >"$e/locked.docx"
run naqib_index -d "$T/e.db" --root "$T" "$e/locked.odt" "$e/locked.docx"
expect_status 3 "indexing"
expect_in "$T/err" "enc-docs/locked.odt: encrypted (password-protected): it cannot be read without its password; file skipped" "odt"
expect_in "$T/err" "enc-docs/locked.docx: encrypted (password-protected): it cannot be read without its password; file skipped" "docx"
EOF

test_done
