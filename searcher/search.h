/* One search, from the query text to the hits with their records and
 * snippets: the code naqib-search and naqib.cgi share. */
#ifndef NAQIB_SEARCH_H
#define NAQIB_SEARCH_H

#include "naqib.h"
#include "outputs/outputs.h"

typedef struct search_request {
	const char *query;      /* as typed */
	const char *qid;        /* NULL outside batch mode */
	naqib_query_options_t qopts; /* the bounds on its wildcards */
	naqib_search_options_t opts; /* the page, the ranking, the facets */
	unsigned snippet_chars; /* 0: no snippets */
	int show_query;         /* print the parsed query on stderr */
	int explain;            /* say why each hit matches */
	int suggest;            /* "did you mean" when there are few hits */
	int notes;              /* say on stderr what the query left out */
} search_request_t;

typedef struct search_result {
	out_result_t out;       /* what the output formats render */
	naqib_query_t *query;   /* owns what out points into */
	naqib_mset_t *mset;
} search_result_t;

/* Runs a search.  On success r holds the page of hits (free it with
 * search_result_free()); on failure a library status is returned, r is
 * empty and naqib_last_error() says why. */
int search_run(naqib_db_t *db, naqib_analyzer_t *an,
	       const search_request_t *req, search_result_t *r);

void search_result_free(search_result_t *r);

/* A search with fewer hits than this gets a "did you mean". */
#define SEARCH_FEW_HITS 3

#endif
