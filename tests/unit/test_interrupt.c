/* A document of megabytes is made with a stop callback that is asked all
 * along (naqib_doc_options_t.stop): the analysis of its words, the writing
 * of its terms, the packing of its data.  naqib-index answers Ctrl-C with
 * it; before, a 16 MB text was analysed to its end first (5 to 10 s). */
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "naqib.h"

static size_t calls, stop_at; /* stop at the stop_at-th call; 0: never */

static int stop_fn(void *ctx)
{
	(void)ctx;
	return ++calls == stop_at;
}

static const char sentence[] = "أعلنت النقابة الوطنية للتعليم إضرابا وطنيا ";
#define SENTENCE_WORDS 6

/* A text of n sentences. */
static char *text_of(size_t n)
{
	size_t len = sizeof sentence - 1;
	char *t = malloc(n * len + 1);

	for (size_t i = 0; t && i < n; i++)
		memcpy(t + i * len, sentence, len);
	if (t)
		t[n * len] = '\0';
	return t;
}

/* Makes the document of body, stopped at the stop_at-th call (0: never);
 * returns its status and leaves the calls in `calls`. */
static int make(naqib_analyzer_t *a, const char *body, size_t at)
{
	naqib_record_t rec = { .id = "long", .title = "بيان", .body = body };
	naqib_doc_options_t o;
	naqib_doc_t *doc = (naqib_doc_t *)&rec; /* not NULL, to see it set */

	naqib_doc_options_init(&o);
	o.stop = stop_fn;
	calls = 0;
	stop_at = at;
	int st = naqib_doc_from_record(a, &rec, &o, &doc);
	CHECK_MSG((doc != NULL) == (st == NAQIB_OK),
		  "status %d, and the document %s", st, doc ? "set" : "NULL");
	naqib_doc_destroy(doc);
	return st;
}

int main(void)
{
	naqib_analyzer_t *a = NULL;
	const size_t n = 12000; /* 72,000 words, about 1 MB */
	char *body = text_of(n);

	if (naqib_analyzer_new(NULL, &a) || !body) {
		printf("Bail out! no analyser or no memory\n");
		return 1;
	}

	check_begin("a stop callback that never stops: the document is made");
	CHECK(make(a, body, 0) == NAQIB_OK);
	size_t all = calls;
	check_end();

	/* Asked for every 4096 words analysed and every 4096 written, at
	 * least: never a long stretch of a text without a question. */
	check_begin("it is asked at least twice every 4096 words (%zu words)",
		    n * SENTENCE_WORDS);
	CHECK_MSG(all >= 2 * (n * SENTENCE_WORDS / 4096),
		  "asked %zu times for %zu words", all, n * SENTENCE_WORDS);
	check_end();

	/* Wherever it says to stop (in the analysis, the terms, the data):
	 * no document, and the status says why. */
	const size_t at[] = { 1, 2, all / 4, all / 2, 3 * all / 4, all - 1, all };
	for (size_t i = 0; i < CHECK_N(at); i++) {
		check_begin("told to stop at its call %zu of %zu: NAQIB_E_INTERRUPTED, no document",
			    at[i], all);
		CHECK(make(a, body, at[i]) == NAQIB_E_INTERRUPTED);
		CHECK_MSG(calls == at[i], "asked %zu times after it said to stop at %zu",
			  calls, at[i]);
		CHECK(strstr(naqib_last_error(), "interrupted") != NULL);
		CHECK_STR(naqib_status_to_string(NAQIB_E_INTERRUPTED), "interrupted",
			  "the status's name");
		check_end();
	}

	check_begin("after a stop the analyser makes the next document whole");
	CHECK(make(a, body, 0) == NAQIB_OK);
	CHECK(calls == all);
	check_end();

	check_begin("a short text asks it too (between the stages): stopped at once, no document");
	CHECK(make(a, "إضراب", 1) == NAQIB_E_INTERRUPTED);
	check_end();

	check_begin("without a stop callback the document is made");
	{
		naqib_record_t rec = { .id = "long", .title = "بيان", .body = body };
		naqib_doc_t *doc = NULL;
		CHECK(naqib_doc_from_record(a, &rec, NULL, &doc) == NAQIB_OK);
		CHECK(doc != NULL);
		naqib_doc_destroy(doc);
	}
	check_end();

	naqib_analyzer_destroy(a);
	free(body);
	return check_done();
}
