/* The learned reranker's C side (no Xapian here): the features of a hit,
 * computed from what the index says of the query's terms in it, and the
 * model that scores them.
 *
 *   features.c  the table of features and their formulas: the weighting
 *               schemes (BM25, DLH, Dirichlet LM, TF-IDF) over the body,
 *               the lead and the title, the share of the query matched,
 *               pairs of query words next to or near each other, the
 *               thesaurus and date terms matched, the length
 *   model.c     the model file (a linear model and/or shallow trees, as
 *               scripts/rerank/train writes it), read and applied
 *
 * lib/xapian/rerank.cc reads the statistics from the index and reorders
 * the hits.  The features are computed the same way whatever weighting
 * ranked the hits first: the first stage's score enters only as a share
 * of the best score and as a rank. */
#ifndef NAQIB_RANK_H
#define NAQIB_RANK_H

#include <stddef.h>

#include "naqib.h"

#ifdef __cplusplus
extern "C" {
#endif

/* What a term of the query is. */
typedef enum _naqib_rterm_kind {
	_NAQIB_RT_STEM,  /* a query word's stem (positions) */
	_NAQIB_RT_WORD,  /* a query word as normalized (no positions) */
	_NAQIB_RT_UNION, /* a thesaurus entry of these kinds */
	_NAQIB_RT_PLACE,
	_NAQIB_RT_TERM,
	_NAQIB_RT_DAY,   /* a day the query names */
} _naqib_rterm_kind_t;

/* A term of the query and what the index says of it: over the collection,
 * and in the document being scored. */
typedef struct _naqib_rterm {
	_naqib_rterm_kind_t kind;
	double termfreq;        /* documents it is in */
	double collfreq;        /* its occurrences in the collection (its
				   wdf summed) */
	double wdf;             /* its wdf in the document (0: absent) */
	const unsigned *pos;    /* _NAQIB_RT_STEM: its positions in the
				   document, ascending; may be NULL */
	size_t n_pos;
} _naqib_rterm_t;

/* The collection. */
typedef struct _naqib_rcoll {
	double docs;            /* documents */
	double avlength;        /* their mean length (wdf summed) */
} _naqib_rcoll_t;

/* The document being scored and how the first stage ranked it. */
typedef struct _naqib_rdoc {
	double length;          /* its length (wdf summed) */
	double score, top_score; /* its first-stage score, the best one's */
	unsigned rank;          /* 1-based */
} _naqib_rdoc_t;

/* A query's terms: terms[0..n); pairs[0..n_pairs) the consecutive query
 * words, each two indices of _NAQIB_RT_STEM terms (a query word twice is
 * one term). */
typedef struct _naqib_rquery {
	const _naqib_rterm_t *terms;
	size_t n;
	const size_t (*pairs)[2];
	size_t n_pairs;
} _naqib_rquery_t;

/* The features: _NAQIB_FEATURES floats, named by naqib_feature_name(). */
#define _NAQIB_FEATURES 22

/* Fills out[0.._NAQIB_FEATURES) for one document. */
void _naqib_rank_features(const _naqib_rquery_t *q, const _naqib_rcoll_t *c,
			  const _naqib_rdoc_t *d, float *out);

/* Positions of the body's lead, and of the title (schema.h: the body's
 * words start past the title's and _NAQIB_FIELD_GAP). */
#define _NAQIB_RANK_LEAD 50

#ifdef __cplusplus
}
#endif

#endif
