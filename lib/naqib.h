/*
 * naqib.h - the public interface of libnaqib: Arabic text analysis, the Xapian
 * wrapper, queries and snippets.
 *
 * Conventions (see DESIGN.md):
 *  - Every call that can fail returns a status, NAQIB_OK (0) on success, and
 *    hands results back through a trailing out parameter.  On failure the out
 *    parameter is set to NULL (or left untouched for plain values) and
 *    naqib_last_error() holds a message a person can read.
 *  - Ownership is written above each prototype.  Destroy functions accept NULL.
 *  - Text is UTF-8 everywhere.  Offsets are byte offsets into the caller's
 *    original text.
 */
#ifndef NAQIB_H
#define NAQIB_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define NAQIB_VERSION "0.1.0"

typedef enum naqib_status {
	NAQIB_OK = 0,
	NAQIB_E_NOMEM,        /* out of memory */
	NAQIB_E_INVALID,      /* invalid argument or option */
	NAQIB_E_UTF8,         /* invalid UTF-8 in the input */
	NAQIB_E_IO,           /* reading or writing a file failed */
	NAQIB_E_ICU,          /* ICU reported an error */
	NAQIB_E_DB_LOCKED,    /* another process holds the write lock */
	NAQIB_E_DB_NOT_FOUND, /* no database at that path */
	NAQIB_E_DB_CORRUPT,   /* the database is damaged */
	NAQIB_E_DB_MODIFIED,  /* the database changed under a reader, retry failed */
	NAQIB_E_DB_VERSION,   /* unsupported format or created by another analyser */
	NAQIB_E_DB,           /* any other database error */
	NAQIB_E_QUERY,        /* the query could not be parsed or run */
	NAQIB_E_NOT_FOUND,    /* the document or key does not exist */
	NAQIB_E_INTERRUPTED,  /* a stop callback said to stop */
	NAQIB_STATUS_COUNT
} naqib_status_t;

/* A constant English name of a status ("database is locked").  Never NULL. */
const char *naqib_status_to_string(int status);

/* The message of the last call that failed in this thread, with the details
 * (path, offset, what Xapian said).  Owned by the library, valid until the
 * next failing call in this thread.  Never NULL. */
const char *naqib_last_error(void);

/* ---------------------------------------------------------------- UTF-8 */

/* Checks that text[0..len) is well-formed UTF-8 (no overlong forms, no
 * surrogates, nothing above U+10FFFF) and holds no NUL byte.  On failure
 * returns NAQIB_E_UTF8 and stores the byte offset of the first bad sequence
 * in *bad_offset (when not NULL). */
naqib_status_t naqib_utf8_check(const char *text, size_t len,
				size_t *bad_offset);

/* ---------------------------------------------------------------- stemmers */

typedef struct naqib_stemmer naqib_stemmer_t;

/* Creates a stemmer.  name: "snowball", "light" or "none".  language: the
 * Snowball language for "snowball" ("arabic", "french", "english", ...),
 * NULL or "arabic" for the others.  Unknown names and languages give
 * NAQIB_E_INVALID.  Caller frees with naqib_stemmer_destroy(). */
naqib_status_t naqib_stemmer_new(const char *name, const char *language,
				 naqib_stemmer_t **out);

/* Stems one normalized word.  *out is owned by the stemmer and valid until
 * the next call on it; *out_len is its length.  Words longer than
 * NAQIB_MAX_STEM_INPUT bytes come back unchanged. */
#define NAQIB_MAX_STEM_INPUT 64
naqib_status_t naqib_stemmer_stem(naqib_stemmer_t *s, const char *word,
				  size_t len, const char **out,
				  size_t *out_len);

void naqib_stemmer_destroy(naqib_stemmer_t *s);

/* The stemmers naqib_stemmer_new() knows, the default first: the name of
 * the i-th, and in *description (may be NULL) a line saying what it does;
 * NULL past the last.  Static strings. */
const char *naqib_stemmer_name(size_t i, const char **description);

/* The languages of the "snowball" stemmer (libstemmer's: "arabic",
 * "english", "french", ...), for Latin-script words: the i-th, NULL past the
 * last.  Static. */
const char *naqib_stemmer_language(size_t i);

/* ---------------------------------------------------------------- analysis */

/* Token flags. */
#define NAQIB_TOKEN_ARABIC   0x01u /* Arabic letters */
#define NAQIB_TOKEN_LATIN    0x02u /* Latin (or other non-Arabic) letters */
#define NAQIB_TOKEN_NUMBER   0x04u /* digits, any script */
#define NAQIB_TOKEN_STOPWORD 0x08u /* on the query-time stopword list */
#define NAQIB_TOKEN_TOO_LONG 0x10u /* longer than NAQIB_MAX_TERM: not indexed */

/* Longest normalized word written to the index, in bytes (Xapian's limit on
 * a term is 245 bytes, and a stem term has a one-byte prefix). */
#define NAQIB_MAX_TERM 200

typedef struct naqib_token {
	size_t start;       /* byte offset of the word in the original text */
	size_t end;         /* one past its last byte */
	const char *norm;   /* normalized form, NUL-terminated */
	size_t norm_len;
	const char *stem;   /* stem of the normalized form, NUL-terminated */
	size_t stem_len;
	unsigned flags;     /* NAQIB_TOKEN_* */
} naqib_token_t;

typedef struct naqib_analyzer naqib_analyzer_t;

typedef struct naqib_analyzer_options {
	const char *stemmer;       /* Arabic words: "snowball", "light", "none" */
	const char *latin_stemmer; /* Latin words: a Snowball language or "none" */
} naqib_analyzer_options_t;

/* The defaults used when an option is NULL (the measured best choices). */
#define NAQIB_DEFAULT_STEMMER "snowball"
#define NAQIB_DEFAULT_LATIN_STEMMER "french"

/* Both NULL: the defaults. */
void naqib_analyzer_options_init(naqib_analyzer_options_t *o);

/* Creates an analyser.  opts may be NULL for the defaults.  An analyser is
 * not thread-safe: use one per thread.  Caller frees. */
naqib_status_t naqib_analyzer_new(const naqib_analyzer_options_t *opts,
				  naqib_analyzer_t **out);
void naqib_analyzer_destroy(naqib_analyzer_t *a);

/* The stemmer names this analyser was made with.  Owned by it. */
const char *naqib_analyzer_stemmer(const naqib_analyzer_t *a);
const char *naqib_analyzer_latin_stemmer(const naqib_analyzer_t *a);

/* Splits text[0..len) into words and analyses each: normalization, stopword
 * check, stem.  text must be valid UTF-8 (see naqib_utf8_check); invalid
 * input gives NAQIB_E_UTF8.  *tokens is an array of *count tokens owned by
 * the analyser, valid until its next call. */
naqib_status_t naqib_analyze(naqib_analyzer_t *a, const char *text, size_t len,
			     const naqib_token_t **tokens, size_t *count);

/* Normalizes one word (or any text, without splitting it) as the analyser
 * does: NFKC, case folding, tashkeel and tatweel removed, letter folding,
 * digits to ASCII.  *out is owned by the analyser, valid until its next call. */
naqib_status_t naqib_normalize(naqib_analyzer_t *a, const char *word,
			       size_t len, const char **out, size_t *out_len);

/* Stems one normalized word with the stemmer for its script (Arabic
 * stemmer, Latin stemmer, digits unchanged).  The one stemming function used
 * by the indexer, the query parser and the snippets.  *out is owned by the
 * analyser, valid until its next call. */
naqib_status_t naqib_analyzer_stem(naqib_analyzer_t *a, const char *norm,
				   size_t len, const char **out,
				   size_t *out_len);

/* Whether a normalized word is on the query-time stopword list. */
int naqib_is_stopword(const char *norm, size_t len);

/* ---------------------------------------------------------------- records */

/* What the index stores for each document so that a hit can be shown.
 * Strings are NUL-terminated UTF-8; a missing field is "". */
typedef struct naqib_record {
	const char *id;
	const char *title;
	const char *date;
	const char *url;
	const char *source;
	const char *path;
	const char *body;
	/* Who wrote or sent it: a file's author or creator, an e-mail's
	 * From. */
	const char *author;
	/* The format its text was extracted from (naqib-index --list
	 * format: "pdf", "docx", "html", "mail", "image", ...); "" for text
	 * that came as text. */
	const char *format;
	/* The id of the document it came in (an e-mail's attachment), or
	 * "". */
	const char *parent;
	unsigned pages;		/* the file's pages (PDF, scans); 0: none said */
	unsigned ocr_confidence; /* NAQIB_RECORD_OCR: mean word confidence,
				  * 0 to 100 */
	unsigned flags;		/* NAQIB_RECORD_* */
} naqib_record_t;

/* The title was made from the first sentence of the text (the file has
 * none of its own): it is shown, and not indexed, since its words are the
 * text's. */
#define NAQIB_RECORD_TITLE_FROM_TEXT 0x1u
/* The text was read by optical character recognition from an image. */
#define NAQIB_RECORD_OCR 0x2u

/* Serializes a record.  *out is malloc'd, caller frees. */
naqib_status_t naqib_record_encode(const naqib_record_t *r, char **out,
				   size_t *out_len);

/* Parses data[0..len) made by naqib_record_encode().  The strings in *r point
 * into data, which must stay alive and unchanged while *r is used. */
naqib_status_t naqib_record_decode(const char *data, size_t len,
				   naqib_record_t *r);

/* ---------------------------------------------------------------- ids */

/* A document id is UTF-8 text without control characters, the same in
 * every output and wherever an id is given (naqib(7), DOCUMENT IDS).
 * The id of a name given as bytes (a file's path, a JSON id, a DOCNO) is
 * the name itself when it is such text and holds no backslash-x followed
 * by two hex digits; any other name is written with every backslash,
 * every byte that is not part of valid UTF-8 and every byte of a control
 * character (C0, DEL, C1) as \xHH, two lowercase hex digits.  Two names
 * never get the same id.  *out is malloc'd, caller frees. */
naqib_status_t naqib_id_from_bytes(const char *raw, size_t len, char **out);

/* The id of what a person gave for one: \xHH (in either case) is read as
 * the byte HH, and the id of the name that makes is taken, so that an id
 * in any form naqib writes one (a TREC run writes a space as \x20) gives
 * the id back.  Every naqib_db_ function that takes an id reads it so.
 * *out is malloc'd, caller frees. */
naqib_status_t naqib_id_parse(const char *typed, char **out);

/* ---------------------------------------------------------------- dates */

/* Reads a date as metadata gives it (2017-01-25, 2017-01-25T14:36:00+01:00,
 * 10/10/2016 day first, "Sun, 15 Jul 2018 21:56:56 +0400") into out as
 * YYYY-MM-DD.  NAQIB_E_INVALID (and out "") when it is none of these or not
 * a real day. */
naqib_status_t naqib_date_normalize(const char *s, char out[11]);

/* A date found in a text. */
typedef struct naqib_date_mention {
	int year, month, day;
	size_t first, last;   /* the words it spans: tokens [first, last) */
	int year_guessed;     /* the text gave no year: the one nearest the
				 reference date was taken */
} naqib_date_mention_t;

/* Finds the dates written in an analysed text: a day, a month name of any
 * of the Arab world's calendars (Moroccan ماي يوليوز غشت شتنبر نونبر
 * دجنبر, Algerian and Tunisian جانفي فيفري أفريل جوان جويلية أوت, Mashriqi
 * كانون الثاني شباط آذار ... تشرين الأول, Egyptian and Gulf يناير ...
 * ديسمبر, French, English) and a year, in any digits; lists and ranges of
 * days («14 و15 أكتوبر», «من 14 إلى 16 أكتوبر 2025»: one mention per day);
 * numeric dates (10/10/2016 day first, 2017-01-25).  A date without a year
 * takes the year of a date joined to it, else the year that puts it nearest
 * to ref (YYYY-MM-DD; NULL: such dates are left out).  tokens are
 * naqib_analyze()'s result for text[0..len).  *out (sorted by position) is
 * malloc'd, caller frees; NULL when *count is 0. */
naqib_status_t naqib_dates_find(const naqib_token_t *tokens, size_t n,
				const char *text, size_t len, const char *ref,
				naqib_date_mention_t **out, size_t *count);

/* How a text gives the day it was written (naqib_text_date()). */
typedef enum naqib_text_date {
	NAQIB_TEXT_DATE_NONE = 0,
	NAQIB_TEXT_DATE_DATELINE,  /* a short line at the top that ends with
				      it: «الرباط في 12 ماي 2025» */
	NAQIB_TEXT_DATE_SIGNATURE, /* the same at the bottom, or «حرر ب… في» */
	NAQIB_TEXT_DATE_RELATIVE,  /* «يوم أمس الثلاثاء 14 أكتوبر 2025»: the
				      15th; «اليوم», «أول أمس», «غدا» */
	NAQIB_TEXT_DATE_WEEKDAY,   /* the first date written with its
				      weekday («الثلاثاء 14 أكتوبر 2025») */
	NAQIB_TEXT_DATE_LATEST     /* the latest date; these two not when
				      the text announces it («ابتداء من»,
				      «المقبل»), nor when it names another
				      weekday as its day («أمس الخميس»: a
				      Friday) */
} naqib_text_date_t;

/* The day a text gives as its own, from the dates naqib_dates_find() found
 * in it (those without a year from the text are not used): out as
 * YYYY-MM-DD, or "" and NAQIB_TEXT_DATE_NONE.  The rules are tried in the
 * order of the enum. */
naqib_text_date_t naqib_text_date(const naqib_token_t *tokens, size_t n,
				  const char *text, size_t len,
				  const naqib_date_mention_t *dates, size_t nd,
				  char out[11]);

/* "dateline", "signature", "relative", "weekday", "latest" or "none". */
const char *naqib_text_date_name(naqib_text_date_t how);

/* ---------------------------------------------------------------- thesaurus */

/* What a thesaurus entry names. */
#define NAQIB_THES_UNION 0  /* a union or another organisation */
#define NAQIB_THES_PLACE 1  /* a city, region or country */
#define NAQIB_THES_TERM  2  /* a domain term and its synonyms */
#define NAQIB_THES_KINDS 3

/* "union", "place", "term". */
const char *naqib_thes_kind_name(int kind);

typedef struct naqib_thesaurus naqib_thesaurus_t;

typedef struct naqib_thes_entry {
	int kind;           /* NAQIB_THES_* */
	const char *name;   /* the canonical name as written ("CDT") */
	const char *key;    /* its normalized form: the term suffix ("cdt") */
} naqib_thes_entry_t;

/* A phrase of an entry found in an analysed text: tokens [first, last). */
typedef struct naqib_thes_match {
	size_t entry;
	size_t first, last;
} naqib_thes_match_t;

/* Creates an empty thesaurus whose phrases are analysed with a (which must
 * outlive the loading).  Caller frees, or hands it to an analyser with
 * naqib_analyzer_set_thesaurus(). */
naqib_status_t naqib_thesaurus_new(naqib_analyzer_t *a,
				   naqib_thesaurus_t **out);
void naqib_thesaurus_destroy(naqib_thesaurus_t *th);

/* Adds the entries of a thesaurus file's text (format in naqib(7)); name
 * (a file name) is for the messages, which give the line.  On error the
 * thesaurus may hold part of the text: destroy it. */
naqib_status_t naqib_thesaurus_load(naqib_thesaurus_t *th, const char *text,
				    size_t len, const char *name);

/* The built-in thesaurus (data/thesaurus).  Static. */
const char *naqib_thesaurus_builtin(size_t *len);

/* Everything loaded, as text (what the database stores).  Owned by th. */
const char *naqib_thesaurus_text(const naqib_thesaurus_t *th, size_t *len);

size_t naqib_thesaurus_size(const naqib_thesaurus_t *th);
/* Entry i; the strings are owned by th. */
naqib_status_t naqib_thesaurus_entry(const naqib_thesaurus_t *th, size_t i,
				     naqib_thes_entry_t *e);

/* Finds the phrases of the thesaurus in analysed tokens, longest first,
 * without overlaps.  *matches is owned by th, valid until its next call.
 * Not thread-safe: one thesaurus per analyser. */
naqib_status_t naqib_thesaurus_match(naqib_thesaurus_t *th,
				     const naqib_token_t *tokens, size_t count,
				     const naqib_thes_match_t **matches,
				     size_t *n_matches);

/* The entry of this kind that name (any of its phrases, or its canonical
 * name) names; NAQIB_E_NOT_FOUND if none.  Uses the analyser it was made
 * with, whose tokens it overwrites. */
naqib_status_t naqib_thesaurus_find(naqib_thesaurus_t *th, int kind,
				    const char *name, size_t *entry);

/* Name j of entry i as the thesaurus file writes it: 0 is the canonical
 * name, then its other phrases in the file's order; NULL past the last
 * (or for no entry i).  Owned by th. */
const char *naqib_thesaurus_name(const naqib_thesaurus_t *th, size_t i,
				 size_t j);

/* A name of an entry. */
typedef struct naqib_thes_name {
	size_t entry;
	const char *name;   /* as written; owned by the thesaurus */
} naqib_thes_name_t;

/* The names of entries of this kind nearest name, one the thesaurus does
 * not know ("cdtt"): of each entry the name whose normalized form is at
 * the smallest edit distance from name's (one letter in up to four, two
 * in up to eight, a quarter of them beyond), of the entries those at the
 * smallest distance and, of those, the ones whose names begin most like
 * name's; at most max, in the thesaurus's order, into out[0..*n).  *n is 0 when none is near.  Uses the analyser as
 * naqib_thesaurus_find() does. */
naqib_status_t naqib_thesaurus_nearest(naqib_thesaurus_t *th, int kind,
				       const char *name, size_t max,
				       naqib_thes_name_t *out, size_t *n);

/* Gives an analyser its thesaurus (it takes ownership; NULL for none).
 * The thesaurus must have been made with this analyser. */
void naqib_analyzer_set_thesaurus(naqib_analyzer_t *a, naqib_thesaurus_t *th);
/* The analyser's thesaurus, or NULL.  Owned by the analyser. */
naqib_thesaurus_t *naqib_analyzer_thesaurus(const naqib_analyzer_t *a);

/* ---------------------------------------------------------------- database */

typedef struct naqib_db naqib_db_t;
typedef struct naqib_doc naqib_doc_t;

#define NAQIB_DB_READ  0 /* open an existing database for searching */
#define NAQIB_DB_WRITE 1 /* open for writing, creating it if needed */

/* Adds the database (or stub file) at path to a reader db, to search them
 * as one: shards, or databases on other machines (a stub file's "remote"
 * lines, served by xapian-tcpsrv).  They must have been indexed with the
 * same analysis and thesaurus. */
naqib_status_t naqib_db_add(naqib_db_t *db, const char *path);

/* Writes the database at from (a database, a sharded one or a stub file of
 * several) as one compacted database at to, which must not exist. */
naqib_status_t naqib_db_compact(const char *from, const char *to);

/* Opens the database directory at path.  A writer holds Xapian's lock until
 * naqib_db_close(): a second writer gets NAQIB_E_DB_LOCKED.  Caller frees
 * with naqib_db_close(), which commits pending changes of a writer. */
naqib_status_t naqib_db_open(const char *path, int mode, naqib_db_t **out);

/* Commits pending changes (no-op for a reader).  Closing also commits. */
naqib_status_t naqib_db_commit(naqib_db_t *db);

/* Closes the database; pending changes of a writer are committed and the
 * lock released.  Accepts NULL.  An error while committing here is lost:
 * call naqib_db_commit() first to see it. */
void naqib_db_close(naqib_db_t *db);

/* Makes a reader see the latest committed state of the files at its
 * paths: a new commit, or another database put in the place of its own
 * (moved there, or deleted and made again, even at the same revision).
 * Cheap when nothing changed (a few stat calls).  *replaced (if not NULL)
 * is set to 1 when db now reads another database than before, whose
 * analysis and thesaurus must be read again (naqib_db_analyzer_new()).
 * On failure (the database is gone or cannot be read) db still reads the
 * files it had, and the caller should close it. */
naqib_status_t naqib_db_refresh(naqib_db_t *db, int *replaced);

/* naqib_db_refresh(db, NULL). */
naqib_status_t naqib_db_reopen(naqib_db_t *db);

/* Number of documents. */
naqib_status_t naqib_db_doc_count(naqib_db_t *db, unsigned *out);

/* Reads the metadata value of key; a missing key gives "".  *out is
 * malloc'd, caller frees. */
naqib_status_t naqib_db_get_metadata(naqib_db_t *db, const char *key,
				     char **out);
naqib_status_t naqib_db_set_metadata(naqib_db_t *db, const char *key,
				     const char *value);

/* Whether a document with this id exists (a writer also sees its own
 * uncommitted changes). */
naqib_status_t naqib_db_has_id(naqib_db_t *db, const char *id, int *exists);

/* Adds doc under id, replacing any document with the same id.  *replaced
 * (may be NULL) tells whether one was replaced.  The database does not take
 * doc: the caller still frees it. */
naqib_status_t naqib_db_replace(naqib_db_t *db, const char *id,
				naqib_doc_t *doc, int *replaced);

/* Deletes the document with this id; *found tells whether there was one. */
naqib_status_t naqib_db_delete(naqib_db_t *db, const char *id, int *found);

/* Reads the stored record data of the document with this id.  *data is
 * malloc'd, caller frees. */
naqib_status_t naqib_db_get_data(naqib_db_t *db, const char *id, char **data,
				 size_t *len);

/* ---------------------------------------------------------------- documents */

typedef struct naqib_doc_options {
	size_t lead_words; /* the first words of a body that count as much in
			      the ranking as the title's */
	int (*stop)(void *ctx); /* NULL, or called now and then while the
				   document is made (about every 4096
				   words, between its stages, every MiB of
				   its data packed): nonzero stops it with
				   NAQIB_E_INTERRUPTED and no document, so
				   that a program answers a signal within
				   moments even in a text of megabytes */
	void *stop_ctx;
} naqib_doc_options_t;

/* The defaults: the first NAQIB_DEFAULT_LEAD_WORDS words (news items and
 * communiqués state their subject in the lead: measured in bench/eval,
 * the first 15 words three times beat 30 twice on both query sets); no
 * stop callback. */
#define NAQIB_DEFAULT_LEAD_WORDS 15
void naqib_doc_options_init(naqib_doc_options_t *o);

/* The document the index holds for rec, analysed by a: the title's words,
 * counting three times in the ranking as the first opts->lead_words words
 * of the body do, then the body's; the unions, places and domain terms of
 * a's thesaurus it names; the days it gives; its date (the metadata's,
 * rec->date read as naqib_date_normalize() does, else the first full date
 * of the text); its source; and rec itself, with that date, as the data
 * a hit is shown with.  Every word's stem at the word's position, so
 * that phrases match any form of their words, and the word as normalized
 * without one; a stopword without a position (see naqib(7)).  opts may be
 * NULL for the defaults.  Give it to naqib_db_replace(); caller frees with
 * naqib_doc_destroy(). */
naqib_status_t naqib_doc_from_record(naqib_analyzer_t *a,
				     const naqib_record_t *rec,
				     const naqib_doc_options_t *opts,
				     naqib_doc_t **out);
void naqib_doc_destroy(naqib_doc_t *doc);

/* The word terms indexing writes for tokens, without writing them: fn
 * gets, token by token, the index of the token, the term and its position
 * (advanced from *pos; 0 for a term without one: the word as normalized,
 * or the stem of a stopword, which keeps no position).  For tools that show
 * what indexing does (naqib-analyze).  Stops early and returns what fn
 * returned if that is not 0. */
typedef int (*naqib_index_term_fn)(size_t token, const char *term,
				   size_t len, unsigned pos, void *ctx);
int naqib_tokens_terms(const naqib_token_t *tokens, size_t count, unsigned *pos,
		       naqib_index_term_fn fn, void *ctx);

/* The term the index holds for a thesaurus entry a text names, and for a
 * day it gives, written into out (cap bytes, NUL-terminated): for tools
 * that show what indexing does. */
naqib_status_t naqib_entry_term(const naqib_thes_entry_t *e, char *out,
				size_t cap);
naqib_status_t naqib_day_term(int year, int month, int day, char *out,
			      size_t cap);
/* The month term (XMYYYYMM) of a month a text gives, by a day or alone. */
naqib_status_t naqib_month_term(int year, int month, char *out, size_t cap);

/* Whether the database keeps naqib's analysis settings: not yet in a new
 * database a writer just created (naqib_db_check_analyzer() stores them),
 * never in one that naqib did not make. */
naqib_status_t naqib_db_has_settings(naqib_db_t *db, int *has);

/* Stores the analyser settings (and its thesaurus) in a new database, or
 * checks that an existing one was made with the same stemmers
 * (NAQIB_E_DB_VERSION if not). */
naqib_status_t naqib_db_check_analyzer(naqib_db_t *db, naqib_analyzer_t *a,
				       int writer);

/* Creates an analyser with the settings and the thesaurus the database was
 * indexed with.  Caller frees. */
naqib_status_t naqib_db_analyzer_new(naqib_db_t *db, naqib_analyzer_t **out);

/* The thesaurus text the database was indexed with ("" for none).  *out is
 * malloc'd, caller frees. */
naqib_status_t naqib_db_thesaurus_text(naqib_db_t *db, char **out);
/* Records th (NULL: none) as the database's thesaurus.  Documents indexed
 * before keep the terms of the old one until they are indexed again. */
naqib_status_t naqib_db_set_thesaurus(naqib_db_t *db,
				      const naqib_thesaurus_t *th);

/* ---------------------------------------------------------------- queries */

typedef struct naqib_query naqib_query_t;

/* Parses a query typed by a person: free text ranked with BM25 (words OR-ed,
 * stopwords dropped unless the query has nothing else), plus the Xapian
 * syntax: AND OR NOT XOR, "phrases" (also «…»), NEAR, NEAR/n, ADJ, +word,
 * -word, prefix*, (groups).  Words are normalized and stemmed by the
 * analyser exactly as at index time.  Names in the analyser's thesaurus
 * stand for every name of their entry, and dates for the same day written
 * any way.  Filters: union:NAME place:NAME year:Y[..Y] date:A[..B]
 * mentions:A[..B] source:NAME (or -field: to exclude); the same field
 * twice means either.  A query with no searchable word and no filter is
 * valid and matches nothing; filters alone match every document they
 * allow.  Caller frees.  Bounds, each told by naqib_query_notes(): only
 * the first NAQIB_QUERY_MAX_WORDS words are searched; a wildcard stands
 * for at most NAQIB_WILDCARD_MAX_TERMS words of the index, its most
 * frequent ones; and all the wildcards of the query together for at most
 * NAQIB_QUERY_WILDCARD_TERMS words in NAQIB_QUERY_WILDCARD_POSTINGS
 * documents (naqib_query_options_t): past either, each wildcard gets an
 * equal share, its most frequent words (what a wildcard with fewer words
 * leaves goes to the others; each keeps one at least).  The
 * wildcards' words are read from db, which may be NULL only for a query
 * that is not searched (naqib_query_normalized(), the terms). */
naqib_status_t naqib_query_parse(naqib_db_t *db, naqib_analyzer_t *a,
				 const char *text, naqib_query_t **out);
void naqib_query_destroy(naqib_query_t *q);

#define NAQIB_QUERY_MAX_WORDS 1000
#define NAQIB_WILDCARD_MAX_TERMS 1000
/* Six groups of the 28 one-letter wildcards took 44 s of CPU and 321 MB
 * on the 42,126 documents of bench/eval before these bounds, 0.35 s and
 * 12 MB with them.  The words of a wildcard count the documents each is
 * in, word by word: what the match reads (the 1000 most frequent words
 * beginning with ا are in 1,335,805). */
#define NAQIB_QUERY_WILDCARD_TERMS 2000
#define NAQIB_QUERY_WILDCARD_POSTINGS 2000000

typedef struct naqib_query_options {
	unsigned wildcard_terms; /* the words all the wildcards of a query
				    stand for together, at most; 0: the
				    default, NAQIB_QUERY_WILDCARD_TERMS */
	unsigned long long wildcard_postings; /* the documents these words
				    are in together, counted word by word,
				    at most; 0: the default,
				    NAQIB_QUERY_WILDCARD_POSTINGS */
} naqib_query_options_t;

/* The defaults. */
void naqib_query_options_init(naqib_query_options_t *o);

/* naqib_query_parse() with options (NULL: the defaults). */
naqib_status_t naqib_query_parse_opts(naqib_db_t *db, naqib_analyzer_t *a,
				      const char *text,
				      const naqib_query_options_t *opts,
				      naqib_query_t **out);

/* What the search left out of the query, for the user, one sentence a
 * line ("" when nothing). */
const char *naqib_query_notes(const naqib_query_t *q);
/* The same, for other messages: the words left out of a long query, and
 * the i-th wildcard prefix (normalized) cut to its most frequent words
 * (NULL past the last). */
size_t naqib_query_dropped_words(const naqib_query_t *q);
/* The value of the i-th place: filter whose place the thesaurus does not
 * know, which was searched as the phrase of its words instead (a note
 * says so); NULL past the last.  Owned by q. */
const char *naqib_query_place_as_words(const naqib_query_t *q, size_t i);
/* The i-th filter of the query as typed, without its sign (union:CDT,
 * place:"الدار البيضاء"); NULL past the last.  The normalized query
 * (naqib_query_normalized()) holds FILTERi:field where it was.  Owned by
 * q. */
const char *naqib_query_filter(const naqib_query_t *q, size_t i);
const char *naqib_query_cut_wildcard(const naqib_query_t *q, size_t i);
/* When the wildcards of the query stood for more words together than its
 * budget (naqib_query_options_t): the most words each was searched with;
 * else 0. */
unsigned naqib_query_wildcard_share(const naqib_query_t *q);

/* Whether the query has no searchable word. */
int naqib_query_is_empty(const naqib_query_t *q);

/* Xapian's description of the parsed query, for debugging.  Owned by q. */
const char *naqib_query_description(const naqib_query_t *q);

/* The query's text after normalization, as given to Xapian's parser.  Owned
 * by q. */
const char *naqib_query_normalized(const naqib_query_t *q);

/* Calls fn for every distinct term of the query that a matching document
 * may contain (terms under NOT are left out), then for every wildcard
 * prefix with is_prefix set.  Stops early and returns what fn returned if
 * that is not 0. */
typedef int (*naqib_term_fn)(const char *term, size_t len, int is_prefix,
			     void *ctx);
int naqib_query_foreach_term(const naqib_query_t *q, naqib_term_fn fn,
			     void *ctx);

/* Whether an analysed token matches the query (its normalized form, its
 * stem or a wildcard prefix). */
int naqib_query_matches_token(const naqib_query_t *q, const naqib_token_t *t);

/* The words of a query, as typed, for --explain. */
typedef struct naqib_query_word {
	const char *typed;  /* the bytes typed */
	const char *norm;   /* normalized form ("" for names and dates) */
	const char *stem;   /* its stem ("" for names and dates) */
	int kind;           /* 'w' word, 't' thesaurus name, 'd' date, 'p' a
			       phrase in quotes (typed with them; its words
			       are the words before it, kind 'w') */
	const char *detail; /* 't': the entry's canonical name; 'd': the
			       days, YYYY-MM-DD separated by spaces */
} naqib_query_word_t;

size_t naqib_query_word_count(const naqib_query_t *q);
/* Word i; the strings are owned by q. */
naqib_status_t naqib_query_word(const naqib_query_t *q, size_t i,
				naqib_query_word_t *w);

/* How a word of a text matches a query word. */
#define NAQIB_MATCH_EXACT      1 /* written as typed */
#define NAQIB_MATCH_NORMALIZED 2 /* the same after normalization (hamza,
				    diacritics, tatweel, digits, case) */
#define NAQIB_MATCH_STEM       3 /* the same stem */
#define NAQIB_MATCH_WILDCARD   4 /* starts with a wildcard's prefix */
#define NAQIB_MATCH_THESAURUS  5 /* another name of a thesaurus entry */
#define NAQIB_MATCH_DATE       6 /* the same day, written another way */
#define NAQIB_MATCH_DOC_DATE   7 /* the day the document is dated (its
				    metadata's, or the one its text gives
				    as its own): never a match in a text */

/* "exact", "normalization", "stem", "wildcard", "thesaurus", "date",
 * "document date". */
const char *naqib_match_name(int how);

typedef struct naqib_match {
	size_t first, last; /* the tokens [first, last) that match */
	size_t word;        /* the query word (naqib_query_word()), or
			       (size_t)-1 when none can be named */
	int how;            /* NAQIB_MATCH_* */
} naqib_match_t;

/* Finds what matches the query in an analysed text (tokens are
 * naqib_analyze()'s result for text[0..len) by a, which must be the
 * analyser the query was parsed with): what snippets highlight and
 * --explain reports.  *out (sorted by position) is malloc'd, caller
 * frees. */
naqib_status_t naqib_query_matches(const naqib_query_t *q, naqib_analyzer_t *a,
				   const char *text, size_t len,
				   const naqib_token_t *tokens, size_t n,
				   naqib_match_t **out, size_t *count);

/* "Did you mean": the query as typed, with each word the index does not
 * hold (in any form) replaced by the nearest word it does hold, as a
 * document writes it (one or two letters changed, added, removed or
 * swapped; the most frequent on ties).  Words differing only by hamza,
 * diacritics or tatweel are one word already, so a suggestion is never one
 * of those.  NAQIB_E_NOT_FOUND when there is nothing to suggest.  a must
 * be the analyser the query was parsed with (its tokens are overwritten).
 * *out is malloc'd, caller frees. */
naqib_status_t naqib_query_suggest(naqib_db_t *db, naqib_analyzer_t *a,
				   const naqib_query_t *q, char **out);

/* ---------------------------------------------------------------- search */

/* The learned reranker (naqib_search_options_t.ranker): a model read
 * from a text file that scores the features of each of the first hits
 * (the weighting schemes' scores over the body, its lead and the title;
 * the share of the query matched; pairs of query words next to or near
 * each other; thesaurus and date terms matched; length: the names and
 * what each is from naqib_feature_name()) and puts them in its order.
 * scripts/rerank/train makes one; the format is in lib/rank/model.c. */
typedef struct naqib_ranker naqib_ranker_t;

/* Reads a model from text[0..len); name (a file name) is for the
 * messages, which give the line (NAQIB_E_INVALID).  Caller frees. */
naqib_status_t naqib_ranker_load(const char *text, size_t len,
				 const char *name, naqib_ranker_t **out);
/* Reads the model file at path; NULL: the built-in one
 * (data/rerank/model). */
naqib_status_t naqib_ranker_open(const char *path, naqib_ranker_t **out);
void naqib_ranker_destroy(naqib_ranker_t *r);
/* The built-in model's text.  Static. */
const char *naqib_ranker_builtin(size_t *len);
/* The features the model reads. */
size_t naqib_ranker_features(const naqib_ranker_t *r);
/* The model's score of features[0..naqib_feature_count()): higher first. */
double naqib_ranker_score(const naqib_ranker_t *r, const float *features);

/* The features of a hit: how many, and the name of the i-th and in
 * *description (may be NULL) what it is; NULL past the last.  Static. */
size_t naqib_feature_count(void);
const char *naqib_feature_name(size_t i, const char **description);

/* How many of the first hits the reranker reorders when the options say
 * none: on the held-out training headlines, 30 ranked as well as 100
 * (MRR@10 0.726 and 0.727; 20: 0.721), and cost a third as much (the
 * features of 100 hits made queries about 1.7 times as long, of 30 about
 * 1.3 times: bench/query-speed --rerank). */
#define NAQIB_DEFAULT_RERANK_DEPTH 30

typedef struct naqib_mset naqib_mset_t;

#define NAQIB_SORT_RELEVANCE 0
#define NAQIB_SORT_NEWEST    1 /* document date, newest first, then rank */
#define NAQIB_SORT_OLDEST    2 /* oldest first; undated documents last */

typedef struct naqib_search_options {
	unsigned offset;   /* first hit to return (0-based) */
	unsigned limit;    /* how many hits at most */
	double bm25_k1;    /* term frequency saturation; <= 0: the default */
	double bm25_b;     /* length normalization 0..1; < 0: the default */
	int sort;          /* NAQIB_SORT_* */
	unsigned facets;   /* values per facet to count (0: no facets) */
	unsigned facet_sample; /* count the facets over at least this many
				  matches and scale the counts up (0: over
				  every match, exact but slower) */
	double exact_bonus; /* weight of a word found as written (its
			       normalized form, not only its stem); < 0: the
			       default, 0: none */
	double proximity;   /* weight of two query words found next to each
			       other; < 0: the default, 0: none */
	const char *weighting; /* one of naqib_weighting_name(); NULL: the
				  default */
	double time_limit;  /* seconds the match may take: past them it
			       stops, and the hits are the best of the
			       documents it looked at (naqib_mset_stopped());
			       0: no limit.  A match whose terms are in
			       fewer than 200,000 documents, counted term by
			       term, is not watched: it ends within
			       milliseconds.  The documents of remote shards
			       are looked at to the end (xapian-tcpsrv's
			       --active-timeout bounds them) */
	int (*stop)(void *ctx); /* NULL, or called now and then while a
				   match that is watched runs (every 16
				   documents it looks at, the first one
				   included): nonzero stops it as the time
				   limit does (a client that went away) */
	void *stop_ctx;
	int collapse;       /* nonzero: the copies of a text (a body with the
			       same words as normalized: a communiqué
			       reposted) are one hit, the best ranked, with
			       the others' ids (naqib_mset_copy()) */
	const char *like;   /* NULL, or the id of a document: rank the
			       documents like it (the terms Xapian's expand
			       set finds best in it, ORed), itself left out;
			       the query, which may then be NULL, only
			       selects (its filters, its words) */
	unsigned like_terms; /* how many terms --like takes (0: the
				default, NAQIB_DEFAULT_LIKE_TERMS) */
	unsigned prf;       /* pseudo-relevance feedback: the best terms of
			       the first prf hits are added to the query,
			       weighing less, to rank its matches again (0:
			       none, the default) */
	unsigned prf_terms; /* how many terms (0: NAQIB_DEFAULT_PRF_TERMS) */
	double prf_weight;  /* their weight, a factor (<= 0: the default,
			       NAQIB_DEFAULT_PRF_WEIGHT) */
	const naqib_ranker_t *ranker; /* NULL, or the model that reorders
				       the first rerank_depth hits by
				       relevance (not with another sort);
				       the page is cut after */
	unsigned rerank_depth; /* 0: NAQIB_DEFAULT_RERANK_DEPTH */
	int features;      /* keep the features of the hits of the page
			      (naqib_mset_features()) */
} naqib_search_options_t;

#define NAQIB_DEFAULT_LIKE_TERMS 25
#define NAQIB_DEFAULT_PRF_TERMS 10
#define NAQIB_DEFAULT_PRF_WEIGHT 0.05

/* The defaults: the first 10 hits by relevance with the default weighting
 * and bonuses, no facets, no time limit. */
void naqib_search_options_init(naqib_search_options_t *o);

/* The weighting schemes naqib_db_search() knows (Xapian's), the default
 * first: the name of the i-th ("dlh", "bm25", ...) and in *description
 * (may be NULL) a line about it; NULL past the last.  The bm25_* options
 * apply to "bm25" only.  Static strings. */
const char *naqib_weighting_name(size_t i, const char **description);

/* The names of the NAQIB_SORT_* orders ("relevance", "newest", "oldest"),
 * as naqib_weighting_name(). */
const char *naqib_sort_name(size_t i, const char **description);

/* Facets: counts over every document that matches, not just the page. */
#define NAQIB_FACET_UNION  0
#define NAQIB_FACET_PLACE  1
#define NAQIB_FACET_YEAR   2
#define NAQIB_FACET_SOURCE 3
#define NAQIB_FACETS       4

/* "union", "place", "year", "source": the facet's field (a filter). */
const char *naqib_facet_name(int facet);
/* Its heading for people: "unions" ... or, arabic, "النقابات" ... */
const char *naqib_facet_label(int facet, int arabic);

/* The fields of the index that a query filters on (union:CDT, سنة:2021)
 * and a search may count: for help texts, completion and labels. */
typedef struct naqib_field_info {
	const char *name;          /* "union": what is typed before ':' */
	const char *const *arabic; /* its Arabic names, NULL-terminated */
	const char *help;          /* what it selects, a line */
	int facet;                 /* the NAQIB_FACET_* counting it, or -1 */
	const char *facet_label;   /* as naqib_facet_label(), or NULL */
	const char *facet_label_ar;
} naqib_field_info_t;

size_t naqib_field_count(void);
/* Field i (0 <= i < naqib_field_count()); the strings are static. */
naqib_status_t naqib_field_info(size_t i, naqib_field_info_t *out);

/* The weighting scheme and the BM25 parameters chosen on the development
 * sets (bench/eval): InL2 (Xapian's c = 1), a divergence-from-randomness
 * model whose weights are never 0 for a word a document holds, where DLH's
 * are for a word more frequent than chance in a long document (a long text
 * naming the UMT three times scored 0); it ranks the long communiqués of
 * archive-dev and the 40,869 training headlines better than DLH, the
 * questions a little worse. */
#define NAQIB_DEFAULT_WEIGHTING "inl2"
#define NAQIB_DEFAULT_BM25_K1 1.0
#define NAQIB_DEFAULT_BM25_B 0.75
/* The ranking bonuses, chosen on the development set (bench/eval). */
#define NAQIB_DEFAULT_EXACT_BONUS 0.0
#define NAQIB_DEFAULT_PROXIMITY 0.0

typedef struct naqib_hit {
	unsigned rank;       /* 1-based rank in the whole result list */
	double score;        /* weight (of the weighting scheme) */
	unsigned docid;      /* Xapian document id */
	const char *data;    /* the stored record data, owned by the mset */
	size_t data_len;
	unsigned copies;     /* the copies of its text collapsed into it
				(naqib_search_options_t.collapse) */
} naqib_hit_t;

/* Runs the query.  A database modified during the search (a writer
 * committed) is reopened and the search retried.  Caller frees *out. */
naqib_status_t naqib_db_search(naqib_db_t *db, const naqib_query_t *q,
			       const naqib_search_options_t *opts,
			       naqib_mset_t **out);
void naqib_mset_destroy(naqib_mset_t *m);
/* Hits in this page of results. */
size_t naqib_mset_size(const naqib_mset_t *m);
/* The number of matching documents: exact when fewer than
 * NAQIB_COUNT_EXACT_UP_TO match (every search looks at that many matches
 * at least, whatever its page), else Xapian's estimate. */
#define NAQIB_COUNT_EXACT_UP_TO 1000
unsigned naqib_mset_estimate(const naqib_mset_t *m);
/* Whether naqib_mset_estimate() is exact: every match was counted (not
 * when the match stopped, naqib_mset_stopped()). */
int naqib_mset_estimate_exact(const naqib_mset_t *m);
/* The i-th hit of this page (0 <= i < size); *hit's pointers are owned by m. */
naqib_status_t naqib_mset_hit(const naqib_mset_t *m, size_t i,
			      naqib_hit_t *hit);
/* The id of copy j (0 <= j < hit.copies) of hit i, in *id (owned by m):
 * a document with the same words that the query matched too, collapsed
 * into hit i. */
naqib_status_t naqib_mset_copy(const naqib_mset_t *m, size_t i, size_t j,
			       const char **id);
/* The stems the search took from a document (opts->like) or from its
 * first hits (opts->prf), best first, a space between them; "" when
 * neither.  Owned by m. */
const char *naqib_mset_expansion(const naqib_mset_t *m);
/* Whether the match stopped before its end: NAQIB_STOPPED_TIME at the
 * time limit, NAQIB_STOPPED_ASKED when opts->stop said so; else 0.  The
 * hits are then the best of the documents it looked at; the estimate is
 * still the query's (or, when fewer documents than the page matched, the
 * number that did), and facets are never exact. */
#define NAQIB_STOPPED_TIME  1
#define NAQIB_STOPPED_ASKED 2
int naqib_mset_stopped(const naqib_mset_t *m);
/* Whether the facet counts are exact (every match was counted) rather
 * than scaled up from a sample. */
int naqib_mset_facets_exact(const naqib_mset_t *m);
/* The values of a facet, most frequent first (at most opts->facets). */
size_t naqib_mset_facet_size(const naqib_mset_t *m, int facet);
/* The naqib_feature_count() features of hit i of the page, when the
 * search kept them (naqib_search_options_t.features), else NAQIB_E_INVALID.
 * Owned by m. */
naqib_status_t naqib_mset_features(const naqib_mset_t *m, size_t i,
				   const float **out);
/* Value i of a facet and its document count; *value is owned by m. */
naqib_status_t naqib_mset_facet(const naqib_mset_t *m, int facet, size_t i,
				const char **value, unsigned *count);

/* ---------------------------------------------------------------- snippets */

typedef struct naqib_snippet {
	char *text;          /* the passage, original bytes, line breaks as spaces */
	size_t len;
	size_t *marks;       /* pairs of byte offsets into text: start, end */
	size_t n_marks;      /* number of pairs */
	int cut_start;       /* the passage does not start at the text's start */
	int cut_end;         /* ... does not end at its end */
} naqib_snippet_t;

/* Cuts the best passage of about max_chars characters out of text (the one
 * with the most distinct query words, then the most matches) and marks every
 * word that matches the query.  With no match, the start of the text.
 * Caller frees with naqib_snippet_destroy(). */
naqib_status_t naqib_snippet_make(naqib_analyzer_t *a, const naqib_query_t *q,
				  const char *text, size_t len,
				  size_t max_chars, naqib_snippet_t **out);
void naqib_snippet_destroy(naqib_snippet_t *s);

#ifdef __cplusplus
}
#endif

#endif
