/* The query front end, in C: what a person typed, taken apart into the
 * structs the Xapian layer builds its query from (lib/xapian/parse.cc).
 *
 *   filters.c  union:CDT, -place:"الدار البيضاء", date:A..B ... out of the
 *              text (each blanked, so that byte offsets stay; the rewrite
 *              puts a placeholder where it was)
 *   rewrite.c  the rest for Xapian's QueryParser: every word normalized by
 *              the analyser, the syntax kept, the names of the thesaurus
 *              and the dates replaced by placeholders; the words as typed
 *              and the wildcard prefixes on the side
 *   values.c   the values of the filters: dates, ranges, names, sources
 *   parts.c    the whole: filters, then the rest rewritten */
#ifndef NAQIB_QUERY_H
#define NAQIB_QUERY_H

#include <stddef.h>

#include "naqib.h"
#include "schema/schema.h"
#include "util/util.h"

#ifdef __cplusplus
extern "C" {
#endif

/* The field names of the placeholders in the rewritten text, which the
 * Xapian layer's field processors read: a name of the thesaurus,
 * THESAURUS:4 (the query word it is, kind 't'), and a day, DAY:20251014.  Upper case, which no word of a query keeps
 * (the analyser folds case), so that a user cannot type them. */
#define _NAQIB_QP_THESAURUS "THESAURUS"
#define _NAQIB_QP_DAY "DAY"
/* A word or a phrase to match as written (="…", =word): EXACT:3, the
 * query word it is (fields.cc). */
#define _NAQIB_QP_EXACT "EXACT"
/* A filter where it was typed: FILTER3:union, the query's filter 3 (its
 * own prefix, so that the parser groups filters as parse.cc says). */
#define _NAQIB_QP_FILTER "FILTER"
/* A word or a phrase in the titles only: TITLE:إضراب (title:, عنوان:). */
#define _NAQIB_QP_TITLE "TITLE"

/* No phrase (_naqib_qword_t.phrase). */
#define _NAQIB_NO_PHRASE ((size_t)-1)

/* A word of the query as typed (naqib_query_word_t). */
typedef struct _naqib_qword {
	int kind;        /* 'w' word, 't' thesaurus name, 'd' date, 'p' a
			    phrase (its words are the 'w' words before it) */
	char *typed;     /* the bytes typed ('p': with its quotes) */
	char *norm;      /* 'w': normalized form; else "" */
	char *stem;      /* 'w': its stem; else "" */
	size_t typed_len, norm_len, stem_len; /* their lengths: the matching
						 of snippets compares them
						 with every word of a text */
	char *detail;    /* 't': the entry's canonical name; 'd': the days,
			    YYYY-MM-DD separated by spaces; else "" */
	size_t entry;    /* 't': the thesaurus entry */
	char (*days)[9]; /* 'd': YYYYMMDD each */
	size_t n_days;
	size_t phrase;   /* 'w': the 'p' word of its phrase, or
			    _NAQIB_NO_PHRASE */
	size_t first, count; /* 'p': its words, words[first..first+count) */
	int exact;       /* 'w': as written (=word, or in ="…"), not by stem */
	int number;      /* 'w': a number, whose one term is its stem term */
} _naqib_qword_t;

/* A filter of the query. */
typedef struct _naqib_qfilter {
	const _naqib_field_t *field;
	char sign;       /* ' ': either value of its field; '+': must hold as
			    well; '-': must not */
	char *value;
	size_t from, to; /* the bytes of the query it was */
} _naqib_qfilter_t;

/* A query taken apart.  Start it zeroed; free with _naqib_qparts_free(). */
typedef struct _naqib_qparts {
	_naqib_buf_t text;   /* for Xapian's QueryParser */
	_naqib_qword_t *words;
	size_t n_words, cap_words;
	char **prefixes;     /* wildcard prefixes, normalized */
	size_t n_prefixes, cap_prefixes;
	_naqib_qfilter_t *filters;
	size_t n_filters, cap_filters;
	size_t dropped;      /* words after NAQIB_QUERY_MAX_WORDS, left out */
	char **as_words;     /* the values of place: filters the thesaurus
				does not know, searched as words instead */
	size_t n_as_words, cap_as_words;
	_naqib_buf_t notes;  /* for naqib_query_notes(): a sentence a line */
} _naqib_qparts_t;

void _naqib_qparts_init(_naqib_qparts_t *q);
void _naqib_qparts_free(_naqib_qparts_t *q);

/* Takes text[0..len) (valid UTF-8) apart into q: the filters, then the
 * rest rewritten. */
naqib_status_t _naqib_query_split(naqib_analyzer_t *a, const char *text,
				  size_t len, _naqib_qparts_t *q);

/* filters.c: moves the filters of text[0..len) into q->filters; rest gets
 * the text with each filter (and a NOT before it, which becomes its '-')
 * blanked. */
naqib_status_t _naqib_query_filters(const char *text, size_t len,
				    _naqib_buf_t *rest, _naqib_qparts_t *q);

/* rewrite.c: the text for the parser, the words and the prefixes of
 * text[0..len) (the query without its filters) into q. */
naqib_status_t _naqib_query_rewrite(naqib_analyzer_t *a, const char *text,
				    size_t len, _naqib_qparts_t *q);

/* Whether s[0..n) is one of the operators AND OR NOT XOR NEAR ADJ. */
int _naqib_is_operator(const char *s, size_t n);

/* values.c: a date of a filter of field (for the message): YYYY, YYYY-MM,
 * YYYY-MM-DD or what naqib_date_normalize() reads, in any digits, as the
 * first (hi = 0) or the last (hi = 1) day it covers, YYYYMMDD, into out;
 * "" when s is empty (an open end). */
naqib_status_t _naqib_filter_day(naqib_analyzer_t *a, const char *field,
				 const char *s, int hi, char out[9]);

/* Splits "A..B" (either side may be empty) or "A" (both ends A) into lo
 * and hi, each malloc'd. */
naqib_status_t _naqib_split_range(const char *v, char **lo, char **hi);

/* What a filter selects, read from its value as its field's kind says:
 *   THESAURUS  term: the entry's term (XUcdt)
 *   YEARS, DAYS, MENTIONS  lo, hi: the first and last days, YYYYMMDD, ""
 *              for an open end
 *   PREFIX     term: the prefix of the terms it takes (XS + the
 *              normalized value)
 *   ID         term: the id's term; legacy: the term an index made
 *              before ids were escaped gave it, or empty
 * Start it with _naqib_filter_spec_init(); free with _naqib_filter_spec_free().
 * A value that does not fit its field gives NAQIB_E_QUERY with a message
 * for the user. */
typedef struct _naqib_filter_spec {
	const _naqib_field_t *field;
	char lo[9], hi[9];
	_naqib_buf_t term, legacy;
} _naqib_filter_spec_t;

void _naqib_filter_spec_init(_naqib_filter_spec_t *s);
void _naqib_filter_spec_free(_naqib_filter_spec_t *s);
naqib_status_t _naqib_filter_spec(naqib_analyzer_t *a,
				  const _naqib_qfilter_t *f,
				  _naqib_filter_spec_t *out);

/* Implemented by the Xapian layer (lib/xapian/parse.cc), for the match
 * layer: a parsed query's parts. */
const _naqib_qparts_t *_naqib_query_parts(const naqib_query_t *q);

#ifdef __cplusplus
}
#endif

#endif
