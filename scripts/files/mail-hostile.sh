#!/bin/sh
# Writes hostile e-mail into DIR (made at run time: some are big), for
# tests/t0250-mail.sh and bench/mail:  scripts/files/mail-hostile.sh DIR
#   parts.eml     10,000 MIME parts, the first "alawwal", the last "alakhir"
#   deep.eml      multiparts nested 1,000 deep, the text at the bottom
#   deepmsg.eml   messages forwarded in messages, 1,000 deep
#   zeros.eml     a base64 attachment of 20 MB, 15 MB of zeros once decoded
#   big.eml       a base64 attachment of 44 MB, over the 32 MB decoded cap
#   broken.eml    boundaries that do not match, a multipart never closed
#   longhdr.eml   a header line of 1 MB
#   nul.eml       NUL bytes in the text
#   charset.eml   charset=x-unknown over windows-1256 bytes
# Each has "hostile NAME" as its subject.
set -eu
dir=${1:?usage: scripts/files/mail-hostile.sh DIR}
mkdir -p "$dir"
hdr() { # name
	printf 'From: hostile <h@example.org>\nSubject: hostile %s\n' "$1"
	printf 'Date: Mon, 1 Jan 2024 00:00:00 +0000\nMIME-Version: 1.0\n'
}
{
	hdr parts
	printf 'Content-Type: multipart/mixed; boundary="b"\n\n'
	awk 'BEGIN {
		for (i = 0; i < 10000; i++)
			printf "--b\nContent-Type: text/plain\n\n%s\n", i == 0 ? "alawwal" : i == 9999 ? "alakhir" : "kalima"
	}'
	printf -- '--b--\n'
} >"$dir/parts.eml"
{
	hdr deep
	awk 'BEGIN {
		for (i = 0; i < 1000; i++)
			printf "Content-Type: multipart/mixed; boundary=\"b%d\"\n\n--b%d\n", i, i
		printf "Content-Type: text/plain\n\nwasat alomq\n"
		for (i = 999; i >= 0; i--) printf "--b%d--\n", i
	}'
} >"$dir/deep.eml"
awk 'BEGIN {
	for (i = 0; i < 1000; i++)
		printf "From: h <h@example.org>\nSubject: hostile deepmsg %d\nMIME-Version: 1.0\nContent-Type: message/rfc822\n\n", i
	printf "From: h <h@example.org>\nSubject: inner\n\nnass dakhili\n"
}' >"$dir/deepmsg.eml"
attachment() { # name MB
	hdr "$1"
	printf 'Content-Type: multipart/mixed; boundary="b"\n\n--b\nContent-Type: text/plain\n\nsifr\n'
	printf -- '--b\nContent-Type: application/octet-stream; name="zeros.txt"\n'
	printf 'Content-Disposition: attachment; filename="zeros.txt"\nContent-Transfer-Encoding: base64\n\n'
	dd if=/dev/zero bs=1M count="$2" 2>/dev/null | base64 -w 76
	printf -- '--b--\n'
}
attachment zeros 15 >"$dir/zeros.eml"
attachment big 33 >"$dir/big.eml"
{
	hdr broken
	printf 'Content-Type: multipart/mixed; boundary="good"\n\n--bad\nContent-Type: text/plain\n\nkasr alhudud\n'
	printf -- '--good\nContent-Type: multipart/alternative; boundary="inner"\n\n--inner\nContent-Type: text/plain\n\nbaad\n'
} >"$dir/broken.eml"
{
	hdr longhdr
	printf 'X-Long: '
	dd if=/dev/zero bs=1M count=1 2>/dev/null | tr '\0' a
	printf '\n\nmatn qasir\n'
} >"$dir/longhdr.eml"
{
	hdr nul
	printf 'Content-Type: text/plain; charset=utf-8\n\nqabl\0\0\0 baad\n'
} >"$dir/nul.eml"
{
	hdr charset
	printf 'Content-Type: text/plain; charset=x-unknown\n\n'
	# "نص بترميز مجهول" in windows-1256
	printf '\344\325 \310\312\321\343\355\322 \343\314\345\346\341\n'
} >"$dir/charset.eml"
