/* A page's text from its glyphs' boxes (indexer/formats/layout.c): known
 * glyphs as producers draw them (left to right, Arabic too), the text in
 * logical order; a table of named cases. */
#include <stdlib.h>

#include "check.h"
#include "formats/layout.h"

/* A glyph of a line at the baseline of line y (boxes 10 high), from x to
 * x + w. */
#define G(c, x, w, y, line) { c, x, (y) * 12.0, (x) + (w), (y) * 12.0 + 10, line }

static void text_is(fmt_glyph_t *g, size_t n, const char *want,
		    const char *what)
{
	_naqib_buf_t b = NAQIB_BUF_INIT;

	CHECK(fmt_layout_text(g, n, &b) == 0);
	CHECK_STR(b.data, want, what);
	_naqib_buf_free(&b);
}

/* "قال" drawn left to right: lam, alef, qaf. */
static void rtl_word(void)
{
	fmt_glyph_t g[] = { G(0x644, 0, 3, 0, 0), G(0x627, 3, 2, 0, 0),
			    G(0x642, 5, 4, 0, 0) };
	text_is(g, 3, "قال", "one Arabic word");
}

/* "في 2025" drawn left to right: the digits as they read, the word at
 * the right; a space where the glyphs stand apart. */
static void number_in_rtl(void)
{
	fmt_glyph_t g[] = {
		G('2', 0, 2, 0, 0), G('0', 2, 2, 0, 0), G('2', 4, 2, 0, 0),
		G('5', 6, 2, 0, 0), G(0x064A, 11, 2, 0, 0),
		G(0x0641, 13, 3, 0, 0),
	};
	text_is(g, 6, "في 2025", "a number in a right-to-left line");
}

/* "بَ" drawn mark first, over its letter: the mark after the letter. */
static void mark_follows(void)
{
	fmt_glyph_t g[] = { G(0x064E, 1, 0, 0, 0), G(0x0628, 0, 3, 0, 0),
			    G(0x0627, 3, 2, 0, 0) };
	text_is(g, 3, "ابَ", "a mark after its letter, no space at it");
}

/* A French line reads left to right. */
static void ltr_line(void)
{
	fmt_glyph_t g[] = { G('L', 0, 2, 0, 0), G('e', 2, 2, 0, 0),
			    G('B', 7, 2, 0, 0), G('u', 9, 2, 0, 0) };
	text_is(g, 4, "Le Bu", "Latin left to right");
}

/* One line that the extractor cut in two parts and gave left part
 * first: one line again, in reading order. */
static void parts_joined(void)
{
	fmt_glyph_t g[] = { G(0x0628, 0, 3, 0, 0), G(0x0644, 3, 3, 0, 0),
			    G(0x0645, 10, 3, 0, 1), G(0x0646, 13, 3, 0, 1) };
	text_is(g, 4, "نم لب", "two parts on one level");
}

/* Two lines of a paragraph joined by a space; a short line ends its
 * paragraph (the next one's first word would have fitted). */
static void paragraphs(void)
{
	fmt_glyph_t g[] = {
		G(0x0628, 0, 40, 0, 0), G(0x0646, 42, 40, 0, 0),
		G(0x0645, 0, 40, 1, 1), G(0x0644, 42, 40, 1, 1),
		G(0x062A, 70, 12, 2, 2), G(0x062F, 30, 12, 3, 3),
		G(0x0631, 70, 12, 3, 3),
	};
	text_is(g, 7, "ن ب ل م ت\nر د", "lines and paragraphs");
}

/* A hostile file's boxes: NaN and far away, kept apart, no crash. */
static void hostile_boxes(void)
{
	fmt_glyph_t g[] = { G(0x0628, 0, 3, 0, 0), G(0x0644, 1e300, 3, 0, 0) };
	g[0].x0 = 0.0 / 0.0;
	_naqib_buf_t b = NAQIB_BUF_INIT;
	CHECK(fmt_layout_text(g, 2, &b) == 0);
	CHECK(b.len > 0);
	_naqib_buf_free(&b);
}

int main(void)
{
	static const check_case_t cases[] = {
		{ "an Arabic word drawn left to right reads right to left", rtl_word },
		{ "a number in Arabic reads left to right", number_in_rtl },
		{ "a mark follows its letter", mark_follows },
		{ "a Latin line reads left to right", ltr_line },
		{ "parts of one line are one line", parts_joined },
		{ "lines of a paragraph, paragraphs", paragraphs },
		{ "hostile boxes", hostile_boxes },
	};
	check_run(cases, sizeof cases / sizeof *cases);
	return check_done();
}
