/* The reranker: its model files (read, scored, refused with the file and
 * line named) and its features (lib/rank). */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "internal.h"
#include "rank/rank.h"

/* The index of a feature by name, or -1. */
static int feature(const char *name)
{
	const char *n;

	for (size_t i = 0; (n = naqib_feature_name(i, NULL)); i++)
		if (!strcmp(n, name))
			return (int)i;
	return -1;
}

static naqib_ranker_t *load(const char *text)
{
	naqib_ranker_t *r = NULL;
	int st = naqib_ranker_load(text, strlen(text), "m.txt", &r);

	CHECK_MSG(st == NAQIB_OK, "load: %s", naqib_last_error());
	return r;
}

static void linear_model_scores(void)
{
	naqib_ranker_t *r = load("# a comment\n"
				 "naqib-rerank 1\n"
				 "features bm25 lead\n"
				 "shift 1 0\n"
				 "scale 2 1\n"
				 "linear 0.5 1 -3  # trailing comment\n");
	float x[_NAQIB_FEATURES] = { 0 };

	x[feature("bm25")] = 4;
	x[feature("lead")] = 1;
	/* 0.5 + 1 * (4 - 1) * 2 - 3 * 1 */
	CHECK(r && naqib_ranker_features(r) == 2);
	CHECK(r && fabs(naqib_ranker_score(r, x) - 3.5) < 1e-9);
	naqib_ranker_destroy(r);
}

static void trees_score(void)
{
	/* Two trees over feature 0 (matched) and 1 (dlh). */
	naqib_ranker_t *r = load("naqib-rerank 1\n"
				 "features matched dlh\n"
				 "trees 2 0.25\n"
				 "tree 5\n"
				 "node 0 0 0.5 1 2\n"
				 "leaf 1 -1\n"
				 "node 2 1 10 3 4\n"
				 "leaf 3 2\n"
				 "leaf 4 3\n"
				 "tree 1\n"
				 "leaf 0 0.5\n");
	float x[_NAQIB_FEATURES] = { 0 };
	int m = feature("matched"), d = feature("dlh");

	x[m] = 0.25f;
	CHECK(r && fabs(naqib_ranker_score(r, x) - (0.25 - 1 + 0.5)) < 1e-9);
	x[m] = 0.5f; /* not < 0.5: to node 2 */
	x[d] = 9.5f;
	CHECK(r && fabs(naqib_ranker_score(r, x) - (0.25 + 2 + 0.5)) < 1e-9);
	x[d] = 10;
	CHECK(r && fabs(naqib_ranker_score(r, x) - (0.25 + 3 + 0.5)) < 1e-9);
	naqib_ranker_destroy(r);
}

static void builtin_model_loads(void)
{
	naqib_ranker_t *r = NULL;

	CHECK_MSG(naqib_ranker_open(NULL, &r) == NAQIB_OK, "%s",
		  naqib_last_error());
	CHECK(r && naqib_ranker_features(r) > 0);
	naqib_ranker_destroy(r);
}

static void missing_file_is_named(void)
{
	naqib_ranker_t *r = (naqib_ranker_t *)1;

	CHECK(naqib_ranker_open("/nonexistent/model", &r) == NAQIB_E_IO);
	CHECK(r == NULL);
	CHECK(strstr(naqib_last_error(), "'/nonexistent/model'") != NULL);
}

static const check_case_t cases[] = {
	{ "a linear model scores standardized features", linear_model_scores },
	{ "trees go left below the threshold, add their leaves",
	  trees_score },
	{ "the built-in model loads", builtin_model_loads },
	{ "a missing model file is named", missing_file_is_named },
};

/* Bad models, and the message each must give (after "m.txt:"). */
static const struct bad {
	const char *name, *text, *message;
} bad[] = {
	{ "empty", "", "m.txt:1: empty" },
	{ "another file", "hello\n", "m.txt:1: not a naqib reranker model" },
	{ "unknown feature", "naqib-rerank 1\nfeatures bm25 colour\n",
	  "m.txt:2: unknown feature 'colour'" },
	{ "a row too short", "naqib-rerank 1\nfeatures bm25 dlh\nlinear 0 1\n",
	  "m.txt:3: 'linear' has 2 values for 2 features" },
	{ "not a number", "naqib-rerank 1\nfeatures bm25\nlinear 0 x1\n",
	  "m.txt:3: 'x1' is not a number" },
	{ "no model", "naqib-rerank 1\nfeatures bm25\n",
	  "m.txt:3: neither 'linear' nor 'trees'" },
	{ "a child before its node",
	  "naqib-rerank 1\nfeatures bm25\ntrees 1 0\ntree 3\nleaf 1 0\n"
	  "node 2 0 1 1 0\n",
	  "m.txt:6: a node's children must be later nodes of its tree" },
	{ "a node not given",
	  "naqib-rerank 1\nfeatures bm25\ntrees 1 0\ntree 3\n"
	  "node 0 0 1 1 2\nleaf 1 0\n",
	  "m.txt:7: the last tree is incomplete" },
	{ "fewer trees than said",
	  "naqib-rerank 1\nfeatures bm25\ntrees 2 0\ntree 1\nleaf 0 1\n",
	  "m.txt:6: 1 trees of the 2 'trees' said" },
	{ "a feature the model lacks",
	  "naqib-rerank 1\nfeatures bm25\ntrees 1 0\ntree 3\n"
	  "node 0 1 1 1 2\n",
	  "m.txt:5: no feature 1 (the model has 1)" },
	{ "an unknown line", "naqib-rerank 1\nfeatures bm25\nlinaer 0 1\n",
	  "m.txt:3: unknown line 'linaer'" },
};

/* Features of a small case: a query of two words, both in the document
 * next to each other in its lead, one as written. */
static void features_of_a_document(void)
{
	static const unsigned p0[] = { 101, 150 }, p1[] = { 102 };
	_naqib_rterm_t t[] = {
		{ _NAQIB_RT_STEM, 10, 30, 4, p0, 2 },
		{ _NAQIB_RT_WORD, 10, 20, 3, NULL, 0 },
		{ _NAQIB_RT_STEM, 100, 300, 1, p1, 1 },
		{ _NAQIB_RT_WORD, 100, 200, 0, NULL, 0 },
		{ _NAQIB_RT_UNION, 5, 5, 0, NULL, 0 },
	};
	static const size_t pairs[][2] = { { 0, 2 } };
	_naqib_rquery_t q = { t, 5, pairs, 1 };
	_naqib_rcoll_t c = { 1000, 200 };
	_naqib_rdoc_t d = { 400, 5, 10, 3 };
	float f[_NAQIB_FEATURES];

	_naqib_rank_features(&q, &c, &d, f);
	CHECK(fabs(f[feature("score")] - 0.5) < 1e-6);
	CHECK(fabs(f[feature("rank")] - log(3)) < 1e-6);
	CHECK(f[feature("matched")] == 1);
	/* log(100) of log(100) + log(10) */
	CHECK(fabs(f[feature("exact")] - log(100) / (log(100) + log(10))) <
	      1e-6);
	CHECK(f[feature("pairs_adjacent")] == 1 &&
	      f[feature("pairs_near")] == 1);
	CHECK(f[feature("window")] == 1);
	CHECK(f[feature("unions")] == 0 && f[feature("places")] == 0);
	CHECK(fabs(f[feature("first")] - log(2)) < 1e-6);
	CHECK(f[feature("title")] == 0 && f[feature("lead")] > 0);
	/* DLH kept negative where Xapian clamps: a frequent word, once in a
	 * long text. */
	_naqib_rterm_t common = { _NAQIB_RT_STEM, 900, 90000, 1, p1, 1 };
	_naqib_rquery_t q1 = { &common, 1, NULL, 0 };
	_naqib_rdoc_t long_doc = { 5000, 1, 1, 1 };
	_naqib_rank_features(&q1, &c, &long_doc, f);
	CHECK(f[feature("dlh")] < 0);
	CHECK(f[feature("pairs_adjacent")] == 0);
}

/* Apart: not in order, and more than 8 words between them. */
static void words_apart(void)
{
	static const unsigned p0[] = { 120 }, p1[] = { 119 }, p2[] = { 140 };
	_naqib_rterm_t t[] = {
		{ _NAQIB_RT_STEM, 10, 30, 1, p0, 1 },
		{ _NAQIB_RT_STEM, 10, 30, 1, p1, 1 },
		{ _NAQIB_RT_STEM, 10, 30, 1, p2, 1 },
	};
	static const size_t pairs[][2] = { { 0, 1 }, { 1, 2 } };
	_naqib_rquery_t q = { t, 3, pairs, 2 };
	_naqib_rcoll_t c = { 1000, 200 };
	_naqib_rdoc_t d = { 200, 1, 1, 1 };
	float f[_NAQIB_FEATURES];

	_naqib_rank_features(&q, &c, &d, f);
	CHECK(f[feature("pairs_adjacent")] == 0);
	CHECK(fabs(f[feature("pairs_near")] - 0.5) < 1e-6);
	CHECK(fabs(f[feature("window")] - 2.0 / 3) < 1e-6);
}

static const check_case_t feature_cases[] = {
	{ "features of a document that has the query in its lead",
	  features_of_a_document },
	{ "words apart are near, not adjacent", words_apart },
};

int main(void)
{
	check_run(cases, CHECK_N(cases));
	check_run(feature_cases, CHECK_N(feature_cases));
	for (size_t i = 0; i < CHECK_N(bad); i++) {
		naqib_ranker_t *r = (naqib_ranker_t *)1;
		check_begin("a bad model is refused: %s", bad[i].name);
		int st = naqib_ranker_load(bad[i].text, strlen(bad[i].text),
					   "m.txt", &r);
		CHECK(st == NAQIB_E_INVALID && r == NULL);
		CHECK_MSG(!strncmp(naqib_last_error(), bad[i].message,
				   strlen(bad[i].message)),
			  "got '%s', want '%s'", naqib_last_error(),
			  bad[i].message);
		check_end();
	}
	for (size_t i = 0; naqib_feature_name(i, NULL); i++) {
		const char *what = NULL;
		check_begin("feature %zu has a name and a description", i);
		CHECK(*naqib_feature_name(i, &what) && what && *what);
		check_end();
	}
	CHECK(naqib_feature_count() == _NAQIB_FEATURES);
	return check_done();
}
