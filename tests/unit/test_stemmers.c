/* Each stemmer behind the one function table.  The light stemmer's expected
 * stems are written from Arabic morphology (article, clitics, suffixes);
 * for Snowball, whose rules are its own, the tests hold what search needs:
 * the inflected forms of a word meet on one stem.  Inputs are normalized
 * words (ة as ه, ى as ي, ا for every alef). */
#include <stdlib.h>

#include "check.h"
#include "naqib.h"

static const char *stem(naqib_stemmer_t *s, const char *w)
{
	static char buf[256];
	const char *out;
	size_t len;

	if (naqib_stemmer_stem(s, w, strlen(w), &out, &len) != NAQIB_OK)
		return NULL;
	snprintf(buf, sizeof buf, "%.*s", (int)len, out);
	return buf;
}

static void stem_is(naqib_stemmer_t *s, const char *w, const char *want)
{
	CHECK_STR(stem(s, w), want, w);
}

/* Every word of the NULL-terminated list has the same stem as the first. */
static void same_stem(naqib_stemmer_t *s, const char *const *words)
{
	char first[256];

	snprintf(first, sizeof first, "%s", stem(s, words[0]));
	for (size_t i = 1; words[i]; i++)
		CHECK_STR(stem(s, words[i]), first, words[i]);
}

static const char *const union_forms[] = {
	"نقابه", "النقابه", "للنقابه", "بالنقابه", "والنقابات", "النقابات",
	"نقابتنا", NULL,
};
static const char *const strike_forms[] = {
	"اضراب", "الاضراب", "بالاضراب", "والاضراب", "للاضراب", NULL,
};

int main(void)
{
	naqib_stemmer_t *s = NULL;

	/* ---- light */
	CHECK(naqib_stemmer_new("light", NULL, &s) == NAQIB_OK);
	/* The article and its combinations with و ف ب ك ل. */
	stem_is(s, "النقابه", "نقاب");
	stem_is(s, "للنقابه", "نقاب");
	stem_is(s, "بالنقابه", "نقاب");
	stem_is(s, "والنقابات", "نقاب");
	stem_is(s, "فالحكومه", "حكوم");
	stem_is(s, "كالعاده", "عاد");
	stem_is(s, "وبالاضراب", "اضراب");
	/* Plural and feminine endings: ات ون ين يه ه ي. */
	stem_is(s, "النقابيين", "نقاب");
	stem_is(s, "المعلمون", "معلم");
	stem_is(s, "العاملين", "عامل");
	stem_is(s, "نقابيه", "نقاب");
	stem_is(s, "الاجتماعي", "اجتماع");
	/* Attached pronouns, and ة showing as ت before them. */
	stem_is(s, "مطالبهم", "مطالب");
	stem_is(s, "حقوقنا", "حقوق");
	stem_is(s, "نقابتنا", "نقاب");
	stem_is(s, "حكومتها", "حكوم");
	/* The conjunction و, only on words long enough. */
	stem_is(s, "واجور", "اجور");
	stem_is(s, "وزير", "زير");
	/* Guards: short words stay whole. */
	stem_is(s, "من", "من");
	stem_is(s, "الي", "الي");
	stem_is(s, "اله", "اله");
	stem_is(s, "وقت", "وقت");
	stem_is(s, "فهم", "فهم");
	/* Not Arabic: untouched. */
	stem_is(s, "umt", "umt");
	stem_is(s, "2025", "2025");
	same_stem(s, union_forms);
	same_stem(s, strike_forms);
	naqib_stemmer_destroy(s);

	/* ---- snowball arabic */
	CHECK(naqib_stemmer_new("snowball", "arabic", &s) == NAQIB_OK);
	stem_is(s, "الاضراب", "اضراب");
	stem_is(s, "النقابه", "نقاب");
	same_stem(s, union_forms);
	same_stem(s, strike_forms);
	static const char *const gov[] = { "حكومه", "الحكومه", "فالحكومه",
					   "والحكومه", NULL };
	same_stem(s, gov);
	/* Sound feminine plurals without the article, and the broken
	 * plurals of the domain, join their singulars. */
	static const char *const unions[] = { "نقابات", "النقابات", "نقابه",
					      NULL };
	same_stem(s, unions);
	static const char *const wages[] = { "اجور", "الاجور", "اجر", "الاجر",
					     NULL };
	same_stem(s, wages);
	static const char *const workers[] = { "عمال", "العمال", "عامل",
					       "العامل", NULL };
	same_stem(s, workers);
	static const char *const demands[] = { "مطالب", "المطالب", "مطلب",
					       NULL };
	same_stem(s, demands);
	static const char *const ministers[] = { "الوزراء", "الوزير", NULL };
	same_stem(s, ministers);
	naqib_stemmer_destroy(s);

	/* ---- snowball for Latin words */
	CHECK(naqib_stemmer_new("snowball", "french", &s) == NAQIB_OK);
	static const char *const greve[] = { "greve", "greves", NULL };
	same_stem(s, greve);
	static const char *const syndicat[] = { "syndicat", "syndicats", NULL };
	same_stem(s, syndicat);
	naqib_stemmer_destroy(s);
	CHECK(naqib_stemmer_new("snowball", "english", &s) == NAQIB_OK);
	stem_is(s, "unions", "union");
	naqib_stemmer_destroy(s);

	/* ---- none */
	CHECK(naqib_stemmer_new("none", NULL, &s) == NAQIB_OK);
	stem_is(s, "والنقابات", "والنقابات");
	naqib_stemmer_destroy(s);

	/* Over-long words pass through every stemmer unchanged. */
	char longw[NAQIB_MAX_STEM_INPUT * 2 + 8] = "";
	while (strlen(longw) <= NAQIB_MAX_STEM_INPUT)
		strcat(longw, "ال");
	strcat(longw, "ات");
	const char *const names[] = { "light", "snowball", "none" };
	for (size_t i = 0; i < 3; i++) {
		CHECK(naqib_stemmer_new(names[i], NULL, &s) == NAQIB_OK);
		stem_is(s, longw, longw);
		naqib_stemmer_destroy(s);
	}

	/* Unknown names and options are refused, and *out is NULL. */
	s = (naqib_stemmer_t *)1;
	CHECK(naqib_stemmer_new("porter", NULL, &s) == NAQIB_E_INVALID);
	CHECK(s == NULL);
	CHECK(naqib_stemmer_new("snowball", "klingon", &s) == NAQIB_E_INVALID);
	CHECK(s == NULL);
	CHECK(naqib_stemmer_new("light", "french", &s) == NAQIB_E_INVALID);
	CHECK(naqib_stemmer_new("none", "french", &s) == NAQIB_E_INVALID);
	naqib_stemmer_destroy(NULL);

	/* The analyser rejects unknown stemmers too. */
	naqib_analyzer_t *a = (naqib_analyzer_t *)1;
	naqib_analyzer_options_t o = { "heavy", NULL };
	CHECK(naqib_analyzer_new(&o, &a) == NAQIB_E_INVALID && a == NULL);
	naqib_analyzer_options_t o2 = { "light", "klingon" };
	CHECK(naqib_analyzer_new(&o2, &a) == NAQIB_E_INVALID && a == NULL);
	naqib_analyzer_destroy(NULL);

	/* The analyser keeps the stems it computed: asked again, it gives the
	 * same stems as the stemmer itself, from its cache and after the cache
	 * was emptied (it holds 40,000). */
	naqib_analyzer_t *an = NULL;
	CHECK(naqib_stemmer_new("snowball", NULL, &s) == NAQIB_OK);
	CHECK(naqib_analyzer_new(NULL, &an) == NAQIB_OK);
	static const char *const letters[] = { "ن", "ق", "ا", "ب", "ت",
					       "ه", "و", "ل", "م", "ي" };
	static const char *const prefix[] = { "", "ال", "وال", "لل", "ب" };
	size_t bad = 0;
	/* 1000 words, twice (the second time from the cache), then 50,000,
	 * then the first 1000 again. */
	for (int pass = 0; pass < 4 && an && s; pass++)
		for (unsigned i = 0; i < (pass == 2 ? 50000u : 1000u); i++) {
			char w[64] = "";
			strcat(w, prefix[i % 5]);
			for (unsigned k = i / 5, n = 0; n < 4; k /= 10, n++)
				strcat(w, letters[k % 10]);
			const char *got, *want;
			size_t gl, wl;
			if (naqib_analyzer_stem(an, w, strlen(w), &got, &gl) ||
			    naqib_stemmer_stem(s, w, strlen(w), &want, &wl) ||
			    gl != wl || memcmp(got, want, gl) != 0)
				bad++;
		}
	CHECK(bad == 0);
	naqib_analyzer_destroy(an);
	naqib_stemmer_destroy(s);
	return check_done("stemmers");
}
