/* The text of a page rebuilt from where its glyphs stand (layout.c): for
 * PDFs, whose text layer is glyphs drawn at places, in whatever order the
 * producer drew them (left to right, for right-to-left text too).  An
 * extractor gives each character its box and the line it put it in; the
 * text comes back in reading order: each line's glyphs in the order they
 * stand on it, turned into logical order by the Unicode bidi algorithm
 * (ICU), a space where two glyphs stand apart, marks (tashkeel) after the
 * letter they sit on, the lines of a paragraph joined by a space. */
#ifndef NAQIB_FORMATS_LAYOUT_H
#define NAQIB_FORMATS_LAYOUT_H

#include <stddef.h>

#include "util/util.h"

typedef struct fmt_glyph {
	unsigned c;		/* its code point (never white space) */
	double x0, y0, x1, y1;	/* its box, y downwards, x0 <= x1 */
	size_t line;		/* the extractor's line, in reading order */
} fmt_glyph_t;

/* Appends the text of the page g[0..n) (sorted by line) to b, a line
 * break between paragraphs, none at the end.  g is reordered.
 * NAQIB_E_NOMEM, or 0. */
int fmt_layout_text(fmt_glyph_t *g, size_t n, _naqib_buf_t *b);

#endif
