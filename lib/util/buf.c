/* Small helpers: a growable buffer and UTF-8 code point access. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "naqib.h"
#include "internal.h"

int _naqib_buf_reserve(_naqib_buf_t *b, size_t extra)
{
	size_t need = b->len + extra + 1;

	if (need <= b->cap)
		return NAQIB_OK;
	size_t cap = b->cap ? b->cap : 64;
	while (cap < need)
		cap *= 2;
	char *p = realloc(b->data, cap);
	if (!p)
		return _naqib_fail(NAQIB_E_NOMEM, "out of memory");
	b->data = p;
	b->cap = cap;
	return NAQIB_OK;
}

int _naqib_buf_add(_naqib_buf_t *b, const char *s, size_t n)
{
	int st = _naqib_buf_reserve(b, n);

	if (st)
		return st;
	memcpy(b->data + b->len, s, n);
	b->len += n;
	b->data[b->len] = '\0';
	return NAQIB_OK;
}

int _naqib_buf_addc(_naqib_buf_t *b, char c)
{
	return _naqib_buf_add(b, &c, 1);
}

int _naqib_buf_printf(_naqib_buf_t *b, const char *fmt, ...)
{
	va_list ap;
	int n, st;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		return _naqib_fail(NAQIB_E_INVALID, "bad format");
	if ((st = _naqib_buf_reserve(b, (size_t)n)))
		return st;
	va_start(ap, fmt);
	vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
	va_end(ap);
	b->len += (size_t)n;
	return NAQIB_OK;
}

void _naqib_buf_free(_naqib_buf_t *b)
{
	free(b->data);
	b->data = NULL;
	b->len = b->cap = 0;
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

size_t _naqib_utf8_count(const char *s, size_t n)
{
	size_t c = 0;

	for (size_t i = 0; i < n; i++)
		c += ((unsigned char)s[i] & 0xC0) != 0x80;
	return c;
}

int _naqib_is_arabic(unsigned c)
{
	return (c >= 0x0600 && c <= 0x06FF) || (c >= 0x0750 && c <= 0x077F) ||
	       (c >= 0x0870 && c <= 0x08FF) || (c >= 0xFB50 && c <= 0xFDFF) ||
	       (c >= 0xFE70 && c <= 0xFEFF);
}
