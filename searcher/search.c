/* One search, shared by naqib-search and naqib.cgi. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "internal.h"
#include "search.h"

void search_result_free(search_result_t *r)
{
	for (size_t i = 0; r->out.hits && i < r->out.n; i++)
		naqib_snippet_destroy(r->out.hits[i].snippet);
	free(r->out.hits);
	naqib_mset_destroy(r->mset);
	naqib_query_destroy(r->query);
	memset(r, 0, sizeof *r);
}

int search_run(naqib_db_t *db, naqib_analyzer_t *an,
	       const search_request_t *req, search_result_t *r)
{
	double t0 = cli_now();
	int st;

	memset(r, 0, sizeof *r);
	if ((st = naqib_query_parse(db, an, req->query, &r->query)))
		return st;
	if (req->show_query)
		fprintf(stderr, "%s: %s%squery: %s\n", cli_prog,
			req->qid ? req->qid : "", req->qid ? ": " : "",
			naqib_query_description(r->query));
	naqib_search_options_t o = { req->offset, req->limit, req->k1, req->b };
	if ((st = naqib_db_search(db, r->query, &o, &r->mset)))
		goto fail;
	out_result_t *out = &r->out;
	out->qid = req->qid;
	out->query = req->query;
	out->estimate = naqib_mset_estimate(r->mset);
	out->offset = req->offset;
	out->limit = req->limit;
	out->n = naqib_mset_size(r->mset);
	if (!(out->hits = calloc(out->n + 1, sizeof *out->hits))) {
		st = _naqib_fail(NAQIB_E_NOMEM, "out of memory");
		goto fail;
	}
	for (size_t i = 0; i < out->n; i++) {
		out_hit_t *h = &out->hits[i];
		naqib_hit_t hit;
		if ((st = naqib_mset_hit(r->mset, i, &hit)) ||
		    (st = naqib_record_decode(hit.data, hit.data_len, &h->rec)))
			goto fail;
		h->rank = hit.rank;
		h->score = hit.score;
		if (req->snippet_chars &&
		    (st = naqib_snippet_make(an, r->query, h->rec.body,
					     strlen(h->rec.body),
					     req->snippet_chars, &h->snippet)))
			goto fail;
	}
	out->seconds = cli_now() - t0;
	return NAQIB_OK;
fail:
	search_result_free(r);
	return st;
}
