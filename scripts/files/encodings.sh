#!/bin/sh
# Makes corpus/files/encodings/: corpus texts saved as older programs save
# Arabic text (Windows-1256, ISO-8859-6, UTF-16 with and without a byte
# order mark, UTF-8 with a BOM and CR LF line ends), with iconv, and
# SOURCES.tsv naming the text each was made from.
#   scripts/files/encodings.sh
set -eu
cd "$(dirname "$0")/../.."
out=corpus/files/encodings
mkdir -p "$out"
printf 'file\tsource\tproducer\n' >"$out/SOURCES.tsv"
make_one() { # name source producer command...
	name=$1 src=$2 producer=$3
	shift 3
	"$@" <"$src" >"$out/$name"
	printf '%s\t%s\t%s\n' "$name" "$src" "$producer" >>"$out/SOURCES.tsv"
}
make_one cdt-sante-windows-1256.txt corpus/texts/ma-cdt-greve-sante.txt "iconv -t WINDOWS-1256" \
	iconv -f UTF-8 -t WINDOWS-1256
# ISO-8859-6 has the Arabic letters, not the guillemets: -c leaves them out.
make_one ugta-1er-mai-iso-8859-6.txt corpus/texts/dz-ugta-1er-mai.txt "iconv -c -t ISO-8859-6" \
	iconv -c -f UTF-8 -t ISO-8859-6
make_one cgtl-wages-utf-16.txt corpus/texts/lb-cgtl-wages.txt "iconv -t UTF-16 (BOM)" \
	iconv -f UTF-8 -t UTF-16
make_one ugtt-sfax-utf-16le.txt corpus/texts/tn-ugtt-sante-sfax.txt "iconv -t UTF-16LE (no BOM)" \
	iconv -f UTF-8 -t UTF-16LE
make_one seed-002-notepad.txt corpus/seeds/002_d9e10adcaa726d5d.txt "UTF-8 BOM + CRLF (Notepad)" \
	sh -c 'printf "\357\273\277"; sed "s/\$/\r/"'
