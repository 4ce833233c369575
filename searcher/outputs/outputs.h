/* The output formats of naqib-search and naqib.cgi, in one table
 * (registry.c): a format is a file of its own here and a row of the table,
 * with its name, its media type on the web, where it is offered (-f,
 * format=), what the search computes for it (snippets, facets, the
 * explanations, "did you mean") and the function that renders a page of
 * results into a buffer.  --help, --list format, the CGI's parameter, its
 * response headers, the fuzzers and the tests read the table. */
#ifndef NAQIB_OUTPUTS_H
#define NAQIB_OUTPUTS_H

#include "naqib.h"
#include "util/util.h"

/* One line of --explain: a query word, a form of the hit that matches it,
 * how, and how many times. */
typedef struct out_why {
	size_t word;        /* naqib_query_word() index, or (size_t)-1 */
	int how;            /* NAQIB_MATCH_* */
	char *form;         /* the words of the hit as written (malloc'd) */
	unsigned count;
} out_why_t;

/* The text fields of a record search.c may have to remake. */
#define OUT_OWN 9

typedef struct out_hit {
	unsigned rank;
	double score;
	naqib_record_t rec;       /* its id, path and parent are ids of
				     today, every field UTF-8 (search.c) */
	char *own[OUT_OWN];       /* the fields search.c had to remake */
	naqib_snippet_t *snippet; /* NULL when snippets are off */
	out_why_t *why;           /* --explain; NULL when off */
	size_t n_why, why_cap;
	const char **copies;      /* the ids of the copies of its text
				     collapsed into it (owned by the mset;
				     the array malloc'd), NULL: none */
	size_t n_copies;
} out_hit_t;

typedef struct out_result {
	const char *qid;        /* batch mode: the query's id */
	const char *query;      /* as typed */
	unsigned estimate;      /* matching documents, estimated */
	int exact;              /* estimate is the count of every match */
	unsigned offset, limit;
	size_t n;
	out_hit_t *hits;
	double seconds;
	const naqib_query_t *q;     /* the words, for --explain */
	const naqib_mset_t *mset;   /* the facets, when asked for */
	int facets;
	char *suggestion;           /* "did you mean", or NULL */
	int stopped;                /* naqib_mset_stopped() */
	char stop_note[160];        /* what that means, a sentence; "" */
} out_result_t;

/* What a format renders: a page of results, or of the web's empty form
 * or error, with what the front end knows of it. */
typedef struct out_page {
	const out_result_t *result; /* NULL: no search was run */
	const char *query;          /* as typed; "" for the empty form */
	const char *error_title;    /* web: what went wrong, in Arabic */
	const char *error;          /* web: a detail, or "": shown instead of
				       hits (NULL: no error) */
	unsigned page, limit;       /* web: this page of results */
	int sort;                   /* NAQIB_SORT_* */
	int color;                  /* text: matches in ANSI colour, else
				       between ** markers */
	const char *tag;            /* trec: the last column */
	int first;                  /* the first result of the output (the
				       first query of a batch) */
	int batch;                  /* results of --queries, with their ids */
} out_page_t;

/* Where a format is offered, and what the search computes for it. */
#define OUT_CLI           0x01u /* naqib-search -f NAME */
#define OUT_WEB           0x02u /* naqib.cgi format=NAME */
#define OUT_SNIPPETS      0x04u /* shows snippets */
#define OUT_EXPLAIN       0x08u /* shows --explain */
#define OUT_FACETS        0x10u /* shows facets when asked for */
#define OUT_FACETS_ALWAYS 0x20u /* shows facets always */
#define OUT_SUGGEST       0x40u /* says "did you mean" */
#define OUT_FORM          0x80u /* web: a request without a query gets the
				   empty form (else a 400) */

typedef struct out_format {
	const char *name;
	const char *description; /* a line for --list format */
	const char *mime;        /* Content-Type on the web */
	const char *extension;   /* a download's file name ending (the web
				    offers it as a file); NULL: inline */
	unsigned flags;          /* OUT_* */
	/* Appends the page to b.  Returns 0 or a status. */
	naqib_status_t (*render)(_naqib_buf_t *b, const out_page_t *p);
	/* Web: appends the error of p (p->error set) in this format; NULL:
	 * the front end answers in plain text. */
	naqib_status_t (*error)(_naqib_buf_t *b, const out_page_t *p);
} out_format_t;

/* The table's i-th format, NULL past the last. */
const out_format_t *out_at(size_t i);

/* The format named name offered where (OUT_CLI or OUT_WEB), or NULL. */
const out_format_t *out_named(const char *name, unsigned where);

/* The names of the formats offered on the command line, and on the web,
 * for --list format, --help and messages. */
const char *out_cli_item(size_t i, const char **description);
const char *out_web_item(size_t i, const char **description);

/* ---------------------------------------------------------------- helpers */

/* Appends s[0..n) to b with & < > " ' escaped for HTML. */
naqib_status_t out_html_escape(_naqib_buf_t *b, const char *s, size_t n);

/* Appends snippet s to b, as every format shows one: "… " where it is cut
 * at the start, its text through put (out_html_escape for HTML,
 * _naqib_buf_add for text as it is) with each match between on and off,
 * " …" where it is cut at the end.  Returns 0 or a status. */
naqib_status_t out_snippet(_naqib_buf_t *b, const naqib_snippet_t *s,
			   const char *on, const char *off,
			   naqib_status_t (*put)(_naqib_buf_t *, const char *,
						 size_t));

/* The snippet as HTML: escaped, matches in <mark>, ellipses at cuts.
 * Caller frees; NULL when out of memory. */
char *out_snippet_html(const naqib_snippet_t *s);

/* What a reader calls the format a record's text was extracted from
 * (naqib_record_t.format): "PDF", "e-mail", ... in English, or in Arabic
 * for the search page; a format of no row of the table upper-cased into
 * buf (of n bytes).  "" for text that came as text. */
const char *out_format_label(const char *format, int arabic, char *buf,
			     size_t n);

/* Whether the record's text came from a format of its own, or has a
 * provenance to tell (author, pages, OCR, parent, a title made from the
 * text): a hit of a .txt file has none, and shows as it always did. */
int out_has_origin(const naqib_record_t *rec);

/* Appends the query that finds the document of this id, id:«ID» (quoted
 * with what it does not hold), to b.  Returns 0 or a status. */
naqib_status_t out_id_query(_naqib_buf_t *b, const char *id);

#endif
