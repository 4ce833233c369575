#!/bin/sh
# scripts/files/scans.sh [OUTDIR]: makes the scanned pages of
# corpus/files/scans/ (the default OUTDIR) from corpus texts: the title and
# first paragraph of a text printed by Chromium, rendered at 300 dpi in
# grey by pdftoppm, cropped to the text: a clean page, the same page with
# salt-and-pepper noise and turned by a degree (scan.py), and a PDF of a
# page that is an image only (a scan without a text layer); and
# OUTDIR/SOURCES.tsv.  The sources are what the pages show (a title and the
# beginning of a paragraph), kept in OUTDIR/.sources/ as .txt: a hidden
# directory, which naqib-index's walk leaves out, so that indexing the
# folder does not take the pages' text in twice.
set -eu
top=$(cd "$(dirname "$0")/../.." && pwd)
out=${1:-$top/corpus/files/scans}
mkdir -p "$out/.sources"
out=$(cd "$out" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM
export HOME=$tmp/home
mkdir -p "$HOME"

# page NAME TEXT: NAME.pgm, the text's title and the first 24 words of its
# first paragraph at 300 dpi, the top of the page only (where they are);
# .sources/NAME.txt, what it shows.
page() {
	{ sed -n 1p "$2"; echo; sed -n 3p "$2" | cut -d' ' -f1-24; } >"$out/.sources/$1.txt"
	{
		printf '<!DOCTYPE html><html lang="ar" dir="rtl"><head>'
		printf '<meta charset="utf-8"><style>body{font-family:"Noto Naskh '
		printf 'Arabic",serif;font-size:16pt;margin:1.5cm}</style></head><body>'
		printf '<h2>%s</h2><p>%s</p></body></html>\n' "$(sed -n 1p "$2")" \
			"$(sed -n 3p "$out/.sources/$1.txt")"
	} >"$tmp/$1.html"
	chromium --headless --no-sandbox --disable-gpu --no-pdf-header-footer \
		--user-data-dir="$tmp/chromium" --print-to-pdf="$tmp/$1.pdf" \
		"file://$tmp/$1.html" >/dev/null 2>&1
	pdftoppm -r 300 -gray -f 1 -l 1 -x 0 -y 150 -W 2480 -H 800 \
		"$tmp/$1.pdf" "$tmp/$1"
	mv "$tmp/$1"*.pgm "$tmp/$1.pgm"
}

: >"$out/SOURCES.tsv"
page scan-tn-ugtt "$top/corpus/texts/tn-ugtt-greve-generale.txt"
python3 "$top/scripts/files/scan.py" "$tmp/scan-tn-ugtt.pgm" \
	"$out/scan-tn-ugtt.png"
printf 'scan-tn-ugtt.png\tcorpus/files/scans/.sources/scan-tn-ugtt.txt\tpdftoppm\n' \
	>>"$out/SOURCES.tsv"
page scan-ma-umt "$top/corpus/texts/ma-umt-phosphate-khouribga.txt"
python3 "$top/scripts/files/scan.py" "$tmp/scan-ma-umt.pgm" \
	"$out/scan-ma-umt-noisy.png" --noise 0.004 --rotate 1 --seed 17 \
	--pdf "$out/scan-ma-umt-noisy.pdf"
printf 'scan-ma-umt-noisy.png\tcorpus/files/scans/.sources/scan-ma-umt.txt\tpdftoppm+noise\n' \
	>>"$out/SOURCES.tsv"
printf 'scan-ma-umt-noisy.pdf\tcorpus/files/scans/.sources/scan-ma-umt.txt\tscan.py\n' \
	>>"$out/SOURCES.tsv"
