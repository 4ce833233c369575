/* Index/query agreement: a word analysed at index time and the same word
 * typed in a query give the same terms, for every analyser setting, and the
 * spelling variants a reader types meet the ones in the text. */
#include <stdlib.h>

#include "check.h"
#include "naqib.h"
#include "internal.h"

typedef struct terms {
	char t[16][256];
	size_t n;
} terms_t;

static int collect(const char *term, size_t len, int is_prefix, void *ctx)
{
	terms_t *ts = ctx;

	if (!is_prefix && ts->n < 16 && len < 256) {
		memcpy(ts->t[ts->n], term, len);
		ts->t[ts->n][len] = '\0';
		ts->n++;
	}
	return 0;
}

static int has(const terms_t *ts, const char *t)
{
	for (size_t i = 0; i < ts->n; i++)
		if (!strcmp(ts->t[i], t))
			return 1;
	return 0;
}

static void query_terms(naqib_analyzer_t *a, const char *q, terms_t *ts)
{
	naqib_query_t *pq = NULL;

	ts->n = 0;
	CHECK(naqib_query_parse(NULL, a, q, &pq) == NAQIB_OK);
	if (pq)
		naqib_query_foreach_term(pq, collect, ts);
	naqib_query_destroy(pq);
}

/* The term indexing writes at a position for the one word of text: its
 * stem term (a phrase matches on those); "" when none. */
static int on_positional(size_t token, const char *term, size_t len,
			 unsigned pos, void *ctx)
{
	(void)token;
	if (pos && len < 256) {
		memcpy(ctx, term, len);
		((char *)ctx)[len] = '\0';
	}
	return 0;
}

static void positional_term(naqib_analyzer_t *a, const char *text, char *out)
{
	const naqib_token_t *t;
	size_t n;
	unsigned pos = 0;

	out[0] = '\0';
	CHECK(naqib_analyze(a, text, strlen(text), &t, &n) == NAQIB_OK);
	if (n == 1)
		naqib_tokens_terms(t, n, &pos, on_positional, out);
}

/* The word as a document and as a query: the query's term is the stem term
 * the index holds, and a quoted phrase uses the terms the index holds at
 * positions. */
static void agree_on(naqib_analyzer_t *a, const char *word)
{
	const naqib_token_t *t;
	size_t n;
	char zterm[300], at[2][256], phrase[600];
	terms_t qt;

	CHECK(naqib_analyze(a, word, strlen(word), &t, &n) == NAQIB_OK);
	CHECK(n == 1);
	if (n != 1)
		return;
	/* Words and numbers by their stem term (a number's is the
	 * number). */
	snprintf(zterm, sizeof zterm, "Z%s", t[0].stem);
	int stop = (t[0].flags & NAQIB_TOKEN_STOPWORD) != 0;
	int positionless = _naqib_positionless(&t[0]);

	query_terms(a, word, &qt);
	CHECK(qt.n == 1);
	if (!stop)
		CHECK_STR(qt.n ? qt.t[0] : NULL, zterm, word);

	/* In a phrase, next to another word: the terms at positions. */
	positional_term(a, word, at[0]);
	positional_term(a, "العمال", at[1]);
	snprintf(phrase, sizeof phrase, "\"%s العمال\"", word);
	query_terms(a, phrase, &qt);
	if (positionless) {
		/* A stopword has no position in the index: the phrase is
		 * matched without it. */
		CHECK(!at[0][0]);
		CHECK(qt.n == 1 && has(&qt, at[1]));
		return;
	}
	CHECK(qt.n == 2 && has(&qt, at[0]) && has(&qt, at[1]));
	if (!(qt.n == 2 && has(&qt, at[0])))
		check_note("  phrase with '%s': want '%s'", word, at[0]);
}

/* The same, naming the word when a check fails. */
static void agree(naqib_analyzer_t *a, const char *word)
{
	int failures = check_failures;

	agree_on(a, word);
	if (check_failures > failures)
		check_note("  (the word '%s')", word);
}

static const char *const words[] = {
	"نقابة", "النقابة", "للنقابة", "والنقابات", "النقابيين", "نقابتنا",
	"الإِضْرَابُ", "الإضراب", "الاضراب", "بالإضراب", "إضرابات",
	"نقابـــة", "مسؤول", "مسئول", "على", "الحكومه", "کلمة", "ﻻ",
	"٢٠٢٥", "2025", "۲۰۲۵", "3,650", "UMT", "U.M.T", "ك.د.ش", "Grève",
	"grèves", "syndicats", "الاحت\xE2\x80\x8C" "قان", "هٰذا",
	"وبالإضرابات", "الفوسفاط", "RCAR", "وأضاف", "واضاف", "بإستئذان",
	"نكثوه", "الوجه", "الله", "نقاباتهم", "بنقاباتها", "الاجتماعي",
	"تنسيقية", "﷼", NULL,
};

/* Variants that must give the same query, as a reader may type either. */
static const char *const same[][3] = {
	{ "الإضراب", "الاضراب", "الإِضْرَابُ" },
	{ "٢٠٢٥", "2025", "۲۰۲۵" },
	{ "نقابة", "نقابه", "نقابـــة" },
	{ "مسؤول", "مسئول", "مسؤول" },
	{ "UMT", "umt", "U.M.T" },
	{ "grève", "greve", "GRÈVE" },
	{ "على", "علي", "عَلَى" },
	{ "وأضاف", "واضاف", "وَأَضَافَ" },
	{ "﷼", "ريال", "ریال" },
};

/* For one analyser setting: every word, as a document and as a query, and
 * every variant a reader types. */
static void setting_agrees(const char *stemmer, const char *latin)
{
	naqib_analyzer_options_t o = { stemmer, latin };
	naqib_analyzer_t *a;
	CHECK(naqib_analyzer_new(&o, &a) == NAQIB_OK);
	for (size_t i = 0; words[i]; i++)
		agree(a, words[i]);
	for (size_t i = 0; i < sizeof same / sizeof *same; i++) {
		terms_t x, y;
		query_terms(a, same[i][0], &x);
		for (int k = 1; k < 3; k++) {
			query_terms(a, same[i][k], &y);
			CHECK(x.n == 1 && y.n == 1);
			CHECK_STR(y.n ? y.t[0] : NULL, x.n ? x.t[0] : "",
				  same[i][k]);
		}
	}
	naqib_analyzer_destroy(a);
}

/* With the light stemmer, the forms of نقابة meet on one query term. */
static void light_forms_meet(void)
{
	naqib_analyzer_options_t o = { "light", "none" };
	naqib_analyzer_t *a;
	CHECK(naqib_analyzer_new(&o, &a) == NAQIB_OK);
	terms_t x, y;
	query_terms(a, "نقابة", &x);
	static const char *const forms[] = { "النقابة", "للنقابة", "والنقابات",
					     "النقابيين", NULL };
	for (size_t i = 0; forms[i]; i++) {
		query_terms(a, forms[i], &y);
		CHECK_STR(y.n ? y.t[0] : NULL, x.n ? x.t[0] : "", forms[i]);
	}
	naqib_analyzer_destroy(a);
}

int main(void)
{
	static const char *const latins[] = { "french", "english", "none" };
	const char *stemmer;

	/* Every stemmer of the table, with three Latin stemmers. */
	for (size_t s = 0; (stemmer = naqib_stemmer_name(s, NULL)); s++) {
		for (size_t l = 0; l < 3; l++) {
			check_begin("--stemmer %s --latin-stemmer %s: a word "
				    "indexed and typed, and its variants typed, "
				    "give the same terms", stemmer, latins[l]);
			setting_agrees(stemmer, latins[l]);
			check_end();
		}
	}
	check_begin("--stemmer light: the forms of نقابة meet on one query term");
	light_forms_meet();
	check_end();
	return check_done();
}
