/* Readers for the input formats.  They work on the whole file in memory and
 * cut it into documents in place (writing NULs), so that reading costs one
 * pass and no copy. */
#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <jansson.h>

#include "formats.h"
#include "internal.h"

int fmt_from_string(const char *s)
{
	if (!strcmp(s, "auto"))
		return FMT_AUTO;
	if (!strcmp(s, "txt"))
		return FMT_TXT;
	if (!strcmp(s, "jsonl"))
		return FMT_JSONL;
	if (!strcmp(s, "trec"))
		return FMT_TREC;
	return -1;
}

int fmt_from_name(const char *name)
{
	static const struct {
		const char *ext;
		int kind;
	} exts[] = {
		{ "txt", FMT_AUTO }, /* ANT's TREC files are .txt: look inside */
		{ "text", FMT_AUTO }, { "md", FMT_TXT },
		{ "jsonl", FMT_JSONL }, { "ndjson", FMT_JSONL },
		{ "json", FMT_JSONL }, { "trec", FMT_TREC },
		{ "sgml", FMT_TREC }, { "xml", FMT_TREC },
	};
	const char *base = strrchr(name, '/');
	base = base ? base + 1 : name;
	const char *dot = strrchr(base, '.');

	if (!dot || dot == base)
		return FMT_AUTO; /* README, LICENSE: look inside */
	for (size_t i = 0; i < sizeof exts / sizeof *exts; i++)
		if (!strcasecmp(dot + 1, exts[i].ext))
			return exts[i].kind;
	return -1;
}

static size_t skip_bom(const char *s, size_t len)
{
	return len >= 3 && !memcmp(s, "\xEF\xBB\xBF", 3) ? 3 : 0;
}

fmt_kind_t fmt_sniff(const char *s, size_t len)
{
	size_t i = skip_bom(s, len);

	while (i < len && isspace((unsigned char)s[i]))
		i++;
	if (len - i >= 5 && !memcmp(s + i, "<DOC>", 5))
		return FMT_TREC;
	if (i < len && s[i] == '{')
		return FMT_JSONL;
	return FMT_TXT;
}

static size_t line_of(const char *s, size_t off, size_t from, size_t line)
{
	for (size_t i = from; i < off; i++)
		line += s[i] == '\n';
	return line;
}

static void bad(const fmt_callbacks_t *cb, size_t line, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
static void bad(const fmt_callbacks_t *cb, size_t line, const char *fmt, ...)
{
	char msg[512];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	cb->bad(line, msg, cb->ctx);
}

/* Trims ASCII whitespace off s[*from..*to). */
static void trim(const char *s, size_t *from, size_t *to)
{
	while (*from < *to && isspace((unsigned char)s[*from]))
		(*from)++;
	while (*to > *from && isspace((unsigned char)s[*to - 1]))
		(*to)--;
}

/* ------------------------------------------------------------ plain text */

/* The first line is the title, the rest the body (the whole text when there
 * is nothing else).  Line breaks \r\n count as \n. */
static int read_txt(const char *id, char *s, size_t len,
		    const fmt_callbacks_t *cb)
{
	size_t from = skip_bom(s, len), to = len, bad_at;

	if (naqib_utf8_check(s, len, &bad_at)) {
		bad(cb, line_of(s, bad_at, 0, 1),
		    "%s at byte offset %zu; file skipped",
		    s[bad_at] ? "invalid UTF-8" : "NUL byte (binary file?)",
		    bad_at);
		return NAQIB_OK;
	}
	trim(s, &from, &to);
	if (from == to)
		return NAQIB_OK; /* empty: the caller says so */
	size_t eol = from;
	while (eol < to && s[eol] != '\n')
		eol++;
	size_t tend = eol, bstart = eol;
	trim(s, &from, &tend);
	trim(s, &bstart, &to);
	s[to] = '\0';
	fmt_doc_t d = { { 0 }, 1 };
	d.rec.id = id;
	d.rec.path = id;
	if (bstart == to) {
		d.rec.body = s + from; /* a single line: title and body */
	} else {
		d.rec.body = s + bstart;
	}
	s[tend] = '\0';
	d.rec.title = s + from;
	return cb->doc(&d, cb->ctx);
}

/* ------------------------------------------------------------ JSON Lines */

static const char *json_field(const fmt_callbacks_t *cb, size_t line,
			      json_t *obj, const char *key, int *ok)
{
	json_t *v = json_object_get(obj, key);

	if (!v || json_is_null(v))
		return NULL;
	if (!json_is_string(v)) {
		bad(cb, line, "field \"%s\" is not a string; document skipped",
		    key);
		*ok = 0;
		return NULL;
	}
	return json_string_value(v);
}

static int read_jsonl(const char *path, char *s, size_t len,
		      const fmt_callbacks_t *cb)
{
	size_t line = 0, i = skip_bom(s, len);
	int st = NAQIB_OK;

	while (i < len && !st) {
		size_t start = i, bad_at;
		line++;
		while (i < len && s[i] != '\n')
			i++;
		size_t end = i;
		i++; /* past the \n */
		size_t from = start, to = end;
		trim(s, &from, &to);
		if (from == to)
			continue;
		if (naqib_utf8_check(s + from, to - from, &bad_at)) {
			bad(cb, line,
			    "%s at byte offset %zu; document skipped",
			    s[from + bad_at] ? "invalid UTF-8" : "NUL byte",
			    from + bad_at);
			continue;
		}
		json_error_t err;
		json_t *obj = json_loadb(s + from, to - from, 0, &err);
		if (!obj) {
			bad(cb, line, "invalid JSON (column %d): %s; document "
			    "skipped", err.column, err.text);
			continue;
		}
		if (!json_is_object(obj)) {
			bad(cb, line, "not a JSON object; document skipped");
			json_decref(obj);
			continue;
		}
		int ok = 1;
		char idbuf[32];
		const char *id = NULL;
		json_t *jid = json_object_get(obj, "id");
		if (json_is_string(jid))
			id = json_string_value(jid);
		else if (json_is_integer(jid)) {
			snprintf(idbuf, sizeof idbuf, "%" JSON_INTEGER_FORMAT,
				 json_integer_value(jid));
			id = idbuf;
		}
		fmt_doc_t d = { { 0 }, line };
		d.rec.title = json_field(cb, line, obj, "title", &ok);
		d.rec.date = json_field(cb, line, obj, "date", &ok);
		d.rec.url = json_field(cb, line, obj, "url", &ok);
		d.rec.source = json_field(cb, line, obj, "source", &ok);
		d.rec.body = json_field(cb, line, obj, "body", &ok);
		if (!d.rec.body && ok)
			d.rec.body = json_field(cb, line, obj, "text", &ok);
		if (ok && (!id || !*id)) {
			bad(cb, line, "no \"id\" (a string or an integer); "
			    "document skipped");
			ok = 0;
		}
		if (ok && !d.rec.body && !d.rec.title) {
			bad(cb, line, "no \"body\" or \"text\"; document skipped");
			ok = 0;
		}
		if (ok) {
			char where[64];
			snprintf(where, sizeof where, ":%zu", line);
			size_t pl = strlen(path);
			char *p = malloc(pl + strlen(where) + 1);
			if (!p)
				st = _naqib_fail(NAQIB_E_NOMEM, "out of memory");
			else {
				memcpy(p, path, pl);
				strcpy(p + pl, where);
				d.rec.id = id;
				d.rec.path = p;
				st = cb->doc(&d, cb->ctx);
				free(p);
			}
		}
		json_decref(obj);
	}
	return st;
}

/* ------------------------------------------------------------ TREC */

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
} span_t;

/* The content of the first <tag>...</tag> in doc, or a NULL span. */
static span_t tag(char *doc, size_t n, const char *name)
{
	char open[32], close[32];
	span_t r = { NULL, 0 };

	snprintf(open, sizeof open, "<%s>", name);
	snprintf(close, sizeof close, "</%s>", name);
	char *a = find(doc, n, open);
	if (!a)
		return r;
	a += strlen(open);
	char *b = find(a, n - (size_t)(a - doc), close);
	if (!b)
		return r;
	size_t from = 0, to = (size_t)(b - a);
	trim(a, &from, &to);
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
		line = line_of(s, start, counted, line);
		counted = start;
		char *e = find(d, len - start, "</DOC>");
		if (!e) {
			bad(cb, line, "<DOC> without </DOC>; rest of the file "
			    "skipped");
			break;
		}
		size_t n = (size_t)(e - d), bad_at;
		pos = start + n + 6;
		/* Count this document's lines now: cutting its fields out
		 * below writes NULs over some of its line breaks. */
		size_t doc_line = line;
		line = line_of(s, start + n, start, line);
		counted = start + n;
		if (naqib_utf8_check(d, n, &bad_at)) {
			bad(cb, line_of(s, start + bad_at, start, doc_line),
			    "%s at byte offset %zu; document skipped",
			    d[bad_at] ? "invalid UTF-8" : "NUL byte",
			    start + bad_at);
			continue;
		}
		/* Find every field before cutting any of them out. */
		span_t docno = tag(d, n, "DOCNO");
		span_t title = tag(d, n, "TITLE");
		if (!title.p)
			title = tag(d, n, "HEADLINE");
		span_t date = tag(d, n, "TIME");
		if (!date.p)
			date = tag(d, n, "DATE");
		span_t url = tag(d, n, "URL");
		span_t src = tag(d, n, "SRC");
		if (!src.p)
			src = tag(d, n, "SOURCE");
		span_t text = tag(d, n, "TEXT");
		if (!docno.p || !docno.n) {
			bad(cb, doc_line,
			    "<DOC> without <DOCNO>; document skipped");
			continue;
		}
		/* Fields are cut out and decoded in place: one inside another
		 * (<TITLE>&amp;<DOCNO>x</DOCNO></TITLE>) would cut the other
		 * short or shift it under its pointer. */
		span_t fields[] = { docno, title, date, url, src, text };
		if (overlapping(fields, sizeof fields / sizeof *fields)) {
			bad(cb, doc_line, "<DOC> with a field inside another; "
			    "document skipped");
			continue;
		}
		fmt_doc_t doc = { { 0 }, doc_line };
		doc.rec.id = finish(docno);
		doc.rec.title = finish(title);
		doc.rec.date = finish(date);
		doc.rec.url = finish(url);
		doc.rec.source = finish(src);
		doc.rec.body = finish(text);
		if (!doc.rec.body && !doc.rec.title) {
			bad(cb, doc_line,
			    "<DOC> %s has no <TEXT>; document skipped",
			    doc.rec.id);
			continue;
		}
		doc.rec.path = path;
		st = cb->doc(&doc, cb->ctx);
	}
	return st;
}

int fmt_read(fmt_kind_t kind, const char *id, char *data, size_t len,
	     const fmt_callbacks_t *cb)
{
	if (kind == FMT_AUTO)
		kind = fmt_sniff(data, len);
	switch (kind) {
	case FMT_JSONL:
		return read_jsonl(id, data, len, cb);
	case FMT_TREC:
		return read_trec(id, data, len, cb);
	default:
		return read_txt(id, data, len, cb);
	}
}
