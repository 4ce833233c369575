#!/bin/sh
# Writes the seed inputs of the fuzz harnesses into DIR/<harness>/, from
# corpus/ and the hand-written lists in fuzz/seeds/.  Run from the top of
# the source tree:  fuzz/seeds.sh DIR
set -eu
out=${1:?usage: fuzz/seeds.sh DIR}
rm -rf "$out"
mkdir -p "$out/analyze" "$out/stem" "$out/query" "$out/formats" "$out/cgi" \
	"$out/mail" "$out/office" "$out/html" "$out/pdf"

# One file per line of a list; blank lines and # comments are skipped.
lines() { # list dir prefix
	n=0
	grep -v '^#' "$1" | grep -v '^$' | while IFS= read -r l; do
		n=$((n + 1))
		printf '%s' "$l" >"$2/$3-$n"
	done
}

# analyze: every text whole, and its title alone.
for f in corpus/texts/*.txt; do
	b=$(basename "$f" .txt)
	cp "$f" "$out/analyze/$b"
	head -n 1 "$f" >"$out/analyze/$b-title"
done

# stem: the distinct words of the corpus (a few hundred), one a file.
cat corpus/texts/*.txt | tr -s ' \t\r' '\n\n\n' | sort -u |
	awk 'length($0) > 0 && NR % 4 == 0' | head -n 400 >"$out/stem.list"
lines "$out/stem.list" "$out/stem" w
rm -f "$out/stem.list"

# formats: the sample files whole, each JSON line and TREC document alone,
# and a few texts (read as plain text, or as what they would be sniffed as).
cp corpus/samples.jsonl corpus/samples.trec "$out/formats/"
lines corpus/samples.jsonl "$out/formats" jsonl
awk -v dir="$out/formats" '
	/<DOC>/ { n++ }
	n { print > (dir "/trec-" n) }
' corpus/samples.trec
for f in $(ls corpus/texts/*.txt | head -n 8); do
	cp "$f" "$out/formats/$(basename "$f" .txt)"
done

# mail: the e-mail fixtures, after the byte that picks the reader ('0', even:
# .eml; '1', odd: mbox), and each message of the mailbox alone as an .eml.
for f in corpus/files/mail/*.eml; do
	{ printf '0'; cat "$f"; } >"$out/mail/$(basename "$f")"
done
{ printf '1'; cat corpus/files/mail/mailbox.mbox; } >"$out/mail/mailbox.mbox"
awk -v dir="$out/mail" '
	/^From / { n++; printf "0" > (dir "/mbox-" n); next }
	n { print > (dir "/mbox-" n) }
' corpus/files/mail/mailbox.mbox

# office: the fixtures whole, and the XML of their main parts (a first
# byte 0 for Word's, 1 for OpenDocument's: fuzz_office.c).
for f in corpus/files/office/*.docx corpus/files/office/*.dotx \
	corpus/files/office/*.odt corpus/files/office/*.ott; do
	b=$(basename "$f")
	cp "$f" "$out/office/$b"
	case $f in
	*.odt | *.ott) { printf 1; unzip -p "$f" content.xml; } >"$out/office/$b.xml" ;;
	*) { printf 0; unzip -p "$f" word/document.xml; } >"$out/office/$b.xml" ;;
	esac
done

# html: the fixtures.
cp corpus/files/html/*.html "$out/html/"

# pdf: the PDF fixtures (corpus/files/pdf, scripts/files/pdf.sh).
cp corpus/files/pdf/*.pdf "$out/pdf/"

# query and cgi: the hand-written lists.
lines fuzz/seeds/query.txt "$out/query" q
lines fuzz/seeds/cgi.txt "$out/cgi" qs
