/* JSON for programs: one object a result (JSON Lines in batch mode). */
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "outputs/outputs.h"

/* A JSON string of s, whose bytes that are not UTF-8, if any, become
 * U+FFFD: JSON takes UTF-8 only, and a string it refuses would fail the
 * whole output (a query id of a --queries file is anybody's bytes). */
static json_t *jstr(const char *s)
{
	json_t *j = json_string(s);

	if (j || !s)
		return j;
	_naqib_buf_t b = NAQIB_BUF_INIT;
	if (!_naqib_buf_add_valid(&b, s, strlen(s)))
		j = json_stringn(b.data, b.len);
	_naqib_buf_free(&b);
	return j;
}

/* Appends o on one line to b unless building it failed (err), and frees
 * it. */
static naqib_status_t emit(_naqib_buf_t *b, json_t *o, int err, size_t flags)
{
	char *s = err ? NULL : json_dumps(o, JSON_COMPACT | flags);
	naqib_status_t st = s ? _naqib_buf_adds(b, s) : NAQIB_E_NOMEM;

	if (!st)
		st = _naqib_buf_addc(b, '\n');
	free(s);
	json_decref(o);
	return st ? _naqib_fail(NAQIB_E_NOMEM, "out of memory") : NAQIB_OK;
}

static naqib_status_t render_json(_naqib_buf_t *b, const out_page_t *p)
{
	const out_result_t *r = p->result;
	json_t *o = json_object(), *hits = json_array();
	int err = !o || !hits;

	if (r->qid)
		err |= json_object_set_new(o, "qid", jstr(r->qid));
	err |= json_object_set_new(o, "query", jstr(r->query));
	err |= json_object_set_new(o, "estimated_matches",
				   json_integer(r->estimate));
	err |= json_object_set_new(o, "matches_exact",
				   json_boolean(r->exact));
	err |= json_object_set_new(o, "offset", json_integer(r->offset));
	err |= json_object_set_new(o, "limit", json_integer(r->limit));
	err |= json_object_set_new(o, "seconds", json_real(r->seconds));
	if (r->suggestion)
		err |= json_object_set_new(o, "suggestion",
					   jstr(r->suggestion));
	/* What the query left out (a long query, a wide wildcard), and a
	 * search that stopped before its end. */
	const char *n = r->q ? naqib_query_notes(r->q) : "";
	if (*n || r->stopped) {
		json_t *notes = json_array();
		err |= json_object_set_new(o, "notes", notes);
		for (const char *eol; !err && (eol = strchr(n, '\n')); n = eol + 1)
			err |= json_array_append_new(
				notes, json_stringn(n, (size_t)(eol - n)));
		if (r->stopped)
			err |= json_array_append_new(notes,
						     jstr(r->stop_note));
	}
	if (r->stopped)
		err |= json_object_set_new(o, "stopped", json_true());
	for (size_t i = 0; i < r->n && !err; i++) {
		const out_hit_t *h = &r->hits[i];
		json_t *j = json_object();
		if (!j) {
			err = 1;
			break;
		}
		err |= json_object_set_new(j, "rank", json_integer(h->rank));
		err |= json_object_set_new(j, "score", json_real(h->score));
		err |= json_object_set_new(j, "id", jstr(h->rec.id));
		err |= json_object_set_new(j, "title", jstr(h->rec.title));
		err |= json_object_set_new(j, "date", jstr(h->rec.date));
		err |= json_object_set_new(j, "source", jstr(h->rec.source));
		err |= json_object_set_new(j, "url", jstr(h->rec.url));
		err |= json_object_set_new(j, "path", jstr(h->rec.path));
		/* Where the text came from: every key in every hit, so that
		 * a script reads .format or .ocr_confidence without asking
		 * first whether it is there; "" and null for what the
		 * document does not say (a .txt file says none of it). */
		err |= json_object_set_new(j, "author", jstr(h->rec.author));
		err |= json_object_set_new(j, "format", jstr(h->rec.format));
		err |= json_object_set_new(j, "parent", jstr(h->rec.parent));
		err |= json_object_set_new(j, "pages",
					   h->rec.pages
						   ? json_integer(h->rec.pages)
						   : json_null());
		err |= json_object_set_new(
			j, "ocr_confidence",
			h->rec.flags & NAQIB_RECORD_OCR
				? json_integer(h->rec.ocr_confidence)
				: json_null());
		err |= json_object_set_new(
			j, "title_from_text",
			json_boolean(h->rec.flags &
				     NAQIB_RECORD_TITLE_FROM_TEXT));
		/* The copies of its text collapsed into it, by id: [] when
		 * there are none or collapsing is off. */
		json_t *copies = json_array();
		err |= !copies || json_object_set_new(j, "copies", copies);
		for (size_t k = 0; !err && k < h->n_copies; k++)
			err |= json_array_append_new(copies,
						     jstr(h->copies[k]));
		if (h->snippet) {
			const naqib_snippet_t *s = h->snippet;
			json_t *marks = json_array();
			char *html = out_snippet_html(s);
			err |= !marks || !html;
			for (size_t m = 0; m < s->n_marks && !err; m++) {
				size_t a = _naqib_utf8_count(s->text, s->marks[2 * m]);
				size_t b = a + _naqib_utf8_count(s->text + s->marks[2 * m],
						   s->marks[2 * m + 1] -
							   s->marks[2 * m]);
				err |= json_array_append_new(
					marks, json_pack("[II]", (json_int_t)a,
							 (json_int_t)b));
			}
			err |= json_object_set_new(j, "snippet",
						   jstr(s->text));
			err |= json_object_set_new(j, "snippet_html",
						   jstr(html ? html : ""));
			err |= json_object_set_new(j, "highlights", marks);
			err |= json_object_set_new(j, "snippet_cut_start",
						   json_boolean(s->cut_start));
			err |= json_object_set_new(j, "snippet_cut_end",
						   json_boolean(s->cut_end));
			free(html);
		}
		if (h->why) {
			json_t *why = json_array();
			err |= !why;
			for (size_t k = 0; k < h->n_why && !err; k++) {
				const out_why_t *y = &h->why[k];
				naqib_query_word_t qw = { "", "", "", 0, "" };
				if (y->word != (size_t)-1)
					naqib_query_word(r->q, y->word, &qw);
				err |= json_array_append_new(
					why, json_pack("{s:s,s:s,s:s,s:s,s:i}",
						       "query", qw.typed, "form",
						       y->form, "how",
						       naqib_match_name(y->how),
						       "detail",
						       y->how == NAQIB_MATCH_STEM
							       ? qw.stem
							       : qw.detail,
						       "count", (int)y->count));
			}
			err |= json_object_set_new(j, "explain", why);
		}
		err |= json_array_append_new(hits, j);
	}
	err |= json_object_set_new(o, "hits", hits);
	if (r->facets && !err) {
		json_t *facets = json_object();
		err |= !facets;
		for (int k = 0; k < NAQIB_FACETS && !err; k++) {
			json_t *list = json_array();
			err |= !list;
			size_t n = naqib_mset_facet_size(r->mset, k);
			for (size_t i = 0; i < n && !err; i++) {
				const char *v;
				unsigned c;
				naqib_mset_facet(r->mset, k, i, &v, &c);
				err |= json_array_append_new(
					list, json_pack("{s:s,s:i}", "value", v,
							"count", (int)c));
			}
			err |= json_object_set_new(facets, naqib_facet_name(k),
						   list);
		}
		err |= json_object_set_new(o, "facets", facets);
		err |= json_object_set_new(
			o, "facets_exact",
			json_boolean(naqib_mset_facets_exact(r->mset)));
	}
	return emit(b, o, err, JSON_REAL_PRECISION(6));
}

/* A web error: {"error":"..."}. */
static naqib_status_t render_error(_naqib_buf_t *b, const out_page_t *p)
{
	json_t *o = json_pack("{s:s}", "error", *p->error ? p->error
							   : p->error_title);

	return emit(b, o, !o, 0);
}

const out_format_t out_json = {
	"json", "for programs: an object a query, on one line",
	"application/json", NULL,
	OUT_CLI | OUT_WEB | OUT_SNIPPETS | OUT_EXPLAIN | OUT_FACETS |
		OUT_SUGGEST,
	render_json, render_error,
};

