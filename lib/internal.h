/* Declarations shared between libnaqib's files and not exported. */
#ifndef NAQIB_INTERNAL_H
#define NAQIB_INTERNAL_H

#include <stddef.h>

#include "naqib.h"
#include "util/util.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Rewrites the query text[0..len) (valid UTF-8: naqib_query_parse() checks
 * it) into the text for Xapian's QueryParser: words normalized, syntax kept
 * (query.c).  The normalized prefixes of
 * wildcards go to prefixes, each NUL-terminated.  A name of the thesaurus
 * (outside a phrase) becomes "naqibthes:ENTRY", a date "naqibdate:YYYYMMDD".
 * The words of the query go to words, one record each:
 *   HOW US TYPED US NORM US STEM RS
 * HOW is "w" for a word, "t<entry>" for a thesaurus name, "d<YYYYMMDD>..."
 * (days separated by spaces) for a date; US is \x1f, RS \x1e.
 * Words after the first NAQIB_QUERY_MAX_WORDS are left out: *dropped counts
 * them. */
struct naqib_analyzer;
int _naqib_query_rewrite(struct naqib_analyzer *a, const char *text,
			 size_t len, _naqib_buf_t *out, _naqib_buf_t *prefixes,
			 _naqib_buf_t *words, size_t *dropped);

/* The query fields that filter rather than rank. */
enum { _NAQIB_F_UNION, _NAQIB_F_PLACE, _NAQIB_F_YEAR, _NAQIB_F_DATE,
       _NAQIB_F_MENTIONS, _NAQIB_F_SOURCE, _NAQIB_F_COUNT };

/* Takes the filters (union:CDT, -place:"الدار البيضاء", date:A..B, ...) out
 * of a query: rest gets text[0..len) with each filter blanked out (so that
 * byte offsets stay), filters one record per filter:
 *   FIELD SIGN VALUE NUL
 * FIELD is one byte '0' + _NAQIB_F_*; SIGN is ' ' (no sign: either of the
 * values of a field), '+' (must hold as well) or '-' (must not). */
int _naqib_query_filters(const char *text, size_t len, _naqib_buf_t *rest,
			 _naqib_buf_t *filters);

/* The month names the date finder knows, for the unit test: NULL past the
 * end. */
const char *_naqib_month_word(size_t i, const char **second, int *month);

/* Normalizes always through ICU, never the fast path (for the test that
 * both paths agree). */
int _naqib_normalize_icu(struct naqib_analyzer *a, const char *w, size_t len,
			 const char **out, size_t *out_len);

/* Turns stemming in naqib_analyze() on or off (off, a token's stem is its
 * normalized form: for the thesaurus, which matches normalized words and
 * loads faster without stems); returns the previous setting. */
int _naqib_analyzer_stemming(struct naqib_analyzer *a, int on);

/* The stopword list, sorted, and its length (for the unit tests). */
const char *const *_naqib_stopwords(size_t *count);

/* Whether a token is indexed without a position and dropped from phrases:
 * a stopword that is not a negation (lib/stopwords.c). */
int _naqib_positionless(const naqib_token_t *t);

#ifdef __cplusplus
}
#endif

#endif
