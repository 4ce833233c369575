#!/bin/sh
# Writes the Word and OpenDocument fixtures of corpus/files/office/ and their
# SOURCES.tsv from texts of corpus/texts/ (line 1 the title, line 3.. the
# body, a paragraph a line):
#
#   ma-umt-smig-2025.docx        LibreOffice, from a flat ODT whose metadata
#                                has the title, author and date
#   tn-ugtt-greve-generale.odt   LibreOffice; no title in the metadata: the
#                                title is the text:h heading
#   dz-ugta-snmg-2025.ott        LibreOffice, an OpenDocument template
#   jo-gfjtu-minimum-wage.dotx   LibreOffice, a Word template
#   untitled.docx                LibreOffice, from the body alone as plain
#                                text: no title, no heading, no metadata
#   notes-table.odt              LibreOffice: a table, a header and a footer
#                                (master page), a footnote, a tab, line breaks
#   notes-table.docx             the same in Word's XML written here and
#                                zipped: Heading1 style, header1/footer1
#                                parts, footnotes.xml, w:tab, w:br, and a
#                                placeholder title ("Microsoft Word - x")
#
# Words only the header (وجدة), the footer (بركان), the footnote (جرادة)
# and the table (مكناس, تازة) have, for the tests.  The last two have text
# of their own besides their source's, so they have no row in SOURCES.tsv.
# Needs soffice (libreoffice-writer-nogui), zip and sed.  Run from
# anywhere:  scripts/files/office.sh
set -eu
cd "$(dirname "$0")/../.."
out=corpus/files/office
tmp=$(mktemp -d "${TMPDIR:-/tmp}/naqib-office.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$out"

# A profile of its own, so that a LibreOffice already running (or another
# run of this script) does not take the conversion.
convert() { # filter file
	soffice -env:UserInstallation="file://$tmp/profile" --headless \
		--convert-to "$1" --outdir "$tmp/conv" "$2" >"$tmp/soffice.log" 2>&1 ||
		{ cat "$tmp/soffice.log" >&2; exit 1; }
}

esc() { sed -e 's/&/\&amp;/g' -e 's/</\&lt;/g' -e 's/>/\&gt;/g'; }

title_of() { head -n 1 "$1" | esc; }

# The body's paragraphs as elements: $1 the text, $2 the element's start
# and $3 its end.
paras() {
	awk 'NR >= 3 && NF' "$1" | esc | while IFS= read -r l; do
		printf '%s%s%s\n' "$2" "$l" "$3"
	done
}

NS='xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"
 xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
 xmlns:dc="http://purl.org/dc/elements/1.1/"
 xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0"'

# Styles of a right-to-left text, a heading style, a page with a header and
# a footer when $1 and $2 are given.
styles() {
	cat <<EOF
 <office:styles>
  <style:default-style style:family="paragraph">
   <style:paragraph-properties style:writing-mode="rl-tb"/>
   <style:text-properties style:font-name-complex="Noto Naskh Arabic" fo:language="ar" fo:country="MA"/>
  </style:default-style>
  <style:style style:name="Standard" style:family="paragraph"/>
  <style:style style:name="Heading_20_1" style:display-name="Heading 1" style:family="paragraph" style:default-outline-level="1">
   <style:text-properties fo:font-weight="bold" style:font-weight-complex="bold"/>
  </style:style>
 </office:styles>
 <office:automatic-styles>
  <style:style style:name="P1" style:family="paragraph" style:parent-style-name="Standard">
   <style:paragraph-properties fo:text-align="end" style:writing-mode="rl-tb"/>
  </style:style>
  <style:page-layout style:name="pm1">
   <style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm" style:writing-mode="rl-tb"/>
   <style:header-style/>
   <style:footer-style/>
  </style:page-layout>
 </office:automatic-styles>
 <office:master-styles>
  <style:master-page style:name="Standard" style:page-layout-name="pm1">
EOF
	[ -z "${1:-}" ] || printf '   <style:header><text:p text:style-name="P1">%s</text:p></style:header>\n' "$1"
	[ -z "${2:-}" ] || printf '   <style:footer><text:p text:style-name="P1">%s</text:p></style:footer>\n' "$2"
	cat <<EOF
  </style:master-page>
 </office:master-styles>
EOF
}

# A flat ODT of a corpus text: $1 the text, $2 "meta" (title in the
# metadata) or "heading" (a text:h), $3 the author, $4 the date.
fodt() {
	{
		printf '<?xml version="1.0" encoding="UTF-8"?>\n'
		printf '<office:document %s office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">\n' "$NS"
		printf ' <office:meta>\n'
		[ "$2" != meta ] || printf '  <dc:title>%s</dc:title>\n' "$(title_of "$1")"
		printf '  <meta:initial-creator>%s</meta:initial-creator>\n' "$3"
		printf '  <meta:creation-date>%s</meta:creation-date>\n' "$4"
		printf ' </office:meta>\n'
		styles
		printf ' <office:body><office:text>\n'
		[ "$2" != heading ] || printf '  <text:h text:style-name="Heading_20_1" text:outline-level="1">%s</text:h>\n' "$(title_of "$1")"
		paras "$1" '  <text:p text:style-name="P1">' '</text:p>'
		printf ' </office:text></office:body>\n</office:document>\n'
	}
}

# From LibreOffice, a fixture of a text: file, filter, text, kind, author,
# date.
made() {
	base=${1%.*}
	fodt "$3" "$4" "$5" "$6" >"$tmp/$base.fodt"
	rm -rf "$tmp/conv"
	convert "$2" "$tmp/$base.fodt"
	mv "$tmp/conv/$base".* "$out/$1"
	printf '%s\t%s\t%s\n' "$1" "$3" "LibreOffice $(soffice --version | awk '{ print $2; exit }') from flat ODT ($4)" >>"$tmp/SOURCES.tsv"
}

T=corpus/texts
: >"$tmp/SOURCES.tsv"
made ma-umt-smig-2025.docx 'docx:MS Word 2007 XML' "$T/ma-umt-smig-2025.txt" meta \
	'المكتب الوطني للاتحاد المغربي للشغل' 2025-10-14T10:30:00
made tn-ugtt-greve-generale.odt odt "$T/tn-ugtt-greve-generale.txt" heading \
	'الاتحاد العام التونسي للشغل' 2025-11-20T08:00:00
made dz-ugta-snmg-2025.ott 'ott' "$T/dz-ugta-snmg-2025.txt" meta \
	'الاتحاد العام للعمال الجزائريين' 2025-10-02T11:00:00
made jo-gfjtu-minimum-wage.dotx 'dotx:MS Word 2007 XML Template' "$T/jo-gfjtu-minimum-wage.txt" meta \
	'الاتحاد العام لنقابات العمال في الأردن' 2025-06-18T09:00:00

# No title anywhere: the body alone, as plain text.
src=$T/ma-fdt-transport-sit-in.txt
awk 'NR >= 3' "$src" >"$tmp/untitled.txt"
rm -rf "$tmp/conv"
soffice -env:UserInstallation="file://$tmp/profile" --headless \
	--infilter='Text (encoded):UTF8' --convert-to 'docx:MS Word 2007 XML' \
	--outdir "$tmp/conv" "$tmp/untitled.txt" >"$tmp/soffice.log" 2>&1
mv "$tmp/conv/untitled.docx" "$out/untitled.docx"
printf '%s\t%s\t%s\n' untitled.docx "$src" "LibreOffice from the body as plain text (no title)" >>"$tmp/SOURCES.tsv"

# A table, header, footer and footnote, from LibreOffice.
src=$T/ma-cdt-greve-sante.txt
HEADER='الكونفدرالية الديمقراطية للشغل – النقابة الوطنية للصحة العمومية – فرع وجدة'
FOOTER='المقر: شارع محمد الخامس، بركان – الهاتف 0536000000'
NOTE='يستثنى من الإضراب أطر قسم الولادة بمستشفى جرادة الإقليمي.'
{
	printf '<?xml version="1.0" encoding="UTF-8"?>\n'
	printf '<office:document %s office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">\n' "$NS"
	printf ' <office:meta><meta:initial-creator>ك.د.ش</meta:initial-creator><meta:creation-date>2025-10-10T09:00:00</meta:creation-date></office:meta>\n'
	styles "$HEADER" "$FOOTER"
	printf ' <office:body><office:text>\n'
	printf '  <text:h text:style-name="Heading_20_1" text:outline-level="1">%s</text:h>\n' "$(title_of "$src")"
	awk 'NR == 3' "$src" | esc | sed "s|\$|<text:note text:id=\"ftn1\" text:note-class=\"footnote\"><text:note-citation>1</text:note-citation><text:note-body><text:p>$NOTE</text:p></text:note-body></text:note>|" |
		sed 's|^|  <text:p text:style-name="P1">|; s|$|</text:p>|'
	cat <<EOF
  <table:table table:name="days">
   <table:table-column table:number-columns-repeated="3"/>
   <table:table-row><table:table-cell><text:p>اليوم</text:p></table:table-cell><table:table-cell><text:p>المدينة</text:p></table:table-cell><table:table-cell><text:p>الشكل النضالي</text:p></table:table-cell></table:table-row>
   <table:table-row><table:table-cell><text:p>الثلاثاء 14 أكتوبر</text:p></table:table-cell><table:table-cell><text:p>مكناس</text:p></table:table-cell><table:table-cell><text:p>إضراب وطني</text:p></table:table-cell></table:table-row>
   <table:table-row><table:table-cell><text:p>الخميس 16 أكتوبر</text:p></table:table-cell><table:table-cell><text:p>تازة</text:p></table:table-cell><table:table-cell><text:p>وقفة احتجاجية<text:line-break/>أمام المديرية الجهوية</text:p></table:table-cell></table:table-row>
  </table:table>
  <text:p text:style-name="P1">المرجع:<text:tab/>بلاغ رقم<text:s text:c="2"/>37/2025</text:p>
EOF
	awk 'NR >= 4 && NF' "$src" | esc | sed 's|^|  <text:p text:style-name="P1">|; s|$|</text:p>|'
	printf ' </office:text></office:body>\n</office:document>\n'
} >"$tmp/notes-table.fodt"
rm -rf "$tmp/conv"
convert odt "$tmp/notes-table.fodt"
mv "$tmp/conv/notes-table.odt" "$out/notes-table.odt"

# The same in Word's own XML, zipped here: a heading by its style
# (Heading1), a title in the metadata that says nothing.
W='xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
d=$tmp/docx
rm -rf "$d"
mkdir -p "$d/_rels" "$d/docProps" "$d/word/_rels"
cat >"$d/[Content_Types].xml" <<'EOF'
<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/><Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/><Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/><Override PartName="/word/footnotes.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>
EOF
cat >"$d/_rels/.rels" <<'EOF'
<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>
EOF
cat >"$d/word/_rels/document.xml.rels" <<'EOF'
<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml"/><Relationship Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes" Target="footnotes.xml"/></Relationships>
EOF
cat >"$d/docProps/core.xml" <<'EOF'
<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>Microsoft Word - balagh-sante.docx</dc:title><dc:creator>ك.د.ش – المكتب الوطني</dc:creator><dcterms:created xsi:type="dcterms:W3CDTF">2025-10-10T08:15:00Z</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">2025-10-11T17:40:00Z</dcterms:modified></cp:coreProperties>
EOF
cat >"$d/word/styles.xml" <<EOF
<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles $W><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:pPr><w:bidi/></w:pPr></w:style><w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:pPr><w:outlineLvl w:val="0"/></w:pPr></w:style></w:styles>
EOF
wp() { # text: a right-to-left paragraph
	printf '<w:p><w:pPr><w:bidi/></w:pPr><w:r><w:rPr><w:rtl/></w:rPr><w:t xml:space="preserve">%s</w:t></w:r></w:p>' "$1"
}
printf '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:hdr %s>%s</w:hdr>\n' "$W" "$(wp "$HEADER")" >"$d/word/header1.xml"
printf '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:ftr %s>%s</w:ftr>\n' "$W" "$(wp "$FOOTER")" >"$d/word/footer1.xml"
printf '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:footnotes %s><w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote><w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote><w:footnote w:id="1"><w:p><w:r><w:t>%s</w:t></w:r></w:p></w:footnote></w:footnotes>\n' "$W" "$NOTE" >"$d/word/footnotes.xml"
tc() { printf '<w:tc><w:p><w:r><w:t>%s</w:t></w:r></w:p></w:tc>' "$1"; }
{
	printf '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document %s><w:body>' "$W"
	printf '<w:p><w:pPr><w:pStyle w:val="Heading1"/><w:bidi/></w:pPr><w:r><w:t>%s</w:t></w:r></w:p>' "$(title_of "$src")"
	printf '<w:p><w:pPr><w:bidi/></w:pPr><w:r><w:t xml:space="preserve">%s</w:t></w:r><w:r><w:footnoteReference w:id="1"/></w:r></w:p>' "$(awk 'NR == 3' "$src" | esc)"
	printf '<w:tbl><w:tblPr><w:bidiVisual/></w:tblPr><w:tr>%s%s%s</w:tr><w:tr>%s%s%s</w:tr>' \
		"$(tc 'اليوم')" "$(tc 'المدينة')" "$(tc 'الشكل النضالي')" \
		"$(tc 'الثلاثاء 14 أكتوبر')" "$(tc 'مكناس')" "$(tc 'إضراب وطني')"
	printf '<w:tr>%s%s<w:tc><w:p><w:r><w:t>وقفة احتجاجية</w:t><w:br/><w:t>أمام المديرية الجهوية</w:t></w:r></w:p></w:tc></w:tr></w:tbl>' \
		"$(tc 'الخميس 16 أكتوبر')" "$(tc 'تازة')"
	printf '<w:p><w:r><w:t>المرجع:</w:t><w:tab/><w:t xml:space="preserve">بلاغ رقم  37/2025</w:t></w:r></w:p>'
	awk 'NR >= 4 && NF' "$src" | esc | while IFS= read -r l; do wp "$l"; done
	printf '<w:sectPr><w:headerReference w:type="default" r:id="rId2"/><w:footerReference w:type="default" r:id="rId3"/></w:sectPr></w:body></w:document>\n'
} >"$d/word/document.xml"
rm -f "$out/notes-table.docx"
(cd "$d" && zip -q -X -r "$OLDPWD/$out/notes-table.docx" '[Content_Types].xml' _rels docProps word)

cp "$tmp/SOURCES.tsv" "$out/SOURCES.tsv"
ls -l "$out"
