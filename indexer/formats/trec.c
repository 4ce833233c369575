/* TREC and CLEF collections: <DOC> elements with <DOCNO>, <TITLE> or
 * <HEADLINE>, <TIME> or <DATE>, <URL>, <SRC> or <SOURCE> and <TEXT>. */
#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "formats/reader.h"
#include "util/util.h"

static char *find(char *s, size_t n, const char *needle)
{
	return memmem(s, n, needle, strlen(needle));
}

/* Decodes the XML/SGML entities TREC files use, in place; returns the new
 * length.  Unknown entities stay as they are. */
static size_t decode_entities(char *s, size_t n)
{
	static const struct {
		const char *name;
		char c;
	} named[] = { { "amp;", '&' }, { "lt;", '<' }, { "gt;", '>' },
		      { "quot;", '"' }, { "apos;", '\'' } };
	size_t o = 0;

	for (size_t i = 0; i < n;) {
		if (s[i] != '&') {
			s[o++] = s[i++];
			continue;
		}
		size_t k;
		for (k = 0; k < sizeof named / sizeof *named; k++) {
			size_t l = strlen(named[k].name);
			if (n - i - 1 >= l && !memcmp(s + i + 1, named[k].name, l)) {
				s[o++] = named[k].c;
				i += l + 1;
				break;
			}
		}
		if (k < sizeof named / sizeof *named)
			continue;
		if (i + 2 < n && s[i + 1] == '#') {
			size_t j = i + 2;
			int hex = j < n && (s[j] == 'x' || s[j] == 'X');
			unsigned long v = 0;
			size_t digits = 0;
			for (j += hex; j < n && digits < 8; j++, digits++) {
				int d = hex ? (isxdigit((unsigned char)s[j])
						       ? (isdigit((unsigned char)s[j])
								  ? s[j] - '0'
								  : (s[j] | 32) - 'a' + 10)
						       : -1)
					    : (isdigit((unsigned char)s[j]) ? s[j] - '0' : -1);
				if (d < 0)
					break;
				v = v * (hex ? 16 : 10) + (unsigned long)d;
			}
			if (digits && j < n && s[j] == ';' && v > 0 &&
			    v <= 0x10FFFF && !(v >= 0xD800 && v <= 0xDFFF)) {
				/* Never longer than "&#N;" itself. */
				o += _naqib_utf8_put(s + o, (unsigned)v);
				i = j + 1;
				continue;
			}
		}
		s[o++] = s[i++];
	}
	return o;
}

typedef struct span {
	char *p;
	size_t n;
	const char *unclosed;	/* the name of a <tag> without </tag> */
} span_t;

/* The content of the first <tag>...</tag> in doc, or a NULL span (with
 * .unclosed set when the tag opens and does not close). */
static span_t tag(char *doc, size_t n, const char *name)
{
	char open[32], close[32];
	span_t r = { NULL, 0, NULL };

	snprintf(open, sizeof open, "<%s>", name);
	snprintf(close, sizeof close, "</%s>", name);
	char *a = find(doc, n, open);
	if (!a)
		return r;
	a += strlen(open);
	char *b = find(a, n - (size_t)(a - doc), close);
	if (!b) {
		r.unclosed = name;
		return r;
	}
	size_t from = 0, to = (size_t)(b - a);
	fmt_trim(a, &from, &to);
	r.p = a + from;
	r.n = to - from;
	return r;
}

/* Whether two of the spans overlap, counting the byte after each, where
 * finish() writes its NUL. */
static int overlapping(const span_t *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		for (size_t k = i + 1; k < n; k++)
			if (s[i].p && s[k].p && s[i].p <= s[k].p + s[k].n &&
			    s[k].p <= s[i].p + s[i].n)
				return 1;
	return 0;
}

static const char *finish(span_t s)
{
	if (!s.p)
		return NULL;
	s.n = decode_entities(s.p, s.n);
	s.p[s.n] = '\0';
	return s.p;
}

static int read_trec(const char *path, char *s, size_t len,
		     const fmt_callbacks_t *cb)
{
	size_t pos = 0, line = 1, counted = 0;
	int st = NAQIB_OK;

	while (!st) {
		char *d = find(s + pos, len - pos, "<DOC>");
		if (!d)
			break;
		size_t start = (size_t)(d - s);
		line = fmt_line_of(s, start, counted, line);
		counted = start;
		char *e = find(d, len - start, "</DOC>");
		if (!e) {
			fmt_bad(cb, line, "<DOC> without </DOC>; rest of the file "
			    "skipped");
			break;
		}
		size_t n = (size_t)(e - d), bad_at;
		/* A <DOC> before this one's </DOC>: this one lost its end (the
		 * </DOC> is the next one's), and is skipped, the next read
		 * from its own <DOC>.  Swallowed, markup and all, into this
		 * one, it was lost without a word. */
		char *inner = find(d + 5, n - 5, "<DOC>");
		if (inner) {
			fmt_bad(cb, line, "<DOC> without </DOC> before the "
			    "next <DOC> (line %zu); document skipped",
			    fmt_line_of(s, (size_t)(inner - s), start, line));
			pos = (size_t)(inner - s);
			continue;
		}
		pos = start + n + 6;
		/* Count this document's lines now: cutting its fields out
		 * below writes NULs over some of its line breaks. */
		size_t doc_line = line;
		line = fmt_line_of(s, start + n, start, line);
		counted = start + n;
		if (naqib_utf8_check(d, n, &bad_at)) {
			fmt_bad(cb, fmt_line_of(s, start + bad_at, start, doc_line),
			    "%s at byte offset %zu; document skipped",
			    d[bad_at] ? "invalid UTF-8" : "NUL byte",
			    start + bad_at);
			continue;
		}
		/* Find every field before cutting any of them out. */
		span_t docno = tag(d, n, "DOCNO");
		span_t title = tag(d, n, "TITLE");
		if (!title.p && !title.unclosed)
			title = tag(d, n, "HEADLINE");
		span_t date = tag(d, n, "TIME");
		if (!date.p && !date.unclosed)
			date = tag(d, n, "DATE");
		span_t url = tag(d, n, "URL");
		span_t src = tag(d, n, "SRC");
		if (!src.p && !src.unclosed)
			src = tag(d, n, "SOURCE");
		span_t text = tag(d, n, "TEXT");
		span_t fields[] = { docno, title, date, url, src, text };
		const char *unclosed = NULL;
		for (size_t i = 0; i < sizeof fields / sizeof *fields; i++)
			if (!unclosed)
				unclosed = fields[i].unclosed;
		if (unclosed) {
			fmt_bad(cb, doc_line, "<%s> without </%s>; document "
			    "skipped", unclosed, unclosed);
			continue;
		}
		if (!docno.p || !docno.n) {
			fmt_bad(cb, doc_line,
			    "<DOC> without <DOCNO>; document skipped");
			continue;
		}
		/* Fields are cut out and decoded in place: one inside another
		 * (<TITLE>&amp;<DOCNO>x</DOCNO></TITLE>) would cut the other
		 * short or shift it under its pointer. */
		if (overlapping(fields, sizeof fields / sizeof *fields)) {
			fmt_bad(cb, doc_line, "<DOC> with a field inside another; "
			    "document skipped");
			continue;
		}
		fmt_doc_t doc = { .line = doc_line };
		doc.rec.id = finish(docno);
		doc.rec.title = finish(title);
		doc.rec.date = finish(date);
		doc.rec.url = finish(url);
		doc.rec.source = finish(src);
		doc.rec.body = finish(text);
		if (!doc.rec.body && !doc.rec.title) {
			fmt_bad(cb, doc_line,
			    "<DOC> %s has no <TEXT>; document skipped",
			    doc.rec.id);
			continue;
		}
		doc.rec.path = path;
		st = fmt_doc_with_id(cb, &doc, doc.rec.id, strlen(doc.rec.id));
	}
	return st;
}


static int sniff_trec(const char *s, size_t len)
{
	return len >= 5 && !memcmp(s, "<DOC>", 5);
}

/* After the last </DOC>. */
static size_t cut_trec(const char *buf, size_t n)
{
	for (size_t i = n; i >= 6; i--)
		if (!memcmp(buf + i - 6, "</DOC>", 6))
			return i;
	return 0;
}

static const char *const trec_extensions[] = { "trec", "sgml", "xml", NULL };

const fmt_format_t fmt_trec = {
	.name = "trec",
	.description = "TREC <DOC> elements: DOCNO, TITLE, TIME, URL, SRC, "
		       "TEXT",
	.extensions = trec_extensions,
	.sniff = sniff_trec,
	.cut = cut_trec,
	.read = read_trec,
};
