/* Visual order for terminals that do not implement the Unicode
 * bidirectional algorithm (xterm, tmux, the Linux console): each line is
 * reordered with ICU's ubidi, so that Arabic reads right to left on a
 * screen that only ever draws left to right.
 *
 * What ubidi_writeReordered() does, done run by run: the lines of
 * naqib-search carry ANSI colour escapes, which are not text and must not
 * be reordered as text, yet must stay on the characters they colour.  So
 * the escapes are taken out first and remembered per character as a
 * "style"; the visual runs of the line (ubidi_getVisualRun) are cut where
 * the style changes, each right-to-left piece is written with
 * ubidi_writeReverse() (mirroring brackets, keeping each combining mark
 * after its letter, as writeReordered would), and the escapes are put back
 * wherever the style changes in visual order.  A line without escapes
 * comes out byte for byte as ubidi_writeReordered() with
 * UBIDI_DO_MIRRORING | UBIDI_KEEP_BASE_COMBINING writes it; the unit test
 * holds both to that.
 *
 * Lines longer than the terminal are broken before reordering (the
 * terminal would otherwise wrap the visual line, and the first screen line
 * would show the end of the sentence), with the levels resolved over the
 * whole line (ubidi_setLine), and right-to-left lines are aligned right. */
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include <unicode/ubidi.h>
#include <unicode/uchar.h>
#include <unicode/ushape.h>
#include <unicode/utf16.h>

#include "bidi.h"
#include "cli.h"
#include "internal.h"
#include "list.h"
#include "naqib.h"

/* A line taken apart: its text in UTF-16, and for each code unit the
 * escapes in force (an offset into styles + 1; 0: none). */
typedef struct bidi_line {
	UChar *u;
	size_t *sty;
	size_t n, cap_u, cap_sty;
	_naqib_buf_t styles; /* NUL-separated escape strings */
} bidi_line_t;

static void line_free(bidi_line_t *l)
{
	free(l->u);
	free(l->sty);
	_naqib_buf_free(&l->styles);
}

static int line_reserve(bidi_line_t *l, size_t extra)
{
	naqib_status_t st = NAQIB_GROW(l->u, l->cap_u, l->n + extra);

	return st ? st : NAQIB_GROW(l->sty, l->cap_sty, l->n + extra);
}

/* Appends the code point c in style sty; paragraph separators (which
 * ubidi would take for the end of a paragraph) become spaces. */
static int line_put(bidi_line_t *l, UChar32 c, size_t sty)
{
	int st = line_reserve(l, 2);

	if (st)
		return st;
	if (u_charDirection(c) == U_BLOCK_SEPARATOR)
		c = ' ';
	size_t at = l->n;
	U16_APPEND_UNSAFE(l->u, l->n, c);
	for (; at < l->n; at++)
		l->sty[at] = sty;
	return NAQIB_OK;
}

/* The length of the escape sequence at s[0] (an ESC): CSI sequences
 * (ESC [ parameters final) and two-byte ones. */
static size_t escape_len(const char *s, size_t len)
{
	size_t i = 2;

	if (len < 2)
		return 1;
	if (s[1] != '[')
		return 2;
	while (i < len && !((unsigned char)s[i] >= 0x40 &&
			    (unsigned char)s[i] <= 0x7e))
		i++;
	return i < len ? i + 1 : len;
}

/* Takes text[0..len) apart into l. */
static int line_read(bidi_line_t *l, const char *text, size_t len)
{
	_naqib_buf_t cur = NAQIB_BUF_INIT;
	size_t sty = 0, i = 0;
	int st = NAQIB_OK;

	while (i < len && !st) {
		if (text[i] == '\033') {
			size_t e = escape_len(text + i, len - i);
			/* ESC [ m and ESC [ 0 m reset; anything else adds to
			 * what is in force. */
			if ((e == 3 && text[i + 2] == 'm') ||
			    (e == 4 && text[i + 2] == '0' && text[i + 3] == 'm')) {
				_naqib_buf_reset(&cur);
				sty = 0;
			} else if ((st = _naqib_buf_add(&cur, text + i, e)) ==
				   NAQIB_OK) {
				sty = l->styles.len + 1;
				st = _naqib_buf_add(&l->styles, cur.data,
						    cur.len + 1);
			}
			i += e;
			continue;
		}
		st = line_put(l, (UChar32)_naqib_utf8_next(text, &i), sty);
	}
	_naqib_buf_free(&cur);
	return st;
}

/* u_shapeArabic() turns diacritics into their spacing presentation forms
 * (U+FE70..U+FE7F), which a terminal draws in a cell of their own, before
 * the letter once reversed: they go back to the combining marks, which it
 * draws on the letter. */
static UChar unshape_mark(UChar c)
{
	if (c == 0xfe70 || c == 0xfe72 || c == 0xfe74)
		return (UChar)(0x064b + (c - 0xfe70) / 2);
	if (c >= 0xfe76 && c <= 0xfe7f)
		return (UChar)(0x064e + (c - 0xfe76) / 2);
	return c;
}

/* Letters to their presentation forms, style run by style run (a colour
 * starts and ends on word boundaries, where letters do not join anyway);
 * lam-alef becomes one ligature, so the text may shrink. */
static int line_shape(bidi_line_t *l)
{
	bidi_line_t out = { NULL, NULL, 0, 0, 0, NAQIB_BUF_INIT };
	int st = NAQIB_OK;

	for (size_t a = 0, b; a < l->n && !st; a = b) {
		for (b = a; b < l->n && l->sty[b] == l->sty[a]; b++)
			;
		if ((st = line_reserve(&out, b - a)))
			break;
		UErrorCode err = U_ZERO_ERROR;
		int32_t n = u_shapeArabic(l->u + a, (int32_t)(b - a),
					  out.u + out.n, (int32_t)(b - a),
					  U_SHAPE_LETTERS_SHAPE |
						  U_SHAPE_TEXT_DIRECTION_LOGICAL |
						  U_SHAPE_LENGTH_GROW_SHRINK,
					  &err);
		if (U_FAILURE(err)) {
			st = _naqib_fail(NAQIB_E_ICU, "u_shapeArabic: %s",
					 u_errorName(err));
			break;
		}
		for (int32_t k = 0; k < n; k++) {
			out.sty[out.n + (size_t)k] = l->sty[a];
			out.u[out.n + (size_t)k] = unshape_mark(out.u[out.n + (size_t)k]);
		}
		out.n += (size_t)n;
	}
	if (st) {
		free(out.u);
		free(out.sty);
		return st;
	}
	free(l->u);
	free(l->sty);
	l->u = out.u;
	l->sty = out.sty;
	l->n = out.n;
	l->cap_u = out.cap_u;
	l->cap_sty = out.cap_sty;
	return NAQIB_OK;
}

/* The columns a terminal gives code point c. */
static unsigned columns(UChar32 c)
{
	int t = u_charType(c);

	if (t == U_NON_SPACING_MARK || t == U_ENCLOSING_MARK ||
	    t == U_FORMAT_CHAR || t == U_CONTROL_CHAR)
		return 0;
	int w = u_getIntPropertyValue(c, UCHAR_EAST_ASIAN_WIDTH);
	return w == U_EA_WIDE || w == U_EA_FULLWIDTH ? 2 : 1;
}

void cli_bidi_options_init(cli_bidi_options_t *o)
{
	o->direction = CLI_DIR_AUTO;
	o->shape = 0;
	o->width = 0;
}

size_t cli_text_width(const char *s, size_t len)
{
	size_t w = 0;

	for (size_t i = 0; i < len;) {
		if (s[i] == '\033') {
			i += escape_len(s + i, len - i);
			continue;
		}
		w += columns((UChar32)_naqib_utf8_next(s, &i));
	}
	return w;
}

/* Appends the code units u[0..n) of style sty to b as UTF-8, with the
 * escapes that turn the style in force (*on) into sty. */
static int put_units(_naqib_buf_t *b, const bidi_line_t *l, const UChar *u,
		     size_t n, size_t sty, size_t *on)
{
	int st = NAQIB_OK;

	if (n && sty != *on) {
		if (*on)
			st |= _naqib_buf_add(b, "\033[0m", 4);
		if (sty)
			st |= _naqib_buf_add(b, l->styles.data + sty - 1,
					     strlen(l->styles.data + sty - 1));
		*on = sty;
	}
	for (size_t i = 0; i < n && !st;) {
		UChar32 c;
		char utf8[4];
		U16_NEXT(u, i, n, c);
		st = _naqib_buf_add(b, utf8, _naqib_utf8_put(utf8, (unsigned)c));
	}
	return st;
}

/* Writes the visual form of one line object (the paragraph, or a line of
 * it from ubidi_setLine()) whose text starts at l->u[from]. */
static int write_visual(_naqib_buf_t *b, UBiDi *line, const bidi_line_t *l,
			size_t from, UChar *tmp)
{
	UErrorCode err = U_ZERO_ERROR;
	int32_t runs = ubidi_countRuns(line, &err);
	size_t on = 0;
	int st = NAQIB_OK;

	for (int32_t r = 0; r < runs && U_SUCCESS(err) && !st; r++) {
		int32_t start, len;
		UBiDiDirection dir = ubidi_getVisualRun(line, r, &start, &len);
		size_t a = from + (size_t)start, z = a + (size_t)len;
		if (dir == UBIDI_LTR) {
			for (size_t i = a, j; i < z && !st; i = j) {
				for (j = i; j < z && l->sty[j] == l->sty[i]; j++)
					;
				st = put_units(b, l, l->u + i, j - i, l->sty[i],
					       &on);
			}
			continue;
		}
		/* Right to left: the style pieces last to first, each one
		 * reversed. */
		for (size_t j = z, i; j > a && !st; j = i) {
			for (i = j; i > a && l->sty[i - 1] == l->sty[j - 1]; i--)
				;
			int32_t n = ubidi_writeReverse(
				l->u + i, (int32_t)(j - i), tmp, (int32_t)(j - i),
				UBIDI_DO_MIRRORING | UBIDI_KEEP_BASE_COMBINING,
				&err);
			if (U_FAILURE(err))
				break;
			st = put_units(b, l, tmp, (size_t)n, l->sty[j - 1], &on);
		}
	}
	if (U_FAILURE(err))
		return _naqib_fail(NAQIB_E_ICU, "reordering a line: %s",
				   u_errorName(err));
	if (!st && on)
		st = _naqib_buf_add(b, "\033[0m", 4);
	return st;
}

/* The end of the next screen line of at most width columns starting at
 * from: after the last space that fits (*next after it), else as many code
 * points as fit (at least one). */
static size_t break_line(const bidi_line_t *l, size_t from, unsigned width,
			 size_t *next, size_t *cols)
{
	size_t w = 0, i = from, space = 0, space_w = 0;

	while (i < l->n) {
		size_t at = i;
		UChar32 c;
		U16_NEXT(l->u, i, l->n, c);
		unsigned cw = columns(c);
		if (w + cw > width && c == ' ') {
			*next = i;
			*cols = w;
			return at;
		}
		if (w + cw > width && at > from) {
			if (space > from) {
				*next = space + 1;
				*cols = space_w;
				return space;
			}
			*next = at;
			*cols = w;
			return at;
		}
		if (c == ' ') {
			space = at;
			space_w = w;
		}
		w += cw;
	}
	*next = l->n;
	*cols = w;
	return l->n;
}

static int visual_line(_naqib_buf_t *b, const char *text, size_t len,
		       const cli_bidi_options_t *o)
{
	bidi_line_t l = { NULL, NULL, 0, 0, 0, NAQIB_BUF_INIT };
	UBiDi *para = NULL, *line = NULL;
	UChar *tmp = NULL;
	UErrorCode err = U_ZERO_ERROR;
	int st;

	if ((st = line_read(&l, text, len)) || (o->shape && (st = line_shape(&l))))
		goto out;
	if (!l.n)
		goto out;
	UBiDiLevel level = o->direction == CLI_DIR_LTR   ? 0
			   : o->direction == CLI_DIR_RTL ? 1
							    : UBIDI_DEFAULT_LTR;
	if (!(tmp = malloc(l.n * sizeof *tmp))) {
		st = _naqib_fail(NAQIB_E_NOMEM, "out of memory");
		goto out;
	}
	para = ubidi_openSized((int32_t)l.n, 0, &err);
	ubidi_setPara(para, l.u, (int32_t)l.n, level, NULL, &err);
	if (U_FAILURE(err))
		goto icu;
	if (!o->width) {
		st = write_visual(b, para, &l, 0, tmp);
		goto out;
	}
	int rtl = ubidi_getParaLevel(para) & 1;
	if (!(line = ubidi_openSized((int32_t)l.n, 0, &err)))
		goto icu;
	for (size_t from = 0, next, cols; from < l.n && !st; from = next) {
		size_t end = break_line(&l, from, o->width, &next, &cols);
		if (from)
			st = _naqib_buf_addc(b, '\n');
		for (size_t k = cols; rtl && k < o->width && !st; k++)
			st = _naqib_buf_addc(b, ' ');
		ubidi_setLine(para, (int32_t)from, (int32_t)end, line, &err);
		if (U_FAILURE(err))
			goto icu;
		if (!st)
			st = write_visual(b, line, &l, from, tmp);
	}
	goto out;
icu:
	st = _naqib_fail(NAQIB_E_ICU, "reordering a line: %s", u_errorName(err));
out:
	ubidi_close(line);
	ubidi_close(para);
	free(tmp);
	line_free(&l);
	return st;
}

naqib_status_t cli_bidi_visual(const char *text, size_t len,
			       const cli_bidi_options_t *opts, char **out,
			       size_t *out_len)
{
	cli_bidi_options_t defaults;
	_naqib_buf_t b = NAQIB_BUF_INIT;
	size_t bad;
	int st;

	*out = NULL;
	if ((st = naqib_utf8_check(text, len, &bad)))
		return st;
	if (!opts) {
		cli_bidi_options_init(&defaults);
		opts = &defaults;
	}
	for (size_t at = 0; at <= len && !st;) {
		const char *nl = memchr(text + at, '\n', len - at);
		size_t end = nl ? (size_t)(nl - text) : len;
		if (at)
			st = _naqib_buf_addc(&b, '\n');
		if (!st)
			st = visual_line(&b, text + at, end - at, opts);
		at = end + 1;
	}
	return _naqib_buf_finish(&b, st, out, out_len);
}

/* ---------------------------------------------------------------- --bidi
 * The tools' side (bidi.h). */

const char *cli_bidi_item(size_t i, const char **description)
{
	static const cli_choice_t modes[] = {
		[CLI_BIDI_AUTO] = { "auto", "$NAQIB_BIDI on a terminal, else "
					    "logical (the default)" },
		[CLI_BIDI_LOGICAL] = { "logical", "as written: for terminals "
						  "that reorder Arabic, pipes "
						  "and files" },
		[CLI_BIDI_VISUAL] = { "visual", "reordered for terminals that "
						"draw every line left to right" },
	};

	return CLI_CHOICE(modes, i, description);
}

int cli_bidi_parse(const char *value, int *mode)
{
	const char *m;

	for (int i = 0; (m = cli_bidi_item((size_t)i, NULL)); i++)
		if (!strcmp(m, value)) {
			*mode = i;
			return 0;
		}
	_naqib_buf_t b = NAQIB_BUF_INIT;
	cli_error("--bidi: '%s' is not %s", value,
		  cli_list_join(cli_bidi_item, " or ", &b));
	_naqib_buf_free(&b);
	return -1;
}

void cli_bidi_setup(int mode, int shape, cli_bidi_t *out)
{
	const char *env = getenv("NAQIB_BIDI");
	int tty = isatty(1);

	memset(out, 0, sizeof *out);
	if (mode == CLI_BIDI_AUTO && tty && env && *env) {
		if (!strcmp(env, "visual"))
			mode = CLI_BIDI_VISUAL;
		else if (strcmp(env, "logical"))
			cli_error("NAQIB_BIDI: '%s' is not visual or logical; "
				  "ignored", env);
	}
	out->visual = mode == CLI_BIDI_VISUAL;
	out->opts.direction = CLI_DIR_AUTO;
	out->opts.shape = shape;
	struct winsize ws;
	if (out->visual && tty && ioctl(1, TIOCGWINSZ, &ws) == 0)
		out->opts.width = ws.ws_col;
}

naqib_status_t cli_bidi_write(const cli_bidi_t *b, FILE *f, const char *text,
			      size_t len)
{
	char *v;
	size_t n;
	int st;

	if (!b->visual) {
		fwrite(text, 1, len, f);
		return NAQIB_OK;
	}
	if ((st = cli_bidi_visual(text, len, &b->opts, &v, &n)))
		return st;
	fwrite(v, 1, n, f);
	free(v);
	return NAQIB_OK;
}
