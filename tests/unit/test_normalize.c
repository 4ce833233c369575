/* Normalization: each rule of naqib(7)'s table, with expected forms written
 * from Arabic orthography, and the agreement of the fast path with ICU. */
#include <stdlib.h>

#include "check.h"
#include "internal.h"
#include "naqib.h"

static naqib_analyzer_t *a;

static void norm_is(const char *in, const char *want)
{
	const char *out;
	size_t len;

	CHECK(naqib_normalize(a, in, strlen(in), &out, &len) == NAQIB_OK);
	CHECK_STR(out, want, in);
	CHECK(!out || strlen(out) == len);
}

int main(void)
{
	CHECK(naqib_analyzer_new(NULL, &a) == NAQIB_OK);

	/* Tashkeel: fatha, damma, kasra, sukun, shadda, tanwin. */
	norm_is("الإِضْرَابُ", "الاضراب");
	norm_is("النِّقَابَةُ", "النقابه");
	norm_is("عُمَّالٌ", "عمال");
	norm_is("إضرابًا", "اضرابا");
	/* Dagger alef and Quranic marks. */
	norm_is("هٰذا", "هذا");
	norm_is("الرَّحْمٰنِ", "الرحمن");
	/* Tatweel. */
	norm_is("نقابـــة", "نقابه");
	norm_is("الإضـــراب", "الاضراب");
	/* Alef forms. */
	norm_is("أجور", "اجور");
	norm_is("إضراب", "اضراب");
	norm_is("آلاف", "الاف");
	norm_is("ٱلعمال", "العمال");
	/* Hamza on a seat: both spellings of مسؤول meet. */
	norm_is("مسؤول", "مسءول");
	norm_is("مسئول", "مسءول");
	norm_is("رئيس", "رءيس");
	norm_is("شؤون", "شءون");
	/* Alef maqsura and ta marbuta. */
	norm_is("على", "علي");
	norm_is("إلى", "الي");
	norm_is("الحكومة", "الحكومه");
	norm_is("الحكومه", "الحكومه");
	/* Persian and Urdu letter forms. */
	norm_is("کلمة", "كلمه");
	norm_is("الشغیلة", "الشغيله");
	norm_is("ھذا", "هذا");
	/* Loanword letters. */
	norm_is("ڤيتنام", "فيتنام");
	norm_is("أڭادير", "اكادير");
	norm_is("گاز", "كاز");
	/* Digits of every script, and the Arabic separators. */
	norm_is("٢٠٢٥", "2025");
	norm_is("۲۰۲۵", "2025");
	norm_is("٣٫٥", "3.5");
	norm_is("١٬٥٠٠", "1,500");
	/* NFKC: presentation forms and ligatures. */
	norm_is("ﻻ", "لا");
	norm_is("\xEF\xBB\x8B\xEF\xBB\xA4\xEF\xBA\x8E\xEF\xBB\x9F", "عمال");
	/* Format and bidi controls: ZWNJ, ZWJ, RLM, LRM, ALM. */
	norm_is("الاحت\xE2\x80\x8C" "قان", "الاحتقان");
	norm_is("FDT\xE2\x80\x8F", "fdt");
	norm_is("\xE2\x80\x8E" "UMT", "umt");
	norm_is("ن\xE2\x80\x8D" "قابة", "نقابه");
	norm_is("\xD8\x9C" "عمال", "عمال");
	/* Latin: case folding and accents. */
	norm_is("UMT", "umt");
	norm_is("Grève", "greve");
	norm_is("ÉTÉ", "ete");
	norm_is("Straße", "strasse");
	/* A combining accent composes before it is removed. */
	norm_is("gre\xCC\x80ve", "greve");
	/* Hamza written as a combining mark after its seat. */
	norm_is("ا\xD9\x94" "جور", "اجور");
	norm_is("مسو\xD9\x94ول", "مسءول");

	/* The fast path and ICU agree on every code point of the Arabic
	 * block, alone and between two letters. */
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
			fprintf(stderr, "U+%04X: fast '%s', ICU '%s'\n", c, fast,
				y);
			disagree++;
		}
	}
	CHECK(disagree == 0);

	/* The stopword list is normalized and sorted (bsearch needs it). */
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
	CHECK(naqib_is_stopword("في", strlen("في")));
	CHECK(naqib_is_stopword("الي", strlen("الي")));
	CHECK(!naqib_is_stopword("نقابه", strlen("نقابه")));
	CHECK(!naqib_is_stopword("ف", strlen("ف")));
	CHECK(!naqib_is_stopword("", 0));

	/* Invalid UTF-8 is refused, not mangled. */
	const char *out;
	size_t len;
	CHECK(naqib_normalize(a, "\xD9", 1, &out, &len) == NAQIB_E_UTF8);

	naqib_analyzer_destroy(a);
	return check_done("normalize");
}
