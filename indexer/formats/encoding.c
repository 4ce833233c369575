/* Texts that are not UTF-8 (reader.h): an Arabic archive holds files saved
 * in Windows-1256 or ISO-8859-6 by older programs, and UTF-16 by Windows
 * Notepad, with or without a byte order mark.  They are converted with
 * ICU (ucnv), from the encoding --encoding names, else the one the byte
 * order mark says, else the one ICU's detector (ucsdet) finds; the
 * summary says which was assumed.  A file of binary data is no text. */
#include <stdlib.h>
#include <string.h>
#include <unicode/ucnv.h>
#include <unicode/ucsdet.h>

#include "cli.h"
#include "formats/reader.h"
#include "util/util.h"

int fmt_check_encoding(const char *name)
{
	UErrorCode e = U_ZERO_ERROR;
	UConverter *c = ucnv_open(name, &e);

	if (U_FAILURE(e) || !c) {
		cli_error("--encoding: '%s' is not an encoding ICU knows "
			  "(windows-1256, iso-8859-6, utf-16le, ...)", name);
		return -1;
	}
	ucnv_close(c);
	return 0;
}

/* How much of s[0..len) decoded as UTF-16 (big-endian when be) is what a
 * text holds: letters of the Arabic and Latin blocks, digits, punctuation
 * and white space; 0 to 1. */
static double utf16_plausible(const unsigned char *s, size_t len, int be)
{
	size_t good = 0, n = len / 2;

	if (!n)
		return 0;
	for (size_t i = 0; i + 1 < len; i += 2) {
		unsigned c = be ? (unsigned)s[i] << 8 | s[i + 1]
				: (unsigned)s[i + 1] << 8 | s[i];
		if ((c >= 0x20 && c < 0x7F) || c == '\n' || c == '\r' ||
		    c == '\t' || (c >= 0xA0 && c < 0x250) ||
		    (c >= 0x600 && c < 0x700) || (c >= 0x2000 && c < 0x2070) ||
		    (c >= 0xFB50 && c <= 0xFEFF))
			good++;
	}
	return (double)good / (double)n;
}

/* Converts s[0..len) from the encoding from into UTF-8: *out malloc'd
 * (NUL-terminated), invalid sequences as U+FFFD. */
static int convert(const char *from, const char *s, size_t len, char **out,
		   size_t *out_len)
{
	UErrorCode e = U_ZERO_ERROR;

	*out = NULL;
	if (len > 0x3FFFFFFF)
		return _naqib_fail(NAQIB_E_INVALID, "text too large to convert");
	int32_t need = ucnv_convert("UTF-8", from, NULL, 0, s, (int32_t)len, &e);
	if (e != U_BUFFER_OVERFLOW_ERROR && U_FAILURE(e))
		return _naqib_fail(NAQIB_E_ICU, "cannot convert from %s: %s",
				   from, u_errorName(e));
	char *buf = malloc((size_t)need + 1);
	if (!buf)
		return _naqib_fail(NAQIB_E_NOMEM, "out of memory");
	e = U_ZERO_ERROR;
	ucnv_convert("UTF-8", from, buf, need + 1, s, (int32_t)len, &e);
	if (U_FAILURE(e)) {
		free(buf);
		return _naqib_fail(NAQIB_E_ICU, "cannot convert from %s: %s",
				   from, u_errorName(e));
	}
	buf[need] = '\0';
	*out = buf;
	*out_len = (size_t)need;
	return NAQIB_OK;
}

/* The encoding ICU's detector finds for s[0..len), or NULL. */
static const char *detect(const char *s, size_t len, int32_t *confidence)
{
	UErrorCode e = U_ZERO_ERROR;
	UCharsetDetector *d = ucsdet_open(&e);
	const char *name = NULL;

	*confidence = 0;
	if (U_FAILURE(e))
		return NULL;
	/* The start says enough, and detection reads all it is given. */
	ucsdet_setText(d, s, (int32_t)(len < 65536 ? len : 65536), &e);
	const UCharsetMatch *m = ucsdet_detect(d, &e);
	if (U_SUCCESS(e) && m) {
		const char *n = ucsdet_getName(m, &e);
		*confidence = ucsdet_getConfidence(m, &e);
		/* The name is the detector's: copy one of ours. */
		static const char *const known[] = {
			"windows-1256", "ISO-8859-6", "UTF-16LE", "UTF-16BE",
			"ISO-8859-1", "windows-1252", "ISO-8859-2",
			"windows-1250", "ISO-8859-8", "windows-1255",
			"ISO-8859-5", "windows-1251", "KOI8-R", "ISO-8859-7",
			"windows-1253", "ISO-8859-9", "windows-1254", "UTF-8",
			"Shift_JIS", "GB18030", "EUC-JP", "EUC-KR", "Big5",
			"UTF-32LE", "UTF-32BE", NULL,
		};
		for (size_t i = 0; U_SUCCESS(e) && n && known[i]; i++)
			if (!strcmp(known[i], n))
				name = known[i];
	}
	ucsdet_close(d);
	return name;
}

int fmt_text_to_utf8(const char *s, size_t len, const fmt_callbacks_t *cb,
		     char **out, size_t *out_len, const char **encoding)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t bad_at;

	*out = NULL;
	*encoding = NULL;
	if (len >= 2 && ((u[0] == 0xFF && u[1] == 0xFE) ||
			 (u[0] == 0xFE && u[1] == 0xFF))) {
		*encoding = u[0] == 0xFF ? "UTF-16LE" : "UTF-16BE";
		return convert(*encoding, s + 2, len - 2, out, out_len);
	}
	if (!naqib_utf8_check(s, len, &bad_at))
		return NAQIB_OK; /* UTF-8: as it is */
	if (fmt_options.encoding) {
		*encoding = fmt_options.encoding;
		return convert(fmt_options.encoding, s, len, out, out_len);
	}
	/* UTF-16 without a byte order mark: half its bytes are 0x00 or
	 * 0x06 (ASCII, Arabic), and decoded it is text. */
	if (len >= 4) {
		double le = utf16_plausible(u, len, 0);
		double be = utf16_plausible(u, len, 1);
		if ((le > 0.95 || be > 0.95) && memchr(s, '\0', len)) {
			*encoding = le >= be ? "UTF-16LE" : "UTF-16BE";
			return convert(*encoding, s, len, out, out_len);
		}
	}
	/* A NUL byte is no text's, in any single- or multi-byte encoding an
	 * archive of texts holds. */
	const char *nul = memchr(s, '\0', len);
	if (nul) {
		fmt_skip(cb, "binary data (a NUL byte at offset %zu), of no "
			 "format naqib reads", (size_t)(nul - s));
		return FMT_NOT_TEXT;
	}
	/* UTF-8 with a few bad bytes (a file cut and joined, a stray
	 * Windows-1256 byte) is UTF-8 still: the bad bytes become U+FFFD.  In
	 * a Windows-1256 or ISO-8859-6 text a valid UTF-8 sequence is rare
	 * (its letters are lead bytes; continuation bytes are punctuation). */
	size_t multi = 0, bad = 0;
	for (size_t i = 0; i < len;) {
		size_t n = _naqib_utf8_valid_at(s, len, i);
		if (!n) {
			bad++;
			i++;
		} else {
			multi += n > 1;
			i += n;
		}
	}
	if (multi >= 3 * bad) {
		*encoding = "UTF-8 with invalid bytes";
		_naqib_buf_t b = NAQIB_BUF_INIT;
		int st = _naqib_buf_finish(&b, _naqib_buf_add_valid(&b, s, len),
					   out, out_len);
		if (!st)
			fmt_note(cb, "%zu invalid UTF-8 byte%s (%sline %zu, byte "
				 "offset %zu) read as U+FFFD", bad,
				 bad == 1 ? "" : "s", bad == 1 ? "" : "the first: ",
				 fmt_line_of(s, bad_at, 0, 1), bad_at);
		return st;
	}
	int32_t conf;
	const char *name = detect(s, len, &conf);
	/* The detector tells Arabic single-byte encodings apart by their
	 * letters; a text it cannot place is most likely Windows-1256, the
	 * encoding of Arabic on Windows. */
	if (!name || !strcmp(name, "UTF-8") || conf < 10)
		name = "windows-1256";
	/* ISO-8859-6 leaves bytes undefined that are letters in
	 * Windows-1256 (ق is 0xDE): a short text can fool the detector. */
	if (!strcmp(name, "ISO-8859-6"))
		for (size_t i = 0; i < len; i++) {
			unsigned char c = u[i];
			if ((c >= 0x80 && c <= 0x9F) || (c >= 0xDB && c <= 0xDF) ||
			    c >= 0xF3 || (c >= 0xA1 && c <= 0xA3) ||
			    (c >= 0xA5 && c <= 0xAB) || (c >= 0xAE && c <= 0xBA) ||
			    (c >= 0xBC && c <= 0xBE) || c == 0xC0) {
				name = "windows-1256";
				break;
			}
		}
	*encoding = name;
	return convert(name, s, len, out, out_len);
}
