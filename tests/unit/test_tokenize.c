/* Word splitting: every token's offsets point at its bytes in the ORIGINAL
 * text, whatever normalization did to it. */
#include <unicode/uchar.h>
#include <unicode/unorm2.h>

#include "check.h"
#include "naqib.h"
#include "internal.h"

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
		char got[1024] = "";
		for (size_t i = 0, o = 0; i < count && o < sizeof got; i++)
			o += (size_t)snprintf(got + o, sizeof got - o, " [%s]",
					      t[i].norm);
		check_note("  '%s': %zu tokens, want %zu:%s", text, count, n,
			   got);
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

/* Texts and the words they split into; the list of words ends at the first
 * without a surface. */
static const struct {
	const char *name, *text;
	want_t words[8];
} texts[] = {
	{ "punctuation is not part of words; diacritics are",
	  "قال الكاتبُ العامُّ: «الإِضْرَابُ مستمرّ».",
	  { { "قال", "قال", AR },
	    { "الكاتبُ", "الكاتب", AR },
	    { "العامُّ", "العام", AR },
	    { "الإِضْرَابُ", "الاضراب", AR },
	    { "مستمرّ", "مستمر", AR } } },
	{ "digits of every script; a number glued to a letter is two words",
	  "١٤ أكتوبر ٢٠٢٥م، ۲۰۲۵",
	  { { "١٤", "14", NU },
	    { "أكتوبر", "اكتوبر", AR },
	    { "٢٠٢٥", "2025", NU },
	    { "م", "م", AR },
	    { "۲۰۲۵", "2025", NU } } },
	{ "a conjunction glued to a number is two words", "و2025",
	  { { "و", "و", AR }, { "2025", "2025", NU } } },
	{ "numbers keep their separators; dates are split at slashes",
	  "3,650 ٣٫٥ 10/10/2016",
	  { { "3,650", "3,650", NU },
	    { "٣٫٥", "3.5", NU },
	    { "10", "10", NU },
	    { "10", "10", NU },
	    { "2016", "2016", NU } } },
	{ "acronyms with dots are one word; a sentence's full stop is not",
	  "U.M.T ك.د.ش. example.com",
	  { { "U.M.T", "umt", LA },
	    { "ك.د.ش", "كدش", AR },
	    { "example", "example", LA },
	    { "com", "com", LA } } },
	{ "tatweel, ligatures and invisible controls stay inside the word's original bytes",
	  "نقابـــة ﻻ تراجع الاحت\xE2\x80\x8C" "قان (FDT\xE2\x80\x8F)",
	  { { "نقابـــة", "نقابه", AR },
	    { "ﻻ", "لا", AR },
	    { "تراجع", "تراجع", AR },
	    { "الاحت\xE2\x80\x8C" "قان", "الاحتقان", AR },
	    { "FDT\xE2\x80\x8F", "fdt", LA } } },
	{ "script changes split words; French elision too",
	  "UMTالاتحاد l'UMT COVID19 grève",
	  { { "UMT", "umt", LA },
	    { "الاتحاد", "الاتحاد", AR },
	    { "l", "l", LA },
	    { "UMT", "umt", LA },
	    { "COVID", "covid", LA },
	    { "19", "19", NU },
	    { "grève", "greve", LA } } },
	{ "the rial sign is the word its NFKC writes, alone or after a number",
	  "ثمنه 100 ﷼ أو 100﷼",
	  { { "ثمنه", "ثمنه", AR },
	    { "100", "100", NU },
	    { "﷼", "ريال", AR },
	    { "أو", "او", AR },
	    { "100", "100", NU },
	    { "﷼", "ريال", AR } } },
};

/* Every symbol of the Arabic presentation forms whose compatibility
 * decomposition is Arabic letters is a word of those letters (today ﷼
 * alone: a new Unicode could add others). */
static void letter_symbols_are_words(void)
{
	UErrorCode err = U_ZERO_ERROR;
	const UNormalizer2 *nfkc = unorm2_getNFKCInstance(&err);
	size_t found = 0;

	CHECK(U_SUCCESS(err));
	for (UChar32 c = 0xFB50; c <= 0xFEFF && U_SUCCESS(err); c++) {
		int8_t type = u_charType(c);
		UChar d[32];
		if (type != U_CURRENCY_SYMBOL && type != U_OTHER_SYMBOL)
			continue;
		int32_t n = unorm2_getDecomposition(nfkc, c, d, 32, &err);
		if (n <= 0 || !u_isalpha(d[0]))
			continue;
		char text[8];
		size_t len = (size_t)_naqib_utf8_put(text, (unsigned)c);
		const naqib_token_t *t;
		size_t count;
		found++;
		CHECK(naqib_analyze(a, text, len, &t, &count) == NAQIB_OK &&
		      count == 1);
	}
	CHECK(found >= 1);
}

/* Stopwords are flagged, not dropped. */
static void stopwords_are_flagged(void)
{
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
}

static void nothing_to_index(void)
{
	const naqib_token_t *t;
	size_t n;
	CHECK(naqib_analyze(a, "", 0, &t, &n) == NAQIB_OK && n == 0);
	CHECK(naqib_analyze(a, " ،؛؟ ... ـــ ", strlen(" ،؛؟ ... ـــ "), &t,
			    &n) == NAQIB_OK && n == 0);
}

static void bad_input_is_refused(void)
{
	const naqib_token_t *t;
	size_t n;
	CHECK(naqib_analyze(a, "نق\xD9", 5, &t, &n) == NAQIB_E_UTF8);
}

static const check_case_t cases[] = {
	{ "stopwords are flagged, not dropped", stopwords_are_flagged },
	{ "nothing to index: no words in \"\" or in punctuation and tatweel",
	  nothing_to_index },
	{ "invalid UTF-8 is refused", bad_input_is_refused },
	{ "symbols whose NFKC is letters are words", letter_symbols_are_words },
};

int main(void)
{
	check_begin("the default analyser is made");
	CHECK(naqib_analyzer_new(NULL, &a) == NAQIB_OK);
	check_end();
	for (size_t i = 0; i < CHECK_N(texts); i++) {
		size_t n = 0;
		while (n < CHECK_N(texts[i].words) && texts[i].words[n].surface)
			n++;
		check_begin("%s", texts[i].name);
		tokens_are(texts[i].text, texts[i].words, n);
		check_end();
	}
	check_run(cases, CHECK_N(cases));
	naqib_analyzer_destroy(a);
	return check_done();
}
