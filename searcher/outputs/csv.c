/* CSV for spreadsheets (RFC 4180): a header, then a row a hit, fields with
 * a comma, a quote or a line break in double quotes (a quote doubled),
 * lines ended by CR LF, in UTF-8 after a byte order mark, which is how a
 * spreadsheet knows the Arabic is UTF-8.  A text that starts with = + - @
 * (or a tab or CR) gets a ' before it, so that a spreadsheet does not take
 * a document's title for a formula.  In batch mode the first column is the
 * query's id; the header and the mark come once, before the first query. */
#include <stdio.h>
#include <string.h>

#include "outputs/outputs.h"

/* One field: a number as it is, text quoted when it must be. */
static void field(_naqib_buf_t *b, const char *s, int text, int first)
{
	if (!first)
		_naqib_buf_addc(b, ',');
	int quote = strpbrk(s, ",\"\r\n") != NULL;
	if (quote)
		_naqib_buf_addc(b, '"');
	if (text && *s && strchr("=+-@\t\r", *s))
		_naqib_buf_addc(b, '\'');
	for (const char *q; (q = strchr(s, '"')); s = q + 1) {
		_naqib_buf_add(b, s, (size_t)(q - s) + 1);
		_naqib_buf_addc(b, '"');
	}
	_naqib_buf_adds(b, s);
	if (quote)
		_naqib_buf_addc(b, '"');
}

/* The snippet as plain text, with ellipses where it is cut. */
static void snippet(_naqib_buf_t *b, const naqib_snippet_t *s)
{
	_naqib_buf_t t = NAQIB_BUF_INIT;

	if (s)
		out_snippet(&t, s, "", "", _naqib_buf_add);
	field(b, t.data, 1, 0);
	b->failed |= t.failed;
	_naqib_buf_free(&t);
}

static naqib_status_t render_csv(_naqib_buf_t *b, const out_page_t *p)
{
	/* New columns go at the end: a sheet or a script that reads the
	 * first ones by their place goes on reading them. */
	static const char *const head[] = {
		"rank",	  "score",  "id",     "title", "date",
		"source", "url",    "path",   "snippet", "author",
		"format", "parent", "pages",  "ocr_confidence",
		"title_from_text", "copies"
	};
	const out_result_t *r = p->result;
	char num[64];

	if (p->first) {
		_naqib_buf_adds(b, "\xEF\xBB\xBF");
		if (p->batch)
			field(b, "qid", 0, 1);
		for (size_t i = 0; i < sizeof head / sizeof *head; i++)
			field(b, head[i], 0, i == 0 && !p->batch);
		_naqib_buf_adds(b, "\r\n");
	}
	for (size_t i = 0; i < r->n; i++) {
		const out_hit_t *h = &r->hits[i];
		if (p->batch)
			field(b, r->qid ? r->qid : "", 1, 1);
		snprintf(num, sizeof num, "%u", h->rank);
		field(b, num, 0, !p->batch);
		snprintf(num, sizeof num, "%.6f", h->score);
		field(b, num, 0, 0);
		field(b, h->rec.id, 1, 0);
		field(b, h->rec.title, 1, 0);
		field(b, h->rec.date, 1, 0);
		field(b, h->rec.source, 1, 0);
		field(b, h->rec.url, 1, 0);
		field(b, h->rec.path, 1, 0);
		snippet(b, h->snippet);
		field(b, h->rec.author, 1, 0);
		field(b, h->rec.format, 1, 0);
		field(b, h->rec.parent, 1, 0);
		/* Empty where the document says nothing: no pages, not read
		 * by OCR. */
		snprintf(num, sizeof num, "%u", h->rec.pages);
		field(b, h->rec.pages ? num : "", 0, 0);
		snprintf(num, sizeof num, "%u", h->rec.ocr_confidence);
		field(b, h->rec.flags & NAQIB_RECORD_OCR ? num : "", 0, 0);
		field(b, h->rec.flags & NAQIB_RECORD_TITLE_FROM_TEXT ? "true"
								      : "false",
		      0, 0);
		/* The ids of the copies collapsed into it, a space between
		 * them (an id of naqib holds none: it is escaped). */
		_naqib_buf_t c = NAQIB_BUF_INIT;
		for (size_t k = 0; k < h->n_copies; k++) {
			if (k)
				_naqib_buf_addc(&c, ' ');
			_naqib_buf_adds(&c, h->copies[k]);
		}
		field(b, c.data, 1, 0);
		b->failed |= c.failed;
		_naqib_buf_free(&c);
		_naqib_buf_adds(b, "\r\n");
	}
	return b->failed ? _naqib_fail(NAQIB_E_NOMEM, "out of memory")
			 : NAQIB_OK;
}

const out_format_t out_csv = {
	"csv", "for spreadsheets: a row a hit, RFC 4180, UTF-8 with a BOM",
	"text/csv; charset=utf-8", "csv",
	OUT_CLI | OUT_WEB | OUT_SNIPPETS, render_csv, NULL,
};
