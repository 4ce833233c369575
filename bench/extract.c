/* bench/extract-quality's helper:
 *
 *   extract text [--ocr] [--repair LIST] FILE
 *	the body of each document naqib-index's readers make of FILE, a
 *	form feed between documents (until naqib-index --extract does it);
 *	--repair LIST: the Arabic repairs the readers do (arabic.h), by
 *	name, comma-separated ("none", "all": the default)
 *   extract repair [--repair LIST] FILE
 *	FILE (text an extractor gave) with the repairs LIST made
 *   extract cer REF HYP
 *	the character error rate of the text in HYP against the text in REF
 *	(edit distance over REF's length, both normalized: NFKC, no tashkeel
 *	or tatweel, white space one space), as "CER EDITS CHARS"
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
 * BMP). */
static UChar *normalized(const char *s, size_t len, int32_t *out_n)
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
	int32_t k = 0, blank = 1;
	for (int32_t i = 0; i < m; i++) {
		UChar c = v[i];
		if ((c >= 0x064B && c <= 0x065F) || c == 0x0670 || c == 0x0640)
			continue;
		if (u_isUWhiteSpace(c) || c == '\f') {
			if (!blank)
				u[k++] = ' ';
			blank = 1;
			continue;
		}
		u[k++] = c;
		blank = 0;
	}
	while (k && u[k - 1] == ' ')
		k--;
	free(v);
	*out_n = k;
	return u;
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
	int i = 2;

	if (argc < 3)
		goto usage;
	for (; i < argc && argv[i][0] == '-' && argv[i][1]; i++) {
		if (!strcmp(argv[i], "--ocr"))
			fmt_options.ocr = 1;
		else if (!strcmp(argv[i], "--ocr-lang") && i + 1 < argc)
			fmt_options.ocr_lang = argv[++i];
		else if (!strcmp(argv[i], "--repair") && i + 1 < argc)
			what = parse_repairs(argv[++i]);
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
		size_t rl, hl;
		char *ref = slurp(argv[i], &rl), *hyp = slurp(argv[i + 1], &hl);
		if (!ref || !hyp)
			return 1;
		int32_t n, m;
		UChar *a = normalized(ref, rl, &n), *b = normalized(hyp, hl, &m);
		size_t d = distance(a, n, b, m);
		printf("%.4f %zu %d\n", n ? (double)d / n : (double)(m > 0), d,
		       (int)n);
		free(a), free(b), free(ref), free(hyp);
		return 0;
	}
usage:
	fprintf(stderr, "usage: extract text [--ocr] [--ocr-lang L] "
		"[--repair LIST] FILE\n"
		"       extract repair [--repair LIST] FILE\n"
		"       extract cer REF HYP\n");
	return 2;
}
