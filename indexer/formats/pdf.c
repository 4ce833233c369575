/* PDF: the text layer of a file, page after page (a blank line between),
 * read with poppler-glib from memory, each page rebuilt from where its
 * glyphs stand (layout.h; poppler's own strings when its boxes cannot be
 * matched to its text) and repaired as Arabic (arabic.h), with the title,
 * author, creation date and page count its metadata gives.  Pages
 * without text are read by OCR with --ocr (image.c): rendered at 300 dpi
 * with cairo.  bench/pdf-libs measured poppler's strings against MuPDF's
 * structured text (CER 0.0008 on Chromium's PDFs); rebuilt from its
 * glyphs, poppler's text comes close (0.0015 on Chromium's fixtures,
 * bench/extract-quality), without MuPDF (AGPL, static only in Debian). */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cairo.h>
#include <poppler.h>

#include "formats/arabic.h"
#include "formats/layout.h"
#include "formats/ocr.h"
#include "formats/reader.h"
#include "formats/workers.h"
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

/* The text of a page as poppler strings it together.  poppler-glib reads
 * text as a selection from one corner of the page to the other: from the
 * top left one, the first line of a right-to-left page is left out and
 * the first two words of each line run together; such a page is read
 * again from its top right corner. */
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

/* The glyphs of a page's selection from one corner to the other, each
 * with its box and poppler's line, appended to *g.  poppler gives the
 * text of the selection and a box per character of it but the two in
 * different orders: the boxes in the order poppler keeps a word's glyphs
 * (as drawn: left to right, for Arabic too), the text with each run of
 * right-to-left characters of a word turned around between an embedding
 * (U+202B) and a pop (U+202C), and, when most of the page reads right to
 * left, each word between a U+202B and a pop with its left-to-right runs
 * between a U+202A and a pop (reorderText() in poppler's
 * TextOutputDev.cc).  Undoing the turns gives each character its box.
 * -1 when the counts do not agree (a text that holds such controls of its
 * own): the page is read as poppler strings it. */
typedef struct glyphs {
	fmt_glyph_t *g;
	size_t n, cap;
	uint64_t *lines;	/* a hash of each line's text */
	size_t nlines, lines_cap;
} glyphs_t;

/* A line's text, for telling whether two selections have it: the hash of
 * its characters but white space and bidi controls, in the order poppler
 * gives them (as a poppler line, whatever the selection). */
static uint64_t line_hash(uint64_t h, unsigned c)
{
	if (c == ' ' || c == '\t' || c == 0xA0 || c == '\r' ||
	    (c >= 0x202A && c <= 0x202E))
		return h;
	for (int k = 0; k < 4; k++)
		h = (h ^ ((c >> (8 * k)) & 0xFF)) * 1099511628211ULL;
	return h;
}

#define LINE_HASH0 14695981039346656037ULL

static int add_line(glyphs_t *out, uint64_t h)
{
	if (NAQIB_GROW(out->lines, out->lines_cap, out->nlines + 1))
		return -1;
	out->lines[out->nlines++] = h;
	return 0;
}

/* An embedding whose direction differs from the one it is in was turned
 * around. */
typedef struct embedding {
	size_t from;
	int rtl, turned;
} embedding_t;

static void turn(unsigned *c, size_t from, size_t to)
{
	while (to > from + 1) {
		unsigned t = c[from];
		c[from++] = c[--to];
		c[to] = t;
	}
}

static int page_glyphs(PopplerPage *page, PopplerRectangle *area,
		       glyphs_t *out)
{
	char *t = poppler_page_get_text_for_area(page, area);
	PopplerRectangle *r = NULL;
	guint nr = 0;
	unsigned *c = NULL;
	size_t n = 0, len = t ? strlen(t) : 0, *turns = NULL, nturns = 0;
	embedding_t stack[16];
	int depth = 0, st = -1;
	uint64_t lh = LINE_HASH0;

	if (!t || !poppler_page_get_text_layout_for_area(page, area, &r, &nr))
		goto out;
	c = malloc((len + 1) * sizeof *c);
	turns = malloc((len + 1) * sizeof *turns);
	if (!c || !turns)
		goto out;
	for (size_t i = 0; i < len;) {
		if (!_naqib_utf8_valid_at(t, len, i))
			goto out;
		unsigned u = _naqib_utf8_next(t, &i);
		if (u == 0x202A || u == 0x202B) {
			if (depth == (int)(sizeof stack / sizeof *stack))
				goto out;
			int rtl = u == 0x202B;
			int in = depth ? stack[depth - 1].rtl : 0;
			stack[depth++] = (embedding_t){ n, rtl, rtl != in };
		} else if (u == 0x202C) {
			if (!depth)
				goto out;
			embedding_t *e = &stack[--depth];
			/* Innermost first: an inner embedding turned back
			 * before the outer one turns it with the rest. */
			if (e->turned) {
				turns[nturns++] = e->from;
				turns[nturns++] = n;
			}
		} else {
			c[n++] = u;
			if (u == '\n') {
				if (add_line(out, lh))
					goto out;
				lh = LINE_HASH0;
			} else {
				lh = line_hash(lh, u);
			}
		}
	}
	if (add_line(out, lh))
		goto out;
	if (depth || n != nr)
		goto out;
	for (size_t k = 0; k < nturns; k += 2)
		turn(c, turns[k], turns[k + 1]);
	size_t line = out->n ? out->g[out->n - 1].line + 1 : 0;
	for (size_t k = 0; k < n; k++) {
		if (c[k] == '\n') {
			line++;
			continue;
		}
		if (c[k] == ' ' || c[k] == '\t' || c[k] == 0xA0 ||
		    c[k] == '\r' || c[k] == '\f')
			continue;
		if (NAQIB_GROW(out->g, out->cap, out->n + 1))
			goto out;
		double x0 = r[k].x1, x1 = r[k].x2, y0 = r[k].y1, y1 = r[k].y2;
		out->g[out->n++] = (fmt_glyph_t){
			c[k], x0 < x1 ? x0 : x1, y0 < y1 ? y0 : y1,
			x0 < x1 ? x1 : x0, y0 < y1 ? y1 : y0, line };
	}
	st = 0;
out:
	free(c);
	free(turns);
	g_free(r);
	g_free(t);
	return st;
}

/* A glyph of one of the selections, for putting them together. */
typedef struct found {
	fmt_glyph_t g;
	size_t sel, i;		/* its selection, its place in it */
	double key;		/* where its line goes */
	int dup;
} found_t;

static int by_identity(const void *a, const void *b)
{
	const found_t *p = a, *q = b;

	if (p->g.c != q->g.c)
		return p->g.c < q->g.c ? -1 : 1;
	if (p->g.x0 != q->g.x0)
		return p->g.x0 < q->g.x0 ? -1 : 1;
	if (p->g.y0 != q->g.y0)
		return p->g.y0 < q->g.y0 ? -1 : 1;
	if (p->sel != q->sel)
		return p->sel < q->sel ? -1 : 1;
	return p->i < q->i ? -1 : p->i > q->i;
}

static int by_key(const void *a, const void *b)
{
	const found_t *p = a, *q = b;

	if (p->key != q->key)
		return p->key < q->key ? -1 : 1;
	if (p->sel != q->sel)
		return p->sel < q->sel ? -1 : 1;
	return p->i < q->i ? -1 : p->i > q->i;
}

/* Whether the last (first) line of g[0..n) is a part of the text s:
 * nine tenths of its characters are among those of s, and it has fewer. */
static int by_cp(const void *a, const void *b)
{
	unsigned p = *(const unsigned *)a, q = *(const unsigned *)b;

	return p < q ? -1 : p > q;
}

static int part_of(const fmt_glyph_t *g, size_t n, int first,
		   const char *s, size_t len)
{
	size_t from = 0, to = n;
	if (first)
		while (to > 0 && g[to - 1].line != g[0].line)
			to--;
	else
		while (from < n && g[from].line != g[n - 1].line)
			from++;
	size_t nl = to - from, ns = 0;
	unsigned *a = malloc((nl + 1) * sizeof *a);
	unsigned *c = malloc((len + 1) * sizeof *c);
	int yes = 0;
	if (a && c) {
		for (size_t i = 0; i < nl; i++)
			a[i] = g[from + i].c;
		for (size_t i = 0; i < len;) {
			if (!_naqib_utf8_valid_at(s, len, i)) {
				i++;
				continue;
			}
			unsigned u = _naqib_utf8_next(s, &i);
			if (line_hash(0, u) != 0)
				c[ns++] = u;
		}
		qsort(a, nl, sizeof *a, by_cp);
		qsort(c, ns, sizeof *c, by_cp);
		size_t common = 0;
		for (size_t i = 0, j = 0; i < nl && j < ns;) {
			if (a[i] == c[j])
				common++, i++, j++;
			else if (a[i] < c[j])
				i++;
			else
				j++;
		}
		yes = nl < ns && common * 10 >= nl * 9;
	}
	free(a);
	free(c);
	return yes;
}

/* The text of a page rebuilt from its glyphs (layout.h), appended to b.
 * poppler's selections from one corner of the page to the other each
 * leave out a line or part of one at the start or end of a page of
 * right-to-left text (from the top left corner, the first line; from the
 * top right one, the last; from the middle of the top, halves of both):
 * the glyphs of the three are put together, the one with the most in its
 * order, a line only another has where it stands, above the first line
 * of the first that stands lower.  -1 when poppler's boxes cannot be
 * matched to its text, -2 out of memory. */
static int page_layout(PopplerPage *page, _naqib_buf_t *b)
{
	double w, h;
	glyphs_t sel[3] = { { 0 } };
	found_t *f = NULL;
	double *top = NULL;
	int st = -1;

	poppler_page_get_size(page, &w, &h);
	PopplerRectangle area[3] = {
		{ 0, 0, w, h }, { w, 0, 0, h }, { w / 2, 0, w / 2, h },
	};
	size_t total = 0, best = 0, got = 0;
	for (size_t k = 0; k < 3; k++) {
		if (page_glyphs(page, &area[k], &sel[k])) {
			free(sel[k].g);
			free(sel[k].lines);
			sel[k] = (glyphs_t){ 0 };
			continue;
		}
		got++;
		total += sel[k].n;
		if (sel[k].n > sel[best].n)
			best = k;
	}
	if (!got)
		goto out;
	st = -2;
	f = malloc((total + 1) * sizeof *f);
	if (!f)
		goto out;
	/* The best selection first, so that its copy of a glyph is kept. */
	size_t n = 0;
	for (size_t r = 0; r < 3; r++) {
		size_t k = r == 0 ? best : r <= best ? r - 1 : r;
		for (size_t i = 0; i < sel[k].n; i++)
			f[n++] = (found_t){ sel[k].g[i], r, i, 0, 0 };
	}
	qsort(f, n, sizeof *f, by_identity);
	for (size_t i = 1; i < n; i++)
		if (f[i].g.c == f[i - 1].g.c && f[i].g.x0 == f[i - 1].g.x0 &&
		    f[i].g.y0 == f[i - 1].g.y0)
			f[i].dup = 1;
	size_t m = 0;
	for (size_t i = 0; i < n; i++)
		if (!f[i].dup)
			f[m++] = f[i];
	n = m;
	qsort(f, n, sizeof *f, by_key);	/* back in each selection's order */
	/* The best selection's lines, with the top of each; every other
	 * line goes before the first of them that stands lower. */
	size_t lines = 0;
	for (size_t i = 0; i < n && f[i].sel == 0; i++)
		if (!i || f[i].g.line != f[i - 1].g.line)
			lines++;
	top = malloc((lines + 1) * sizeof *top);
	if (!top)
		goto out;
	size_t l = 0;
	for (size_t i = 0; i < n && f[i].sel == 0; i++) {
		if (i && f[i].g.line != f[i - 1].g.line)
			l++;
		if (!i || f[i].g.line != f[i - 1].g.line)
			top[l] = f[i].g.y0;
		if (f[i].g.y0 < top[l])
			top[l] = f[i].g.y0;
		f[i].key = (double)l * 2 + 1;
	}
	for (size_t i = 0; i < n;) {
		size_t e = i;
		while (e < n && f[e].sel == f[i].sel && f[e].g.line == f[i].g.line)
			e++;
		if (f[i].sel) {
			double y = f[i].g.y0;
			for (size_t k = i; k < e; k++)
				if (f[k].g.y0 < y)
					y = f[k].g.y0;
			size_t p = 0;
			while (p < lines && top[p] <= y)
				p++;
			for (size_t k = i; k < e; k++)
				f[k].key = (double)p * 2;
		}
		i = e;
	}
	qsort(f, n, sizeof *f, by_key);
	/* Lines no glyph selection has whole (the last line of some pages
	 * of right-to-left text is in none): the selection of whole words
	 * has them, as poppler strings them, without boxes; they go before
	 * or after the others, as they stand in it. */
	_naqib_buf_t before = NAQIB_BUF_INIT, after = NAQIB_BUF_INIT;
	char *words = poppler_page_get_selected_text(page,
						     POPPLER_SELECTION_WORD,
						     &area[0]);
	int seen = 0;
	for (const char *p = words; p && *p;) {
		const char *e = strchr(p, '\n');
		size_t len = e ? (size_t)(e - p) : strlen(p), i = 0;
		uint64_t hw = LINE_HASH0;
		while (i < len && _naqib_utf8_valid_at(p, len, i))
			hw = line_hash(hw, _naqib_utf8_next(p, &i));
		int have = hw == LINE_HASH0;
		for (size_t k = 0; k < 3 && !have; k++)
			for (size_t j = 0; j < sel[k].nlines && !have; j++)
				have = sel[k].lines[j] == hw;
		if (have) {
			seen = 1;
		} else {
			_naqib_buf_t *to = seen ? &after : &before;
			_naqib_buf_add(to, p, len);
			_naqib_buf_addc(to, '\n');
		}
		p = e ? e + 1 : p + len;
	}
	g_free(words);
	/* One numbering of the lines, in this order.  A line only another
	 * selection has, before or after the lines of the best one, is a
	 * part of a line left out of them all when there is one. */
	if (NAQIB_GROW(sel[best].g, sel[best].cap, n + 1))
		goto out;
	fmt_glyph_t *g = sel[best].g;
	size_t line = 0, kept = 0;
	for (size_t i = 0; i < n; i++) {
		if (f[i].sel && ((after.len && f[i].key == 2.0 * (double)lines) ||
				 (before.len && f[i].key == 0)))
			continue;
		if (kept && (f[i].sel != f[i - 1].sel ||
			     f[i].g.line != f[i - 1].g.line))
			line++;
		g[kept] = f[i].g;
		g[kept++].line = line;
	}
	_naqib_buf_add(b, before.data, before.len);
	/* The best selection may have a part of a line it left out: its
	 * last line (first line) is dropped when nearly all its letters are
	 * in the lines left out after (before) the others. */
	size_t from = 0;
	if (after.len && kept && part_of(g, kept, 0, after.data, after.len)) {
		size_t e = kept;
		while (kept && g[kept - 1].line == g[e - 1].line)
			kept--;
	}
	if (before.len && kept && part_of(g, kept, 1, before.data, before.len))
		while (from < kept && g[from].line == g[0].line)
			from++;
	st = fmt_layout_text(g + from, kept - from, b) ? -2 : 0;
	if (after.len) {
		/* Most often the last line of the last paragraph. */
		_naqib_buf_addc(b, ' ');
		_naqib_buf_add(b, after.data, after.len - 1);
	}
	if (before.failed || after.failed)
		st = -2;
	_naqib_buf_free(&before);
	_naqib_buf_free(&after);
out:
	free(f);
	free(top);
	for (size_t k = 0; k < 3; k++) {
		free(sel[k].g);
		free(sel[k].lines);
	}
	return st;
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

int fmt_pdf_read(const char *id, char *data, size_t len,
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
	_naqib_buf_t raw = NAQIB_BUF_INIT, pg = NAQIB_BUF_INIT;
	int empty = 0, ocred = 0, conf_sum = 0, ocr_failed = 0;
	char why[256] = "";
	for (int i = 0; i < pages; i++) {
		PopplerPage *page = poppler_document_get_page(doc, i);
		if (!page)
			continue;
		if (raw.len)
			_naqib_buf_adds(&raw, "\n\n");
		/* The page rebuilt from its glyphs; as poppler strings
		 * them when they cannot be matched to its text. */
		char *t = NULL;
		int laid = (fmt_arabic_repairs & FMT_AR_LAYOUT) ?
			   page_layout(page, &pg) : -1;
		if (laid == -2)
			pg.failed = 1;
		if (laid == 0 && has_text(pg.data)) {
			_naqib_buf_add(&raw, pg.data, pg.len);
		} else if ((t = page_text(page)) && has_text(t)) {
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
		if (pg.failed)
			raw.failed = 1;
		_naqib_buf_reset(&pg);
	}
	_naqib_buf_free(&pg);
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
