/* bench/extract-quality's helper:
 *
 *   extract text [--ocr] [--repair LIST] FILE
 *	the body of each document naqib-index's readers make of FILE, a
 *	form feed between documents (until naqib-index --extract does it);
 *	--repair LIST: the Arabic repairs the readers do (arabic.h), by
 *	name, comma-separated ("none", "all": the default)
 *   extract repair [--repair LIST] FILE
 *	FILE (text an extractor gave) with the repairs LIST made
 *   extract cer [--source] REF HYP
 *	the character error rate of the text in HYP against the text in REF
 *	(edit distance over REF's length, both normalized: NFKC, no tashkeel
 *	or tatweel, white space one space), and the precision and recall of
 *	HYP's words (runs of letters and digits, counted with their
 *	repeats) against REF's, as "CER EDITS CHARS PRECISION RECALL";
 *	--source: REF is a source text of the corpus, its title on line 1
 *	and its body from line 3 (a seed, which has no title, is told by a
 *	first line longer than a title's or a second line with text): the
 *	reference is its title and body, or its body alone when HYP is
 *	nearer that (the title is the document's metadata only: an e-mail's
 *	subject, a page's <title>, not a heading in its text).
 *	The benches of extraction (bench/lib.sh) all measure with this.
 *
 * A file that cannot be read says so on standard error, status 1. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/uchar.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>

#include "formats/arabic.h"
#include "formats/formats.h"
#include "naqib.h"

static char *slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *buf = NULL;
	size_t cap = 0, n = 0;

	if (!f) {
		fprintf(stderr, "extract: %s: %s\n", path, strerror(errno));
		return NULL;
	}
	for (;;) {
		if (n + 65536 + 1 > cap) {
			cap = (n + 65536 + 1) * 2;
			char *b = realloc(buf, cap);
			if (!b)
				abort();
			buf = b;
		}
		size_t r = fread(buf + n, 1, cap - n - 1, f);
		if (!r)
			break;
		n += r;
	}
	fclose(f);
	buf[n] = '\0';
	*len = n;
	return buf;
}

static unsigned parse_repairs(const char *list)
{
	unsigned what = 0;
	char *copy = strdup(list), *save = NULL;

	for (char *w = strtok_r(copy, ",", &save); w; w = strtok_r(NULL, ",", &save)) {
		if (!strcmp(w, "all")) {
			what |= FMT_AR_ALL;
			continue;
		}
		if (!strcmp(w, "none"))
			continue;
		int neg = *w == '-';
		const char *name;
		size_t i;
		for (i = 0; (name = fmt_arabic_repair_name(i)); i++)
			if (!strcmp(name, w + neg))
				break;
		if (!name) {
			fprintf(stderr, "extract: no repair '%s'\n", w);
			exit(2);
		}
		if (neg)
			what &= ~(1u << i);
		else
			what |= 1u << i;
	}
	free(copy);
	return what;
}

static int docs;

static int on_doc(const fmt_doc_t *d, void *ctx)
{
	(void)ctx;
	if (docs++)
		putchar('\f');
	fputs(d->rec.body ? d->rec.body : "", stdout);
	putchar('\n');
	return 0;
}

static void on_bad(size_t line, const char *message, void *ctx)
{
	(void)line;
	fprintf(stderr, "extract: %s: %s\n", (const char *)ctx, message);
}

/* The normalized code points of s (UTF-16 units: the texts are in the
 * BMP); lines: line breaks kept as '\n' (a title's line told from the
 * body), else white space is all one space. */
static UChar *normalized(const char *s, size_t len, int lines,
			 int32_t *out_n)
{
	UErrorCode err = U_ZERO_ERROR;
	int32_t n = 0;
	UChar *u = malloc((len + 1) * sizeof *u), *v;

	u_strFromUTF8WithSub(u, (int32_t)len + 1, &n, s, (int32_t)len, 0xFFFD,
			     NULL, &err);
	const UNormalizer2 *nfkc = unorm2_getNFKCInstance(&err);
	v = malloc((size_t)(n * 4 + 16) * sizeof *v);
	int32_t m = unorm2_normalize(nfkc, u, n, v, n * 4 + 16, &err);
	if (U_FAILURE(err)) {
		fprintf(stderr, "extract: normalization: %s\n", u_errorName(err));
		exit(3);
	}
	/* A run of white space is one space, or one line break when it
	 * holds one and lines are kept (a line break is a space for the
	 * measures: flatten()); two line breaks in a row (an empty line)
	 * stay two. */
	int32_t k = 0, blank = 1;
	for (int32_t i = 0; i < m; i++) {
		UChar c = v[i];
		if ((c >= 0x064B && c <= 0x065F) || c == 0x0670 || c == 0x0640)
			continue;
		if (c == '\n' && lines) {
			while (k && u[k - 1] == ' ')
				k--;
			if (!(k >= 2 && u[k - 1] == '\n' && u[k - 2] == '\n'))
				u[k++] = '\n';
			blank = 1;
			continue;
		}
		if (u_isUWhiteSpace(c) || c == '\f') {
			if (!blank)
				u[k++] = ' ';
			blank = 1;
			continue;
		}
		u[k++] = c;
		blank = 0;
	}
	while (k && (u[k - 1] == ' ' || u[k - 1] == '\n'))
		k--;
	free(v);
	*out_n = k;
	return u;
}

/* Whether c is part of a word. */
static int word_char(UChar c)
{
	return u_isalnum(c) || u_charType(c) == U_NON_SPACING_MARK ||
	       u_charType(c) == U_COMBINING_SPACING_MARK;
}

/* The words of a text, sorted by their text (so that two lists are
 * merged to count the common words). */
typedef struct word {
	const UChar *s;
	int32_t n;
} word_t;

static int word_cmp(const void *a, const void *b)
{
	const word_t *x = a, *y = b;
	int32_t n = x->n < y->n ? x->n : y->n;
	int c = u_memcmp(x->s, y->s, n);

	return c ? c : (x->n > y->n) - (x->n < y->n);
}

static word_t *words_of(const UChar *u, int32_t n, size_t *count)
{
	word_t *w = malloc(((size_t)n / 2 + 1) * sizeof *w);
	size_t k = 0;

	for (int32_t i = 0; i < n;) {
		if (!word_char(u[i])) {
			i++;
			continue;
		}
		int32_t j = i;
		while (j < n && word_char(u[j]))
			j++;
		w[k].s = u + i;
		w[k++].n = j - i;
		i = j;
	}
	qsort(w, k, sizeof *w, word_cmp);
	*count = k;
	return w;
}

/* The words ref and hyp have in common, repeats counted as often as both
 * have them. */
static size_t common_words(const word_t *a, size_t na, const word_t *b,
			   size_t nb)
{
	size_t i = 0, j = 0, common = 0;

	while (i < na && j < nb) {
		int c = word_cmp(&a[i], &b[j]);
		if (!c)
			common++, i++, j++;
		else if (c < 0)
			i++;
		else
			j++;
	}
	return common;
}

/* --source: where the body of a source text ref[0..n) (normalized, its
 * line breaks kept as '\n' until now) starts; 0 for a seed, which has
 * no title: a title is a line of at most 200 characters, then an empty
 * line. */
static int32_t source_body(const UChar *ref, int32_t n)
{
	int32_t eol = 0;

	while (eol < n && ref[eol] != '\n')
		eol++;
	if (eol >= n || eol > 200 || eol + 1 >= n || ref[eol + 1] != '\n')
		return 0;
	return eol + 2;
}

/* Line breaks as spaces, a run of them one space: as normalized() leaves
 * white space without lines.  Returns the new length. */
static int32_t flatten(UChar *u, int32_t n)
{
	int32_t k = 0;

	for (int32_t i = 0; i < n; i++) {
		UChar c = u[i] == '\n' ? ' ' : u[i];
		if (c == ' ' && (!k || u[k - 1] == ' '))
			continue;
		u[k++] = c;
	}
	while (k && u[k - 1] == ' ')
		k--;
	return k;
}

static size_t distance(const UChar *a, int32_t n, const UChar *b, int32_t m)
{
	size_t *row = malloc((size_t)(m + 1) * sizeof *row), d = 0;

	for (int32_t j = 0; j <= m; j++)
		row[j] = (size_t)j;
	for (int32_t i = 1; i <= n; i++) {
		size_t diag = row[0];
		row[0] = (size_t)i;
		for (int32_t j = 1; j <= m; j++) {
			size_t up = row[j];
			size_t best = diag + (a[i - 1] != b[j - 1]);
			if (row[j - 1] + 1 < best)
				best = row[j - 1] + 1;
			if (up + 1 < best)
				best = up + 1;
			row[j] = best;
			diag = up;
		}
	}
	d = row[m];
	free(row);
	return d;
}

int main(int argc, char **argv)
{
	unsigned what = FMT_AR_ALL;
	int i = 2, source = 0;

	if (argc < 3)
		goto usage;
	for (; i < argc && argv[i][0] == '-' && argv[i][1]; i++) {
		if (!strcmp(argv[i], "--ocr"))
			fmt_options.ocr = 1;
		else if (!strcmp(argv[i], "--ocr-lang") && i + 1 < argc)
			fmt_options.ocr_lang = argv[++i];
		else if (!strcmp(argv[i], "--repair") && i + 1 < argc)
			what = parse_repairs(argv[++i]);
		else if (!strcmp(argv[i], "--source"))
			source = 1;
		else
			goto usage;
	}
	if (!strcmp(argv[1], "text") && i + 1 == argc) {
		size_t len;
		char *data = slurp(argv[i], &len);
		int unknown;
		if (!data)
			return 1;
		fmt_arabic_repairs = what;
		const fmt_format_t *f = fmt_for_name(argv[i], &unknown);
		fmt_callbacks_t cb = { .doc = on_doc, .bad = on_bad,
				      .ctx = argv[i] };
		int st = fmt_read(f, argv[i], data, len, &cb);
		free(data);
		return st || !docs;
	}
	if (!strcmp(argv[1], "repair") && i + 1 == argc) {
		size_t len, n;
		char *data = slurp(argv[i], &len), *out;
		if (!data || fmt_arabic_repair(data, len, what, &out, &n))
			return 1;
		fwrite(out, 1, n, stdout);
		free(out);
		free(data);
		return 0;
	}
	if (!strcmp(argv[1], "cer") && i + 2 == argc) {
		size_t rl, hl, na, nb;
		char *ref = slurp(argv[i], &rl), *hyp = slurp(argv[i + 1], &hl);
		if (!ref || !hyp)
			return 1;
		int32_t n, m, bn = 0;
		UChar *a = normalized(ref, rl, source, &n);
		UChar *b = normalized(hyp, hl, 0, &m), *body = NULL;
		int32_t from = source ? source_body(a, n) : 0;
		if (from) {
			bn = n - from;
			body = malloc((size_t)(bn + 1) * sizeof *body);
			u_memcpy(body, a + from, bn);
			bn = flatten(body, bn);
		}
		n = flatten(a, n);
		size_t d = distance(a, n, b, m);
		if (body) {
			/* The title counts when the text has it (a heading
			 * in the file), not when it is the document's
			 * metadata only (a subject, a <title>). */
			size_t db = distance(body, bn, b, m);
			if ((double)db / (bn ? bn : 1) < (double)d / (n ? n : 1)) {
				free(a);
				a = body, n = bn, d = db;
			} else {
				free(body);
			}
		}
		word_t *wa = words_of(a, n, &na), *wb = words_of(b, m, &nb);
		size_t common = common_words(wa, na, wb, nb);
		printf("%.4f %zu %d %.4f %.4f\n",
		       n ? (double)d / n : (double)(m > 0), d, (int)n,
		       nb ? (double)common / nb : 1.0,
		       na ? (double)common / na : 1.0);
		free(wa), free(wb);
		free(a), free(b), free(ref), free(hyp);
		return 0;
	}
usage:
	fprintf(stderr, "usage: extract text [--ocr] [--ocr-lang L] "
		"[--repair LIST] FILE\n"
		"       extract repair [--repair LIST] FILE\n"
		"       extract cer [--source] REF HYP\n");
	return 2;
}
