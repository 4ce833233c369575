/* What the readers of XML and HTML share (xmltext.c; office.c, html.c):
 * libxml2 set up so that it never prints, never fetches anything and never
 * expands an entity into the tree; a walk over a tree that needs no stack
 * (the depth of a tree is the file's to choose); a text built line by line
 * up to a cap; the dates of metadata. */
#ifndef NAQIB_FORMATS_XMLTEXT_H
#define NAQIB_FORMATS_XMLTEXT_H

#include <stddef.h>

#include <libxml/tree.h>

#include "util/util.h"

/* The most text a document keeps (naqib-index cuts it further to
 * --max-doc-size): a file whose text goes on is read up to here. */
#define XT_TEXT_MAX (16u << 20)

/* A text being built.  White space at the start of a line is dropped, and
 * so are empty lines: xt_line() ends a line only when there is one. */
typedef struct xt_text {
	_naqib_buf_t b;
	size_t max;	/* bytes kept at most */
	int capped;	/* some text was left out for max */
	int collapse;	/* HTML: a run of white space is one space */
	int space;	/* collapse: a space is due before the next word */
} xt_text_t;

void xt_init(xt_text_t *t, size_t max, int collapse);
void xt_free(xt_text_t *t);
/* Text s[0..n) (valid UTF-8, as libxml2 gives it). */
void xt_add(xt_text_t *t, const char *s, size_t n);
/* One character as it is (a tab between two cells): dropped at the start
 * of a line only when start_too is 0. */
void xt_addc(xt_text_t *t, char c, int start_too);
/* Ends the line (its trailing blanks dropped), unless at a line's start. */
void xt_line(xt_text_t *t);
/* Drops the blanks (spaces, tabs) at the end of the text. */
void xt_rtrim(xt_text_t *t);
/* Whether the text has a character other than white space. */
int xt_has_words(const xt_text_t *t);

/* Makes the text valid UTF-8, each byte that is not as U+FFFD (libxml2
 * gives valid text: this makes sure of it); *s likewise (a malloc'd string
 * or NULL). */
void xt_valid(xt_text_t *t);
void xt_valid_str(char **s);

/* The parser options of every XML part: no network, no messages, no
 * entity substitution (XML_PARSE_NOENT is the billion laughs), no
 * XML_PARSE_HUGE (libxml2's limits on depth and entity amplification
 * stay on), no DTD loaded. */
#define XT_XML_OPTIONS (XML_PARSE_NONET | XML_PARSE_NOERROR | \
			XML_PARSE_NOWARNING | XML_PARSE_NOCDATA)

/* Makes libxml2 quiet and unable to load an external entity or DTD, in
 * this thread (each reader calls it before parsing). */
void xt_setup(void);

/* Parses an XML part.  NULL when it is not well-formed: why[0..n) says
 * where and why. */
xmlDocPtr xt_parse_xml(const char *data, size_t len, char *why, size_t n);

/* A walk over the tree under root, in document order, without recursion.
 * enter() is called for every node (elements, text and the rest): 0 skips
 * the node and what is under it (leave() is not called), 1 goes on into
 * its children, then leave().  An entity reference is never gone into:
 * its content would be the entity's (the billion laughs). */
typedef struct xt_walk_ops {
	int (*enter)(xmlNodePtr n, void *ctx);
	void (*leave)(xmlNodePtr n, void *ctx);
} xt_walk_ops_t;

void xt_walk(xmlNodePtr root, const xt_walk_ops_t *ops, void *ctx);

/* The local name of an element (without its prefix) is name. */
int xt_is(xmlNodePtr n, const char *name);

/* The value of the attribute of n whose local name is name, in whatever
 * namespace, as its first text (owned by the tree); NULL if none. */
const char *xt_attr(xmlNodePtr n, const char *name);

/* The text under n (its text nodes only, entity references left out),
 * white space collapsed, trimmed, at most max bytes (cut at a
 * character): malloc'd, or NULL when empty (or on no memory). */
char *xt_node_text(xmlNodePtr n, size_t max);

/* s (collapsed, trimmed, at most max bytes) as a malloc'd string, or NULL
 * when empty. */
char *xt_clean(const char *s, size_t len, size_t max);

/* A date of metadata (ISO 8601 / W3C: 2025-10-14, 2025-10-14T09:30:00Z,
 * 2025-10-14T09:30:00.5+01:00) as the records take it: YYYY-MM-DD, or
 * YYYY-MM-DDTHH:MM:SS+hh:mm when a time and its zone are given.  0 and
 * out "" when it is no such date, or a year before 1900 (1601-01-01 is
 * what Windows writes for "none"). */
int xt_iso_date(const char *s, char out[32]);

#endif
