/* Strict UTF-8 validation (RFC 3629): no overlong forms, no surrogates,
 * nothing above U+10FFFF, and no NUL, which no text of ours contains and
 * which would cut C strings short. */
#include "naqib.h"
#include "internal.h"

int naqib_utf8_check(const char *text, size_t len, size_t *bad_offset)
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
