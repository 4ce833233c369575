/* Word splitting: every token's offsets point at its bytes in the ORIGINAL
 * text, whatever normalization did to it. */
#include "check.h"
#include "naqib.h"

typedef struct want {
	const char *surface; /* the original bytes */
	const char *norm;
	unsigned flags;
} want_t;

static naqib_analyzer_t *a;

static void tokens_are(const char *text, const want_t *w, size_t n)
{
	const naqib_token_t *t;
	size_t count;

	CHECK(naqib_analyze(a, text, strlen(text), &t, &count) == NAQIB_OK);
	CHECK(count == n);
	if (count != n) {
		fprintf(stderr, "  '%s': %zu tokens, want %zu:", text, count, n);
		for (size_t i = 0; i < count; i++)
			fprintf(stderr, " [%s]", t[i].norm);
		fputc('\n', stderr);
		return;
	}
	for (size_t i = 0; i < n; i++) {
		char surface[256];
		size_t len = t[i].end - t[i].start;
		CHECK(t[i].end <= strlen(text) && len < sizeof surface);
		memcpy(surface, text + t[i].start, len);
		surface[len] = '\0';
		CHECK_STR(surface, w[i].surface, "surface");
		CHECK_STR(t[i].norm, w[i].norm, w[i].surface);
		CHECK((t[i].flags & ~NAQIB_TOKEN_STOPWORD) == w[i].flags);
	}
}

#define AR NAQIB_TOKEN_ARABIC
#define LA NAQIB_TOKEN_LATIN
#define NU NAQIB_TOKEN_NUMBER
#define N(x) (sizeof(x) / sizeof *(x))

int main(void)
{
	CHECK(naqib_analyzer_new(NULL, &a) == NAQIB_OK);

	/* Punctuation is not part of words; diacritics are. */
	static const want_t w2[] = {
		{ "قال", "قال", AR },
		{ "الكاتبُ", "الكاتب", AR },
		{ "العامُّ", "العام", AR },
		{ "الإِضْرَابُ", "الاضراب", AR },
		{ "مستمرّ", "مستمر", AR },
	};
	tokens_are("قال الكاتبُ العامُّ: «الإِضْرَابُ مستمرّ».", w2, N(w2));

	/* Digits of every script; a number glued to a letter is two words. */
	static const want_t w3[] = {
		{ "١٤", "14", NU },
		{ "أكتوبر", "اكتوبر", AR },
		{ "٢٠٢٥", "2025", NU },
		{ "م", "م", AR },
		{ "۲۰۲۵", "2025", NU },
	};
	tokens_are("١٤ أكتوبر ٢٠٢٥م، ۲۰۲۵", w3, N(w3));
	static const want_t w3b[] = {
		{ "و", "و", AR },
		{ "2025", "2025", NU },
	};
	tokens_are("و2025", w3b, N(w3b));

	/* Numbers keep their separators; dates are split at slashes. */
	static const want_t w4[] = {
		{ "3,650", "3,650", NU },
		{ "٣٫٥", "3.5", NU },
		{ "10", "10", NU },
		{ "10", "10", NU },
		{ "2016", "2016", NU },
	};
	tokens_are("3,650 ٣٫٥ 10/10/2016", w4, N(w4));

	/* Acronyms with dots are one word; a sentence's full stop is not. */
	static const want_t w5[] = {
		{ "U.M.T", "umt", LA },
		{ "ك.د.ش", "كدش", AR },
		{ "example", "example", LA },
		{ "com", "com", LA },
	};
	tokens_are("U.M.T ك.د.ش. example.com", w5, N(w5));

	/* Tatweel, ligatures and invisible controls stay inside the word's
	 * original bytes. */
	static const want_t w6[] = {
		{ "نقابـــة", "نقابه", AR },
		{ "ﻻ", "لا", AR },
		{ "تراجع", "تراجع", AR },
		{ "الاحت\xE2\x80\x8C" "قان", "الاحتقان", AR },
		{ "FDT\xE2\x80\x8F", "fdt", LA },
	};
	tokens_are("نقابـــة ﻻ تراجع الاحت\xE2\x80\x8C" "قان (FDT\xE2\x80\x8F)", w6,
		   N(w6));

	/* Script changes split words; French elision too. */
	static const want_t w7[] = {
		{ "UMT", "umt", LA },
		{ "الاتحاد", "الاتحاد", AR },
		{ "l", "l", LA },
		{ "UMT", "umt", LA },
		{ "COVID", "covid", LA },
		{ "19", "19", NU },
		{ "grève", "greve", LA },
	};
	tokens_are("UMTالاتحاد l'UMT COVID19 grève", w7, N(w7));

	/* Stopwords are flagged, not dropped. */
	const naqib_token_t *t;
	size_t n;
	CHECK(naqib_analyze(a, "إضراب في القطاع", strlen("إضراب في القطاع"),
			    &t, &n) == NAQIB_OK);
	CHECK(n == 3);
	if (n == 3) {
		CHECK(!(t[0].flags & NAQIB_TOKEN_STOPWORD));
		CHECK(t[1].flags & NAQIB_TOKEN_STOPWORD);
		CHECK(!(t[2].flags & NAQIB_TOKEN_STOPWORD));
	}

	/* Nothing to index. */
	CHECK(naqib_analyze(a, "", 0, &t, &n) == NAQIB_OK && n == 0);
	CHECK(naqib_analyze(a, " ،؛؟ ... ـــ ", strlen(" ،؛؟ ... ـــ "), &t,
			    &n) == NAQIB_OK && n == 0);
	/* Bad input is refused. */
	CHECK(naqib_analyze(a, "نق\xD9", 5, &t, &n) == NAQIB_E_UTF8);

	naqib_analyzer_destroy(a);
	return check_done("tokenize");
}
