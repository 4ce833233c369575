/* Text for a terminal or a pager: the hits with their snippets, matches
 * in colour or between ** markers, --explain, the facets. */
#include <string.h>

#include "outputs/outputs.h"

#define ANSI_MATCH "\033[1;31m"
#define ANSI_TITLE "\033[1m"
#define ANSI_DIM "\033[2m"
#define ANSI_OFF "\033[0m"

/* What documents and queries give is shown with its control characters
 * visible (\xHH), a tab or line break as a space: an escape sequence in
 * an indexed text would otherwise clear the reader's screen, set the
 * window's title or hide text, whatever --color says.  The colours are
 * naqib's own, added around it. */
static naqib_status_t put(_naqib_buf_t *f, const char *s, size_t n)
{
	return _naqib_buf_add_visible(f, s, n, 1);
}

static void put_str(_naqib_buf_t *f, const char *s)
{
	put(f, s, strlen(s));
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
static void put_why(_naqib_buf_t *f, const out_result_t *r,
		    const out_hit_t *h, const char *dim, const char *off)
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
				if (w < words && !naqib_query_word(r->q, w, &qw)) {
					_naqib_buf_printf(f, "   %s", dim);
					put_str(f, qw.typed);
					_naqib_buf_printf(f, " ←%s ", off);
				} else
					_naqib_buf_printf(f, "   %s(wildcard) ←%s ", dim,
						off);
			} else {
				_naqib_buf_adds(f, ", ");
			}
			first = 0;
			put_str(f, y->form);
			_naqib_buf_printf(f, " %s(%s", dim,
				naqib_match_name(y->how));
			if (y->how == NAQIB_MATCH_THESAURUS ||
			    y->how == NAQIB_MATCH_DATE) {
				if (!naqib_query_word(r->q, y->word, &qw)) {
					_naqib_buf_addc(f, ' ');
					put_str(f, qw.detail);
				}
			} else if (y->how == NAQIB_MATCH_STEM &&
				   !naqib_query_word(r->q, y->word, &qw)) {
				_naqib_buf_addc(f, ' ');
				put_str(f, qw.stem);
			}
			_naqib_buf_printf(f, ")%s", off);
			if (y->count > 1)
				_naqib_buf_printf(f, " ×%u", y->count);
		}
		if (!first)
			_naqib_buf_addc(f, '\n');
	}
}

/* Where a hit's text came from, on a line of its own under its id, when
 * it came from anything but text (out_has_origin()):
 *   PDF, 3 pages · by الكاتب العام · OCR 87%
 *   e-mail from Karim <k@umt.ma>
 *   DOCX · attachment of mail/2025-10-14.eml · title from the text
 * A hit of a .txt file has no such line: it shows as it always did. */
static void put_origin(_naqib_buf_t *f, const naqib_record_t *rec,
		       const char *dim, const char *off)
{
	char up[32];
	int mail = !strcmp(rec->format, "mail"), parts = 0;
	const char *sep = " · ";

	if (!out_has_origin(rec))
		return;
	_naqib_buf_printf(f, "   %s", dim);
	if (*rec->format) {
		put_str(f, out_format_label(rec->format, 0, up, sizeof up));
		parts++;
	}
	if (rec->pages)
		_naqib_buf_printf(f, "%s%u page%s", parts++ ? ", " : "",
				  rec->pages, rec->pages == 1 ? "" : "s");
	if (*rec->author) {
		_naqib_buf_printf(f, "%s%s ",
				  !parts ? "" : mail && !rec->pages ? " " : sep,
				  mail ? "from" : "by");
		put_str(f, rec->author);
		parts++;
	}
	if (rec->flags & NAQIB_RECORD_OCR)
		_naqib_buf_printf(f, "%sOCR %u%%", parts++ ? sep : "",
				  rec->ocr_confidence);
	if (*rec->parent) {
		_naqib_buf_printf(f, "%sattachment of ", parts++ ? sep : "");
		put_str(f, rec->parent);
	}
	if (rec->flags & NAQIB_RECORD_TITLE_FROM_TEXT)
		_naqib_buf_printf(f, "%stitle from the text",
				  parts++ ? sep : "");
	_naqib_buf_printf(f, "%s\n", off);
}

/* The facets after the hits: "unions: UMT 12 · CDT 5". */
static void put_facets(_naqib_buf_t *f, const out_result_t *r,
		       const char *bold, const char *off)
{

	for (int k = 0; k < NAQIB_FACETS; k++) {
		size_t n = naqib_mset_facet_size(r->mset, k);
		if (!n)
			continue;
		_naqib_buf_printf(f, "%s%s%s:%s", bold, naqib_facet_label(k, 0),
			naqib_mset_facets_exact(r->mset) ? "" : " (estimated)",
			off);
		for (size_t i = 0; i < n; i++) {
			const char *v;
			unsigned c;
			if (!naqib_mset_facet(r->mset, k, i, &v, &c)) {
				_naqib_buf_printf(f, "%s ", i ? " ·" : "");
				put_str(f, v);
				_naqib_buf_printf(f, " %u", c);
			}
		}
		_naqib_buf_addc(f, '\n');
	}
}

static naqib_status_t render_text(_naqib_buf_t *f, const out_page_t *p)
{
	const out_result_t *r = p->result;
	int color = p->color;
	const char *dim = color ? ANSI_DIM : "", *off = color ? ANSI_OFF : "";
	const char *bold = color ? ANSI_TITLE : "";

	if (r->qid) {
		_naqib_buf_adds(f, "### ");
		put_str(f, r->qid);
		_naqib_buf_addc(f, '\t');
		put_str(f, r->query);
		_naqib_buf_addc(f, '\n');
	}
	if (r->suggestion) {
		_naqib_buf_printf(f, "did you mean: %s", bold);
		put_str(f, r->suggestion);
		_naqib_buf_printf(f, "%s\n", off);
	}
	if (r->n == 0) {
		_naqib_buf_printf(f, "%sno results%s\n", dim, off);
		if (r->facets)
			put_facets(f, r, bold, off);
		return NAQIB_OK;
	}
	_naqib_buf_printf(f, "%s%s%u result%s, %u to %zu (%.3f s)%s\n\n", dim,
		r->exact ? "" : "about ", r->estimate,
		r->estimate == 1 ? "" : "s", r->offset + 1,
		r->offset + r->n, r->seconds, off);
	for (size_t i = 0; i < r->n; i++) {
		const out_hit_t *h = &r->hits[i];
		_naqib_buf_printf(f, "%u. %s", h->rank, bold);
		put_str(f, *h->rec.title ? h->rec.title : h->rec.id);
		_naqib_buf_printf(f, "%s  %s[%.3f]%s", off, dim, h->score, off);
		_naqib_buf_addc(f, '\n');
		_naqib_buf_printf(f, "   %s", dim);
		put_str(f, h->rec.id);
		const char *more[] = { h->rec.date, h->rec.source, h->rec.url };
		for (size_t k = 0; k < 3; k++)
			if (*more[k]) {
				_naqib_buf_adds(f, "  ");
				put_str(f, more[k]);
			}
		_naqib_buf_printf(f, "%s\n", off);
		put_origin(f, &h->rec, dim, off);
		if (h->snippet && h->snippet->len) {
			_naqib_buf_adds(f, "   ");
			out_snippet(f, h->snippet, color ? ANSI_MATCH : "**",
				    color ? ANSI_OFF : "**", put);
			_naqib_buf_addc(f, '\n');
		}
		if (h->n_copies) {
			_naqib_buf_printf(f, "   %sand %zu cop%s:", dim,
					  h->n_copies,
					  h->n_copies == 1 ? "y" : "ies");
			for (size_t k = 0; k < h->n_copies; k++) {
				_naqib_buf_adds(f, k ? ", " : " ");
				put_str(f, h->copies[k]);
			}
			_naqib_buf_printf(f, "%s\n", off);
		}
		if (h->why)
			put_why(f, r, h, dim, off);
		_naqib_buf_addc(f, '\n');
	}
	if (r->facets)
		put_facets(f, r, bold, off);
	return f->failed ? _naqib_fail(NAQIB_E_NOMEM, "out of memory")
			 : NAQIB_OK;
}

const out_format_t out_text = {
	"text", "for people: hits with snippets, matches highlighted (the "
		"default)",
	"text/plain; charset=utf-8", NULL,
	OUT_CLI | OUT_SNIPPETS | OUT_EXPLAIN | OUT_FACETS | OUT_SUGGEST,
	render_text, NULL,
};
