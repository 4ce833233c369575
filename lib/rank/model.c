/* The reranker's model (naqib.h, naqib_ranker_load()): a text file, as
 * scripts/rerank/train writes it, read line by line so that a message
 * names the line that is wrong.
 *
 *	# comments, and blank lines, anywhere
 *	naqib-rerank 1
 *	features NAME...          the features the model reads, by name
 *	shift V...  scale V...    per feature: x' = (x - shift) * scale
 *	linear BIAS W...          score += BIAS + sum W * x'
 *	trees N BASE              score += BASE + the N trees' leaves
 *	tree M                    a tree of M nodes, node 0 its root, then
 *	node ID F T YES NO        feature F (0-based, of `features`) < T:
 *	                          to node YES, else NO
 *	leaf ID V                 the tree's value V
 *
 * The trees read the features as they are (not shifted or scaled) and
 * compare as floats, as xgboost does. */
#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "rank/rank.h"

/* 12 bytes, so that the trees of a model stay in the cache: a leaf's
 * value (a float in xgboost too) in `t`.  While the model is read,
 * `feature` is the model's own index; once read, naqib_feature_name()'s,
 * so that scoring reads the features without a table between. */
typedef struct node {
	float t;        /* threshold, or a leaf's value */
	int16_t feature; /* -1: a leaf; -2: not given yet */
	uint16_t yes, no;
} node_t;

typedef struct tree {
	node_t *nodes;
	size_t n;
} tree_t;

struct naqib_ranker {
	size_t n;             /* the model's features */
	int *feature;         /* each one's index in naqib_feature_name() */
	double *shift, *scale, *weight;
	double bias, base;
	int linear;
	tree_t *trees;
	size_t n_trees, want_trees;
};

void naqib_ranker_destroy(naqib_ranker_t *r)
{
	if (!r)
		return;
	for (size_t i = 0; i < r->n_trees; i++)
		free(r->trees[i].nodes);
	free(r->trees);
	free(r->feature);
	free(r->shift);
	free(r->scale);
	free(r->weight);
	free(r);
}

/* The parser's state: the text, where it is, and the words of a line. */
typedef struct reader {
	const char *name;
	size_t line;
	char *words[4096];
	size_t n;
} reader_t;

#define BAD(r, ...) bad(r, __VA_ARGS__)
static naqib_status_t bad(const reader_t *r, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
static naqib_status_t bad(const reader_t *r, const char *fmt, ...)
{
	char msg[512];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	return _naqib_fail(NAQIB_E_INVALID, "%s:%zu: %s", r->name, r->line,
			   msg);
}

static int number(const char *s, double *out)
{
	char *end;

	errno = 0;
	*out = strtod(s, &end);
	return end != s && !*end && !errno && isfinite(*out);
}

static int index_of(const char *s, size_t n, unsigned *out)
{
	char *end;
	unsigned long v;

	if (*s < '0' || *s > '9')
		return 0;
	errno = 0;
	v = strtoul(s, &end, 10);
	if (*end || errno || v >= n)
		return 0;
	*out = (unsigned)v;
	return 1;
}

/* A row of r->n numbers after the keyword, into *out (malloc'd). */
static naqib_status_t row(reader_t *rd, naqib_ranker_t *r, size_t skip,
			  double **out)
{
	if (!r->n)
		return BAD(rd, "'%s' before 'features'", rd->words[0]);
	if (*out)
		return BAD(rd, "'%s' twice", rd->words[0]);
	if (rd->n != r->n + skip)
		return BAD(rd, "'%s' has %zu values for %zu features",
			   rd->words[0], rd->n - 1, r->n);
	if (!(*out = calloc(r->n + 1, sizeof **out)))
		return _naqib_fail(NAQIB_E_NOMEM, "out of memory");
	for (size_t i = 0; i < r->n; i++)
		if (!number(rd->words[i + skip], &(*out)[i]))
			return BAD(rd, "'%s' is not a number",
				   rd->words[i + skip]);
	return NAQIB_OK;
}

/* Whether every node of t is reached from its root and leads to a leaf:
 * each node's children come after it. */
static int tree_ok(const tree_t *t)
{
	for (size_t i = 0; i < t->n; i++) {
		const node_t *x = &t->nodes[i];
		if (x->feature == -2)
			return 0; /* not given */
		if (x->feature >= 0 &&
		    (x->yes <= i || x->no <= i || x->yes >= t->n ||
		     x->no >= t->n))
			return 0;
	}
	return t->n > 0;
}

static naqib_status_t line(reader_t *rd, naqib_ranker_t *r, int *seen_magic)
{
	const char *k = rd->words[0];
	double v;
	unsigned id, f, yes, no;

	if (!*seen_magic) {
		if (strcmp(k, "naqib-rerank") || rd->n != 2 ||
		    strcmp(rd->words[1], "1"))
			return BAD(rd, "not a naqib reranker model (expected "
				   "'naqib-rerank 1')");
		*seen_magic = 1;
		return NAQIB_OK;
	}
	if (!strcmp(k, "features")) {
		if (r->n)
			return BAD(rd, "'features' twice");
		if (rd->n < 2)
			return BAD(rd, "'features' names none");
		r->n = rd->n - 1;
		if (!(r->feature = calloc(r->n, sizeof *r->feature)))
			return _naqib_fail(NAQIB_E_NOMEM, "out of memory");
		for (size_t i = 0; i < r->n; i++) {
			const char *name;
			size_t j = 0;
			while ((name = naqib_feature_name(j, NULL)) &&
			       strcmp(name, rd->words[i + 1]))
				j++;
			if (!name)
				return BAD(rd, "unknown feature '%s'",
					   rd->words[i + 1]);
			r->feature[i] = (int)j;
		}
		return NAQIB_OK;
	}
	if (!strcmp(k, "shift"))
		return row(rd, r, 1, &r->shift);
	if (!strcmp(k, "scale"))
		return row(rd, r, 1, &r->scale);
	if (!strcmp(k, "linear")) {
		if (rd->n < 2 || !number(rd->words[1], &r->bias))
			return BAD(rd, "'linear' needs a bias and a weight "
				   "a feature");
		r->linear = 1;
		return row(rd, r, 2, &r->weight);
	}
	if (!strcmp(k, "trees")) {
		if (r->want_trees || r->trees)
			return BAD(rd, "'trees' twice");
		if (rd->n != 3 || !index_of(rd->words[1], 100000, &id) ||
		    !id || !number(rd->words[2], &r->base))
			return BAD(rd, "expected 'trees N BASE'");
		r->want_trees = id;
		if (!(r->trees = calloc(id, sizeof *r->trees)))
			return _naqib_fail(NAQIB_E_NOMEM, "out of memory");
		return NAQIB_OK;
	}
	if (!strcmp(k, "tree")) {
		if (r->n_trees && !tree_ok(&r->trees[r->n_trees - 1]))
			return BAD(rd, "the tree before is incomplete");
		if (r->n_trees >= r->want_trees)
			return BAD(rd, "more trees than 'trees' said");
		if (rd->n != 2 || !index_of(rd->words[1], 1u << 16, &id) || !id)
			return BAD(rd, "expected 'tree M' (its nodes)");
		tree_t *t = &r->trees[r->n_trees++];
		if (!(t->nodes = calloc(id, sizeof *t->nodes)))
			return _naqib_fail(NAQIB_E_NOMEM, "out of memory");
		t->n = id;
		for (size_t i = 0; i < id; i++)
			t->nodes[i].feature = -2;
		return NAQIB_OK;
	}
	if (!strcmp(k, "node") || !strcmp(k, "leaf")) {
		tree_t *t = r->n_trees ? &r->trees[r->n_trees - 1] : NULL;
		int is_node = k[0] == 'n';
		if (!t)
			return BAD(rd, "'%s' before 'tree'", k);
		if (rd->n != (is_node ? 6u : 3u))
			return BAD(rd, is_node ? "expected 'node ID FEATURE "
						 "THRESHOLD YES NO'"
					       : "expected 'leaf ID VALUE'");
		if (!index_of(rd->words[1], t->n, &id) ||
		    t->nodes[id].feature != -2)
			return BAD(rd, "bad or repeated node id '%s'",
				   rd->words[1]);
		node_t *x = &t->nodes[id];
		if (!is_node) {
			if (!number(rd->words[2], &v))
				return BAD(rd, "'%s' is not a number",
					   rd->words[2]);
			*x = (node_t){ (float)v, -1, 0, 0 };
			return NAQIB_OK;
		}
		if (!index_of(rd->words[2], r->n, &f))
			return BAD(rd, "no feature %s (the model has %zu)",
				   rd->words[2], r->n);
		if (!number(rd->words[3], &v))
			return BAD(rd, "'%s' is not a number", rd->words[3]);
		if (!index_of(rd->words[4], t->n, &yes) ||
		    !index_of(rd->words[5], t->n, &no) || yes <= id ||
		    no <= id)
			return BAD(rd, "a node's children must be later nodes "
				   "of its tree");
		*x = (node_t){ (float)v, (int16_t)f, (uint16_t)yes,
			       (uint16_t)no };
		return NAQIB_OK;
	}
	return BAD(rd, "unknown line '%s'", k);
}

naqib_status_t naqib_ranker_load(const char *text, size_t len,
				 const char *name, naqib_ranker_t **out)
{
	naqib_ranker_t *r = calloc(1, sizeof *r);
	reader_t rd = { name ? name : "model", 0, { NULL }, 0 };
	char *copy = malloc(len + 1);
	naqib_status_t st = NAQIB_OK;
	int magic = 0;

	*out = NULL;
	if (!r || !copy) {
		free(r);
		free(copy);
		return _naqib_fail(NAQIB_E_NOMEM, "out of memory");
	}
	memcpy(copy, text, len);
	copy[len] = '\0';
	for (char *p = copy, *eol; !st && p < copy + len; p = eol + 1) {
		eol = strchr(p, '\n');
		if (!eol)
			eol = copy + len;
		*eol = '\0';
		rd.line++;
		char *hash = strchr(p, '#');
		if (hash)
			*hash = '\0';
		rd.n = 0;
		for (char *w = strtok(p, " \t\r"); w; w = strtok(NULL, " \t\r")) {
			if (rd.n == sizeof rd.words / sizeof *rd.words) {
				st = BAD(&rd, "too many words");
				break;
			}
			rd.words[rd.n++] = w;
		}
		if (!st && rd.n)
			st = line(&rd, r, &magic);
	}
	rd.line++;
	if (!st && !magic)
		st = BAD(&rd, "empty: not a naqib reranker model");
	else if (!st && !r->n)
		st = BAD(&rd, "no 'features' line");
	else if (!st && !r->linear && !r->want_trees)
		st = BAD(&rd, "neither 'linear' nor 'trees'");
	else if (!st && r->n_trees != r->want_trees)
		st = BAD(&rd, "%zu trees of the %zu 'trees' said", r->n_trees,
			 r->want_trees);
	else if (!st && r->n_trees && !tree_ok(&r->trees[r->n_trees - 1]))
		st = BAD(&rd, "the last tree is incomplete");
	free(copy);
	if (st) {
		naqib_ranker_destroy(r);
		return st;
	}
	for (size_t i = 0; i < r->n_trees; i++)
		for (size_t k = 0; k < r->trees[i].n; k++) {
			node_t *x = &r->trees[i].nodes[k];
			if (x->feature >= 0)
				x->feature = (int16_t)r->feature[x->feature];
		}
	*out = r;
	return NAQIB_OK;
}

naqib_status_t naqib_ranker_open(const char *path, naqib_ranker_t **out)
{
	size_t len;
	const char *text;
	naqib_status_t st;

	*out = NULL;
	if (!path) {
		text = naqib_ranker_builtin(&len);
		return naqib_ranker_load(text, len, "built-in model", out);
	}
	FILE *f = fopen(path, "rb");
	if (!f)
		return _naqib_fail(NAQIB_E_IO, "cannot open '%s': %s", path,
				   strerror(errno));
	_naqib_buf_t b = NAQIB_BUF_INIT;
	char chunk[65536];
	size_t n;
	st = NAQIB_OK;
	while (!st && (n = fread(chunk, 1, sizeof chunk, f)) > 0)
		st = _naqib_buf_add(&b, chunk, n);
	if (!st && ferror(f))
		st = _naqib_fail(NAQIB_E_IO, "cannot read '%s': %s", path,
				 strerror(errno));
	fclose(f);
	if (!st)
		st = naqib_ranker_load(b.data ? b.data : "", b.len, path, out);
	_naqib_buf_free(&b);
	return st;
}

size_t naqib_ranker_features(const naqib_ranker_t *r)
{
	return r->n;
}

double naqib_ranker_score(const naqib_ranker_t *r, const float *x)
{
	double s = 0;

	if (r->linear) {
		s = r->bias;
		for (size_t i = 0; i < r->n; i++) {
			double v = x[r->feature[i]];
			if (r->shift)
				v -= r->shift[i];
			if (r->scale)
				v *= r->scale[i];
			s += r->weight[i] * v;
		}
	}
	if (r->n_trees)
		s += r->base;
	for (size_t i = 0; i < r->n_trees; i++) {
		const node_t *nodes = r->trees[i].nodes, *n = nodes;
		while (n->feature >= 0)
			n = &nodes[x[n->feature] < n->t ? n->yes : n->no];
		s += n->t;
	}
	return s;
}
