/* The Xapian layer: the only C++ of libnaqib, a thin extern "C" shim over
 * libxapian.  Handles are opaque, every entry point returns a status, and
 * no C++ exception crosses the boundary: each is caught and mapped to a
 * status with a message a person can act on (naqib_last_error()).
 *
 *   db.cc       opening, shards, committing, metadata, documents by id, the
 *               analysis a database keeps
 *   doc.cc      the Xapian document of a record (a sink for the schema)
 *   parse.cc    queries: Xapian's QueryParser over the rewritten text
 *   wildcards.cc  their wildcards, expanded within a budget of words
 *   fields.cc   its field processors: thesaurus entries and days
 *   filters.cc  the filters, from their specs (lib/query)
 *   search.cc   matching and ranking, the result set
 *   facets.cc   counting the facets of the matches
 *   suggest.cc  "did you mean" */
#ifndef NAQIB_XAPIAN_PRIVATE_H
#define NAQIB_XAPIAN_PRIVATE_H

#include <xapian.h>

#include <memory>
#include <string>
#include <unordered_set>
#include <utility>
#include <vector>

#include "internal.h"
#include "query/query.h"
#include "schema/schema.h"

struct naqib_db {
	Xapian::Database *db;		/* for reading; == wdb for a writer */
	Xapian::WritableDatabase *wdb;	/* NULL for a reader */
	std::string path;		/* for messages: the paths, ", " */
	/* A reader's: the paths it was opened from, and what their files
	 * looked like then (db.cc, naqib_db_refresh()). */
	std::vector<std::string> sources;
	std::string identity;
	bool remote;			/* some shard is on another machine */
};

struct naqib_doc {
	Xapian::Document doc;
	/* While naqib_doc_from_record() makes it: its stop callback, asked
	 * as the data is packed. */
	int (*stop)(void *ctx) = nullptr;
	void *stop_ctx = nullptr;
};

struct naqib_query {
	_naqib_qparts_t parts;	/* the words, prefixes and the text given
				   to Xapian's parser (lib/query) */
	std::string text;	/* as typed */
	/* What the parser made of it (parse_into()). */
	Xapian::Query query;
	std::string description;
	std::vector<std::string> terms;	/* positive terms, in order */
	std::unordered_set<std::string> termset;
	std::string notes;	/* what was left out, a line each */
	std::vector<std::string> filters; /* each filter as typed, without
					     its sign */
	std::vector<std::string> cut;	/* wildcards cut to their most
					 * frequent words */
	/* What the search runs: the query with each wildcard replaced by
	 * the words it stands for (wildcards.cc). */
	Xapian::Query match;
	size_t wildcard_share;	/* the most words a wildcard stood for when
				   the query's budget cut them, else 0 */

	naqib_query() : wildcard_share(0) { _naqib_qparts_init(&parts); }
	~naqib_query() { _naqib_qparts_free(&parts); }
	naqib_query(const naqib_query &) = delete;
	naqib_query &operator=(const naqib_query &) = delete;
};

/* search.cc: a match that reads fewer postings than this (the documents
 * its terms are in, counted term by term) runs without a time limit: on
 * the 42,126 documents of bench/eval it takes 20 ms at most. */
#define _NAQIB_STOP_READS 200000ull

/* search.cc: every match looks at this many matching documents at least
 * (Enquire::get_mset()'s check_at_least), so that the count of a query
 * that matches fewer is exact, whatever the page asked for (naqib.h,
 * NAQIB_COUNT_EXACT_UP_TO; what it costs is in search_once()). */
#define _NAQIB_CHECK_AT_LEAST NAQIB_COUNT_EXACT_UP_TO

typedef std::vector<std::pair<std::string, unsigned>> _naqib_facet_t;

struct naqib_mset {
	unsigned estimate;
	bool estimate_exact;	/* every match was counted */
	std::vector<naqib_hit_t> hits;
	/* The ids of each hit's copies that the match collapsed into it
	 * (naqib_search_options_t.collapse). */
	std::vector<std::vector<std::string>> copies;
	/* The stems --like or --prf searched with, a space between them. */
	std::string expansion;
	std::vector<std::string> data;
	_naqib_facet_t facets[NAQIB_FACETS];
	bool facets_exact;
	int stopped;	/* NAQIB_STOPPED_*, or 0 */
	/* The features of the hits of the page, _NAQIB_FEATURES a hit,
	 * when the search kept them (rerank.cc). */
	std::vector<float> features;
};

/* db.cc: the document with this id (any form naqib_id_parse() reads) in
 * *out, 0 if there is none, and the term it has for its id in *term;
 * throws Xapian's errors. */
naqib_status_t _naqib_id_docid(naqib_db_t *db, const char *id,
			       Xapian::docid *out, std::string *term);
/* rerank.cc: the features (lib/rank) of documents docs, ranked ranks
 * (1-based) with scores by the first stage (top: its best score), into
 * out[0..docs.size() * naqib_feature_count()).  Throws Xapian's errors. */
void _naqib_features_of(const Xapian::Database &db, const naqib_query_t *q,
			const std::vector<Xapian::docid> &docs,
			const std::vector<double> &scores, double top,
			const std::vector<unsigned> &ranks, float *out);

/* Maps the exception being handled to a status and a message about the
 * database at path, while `doing`.  Called only from catch blocks. */
naqib_status_t _naqib_xfail(const std::string &path, const char *doing);

/* Runs f(), which reads db (NULL: none) and returns a status.  When a
 * writer commits twice while it reads (DatabaseModifiedError, or f's
 * status NAQIB_E_DB_MODIFIED), db is
 * reopened at its new state and f runs again, up to _NAQIB_RETRIES times:
 * a bound far above what any commit rate causes (three were not enough for
 * a writer with --batch 100 on a busy machine), there only against a
 * writer that commits faster than one search can run; any other error
 * becomes a status and a message about `doing`. */
#define _NAQIB_RETRIES 100
template <class F>
static naqib_status_t _naqib_retrying(naqib_db_t *db, const char *doing, F f)
{
	const std::string path = db ? db->path : std::string();

	for (int attempt = 0;; attempt++) {
		bool modified;
		naqib_status_t st = NAQIB_OK;
		try {
			/* f may catch the error itself and return its status
			 * (the settings and the thesaurus, read in db.cc). */
			st = f();
			if (st != NAQIB_E_DB_MODIFIED)
				return st;
			modified = false;
		} catch (const Xapian::DatabaseModifiedError &) {
			modified = true;
		} catch (...) {
			return _naqib_xfail(path, doing);
		}
		bool again = db && attempt < _NAQIB_RETRIES;
		try {
			if (again)
				db->db->reopen();
		} catch (...) {
			again = false;
		}
		if (!again)
			return modified ? _naqib_xfail(path, doing) : st;
	}
}

/* The document data as stored (large records deflated, see db.cc), and
 * as read back. */
naqib_status_t _naqib_pack_data(const char *data, size_t len,
				int (*stop)(void *ctx), void *stop_ctx,
				std::string &out);
std::string _naqib_unpack_data(std::string s);

/* A malloc'd copy of s, NULL when out of memory. */
char *_naqib_dup_string(const std::string &s);

/* The term of a schema field for value. */
std::string _naqib_xterm(_naqib_field_id_t field, const std::string &value);

/* fields.cc: the field processors of the placeholders that the query
 * rewrite writes (query.h). */
/* fields.cc: the stem terms of the words of a name (name[0..len)) that
 * hold positions in the index, in their order, appended to out (none if
 * it cannot be analysed): a union name's words, a place's phrase. */
void _naqib_name_stems(naqib_analyzer_t *a, const char *name, size_t len,
		       std::vector<Xapian::Query> &out);

/* THESAURUS:n, the name of query word n (kind 't'): its entry's term; for
 * a union, the stems of the name's words too, which rank but do not
 * match (fields.cc). */
class _naqib_thesaurus_field : public Xapian::FieldProcessor {
	naqib_analyzer_t *a;
	const _naqib_qparts_t *parts;

      public:
	_naqib_thesaurus_field(naqib_analyzer_t *an, const _naqib_qparts_t *p)
	    : a(an), parts(p) {}
	Xapian::Query operator()(const std::string &word) override;
};

class _naqib_day_field : public Xapian::FieldProcessor {
      public:
	Xapian::Query operator()(const std::string &day) override;
};

/* EXACT:n, a word or a phrase of the query as written (="…", =word): its
 * words' own terms, which hold no positions (the stemmed phrase beside it
 * gives the order). */
class _naqib_exact_field : public Xapian::FieldProcessor {
	const _naqib_qparts_t *parts;

      public:
	explicit _naqib_exact_field(const _naqib_qparts_t *p) : parts(p) {}
	Xapian::Query operator()(const std::string &word) override;
};

/* wildcards.cc: how many words the wildcards of a query may stand for:
 * each its `keep` most frequent at most; all together `words` at most,
 * in `postings` documents at most counted word by word. */
typedef struct _naqib_wildcard_budget {
	size_t keep, words;
	unsigned long long postings;
} _naqib_wildcard_budget_t;

/* Sets q->match from q->query, each wildcard the words of db it stands
 * for within budget b, each an equal share; sets q->cut and
 * q->wildcard_share, and says what was cut in q->notes.  Without db,
 * q->match is q->query.  Throws Xapian's errors. */
void _naqib_expand_wildcards(naqib_db_t *db, naqib_query_t *q,
			     const _naqib_wildcard_budget_t *b);

/* filters.cc: the query of each filter of parts, in their order (throws
 * Xapian's errors). */
naqib_status_t _naqib_filter_queries(naqib_db_t *db, naqib_analyzer_t *a,
				     const _naqib_qparts_t *parts,
				     std::vector<Xapian::Query> &out);

/* filters.cc: applies the filters of parts, whose queries are fq, to query
 * q as a filter: the same field twice is either value, different fields
 * must all hold, '+' must hold as well, '-' must not. */
void _naqib_apply_filters(const _naqib_qparts_t *parts,
			  const std::vector<Xapian::Query> &fq,
			  Xapian::Query &q);

/* fields.cc: the placeholder of one filter (FILTERn:field, query.h): its
 * query, as a boolean filter of the parser. */
class _naqib_filter_field : public Xapian::FieldProcessor {
	Xapian::Query q;

      public:
	explicit _naqib_filter_field(const Xapian::Query &fq) : q(fq) {}
	Xapian::Query operator()(const std::string &) override { return q; }
};

/* facets.cc: counts the facet values of the matching documents. */
class _naqib_facet_spies {
	/* One of Xapian's own spies per facet, on its field's slot, so that
	 * facets work on remote shards too (xapian-tcpsrv knows only
	 * Xapian's classes). */
	std::vector<std::unique_ptr<Xapian::ValueCountMatchSpy>> spies;

      public:
	_naqib_facet_spies();
	void attach(Xapian::Enquire &e);
	/* Documents counted. */
	Xapian::doccount seen() const;
	/* The n most frequent values of facet f, ties by value; counts
	 * multiplied by scale (a sample's). */
	void top(int f, unsigned n, double scale, _naqib_facet_t &out) const;
};

#endif
