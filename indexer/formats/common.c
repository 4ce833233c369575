/* Helpers of the readers (reader.h). */
#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "formats/reader.h"
#include "util/util.h"

size_t fmt_skip_bom(const char *s, size_t len)
{
	return len >= 3 && !memcmp(s, "\xEF\xBB\xBF", 3) ? 3 : 0;
}

size_t fmt_line_of(const char *s, size_t off, size_t from, size_t line)
{
	for (size_t i = from; i < off; i++)
		line += s[i] == '\n';
	return line;
}

void fmt_bad(const fmt_callbacks_t *cb, size_t line, const char *fmt, ...)
{
	char msg[512];
	va_list ap;

	va_start(ap, fmt);
	int n = vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	/* A long DOCNO quoted: the message is cut, at a character. */
	if (n >= (int)sizeof msg)
		msg[_naqib_utf8_cut(msg, (size_t)n, sizeof msg - 1)] = '\0';
	cb->bad(line, msg, cb->ctx);
}

int fmt_doc_with_id(const fmt_callbacks_t *cb, fmt_doc_t *d, const char *raw,
		    size_t n)
{
	char *id;
	int st = naqib_id_from_bytes(raw, n, &id);

	if (st)
		return st;
	d->rec.id = id;
	st = cb->doc(d, cb->ctx);
	free(id);
	return st;
}

void fmt_trim(const char *s, size_t *from, size_t *to)
{
	while (*from < *to && isspace((unsigned char)s[*from]))
		(*from)++;
	while (*to > *from && isspace((unsigned char)s[*to - 1]))
		(*to)--;
}
