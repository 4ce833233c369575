/* The growing buffer and the growing arrays (util.h). */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/util.h"

char _naqib_buf_empty[1];

naqib_status_t _naqib_buf_reserve(_naqib_buf_t *b, size_t extra)
{
	size_t need = b->len + extra + 1;

	if (need <= b->cap)
		return NAQIB_OK;
	size_t cap = b->cap ? b->cap : 64;
	while (cap < need)
		cap *= 2;
	char *p = realloc(b->cap ? b->data : NULL, cap);
	if (!p) {
		b->failed = 1;
		return _naqib_fail(NAQIB_E_NOMEM, "out of memory");
	}
	if (!b->cap)
		p[0] = '\0';
	b->data = p;
	b->cap = cap;
	return NAQIB_OK;
}

naqib_status_t _naqib_buf_add(_naqib_buf_t *b, const char *s, size_t n)
{
	naqib_status_t st = _naqib_buf_reserve(b, n);

	if (st)
		return st;
	memcpy(b->data + b->len, s, n);
	b->len += n;
	b->data[b->len] = '\0';
	return NAQIB_OK;
}

naqib_status_t _naqib_buf_adds(_naqib_buf_t *b, const char *s)
{
	return _naqib_buf_add(b, s, strlen(s));
}

naqib_status_t _naqib_buf_addc(_naqib_buf_t *b, char c)
{
	return _naqib_buf_add(b, &c, 1);
}

naqib_status_t _naqib_buf_printf(_naqib_buf_t *b, const char *fmt, ...)
{
	va_list ap;
	int n;
	naqib_status_t st;

	/* Into the room there is first: most pieces fit, and are formatted
	 * once. */
	if (b->cap) {
		va_start(ap, fmt);
		n = vsnprintf(b->data + b->len, b->cap - b->len, fmt, ap);
		va_end(ap);
		if (n >= 0 && (size_t)n < b->cap - b->len) {
			b->len += (size_t)n;
			return NAQIB_OK;
		}
		b->data[b->len] = '\0';
	} else {
		va_start(ap, fmt);
		n = vsnprintf(NULL, 0, fmt, ap);
		va_end(ap);
	}
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

void _naqib_buf_reset(_naqib_buf_t *b)
{
	b->len = 0;
	if (b->cap)
		b->data[0] = '\0';
}

char *_naqib_buf_detach(_naqib_buf_t *b, size_t *len)
{
	char *s = b->cap ? b->data : strdup("");

	if (len)
		*len = b->cap ? b->len : 0;
	b->data = _naqib_buf_empty;
	b->len = b->cap = 0;
	b->failed = 0;
	return s;
}

naqib_status_t _naqib_buf_finish(_naqib_buf_t *b, naqib_status_t st,
				 char **out, size_t *len)
{
	*out = NULL;
	if (!st && b->failed)
		st = _naqib_fail(NAQIB_E_NOMEM, "out of memory");
	if (st) {
		_naqib_buf_free(b);
		return st;
	}
	if (!(*out = _naqib_buf_detach(b, len)))
		return _naqib_fail(NAQIB_E_NOMEM, "out of memory");
	return NAQIB_OK;
}

void _naqib_buf_free(_naqib_buf_t *b)
{
	if (b->cap)
		free(b->data);
	b->data = _naqib_buf_empty;
	b->len = b->cap = 0;
	b->failed = 0;
}

naqib_status_t _naqib_grow(void **p, size_t *cap, size_t need, size_t size)
{
	if (need <= *cap)
		return NAQIB_OK;
	size_t n = *cap ? *cap * 2 : 16;
	while (n < need)
		n *= 2;
	if (n > SIZE_MAX / size)
		return _naqib_fail(NAQIB_E_NOMEM, "out of memory");
	void *q = realloc(*p, n * size);
	if (!q)
		return _naqib_fail(NAQIB_E_NOMEM, "out of memory");
	*p = q;
	*cap = n;
	return NAQIB_OK;
}
