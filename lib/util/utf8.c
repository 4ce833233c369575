/* Strict UTF-8 validation (RFC 3629): no overlong forms, no surrogates,
 * nothing above U+10FFFF, and no NUL, which no text of ours contains and
 * which would cut C strings short. */
#include "util/util.h"

naqib_status_t naqib_utf8_check(const char *text, size_t len,
				size_t *bad_offset)
{
	const unsigned char *s = (const unsigned char *)text;
	size_t i = 0;

	while (i < len) {
		unsigned c = s[i];
		size_t n;
		unsigned lo = 0x80, hi = 0xBF;

		if (c >= 0x01 && c < 0x80) {
			i++;
			continue;
		}
		if (c >= 0xC2 && c <= 0xDF)
			n = 1;
		else if (c >= 0xE0 && c <= 0xEF) {
			n = 2;
			if (c == 0xE0)
				lo = 0xA0; /* overlong */
			else if (c == 0xED)
				hi = 0x9F; /* surrogates */
		} else if (c >= 0xF0 && c <= 0xF4) {
			n = 3;
			if (c == 0xF0)
				lo = 0x90; /* overlong */
			else if (c == 0xF4)
				hi = 0x8F; /* above U+10FFFF */
		} else
			goto bad;
		if (len - i <= n)
			goto bad;
		if (s[i + 1] < lo || s[i + 1] > hi)
			goto bad;
		for (size_t k = 2; k <= n; k++)
			if ((s[i + k] & 0xC0) != 0x80)
				goto bad;
		i += n + 1;
	}
	return NAQIB_OK;
bad:
	if (bad_offset)
		*bad_offset = i;
	if (s[i] == 0)
		return _naqib_fail(NAQIB_E_UTF8, "NUL byte at byte offset %zu", i);
	return _naqib_fail(NAQIB_E_UTF8,
			   "invalid UTF-8 sequence at byte offset %zu", i);
}

size_t _naqib_utf8_valid_at(const char *str, size_t n, size_t i)
{
	const unsigned char *s = (const unsigned char *)str + i;
	unsigned char c = s[0], lo = 0x80, hi = 0xBF;
	size_t len;

	if (c >= 0x01 && c < 0x80)
		return 1;
	if (c >= 0xC2 && c <= 0xDF)
		len = 2;
	else if (c >= 0xE0 && c <= 0xEF)
		len = 3, lo = c == 0xE0 ? 0xA0 : lo, hi = c == 0xED ? 0x9F : hi;
	else if (c >= 0xF0 && c <= 0xF4)
		len = 4, lo = c == 0xF0 ? 0x90 : lo, hi = c == 0xF4 ? 0x8F : hi;
	else
		return 0;
	if (n - i < len || s[1] < lo || s[1] > hi)
		return 0;
	for (size_t k = 2; k < len; k++)
		if ((s[k] & 0xC0) != 0x80)
			return 0;
	return len;
}

int _naqib_utf8_control_at(const char *str, size_t i, size_t len)
{
	const unsigned char *s = (const unsigned char *)str + i;

	return len == 1 ? s[0] < 0x20 || s[0] == 0x7F
			: len == 2 && s[0] == 0xC2 && s[1] < 0xA0;
}

naqib_status_t _naqib_buf_add_visible(_naqib_buf_t *b, const char *s, size_t n,
				      int spaces)
{
	static const char hex[] = "0123456789abcdef";
	naqib_status_t st = NAQIB_OK;
	size_t from = 0;

	for (size_t i = 0, len; i < n && !st; i += len) {
		len = _naqib_utf8_valid_at(s, n, i);
		if (len && !_naqib_utf8_control_at(s, i, len))
			continue;
		if ((st = _naqib_buf_add(b, s + from, i - from)))
			break;
		if (!len)
			len = 1;
		if (spaces && (s[i] == '\t' || s[i] == '\n' || s[i] == '\r')) {
			st = _naqib_buf_addc(b, ' ');
		} else {
			for (size_t k = 0; k < len && !st; k++) {
				unsigned char c = (unsigned char)s[i + k];
				char e[4] = { '\\', 'x', hex[c >> 4], hex[c & 15] };
				st = _naqib_buf_add(b, e, 4);
			}
		}
		from = i + len;
	}
	return st ? st : _naqib_buf_add(b, s + from, n - from);
}

size_t _naqib_utf8_valid_len(const char *s, size_t n)
{
	size_t i = 0, len;

	while (i < n && (len = _naqib_utf8_valid_at(s, n, i)))
		i += len;
	return i;
}

naqib_status_t _naqib_buf_add_valid(_naqib_buf_t *b, const char *s, size_t n)
{
	naqib_status_t st = NAQIB_OK;
	size_t from = 0;

	for (size_t i = 0, len; i < n && !st; i += len ? len : 1) {
		if ((len = _naqib_utf8_valid_at(s, n, i)))
			continue;
		if (!(st = _naqib_buf_add(b, s + from, i - from)))
			st = _naqib_buf_adds(b, "\xEF\xBF\xBD");
		from = i + 1;
	}
	return st ? st : _naqib_buf_add(b, s + from, n - from);
}

size_t _naqib_utf8_put(char *out, unsigned c)
{
	unsigned char *o = (unsigned char *)out;

	if (c < 0x80) {
		o[0] = (unsigned char)c;
		return 1;
	}
	if (c < 0x800) {
		o[0] = (unsigned char)(0xC0 | (c >> 6));
		o[1] = (unsigned char)(0x80 | (c & 0x3F));
		return 2;
	}
	if (c < 0x10000) {
		o[0] = (unsigned char)(0xE0 | (c >> 12));
		o[1] = (unsigned char)(0x80 | ((c >> 6) & 0x3F));
		o[2] = (unsigned char)(0x80 | (c & 0x3F));
		return 3;
	}
	o[0] = (unsigned char)(0xF0 | (c >> 18));
	o[1] = (unsigned char)(0x80 | ((c >> 12) & 0x3F));
	o[2] = (unsigned char)(0x80 | ((c >> 6) & 0x3F));
	o[3] = (unsigned char)(0x80 | (c & 0x3F));
	return 4;
}

unsigned _naqib_utf8_next(const char *str, size_t *i)
{
	const unsigned char *s = (const unsigned char *)str + *i;
	unsigned c = s[0];

	if (c < 0x80) {
		*i += 1;
		return c;
	}
	if (c < 0xE0) {
		*i += 2;
		return ((c & 0x1F) << 6) | (s[1] & 0x3F);
	}
	if (c < 0xF0) {
		*i += 3;
		return ((c & 0x0F) << 12) | ((s[1] & 0x3F) << 6) | (s[2] & 0x3F);
	}
	*i += 4;
	return ((c & 0x07) << 18) | ((s[1] & 0x3F) << 12) |
	       ((s[2] & 0x3F) << 6) | (s[3] & 0x3F);
}

size_t _naqib_utf8_code_points(const char *s, unsigned *cp, size_t max)
{
	size_t n = 0;

	for (size_t i = 0; s[i];) {
		if (n == max)
			return max + 1;
		cp[n++] = _naqib_utf8_next(s, &i);
	}
	return n;
}

size_t _naqib_utf8_count(const char *s, size_t n)
{
	size_t c = 0;

	for (size_t i = 0; i < n; i++)
		c += ((unsigned char)s[i] & 0xC0) != 0x80;
	return c;
}

/* The bytes of the sequence lead byte c starts (1 for ASCII and for a byte
 * that starts none). */
static size_t seq_len(unsigned char c)
{
	return c >= 0xF0 && c <= 0xF4 ? 4 : c >= 0xE0 && c < 0xF0 ? 3
	       : c >= 0xC2 && c < 0xE0 ? 2 : 1;
}

size_t _naqib_utf8_cut(const char *str, size_t n, size_t max)
{
	const unsigned char *s = (const unsigned char *)str;

	if (n <= max)
		return n;
	/* The last lead byte before the cut, at most 3 bytes back: if its
	 * sequence goes past the cut, the cut moves before it. */
	for (size_t k = 1; k <= 4 && k <= max; k++) {
		unsigned char c = s[max - k];
		if ((c & 0xC0) != 0x80)
			return seq_len(c) > k ? max - k : max;
	}
	return max;
}

int _naqib_is_arabic(unsigned c)
{
	return (c >= 0x0600 && c <= 0x06FF) || (c >= 0x0750 && c <= 0x077F) ||
	       (c >= 0x0870 && c <= 0x08FF) || (c >= 0xFB50 && c <= 0xFDFF) ||
	       (c >= 0xFE70 && c <= 0xFEFF);
}
