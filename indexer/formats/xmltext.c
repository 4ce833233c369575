/* What the readers of XML and HTML share (xmltext.h). */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/xmlerror.h>

#include "formats/xmltext.h"

void xt_init(xt_text_t *t, size_t max, int collapse)
{
	_naqib_buf_t empty = NAQIB_BUF_INIT;

	t->b = empty;
	t->max = max;
	t->capped = 0;
	t->collapse = collapse;
	t->space = 0;
}

void xt_free(xt_text_t *t)
{
	_naqib_buf_free(&t->b);
}

static int at_line_start(const xt_text_t *t)
{
	return !t->b.len || t->b.data[t->b.len - 1] == '\n';
}

/* Adds s[0..n), or what of it fits under the cap, cut at a character. */
static void put(xt_text_t *t, const char *s, size_t n)
{
	if (t->capped)
		return;
	if (t->b.len + n > t->max) {
		n = _naqib_utf8_cut(s, n, t->max - t->b.len);
		t->capped = 1;
	}
	_naqib_buf_add(&t->b, s, n);
}

static int blank(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

void xt_add(xt_text_t *t, const char *s, size_t n)
{
	size_t i = 0;

	if (!t->collapse) {
		/* Word and OpenDocument keep their spaces; a line starts at
		 * its first character, and a line break in the text is one. */
		while (i < n) {
			if (at_line_start(t))
				while (i < n && (s[i] == ' ' || s[i] == '\t'))
					i++;
			size_t j = i;
			while (j < n && s[j] != '\n' && s[j] != '\r')
				j++;
			put(t, s + i, j - i);
			if (j < n) {
				xt_line(t);
				j++;
			}
			i = j;
		}
		return;
	}
	while (i < n) {
		/* A run of white space (and U+00A0, which pages use as a
		 * space) is one space, none at the start of a line. */
		size_t j = i;
		while (j < n && (blank((unsigned char)s[j]) ||
				 (j + 1 < n && (unsigned char)s[j] == 0xC2 &&
				  (unsigned char)s[j + 1] == 0xA0))) {
			j += (unsigned char)s[j] == 0xC2 ? 2 : 1;
		}
		if (j > i) {
			t->space = 1;
			i = j;
			continue;
		}
		while (j < n && !blank((unsigned char)s[j]) &&
		       !(j + 1 < n && (unsigned char)s[j] == 0xC2 &&
			 (unsigned char)s[j + 1] == 0xA0))
			j++;
		if (t->space && !at_line_start(t))
			put(t, " ", 1);
		t->space = 0;
		put(t, s + i, j - i);
		i = j;
	}
}

void xt_addc(xt_text_t *t, char c, int start_too)
{
	if (!start_too && at_line_start(t))
		return;
	t->space = 0;
	put(t, &c, 1);
}

void xt_rtrim(xt_text_t *t)
{
	while (t->b.len && (t->b.data[t->b.len - 1] == ' ' ||
			    t->b.data[t->b.len - 1] == '\t'))
		t->b.data[--t->b.len] = '\0';
}

void xt_line(xt_text_t *t)
{
	xt_rtrim(t);
	t->space = 0;
	if (!at_line_start(t))
		put(t, "\n", 1);
}

int xt_has_words(const xt_text_t *t)
{
	for (size_t i = 0; i < t->b.len; i++)
		if (!blank((unsigned char)t->b.data[i]))
			return 1;
	return 0;
}

void xt_valid(xt_text_t *t)
{
	_naqib_buf_t v = NAQIB_BUF_INIT;

	if (!naqib_utf8_check(t->b.data, t->b.len, NULL))
		return;
	_naqib_buf_add_valid(&v, t->b.data, t->b.len);
	_naqib_buf_free(&t->b);
	t->b = v;
}

void xt_valid_str(char **s)
{
	_naqib_buf_t v = NAQIB_BUF_INIT;

	if (!*s || !naqib_utf8_check(*s, strlen(*s), NULL))
		return;
	_naqib_buf_add_valid(&v, *s, strlen(*s));
	free(*s);
	*s = _naqib_buf_detach(&v, NULL);
}

/* ---------------------------------------------------------------- libxml2 */

static void quiet(void *ctx, const char *msg, ...)
{
	(void)ctx;
	(void)msg;
}

static void quiet_structured(void *ctx, xmlErrorPtr e)
{
	(void)ctx;
	(void)e;
}

/* The first error of a parse, which says what went wrong (the last says
 * only where the parser gave up): kept in the buffer the context's
 * _private points at. */
typedef struct first_error {
	char *why;
	size_t n;
} first_error_t;

static void keep_first(void *ctx, xmlErrorPtr e)
{
	xmlParserCtxtPtr c = ctx;
	first_error_t *f = c ? c->_private : NULL;

	if (!f || f->why[0] || !e || !e->message ||
	    e->level < XML_ERR_ERROR)
		return;
	size_t m = strlen(e->message);
	while (m && e->message[m - 1] == '\n')
		m--;
	/* Advice to programmers, not to the one who reads the message. */
	const char *huge = strstr(e->message, " use XML_PARSE_HUGE option");
	if (huge && (size_t)(huge - e->message) < m)
		m = (size_t)(huge - e->message);
	snprintf(f->why, f->n, "line %d: %.*s", e->line, (int)m, e->message);
}

/* No file, no URL: a document's parts are all in its archive. */
static xmlParserInputPtr no_loader(const char *url, const char *id,
				   xmlParserCtxtPtr ctxt)
{
	(void)url;
	(void)id;
	(void)ctxt;
	return NULL;
}

void xt_setup(void)
{
	xmlSetGenericErrorFunc(NULL, quiet);
	xmlSetStructuredErrorFunc(NULL, quiet_structured);
	xmlSetExternalEntityLoader(no_loader);
}

xmlDocPtr xt_parse_xml(const char *data, size_t len, char *why, size_t n)
{
	xmlParserCtxtPtr c;
	xmlDocPtr doc = NULL;

	why[0] = '\0';
	if (len > (size_t)0x7fffffff) {
		snprintf(why, n, "too large");
		return NULL;
	}
	if (!(c = xmlNewParserCtxt())) {
		snprintf(why, n, "out of memory");
		return NULL;
	}
	first_error_t first = { why, n };
	c->_private = &first;
	c->sax->serror = keep_first;
	doc = xmlCtxtReadMemory(c, data, (int)len, NULL, NULL, XT_XML_OPTIONS);
	if (doc && !c->wellFormed) {
		xmlFreeDoc(doc);
		doc = NULL;
	}
	if (!doc && !why[0])
		snprintf(why, n, "not well-formed");
	if (doc)
		why[0] = '\0';
	xmlFreeParserCtxt(c);
	return doc;
}

void xt_walk(xmlNodePtr root, const xt_walk_ops_t *ops, void *ctx)
{
	xmlNodePtr n;

	if (!root)
		return;
	n = root->children;
	while (n) {
		int in = ops->enter(n, ctx);
		if (in && n->children && n->type != XML_ENTITY_REF_NODE &&
		    n->type != XML_ATTRIBUTE_NODE) {
			n = n->children;
			continue;
		}
		if (in && ops->leave)
			ops->leave(n, ctx);
		while (!n->next) {
			n = n->parent;
			if (!n || n == root)
				return;
			if (ops->leave)
				ops->leave(n, ctx);
		}
		n = n->next;
	}
}

int xt_is(xmlNodePtr n, const char *name)
{
	return n && n->type == XML_ELEMENT_NODE && n->name &&
	       !strcmp((const char *)n->name, name);
}

const char *xt_attr(xmlNodePtr n, const char *name)
{
	if (!n || n->type != XML_ELEMENT_NODE)
		return NULL;
	for (xmlAttrPtr a = n->properties; a; a = a->next)
		if (a->name && !strcmp((const char *)a->name, name)) {
			xmlNodePtr v = a->children;
			if (v && v->type == XML_TEXT_NODE && v->content)
				return (const char *)v->content;
			return "";
		}
	return NULL;
}

char *xt_clean(const char *s, size_t len, size_t max)
{
	xt_text_t t;

	xt_init(&t, max, 1);
	xt_add(&t, s, len);
	xt_rtrim(&t);
	if (!t.b.len) {
		xt_free(&t);
		return NULL;
	}
	return _naqib_buf_detach(&t.b, NULL);
}

typedef struct gather {
	xt_text_t t;
} gather_t;

static int gather_enter(xmlNodePtr n, void *ctx)
{
	gather_t *g = ctx;

	if ((n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) &&
	    n->content) {
		xt_add(&g->t, (const char *)n->content,
		       strlen((const char *)n->content));
	}
	return n->type == XML_ELEMENT_NODE;
}

char *xt_node_text(xmlNodePtr n, size_t max)
{
	static const xt_walk_ops_t ops = { gather_enter, NULL };
	gather_t g;

	if (!n)
		return NULL;
	xt_init(&g.t, max, 1);
	if (n->type == XML_TEXT_NODE && n->content)
		gather_enter(n, &g);
	else
		xt_walk(n, &ops, &g);
	xt_rtrim(&g.t);
	if (!g.t.b.len) {
		xt_free(&g.t);
		return NULL;
	}
	return _naqib_buf_detach(&g.t.b, NULL);
}

/* ---------------------------------------------------------------- dates */

static int digits(const char *s, int n, int *v)
{
	*v = 0;
	for (int i = 0; i < n; i++) {
		if (!isdigit((unsigned char)s[i]))
			return 0;
		*v = *v * 10 + (s[i] - '0');
	}
	return 1;
}

int xt_iso_date(const char *s, char out[32])
{
	int y, mo, d, h = 0, mi = 0, se = 0, zh = 0, zm = 0;
	char day[11];

	out[0] = '\0';
	if (!s)
		return 0;
	while (isspace((unsigned char)*s))
		s++;
	if (strnlen(s, 10) < 10 || !digits(s, 4, &y) || s[4] != '-' ||
	    !digits(s + 5, 2, &mo) || s[7] != '-' || !digits(s + 8, 2, &d))
		return 0;
	if (y < 1900 || naqib_date_normalize(s, day) != NAQIB_OK)
		return 0;
	const char *p = s + 10;
	if ((*p != 'T' && *p != ' ') || !digits(p + 1, 2, &h) || p[3] != ':' ||
	    !digits(p + 4, 2, &mi)) {
		memcpy(out, day, 11);
		return 1;
	}
	p += 6;
	if (*p == ':' && digits(p + 1, 2, &se))
		p += 3;
	if (*p == '.' || *p == ',')
		for (p++; isdigit((unsigned char)*p); p++)
			;
	char sign = '+';
	if (*p == 'Z' || *p == 'z') {
		/* UTC */
	} else if ((*p == '+' || *p == '-') && digits(p + 1, 2, &zh)) {
		sign = *p;
		p += 3;
		if (*p == ':')
			p++;
		if (!digits(p, 2, &zm))
			zm = 0;
	} else {
		/* A time without its zone (OpenDocument writes local time):
		 * the day only, as written. */
		memcpy(out, day, 11);
		return 1;
	}
	if (h > 23 || mi > 59 || se > 60 || zh > 14 || zm > 59) {
		memcpy(out, day, 11);
		return 1;
	}
	/* Every part is bounded above: 25 bytes. */
	snprintf(out, 32, "%.10sT%02u:%02u:%02u%c%02u:%02u", day,
		 (unsigned)h % 100, (unsigned)mi % 100, (unsigned)se % 100,
		 sign, (unsigned)zh % 100, (unsigned)zm % 100);
	return 1;
}
