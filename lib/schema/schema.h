/* The index contract, in one table (schema.c): every field a document has
 * in the index, with the names a user types for it, its term prefix, its
 * value slot, whether its terms are boolean or ranked and whether they
 * carry positions, how a query filters on it and how a search counts it.
 * The indexer, the query parser, the filters, the facets, naqib-analyze
 * and the man-page check read it; nothing else spells a prefix or a slot.
 *
 * Also here: the metadata keys a database keeps about its analysis, and
 * the terms a token writes (terms.c). */
#ifndef NAQIB_SCHEMA_H
#define NAQIB_SCHEMA_H

#include <stddef.h>

#include "naqib.h"
#include "util/util.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum _naqib_field_id {
	_NAQIB_F_ID,       /* the unique id */
	_NAQIB_F_WORD,     /* a word as normalized */
	_NAQIB_F_STEM,     /* a word's stem */
	_NAQIB_F_UNION,    /* a union the text names (a thesaurus entry) */
	_NAQIB_F_PLACE,    /* a place it names */
	_NAQIB_F_TERM,     /* a domain term it uses */
	_NAQIB_F_YEAR,     /* the year of the document date */
	_NAQIB_F_DATE,     /* the document date */
	_NAQIB_F_MENTIONS, /* a day the text gives */
	_NAQIB_F_MONTH,    /* a month the text gives, or the document date's */
	_NAQIB_F_SOURCE,   /* where the document comes from */
	_NAQIB_F_TITLE,    /* a word's stem in the title (title:) */
	_NAQIB_F_COPY,     /* the fingerprint of its body's words: the same
			      text posted twice has one (collapsing) */
	_NAQIB_F_COUNT
} _naqib_field_id_t;

/* How name:VALUE filters a search. */
typedef enum _naqib_filter_kind {
	_NAQIB_FILTER_NONE,      /* not a filter */
	_NAQIB_FILTER_THESAURUS, /* VALUE is any name of a thesaurus entry */
	_NAQIB_FILTER_YEARS,     /* Y or Y..Y over the date slot */
	_NAQIB_FILTER_DAYS,      /* A or A..B (dates) over the date slot */
	_NAQIB_FILTER_MENTIONS,  /* A or A..B over the day terms */
	_NAQIB_FILTER_PREFIX,    /* the normalized words VALUE starts */
	_NAQIB_FILTER_ID,        /* VALUE is a document id (any form
				    naqib_id_parse() reads) */
} _naqib_filter_kind_t;

/* How a search counts a field's values (from its slot). */
typedef enum _naqib_facet_kind {
	_NAQIB_FACET_NONE,
	_NAQIB_FACET_LIST,  /* the slot holds names separated by \x1f */
	_NAQIB_FACET_YEAR,  /* the slot holds YYYYMMDD: counted by year */
	_NAQIB_FACET_VALUE, /* the slot holds one value */
} _naqib_facet_kind_t;

/* Flags of a field's terms. */
#define _NAQIB_BOOLEAN   0x01u /* a filter term: no effect on ranking */
#define _NAQIB_POSITIONS 0x02u /* at word positions (phrases, NEAR) */
#define _NAQIB_WDF       0x04u /* counted: wdf is the number of mentions */

typedef struct _naqib_field {
	_naqib_field_id_t id;
	const char *name;          /* what a user types before ':' and the
				      facet's name; NULL: not a user field */
	const char *const *arabic; /* its Arabic names, NULL-terminated */
	const char *prefix;        /* term prefix; NULL: no terms */
	int slot;                  /* value slot; -1: none */
	unsigned flags;            /* _NAQIB_BOOLEAN ... */
	_naqib_filter_kind_t filter;
	_naqib_facet_kind_t facet_kind;
	int facet;                 /* NAQIB_FACET_*, or -1 */
	int thes_kind;             /* NAQIB_THES_* its terms are for, or -1 */
	const char *help;          /* a line: what it is */
	const char *facet_label;   /* the facet's heading, English, Arabic */
	const char *facet_label_ar;
} _naqib_field_t;

/* The table, indexed by _naqib_field_id_t. */
extern const _naqib_field_t _naqib_fields[_NAQIB_F_COUNT];
#define _NAQIB_FIELD(id) (&_naqib_fields[(id)])

/* The user field named s[0..n) (Latin or Arabic name), or NULL. */
const _naqib_field_t *_naqib_field_named(const char *s, size_t n);

/* The field of a facet (NAQIB_FACET_*), or NULL. */
const _naqib_field_t *_naqib_field_of_facet(int facet);

/* The field whose terms stand for thesaurus entries of kind. */
const _naqib_field_t *_naqib_field_of_thes_kind(int kind);

/* Appends the term of field id for value[0..len) (its prefix, then the
 * value) to b, which is reset first. */
naqib_status_t _naqib_term(_naqib_buf_t *b, _naqib_field_id_t id,
			   const char *value, size_t len);

/* ---------------------------------------------------------------- ids
 * (id.c; naqib_id_from_bytes() and naqib_id_parse() in naqib.h) */

/* Appends the id of the name raw[0..n) to b. */
naqib_status_t _naqib_id_escape(_naqib_buf_t *b, const char *raw, size_t n);
/* Appends the id a person typed as typed[0..n) to b: \xHH read as a byte,
 * then the id of that name. */
naqib_status_t _naqib_id_parse(_naqib_buf_t *b, const char *typed, size_t n);

/* What the index knows an id by: every look-up of a document by its id
 * (has, replace, delete, get) goes through _naqib_id_terms(). */
typedef struct _naqib_id_terms {
	_naqib_buf_t id;     /* the id, as naqib_id_parse() reads it */
	_naqib_buf_t term;   /* its unique term: Q and the id, or, when that
				is longer than a term may be, Q, the id's
				first 227 bytes (cut at a character), '#'
				and the id's FNV-1a hash in 16 hex digits */
	int hashed;          /* term is of the second kind: which document
				it is, the record's id says */
	_naqib_buf_t legacy; /* the term naqib gave this id before ids were
				escaped (Q and the name's own bytes) when
				that is another, else empty */
} _naqib_id_terms_t;

/* Fills *t for id (any form naqib_id_parse() reads); on failure *t is
 * empty.  Free with _naqib_id_terms_free(). */
naqib_status_t _naqib_id_terms(const char *id, _naqib_id_terms_t *t);
void _naqib_id_terms_free(_naqib_id_terms_t *t);

/* How many times a word of the title or the lead of the body counts (its
 * within-document frequency). */
#define _NAQIB_LEAD_WEIGHT 3

/* Positions between the title and the body, so that no phrase spans
 * both. */
#define _NAQIB_FIELD_GAP 100

/* The fingerprint of a body (the _NAQIB_F_COPY slot and term): FNV-1a
 * over its words as normalized, a space after each, in 16 lowercase hex
 * digits; none for a body without words.  The words, not the bytes: the
 * same communiqué reposted with other punctuation, diacritics, hamza,
 * tatweel, digits or spacing has the same words. */
#define _NAQIB_COPY_HEX 16

/* The separator of the names in a _NAQIB_FACET_LIST slot. */
#define _NAQIB_LIST_SEP '\x1f'

/* Metadata keys: how the database was analysed. */
#define _NAQIB_KEY_STEMMER   "naqib.stemmer"
#define _NAQIB_KEY_LATIN     "naqib.latin_stemmer"
#define _NAQIB_KEY_VERSION   "naqib.analysis"
#define _NAQIB_KEY_THESAURUS "naqib.thesaurus"
/* Bumped whenever a change to the analysis changes the terms written, so
 * that an old index is not searched with a new analysis. */
#define _NAQIB_ANALYSIS_VERSION "6"

#ifdef __cplusplus
}
#endif

#endif
