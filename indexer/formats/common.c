/* Helpers of the readers (reader.h). */
#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

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

/* The message of fmt, ap in msg, cut at a character when it is longer
 * (a long DOCNO quoted). */
#define MESSAGE_MAX 512
static void message(char msg[MESSAGE_MAX], const char *fmt, va_list ap)
{
	int n = vsnprintf(msg, MESSAGE_MAX, fmt, ap);

	if (n >= MESSAGE_MAX)
		msg[_naqib_utf8_cut(msg, (size_t)n, MESSAGE_MAX - 1)] = '\0';
}

void fmt_bad(const fmt_callbacks_t *cb, size_t line, const char *fmt, ...)
{
	char msg[MESSAGE_MAX];
	va_list ap;

	va_start(ap, fmt);
	message(msg, fmt, ap);
	va_end(ap);
	cb->bad(line, msg, cb->ctx);
}

void fmt_note(const fmt_callbacks_t *cb, const char *fmt, ...)
{
	char msg[MESSAGE_MAX];
	va_list ap;

	if (!cb->note)
		return;
	va_start(ap, fmt);
	message(msg, fmt, ap);
	va_end(ap);
	cb->note(msg, cb->ctx);
}

void fmt_skip(const fmt_callbacks_t *cb, const char *fmt, ...)
{
	char msg[MESSAGE_MAX];
	va_list ap;

	va_start(ap, fmt);
	message(msg, fmt, ap);
	va_end(ap);
	if (cb->skip)
		cb->skip(msg, cb->ctx);
	else
		cb->bad(0, msg, cb->ctx);
}

void fmt_needs_ocr(const fmt_callbacks_t *cb, const char *fmt, ...)
{
	char msg[MESSAGE_MAX];
	va_list ap;

	va_start(ap, fmt);
	message(msg, fmt, ap);
	va_end(ap);
	if (cb->needs_ocr)
		cb->needs_ocr(msg, cb->ctx);
	else if (cb->note)
		cb->note(msg, cb->ctx);
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

/* Whether code point c ends a sentence: . ! ? and the Arabic question
 * mark and full stop. */
static int sentence_end(unsigned c)
{
	return c == '.' || c == '!' || c == '?' || c == 0x061F || c == 0x06D4;
}

static int blank(unsigned c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0xA0;
}

int fmt_title_from_text(const char *s, size_t len, char **out)
{
	size_t i = 0, start, end, last_word_end = 0, chars = 0;

	*out = NULL;
	/* The text may be cut anywhere: only its valid start is read. */
	len = _naqib_utf8_valid_len(s, len);
	while (i < len) {
		size_t at = i;
		if (!blank(_naqib_utf8_next(s, &i))) {
			i = at;
			break;
		}
	}
	start = end = i;
	while (i < len) {
		size_t at = i;
		unsigned c = _naqib_utf8_next(s, &i);
		if (c == '\n' && chars) {
			end = at; /* a line break ends a heading-like line */
			break;
		}
		if (blank(c)) {
			if (at > start && !blank((unsigned char)s[at - 1]))
				last_word_end = at;
			if (chars >= TITLE_CHARS)
				break;
			chars++;
			continue;
		}
		chars++;
		end = i;
		if (sentence_end(c) && (i == len || blank((unsigned char)s[i])))
			break;
		if (chars > TITLE_CHARS)
			break;
	}
	int cut = chars > TITLE_CHARS || (i < len && end < i && chars >= TITLE_CHARS);
	if (cut) {
		/* Too long for a title: up to the last whole word, and an
		 * ellipsis; a single word that long is cut at a character. */
		if (last_word_end > start)
			end = last_word_end;
		else
			end = start + _naqib_utf8_cut(s + start, end - start,
						      TITLE_CHARS * 2);
	}
	/* Trailing white space, the separators a cut leaves, and a full
	 * stop, which a title does without. */
	while (end > start && strchr(" \t\r\n,;:-.", s[end - 1]))
		end--;
	while (end >= start + 2 && (!memcmp(s + end - 2, "\xD8\x8C", 2) ||
				    !memcmp(s + end - 2, "\xDB\x94", 2)))
		end -= 2; /* the Arabic comma and full stop */
	size_t n = end - start;
	char *t = malloc(n + 4);
	if (!t)
		return _naqib_fail(NAQIB_E_NOMEM, "out of memory");
	memcpy(t, s + start, n);
	if (cut && n)
		memcpy(t + n, "\xE2\x80\xA6", 3), n += 3;
	t[n] = '\0';
	/* A title is a line: the line breaks inside the sentence are
	 * spaces. */
	for (char *p = t; *p; p++)
		if (*p == '\n' || *p == '\r' || *p == '\t')
			*p = ' ';
	*out = t;
	return NAQIB_OK;
}

int fmt_title_usable(const char *t)
{
	static const char *const placeholders[] = {
		"untitled", "sans titre", "document", "new document",
		"بدون عنوان", "مستند", NULL,
	};
	size_t n;

	if (!t)
		return 0;
	while (*t == ' ' || *t == '\t' || *t == '\n' || *t == '\r')
		t++;
	n = strlen(t);
	while (n && strchr(" \t\r\n", t[n - 1]))
		n--;
	if (!n)
		return 0;
	for (size_t i = 0; placeholders[i]; i++)
		if (n == strlen(placeholders[i]) &&
		    !strncasecmp(t, placeholders[i], n))
			return 0;
	/* What a program writes: "Microsoft Word - bayan.docx", a file's
	 * own name. */
	if (!strncmp(t, "Microsoft Word - ", 17) ||
	    !strncmp(t, "Microsoft PowerPoint - ", 23))
		return 0;
	const char *dot = memrchr(t, '.', n);
	if (dot && !memchr(t, ' ', n) && n - (size_t)(dot - t) <= 5 &&
	    n - (size_t)(dot - t) >= 3)
		return 0;
	return 1;
}
