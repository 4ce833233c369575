# PDF and OCR: a PDF's metadata (title, author, date, pages) and its text
# layer, repaired as Arabic; a PDF without one reported, or read with
# --ocr; an image read with --ocr; broken, encrypted and truncated PDFs
# reported while the run goes on.  The fixtures are corpus/files/pdf and
# corpus/files/scans (scripts/files/pdf.sh, scans.sh).
. tests/lib.sh
pdf=corpus/files/pdf
scans=corpus/files/scans

# OCR's text is fuzzy: of the words given, how many the file has.
words_in() { # file word...
	f=$1; shift
	n=0
	for w; do grep -q -- "$w" "$f" && n=$((n + 1)); done
	echo $n
}

test_case 'a PDF with metadata: its title, author, date and pages' <<'EOF'
run naqib_index --extract $pdf/meta-dz-ugta.pdf
expect_status 0 "extract"
expect_eq "$(jq -r .title "$T/out")" "$(head -n 1 corpus/texts/dz-ugta-1er-mai.txt)" "title from the metadata"
expect_eq "$(jq -r .title_from_text "$T/out")" "false" "a title of its own"
expect_eq "$(jq -r .author "$T/out")" "الأمانة الوطنية للإعلام" "author"
expect_eq "$(jq -r .date "$T/out")" "2025-05-01T09:30:00+00:00" "CreationDate as ISO 8601"
expect_eq "$(jq -r .pages "$T/out")" "1" "pages"
expect_eq "$(jq -r .format "$T/out")" "pdf" "format"
run naqib_index -q -d "$T/db" $pdf
expect_status 0 "indexing the PDFs"
run naqib_search -d "$T/db" -f json -n 3 وهران
expect_eq "$(jq -r '.hits[0].id' "$T/out")" "$pdf/meta-dz-ugta.pdf" "its body's word finds it first"
expect_eq "$(jq -r '.hits[0].date' "$T/out")" "2025-05-01" "its date in the index"
EOF

test_case 'the body words of each producer find its PDF; lines in logical order' <<'EOF'
run naqib_search -d "$T/db" -f json -n 2 صفاقس الانتدابات
expect_eq "$(jq -r '[.hits[].id] | sort | join(" ")' "$T/out")" \
	"$pdf/tn-ugtt-sante-sfax-chromium.pdf $pdf/tn-ugtt-sante-sfax-libreoffice.pdf" "Chromium's and LibreOffice's PDFs"
run naqib_index --extract $pdf/ma-cdt-greve-sante-chromium.pdf
# The first line of a right-to-left page (poppler leaves it out when the
# page is selected from its top left corner), its words apart.
expect_in "$T/out" "النقابة الوطنية للصحة العمومية" "the first line, words apart"
expect_not_in "$T/out" "$(printf '\342\200\253')" "no bidi embedding left"
expect_eq "$(jq -r .title "$T/out")" "$(head -n 1 corpus/texts/ma-cdt-greve-sante.txt)" "Chromium's <title>"
EOF

test_case 'text rebuilt from where the glyphs stand: phrases, last lines, marks, French' <<'EOF'
# A phrase that runs over a line end in both producers' PDFs.
run naqib_search -d "$T/db" -f json -n 5 '"أن اللجوء إلى الإضراب جاء بعد تماطل الوزارة الوصية"'
expect_eq "$(jq -r '[.hits[].id] | sort | join(" ")' "$T/out")" \
	"$pdf/ma-cdt-greve-sante-chromium.pdf $pdf/ma-cdt-greve-sante-libreoffice.pdf" "the phrase in both"
# The last line of a Chromium page (in none of poppler's selections of
# glyphs), once, after the line before it.
run naqib_index --extract $pdf/tn-ugtt-sante-sfax-chromium.pdf
jq -r .body "$T/out" >"$T/body"
expect_in "$T/body" "الدخول في إضرابات قطاعية مع بداية السنة الإدارية الجديدة." "the last line"
expect_eq "$(grep -o 'بداية السنة' "$T/body" | wc -l)" "1" "once"
expect_in "$T/body" "25 أوت 2025، وقفة" "a number and its comma in order"
# Vowelled words with their marks after their letters (Chromium's boxes
# of a letter with marks are narrower than it: some such words still come
# out cut, "الوَضْ عَ").
run naqib_index --extract $pdf/lb-cgtl-wages-chromium.pdf
jq -r .body "$T/out" >"$T/body"
expect_in "$T/body" "«إِنَّ هٰذا" "vowelled words as written"
expect_in "$T/body" "يُمْكِنُ أَنْ" "vowelled words as written"
run naqib_search -d "$T/db" -f json -n 5 '"يمكن أن"'
expect_in "$T/out" "$pdf/lb-cgtl-wages-chromium.pdf" "a vowelled phrase found without its marks"
# A bilingual page: French left to right, Arabic right to left.
for p in chromium libreoffice; do
	run naqib_index --extract $pdf/ma-cdt-bureau-executif-bilingue-$p.pdf
	jq -r .body "$T/out" >"$T/body"
	expect_in "$T/body" "Le Bureau exécutif exige du gouvernement qu'il respecte ses engagements" "French ($p)"
	expect_in "$T/body" "الدار البيضاء، 2 دجنبر 2025 – عقد المكتب التنفيذي" "Arabic ($p)"
done
EOF

test_case 'a seed text without a title: the title is its first sentence' <<'EOF'
run naqib_index --extract $pdf/seed-untitled.pdf
expect_status 0 "extract"
expect_eq "$(jq -r .title_from_text "$T/out")" "true" "title made from the text"
title=$(jq -r .title "$T/out")
case $title in
"عقدت النقابة الوطنية"*) ;;
*) fail "title '$title' is not the text's first words" ;;
esac
[ "$(printf '%s' "$title" | wc -m)" -le 125 ] || fail "the title is a paragraph"
run naqib_search -d "$T/db" -f json -n 1 الصناعة التقليدية
expect_eq "$(jq -r '.hits[0].id' "$T/out")" "$pdf/seed-untitled.pdf" "found by its words"
EOF

test_case 'a PDF without a text layer: reported without --ocr, read with it' <<'EOF'
run naqib_index -d "$T/scan.db" -v $scans/scan-ma-umt-noisy.pdf
expect_status 0 "a scan without --ocr is no failure"
expect_in "$T/err" "naqib-index: needs --ocr '$scans/scan-ma-umt-noisy.pdf': no text layer: a scan? --ocr reads it" "the reason, with -v"
run naqib_index -d "$T/scan.db" $scans/scan-ma-umt-noisy.pdf $scans/scan-tn-ugtt.png corpus/texts/ma-umt-smig-2025.txt
expect_in "$T/err" "naqib-index: 3 files: 1 indexed (1 txt), 2 for --ocr; -v names them" "counted with the images"
run naqib_index --ocr -q -d "$T/scan.db" $scans/scan-ma-umt-noisy.pdf
expect_status 0 "with --ocr"
run naqib_index --ocr --extract $scans/scan-ma-umt-noisy.pdf
expect_eq "$(jq -r .format "$T/out")" "pdf" "format"
conf=$(jq -r .ocr_confidence "$T/out")
[ "$conf" -gt 30 ] 2>/dev/null || fail "OCR confidence '$conf'"
jq -r .body "$T/out" >"$T/body"
n=$(words_in "$T/body" الفوسفاط بخريبكة السلامة)
[ "$n" -ge 2 ] || fail "$n of 3 words read"
run naqib_search -d "$T/scan.db" -f json -n 1 خريبكة الفوسفاط
expect_eq "$(jq -r '.hits[0].id' "$T/out")" "$scans/scan-ma-umt-noisy.pdf" "found by OCR'd words"
EOF

test_case 'an image: left out without --ocr, read with it' <<'EOF'
run naqib_index -d "$T/img.db" $scans/scan-tn-ugtt.png
expect_in "$T/err" "naqib-index: $scans/scan-tn-ugtt.png: left out: an image: --ocr reads it" "the reason"
run naqib_index --ocr --ocr-lang ara -q -d "$T/img.db" $scans/scan-tn-ugtt.png $scans/scan-ma-umt-noisy.png
expect_status 0 "with --ocr"
run naqib_search -d "$T/img.db" -f json -n 1 الهيئة الإدارية الإضراب
expect_eq "$(jq -r '.hits[0].id' "$T/out")" "$scans/scan-tn-ugtt.png" "the clean page"
run naqib_index --ocr --extract $scans/scan-tn-ugtt.png
jq -r .body "$T/out" >"$T/body"
n=$(words_in "$T/body" الهيئة الإدارية الوطنية إضراب)
[ "$n" -ge 3 ] || fail "$n of 4 words read"
expect_eq "$(jq -r .format "$T/out")" "image" "format"
expect_eq "$(jq -r .title_from_text "$T/out")" "true" "title from the text"
EOF

test_case 'encrypted, truncated and broken PDFs are reported; the run goes on' <<'EOF'
mkdir -p "$T/bad"
python3 - "$T/bad/encrypted.pdf" <<'PY'
import sys
objs = [b'<< /Type /Catalog /Pages 2 0 R >>', b'<< /Type /Pages /Kids [] /Count 0 >>',
        b'<< /Filter /Standard /V 1 /R 2 /O <' + b'41' * 32 + b'> /U <' + b'42' * 32 + b'> /P -4 >>']
out, offs = b'%PDF-1.4\n', []
for n, o in enumerate(objs, 1):
    offs.append(len(out)); out += b'%d 0 obj\n' % n + o + b'\nendobj\n'
x = len(out)
out += b'xref\n0 4\n0000000000 65535 f \n' + b''.join(b'%010d 00000 n \n' % o for o in offs)
out += (b'trailer\n<< /Size 4 /Root 1 0 R /Encrypt 3 0 R /ID [<00112233445566778899aabbccddeeff> '
        b'<00112233445566778899aabbccddeeff>] >>\nstartxref\n%d\n%%%%EOF\n' % x)
open(sys.argv[1], 'wb').write(out)
PY
head -c 3000 $pdf/meta-dz-ugta.pdf >"$T/bad/truncated.pdf"
printf '%%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 1 0 R >> endobj\ntrailer << /Root 1 0 R >>\n' >"$T/bad/loop.pdf"
head -c 20000 /dev/urandom >"$T/bad/random.pdf"
cp $pdf/tn-ugtt-sante-sfax-chromium.pdf "$T/bad/zz-good.pdf"
run naqib_index -d "$T/bad.db" --root "$T" "$T/bad"
expect_in "$T/err" "encrypted.pdf: encrypted PDF: cannot read without its password" "encrypted"
expect_in "$T/err" "truncated.pdf: not a PDF" "truncated"
expect_in "$T/err" "random.pdf: not a PDF" "random bytes"
expect_in "$T/err" "loop.pdf:" "a catalog that is its own page tree"
run naqib_search -d "$T/bad.db" -f json -n 1 صفاقس
expect_eq "$(jq -r '.hits[0].id' "$T/out")" "bad/zz-good.pdf" "the good file after them is indexed"
EOF

test_done
