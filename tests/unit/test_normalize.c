/* Normalization: each rule of naqib(7)'s table, with expected forms written
 * from Arabic orthography, and the agreement of the fast path with ICU. */
#include <stdlib.h>

#include "check.h"
#include "internal.h"
#include "naqib.h"

static naqib_analyzer_t *a;

/* Each rule, a word in and the form it normalizes to. */
static const struct {
	const char *rule, *in, *want;
} forms[] = {
	{ "tashkeel: fatha, damma, kasra, sukun", "الإِضْرَابُ", "الاضراب" },
	{ "tashkeel: shadda", "النِّقَابَةُ", "النقابه" },
	{ "tashkeel: shadda, tanwin", "عُمَّالٌ", "عمال" },
	{ "tashkeel: tanwin", "إضرابًا", "اضرابا" },
	{ "dagger alef", "هٰذا", "هذا" },
	{ "dagger alef and Quranic marks", "الرَّحْمٰنِ", "الرحمن" },
	{ "tatweel", "نقابـــة", "نقابه" },
	{ "tatweel", "الإضـــراب", "الاضراب" },
	{ "alef forms: أ", "أجور", "اجور" },
	{ "alef forms: إ", "إضراب", "اضراب" },
	{ "alef forms: آ", "آلاف", "الاف" },
	{ "alef forms: ٱ", "ٱلعمال", "العمال" },
	/* Both spellings of مسؤول meet. */
	{ "hamza on a seat: ؤ", "مسؤول", "مسءول" },
	{ "hamza on a seat: ئ", "مسئول", "مسءول" },
	{ "hamza on a seat: ئ", "رئيس", "رءيس" },
	{ "hamza on a seat: ؤ", "شؤون", "شءون" },
	{ "alef maqsura", "على", "علي" },
	{ "alef maqsura", "إلى", "الي" },
	{ "ta marbuta", "الحكومة", "الحكومه" },
	{ "ta marbuta", "الحكومه", "الحكومه" },
	{ "Persian and Urdu letter forms: ک", "کلمة", "كلمه" },
	{ "Persian and Urdu letter forms: ی", "الشغیلة", "الشغيله" },
	{ "Persian and Urdu letter forms: ھ", "ھذا", "هذا" },
	{ "loanword letters: ڤ", "ڤيتنام", "فيتنام" },
	{ "loanword letters: ڭ", "أڭادير", "اكادير" },
	{ "loanword letters: گ", "گاز", "كاز" },
	{ "Arabic-Indic digits", "٢٠٢٥", "2025" },
	{ "Persian digits", "۲۰۲۵", "2025" },
	{ "the Arabic decimal separator", "٣٫٥", "3.5" },
	{ "the Arabic thousands separator", "١٬٥٠٠", "1,500" },
	{ "NFKC: the lam-alef ligature", "ﻻ", "لا" },
	{ "NFKC: presentation forms", "\xEF\xBB\x8B\xEF\xBB\xA4\xEF\xBA\x8E\xEF\xBB\x9F",
	  "عمال" },
	{ "format controls: ZWNJ", "الاحت\xE2\x80\x8C" "قان", "الاحتقان" },
	{ "bidi controls: RLM", "FDT\xE2\x80\x8F", "fdt" },
	{ "bidi controls: LRM", "\xE2\x80\x8E" "UMT", "umt" },
	{ "format controls: ZWJ", "ن\xE2\x80\x8D" "قابة", "نقابه" },
	{ "bidi controls: ALM", "\xD8\x9C" "عمال", "عمال" },
	{ "Latin: case folding", "UMT", "umt" },
	{ "Latin: accents", "Grève", "greve" },
	{ "Latin: accents and case", "ÉTÉ", "ete" },
	{ "Latin: ß", "Straße", "strasse" },
	{ "a combining accent composes before it is removed", "gre\xCC\x80ve",
	  "greve" },
	{ "hamza written as a combining mark after its seat: ا", "ا\xD9\x94" "جور",
	  "اجور" },
	{ "hamza written as a combining mark after its seat: و",
	  "مسو\xD9\x94ول", "مسءول" },
};

/* The fast path and ICU agree on every code point of the Arabic block,
 * alone and between two letters. */
static void fast_path_agrees_with_icu(void)
{
	int disagree = 0;
	for (unsigned c = 0x0600; c <= 0x06FF; c++) {
		char w[16];
		size_t n = 0;
		n += _naqib_utf8_put(w + n, 0x0628);
		n += _naqib_utf8_put(w + n, c);
		n += _naqib_utf8_put(w + n, 0x0628);
		w[n] = '\0';
		const char *x, *y;
		size_t xl, yl;
		char fast[64];
		if (naqib_normalize(a, w, n, &x, &xl) != NAQIB_OK)
			continue; /* unassigned code points are still valid */
		snprintf(fast, sizeof fast, "%s", x);
		CHECK(_naqib_normalize_icu(a, w, n, &y, &yl) == NAQIB_OK);
		if (y && strcmp(fast, y) != 0) {
			check_note("U+%04X: fast '%s', ICU '%s'", c, fast, y);
			disagree++;
		}
	}
	CHECK(disagree == 0);
}

/* The stopword list is normalized and sorted (bsearch needs it). */
static void stopword_list_is_normalized_and_sorted(void)
{
	size_t nstop;
	const char *const *stop = _naqib_stopwords(&nstop);
	CHECK(nstop > 50);
	for (size_t i = 0; i < nstop; i++) {
		const char *o;
		size_t l;
		CHECK(naqib_normalize(a, stop[i], strlen(stop[i]), &o, &l) ==
		      NAQIB_OK);
		CHECK_STR(o, stop[i], "stopword normalized");
		if (i)
			CHECK(strcmp(stop[i - 1], stop[i]) < 0);
		CHECK(naqib_is_stopword(stop[i], strlen(stop[i])));
	}
}

static void stopwords_are_known(void)
{
	CHECK(naqib_is_stopword("في", strlen("في")));
	CHECK(naqib_is_stopword("الي", strlen("الي")));
	CHECK(!naqib_is_stopword("نقابه", strlen("نقابه")));
	CHECK(!naqib_is_stopword("ف", strlen("ف")));
	CHECK(!naqib_is_stopword("", 0));
}

/* Invalid UTF-8 is refused, not mangled. */
static void invalid_utf8_is_refused(void)
{
	const char *out;
	size_t len;
	CHECK(naqib_normalize(a, "\xD9", 1, &out, &len) == NAQIB_E_UTF8);
}

static const check_case_t cases[] = {
	{ "the fast path and ICU agree on every code point of the Arabic block",
	  fast_path_agrees_with_icu },
	{ "the stopword list is normalized and sorted",
	  stopword_list_is_normalized_and_sorted },
	{ "في and الي are stopwords; نقابه, ف and \"\" are not",
	  stopwords_are_known },
	{ "invalid UTF-8 is refused", invalid_utf8_is_refused },
};

int main(void)
{
	check_begin("the default analyser is made");
	CHECK(naqib_analyzer_new(NULL, &a) == NAQIB_OK);
	check_end();
	for (size_t i = 0; i < CHECK_N(forms); i++) {
		const char *in = forms[i].in, *want = forms[i].want, *out;
		size_t len;

		check_begin("%s: %s is %s", forms[i].rule, in, want);
		CHECK(naqib_normalize(a, in, strlen(in), &out, &len) == NAQIB_OK);
		CHECK_STR(out, want, in);
		CHECK(!out || strlen(out) == len);
		check_end();
	}
	check_run(cases, CHECK_N(cases));
	naqib_analyzer_destroy(a);
	return check_done();
}
