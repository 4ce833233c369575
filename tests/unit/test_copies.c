/* The fingerprint of a body (schema.h, _NAQIB_F_COPY): the same for the
 * copies of a text however they are punctuated, vocalized or spaced, and
 * another for a text with a word changed. */
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "naqib.h"
#include "schema/document.h"

static naqib_analyzer_t *an;

/* What the document of a record writes in the fingerprint's slot and as
 * its term. */
typedef struct seen {
	char value[64];
	char term[64];
} seen_t;

static naqib_status_t no_posting(void *ctx, const char *t, size_t n,
				 unsigned pos, unsigned wdf)
{
	(void)ctx, (void)t, (void)n, (void)pos, (void)wdf;
	return NAQIB_OK;
}

static naqib_status_t no_term(void *ctx, const char *t, size_t n, unsigned wdf)
{
	(void)ctx, (void)t, (void)n, (void)wdf;
	return NAQIB_OK;
}

static naqib_status_t boolean(void *ctx, const char *t, size_t n)
{
	seen_t *s = ctx;
	const char *p = _NAQIB_FIELD(_NAQIB_F_COPY)->prefix;
	size_t k = strlen(p);
	if (n == k + _NAQIB_COPY_HEX && !strncmp(t, p, k)) {
		memcpy(s->term, t + k, n - k);
		s->term[n - k] = 0;
	}
	return NAQIB_OK;
}

static naqib_status_t value(void *ctx, unsigned slot, const char *d, size_t n)
{
	seen_t *s = ctx;
	if (slot == (unsigned)_NAQIB_FIELD(_NAQIB_F_COPY)->slot &&
	    n < sizeof s->value) {
		memcpy(s->value, d, n);
		s->value[n] = 0;
	}
	return NAQIB_OK;
}

static naqib_status_t no_data(void *ctx, const char *d, size_t n)
{
	(void)ctx, (void)d, (void)n;
	return NAQIB_OK;
}

/* The fingerprint of a document of this title and body ("" when none). */
static void print_of(const char *title, const char *body, seen_t *s)
{
	naqib_record_t r;
	memset(&r, 0, sizeof r);
	r.id = "x";
	r.title = title;
	r.body = body;
	memset(s, 0, sizeof *s);
	_naqib_doc_sink_t sink = { no_posting, no_term, boolean, value,
				   no_data, s };
	CHECK(_naqib_document_write(an, &r, NULL, &sink) == NAQIB_OK);
	CHECK_STR(s->term, s->value, "the term holds the slot's value");
}

static const char base[] =
	"دعت الجامعة الوطنية، المنضوية تحت لواء الاتحاد المغربي للشغل، إدارة "
	"المجمع إلى فتح مفاوضات عاجلة في 14 أكتوبر 2025.";

static const struct {
	const char *name, *body;
	int same; /* as base */
} copies[] = {
	{ "the text itself", base, 1 },
	{ "other punctuation and spacing",
	  "دعت  الجامعة الوطنية ; المنضوية تحت لواء الاتحاد المغربي للشغل - "
	  "إدارة المجمع إلى فتح مفاوضات عاجلة في 14 أكتوبر 2025 !", 1 },
	{ "tashkeel, tatweel, a hamza left out",
	  "دَعَتِ الجامعـــة الوطنية، المنضوية تحت لواء الاتحاد المغربي للشغل، "
	  "ادارة المجمع الى فتح مفاوضات عاجلة في 14 أكتوبر 2025.", 1 },
	{ "Eastern Arabic digits",
	  "دعت الجامعة الوطنية، المنضوية تحت لواء الاتحاد المغربي للشغل، إدارة "
	  "المجمع إلى فتح مفاوضات عاجلة في ١٤ أكتوبر ٢٠٢٥.", 1 },
	{ "a word changed",
	  "دعت الجامعة الوطنية، المنضوية تحت لواء الاتحاد المغربي للشغل، إدارة "
	  "المجمع إلى فتح مفاوضات فورية في 14 أكتوبر 2025.", 0 },
	{ "a word more",
	  "دعت الجامعة الوطنية، المنضوية تحت لواء الاتحاد المغربي للشغل، إدارة "
	  "المجمع إلى فتح مفاوضات عاجلة في 14 أكتوبر 2025 أمس.", 0 },
	{ "two words swapped",
	  "دعت الوطنية الجامعة، المنضوية تحت لواء الاتحاد المغربي للشغل، إدارة "
	  "المجمع إلى فتح مفاوضات عاجلة في 14 أكتوبر 2025.", 0 },
};

static void copies_and_others(void)
{
	seen_t want, got;
	print_of(NULL, base, &want);
	CHECK(strlen(want.value) == _NAQIB_COPY_HEX);
	for (size_t i = 0; i < CHECK_N(copies); i++) {
		print_of(NULL, copies[i].body, &got);
		CHECK_MSG((strcmp(got.value, want.value) == 0) == copies[i].same,
			  "%s: %s against %s", copies[i].name, got.value,
			  want.value);
	}
}

/* Reposts under other titles are copies: the title is not in it. */
static void title_left_out(void)
{
	seen_t a, b;
	print_of("بلاغ", base, &a);
	print_of("عنوان آخر تماما", base, &b);
	CHECK_STR(a.value, b.value, "another title, the same fingerprint");
}

/* A body without words has none: it collapses with nothing. */
static void no_words_no_print(void)
{
	seen_t s;
	print_of("عنوان", "", &s);
	CHECK_STR(s.value, "", "an empty body");
	print_of(NULL, " ،.؛ - ", &s);
	CHECK_STR(s.value, "", "punctuation only");
}

static const check_case_t cases[] = {
	{ "copies have one fingerprint, other texts another", copies_and_others },
	{ "the title is not in the fingerprint", title_left_out },
	{ "a body without words has no fingerprint", no_words_no_print },
};

int main(void)
{
	if (naqib_analyzer_new(NULL, &an))
		return 1;
	check_run(cases, CHECK_N(cases));
	naqib_analyzer_destroy(an);
	return check_done();
}
