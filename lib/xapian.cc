/* The Xapian wrapper: a thin extern "C" shim over libxapian.  Handles are
 * opaque, every entry point returns a status, and no C++ exception crosses
 * the boundary: each one is caught and mapped to a status with a message a
 * person can act on (naqib_last_error()). */
#include <xapian.h>

#include <cstdlib>
#include <cstring>
#include <new>
#include <string>
#include <unordered_set>
#include <vector>

#include "naqib.h"
#include "internal.h"

/* Bumped whenever a change to the analysis changes the terms written, so
 * that an old index is not searched with a new analysis. */
static const char analysis_version[] = "1";

/* Wildcards expand to at most this many terms, the most frequent ones. */
static const unsigned max_wildcard_expansion = 1000;

struct naqib_db {
	Xapian::Database *db;		/* for reading; == wdb for a writer */
	Xapian::WritableDatabase *wdb;	/* NULL for a reader */
	std::string path;
};

struct naqib_doc {
	Xapian::Document doc;
};

struct naqib_query {
	Xapian::Query query;
	std::string normalized;
	std::string description;
	std::vector<std::string> terms;		/* positive terms, in order */
	std::unordered_set<std::string> termset;
	std::vector<std::string> prefixes;	/* wildcard prefixes */
};

struct naqib_mset {
	unsigned estimate;
	std::vector<naqib_hit_t> hits;
	std::vector<std::string> data;
};

/* Maps the exception being handled to a status and a message.  Called only
 * from catch blocks. */
static int fail_current(const std::string &path, const char *doing)
{
	const char *p = path.c_str();

	try {
		throw;
	} catch (const Xapian::DatabaseLockError &e) {
		return _naqib_fail(NAQIB_E_DB_LOCKED,
				   "database '%s' is locked: another process "
				   "(another naqib-index?) is writing to it",
				   p);
	} catch (const Xapian::DatabaseNotFoundError &e) {
		return _naqib_fail(NAQIB_E_DB_NOT_FOUND,
				   "no database at '%s' (create one with "
				   "naqib-index)",
				   p);
	} catch (const Xapian::DatabaseCorruptError &e) {
		return _naqib_fail(NAQIB_E_DB_CORRUPT,
				   "database '%s' is damaged (%s); check it with "
				   "xapian-check or index again",
				   p, e.get_msg().c_str());
	} catch (const Xapian::DatabaseModifiedError &e) {
		return _naqib_fail(NAQIB_E_DB_MODIFIED,
				   "database '%s' kept changing while %s; try "
				   "again",
				   p, doing);
	} catch (const Xapian::DatabaseVersionError &e) {
		return _naqib_fail(NAQIB_E_DB_VERSION,
				   "database '%s' has a format this Xapian "
				   "cannot read (%s)",
				   p, e.get_msg().c_str());
	} catch (const Xapian::DatabaseOpeningError &e) {
		return _naqib_fail(NAQIB_E_DB_NOT_FOUND,
				   "cannot open database '%s': %s", p,
				   e.get_msg().c_str());
	} catch (const Xapian::QueryParserError &e) {
		return _naqib_fail(NAQIB_E_QUERY, "cannot parse the query: %s",
				   e.get_msg().c_str());
	} catch (const Xapian::WildcardError &e) {
		return _naqib_fail(NAQIB_E_QUERY, "wildcard: %s",
				   e.get_msg().c_str());
	} catch (const Xapian::InvalidArgumentError &e) {
		return _naqib_fail(NAQIB_E_INVALID, "%s: %s", doing,
				   e.get_msg().c_str());
	} catch (const Xapian::Error &e) {
		std::string m = e.get_msg();
		if (!e.get_error_string() || !*e.get_error_string())
			return _naqib_fail(NAQIB_E_DB, "database '%s': %s %s: %s",
					   p, e.get_type(), doing, m.c_str());
		return _naqib_fail(NAQIB_E_DB, "database '%s': %s %s: %s (%s)",
				   p, e.get_type(), doing, m.c_str(),
				   e.get_error_string());
	} catch (const std::bad_alloc &) {
		return _naqib_fail(NAQIB_E_NOMEM, "out of memory while %s",
				   doing);
	} catch (const std::exception &e) {
		return _naqib_fail(NAQIB_E_DB, "error while %s: %s", doing,
				   e.what());
	} catch (...) {
		return _naqib_fail(NAQIB_E_DB, "unknown error while %s", doing);
	}
}

static std::string id_term(const char *id)
{
	return std::string(NAQIB_PREFIX_ID) + id;
}

/* ---------------------------------------------------------------- database */

extern "C" int naqib_db_open(const char *path, int mode, naqib_db_t **out)
{
	*out = NULL;
	naqib_db_t *d = new (std::nothrow) naqib_db_t();
	if (!d)
		return _naqib_fail(NAQIB_E_NOMEM, "out of memory");
	try {
		d->path = path;
		if (mode == NAQIB_DB_WRITE) {
			d->wdb = new Xapian::WritableDatabase(
				path, Xapian::DB_CREATE_OR_OPEN);
			d->db = d->wdb;
		} else {
			d->db = new Xapian::Database(path);
		}
	} catch (...) {
		int st = fail_current(d->path, "opening");
		delete d;
		return st;
	}
	*out = d;
	return NAQIB_OK;
}

extern "C" int naqib_db_commit(naqib_db_t *db)
{
	if (!db->wdb)
		return NAQIB_OK;
	try {
		db->wdb->commit();
	} catch (...) {
		return fail_current(db->path, "committing");
	}
	return NAQIB_OK;
}

extern "C" void naqib_db_close(naqib_db_t *db)
{
	if (!db)
		return;
	try {
		/* The destructor of a WritableDatabase commits, and must not
		 * throw out of here. */
		db->db->close();
	} catch (...) {
	}
	delete db->db;
	delete db;
}

extern "C" int naqib_db_reopen(naqib_db_t *db)
{
	try {
		db->db->reopen();
	} catch (...) {
		return fail_current(db->path, "reopening");
	}
	return NAQIB_OK;
}

extern "C" int naqib_db_doc_count(naqib_db_t *db, unsigned *out)
{
	try {
		*out = db->db->get_doccount();
	} catch (...) {
		return fail_current(db->path, "counting documents");
	}
	return NAQIB_OK;
}

static char *dup_string(const std::string &s)
{
	char *r = static_cast<char *>(malloc(s.size() + 1));
	if (r) {
		memcpy(r, s.data(), s.size());
		r[s.size()] = '\0';
	}
	return r;
}

extern "C" int naqib_db_get_metadata(naqib_db_t *db, const char *key,
				     char **out)
{
	*out = NULL;
	try {
		std::string v = db->db->get_metadata(key);
		if (!(*out = dup_string(v)))
			return _naqib_fail(NAQIB_E_NOMEM, "out of memory");
	} catch (...) {
		return fail_current(db->path, "reading metadata");
	}
	return NAQIB_OK;
}

extern "C" int naqib_db_set_metadata(naqib_db_t *db, const char *key,
				     const char *value)
{
	if (!db->wdb)
		return _naqib_fail(NAQIB_E_INVALID,
				   "database '%s' is open read-only",
				   db->path.c_str());
	try {
		db->wdb->set_metadata(key, value);
	} catch (...) {
		return fail_current(db->path, "writing metadata");
	}
	return NAQIB_OK;
}

extern "C" int naqib_db_has_id(naqib_db_t *db, const char *id, int *exists)
{
	try {
		*exists = db->db->term_exists(id_term(id));
	} catch (...) {
		return fail_current(db->path, "looking up a document");
	}
	return NAQIB_OK;
}

extern "C" int naqib_db_replace(naqib_db_t *db, const char *id,
				naqib_doc_t *doc, int *replaced)
{
	if (!db->wdb)
		return _naqib_fail(NAQIB_E_INVALID,
				   "database '%s' is open read-only",
				   db->path.c_str());
	std::string term = id_term(id);
	if (term.size() > 240)
		return _naqib_fail(NAQIB_E_INVALID,
				   "document id too long (%zu bytes, at most "
				   "239): '%.40s...'",
				   strlen(id), id);
	try {
		if (replaced)
			*replaced = db->wdb->term_exists(term);
		doc->doc.add_boolean_term(term);
		db->wdb->replace_document(term, doc->doc);
	} catch (...) {
		return fail_current(db->path, "adding a document");
	}
	return NAQIB_OK;
}

extern "C" int naqib_db_delete(naqib_db_t *db, const char *id, int *found)
{
	if (!db->wdb)
		return _naqib_fail(NAQIB_E_INVALID,
				   "database '%s' is open read-only",
				   db->path.c_str());
	try {
		std::string term = id_term(id);
		*found = db->wdb->term_exists(term);
		if (*found)
			db->wdb->delete_document(term);
	} catch (...) {
		return fail_current(db->path, "deleting a document");
	}
	return NAQIB_OK;
}

extern "C" int naqib_db_get_data(naqib_db_t *db, const char *id, char **data,
				 size_t *len)
{
	*data = NULL;
	try {
		std::string term = id_term(id);
		Xapian::PostingIterator p = db->db->postlist_begin(term);
		if (p == db->db->postlist_end(term))
			return _naqib_fail(NAQIB_E_NOT_FOUND,
					   "no document with id '%s'", id);
		std::string d = db->db->get_document(*p).get_data();
		if (!(*data = dup_string(d)))
			return _naqib_fail(NAQIB_E_NOMEM, "out of memory");
		*len = d.size();
	} catch (...) {
		return fail_current(db->path, "reading a document");
	}
	return NAQIB_OK;
}

/* ---------------------------------------------------------------- documents */

extern "C" int naqib_doc_new(naqib_doc_t **out)
{
	*out = new (std::nothrow) naqib_doc_t();
	if (!*out)
		return _naqib_fail(NAQIB_E_NOMEM, "out of memory");
	return NAQIB_OK;
}

extern "C" void naqib_doc_destroy(naqib_doc_t *doc)
{
	delete doc;
}

#define DOC_CALL(what, call)                                        \
	do {                                                        \
		try {                                               \
			call;                                       \
		} catch (...) {                                     \
			return fail_current(std::string(), what);   \
		}                                                   \
		return NAQIB_OK;                                    \
	} while (0)

extern "C" int naqib_doc_add_posting(naqib_doc_t *doc, const char *term,
				     size_t len, unsigned pos)
{
	DOC_CALL("adding a term", doc->doc.add_posting(std::string(term, len),
						       pos));
}

extern "C" int naqib_doc_add_term(naqib_doc_t *doc, const char *term,
				  size_t len, unsigned wdf_inc)
{
	DOC_CALL("adding a term",
		 doc->doc.add_term(std::string(term, len), wdf_inc));
}

extern "C" int naqib_doc_add_boolean_term(naqib_doc_t *doc, const char *term,
					  size_t len)
{
	DOC_CALL("adding a term",
		 doc->doc.add_boolean_term(std::string(term, len)));
}

extern "C" int naqib_doc_set_value(naqib_doc_t *doc, unsigned slot,
				   const char *data, size_t len)
{
	DOC_CALL("setting a value",
		 doc->doc.add_value(slot, std::string(data, len)));
}

extern "C" int naqib_doc_set_data(naqib_doc_t *doc, const char *data,
				  size_t len)
{
	DOC_CALL("setting the data", doc->doc.set_data(std::string(data, len)));
}

extern "C" int naqib_doc_index_tokens(naqib_doc_t *doc,
				      const naqib_token_t *tokens,
				      size_t count, size_t boosted,
				      unsigned *pos)
{
	try {
		std::string z(NAQIB_PREFIX_STEM);
		for (size_t i = 0; i < count; i++) {
			const naqib_token_t *t = &tokens[i];
			++*pos;
			if (t->flags & NAQIB_TOKEN_TOO_LONG)
				continue;
			unsigned w = i < boosted ? 2 : 1;
			doc->doc.add_posting(std::string(t->norm, t->norm_len),
					     *pos, w);
			/* Xapian's parser looks numbers up as they are, never
			 * stemmed: no Z term for them. */
			if (t->flags & NAQIB_TOKEN_NUMBER)
				continue;
			z.resize(1);
			z.append(t->stem, t->stem_len);
			doc->doc.add_term(z, w);
		}
	} catch (...) {
		return fail_current(std::string(), "indexing words");
	}
	return NAQIB_OK;
}

/* ---------------------------------------------------------------- analyser */

static const char key_stemmer[] = "naqib.stemmer";
static const char key_latin[] = "naqib.latin_stemmer";
static const char key_version[] = "naqib.analysis";

extern "C" int naqib_db_check_analyzer(naqib_db_t *db, naqib_analyzer_t *a,
				       int writer)
{
	try {
		std::string s = db->db->get_metadata(key_stemmer);
		std::string l = db->db->get_metadata(key_latin);
		std::string v = db->db->get_metadata(key_version);
		if (s.empty() && writer && db->wdb &&
		    db->db->get_doccount() == 0) {
			db->wdb->set_metadata(key_stemmer,
					      naqib_analyzer_stemmer(a));
			db->wdb->set_metadata(key_latin,
					      naqib_analyzer_latin_stemmer(a));
			db->wdb->set_metadata(key_version, analysis_version);
			return NAQIB_OK;
		}
		if (s.empty())
			return _naqib_fail(NAQIB_E_DB_VERSION,
					   "database '%s' was not made by "
					   "naqib-index",
					   db->path.c_str());
		if (v != analysis_version)
			return _naqib_fail(NAQIB_E_DB_VERSION,
					   "database '%s' was made by another "
					   "version of naqib's analysis (%s, "
					   "this is %s): index again into a new "
					   "database",
					   db->path.c_str(), v.c_str(),
					   analysis_version);
		if (s != naqib_analyzer_stemmer(a) ||
		    l != naqib_analyzer_latin_stemmer(a))
			return _naqib_fail(NAQIB_E_DB_VERSION,
					   "database '%s' was indexed with "
					   "--stemmer=%s --latin-stemmer=%s; "
					   "use the same, or a new database",
					   db->path.c_str(), s.c_str(),
					   l.c_str());
	} catch (...) {
		return fail_current(db->path, "reading the settings");
	}
	return NAQIB_OK;
}

extern "C" int naqib_db_analyzer_new(naqib_db_t *db, naqib_analyzer_t **out)
{
	*out = NULL;
	std::string s, l;
	try {
		s = db->db->get_metadata(key_stemmer);
		l = db->db->get_metadata(key_latin);
	} catch (...) {
		return fail_current(db->path, "reading the settings");
	}
	naqib_analyzer_options_t o = { s.c_str(), l.c_str() };
	if (s.empty())
		return _naqib_fail(NAQIB_E_DB_VERSION,
				   "database '%s' was not made by naqib-index",
				   db->path.c_str());
	int st = naqib_analyzer_new(&o, out);
	if (!st && (st = naqib_db_check_analyzer(db, *out, 0))) {
		naqib_analyzer_destroy(*out);
		*out = NULL;
	}
	return st;
}

/* ---------------------------------------------------------------- queries */

namespace {

/* Plugs naqib's stemming into Xapian's QueryParser. */
class AnalyzerStem : public Xapian::StemImplementation {
	naqib_analyzer_t *a;

      public:
	explicit AnalyzerStem(naqib_analyzer_t *an) : a(an) {}
	std::string operator()(const std::string &word) override
	{
		const char *s;
		size_t n;
		if (naqib_analyzer_stem(a, word.data(), word.size(), &s, &n))
			return word;
		return std::string(s, n);
	}
	std::string get_description() const override
	{
		return std::string("naqib:") + naqib_analyzer_stemmer(a);
	}
};

class ArabicStopper : public Xapian::Stopper {
      public:
	bool operator()(const std::string &term) const override
	{
		return naqib_is_stopword(term.data(), term.size());
	}
};

} // namespace

static void collect_terms(naqib_query_t *q, const Xapian::Query &query)
{
	switch (query.get_type()) {
	case Xapian::Query::LEAF_TERM:
		for (Xapian::TermIterator t = query.get_terms_begin();
		     t != query.get_terms_end(); ++t)
			if (q->termset.insert(*t).second)
				q->terms.push_back(*t);
		return;
	case Xapian::Query::OP_AND_NOT:
		/* What follows NOT never appears in a hit. */
		if (query.get_num_subqueries() > 0)
			collect_terms(q, query.get_subquery(0));
		return;
	default:
		for (size_t i = 0; i < query.get_num_subqueries(); i++)
			collect_terms(q, query.get_subquery(i));
	}
}

extern "C" int naqib_query_parse(naqib_db_t *db, naqib_analyzer_t *a,
				 const char *text, naqib_query_t **out)
{
	_naqib_buf_t rewritten = { NULL, 0, 0 }, prefixes = { NULL, 0, 0 };
	int st;

	*out = NULL;
	st = _naqib_query_rewrite(a, text, strlen(text), &rewritten, &prefixes);
	if (st) {
		_naqib_buf_free(&rewritten);
		_naqib_buf_free(&prefixes);
		return st;
	}
	naqib_query_t *q = new (std::nothrow) naqib_query_t();
	if (!q) {
		_naqib_buf_free(&rewritten);
		_naqib_buf_free(&prefixes);
		return _naqib_fail(NAQIB_E_NOMEM, "out of memory");
	}
	try {
		q->normalized.assign(rewritten.data, rewritten.len);
		for (size_t i = 0; i < prefixes.len;) {
			q->prefixes.emplace_back(prefixes.data + i);
			i += q->prefixes.back().size() + 1;
		}
		ArabicStopper stopper;
		Xapian::QueryParser qp;
		if (db)
			qp.set_database(*db->db);
		qp.set_stemmer(Xapian::Stem(new AnalyzerStem(a)));
		qp.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
		qp.set_stopper(&stopper);
		qp.set_default_op(Xapian::Query::OP_OR);
		qp.set_max_expansion(max_wildcard_expansion,
				     Xapian::Query::WILDCARD_LIMIT_MOST_FREQUENT,
				     Xapian::QueryParser::FLAG_WILDCARD);
		unsigned flags = Xapian::QueryParser::FLAG_DEFAULT |
				 Xapian::QueryParser::FLAG_WILDCARD;
		q->query = qp.parse_query(q->normalized, flags);
		q->description = q->query.get_description();
		collect_terms(q, q->query);
	} catch (...) {
		st = fail_current(db ? db->path : std::string(),
				  "parsing the query");
		delete q;
		q = NULL;
	}
	_naqib_buf_free(&rewritten);
	_naqib_buf_free(&prefixes);
	*out = q;
	return st;
}

extern "C" void naqib_query_destroy(naqib_query_t *q)
{
	delete q;
}

extern "C" int naqib_query_is_empty(const naqib_query_t *q)
{
	return q->query.empty();
}

extern "C" const char *naqib_query_description(const naqib_query_t *q)
{
	return q->description.c_str();
}

extern "C" const char *naqib_query_normalized(const naqib_query_t *q)
{
	return q->normalized.c_str();
}

extern "C" int naqib_query_foreach_term(const naqib_query_t *q,
					naqib_term_fn fn, void *ctx)
{
	for (const std::string &t : q->terms) {
		int r = fn(t.data(), t.size(), 0, ctx);
		if (r)
			return r;
	}
	for (const std::string &p : q->prefixes) {
		int r = fn(p.data(), p.size(), 1, ctx);
		if (r)
			return r;
	}
	return 0;
}

extern "C" int naqib_query_matches_token(const naqib_query_t *q,
					 const naqib_token_t *t)
{
	try {
		std::string s(t->norm, t->norm_len);
		if (q->termset.count(s))
			return 1;
		for (const std::string &p : q->prefixes)
			if (s.compare(0, p.size(), p) == 0)
				return 1;
		s.assign(NAQIB_PREFIX_STEM);
		s.append(t->stem, t->stem_len);
		return q->termset.count(s) != 0;
	} catch (...) {
		return 0;
	}
}

/* ---------------------------------------------------------------- search */

extern "C" int naqib_db_search(naqib_db_t *db, const naqib_query_t *q,
			       const naqib_search_options_t *opts,
			       naqib_mset_t **out)
{
	*out = NULL;
	naqib_mset_t *m = new (std::nothrow) naqib_mset_t();
	if (!m)
		return _naqib_fail(NAQIB_E_NOMEM, "out of memory");
	for (int attempt = 0;; attempt++) {
		try {
			m->hits.clear();
			m->data.clear();
			Xapian::Enquire enquire(*db->db);
			enquire.set_query(q->query);
			/* k2 = 0, k3 = 1 and min_normlen = 0.5 are Xapian's
			 * defaults; k1 and b are ours to set. */
			enquire.set_weighting_scheme(Xapian::BM25Weight(
				opts->bm25_k1 > 0 ? opts->bm25_k1
						  : NAQIB_DEFAULT_BM25_K1,
				0, 1,
				opts->bm25_b >= 0 ? opts->bm25_b
						  : NAQIB_DEFAULT_BM25_B,
				0.5));
			Xapian::MSet ms = enquire.get_mset(opts->offset,
							   opts->limit);
			m->estimate = ms.get_matches_estimated();
			m->hits.reserve(ms.size());
			m->data.reserve(ms.size());
			for (Xapian::MSetIterator i = ms.begin(); i != ms.end();
			     ++i) {
				naqib_hit_t h;
				h.rank = i.get_rank() + 1;
				h.score = i.get_weight();
				h.docid = *i;
				m->data.push_back(i.get_document().get_data());
				m->hits.push_back(h);
			}
			for (size_t k = 0; k < m->hits.size(); k++) {
				m->hits[k].data = m->data[k].data();
				m->hits[k].data_len = m->data[k].size();
			}
			break;
		} catch (const Xapian::DatabaseModifiedError &) {
			/* A writer committed while we read: see the new
			 * state and run the search again. */
			if (attempt < 3) {
				try {
					db->db->reopen();
					continue;
				} catch (...) {
				}
			}
			int st = fail_current(db->path, "searching");
			delete m;
			return st;
		} catch (...) {
			int st = fail_current(db->path, "searching");
			delete m;
			return st;
		}
	}
	*out = m;
	return NAQIB_OK;
}

extern "C" void naqib_mset_destroy(naqib_mset_t *m)
{
	delete m;
}

extern "C" size_t naqib_mset_size(const naqib_mset_t *m)
{
	return m->hits.size();
}

extern "C" unsigned naqib_mset_estimate(const naqib_mset_t *m)
{
	return m->estimate;
}

extern "C" int naqib_mset_hit(const naqib_mset_t *m, size_t i,
			      naqib_hit_t *hit)
{
	if (i >= m->hits.size())
		return _naqib_fail(NAQIB_E_INVALID, "no hit %zu (of %zu)", i,
				   m->hits.size());
	*hit = m->hits[i];
	return NAQIB_OK;
}
