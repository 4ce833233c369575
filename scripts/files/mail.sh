#!/bin/sh
# Writes the e-mail fixtures of corpus/files/mail/ from corpus texts (line
# 1 the title, lines 3.. the body): messages as a union's office sends its
# communiqués, in the encodings and MIME shapes archives hold, and a small
# mailbox.  Run from the top of the source tree:  scripts/files/mail.sh
# Needs base64, iconv and python3 (for the Q and QP encodings only).
set -eu
out=corpus/files/mail
texts=corpus/texts
mkdir -p "$out"
rm -f "$out"/*.eml "$out"/*.mbox "$out/SOURCES.tsv"

title() { head -n 1 "$texts/$1.txt"; }
body() { tail -n +3 "$texts/$1.txt"; }
# An RFC 2047 encoded word of a UTF-8 (or charset $2's) text: B or Q.
bword() { # text [charset]
	cs=${2:-UTF-8}
	printf '=?%s?B?%s?=' "$cs" "$(printf '%s' "$1" | iconv -f UTF-8 -t "$cs" | base64 -w 0)"
}
qword() { # text
	printf '%s' "$1" | python3 -c '
import sys
s = sys.stdin.buffer.read()
q = "".join(chr(b) if (chr(b).isalnum() and b < 128) else "_" if b == 32 else "=%02X" % b for b in s)
print("=?UTF-8?Q?" + q + "?=", end="")'
}
qp() { python3 -c 'import quopri, sys; sys.stdout.buffer.write(quopri.encodestring(sys.stdin.buffer.read()))'; }
# The text as HTML paragraphs, with a style and a script whose words must
# not be read.
html() { # name
	printf '<!DOCTYPE html>\n<html dir="rtl"><head><meta charset="utf-8"><title>%s</title>\n' "$(title "$1")"
	printf '<style>p { font-family: "Noto Naskh Arabic"; } .x { color: red }</style>\n'
	printf '<script>var hidden = "kalimaserriya";</script></head><body>\n'
	body "$1" | sed -e 's/&/\&amp;/g' -e 's/</\&lt;/g' -e '/^$/d' -e 's|.*|<p>&</p>|'
	printf '</body></html>\n'
}
source_row() { printf '%s\t%s\t%s\n' "$1" "$texts/$2.txt" "$3" >>"$out/SOURCES.tsv"; }

# 1. Plain UTF-8 text, 8bit; an Arabic display name and the subject as
# B encoded words.
t=ma-umt-phosphate-khouribga
{
	printf 'Return-Path: <fnem@umt.ma>\n'
	printf 'Received: from mail.umt.ma (mail.umt.ma [196.200.1.1])\n\tby mx.example.org with ESMTP id 4XyZ; Tue, 14 Oct 2025 09:30:12 +0100\n'
	printf 'From: %s <fnem@umt.ma>\n' "$(bword 'الجامعة الوطنية لعمال الطاقة والمعادن')"
	printf 'To: adherents@umt.ma\n'
	printf 'Subject: %s\n' "$(bword "$(title $t)")"
	printf 'Date: Tue, 14 Oct 2025 09:30:00 +0100\n'
	printf 'Message-ID: <bayan-khouribga-2025@umt.ma>\n'
	printf 'MIME-Version: 1.0\n'
	printf 'Content-Type: text/plain; charset=UTF-8\n'
	printf 'Content-Transfer-Encoding: 8bit\n\n'
	body $t
} >"$out/plain-utf8.eml"
source_row plain-utf8.eml $t "scripts/files/mail.sh (8bit UTF-8, B encoded words)"

# 2. HTML only, quoted-printable; the subject as Q encoded words.
t=tn-ugtt-greve-generale
{
	printf 'From: %s <ugtt@ugtt.org.tn>\n' "$(qword 'الاتحاد العام التونسي للشغل')"
	printf 'To: presse@example.tn\n'
	printf 'Subject: %s\n' "$(qword "$(title $t)")"
	printf 'Date: Wed, 22 Oct 2025 18:05:00 +0100\n'
	printf 'Message-ID: <hiya-idariya-2025@ugtt.org.tn>\n'
	printf 'MIME-Version: 1.0\n'
	printf 'Content-Type: text/html; charset=UTF-8\n'
	printf 'Content-Transfer-Encoding: quoted-printable\n\n'
	html $t | qp
} >"$out/html-only.eml"
source_row html-only.eml $t "scripts/files/mail.sh (text/html, quoted-printable, Q encoded words)"

# 3. multipart/alternative: the text in base64 and as HTML.
t=eg-etuf-minimum-wage
{
	printf 'From: %s <info@etuf.org.eg>\n' "$(bword 'الاتحاد العام لنقابات عمال مصر')"
	printf 'To: media@example.eg\n'
	printf 'Subject: %s\n' "$(bword "$(title $t)")"
	printf 'Date: Thu, 16 Oct 2025 11:00:00 +0200\n'
	printf 'Message-ID: <wages-council-2025@etuf.org.eg>\n'
	printf 'MIME-Version: 1.0\n'
	printf 'Content-Type: multipart/alternative; boundary="=_alt_42"\n\n'
	printf 'This is a multi-part message in MIME format.\n\n'
	printf -- '--=_alt_42\nContent-Type: text/plain; charset=UTF-8\nContent-Transfer-Encoding: base64\n\n'
	body $t | base64 -w 76
	printf -- '\n--=_alt_42\nContent-Type: text/html; charset=UTF-8\nContent-Transfer-Encoding: quoted-printable\n\n'
	html $t | qp
	printf -- '\n--=_alt_42--\n'
} >"$out/alternative.eml"
source_row alternative.eml $t "scripts/files/mail.sh (multipart/alternative, base64 plain + QP HTML)"

# 4. Windows-1256, as older Arabic mail programs send it: the body in
# 8bit windows-1256, the subject and the name in windows-1256 B words.
t=dz-ugta-1er-mai
{
	printf 'From: %s <ugta@ugta.dz>\n' "$(bword 'الإتحاد العام للعمال الجزائريين' windows-1256)"
	printf 'To: presse@example.dz\n'
	printf 'Subject: %s\n' "$(bword "$(title $t)" windows-1256)"
	printf 'Date: Thu, 1 May 2025 16:20:00 +0100\n'
	printf 'Message-ID: <1mai-oran-2025@ugta.dz>\n'
	printf 'MIME-Version: 1.0\n'
	printf 'X-Mailer: Microsoft Outlook Express 6.00.2900.5512\n'
	printf 'Content-Type: text/plain; charset="windows-1256"\n'
	printf 'Content-Transfer-Encoding: 8bit\n\n'
	body $t | iconv -f UTF-8 -t WINDOWS-1256
} >"$out/windows-1256.eml"
source_row windows-1256.eml $t "scripts/files/mail.sh (iconv -t WINDOWS-1256, 8bit, windows-1256 B words)"

# 5. Attachments: a communiqué as .txt, another as .md, after the text.
t=jo-gfjtu-minimum-wage
a1=lb-cgtl-wages
a2=ma-cdt-greve-sante
{
	printf 'From: %s <info@gfjtu.org>\n' "$(bword 'الاتحاد العام لنقابات عمال الأردن')"
	printf 'To: archive@example.org\n'
	printf 'Subject: %s\n' "$(bword "$(title $t)")"
	printf 'Date: Mon, 20 Oct 2025 10:15:00 +0300\n'
	printf 'Message-ID: <hadd-adna-2025@gfjtu.org>\n'
	printf 'MIME-Version: 1.0\n'
	printf 'Content-Type: multipart/mixed; boundary="mixed-7d1"\n\n'
	printf -- '--mixed-7d1\nContent-Type: text/plain; charset=UTF-8\nContent-Transfer-Encoding: quoted-printable\n\n'
	body $t | qp
	printf -- '\n--mixed-7d1\nContent-Type: text/plain; charset=UTF-8; name="%s.txt"\n' $a1
	printf 'Content-Disposition: attachment; filename="%s.txt"\nContent-Transfer-Encoding: base64\n\n' $a1
	base64 -w 76 "$texts/$a1.txt"
	printf -- '\n--mixed-7d1\nContent-Type: text/markdown; charset=UTF-8; name="%s.md"\n' $a2
	printf 'Content-Disposition: attachment; filename="%s.md"\nContent-Transfer-Encoding: base64\n\n' $a2
	{ printf '# '; cat "$texts/$a2.txt"; } | base64 -w 76
	# TODO(lead): a PDF or DOCX attachment once corpus/files/pdf or
	# corpus/files/office exist, e.g.:
	#   attach application/pdf corpus/files/pdf/<file>.pdf
	printf -- '\n--mixed-7d1--\n'
} >"$out/attachments.eml"
source_row attachments.eml $t "scripts/files/mail.sh (multipart/mixed, QP text)"
source_row "attachments.eml#$a1.txt" $a1 "scripts/files/mail.sh (base64 .txt attachment)"
source_row "attachments.eml#$a2.md" $a2 "scripts/files/mail.sh (base64 .md attachment, # heading)"

# 6. A mailbox of three messages after their "From " lines.
n=0
for t in iq-gfiw-basra-oil tn-ugtt-sante-sfax ma-fdt-transport-sit-in; do
	n=$((n + 1))
	printf 'From bureau@example.org Sat Oct %2d 08:0%d:00 2025\n' $((10 + n)) $n
	printf 'From: %s <bureau@example.org>\n' "$(bword 'المكتب الإعلامي')"
	printf 'Subject: %s\n' "$(bword "$(title $t)")"
	printf 'Date: Sat, %d Oct 2025 08:0%d:00 +0000\n' $((10 + n)) $n
	printf 'Message-ID: <mbox-%d@example.org>\n' $n
	printf 'MIME-Version: 1.0\nContent-Type: text/plain; charset=UTF-8\nContent-Transfer-Encoding: 8bit\n\n'
	body $t
	printf '\n'
	source_row "mailbox.mbox#$n" $t "scripts/files/mail.sh (mbox message $n)"
done >"$out/mailbox.mbox"
