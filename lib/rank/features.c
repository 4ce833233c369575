/* The features of a hit for the reranker (rank.h): one table of their
 * names and what each is, and the formulas, computed from the statistics
 * of the query's terms in the document and the collection, so that one
 * pass over the index serves every scheme. */
#include <math.h>
#include <string.h>

#include "internal.h"
#include "rank/rank.h"
#include "schema/schema.h"

static const struct feature {
	const char *name, *what;
} features[_NAQIB_FEATURES] = {
	{ "score", "the first stage's score, as a share of the best one's" },
	{ "rank", "log of the first stage's rank" },
	{ "bm25", "BM25 (k1 1.2, b 0.75) of the query's stems" },
	{ "dlh", "DLH of the query's stems, negative weights kept" },
	{ "lm", "query likelihood, Dirichlet smoothing (mu 1000)" },
	{ "tfidf", "(1 + log wdf) times log(N / df), summed" },
	{ "lead", "BM25 of the stems over the first 50 words of the body" },
	{ "title", "BM25 of the stems over the title" },
	{ "matched_idf", "share of the query's stems in the document, by idf" },
	{ "matched", "share of the query's stems in the document" },
	{ "exact", "share of the query's words present as written "
		   "(normalized), by idf" },
	{ "pairs_adjacent", "share of consecutive query words next to each "
			    "other, in order" },
	{ "pairs_near", "share of consecutive query words within 8 words" },
	{ "window", "most query stems in a window of 20 words, as a share" },
	{ "first", "log of the first position of a query stem in the body" },
	{ "unions", "share of the query's unions the document names" },
	{ "places", "share of the query's places" },
	{ "terms", "share of the query's domain terms" },
	{ "days", "share of the query's days the document gives" },
	{ "length", "log of the document's length" },
	{ "query_length", "log of the query's stems" },
	{ "idf_max", "the highest idf of a query stem in the document" },
};

size_t naqib_feature_count(void)
{
	return _NAQIB_FEATURES;
}

const char *naqib_feature_name(size_t i, const char **description)
{
	if (i >= _NAQIB_FEATURES)
		return NULL;
	if (description)
		*description = features[i].what;
	return features[i].name;
}

/* The first body position, and the last of the lead. */
#define BODY_FIRST (_NAQIB_FIELD_GAP + 1u)
#define LEAD_LAST (_NAQIB_FIELD_GAP + _NAQIB_RANK_LEAD)

#define K1 1.2
#define B 0.75
#define MU 1000.0
#define NEAR 8
#define WINDOW 20

static double bm25_idf(double n, double df)
{
	return log(1 + (n - df + 0.5) / (df + 0.5));
}

static double bm25_tf(double tf, double norm)
{
	return tf * (K1 + 1) / (tf + K1 * norm);
}

/* DLH (Macdonald et al.), as Xapian's DLHWeight without its clamp at 0:
 * a long document's negative weights say something too. */
static double dlh(double wdf, double len, double avlen, double n, double cf)
{
	if (wdf <= 0 || len <= 0 || cf <= 0)
		return 0;
	double f = wdf / len, one = 1 - f;
	if (one <= 0)
		one = 0.5 / len;
	return (wdf * log2(wdf * avlen / len * n / cf) +
		0.5 * log2(2 * M_PI * wdf * one)) /
	       (wdf + 0.5);
}

/* Whether stems a and b are within `gap` positions: in order, b right
 * after a (ordered), or either way. */
static int near(const _naqib_rterm_t *a, const _naqib_rterm_t *b,
		unsigned gap, int ordered)
{
	size_t i = 0, j = 0;

	while (i < a->n_pos && j < b->n_pos) {
		unsigned x = a->pos[i], y = b->pos[j];
		if (ordered ? y == x + 1
			    : (x > y ? x - y : y - x) <= gap)
			return 1;
		if (x < y)
			i++;
		else
			j++;
	}
	return 0;
}

/* The most distinct stems of q in any window of WINDOW positions. */
static size_t best_window(const _naqib_rquery_t *q)
{
	size_t at[64] = { 0 }, best = 0;
	size_t idx[64], m = 0;

	for (size_t i = 0; i < q->n && m < 64; i++)
		if (q->terms[i].kind == _NAQIB_RT_STEM && q->terms[i].n_pos)
			idx[m++] = i;
	if (m <= 1)
		return m;
	/* A sweep over the merged positions: each start, the stems with a
	 * position in [start, start + WINDOW). */
	for (;;) {
		size_t lo = (size_t)-1;
		unsigned start = 0;
		for (size_t k = 0; k < m; k++) {
			const _naqib_rterm_t *t = &q->terms[idx[k]];
			if (at[k] < t->n_pos &&
			    (lo == (size_t)-1 || t->pos[at[k]] < start)) {
				lo = k;
				start = t->pos[at[k]];
			}
		}
		if (lo == (size_t)-1)
			break;
		size_t in = 0;
		for (size_t k = 0; k < m; k++) {
			const _naqib_rterm_t *t = &q->terms[idx[k]];
			size_t p = at[k];
			while (p < t->n_pos && t->pos[p] < start)
				p++;
			in += p < t->n_pos && t->pos[p] < start + WINDOW;
		}
		if (in > best)
			best = in;
		at[lo]++;
	}
	return best;
}

void _naqib_rank_features(const _naqib_rquery_t *q, const _naqib_rcoll_t *c,
			  const _naqib_rdoc_t *d, float *out)
{
	double f[_NAQIB_FEATURES] = { 0 };
	double n = c->docs > 1 ? c->docs : 1;
	double avlen = c->avlength > 0 ? c->avlength : 1;
	double len = d->length > 0 ? d->length : 1;
	double norm = 1 - B + B * len / avlen;
	double idf_all = 0, idf_in = 0, word_all = 0, word_in = 0;
	double stems = 0, stems_in = 0, kinds[4] = { 0 }, kinds_in[4] = { 0 };
	unsigned first = 0;

	f[0] = d->top_score > 0 ? d->score / d->top_score : 0;
	f[1] = log(d->rank ? d->rank : 1);
	for (size_t i = 0; i < q->n; i++) {
		const _naqib_rterm_t *t = &q->terms[i];
		double df = t->termfreq > 0 ? t->termfreq : 1;
		double idf = log(n / df);
		if (idf < 0)
			idf = 0;
		if (t->kind == _NAQIB_RT_WORD) {
			word_all += idf;
			word_in += t->wdf > 0 ? idf : 0;
			continue;
		}
		if (t->kind != _NAQIB_RT_STEM) {
			int k = (int)t->kind - (int)_NAQIB_RT_UNION;
			kinds[k]++;
			kinds_in[k] += t->wdf > 0;
			continue;
		}
		stems++;
		idf_all += idf;
		/* Dirichlet: every query stem counts, present or not. */
		double pc = (t->collfreq > 0 ? t->collfreq : 0.5) / (n * avlen);
		f[4] += log(MU / (len + MU));
		if (t->wdf <= 0)
			continue;
		stems_in++;
		idf_in += idf;
		if (idf > f[21])
			f[21] = idf;
		f[2] += bm25_idf(n, df) * bm25_tf(t->wdf, norm);
		f[3] += dlh(t->wdf, len, avlen, n,
			    t->collfreq > 0 ? t->collfreq : t->wdf);
		f[4] += log(1 + t->wdf / (MU * pc));
		f[5] += (1 + log(t->wdf)) * idf;
		double lead = 0, title = 0;
		for (size_t p = 0; p < t->n_pos; p++) {
			unsigned x = t->pos[p];
			if (x < BODY_FIRST)
				title++;
			else if (x <= LEAD_LAST)
				lead++;
			if (x >= BODY_FIRST && (!first || x < first))
				first = x;
		}
		f[6] += bm25_idf(n, df) * bm25_tf(lead, 1);
		f[7] += bm25_idf(n, df) * bm25_tf(title, 1);
	}
	f[8] = idf_all > 0 ? idf_in / idf_all : 0;
	f[9] = stems > 0 ? stems_in / stems : 0;
	f[10] = word_all > 0 ? word_in / word_all : 0;
	double adjacent = 0, close = 0;
	for (size_t i = 0; i < q->n_pairs; i++) {
		const _naqib_rterm_t *a = &q->terms[q->pairs[i][0]],
				     *b = &q->terms[q->pairs[i][1]];
		adjacent += near(a, b, 1, 1);
		close += near(a, b, NEAR, 0);
	}
	f[11] = q->n_pairs ? adjacent / q->n_pairs : 0;
	f[12] = q->n_pairs ? close / q->n_pairs : 0;
	f[13] = stems > 0 ? best_window(q) / stems : 0;
	f[14] = first ? log(1 + first - _NAQIB_FIELD_GAP) : log(1 + len) + 1;
	for (int k = 0; k < 4; k++)
		f[15 + k] = kinds[k] > 0 ? kinds_in[k] / kinds[k] : 0;
	f[19] = log(1 + len);
	f[20] = log(1 + stems);
	for (int i = 0; i < _NAQIB_FEATURES; i++)
		out[i] = (float)f[i];
}
