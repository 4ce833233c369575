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

/* The stemmer of the cases that follow its "is made" case. */
static naqib_stemmer_t *s;

static void made(const char *name, const char *option)
{
	check_begin("%s%s%s: the stemmer is made", name, option ? " " : "",
		    option ? option : "");
	CHECK(naqib_stemmer_new(name, option, &s) == NAQIB_OK);
	check_end();
}

typedef struct stem_row {
	const char *rule, *word, *want;
} stem_row_t;

static void stems_are(const char *stemmer, const stem_row_t *rows, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		check_begin("%s: %s: %s stems to %s", stemmer, rows[i].rule,
			    rows[i].word, rows[i].want);
		stem_is(s, rows[i].word, rows[i].want);
		check_end();
	}
}

static void same_stems(const char *stemmer, const char *const *words)
{
	check_begin("%s: %s and its forms share one stem", stemmer, words[0]);
	same_stem(s, words);
	check_end();
}

static const stem_row_t light_stems[] = {
	/* The article and its combinations with و ف ب ك ل. */
	{ "the article", "النقابه", "نقاب" },
	{ "the article after ل", "للنقابه", "نقاب" },
	{ "the article after ب", "بالنقابه", "نقاب" },
	{ "the article after و", "والنقابات", "نقاب" },
	{ "the article after ف", "فالحكومه", "حكوم" },
	{ "the article after ك", "كالعاده", "عاد" },
	{ "the article after و ب", "وبالاضراب", "اضراب" },
	/* Plural and feminine endings: ات ون ين يه ه ي. */
	{ "the ending ين", "النقابيين", "نقاب" },
	{ "the ending ون", "المعلمون", "معلم" },
	{ "the ending ين", "العاملين", "عامل" },
	{ "the ending يه", "نقابيه", "نقاب" },
	{ "the ending ي", "الاجتماعي", "اجتماع" },
	/* Attached pronouns, and ة showing as ت before them. */
	{ "an attached pronoun", "مطالبهم", "مطالب" },
	{ "an attached pronoun", "حقوقنا", "حقوق" },
	{ "ة as ت before a pronoun", "نقابتنا", "نقاب" },
	{ "ة as ت before a pronoun", "حكومتها", "حكوم" },
	/* The conjunction و, only on words long enough. */
	{ "the conjunction و", "واجور", "اجور" },
	{ "the conjunction و on a word long enough", "وزير", "زير" },
	/* Guards: short words stay whole. */
	{ "a short word stays whole", "من", "من" },
	{ "a short word stays whole", "الي", "الي" },
	{ "a short word stays whole", "اله", "اله" },
	{ "a short word stays whole", "وقت", "وقت" },
	{ "a short word stays whole", "فهم", "فهم" },
	/* Not Arabic: untouched. */
	{ "Latin is untouched", "umt", "umt" },
	{ "a number is untouched", "2025", "2025" },
};

static const stem_row_t snowball_stems[] = {
	{ "the article", "الاضراب", "اضراب" },
	{ "the article and ه", "النقابه", "نقاب" },
	/* و before ا is the root's own in the فاعل and فاعَل forms of the
	 * roots that begin with و. */
	{ "the و of the root وحد stays", "واحد", "واحد" },
	{ "the و of the root وضح stays", "واضح", "واضح" },
	{ "the و of the root وفق stays", "وافق", "وافق" },
	{ "the و of the root وقع stays", "واقع", "واقع" },
	/* ف ب before ا of a فاعل form: the root's own. */
	{ "the ف of the root فوز stays", "فاز", "فاز" },
	{ "the ف of the root فسد stays", "فاسد", "فاسد" },
	{ "the ب of the root برز stays", "بارز", "بارز" },
	{ "the ب of the root بحث stays (فاعلات)", "باحثات", "باحث" },
	/* A final ه that is a root letter is not a ة written as ه. */
	{ "the ه of the root وجه after the article", "الوجه", "وجه" },
	{ "the ه of the root وجه", "وجه", "وجه" },
	{ "the ه of الله", "الله", "الله" },
	{ "the ه of the root اله", "اله", "اله" },
};

/* Folding wrote أ إ آ as ا: the clitic before a hamza goes as Snowball
 * takes it off before أ (و + أفعل, و + افتعل, ب + إفعال, ب + استفعال). */
static const char *const added[] = { "اضاف", "واضاف", NULL };
static const char *const stressed[] = { "اكد", "واكد", NULL };
static const char *const explained[] = { "اوضح", "واوضح", NULL };
static const char *const pointed[] = { "اشار", "واشار", NULL };
static const char *const went_on[] = { "استمر", "واستمر", NULL };
static const char *const leave[] = { "استءذان", "باستءذان", NULL };
static const char *const strike[] = { "اضراب", "باضراب", "واضراب",
				      "الاضراب", NULL };
/* A final ه: a root letter, kept with or without the article and
 * clitics; a pronoun after the و of a verb's plural; elsewhere a ة written
 * as ه (nouns in وة, اة, and adjectives in تة). */
static const char *const allah[] = { "الله", "لله", "بالله", "والله", NULL };
static const char *const direction[] = { "اتجاه", "الاتجاه", "باتجاه", NULL };
static const char *const guidance[] = { "توجيه", "التوجيه", "بتوجيه", NULL };
static const char *const broke[] = { "نكث", "نكثوا", "نكثوه", NULL };
static const char *const refused[] = { "رفض", "رفضوا", "رفضوه", NULL };
static const char *const call[] = { "دعوه", "الدعوه", "بالدعوه", NULL };
static const char *const life[] = { "حياه", "الحياه", "للحياه", NULL };
static const char *const fixed[] = { "ثابته", "الثابته", "والثابته", NULL };
/* A nisba adjective whose meaning left its noun's keeps its ي, in all its
 * endings; the others still join their noun (التونسي and تونس). */
static const char *const social[] = { "اجتماعي", "الاجتماعي", "الاجتماعيه",
				      "اجتماعيا", "الاجتماعيين", NULL };
static const char *const meeting[] = { "اجتماع", "الاجتماع", "اجتماعه",
				       "الاجتماعات", NULL };
static const char *const coordination[] = { "تنسيق", "بالتنسيق", "التنسيق",
					    NULL };
static const char *const tunisian[] = { "تونس", "التونسي", "التونسيه", NULL };
static const char *const prices[] = { "اسعار", "باسعار", "الاسعار", NULL };

static const char *const union_forms[] = {
	"نقابه", "النقابه", "للنقابه", "بالنقابه", "والنقابات", "النقابات",
	"نقابتنا", NULL,
};
static const char *const strike_forms[] = {
	"اضراب", "الاضراب", "بالاضراب", "والاضراب", "للاضراب", NULL,
};
static const char *const gov[] = { "حكومه", "الحكومه", "فالحكومه", "والحكومه",
				   NULL };
/* Sound feminine plurals without the article, and the broken plurals of the
 * domain, join their singulars. */
static const char *const unions[] = { "نقابات", "النقابات", "نقابه", NULL };
/* A sound feminine plural with a pronoun or a clitic meets the bare one. */
static const char *const unions_suffixed[] = {
	"نقابات", "نقاباتهم", "بنقاباتها", "للنقابات", "ونقاباتنا", "نقاباته",
	"نقاباتي", "النقابات", NULL,
};
static const char *const decisions[] = { "قرارات", "قراراته", "بقراراتهم",
					 "القرارات", NULL };
static const char *const wages[] = { "اجور", "الاجور", "اجر", "الاجر", NULL };
static const char *const workers[] = { "عمال", "العمال", "عامل", "العامل",
				       NULL };
static const char *const demands[] = { "مطالب", "المطالب", "مطلب", NULL };
static const char *const ministers[] = { "الوزراء", "الوزير", NULL };
static const char *const greve[] = { "greve", "greves", NULL };
static const char *const syndicat[] = { "syndicat", "syndicats", NULL };

/* Over-long words pass through every stemmer unchanged. */
static void over_long_words_pass(void)
{
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
}

/* Unknown names and options are refused, and *out is NULL. */
static void unknown_stemmers_are_refused(void)
{
	s = (naqib_stemmer_t *)1;
	CHECK(naqib_stemmer_new("porter", NULL, &s) == NAQIB_E_INVALID);
	CHECK(s == NULL);
	CHECK(naqib_stemmer_new("snowball", "klingon", &s) == NAQIB_E_INVALID);
	CHECK(s == NULL);
	CHECK(naqib_stemmer_new("light", "french", &s) == NAQIB_E_INVALID);
	CHECK(naqib_stemmer_new("none", "french", &s) == NAQIB_E_INVALID);
	naqib_stemmer_destroy(NULL);
}

static void analyzer_refuses_unknown_stemmers(void)
{
	naqib_analyzer_t *a = (naqib_analyzer_t *)1;
	naqib_analyzer_options_t o = { "heavy", NULL };
	CHECK(naqib_analyzer_new(&o, &a) == NAQIB_E_INVALID && a == NULL);
	naqib_analyzer_options_t o2 = { "light", "klingon" };
	CHECK(naqib_analyzer_new(&o2, &a) == NAQIB_E_INVALID && a == NULL);
	naqib_analyzer_destroy(NULL);
}

/* The analyser keeps the stems it computed: asked again, it gives the same
 * stems as the stemmer itself, from its cache and after the cache was
 * emptied (it holds 40,000). */
static void analyzer_cache_agrees(void)
{
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
}

static const check_case_t cases[] = {
	{ "an over-long word passes through every stemmer unchanged",
	  over_long_words_pass },
	{ "unknown stemmers and options are refused, and no stemmer is made",
	  unknown_stemmers_are_refused },
	{ "the analyser refuses unknown stemmers too",
	  analyzer_refuses_unknown_stemmers },
	{ "the analyser's cache of stems gives the stemmer's stems, before and after it is emptied",
	  analyzer_cache_agrees },
};

int main(void)
{
	made("light", NULL);
	stems_are("light", light_stems, CHECK_N(light_stems));
	same_stems("light", union_forms);
	same_stems("light", strike_forms);
	naqib_stemmer_destroy(s);

	made("snowball", "arabic");
	stems_are("snowball arabic", snowball_stems, CHECK_N(snowball_stems));
	same_stems("snowball arabic", union_forms);
	same_stems("snowball arabic", strike_forms);
	same_stems("snowball arabic", gov);
	same_stems("snowball arabic", unions);
	same_stems("snowball arabic", unions_suffixed);
	same_stems("snowball arabic", decisions);
	same_stems("snowball arabic", wages);
	same_stems("snowball arabic", workers);
	same_stems("snowball arabic", demands);
	same_stems("snowball arabic", ministers);
	same_stems("snowball arabic", added);
	same_stems("snowball arabic", stressed);
	same_stems("snowball arabic", explained);
	same_stems("snowball arabic", pointed);
	same_stems("snowball arabic", went_on);
	same_stems("snowball arabic", leave);
	same_stems("snowball arabic", strike);
	same_stems("snowball arabic", prices);
	same_stems("snowball arabic", social);
	same_stems("snowball arabic", meeting);
	same_stems("snowball arabic", coordination);
	same_stems("snowball arabic", tunisian);
	{
		char st[256];
		check_begin("snowball arabic: a nisba of its own meaning stems apart from its noun");
		snprintf(st, sizeof st, "%s", stem(s, "الاجتماعي"));
		CHECK(strcmp(st, stem(s, "اجتماعه")) != 0);
		snprintf(st, sizeof st, "%s", stem(s, "تنسيقيه"));
		CHECK(strcmp(st, stem(s, "بالتنسيق")) != 0);
		snprintf(st, sizeof st, "%s", stem(s, "الحالي"));
		CHECK(strcmp(st, stem(s, "الحال")) != 0);
		check_end();
	}
	same_stems("snowball arabic", allah);
	same_stems("snowball arabic", direction);
	same_stems("snowball arabic", guidance);
	same_stems("snowball arabic", broke);
	same_stems("snowball arabic", refused);
	same_stems("snowball arabic", call);
	same_stems("snowball arabic", life);
	same_stems("snowball arabic", fixed);
	naqib_stemmer_destroy(s);

	/* Snowball for Latin words. */
	made("snowball", "french");
	same_stems("snowball french", greve);
	same_stems("snowball french", syndicat);
	naqib_stemmer_destroy(s);
	made("snowball", "english");
	check_begin("snowball english: unions stems to union");
	stem_is(s, "unions", "union");
	check_end();
	naqib_stemmer_destroy(s);

	made("none", NULL);
	check_begin("none: والنقابات stays والنقابات");
	stem_is(s, "والنقابات", "والنقابات");
	check_end();
	naqib_stemmer_destroy(s);

	check_run(cases, CHECK_N(cases));
	return check_done();
}
