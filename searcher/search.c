/* One search, shared by naqib-search and naqib.cgi. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "internal.h"
#include "search.h"

void search_result_free(search_result_t *r)
{
	for (size_t i = 0; r->out.hits && i < r->out.n; i++) {
		naqib_snippet_destroy(r->out.hits[i].snippet);
		for (size_t k = 0; k < r->out.hits[i].n_why; k++)
			free(r->out.hits[i].why[k].form);
		free(r->out.hits[i].why);
		free(r->out.hits[i].copies);
		for (size_t k = 0; k < OUT_OWN; k++)
			free(r->out.hits[i].own[k]);
	}
	free(r->out.hits);
	free(r->out.suggestion);
	naqib_mset_destroy(r->mset);
	naqib_query_destroy(r->query);
	memset(r, 0, sizeof *r);
}

/* The record of hit h as every output can show it.  A document of an
 * index made before ids were escaped may have an id and a path that are
 * no ids of today (bytes that are not UTF-8, a tab): they are shown as the
 * id their name has now, which --delete finds them by (an attachment's
 * parent, the id of its message, likewise).  Any other field that is not
 * UTF-8 (none that naqib-index writes) has U+FFFD for each bad byte. */
static int displayable(out_hit_t *h)
{
	naqib_record_t *r = &h->rec;
	const char **ids[] = { &r->id, &r->path, &r->parent };
	const char **text[] = { &r->title,  &r->date,   &r->url,
				&r->source, &r->author, &r->format };
	size_t own = 0;
	int st;

	for (size_t i = 0; i < sizeof ids / sizeof *ids; i++) {
		if (!**ids[i])
			continue;
		char *id;
		if ((st = naqib_id_parse(*ids[i], &id)))
			return st;
		if (strcmp(id, *ids[i]) != 0) {
			free(id);
			if ((st = naqib_id_from_bytes(*ids[i], strlen(*ids[i]),
						      &id)))
				return st;
			*ids[i] = h->own[own++] = id;
		} else {
			free(id);
		}
	}
	for (size_t i = 0; i < sizeof text / sizeof *text; i++) {
		size_t n = strlen(*text[i]);
		if (_naqib_utf8_valid_len(*text[i], n) == n)
			continue;
		_naqib_buf_t b = NAQIB_BUF_INIT;
		char *s;
		if ((st = _naqib_buf_finish(&b, _naqib_buf_add_valid(&b, *text[i], n),
					    &s, NULL)))
			return st;
		*text[i] = h->own[own++] = s;
	}
	return NAQIB_OK;
}

/* Adds the matches of one field of a hit to its explanation, one line per
 * (query word, form, how). */
static int explain_text(naqib_analyzer_t *an, const naqib_query_t *q,
			const char *text, out_hit_t *h)
{
	const naqib_token_t *t;
	naqib_match_t *m = NULL;
	size_t n, nm, len = strlen(text);
	int st;

	if ((st = naqib_analyze(an, text, len, &t, &n)) ||
	    (st = naqib_query_matches(q, an, text, len, t, n, &m, &nm)))
		return st;
	for (size_t i = 0; i < nm && !st; i++) {
		const char *form = text + t[m[i].first].start;
		size_t flen = t[m[i].last - 1].end - t[m[i].first].start, k;
		for (k = 0; k < h->n_why; k++) {
			out_why_t *w = &h->why[k];
			if (w->word == m[i].word && w->how == m[i].how &&
			    strlen(w->form) == flen &&
			    memcmp(w->form, form, flen) == 0) {
				w->count++;
				break;
			}
		}
		if (k < h->n_why)
			continue;
		char *f = strndup(form, flen);
		if (!f || (st = NAQIB_GROW(h->why, h->why_cap, h->n_why + 1))) {
			free(f);
			st = _naqib_fail(NAQIB_E_NOMEM, "out of memory");
			break;
		}
		h->why[h->n_why++] = (out_why_t){ m[i].word, m[i].how, f, 1 };
	}
	free(m);
	return st;
}

/* A date of the query that is the day the hit is dated: one line more,
 * with the date as the hit gives it («date ← 2025-10-14 (document
 * date)»), whether the text writes it or not. */
static int explain_date(const naqib_query_t *q, out_hit_t *h)
{
	const char *date = h->rec.date;
	naqib_query_word_t w;

	if (!date || strlen(date) < 10)
		return NAQIB_OK;
	for (size_t i = 0; i < naqib_query_word_count(q); i++) {
		if (naqib_query_word(q, i, &w) || w.kind != 'd')
			continue;
		/* Its days (YYYY-MM-DD) or month (YYYY-MM), a space
		 * between two. */
		int dated = 0;
		for (const char *d = w.detail; *d && !dated;) {
			size_t l = strcspn(d, " ");
			dated = (l == 10 || l == 7) && !strncmp(d, date, l);
			d += l + (d[l] == ' ');
		}
		if (!dated)
			continue;
		char *f = strndup(date, 10);
		if (!f || NAQIB_GROW(h->why, h->why_cap, h->n_why + 1)) {
			free(f);
			return _naqib_fail(NAQIB_E_NOMEM, "out of memory");
		}
		h->why[h->n_why++] = (out_why_t){ i, NAQIB_MATCH_DOC_DATE, f, 1 };
	}
	return NAQIB_OK;
}

int search_run(naqib_db_t *db, naqib_analyzer_t *an,
	       const search_request_t *req, search_result_t *r)
{
	double t0 = cli_now();
	int st;

	memset(r, 0, sizeof *r);
	/* --like without a query: nothing selects, and there are no query
	 * words to show or explain. */
	if ((!req->opts.like || req->query[strspn(req->query, " \t\n")]) &&
	    (st = naqib_query_parse_opts(db, an, req->query, &req->qopts,
					 &r->query)))
		return st;
	if (req->show_query && r->query)
		fprintf(stderr, "%s: %s%squery: %s\n", cli_prog,
			req->qid ? req->qid : "", req->qid ? ": " : "",
			r->query ? naqib_query_description(r->query) : "");
	for (const char *n = r->query ? naqib_query_notes(r->query) : "";
	     req->notes && *n;) {
		const char *eol = strchrnul(n, '\n');
		fprintf(stderr, "%s: %s%snote: %.*s\n", cli_prog,
			req->qid ? req->qid : "", req->qid ? ": " : "",
			(int)(eol - n), n);
		n = *eol ? eol + 1 : eol;
	}
	if ((st = naqib_db_search(db, r->query, &req->opts, &r->mset)))
		goto fail;
	if (req->show_query && *naqib_mset_expansion(r->mset))
		fprintf(stderr, "%s: %s%s%s: %s\n", cli_prog,
			req->qid ? req->qid : "", req->qid ? ": " : "",
			req->opts.like ? "like" : "feedback",
			naqib_mset_expansion(r->mset));
	out_result_t *out = &r->out;
	if ((out->stopped = naqib_mset_stopped(r->mset))) {
		if (out->stopped == NAQIB_STOPPED_TIME)
			snprintf(out->stop_note, sizeof out->stop_note,
				 "the search stopped at its time limit (%g s): "
				 "the hits are the best of the documents it "
				 "looked at",
				 req->opts.time_limit);
		else
			snprintf(out->stop_note, sizeof out->stop_note,
				 "the search was stopped: the hits are the "
				 "best of the documents it looked at");
		if (req->notes)
			fprintf(stderr, "%s: %s%snote: %s\n", cli_prog,
				req->qid ? req->qid : "",
				req->qid ? ": " : "", out->stop_note);
	}
	out->qid = req->qid;
	out->query = req->query;
	out->estimate = naqib_mset_estimate(r->mset);
	out->exact = naqib_mset_estimate_exact(r->mset);
	out->offset = req->opts.offset;
	out->limit = req->opts.limit;
	out->n = naqib_mset_size(r->mset);
	out->q = r->query;
	out->mset = r->mset;
	out->facets = req->opts.facets > 0;
	if (!(out->hits = calloc(out->n + 1, sizeof *out->hits))) {
		st = _naqib_fail(NAQIB_E_NOMEM, "out of memory");
		goto fail;
	}
	for (size_t i = 0; i < out->n; i++) {
		out_hit_t *h = &out->hits[i];
		naqib_hit_t hit;
		if ((st = naqib_mset_hit(r->mset, i, &hit)) ||
		    (st = naqib_record_decode(hit.data, hit.data_len, &h->rec)) ||
		    (st = displayable(h)))
			goto fail;
		h->rank = hit.rank;
		h->score = hit.score;
		if (hit.copies &&
		    !(h->copies = calloc(hit.copies, sizeof *h->copies))) {
			st = _naqib_fail(NAQIB_E_NOMEM, "out of memory");
			goto fail;
		}
		for (size_t k = 0; k < hit.copies; k++)
			if ((st = naqib_mset_copy(r->mset, i, k,
						  &h->copies[h->n_copies++])))
				goto fail;
		if (req->snippet_chars &&
		    (st = naqib_snippet_make(an, r->query, h->rec.body,
					     strlen(h->rec.body),
					     req->snippet_chars, &h->snippet)))
			goto fail;
		/* A title made from the text is its first sentence, whose
		 * matches the body's give already (and the index did not
		 * take it). */
		if (req->explain && r->query &&
		    ((!(h->rec.flags & NAQIB_RECORD_TITLE_FROM_TEXT) &&
		      (st = explain_text(an, r->query, h->rec.title, h))) ||
		     (st = explain_text(an, r->query, h->rec.body, h)) ||
		     (st = explain_date(r->query, h))))
			goto fail;
	}
	if (req->suggest && r->query && req->opts.offset == 0 &&
	    naqib_mset_estimate(r->mset) < SEARCH_FEW_HITS) {
		st = naqib_query_suggest(db, an, r->query, &out->suggestion);
		if (st && st != NAQIB_E_NOT_FOUND)
			goto fail;
		st = NAQIB_OK;
	}
	out->seconds = cli_now() - t0;
	return NAQIB_OK;
fail:
	search_result_free(r);
	return st;
}
