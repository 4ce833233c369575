/* The HTML search page of naqib.cgi. */
#ifndef NAQIB_HTML_H
#define NAQIB_HTML_H

#include "output.h"

typedef struct html_page {
	const char *query;          /* as typed; "" for the empty form */
	const out_result_t *result; /* NULL: no search was run */
	const char *error_title;    /* with error: what went wrong, in Arabic */
	const char *error;          /* a detail, or "": shown instead of hits */
	unsigned page, limit;
	int sort;                   /* NAQIB_SORT_* */
} html_page_t;

/* Renders the whole page into b (a _naqib_buf_t). */
struct _naqib_buf;
int html_render(struct _naqib_buf *b, const html_page_t *p);

#endif
