/* A search stops when its caller says so (naqib_search_options_t's stop,
 * which naqib.cgi uses for a client that went away, and which the time
 * limit shares): with the best hits of the documents it looked at, and
 * saying so.  A stop that never says so changes nothing: the same hits with
 * the same scores, as the source that stops the match weighs nothing.
 * These cases count calls, not seconds. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check.h"
#include "naqib.h"

#define DOCS 320

static naqib_db_t *db;
static naqib_analyzer_t *an;

/* Stops at its `at`-th call (0: never); counts its calls. */
typedef struct stopper {
	unsigned at, calls;
} stopper_t;

static int stop_at(void *ctx)
{
	stopper_t *s = ctx;

	return ++s->calls == s->at;
}

/* The documents: each has the WORDS words qaa ... qzz, so that a query of
 * them reads 216,320 postings, more than a match reads unwatched
 * (_NAQIB_STOP_READS); and إضراب, more of it the higher its number, so
 * that the scores differ. */
#define WORDS 676

/* Word k of the WORDS. */
static const char *word(int k)
{
	static char w[4];

	snprintf(w, sizeof w, "q%c%c", 'a' + k / 26, 'a' + k % 26);
	return w;
}

static void make_db(const char *path)
{
	naqib_doc_t *doc;
	static char body[16384];

	CHECK(naqib_db_open(path, NAQIB_DB_WRITE, &db) == NAQIB_OK);
	CHECK(naqib_analyzer_new(NULL, &an) == NAQIB_OK);
	CHECK(naqib_db_check_analyzer(db, an, 1) == NAQIB_OK);
	for (int i = 0; i < DOCS; i++) {
		char id[16];
		size_t n = 0;
		snprintf(id, sizeof id, "d%03d", i);
		for (int k = 0; k < WORDS; k++)
			n += (size_t)snprintf(body + n, sizeof body - n, "%s ",
					      word((k + i) % WORDS));
		for (int k = 0; k <= i % 17; k++)
			n += (size_t)snprintf(body + n, sizeof body - n,
					      "إضراب ");
		naqib_record_t r = { .id = id, .title = "", .date = "",
				     .url = "", .source = "", .path = "",
				     .body = body };
		CHECK(naqib_doc_from_record(an, &r, NULL, &doc) == NAQIB_OK);
		CHECK(naqib_db_replace(db, id, doc, NULL) == NAQIB_OK);
		naqib_doc_destroy(doc);
	}
	CHECK(naqib_db_commit(db) == NAQIB_OK);
}

static naqib_mset_t *search(const char *text, stopper_t *s, double limit)
{
	naqib_query_t *q = NULL;
	naqib_mset_t *m = NULL;
	naqib_search_options_t o;

	naqib_search_options_init(&o);
	o.limit = 20;
	if (s) {
		o.stop = stop_at;
		o.stop_ctx = s;
	}
	o.time_limit = limit;
	CHECK(naqib_query_parse(db, an, text, &q) == NAQIB_OK);
	if (q && naqib_db_search(db, q, &o, &m))
		check_note("%s", naqib_last_error());
	naqib_query_destroy(q);
	return m;
}

static void same_hits(const naqib_mset_t *a, const naqib_mset_t *b)
{
	CHECK(naqib_mset_size(a) == naqib_mset_size(b));
	CHECK(naqib_mset_estimate(a) == naqib_mset_estimate(b));
	for (size_t i = 0; i < naqib_mset_size(a) && i < naqib_mset_size(b);
	     i++) {
		naqib_hit_t x, y;
		CHECK(naqib_mset_hit(a, i, &x) == NAQIB_OK);
		CHECK(naqib_mset_hit(b, i, &y) == NAQIB_OK);
		CHECK(x.docid == y.docid);
		CHECK(x.score == y.score);
	}
}

/* Queries of the WORDS words, with more: ranked, a wildcard, a phrase. */
static char *queries[4];
static void make_queries(void)
{
	static const char *const more[] = { "", "إضراب ", "\"qab qac\" ",
					    "q* OR إضراب " };
	for (size_t q = 0; q < sizeof queries / sizeof *queries; q++) {
		size_t cap = 8 * WORDS + 64, n;
		queries[q] = malloc(cap);
		n = (size_t)snprintf(queries[q], cap, "%s", more[q]);
		for (int k = 0; q != 3 && k < WORDS; k++)
			n += (size_t)snprintf(queries[q] + n, cap - n, "%s ",
					      word(k));
	}
}

int main(void)
{
	char dir[] = "/tmp/naqib-test-stop.XXXXXX";

	if (!mkdtemp(dir)) {
		printf("Bail out! mkdtemp %s failed\n", dir);
		return 1;
	}
	check_begin("a database of %d documents of %d words", DOCS, WORDS);
	make_db(dir);
	make_queries();
	check_end();

	for (size_t k = 0; k < sizeof queries / sizeof *queries; k++) {
		check_begin("query %zu (%.16s...): a stop that never stops, and "
			    "a time limit of an hour, change no hit nor score",
			    k + 1, queries[k]);
		stopper_t never = { 0, 0 };
		naqib_mset_t *plain = search(queries[k], NULL, 0);
		naqib_mset_t *watched = search(queries[k], &never, 3600);
		CHECK(plain && watched);
		if (plain && watched) {
			same_hits(plain, watched);
			CHECK(!naqib_mset_stopped(plain));
			CHECK(!naqib_mset_stopped(watched));
			CHECK(never.calls > 0);
		}
		naqib_mset_destroy(plain);
		naqib_mset_destroy(watched);
		check_end();
	}

	check_begin("stopped at the first document: no hit, and it says so");
	stopper_t first = { 1, 0 };
	naqib_mset_t *m = search(queries[1], &first, 0);
	CHECK(m != NULL);
	if (m) {
		CHECK(naqib_mset_stopped(m) == NAQIB_STOPPED_ASKED);
		CHECK(naqib_mset_size(m) == 0);
	}
	naqib_mset_destroy(m);
	check_end();

	check_begin("stopped at the third call (the 33rd document): the best "
		    "of the first 32, and it says so");
	stopper_t third = { 3, 0 };
	m = search(queries[1], &third, 0);
	CHECK(m != NULL);
	if (m) {
		CHECK(naqib_mset_stopped(m) == NAQIB_STOPPED_ASKED);
		CHECK(third.calls == 3);
		CHECK(naqib_mset_size(m) == 20);
		naqib_hit_t h;
		for (size_t i = 0; i < naqib_mset_size(m); i++)
			CHECK(!naqib_mset_hit(m, i, &h) && h.docid <= 32);
	}
	naqib_mset_destroy(m);
	check_end();

	check_begin("a query that reads little (إضراب: %d postings) is not "
		    "watched: its match ends sooner than any limit", DOCS);
	stopper_t never = { 0, 0 };
	m = search("إضراب", &never, 3600);
	CHECK(m != NULL && !naqib_mset_stopped(m));
	CHECK(never.calls == 0);
	naqib_mset_destroy(m);
	check_end();

	for (size_t q = 0; q < sizeof queries / sizeof *queries; q++)
		free(queries[q]);
	naqib_analyzer_destroy(an);
	naqib_db_close(db);
	char cmd[sizeof dir + 16];
	snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
	if (system(cmd) != 0)
		printf("# test_stop: could not remove %s\n", dir);
	return check_done();
}
