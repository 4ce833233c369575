/* What the analysis layer shares with the layers above it and with the unit
 * tests, beyond naqib.h. */
#ifndef NAQIB_ANALYSIS_H
#define NAQIB_ANALYSIS_H

#include <stddef.h>

#include "naqib.h"

#ifdef __cplusplus
extern "C" {
#endif

/* The month names the date finder knows, for the unit test: NULL past the
 * end. */
const char *_naqib_month_word(size_t i, const char **second, int *month);

/* Normalizes always through ICU, never the fast path (for the test that
 * both paths agree). */
naqib_status_t _naqib_normalize_icu(naqib_analyzer_t *a, const char *w,
				    size_t len, const char **out,
				    size_t *out_len);

/* Turns stemming in naqib_analyze() on or off (off, a token's stem is its
 * normalized form: for the thesaurus, which matches normalized words and
 * loads faster without stems); returns the previous setting. */
int _naqib_analyzer_stemming(naqib_analyzer_t *a, int on);

/* naqib_analyze() that asks stop(ctx) (NULL: never) every 4096 words
 * or so, and returns NAQIB_E_INTERRUPTED, with no tokens, when it says to
 * stop (naqib_doc_options_t.stop). */
naqib_status_t _naqib_analyze_stoppable(naqib_analyzer_t *a, const char *text,
					size_t len, int (*stop)(void *ctx),
					void *ctx, const naqib_token_t **tokens,
					size_t *count);

/* The stopword list, sorted, and its length (for the unit tests). */
const char *const *_naqib_stopwords(size_t *count);

/* The day of a date as the index keys it, YYYYMMDD: the day terms and the
 * date slot of a document, and the days of a query, are written by this
 * one function so that they always meet (the finder gives real dates: 4,
 * 2 and 2 digits). */
void _naqib_day_key(int year, int month, int day, char out[9]);

/* naqib_dates_find() without a reference date: the dates without a year
 * keep year 0, for _naqib_dates_give_year() once the document's date is
 * known. */
naqib_status_t _naqib_dates_find_all(const naqib_token_t *tokens, size_t n,
				     const char *text, size_t len,
				     naqib_date_mention_t **out, size_t *count);

/* Gives the dates of d[0..*count) without a year the year nearest ref
 * (YYYY-MM-DD; NULL or "": they are dropped), drops days that do not
 * exist, and sorts them by position. */
void _naqib_dates_give_year(naqib_date_mention_t *d, size_t *count,
			    const char *ref);

/* The months written with their year and without a day («أكتوبر 2025»,
 * «تشرين الأول 2025», «10/2025») outside the dates days[0..nd) (sorted by
 * position): mentions whose day is 0.  *out is malloc'd, caller frees. */
naqib_status_t _naqib_months_find(const naqib_token_t *tokens, size_t n,
				  const char *text, size_t len,
				  const naqib_date_mention_t *days, size_t nd,
				  naqib_date_mention_t **out, size_t *count);

/* The month of a date as the index keys it, YYYYMM (the month terms). */
void _naqib_month_key(int year, int month, char out[7]);

/* Whether a token is indexed without a position and dropped from phrases:
 * a stopword that is not a negation (stopwords.c). */
int _naqib_positionless(const naqib_token_t *t);

#ifdef __cplusplus
}
#endif

#endif
