/* PDF: the text layer of a file, page after page (a blank line between),
 * read with poppler-glib from memory, repaired as Arabic (arabic.h), with
 * the title, author, creation date and page count its metadata gives.
 * Pages without text are read by OCR with --ocr (image.c): rendered at
 * 300 dpi with cairo.  bench/pdf-libs measures poppler against MuPDF:
 * MuPDF reads Arabic better (its lines come in visual order, which the
 * repairs turn around), but Debian's libmupdf is static, needs libraries
 * its -dev package does not pull in, and is AGPL; poppler stays until
 * that is decided. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cairo.h>
#include <poppler.h>

#include "formats/arabic.h"
#include "formats/ocr.h"
#include "formats/reader.h"
#include "util/util.h"

/* Whether most letters of s are Arabic: such a page begins at its top
 * right corner. */
static int mostly_arabic(const char *s)
{
	size_t i = 0, len = strlen(s), ar = 0, other = 0;

	while (i < len) {
		if (!_naqib_utf8_valid_at(s, len, i)) {
			i++;
			continue;
		}
		unsigned c = _naqib_utf8_next(s, &i);
		if (c >= 0x0621 && c <= 0x064A)
			ar++;
		else if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z')
			other++;
	}
	return ar > other;
}

/* The text of a page.  poppler-glib reads text as a selection from one
 * corner of the page to the other: from the top left one, the first line
 * of a right-to-left page is left out and the first two words of each
 * line run together; such a page is read again from its top right
 * corner. */
static char *page_text(PopplerPage *page)
{
	char *t = poppler_page_get_text(page);

	if (t && mostly_arabic(t)) {
		double w, h;
		poppler_page_get_size(page, &w, &h);
		PopplerRectangle r = { w, 0, 0, h };
		char *rtl = poppler_page_get_text_for_area(page, &r);
		if (rtl) {
			g_free(t);
			t = rtl;
		}
	}
	return t;
}

/* Whether s holds a letter or a digit (a page of only white space and
 * bidi marks has no text). */
static int has_text(const char *s)
{
	for (; *s; s++)
		if ((unsigned char)*s > ' ')
			return 1;
	return 0;
}

/* A PDF date (D:YYYYMMDDHHmmSSOHH'mm', every part after the year
 * optional) as ISO 8601 in out: YYYY-MM-DD, or with its time and offset
 * when it has them.  poppler gives it as a time_t already; its own
 * reading of the offset is kept by asking for the string. */
static int pdf_date(const char *s, char out[64])
{
	int y, mo = 1, d = 1, h = 0, mi = 0, se = 0, oh = 0, om = 0;
	char sign = 0;

	if (!s)
		return 0;
	if (!strncmp(s, "D:", 2))
		s += 2;
	int n = sscanf(s, "%4d%2d%2d%2d%2d%2d%c%2d'%2d", &y, &mo, &d, &h, &mi,
		       &se, &sign, &oh, &om);
	if (n < 1 || y < 1000 || y > 9999 || mo < 1 || mo > 12 || d < 1 ||
	    d > 31 || h > 23 || mi > 59 || se > 60)
		return 0;
	if (n < 4) {
		snprintf(out, 64, "%04d-%02d-%02d", y, mo, d);
		return 1;
	}
	if (n < 7 || sign == 'Z' || (sign != '+' && sign != '-'))
		sign = '+', oh = om = 0;
	snprintf(out, 64, "%04d-%02d-%02dT%02d:%02d:%02d%c%02d:%02d", y, mo, d,
		 h, mi, se, sign, oh % 24, om % 60);
	return 1;
}

/* The raw CreationDate: poppler-glib gives only a time_t (offset lost),
 * so the Info dictionary's string is looked for in the file's bytes;
 * failing that, the time_t, in UTC. */
static int creation_date(PopplerDocument *doc, const char *data, size_t len,
			 char out[64])
{
	const char *p = memmem(data, len, "/CreationDate", 13);

	if (p) {
		const char *e = data + len;
		p += 13;
		while (p < e && (*p == ' ' || *p == '\r' || *p == '\n'))
			p++;
		if (p < e && *p == '(') {
			char raw[40];
			size_t k = 0;
			for (p++; p < e && *p != ')' && k < sizeof raw - 1; p++)
				raw[k++] = *p;
			raw[k] = '\0';
			if (pdf_date(raw, out))
				return 1;
		}
	}
	GDateTime *t = poppler_document_get_creation_date_time(doc);
	if (!t)
		return 0;
	gchar *s = g_date_time_format(t, "%Y-%m-%dT%H:%M:%S%:z");
	g_date_time_unref(t);
	if (!s)
		return 0;
	snprintf(out, 64, "%s", s);
	g_free(s);
	return 1;
}

/* Renders a page at 300 dpi, grey, and reads it by OCR: its text is
 * appended to b, its mean word confidence to *conf.  0, or a message in
 * why. */
static int ocr_page(PopplerPage *page, _naqib_buf_t *b, int *conf,
		    char *why, size_t why_len)
{
	double w, h;
	poppler_page_get_size(page, &w, &h);
	const double scale = 300.0 / 72.0;
	int pw = (int)(w * scale), ph = (int)(h * scale);
	if (pw <= 0 || ph <= 0 || (double)pw * ph > 12000.0 * 12000.0) {
		snprintf(why, why_len, "page of %gx%g points: too large to "
			 "render", w, h);
		return -1;
	}
	cairo_surface_t *s = cairo_image_surface_create(CAIRO_FORMAT_RGB24,
							pw, ph);
	if (cairo_surface_status(s) != CAIRO_STATUS_SUCCESS) {
		cairo_surface_destroy(s);
		snprintf(why, why_len, "cannot render a page: out of memory");
		return -1;
	}
	cairo_t *cr = cairo_create(s);
	cairo_set_source_rgb(cr, 1, 1, 1);
	cairo_paint(cr);
	cairo_scale(cr, scale, scale);
	poppler_page_render_for_printing(page, cr);
	cairo_destroy(cr);
	cairo_surface_flush(s);
	int st = fmt_ocr_rgb(cairo_image_surface_get_data(s), pw, ph,
			     cairo_image_surface_get_stride(s), 300, b, conf,
			     why, why_len);
	cairo_surface_destroy(s);
	return st;
}

static int read_pdf(const char *id, char *data, size_t len,
		    const fmt_callbacks_t *cb)
{
	GError *err = NULL;
	GBytes *bytes = g_bytes_new_static(data, len);
	PopplerDocument *doc = poppler_document_new_from_bytes(bytes, NULL,
							       &err);
	int st = NAQIB_OK;

	g_bytes_unref(bytes);
	if (!doc) {
		if (err && g_error_matches(err, POPPLER_ERROR,
					   POPPLER_ERROR_ENCRYPTED))
			fmt_bad(cb, 0, "encrypted PDF: cannot read without its "
				"password");
		else
			fmt_bad(cb, 0, "not a PDF: %s", err && err->message
				? err->message : "poppler cannot open it");
		g_clear_error(&err);
		return NAQIB_OK;
	}
	int pages = poppler_document_get_n_pages(doc);
	_naqib_buf_t raw = NAQIB_BUF_INIT;
	int empty = 0, ocred = 0, conf_sum = 0, ocr_failed = 0;
	char why[256] = "";
	for (int i = 0; i < pages; i++) {
		PopplerPage *page = poppler_document_get_page(doc, i);
		if (!page)
			continue;
		char *t = page_text(page);
		if (raw.len)
			_naqib_buf_adds(&raw, "\n\n");
		if (t && has_text(t)) {
			_naqib_buf_adds(&raw, t);
		} else if (fmt_options.ocr) {
			int conf = 0;
			if (!ocr_page(page, &raw, &conf, why, sizeof why)) {
				ocred++;
				conf_sum += conf;
			} else {
				ocr_failed++;
			}
		} else {
			empty++;
		}
		g_free(t);
		g_object_unref(page);
	}
	char *body = NULL;
	size_t body_len = 0;
	if (raw.failed ||
	    fmt_arabic_repair(raw.data, raw.len, fmt_arabic_repairs, &body,
			      &body_len)) {
		_naqib_buf_free(&raw);
		g_object_unref(doc);
		return _naqib_fail(NAQIB_E_NOMEM, "out of memory");
	}
	_naqib_buf_free(&raw);
	size_t from = 0, to = body_len;
	fmt_trim(body, &from, &to);
	body[to] = '\0';
	if (from == to) {
		if (ocr_failed)
			fmt_bad(cb, 0, "no text layer, and OCR failed: %s", why);
		else if (pages && !fmt_options.ocr)
			fmt_needs_ocr(cb, "no text layer: a scan? --ocr reads "
				      "it");
		else
			fmt_bad(cb, 0, "no text in its %d page%s", pages,
				pages == 1 ? "" : "s");
		free(body);
		g_object_unref(doc);
		return NAQIB_OK;
	}
	if (empty)
		fmt_note(cb, "%d of %d pages without a text layer left out "
			 "(scans? --ocr reads them)", empty, pages);

	fmt_doc_t d = { .line = 1 };
	d.rec.id = id;
	d.rec.path = id;
	d.rec.format = "pdf";
	d.rec.pages = (unsigned)pages;
	d.rec.body = body + from;
	if (ocred) {
		d.rec.flags |= NAQIB_RECORD_OCR;
		d.rec.ocr_confidence = (unsigned)(conf_sum / ocred);
	}
	char *title = poppler_document_get_title(doc);
	char *author = poppler_document_get_author(doc);
	char *own = NULL, date[64];
	if (title && fmt_title_usable(title) && g_utf8_validate(title, -1, NULL)) {
		d.rec.title = title;
	} else if ((st = fmt_title_from_text(d.rec.body, strlen(d.rec.body),
					     &own)) == NAQIB_OK) {
		d.rec.title = own;
		d.rec.flags |= NAQIB_RECORD_TITLE_FROM_TEXT;
	}
	if (author && *author && g_utf8_validate(author, -1, NULL))
		d.rec.author = author;
	if (creation_date(doc, data, len, date))
		d.rec.date = date;
	if (!st)
		st = cb->doc(&d, cb->ctx);
	free(own);
	g_free(title);
	g_free(author);
	free(body);
	g_object_unref(doc);
	return st;
}

static int sniff_pdf(const char *s, size_t len)
{
	return len >= 5 && !memcmp(s, "%PDF-", 5);
}

static const char *const pdf_extensions[] = { "pdf", NULL };

const fmt_format_t fmt_pdf = {
	.name = "pdf",
	.description = "PDF: the text layer, page by page (--ocr: pages "
		       "without one)",
	.extensions = pdf_extensions,
	.sniff = sniff_pdf,
	.read = read_pdf,
	.flags = FMT_WHOLE | FMT_WORKER,
};
