#!/bin/sh
# scripts/files/pdf.sh [OUTDIR [TEXT...]]: makes the PDF fixtures of
# corpus/files/pdf/ (the default OUTDIR) from corpus texts, with the two
# producers an archive is full of: LibreOffice (a flat ODT, with metadata or
# without, exported headless) and Chromium (an HTML page dir="rtl" in an
# Arabic font, printed headless), and one PDF written again by cairo; and OUTDIR/SOURCES.tsv, which names each
# PDF's source text and producer.  With TEXTs, every TEXT is made by both
# producers (bench/pdf-libs does so over a scratch directory).
set -eu
top=$(cd "$(dirname "$0")/../.." && pwd)
out=${1:-$top/corpus/files/pdf}
[ $# -gt 0 ] && shift
mkdir -p "$out"
out=$(cd "$out" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM
# Both producers keep a profile: a scratch one, not the user's.
export HOME=$tmp/home
mkdir -p "$HOME"

esc() { sed -e 's/&/\&amp;/g' -e 's/</\&lt;/g' -e 's/>/\&gt;/g'; }

# html TEXT NAME TITLE: NAME.html, the text's body as paragraphs, with its
# title as <title> and heading unless TITLE is empty (a seed text).
html() {
	{
		printf '<!DOCTYPE html>\n<html lang="ar" dir="rtl"><head>'
		printf '<meta charset="utf-8">'
		[ -n "$3" ] && printf '<title>%s</title>' "$(printf '%s' "$3" | esc)"
		printf '<style>body{font-family:"Noto Naskh Arabic",serif;'
		printf 'font-size:14pt;margin:2cm}</style></head><body>\n'
		[ -n "$3" ] && printf '<h1>%s</h1>\n' "$(printf '%s' "$3" | esc)"
		if [ -n "$3" ]; then tail -n +3 "$1"; else cat "$1"; fi |
			esc | awk 'NF { print "<p>" $0 "</p>" }'
		printf '</body></html>\n'
	} >"$tmp/$2.html"
}

chromium_pdf() { # NAME: $tmp/NAME.html to $out/NAME.pdf
	chromium --headless --no-sandbox --disable-gpu --no-pdf-header-footer \
		--user-data-dir="$tmp/chromium" \
		--print-to-pdf="$out/$1.pdf" "file://$tmp/$1.html" \
		>/dev/null 2>&1
	test -s "$out/$1.pdf"
}

soffice_pdf() { # FILE: $tmp/FILE (.txt, .fodt) to $out/<its name>.pdf
	soffice --headless -env:UserInstallation="file://$tmp/lo" \
		--convert-to pdf --outdir "$out" "$tmp/$1" >/dev/null 2>&1
	test -s "$out/${1%.*}.pdf"
}

# fodt TEXT NAME TITLE AUTHOR: a flat ODT with the text in right-to-left
# paragraphs (its title the first) and its metadata (title, author) for
# LibreOffice to export.
fodt() {
	{
		cat <<HEAD
<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
 xmlns:dc="http://purl.org/dc/elements/1.1/"
 xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0"
 office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.text">
<office:meta>$([ -z "$3" ] || printf '<dc:title>%s</dc:title>' "$(printf '%s' "$3" | esc)")
$([ -z "$4" ] || printf '<meta:initial-creator>%s</meta:initial-creator><dc:creator>%s</dc:creator>' "$4" "$4")</office:meta>
<office:styles><style:style style:name="Standard" style:family="paragraph">
<style:paragraph-properties style:writing-mode="rl-tb" fo:text-align="start"/>
<style:text-properties style:font-name-complex="Noto Naskh Arabic"
 style:font-size-complex="14pt"/></style:style></office:styles>
<office:body><office:text>
HEAD
		esc <"$1" |
			awk 'NF { print "<text:p text:style-name=\"Standard\">" $0 "</text:p>" }'
		printf '</office:text></office:body></office:document>\n'
	} >"$tmp/$2.fodt"
}

# set_date PDF DATE: the PDF's CreationDate, which both producers set to
# the time they ran, made DATE (D:YYYYMMDDHHmmSSZ, no longer than it was:
# the offsets of the cross-reference table stay right), so that the
# fixtures are the same from one run to the next.
set_date() {
	python3 - "$1" "$2" <<'PY'
import re, sys
p, d = sys.argv[1], sys.argv[2].encode()
b = open(p, 'rb').read()
def fix(m):
    old = m.group(1)
    new = (d + b' ' * len(old))[:len(old)] if len(d) <= len(old) else old
    return b'/CreationDate (' + new + b')'
b = re.sub(rb'/CreationDate\s*\(([^)]*)\)', fix, b)
open(p, 'wb').write(b)
PY
}

: >"$out/SOURCES.tsv"
row() { printf '%s\t%s\t%s\n' "$1" "$2" "$3" >>"$out/SOURCES.tsv"; }

both() { # TEXT: TEXT's PDF by each producer
	t=$1 n=$(basename "$1" .txt)
	title=$(head -n 1 "$t")
	html "$t" "$n-chromium" "$title"
	chromium_pdf "$n-chromium"
	fodt "$t" "$n-libreoffice" "" ""
	soffice_pdf "$n-libreoffice.fodt"
	row "$n-chromium.pdf" "${t#$top/}" chromium
	row "$n-libreoffice.pdf" "${t#$top/}" libreoffice
}

if [ $# -gt 0 ]; then
	for t; do both "$t"; done
	exit 0
fi

# The last two: a vowelled text (tashkeel) and a bilingual one (Arabic
# and French paragraphs).
for n in ma-cdt-greve-sante tn-ugtt-sante-sfax eg-etuf-minimum-wage \
	lb-cgtl-wages ma-cdt-bureau-executif-bilingue; do
	both "$top/corpus/texts/$n.txt"
done
# A third writer: cairo (poppler's pdftocairo) writes the LibreOffice PDF
# of the vowelled text again, with fonts, text operators and ToUnicode
# maps of its own.
pdftocairo -pdf "$out/lb-cgtl-wages-libreoffice.pdf" "$out/lb-cgtl-wages-cairo.pdf"
row lb-cgtl-wages-cairo.pdf corpus/texts/lb-cgtl-wages.txt cairo
# A seed text, which has no title line (nor any line break): Chromium
# gives its page no <title>.  SOURCES.tsv names it where it is kept.
seed=$top/corpus/seeds/002_d9e10adcaa726d5d.txt
html "$seed" seed-untitled ""
chromium_pdf seed-untitled
row seed-untitled.pdf "${seed#$top/}" chromium
# Metadata: title, author and a fixed date.
t=$top/corpus/texts/dz-ugta-1er-mai.txt
fodt "$t" meta-dz-ugta "$(head -n 1 "$t")" "الأمانة الوطنية للإعلام"
soffice_pdf meta-dz-ugta.fodt
set_date "$out/meta-dz-ugta.pdf" "D:20250501093000Z"
row meta-dz-ugta.pdf "${t#$top/}" libreoffice
for f in "$out"/*.pdf; do
	case $f in */meta-*) ;; *) set_date "$f" "D:20250101000000Z" ;; esac
done
