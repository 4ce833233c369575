/* Output formats of naqib-search. */
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "internal.h"
#include "output.h"

#define ANSI_MATCH "\033[1;31m"
#define ANSI_TITLE "\033[1m"
#define ANSI_DIM "\033[2m"
#define ANSI_OFF "\033[0m"

static void put_snippet(FILE *f, const naqib_snippet_t *s, const char *on,
			const char *off)
{
	size_t pos = 0;

	if (s->cut_start)
		fputs("… ", f);
	for (size_t m = 0; m < s->n_marks; m++) {
		size_t a = s->marks[2 * m], b = s->marks[2 * m + 1];
		fwrite(s->text + pos, 1, a - pos, f);
		fputs(on, f);
		fwrite(s->text + a, 1, b - a, f);
		fputs(off, f);
		pos = b;
	}
	fwrite(s->text + pos, 1, s->len - pos, f);
	if (s->cut_end)
		fputs(" …", f);
}

/* Whether query words a and b were typed the same (a domain term is one
 * word for its stems and one for its synonyms). */
static int same_typed(const naqib_query_t *q, size_t a, size_t b)
{
	naqib_query_word_t x, y;

	if (a == b)
		return 1;
	if (a == (size_t)-1 || b == (size_t)-1 || naqib_query_word(q, a, &x) ||
	    naqib_query_word(q, b, &y))
		return 0;
	return strcmp(x.typed, y.typed) == 0;
}

/* The --explain lines of a hit: one per word of the query, with each form
 * that matched it. */
static void put_why(FILE *f, const out_result_t *r, const out_hit_t *h,
		    const char *dim, const char *off)
{
	size_t words = naqib_query_word_count(r->q);

	for (size_t w = 0; w <= words; w++) {
		size_t id = w < words ? w : (size_t)-1, e;
		for (e = 0; e < w && !same_typed(r->q, e, id); e++)
			;
		if (e < w)
			continue; /* shown with the first word typed alike */
		int first = 1;
		for (size_t k = 0; k < h->n_why; k++) {
			const out_why_t *y = &h->why[k];
			naqib_query_word_t qw;
			if (!same_typed(r->q, y->word, id))
				continue;
			if (first) {
				if (w < words && !naqib_query_word(r->q, w, &qw))
					fprintf(f, "   %s%s ←%s ", dim, qw.typed,
						off);
				else
					fprintf(f, "   %s(wildcard) ←%s ", dim,
						off);
			} else {
				fputs(", ", f);
			}
			first = 0;
			fprintf(f, "%s %s(%s", y->form, dim,
				naqib_match_name(y->how));
			if (y->how == NAQIB_MATCH_THESAURUS ||
			    y->how == NAQIB_MATCH_DATE) {
				if (!naqib_query_word(r->q, y->word, &qw))
					fprintf(f, " %s", qw.detail);
			} else if (y->how == NAQIB_MATCH_STEM &&
				   !naqib_query_word(r->q, y->word, &qw)) {
				fprintf(f, " %s", qw.stem);
			}
			fprintf(f, ")%s", off);
			if (y->count > 1)
				fprintf(f, " ×%u", y->count);
		}
		if (!first)
			fputc('\n', f);
	}
}

/* The facets after the hits: "unions: UMT 12 · CDT 5". */
static void put_facets(FILE *f, const out_result_t *r, const char *bold,
		       const char *off)
{
	static const char *const titles[] = { "unions", "places", "years",
					      "sources" };

	for (int k = 0; k < NAQIB_FACETS; k++) {
		size_t n = naqib_mset_facet_size(r->mset, k);
		if (!n)
			continue;
		fprintf(f, "%s%s%s:%s", bold, titles[k],
			naqib_mset_facets_exact(r->mset) ? "" : " (estimated)",
			off);
		for (size_t i = 0; i < n; i++) {
			const char *v;
			unsigned c;
			if (!naqib_mset_facet(r->mset, k, i, &v, &c))
				fprintf(f, "%s %s %u", i ? " ·" : "", v, c);
		}
		fputc('\n', f);
	}
}

void out_text(FILE *f, const out_result_t *r, int color)
{
	const char *dim = color ? ANSI_DIM : "", *off = color ? ANSI_OFF : "";
	const char *bold = color ? ANSI_TITLE : "";

	if (r->qid)
		fprintf(f, "### %s\t%s\n", r->qid, r->query);
	if (r->suggestion)
		fprintf(f, "did you mean: %s%s%s\n", bold, r->suggestion, off);
	if (r->n == 0) {
		fprintf(f, "%sno results%s\n", dim, off);
		if (r->facets)
			put_facets(f, r, bold, off);
		return;
	}
	fprintf(f, "%sabout %u result%s, %u to %zu (%.3f s)%s\n\n", dim,
		r->estimate, r->estimate == 1 ? "" : "s", r->offset + 1,
		r->offset + r->n, r->seconds, off);
	for (size_t i = 0; i < r->n; i++) {
		const out_hit_t *h = &r->hits[i];
		fprintf(f, "%u. %s%s%s  %s[%.3f]%s", h->rank, bold,
			*h->rec.title ? h->rec.title : h->rec.id, off, dim,
			h->score, off);
		fputc('\n', f);
		fprintf(f, "   %s%s", dim, h->rec.id);
		if (*h->rec.date)
			fprintf(f, "  %s", h->rec.date);
		if (*h->rec.source)
			fprintf(f, "  %s", h->rec.source);
		if (*h->rec.url)
			fprintf(f, "  %s", h->rec.url);
		fprintf(f, "%s\n", off);
		if (h->snippet && h->snippet->len) {
			fputs("   ", f);
			put_snippet(f, h->snippet, color ? ANSI_MATCH : "**",
				    color ? ANSI_OFF : "**");
			fputc('\n', f);
		}
		if (h->why)
			put_why(f, r, h, dim, off);
		fputc('\n', f);
	}
	if (r->facets)
		put_facets(f, r, bold, off);
}

int out_html_escape(_naqib_buf_t *b, const char *s, size_t n)
{
	size_t from = 0;
	int st = 0;

	for (size_t i = 0; i < n; i++) {
		const char *rep = NULL;
		switch (s[i]) {
		case '&': rep = "&amp;"; break;
		case '<': rep = "&lt;"; break;
		case '>': rep = "&gt;"; break;
		case '"': rep = "&quot;"; break;
		case '\'': rep = "&#39;"; break;
		}
		if (rep) {
			st |= _naqib_buf_add(b, s + from, i - from);
			st |= _naqib_buf_add(b, rep, strlen(rep));
			from = i + 1;
		}
	}
	return st | _naqib_buf_add(b, s + from, n - from);
}

char *out_snippet_html(const naqib_snippet_t *s)
{
	_naqib_buf_t b = NAQIB_BUF_INIT;
	size_t pos = 0;
	int st = 0;

	if (s->cut_start)
		st |= _naqib_buf_add(&b, "… ", strlen("… "));
	for (size_t m = 0; m < s->n_marks; m++) {
		size_t a = s->marks[2 * m], z = s->marks[2 * m + 1];
		st |= out_html_escape(&b, s->text + pos, a - pos);
		st |= _naqib_buf_add(&b, "<mark>", 6);
		st |= out_html_escape(&b, s->text + a, z - a);
		st |= _naqib_buf_add(&b, "</mark>", 7);
		pos = z;
	}
	st |= out_html_escape(&b, s->text + pos, s->len - pos);
	if (s->cut_end)
		st |= _naqib_buf_add(&b, " …", strlen(" …"));
	if (st) {
		_naqib_buf_free(&b);
		return NULL;
	}
	return _naqib_buf_detach(&b, NULL);
}

int out_json(FILE *f, const out_result_t *r)
{
	json_t *o = json_object(), *hits = json_array();
	int err = !o || !hits;

	if (r->qid)
		err |= json_object_set_new(o, "qid", json_string(r->qid));
	err |= json_object_set_new(o, "query", json_string(r->query));
	err |= json_object_set_new(o, "estimated_matches",
				   json_integer(r->estimate));
	err |= json_object_set_new(o, "offset", json_integer(r->offset));
	err |= json_object_set_new(o, "limit", json_integer(r->limit));
	err |= json_object_set_new(o, "seconds", json_real(r->seconds));
	if (r->suggestion)
		err |= json_object_set_new(o, "suggestion",
					   json_string(r->suggestion));
	/* What the query left out (a long query, a wide wildcard). */
	const char *n = r->q ? naqib_query_notes(r->q) : "";
	if (*n) {
		json_t *notes = json_array();
		err |= json_object_set_new(o, "notes", notes);
		for (const char *eol; !err && (eol = strchr(n, '\n')); n = eol + 1)
			err |= json_array_append_new(
				notes, json_stringn(n, (size_t)(eol - n)));
	}
	for (size_t i = 0; i < r->n && !err; i++) {
		const out_hit_t *h = &r->hits[i];
		json_t *j = json_object();
		if (!j) {
			err = 1;
			break;
		}
		err |= json_object_set_new(j, "rank", json_integer(h->rank));
		err |= json_object_set_new(j, "score", json_real(h->score));
		err |= json_object_set_new(j, "id", json_string(h->rec.id));
		err |= json_object_set_new(j, "title", json_string(h->rec.title));
		err |= json_object_set_new(j, "date", json_string(h->rec.date));
		err |= json_object_set_new(j, "source", json_string(h->rec.source));
		err |= json_object_set_new(j, "url", json_string(h->rec.url));
		err |= json_object_set_new(j, "path", json_string(h->rec.path));
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
						   json_string(s->text));
			err |= json_object_set_new(j, "snippet_html",
						   json_string(html ? html : ""));
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
	if (!err)
		err = json_dumpf(o, f, JSON_COMPACT | JSON_REAL_PRECISION(6));
	if (!err)
		fputc('\n', f);
	json_decref(o);
	return err ? -1 : 0;
}

void out_trec(FILE *f, const out_result_t *r, const char *tag)
{
	for (size_t i = 0; i < r->n; i++)
		fprintf(f, "%s Q0 %s %u %.6f %s\n", r->qid ? r->qid : "1",
			r->hits[i].rec.id, r->hits[i].rank, r->hits[i].score,
			tag);
}
