/* Rendering result sets for people (text) and programs (JSON, TREC run). */
#ifndef NAQIB_OUTPUT_H
#define NAQIB_OUTPUT_H

#include <stdio.h>

#include "naqib.h"

/* One line of --explain: a query word, a form of the hit that matches it,
 * how, and how many times. */
typedef struct out_why {
	size_t word;        /* naqib_query_word() index, or (size_t)-1 */
	int how;            /* NAQIB_MATCH_* */
	char *form;         /* the words of the hit as written (malloc'd) */
	unsigned count;
} out_why_t;

typedef struct out_hit {
	unsigned rank;
	double score;
	naqib_record_t rec;
	naqib_snippet_t *snippet; /* NULL when snippets are off */
	out_why_t *why;           /* --explain; NULL when off */
	size_t n_why, why_cap;
} out_hit_t;

typedef struct out_result {
	const char *qid;        /* batch mode: the query's id */
	const char *query;      /* as typed */
	unsigned estimate;      /* matching documents, estimated */
	unsigned offset, limit;
	size_t n;
	out_hit_t *hits;
	double seconds;
	const naqib_query_t *q;     /* the words, for --explain */
	const naqib_mset_t *mset;   /* the facets, when asked for */
	int facets;
	char *suggestion;           /* "did you mean", or NULL */
} out_result_t;

/* Text for a terminal or a pager.  color: matches in ANSI bold colour, else
 * between ** markers. */
void out_text(FILE *f, const out_result_t *r, int color);

/* One JSON object on one line (JSON Lines in batch mode). */
int out_json(FILE *f, const out_result_t *r);

/* Appends s[0..n) to b with & < > " ' escaped for HTML. */
struct _naqib_buf;
int out_html_escape(struct _naqib_buf *b, const char *s, size_t n);

/* The snippet as HTML: escaped, matches in <mark>, ellipses at cuts.
 * Caller frees; NULL when out of memory. */
char *out_snippet_html(const naqib_snippet_t *s);

/* TREC run lines: QID Q0 DOCID RANK SCORE TAG. */
void out_trec(FILE *f, const out_result_t *r, const char *tag);

#endif
