/* The text of a page from its glyphs' boxes (layout.h). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/ubidi.h>
#include <unicode/uchar.h>

#include "formats/layout.h"

/* Two glyphs of a line stand apart by a space when the gap between them
 * is wider than this share of the line's height (a box is about 1.3 em
 * high: 0.12 is about a sixth of an em; a space of Naskh or Latin type is
 * a quarter of one or more, letters that touch have no gap, kerned ones a
 * twentieth). */
#define GAP 0.12
/* A line ends its paragraph when the next one stands lower than this
 * share of its height below it, or when the next one's first word would
 * have fitted in the room it leaves on its ragged side. */
#define PARA_GAP 0.6
/* A line longer than this many glyphs is left in the order it stands in
 * (ubidi takes int32_t lengths; no real line comes near). */
#define MAX_LINE 100000

static int is_mark(unsigned c)
{
	int t = u_charType((UChar32)c);

	return t == U_NON_SPACING_MARK || t == U_ENCLOSING_MARK ||
	       t == U_COMBINING_SPACING_MARK;
}

/* A glyph's place on its line, for sorting: left edge, then the order
 * the extractor gave (the letters of a ligature share its box, split in
 * their logical order). */
typedef struct place {
	double x;
	size_t i;
} place_t;

static int by_place(const void *a, const void *b)
{
	const place_t *p = a, *q = b;

	if (p->x != q->x)
		return p->x < q->x ? -1 : 1;
	return p->i < q->i ? -1 : p->i > q->i;
}

/* A unit of a line in visual order: a base glyph (with the marks on it)
 * or a space (SIZE_MAX). */
typedef struct unit {
	size_t g;
} unit_t;

/* A mark and the base it sits on, for sorting marks by base. */
typedef struct owned {
	size_t base, i;
} owned_t;

static int by_owner(const void *a, const void *b)
{
	const owned_t *p = a, *q = b;

	if (p->base != q->base)
		return p->base < q->base ? -1 : 1;
	return p->i < q->i ? -1 : p->i > q->i;
}

static double overlap(const fmt_glyph_t *a, const fmt_glyph_t *b)
{
	double l = a->x0 > b->x0 ? a->x0 : b->x0;
	double r = a->x1 < b->x1 ? a->x1 : b->x1;

	return r - l;
}

/* What a line is: its box over its base glyphs, its height, whether it
 * reads right to left. */
typedef struct line {
	double x0, y0, x1, y1, h;
	double first;		/* the width of its first word */
	int rtl;
} line_t;

static int by_x0(const void *a, const void *b)
{
	const double *p = a, *q = b;

	return *p < *q ? -1 : *p > *q;
}

/* The width of the first word of g[0..n) in reading order: the glyphs
 * from its right end (left end) to the first gap. */
static double first_word(const fmt_glyph_t *g, size_t n, int rtl, double h)
{
	double *x = malloc((2 * n + 2) * sizeof *x), w = 0;
	size_t m = 0;

	if (!x)
		return 0;
	for (size_t i = 0; i < n; i++)
		if (!is_mark(g[i].c)) {
			x[2 * m] = g[i].x0;
			x[2 * m + 1] = g[i].x1;
			m++;
		}
	qsort(x, m, 2 * sizeof *x, by_x0);
	if (m && rtl) {
		double left = x[2 * (m - 1)], right = x[2 * (m - 1) + 1];
		for (size_t k = m - 1; k-- > 0 && left - x[2 * k + 1] <= GAP * h;)
			left = x[2 * k] < left ? x[2 * k] : left;
		for (size_t k = 0; k < m; k++)
			if (x[2 * k + 1] > right)
				right = x[2 * k + 1];
		w = right - left;
	} else if (m) {
		double left = x[0], right = x[1];
		for (size_t k = 1; k < m && x[2 * k] - right <= GAP * h; k++)
			right = x[2 * k + 1] > right ? x[2 * k + 1] : right;
		w = right - left;
	}
	free(x);
	return w;
}

static void measure(const fmt_glyph_t *g, size_t n, line_t *l)
{
	size_t bases = 0, r = 0, lr = 0;
	double hs = 0;

	l->x0 = l->y0 = 1e300;
	l->x1 = l->y1 = -1e300;
	for (size_t i = 0; i < n; i++) {
		UCharDirection d = u_charDirection((UChar32)g[i].c);
		if (d == U_RIGHT_TO_LEFT || d == U_RIGHT_TO_LEFT_ARABIC)
			r++;
		else if (d == U_LEFT_TO_RIGHT)
			lr++;
		if (is_mark(g[i].c) && n > 1)
			continue;
		bases++;
		hs += g[i].y1 - g[i].y0;
		if (g[i].x0 < l->x0)
			l->x0 = g[i].x0;
		if (g[i].x1 > l->x1)
			l->x1 = g[i].x1;
		if (g[i].y0 < l->y0)
			l->y0 = g[i].y0;
		if (g[i].y1 > l->y1)
			l->y1 = g[i].y1;
	}
	l->h = bases ? hs / (double)bases : 0;
	if (!(l->h > 0))
		l->h = 1;
	l->rtl = r > lr;
	l->first = first_word(g, n, l->rtl, l->h);
}

static int put_cp(_naqib_buf_t *b, unsigned c)
{
	char u[4];

	return _naqib_buf_add(b, u, _naqib_utf8_put(u, c));
}

/* The text of one line g[0..n) into b.  Scratch arrays are the caller's,
 * grown here. */
typedef struct scratch {
	place_t *place;
	size_t place_cap;
	owned_t *owned;
	size_t owned_cap;
	unit_t *unit;
	size_t unit_cap;
	UChar *u;
	size_t u_cap;
	int32_t *map;
	size_t map_cap;
	size_t *first;		/* of each base: where its marks begin */
	size_t first_cap;
	UBiDi *bidi;
} scratch_t;

static int put_line(const fmt_glyph_t *g, size_t n, const line_t *l,
		    scratch_t *s, _naqib_buf_t *b)
{
	size_t nb = 0, nm = 0, nu = 0;

	if (NAQIB_GROW(s->place, s->place_cap, n) ||
	    NAQIB_GROW(s->owned, s->owned_cap, n) ||
	    NAQIB_GROW(s->unit, s->unit_cap, 2 * n) ||
	    NAQIB_GROW(s->first, s->first_cap, n + 1))
		return NAQIB_E_NOMEM;
	/* The base glyphs in the order they stand, left to right; a line of
	 * marks only is its own bases. */
	for (size_t i = 0; i < n; i++)
		if (!is_mark(g[i].c))
			nb++;
	int all = nb == 0;
	nb = 0;
	for (size_t i = 0; i < n; i++)
		if (all || !is_mark(g[i].c))
			s->place[nb++] = (place_t){ g[i].x0, i };
	qsort(s->place, nb, sizeof *s->place, by_place);
	/* Each mark goes with the base drawn before it, when it stands
	 * near it (a producer draws a letter, then its marks; one that
	 * gives each letter its text as /ActualText puts the marks in the
	 * letter's box, which poppler shares among them); else with the
	 * base it overlaps most, of the one it stands over and its
	 * neighbours. */
	for (size_t k = 0; k < nb; k++)
		s->first[s->place[k].i] = k;	/* the place of each base */
	for (size_t i = 0, prev = SIZE_MAX; i < n && !all; i++) {
		if (!is_mark(g[i].c)) {
			prev = i;
			continue;
		}
		double cx = (g[i].x0 + g[i].x1) / 2;
		if (prev != SIZE_MAX && cx >= g[prev].x0 - l->h &&
		    cx <= g[prev].x1 + l->h) {
			s->owned[nm++] = (owned_t){ s->first[prev], i };
			continue;
		}
		size_t lo = 0, hi = nb;
		while (hi - lo > 1) {
			size_t mid = lo + (hi - lo) / 2;
			if (s->place[mid].x <= cx)
				lo = mid;
			else
				hi = mid;
		}
		size_t best = lo;
		double score = -1e300;
		for (size_t k = lo ? lo - 1 : 0; k < nb && k <= lo + 1; k++) {
			const fmt_glyph_t *c = &g[s->place[k].i];
			double o = overlap(&g[i], c);
			if (o > score) {
				score = o;
				best = k;
			}
		}
		s->owned[nm++] = (owned_t){ best, i };
	}
	qsort(s->owned, nm, sizeof *s->owned, by_owner);
	for (size_t k = 0, m = 0; k <= nb; k++) {
		while (m < nm && s->owned[m].base < k)
			m++;
		s->first[k] = m;
	}
	/* Units in visual order, a space where glyphs stand apart. */
	/* A base's extent is its box and its marks' (poppler may give a
	 * letter half the box of an /ActualText that holds it and a mark). */
	double right = -1e300, gap = GAP * l->h;
	for (size_t k = 0; k < nb; k++) {
		const fmt_glyph_t *c = &g[s->place[k].i];
		double x0 = c->x0, x1 = c->x1;
		for (size_t m = s->first[k]; m < s->first[k + 1]; m++) {
			const fmt_glyph_t *mk = &g[s->owned[m].i];
			if (mk->x1 - mk->x0 > 0 && mk->x0 < x0)
				x0 = mk->x0;
			if (mk->x1 - mk->x0 > 0 && mk->x1 > x1)
				x1 = mk->x1;
		}
		if (k && x0 - right > gap)
			s->unit[nu++] = (unit_t){ SIZE_MAX };
		s->unit[nu++] = (unit_t){ k };
		if (x1 > right)
			right = x1;
	}
	if (!nu)
		return NAQIB_OK;
	if (NAQIB_GROW(s->u, s->u_cap, nu) || NAQIB_GROW(s->map, s->map_cap, nu))
		return NAQIB_E_NOMEM;
	/* Visual order into logical order: the bidi algorithm run over the
	 * visual order as if it were logical gives it back (right-to-left
	 * runs turned around, the numbers and Latin words in them kept as
	 * they read), since reordering a line undoes itself. */
	int32_t nout = 0;
	int ok = 0;
	if (nu <= MAX_LINE) {
		for (size_t k = 0; k < nu; k++) {
			unsigned c = s->unit[k].g == SIZE_MAX ? ' ' :
				     g[s->place[s->unit[k].g].i].c;
			if (c > 0xFFFF) {
				UCharDirection d = u_charDirection((UChar32)c);
				c = d == U_RIGHT_TO_LEFT ||
				    d == U_RIGHT_TO_LEFT_ARABIC ? 0x05D0 :
				    d == U_LEFT_TO_RIGHT ? 'a' : '?';
			}
			s->u[k] = (UChar)c;
		}
		UErrorCode err = U_ZERO_ERROR;
		if (!s->bidi)
			s->bidi = ubidi_open();
		if (s->bidi) {
			ubidi_setPara(s->bidi, s->u, (int32_t)nu,
				      l->rtl ? UBIDI_RTL : UBIDI_LTR, NULL, &err);
			if (U_SUCCESS(err))
				nout = ubidi_getResultLength(s->bidi);
			if (U_SUCCESS(err) && nout == (int32_t)nu)
				ubidi_getVisualMap(s->bidi, s->map, &err);
			ok = U_SUCCESS(err) && nout == (int32_t)nu;
		}
	}
	if (!ok)
		for (size_t k = 0; k < nu; k++)
			s->map[k] = (int32_t)k;
	int st = 0, space = 1;
	for (size_t k = 0; k < nu && !st; k++) {
		size_t v = (size_t)s->map[k];
		if (v >= nu)
			continue;
		size_t base = s->unit[v].g;
		if (base == SIZE_MAX) {
			if (!space)
				st = _naqib_buf_addc(b, ' ');
			space = 1;
			continue;
		}
		st = put_cp(b, g[s->place[base].i].c);
		for (size_t m = s->first[base]; m < s->first[base + 1] && !st; m++)
			st = put_cp(b, g[s->owned[m].i].c);
		space = 0;
	}
	/* No space at the end: the caller joins lines. */
	if (!st && space && b->len && b->data[b->len - 1] == ' ')
		b->len--, b->data[b->len] = '\0';
	return st;
}

/* How many of the last lines a part of a line is looked for among. */
#define RECENT 8
/* Two parts of a line stand this many heights apart at most. */
#define JOIN 3.0

/* Lines the extractor cut in parts (poppler does at a mark standing a
 * little higher than its letters, and puts the parts in either order)
 * made one again: a line that stands on the same level as one of the
 * last ones and near it, or over it, goes with it, where the first of
 * them stood.  Columns stay apart.  g is sorted by its new lines. */
static int join_lines(fmt_glyph_t *g, size_t n)
{
	size_t nl = 0;
	for (size_t i = 0; i < n; i++)
		if (!i || g[i].line != g[i - 1].line)
			nl++;
	line_t *l = malloc((nl + 1) * sizeof *l);
	size_t *to = malloc((nl + 1) * sizeof *to), *count = calloc(nl + 1,
							 sizeof *count);
	fmt_glyph_t *sorted = malloc((n + 1) * sizeof *sorted);
	if (!l || !to || !count || !sorted) {
		free(l), free(to), free(count), free(sorted);
		return NAQIB_E_NOMEM;
	}
	size_t k = 0, nv = 0;
	for (size_t i = 0; i < n; k++) {
		size_t e = i;
		while (e < n && g[e].line == g[i].line)
			e++;
		measure(g + i, e - i, &l[k]);
		to[k] = nv;
		/* Among the last lines made, one this part belongs with. */
		for (size_t j = k; j-- > 0 && k - j <= RECENT;) {
			line_t *a = &l[j], *c = &l[k];
			double h = a->h < c->h ? a->h : c->h;
			double over = (a->y1 < c->y1 ? a->y1 : c->y1) -
				      (a->y0 > c->y0 ? a->y0 : c->y0);
			double gap = c->x0 > a->x1 ? c->x0 - a->x1 :
				     a->x0 > c->x1 ? a->x0 - c->x1 : 0;
			if (over > h / 2 && gap < JOIN * h) {
				to[k] = to[j];
				break;
			}
		}
		if (to[k] == nv)
			nv++;
		for (size_t m = i; m < e; m++)
			g[m].line = to[k];
		count[to[k]] += e - i;
		i = e;
	}
	/* Counting sort by the new line, the order within kept. */
	size_t at = 0;
	for (size_t v = 0; v < nv; v++) {
		size_t c = count[v];
		count[v] = at;
		at += c;
	}
	for (size_t i = 0; i < n; i++)
		sorted[count[g[i].line]++] = g[i];
	memcpy(g, sorted, n * sizeof *g);
	free(l), free(to), free(count), free(sorted);
	return NAQIB_OK;
}

int fmt_layout_text(fmt_glyph_t *g, size_t n, _naqib_buf_t *b)
{
	scratch_t s = { 0 };
	line_t prev = { 0 }, page = { 0 };

	/* A hostile file's boxes may be anywhere, or nowhere (NaN): the
	 * sorts need numbers that compare. */
	for (size_t i = 0; i < n; i++) {
		double *v[4] = { &g[i].x0, &g[i].y0, &g[i].x1, &g[i].y1 };
		for (int k = 0; k < 4; k++)
			if (!(*v[k] > -1e9 && *v[k] < 1e9))
				*v[k] = 0;
		if (g[i].x1 < g[i].x0)
			g[i].x1 = g[i].x0;
		if (g[i].y1 < g[i].y0)
			g[i].y1 = g[i].y0;
	}
	int st = join_lines(g, n);

	if (st)
		return st;
	/* The page's text spans from the leftmost line to the rightmost;
	 * its lines are flush on the side where they end more nearly
	 * alike, ragged on the other (both flush: justified). */
	double lo0 = 1e300, hi0 = -1e300, lo1 = 1e300, hi1 = -1e300;
	for (size_t i = 0; i < n;) {
		size_t e = i;
		while (e < n && g[e].line == g[i].line)
			e++;
		line_t l;
		measure(g + i, e - i, &l);
		lo0 = l.x0 < lo0 ? l.x0 : lo0;
		hi0 = l.x0 > hi0 ? l.x0 : hi0;
		lo1 = l.x1 < lo1 ? l.x1 : lo1;
		hi1 = l.x1 > hi1 ? l.x1 : hi1;
		i = e;
	}
	page.x0 = lo0;
	page.x1 = hi1;
	double spread0 = hi0 - lo0, spread1 = hi1 - lo1;
	size_t start = b->len;
	for (size_t i = 0; i < n && !st;) {
		size_t e = i;
		while (e < n && g[e].line == g[i].line)
			e++;
		line_t l;
		measure(g + i, e - i, &l);
		if (b->len > start) {
			/* The previous line ended a paragraph if this one
			 * stands well below it, or if this one's first word
			 * would have fitted where it stopped (with a space
			 * and some slack). */
			double h = prev.h;
			int left = spread0 > 2 * spread1 ? 1 :
				   spread1 > 2 * spread0 ? 0 : prev.rtl;
			double room = left ? prev.x0 - page.x0 :
				      page.x1 - prev.x1;
			int para = l.y0 > prev.y1 + PARA_GAP * h ||
				   (l.y0 >= prev.y1 - h / 2 &&
				    room > l.first + GAP * h + h / 4);
			st = _naqib_buf_addc(b, para ? '\n' : ' ');
		}
		if (!st)
			st = put_line(g + i, e - i, &l, &s, b);
		prev = l;
		i = e;
	}
	free(s.place);
	free(s.owned);
	free(s.unit);
	free(s.u);
	free(s.map);
	free(s.first);
	if (s.bidi)
		ubidi_close(s.bidi);
	return st ? NAQIB_E_NOMEM : NAQIB_OK;
}
