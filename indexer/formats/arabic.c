/* Repairs of Arabic text as extractors give it (arabic.h).  The text is
 * decoded into code points, repaired line by line, and encoded again. */
#include <stdlib.h>
#include <string.h>

#include <unicode/uchar.h>
#include <unicode/unorm2.h>

#include "formats/arabic.h"
#include "util/util.h"

unsigned fmt_arabic_repairs = FMT_AR_ALL;

static const char *const names[] = {
	"bidi", "split", "visual", "forms", "lamalef", "kashida", "layout",
	NULL,
};

const char *fmt_arabic_repair_name(size_t i)
{
	return i < sizeof names / sizeof *names ? names[i] : NULL;
}

/* A growing array of code points. */
typedef struct cps {
	unsigned *c;
	size_t n, cap;
	int failed;
} cps_t;

static void put(cps_t *a, unsigned c)
{
	if (a->failed)
		return;
	if (NAQIB_GROW(a->c, a->cap, a->n + 1)) {
		a->failed = 1;
		return;
	}
	a->c[a->n++] = c;
}

static int bidi_control(unsigned c)
{
	return c == 0x200E || c == 0x200F || (c >= 0x202A && c <= 0x202E) ||
	       (c >= 0x2066 && c <= 0x2069) || c == 0x061C;
}

static int opens_embedding(unsigned c)
{
	return c == 0x202A || c == 0x202B || c == 0x202D || c == 0x202E ||
	       (c >= 0x2066 && c <= 0x2068);
}

static int space(unsigned c)
{
	return c == ' ' || c == '\t' || c == 0xA0 || c == '\r';
}

/* Arabic letters, in their own block or as presentation forms. */
static int letter(unsigned c)
{
	return (c >= 0x0620 && c <= 0x064A) || (c >= 0x066E && c <= 0x06D3) ||
	       c == 0x06D5 || (c >= 0x06FA && c <= 0x06FC) ||
	       (c >= 0xFB50 && c <= 0xFDFB) || (c >= 0xFE80 && c <= 0xFEFC);
}

static int mark(unsigned c)
{
	return (c >= 0x064B && c <= 0x065F) || c == 0x0670 ||
	       (c >= 0x06D6 && c <= 0x06ED);
}

static int alef(unsigned c)
{
	return c == 0x0627 || c == 0x0623 || c == 0x0625 || c == 0x0622;
}

/* What reads left to right inside a right-to-left line: Latin letters
 * and digits (Arabic-Indic too: numbers read left to right). */
static int ltr(unsigned c)
{
	if (c < 0x80)
		return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
	if ((c >= 0x0660 && c <= 0x0669) || (c >= 0x06F0 && c <= 0x06F9))
		return 1;
	return !_naqib_is_arabic(c) && u_isalnum((UChar32)c);
}

/* ---------------------------------------------------------------- visual */

/* Of a presentation form, which of its word's letters it draws. */
static int form(unsigned c)
{
	if (c < 0xFB50)
		return 0;
	return u_getIntPropertyValue((UChar32)c, UCHAR_DECOMPOSITION_TYPE);
}

/* How much line[0..n) looks written backwards (> 0) or forwards (< 0):
 * each word that begins as words end (a final form, ta marbuta, alef
 * maqsura, "لا") or ends as they begin (an initial form, "ال") says
 * backwards; the other way round, forwards. */
static int backwards(const unsigned *c, size_t n)
{
	int score = 0;

	for (size_t i = 0; i < n;) {
		if (!letter(c[i])) {
			i++;
			continue;
		}
		size_t s = i, e;
		while (i < n && (letter(c[i]) || mark(c[i]) || c[i] == 0x0640))
			i++;
		e = i;
		while (e > s && !letter(c[e - 1]))
			e--;
		if (e - s < 2)
			continue;
		unsigned first = c[s], last = c[e - 1];
		int ff = form(first), fl = form(last);
		if (ff == U_DT_FINAL || fl == U_DT_INITIAL)
			score++;
		if (ff == U_DT_INITIAL || fl == U_DT_FINAL)
			score--;
		if (first == 0x0629 || first == 0x0649 || first == 0xFE93 ||
		    first == 0xFE94 || first == 0xFEEF || first == 0xFEF0)
			score++;
		if (last == 0x0629 || last == 0x0649)
			score--;
		if (e - s > 3 && c[s] == 0x0627 && c[s + 1] == 0x0644)
			score--;
		if (e - s > 3 && c[e - 1] == 0x0627 && c[e - 2] == 0x0644)
			score++;
	}
	return score;
}

static void reverse(unsigned *c, size_t from, size_t to)
{
	while (to > from + 1) {
		unsigned t = c[from];
		c[from++] = c[--to];
		c[to] = t;
	}
}

static unsigned mirror(unsigned c)
{
	switch (c) {
	case '(': return ')';
	case ')': return '(';
	case '[': return ']';
	case ']': return '[';
	case '{': return '}';
	case '}': return '{';
	case '<': return '>';
	case '>': return '<';
	case 0xAB: return 0xBB;
	case 0xBB: return 0xAB;
	}
	return c;
}

/* Turns line c[0..n) around: the order of its characters (a mark drawn
 * over a letter comes before it in the order of drawing, and so after it
 * once turned); then each run of what reads left to right (Latin words,
 * numbers, and what is between them on the run) back as it was. */
static void turn_around(unsigned *c, size_t n)
{
	reverse(c, 0, n);
	for (size_t i = 0; i < n;) {
		if (!ltr(c[i])) {
			c[i] = mirror(c[i]);
			i++;
			continue;
		}
		size_t s = i, e = i + 1;
		for (i++; i < n && !letter(c[i]); i++)
			if (ltr(c[i]))
				e = i + 1;
		reverse(c, s, e);
		i = e;
	}
}

/* ---------------------------------------------------------------- forms */

static void fold_form(cps_t *o, unsigned c, const UNormalizer2 *nfkc)
{
	UChar buf[16];
	UErrorCode err = U_ZERO_ERROR;

	if (c == 0xFEFF)
		return;
	int32_t k = nfkc ? unorm2_getDecomposition(nfkc, (UChar32)c, buf, 16,
						   &err) : -1;
	if (k <= 0 || U_FAILURE(err)) {
		put(o, c);
		return;
	}
	for (int32_t i = 0; i < k;) {
		UChar32 d;
		U16_NEXT(buf, i, k, d);
		/* An isolated haraka (U+FE70..) is a space and the mark: the
		 * mark alone. */
		if (d == ' ' && c >= 0xFE70 && c <= 0xFE7F)
			continue;
		put(o, (unsigned)d);
	}
}

/* ---------------------------------------------------------------- line */

/* Repairs the line c[0..n) (without its line break) into o. */
static void repair_line(cps_t *o, unsigned *c, size_t n, unsigned what,
			int page_backwards, const UNormalizer2 *nfkc)
{
	cps_t a = { 0 }, b = { 0 };

	/* Bidi controls, and the spaces poppler lost between embeddings. */
	for (size_t i = 0; i < n; i++) {
		if (!bidi_control(c[i]) || !(what & (FMT_AR_BIDI | FMT_AR_SPLIT))) {
			put(&a, c[i]);
			continue;
		}
		if ((what & FMT_AR_SPLIT) && c[i] == 0x202C) {
			size_t k = i + 1;
			while (k < n && c[k] == 0x202C)
				k++;
			if (k < n && opens_embedding(c[k]) && a.n &&
			    !space(a.c[a.n - 1]) && k + 1 < n && !space(c[k + 1]))
				put(&a, ' ');
		}
		if (!(what & FMT_AR_BIDI))
			put(&a, c[i]);
	}
	if (a.failed) {
		o->failed = 1;
		goto out;
	}
	if (what & FMT_AR_VISUAL) {
		int s = backwards(a.c, a.n);
		if (s > 0 || (s == 0 && page_backwards))
			turn_around(a.c, a.n);
	}
	/* Presentation forms. */
	for (size_t i = 0; i < a.n; i++)
		if ((what & FMT_AR_FORMS) &&
		    ((a.c[i] >= 0xFB50 && a.c[i] <= 0xFDFF) ||
		     (a.c[i] >= 0xFE70 && a.c[i] <= 0xFEFF)))
			fold_form(&b, a.c[i], nfkc);
		else
			put(&b, a.c[i]);
	if (b.failed) {
		o->failed = 1;
		goto out;
	}
	for (size_t i = 0; i < b.n; i++) {
		unsigned *w = b.c;
		if (what & FMT_AR_LAMALEF) {
			/* alef, alef, lam: the second alef and the lam swap. */
			if (i + 2 < b.n && alef(w[i]) && alef(w[i + 1]) &&
			    w[i + 2] == 0x0644) {
				put(o, w[i]);
				put(o, 0x0644);
				put(o, w[i + 1]);
				i += 2;
				continue;
			}
			/* "ال" alone is "لا". */
			if (i + 1 < b.n && w[i] == 0x0627 && w[i + 1] == 0x0644 &&
			    (i == 0 || !letter(w[i - 1])) &&
			    (i + 2 == b.n || !letter(w[i + 2]))) {
				put(o, 0x0644);
				put(o, 0x0627);
				i++;
				continue;
			}
		}
		if ((what & FMT_AR_KASHIDA) && w[i] == 0x0640 && i + 1 < b.n &&
		    space(w[i + 1])) {
			size_t k = i + 1;
			while (k < b.n && space(w[k]))
				k++;
			if (k < b.n && w[k] == 0x0640 && i > 0 && letter(w[i - 1])) {
				put(o, 0x0640);
				i = k - 1;
				continue;
			}
		}
		put(o, w[i]);
	}
out:
	free(a.c);
	free(b.c);
}

int fmt_arabic_repair(const char *s, size_t len, unsigned what, char **out,
		      size_t *out_len)
{
	cps_t in = { 0 }, o = { 0 };
	UErrorCode err = U_ZERO_ERROR;
	const UNormalizer2 *nfkc = unorm2_getNFKCInstance(&err);

	*out = NULL;
	if (U_FAILURE(err))
		nfkc = NULL;
	for (size_t i = 0; i < len;) {
		size_t k = _naqib_utf8_valid_at(s, len, i);
		if (!k) {
			put(&in, 0xFFFD);
			i++;
			continue;
		}
		put(&in, _naqib_utf8_next(s, &i));
	}
	/* Whether the page reads backwards as a whole: a line too short to
	 * tell goes with it. */
	int page_backwards = 0;
	if (what & FMT_AR_VISUAL) {
		cps_t t = { 0 };
		for (size_t i = 0; i < in.n; i++)
			if (!bidi_control(in.c[i]))
				put(&t, in.c[i]);
		page_backwards = !t.failed && backwards(t.c, t.n) > 0;
		free(t.c);
	}
	for (size_t i = 0; i < in.n && !in.failed && !o.failed;) {
		size_t s0 = i;
		while (i < in.n && in.c[i] != '\n' && in.c[i] != '\f')
			i++;
		repair_line(&o, in.c + s0, i - s0, what, page_backwards, nfkc);
		if (i < in.n)
			put(&o, in.c[i++]);
	}
	_naqib_buf_t b = NAQIB_BUF_INIT;
	for (size_t i = 0; i < o.n && !in.failed && !o.failed; i++) {
		char u[4];
		_naqib_buf_add(&b, u, _naqib_utf8_put(u, o.c[i]));
	}
	int failed = in.failed || o.failed || b.failed;
	free(in.c);
	free(o.c);
	if (failed) {
		_naqib_buf_free(&b);
		return _naqib_fail(NAQIB_E_NOMEM, "out of memory");
	}
	return _naqib_buf_finish(&b, NAQIB_OK, out, out_len);
}
