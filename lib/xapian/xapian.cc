/* The Xapian wrapper: a thin extern "C" shim over libxapian.  Handles are
 * opaque, every entry point returns a status, and no C++ exception crosses
 * the boundary: each one is caught and mapped to a status with a message a
 * person can act on (naqib_last_error()). */
#include <xapian.h>
#include <zlib.h>

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <map>
#include <new>
#include <set>
#include <string>
#include <unordered_set>
#include <vector>

#include "naqib.h"
#include "internal.h"

/* Bumped whenever a change to the analysis changes the terms written, so
 * that an old index is not searched with a new analysis. */
static const char analysis_version[] = "4";
/* Metadata keys: how the database was analysed. */
static const char key_stemmer[] = "naqib.stemmer";
static const char key_latin[] = "naqib.latin_stemmer";
static const char key_version[] = "naqib.analysis";
static const char key_thesaurus[] = "naqib.thesaurus";

struct naqib_db {
	Xapian::Database *db;		/* for reading; == wdb for a writer */
	Xapian::WritableDatabase *wdb;	/* NULL for a reader */
	std::string path;
};

struct naqib_doc {
	Xapian::Document doc;
};

struct query_word {
	std::string typed, norm, stem, detail;
	int kind;
	size_t entry;			/* kind 't' */
	std::vector<std::string> days;	/* kind 'd': YYYYMMDD */
};

struct naqib_query {
	Xapian::Query query;
	std::string text;		/* as typed */
	std::string normalized;
	std::string description;
	std::vector<std::string> terms;		/* positive terms, in order */
	std::unordered_set<std::string> termset;
	std::vector<std::string> prefixes;	/* wildcard prefixes */
	std::vector<query_word> words;		/* as typed, for --explain */
	std::string notes;	/* what was left out, a line each */
	size_t dropped;		/* words of a long query left out */
	std::vector<std::string> cut;	/* wildcards cut to their most
					 * frequent words */
};

typedef std::vector<std::pair<std::string, unsigned>> facet_t;

struct naqib_mset {
	unsigned estimate;
	std::vector<naqib_hit_t> hits;
	std::vector<std::string> data;
	facet_t facets[NAQIB_FACETS];
	bool facets_exact;
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
		const char *why = e.get_error_string();
		if (!strcmp(why, strerror(ENOSPC)) ||
		    !strcmp(why, strerror(EDQUOT)) ||
		    !strcmp(why, strerror(EFBIG)))
			return _naqib_fail(NAQIB_E_DB,
					   "database '%s': no room to write "
					   "(%s) while %s: the disk is full or a "
					   "size limit is reached; what was "
					   "committed before is intact",
					   p, why, doing);
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

/* Xapian 1.4.22 cannot always read back a tag it compressed very well:
 * GlassTable's decompress_chunk() stops once the last chunk's input is used
 * up, even when zlib still holds output for it ("Too few chunks of
 * compressed data").  A 16 MB text of one repeated sentence did it, and
 * every search that listed the document then failed.  So large document
 * data is deflated here, behind a magic of its own, with its length: Xapian
 * finds nothing left to compress in it and stores it as it is. */
static const char packed_magic[4] = { 'N', 'Q', 'Z', '1' };
static const size_t pack_min = 64 * 1024;

static std::string pack_data(const char *data, size_t len)
{
	if (len < pack_min)
		return std::string(data, len);
	uLongf n = compressBound(len);
	std::string out(sizeof packed_magic + 8 + n, '\0');
	memcpy(&out[0], packed_magic, sizeof packed_magic);
	for (int i = 0; i < 8; i++)
		out[sizeof packed_magic + i] = (char)((uint64_t)len >> (8 * i));
	if (compress2(reinterpret_cast<Bytef *>(&out[sizeof packed_magic + 8]),
		      &n, reinterpret_cast<const Bytef *>(data), len,
		      Z_DEFAULT_COMPRESSION) != Z_OK)
		return std::string(data, len);
	out.resize(sizeof packed_magic + 8 + n);
	return out;
}

/* Document data as stored, unpacked if pack_data() packed it. */
static std::string unpack_data(std::string s)
{
	const size_t head = sizeof packed_magic + 8;
	if (s.size() < head ||
	    memcmp(s.data(), packed_magic, sizeof packed_magic) != 0)
		return s;
	uint64_t len = 0;
	for (int i = 0; i < 8; i++)
		len |= (uint64_t)(unsigned char)s[sizeof packed_magic + i]
		       << (8 * i);
	std::string out(len, '\0');
	uLongf n = len;
	if (uncompress(reinterpret_cast<Bytef *>(&out[0]), &n,
		       reinterpret_cast<const Bytef *>(s.data() + head),
		       s.size() - head) != Z_OK || n != len)
		throw Xapian::DatabaseCorruptError("packed document data is "
						   "damaged");
	return out;
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

extern "C" int naqib_db_add(naqib_db_t *db, const char *path)
{
	if (db->wdb)
		return _naqib_fail(NAQIB_E_INVALID,
				   "database '%s' is open for writing: "
				   "shards are added to a reader",
				   db->path.c_str());
	try {
		Xapian::Database more(path);
		/* Searching together needs the same analysis and thesaurus. */
		static const char *const keys[] = { key_stemmer, key_latin,
						    key_version,
						    key_thesaurus };
		for (const char *k : keys)
			if (more.get_metadata(k) != db->db->get_metadata(k))
				return _naqib_fail(
					NAQIB_E_INVALID,
					"database '%s' was not indexed as '%s' "
					"was (%s differs): they cannot be "
					"searched together",
					path, db->path.c_str(), k);
		db->db->add_database(more);
		db->path += ", ";
		db->path += path;
	} catch (...) {
		return fail_current(path, "opening");
	}
	return NAQIB_OK;
}

extern "C" int naqib_db_compact(const char *from, const char *to)
{
	try {
		Xapian::Database db(from);
		db.compact(to, Xapian::DBCOMPACT_MULTIPASS);
	} catch (...) {
		return fail_current(from, "compacting");
	}
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
		/* One look-up: a new id is added, without replace_document()
		 * looking for it again. */
		bool exists = db->wdb->term_exists(term);
		if (replaced)
			*replaced = exists;
		doc->doc.add_boolean_term(term);
		if (exists)
			db->wdb->replace_document(term, doc->doc);
		else
			db->wdb->add_document(doc->doc);
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
		Xapian::Document doc = db->db->get_document(*p);
		std::string d = unpack_data(doc.get_data());
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
	DOC_CALL("setting the data", doc->doc.set_data(pack_data(data, len)));
}

/* naqib_doc_index_tokens()'s writer: the terms naqib_tokens_terms() lists,
 * those of the first `boosted` tokens NAQIB_LEAD_WEIGHT times. */
struct index_ctx {
	naqib_doc_t *doc;
	size_t boosted;
};

static int index_term(size_t token, const char *term, size_t len,
		      unsigned pos, void *ctx)
{
	index_ctx *c = static_cast<index_ctx *>(ctx);
	unsigned w = token < c->boosted ? NAQIB_LEAD_WEIGHT : 1;

	try {
		if (pos)
			c->doc->doc.add_posting(std::string(term, len), pos, w);
		else
			c->doc->doc.add_term(std::string(term, len), w);
	} catch (...) {
		return fail_current(std::string(), "indexing words");
	}
	return NAQIB_OK;
}

extern "C" int naqib_doc_index_tokens(naqib_doc_t *doc,
				      const naqib_token_t *tokens,
				      size_t count, size_t boosted,
				      unsigned *pos)
{
	index_ctx c = { doc, boosted };

	return naqib_tokens_terms(tokens, count, pos, index_term, &c);
}

/* ---------------------------------------------------------------- analyser */


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
			naqib_thesaurus_t *th = naqib_analyzer_thesaurus(a);
			return th ? naqib_db_set_thesaurus(db, th) : NAQIB_OK;
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
	if (!st)
		st = naqib_db_check_analyzer(db, *out, 0);
	std::string text;
	if (!st) {
		try {
			text = db->db->get_metadata(key_thesaurus);
		} catch (...) {
			st = fail_current(db->path, "reading the thesaurus");
		}
	}
	if (!st && !text.empty()) {
		naqib_thesaurus_t *th = NULL;
		std::string name = db->path + " (" + key_thesaurus + ")";
		if (!(st = naqib_thesaurus_new(*out, &th)))
			st = naqib_thesaurus_load(th, text.data(), text.size(),
						  name.c_str());
		if (st)
			naqib_thesaurus_destroy(th);
		else
			naqib_analyzer_set_thesaurus(*out, th);
	}
	if (st) {
		naqib_analyzer_destroy(*out);
		*out = NULL;
	}
	return st;
}

extern "C" int naqib_db_thesaurus_text(naqib_db_t *db, char **out)
{
	return naqib_db_get_metadata(db, key_thesaurus, out);
}

extern "C" int naqib_db_set_thesaurus(naqib_db_t *db,
				      const naqib_thesaurus_t *th)
{
	size_t len = 0;
	const char *t = th ? naqib_thesaurus_text(th, &len) : "";
	return naqib_db_set_metadata(db, key_thesaurus,
				     std::string(t, len).c_str());
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

/* "naqibthes:ENTRY", written by the query rewrite for a thesaurus name:
 * the entry's term. */
class ThesaurusField : public Xapian::FieldProcessor {
	naqib_thesaurus_t *th;

      public:
	explicit ThesaurusField(naqib_thesaurus_t *t) : th(t) {}
	Xapian::Query operator()(const std::string &s) override
	{
		naqib_thes_entry_t e;
		char *end;
		unsigned long i = strtoul(s.c_str(), &end, 10);
		if (!th || *end || naqib_thesaurus_entry(th, i, &e))
			return Xapian::Query();
		return Xapian::Query(naqib_thes_kind_prefix(e.kind) +
				     std::string(e.key));
	}
};

/* "naqibdate:YYYYMMDD", written by the query rewrite for a date. */
class DateField : public Xapian::FieldProcessor {
      public:
	Xapian::Query operator()(const std::string &s) override
	{
		return Xapian::Query(Xapian::Query::OP_OR,
				     Xapian::Query(NAQIB_PREFIX_DAY + s),
				     Xapian::Query(NAQIB_PREFIX_DATED + s));
	}
};

static const unsigned max_day_terms = 100000;

/* A date of a filter: YYYY, YYYY-MM, YYYY-MM-DD or what
 * naqib_date_normalize() reads, as the first (hi = 0) or last (hi = 1) day
 * it covers, YYYYMMDD.  "" when s is empty (an open end). */
static int filter_day(naqib_analyzer_t *a, const std::string &field,
		      const std::string &s, int hi, std::string &out)
{
	out.clear();
	if (s.empty())
		return NAQIB_OK;
	/* Arabic-Indic digits, as the analyser folds them. */
	const char *norm;
	size_t n;
	if (naqib_normalize(a, s.data(), s.size(), &norm, &n))
		return NAQIB_E_QUERY;
	std::string v(norm, n);
	char day[11];
	bool digits = !v.empty() &&
		      v.find_first_not_of("0123456789-") == std::string::npos;
	if (digits && v.size() == 4) {
		out = v + (hi ? "1231" : "0101");
	} else if (digits && v.size() == 7 && v[4] == '-') {
		int m = atoi(v.c_str() + 5);
		if (m >= 1 && m <= 12) {
			static const char *const last[] = {
				"31", "29", "31", "30", "31", "30",
				"31", "31", "30", "31", "30", "31" };
			out = v.substr(0, 4) + v.substr(5, 2) +
			      (hi ? last[m - 1] : "01");
		}
	} else if (naqib_date_normalize(v.c_str(), day) == NAQIB_OK) {
		out = std::string(day, 4) + std::string(day + 5, 2) +
		      std::string(day + 8, 2);
	}
	if (out.empty())
		return _naqib_fail(NAQIB_E_QUERY,
				   "%s:%s: not a date (write YYYY, YYYY-MM, "
				   "YYYY-MM-DD or DD/MM/YYYY; a range as A..B)",
				   field.c_str(), s.c_str());
	return NAQIB_OK;
}

/* Splits "A..B" (either side may be empty) or "A". */
static void split_range(const std::string &v, std::string &lo, std::string &hi,
			bool &range)
{
	size_t dots = v.find("..");
	range = dots != std::string::npos;
	lo = range ? v.substr(0, dots) : v;
	hi = range ? v.substr(dots + 2) : v;
}

static const char *const field_names[] = { "union", "place", "year", "date",
					   "mentions", "source" };

/* The query for one filter. */
static int filter_query(naqib_db_t *db, naqib_analyzer_t *a, int field,
			const std::string &v, Xapian::Query &out)
{
	std::string name = field_names[field];
	std::string lo, hi, l, h;
	bool range;
	int st;

	switch (field) {
	case _NAQIB_F_UNION:
	case _NAQIB_F_PLACE: {
		int kind = field == _NAQIB_F_UNION ? NAQIB_THES_UNION
						   : NAQIB_THES_PLACE;
		naqib_thesaurus_t *th = naqib_analyzer_thesaurus(a);
		size_t e;
		naqib_thes_entry_t en;
		if (!th)
			return _naqib_fail(NAQIB_E_QUERY,
					   "%s:%s: this database was indexed "
					   "without a thesaurus",
					   name.c_str(), v.c_str());
		if ((st = naqib_thesaurus_find(th, kind, v.c_str(), &e)))
			return _naqib_fail(NAQIB_E_QUERY,
					   "%s:%s: no such %s in the thesaurus "
					   "(see naqib(7))",
					   name.c_str(), v.c_str(),
					   name.c_str());
		naqib_thesaurus_entry(th, e, &en);
		out = Xapian::Query(naqib_thes_kind_prefix(kind) +
				    std::string(en.key));
		return NAQIB_OK;
	}
	case _NAQIB_F_YEAR:
	case _NAQIB_F_DATE:
		split_range(v, lo, hi, range);
		if (field == _NAQIB_F_YEAR) {
			for (const std::string *y : { &lo, &hi })
				if (!y->empty() &&
				    (y->size() != 4 ||
				     y->find_first_not_of("0123456789") !=
					     std::string::npos))
					return _naqib_fail(
						NAQIB_E_QUERY,
						"year:%s: not a year (write "
						"2021, or a range as "
						"2019..2021)",
						v.c_str());
		}
		if ((st = filter_day(a, name, lo, 0, l)) ||
		    (st = filter_day(a, name, hi, 1, h)))
			return st;
		if (l.empty() && h.empty())
			return _naqib_fail(NAQIB_E_QUERY,
					   "%s:%s: give at least one end of "
					   "the range",
					   name.c_str(), v.c_str());
		if (h.empty())
			out = Xapian::Query(Xapian::Query::OP_VALUE_GE,
					    NAQIB_SLOT_DATE, l);
		else if (l.empty())
			/* Undated documents have an empty value: keep them
			 * out. */
			out = Xapian::Query(Xapian::Query::OP_VALUE_RANGE,
					    NAQIB_SLOT_DATE, "1", h);
		else
			out = Xapian::Query(Xapian::Query::OP_VALUE_RANGE,
					    NAQIB_SLOT_DATE, l, h);
		return NAQIB_OK;
	case _NAQIB_F_MENTIONS: {
		split_range(v, lo, hi, range);
		if ((st = filter_day(a, name, lo, 0, l)) ||
		    (st = filter_day(a, name, hi, 1, h)))
			return st;
		/* Every day term between the two ends (they sort as
		 * dates do). */
		std::vector<Xapian::Query> days;
		std::string p(NAQIB_PREFIX_DAY);
		Xapian::TermIterator t = db->db->allterms_begin(p);
		t.skip_to(p + l);
		for (; t != db->db->allterms_end(p); ++t) {
			std::string term = *t;
			if (!h.empty() && term.compare(p.size(), 8, h) > 0)
				break;
			if (days.size() == max_day_terms)
				return _naqib_fail(NAQIB_E_QUERY,
						   "mentions:%s: the range is "
						   "too wide",
						   v.c_str());
			days.emplace_back(term);
		}
		out = Xapian::Query(Xapian::Query::OP_OR, days.begin(),
				    days.end());
		return NAQIB_OK;
	}
	case _NAQIB_F_SOURCE: {
		/* A source, or the first words of one: source:jawhara. */
		const char *norm;
		size_t n;
		if ((st = naqib_normalize(a, v.data(), v.size(), &norm, &n)))
			return st;
		std::string p = NAQIB_PREFIX_SOURCE + std::string(norm, n);
		std::vector<Xapian::Query> terms;
		for (Xapian::TermIterator t = db->db->allterms_begin(p);
		     t != db->db->allterms_end(p); ++t) {
			std::string term = *t;
			if (term.size() == p.size() || term[p.size()] == ' ')
				terms.emplace_back(term);
		}
		out = Xapian::Query(Xapian::Query::OP_OR, terms.begin(),
				    terms.end());
		return NAQIB_OK;
	}
	}
	return _naqib_fail(NAQIB_E_QUERY, "unknown filter");
}

/* Applies the filters to q: the same field twice means either value,
 * different fields must all hold; a '+' filter must hold as well (the
 * facet links narrow with it), a '-' filter must not. */
static int apply_filters(naqib_db_t *db, naqib_analyzer_t *a,
			 const _naqib_buf_t &f, Xapian::Query &q)
{
	std::vector<Xapian::Query> yes[_NAQIB_F_COUNT], no, must;
	bool any = false;

	for (size_t i = 0; i < f.len;) {
		int field = f.data[i] - '0';
		char sign = f.data[i + 1];
		std::string v(f.data + i + 2);
		i += 2 + v.size() + 1;
		Xapian::Query fq;
		int st = filter_query(db, a, field, v, fq);
		if (st)
			return st;
		if (sign == '-') {
			no.push_back(fq);
		} else if (sign == '+') {
			must.push_back(fq);
			any = true;
		} else {
			yes[field].push_back(fq);
			any = true;
		}
	}
	if (!any && no.empty())
		return NAQIB_OK;
	Xapian::Query filter = Xapian::Query::MatchAll;
	if (any) {
		std::vector<Xapian::Query> all;
		for (auto &v : yes)
			if (!v.empty())
				all.emplace_back(Xapian::Query::OP_OR, v.begin(),
						 v.end());
		all.insert(all.end(), must.begin(), must.end());
		filter = Xapian::Query(Xapian::Query::OP_AND, all.begin(),
				       all.end());
	}
	if (!no.empty())
		filter = Xapian::Query(Xapian::Query::OP_AND_NOT, filter,
				       Xapian::Query(Xapian::Query::OP_OR,
						     no.begin(), no.end()));
	if (q.empty())
		q = filter;
	else
		q = Xapian::Query(Xapian::Query::OP_FILTER, q, filter);
	return NAQIB_OK;
}

/* Reads the words list of the query rewrite (internal.h). */
static void read_words(naqib_query_t *q, naqib_analyzer_t *a,
		       const _naqib_buf_t &w)
{
	naqib_thesaurus_t *th = naqib_analyzer_thesaurus(a);

	for (size_t i = 0; i < w.len;) {
		std::string rec(w.data + i, strcspn(w.data + i, "\x1e"));
		i += rec.size() + 1;
		std::vector<std::string> f;
		for (size_t s = 0;;) {
			size_t e = rec.find('\x1f', s);
			f.push_back(rec.substr(s, e == std::string::npos
							  ? std::string::npos
							  : e - s));
			if (e == std::string::npos)
				break;
			s = e + 1;
		}
		if (f.size() != 4 || f[0].empty())
			continue;
		query_word qw;
		qw.kind = f[0][0];
		qw.typed = f[1];
		qw.norm = f[2];
		qw.stem = f[3];
		qw.entry = 0;
		if (qw.kind == 't') {
			naqib_thes_entry_t e;
			qw.entry = strtoul(f[0].c_str() + 1, NULL, 10);
			if (th && !naqib_thesaurus_entry(th, qw.entry, &e))
				qw.detail = e.name;
		} else if (qw.kind == 'd') {
			for (size_t k = 1; k + 8 <= f[0].size(); k += 9) {
				std::string d = f[0].substr(k, 8);
				qw.days.push_back(d);
				if (!qw.detail.empty())
					qw.detail += ' ';
				qw.detail += d.substr(0, 4) + "-" +
					     d.substr(4, 2) + "-" + d.substr(6, 2);
			}
		}
		q->words.push_back(qw);
	}
}

/* Fills q from the rewritten query; throws Xapian's errors. */
static int parse_into(naqib_db_t *db, naqib_analyzer_t *a, naqib_query_t *q,
		      const char *text, const _naqib_buf_t &rewritten,
		      const _naqib_buf_t &prefixes, const _naqib_buf_t &words,
		      const _naqib_buf_t &filters, size_t dropped)
{
	q->text = text;
	q->normalized.assign(rewritten.data, rewritten.len);
	for (size_t i = 0; i < prefixes.len;) {
		q->prefixes.emplace_back(prefixes.data + i);
		i += q->prefixes.back().size() + 1;
	}
	read_words(q, a, words);
	ArabicStopper stopper;
	ThesaurusField thes(naqib_analyzer_thesaurus(a));
	DateField date;
	Xapian::QueryParser qp;
	if (db)
		qp.set_database(*db->db);
	qp.set_stemmer(Xapian::Stem(new AnalyzerStem(a)));
	qp.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
	qp.set_stopper(&stopper);
	qp.set_default_op(Xapian::Query::OP_OR);
	qp.set_max_expansion(NAQIB_WILDCARD_MAX_TERMS,
			     Xapian::Query::WILDCARD_LIMIT_MOST_FREQUENT,
			     Xapian::QueryParser::FLAG_WILDCARD);
	qp.add_prefix("naqibthes", &thes);
	qp.add_prefix("naqibdate", &date);
	unsigned flags = Xapian::QueryParser::FLAG_DEFAULT |
			 Xapian::QueryParser::FLAG_WILDCARD;
	q->query = qp.parse_query(q->normalized, flags);
	/* The terms of the words only: the filters' terms are never
	 * highlighted. */
	collect_terms(q, q->query);
	int st = NAQIB_OK;
	if (filters.len) {
		if (!db)
			st = _naqib_fail(NAQIB_E_QUERY,
					 "filters need a database");
		else
			st = apply_filters(db, a, filters, q->query);
	}
	q->description = q->query.get_description();
	q->dropped = dropped;
	if (dropped)
		q->notes += "the query is long: only its first " +
			    std::to_string(NAQIB_QUERY_MAX_WORDS) +
			    " words are searched (" +
			    std::to_string(dropped) + " left out)\n";
	/* Xapian keeps the most frequent words of a wildcard, silently. */
	const std::string most = std::to_string(NAQIB_WILDCARD_MAX_TERMS);
	for (size_t i = 0; db && i < q->prefixes.size(); i++) {
		const std::string &p = q->prefixes[i];
		unsigned n = 0;
		for (Xapian::TermIterator t = db->db->allterms_begin(p);
		     t != db->db->allterms_end(p) &&
		     n <= NAQIB_WILDCARD_MAX_TERMS;
		     ++t)
			n++;
		if (n <= NAQIB_WILDCARD_MAX_TERMS)
			continue;
		q->cut.push_back(p);
		q->notes += p + "* stands for more than " + most +
			    " words: only the " + most +
			    " most frequent are searched\n";
	}
	return st;
}

/* Runs f(), which reads db (NULL: none) and returns a status.  When a
 * writer commits twice while it reads (DatabaseModifiedError), db is
 * reopened at its new state and f runs again, three times at most; any
 * other error becomes a status and a message about `doing`. */
template <class F>
static int retrying(naqib_db_t *db, const char *doing, F f)
{
	const std::string path = db ? db->path : std::string();

	for (int attempt = 0;; attempt++) {
		try {
			return f();
		} catch (const Xapian::DatabaseModifiedError &) {
			bool again = db && attempt < 3;
			try {
				if (again)
					db->db->reopen();
			} catch (...) {
				again = false;
			}
			if (!again)
				return fail_current(path, doing);
		} catch (...) {
			return fail_current(path, doing);
		}
	}
}

extern "C" int naqib_query_parse(naqib_db_t *db, naqib_analyzer_t *a,
				 const char *text, naqib_query_t **out)
{
	_naqib_buf_t rewritten = NAQIB_BUF_INIT, prefixes = NAQIB_BUF_INIT;
	_naqib_buf_t words = NAQIB_BUF_INIT, rest = NAQIB_BUF_INIT;
	_naqib_buf_t filters = NAQIB_BUF_INIT;
	naqib_query_t *q = NULL;
	size_t len = strlen(text), bad, dropped = 0;
	int st;

	*out = NULL;
	if (naqib_utf8_check(text, len, &bad)) {
		return _naqib_fail(NAQIB_E_UTF8,
				   "the query is not valid UTF-8 (at byte %zu)",
				   bad);
	}
	if ((st = _naqib_query_filters(text, len, &rest, &filters)) ||
	    (st = _naqib_query_rewrite(a, rest.data, rest.len, &rewritten,
				       &prefixes, &words, &dropped)))
		goto done;
	if (!(q = new (std::nothrow) naqib_query_t())) {
		st = _naqib_fail(NAQIB_E_NOMEM, "out of memory");
		goto done;
	}
	st = retrying(db, "parsing the query", [&] {
		*q = naqib_query_t(); /* nothing of a try that failed */
		return parse_into(db, a, q, text, rewritten, prefixes, words,
				  filters, dropped);
	});
done:
	if (st) {
		delete q;
		q = NULL;
	}
	_naqib_buf_free(&rewritten);
	_naqib_buf_free(&prefixes);
	_naqib_buf_free(&words);
	_naqib_buf_free(&rest);
	_naqib_buf_free(&filters);
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

extern "C" const char *naqib_query_notes(const naqib_query_t *q)
{
	return q->notes.c_str();
}

extern "C" size_t naqib_query_dropped_words(const naqib_query_t *q)
{
	return q->dropped;
}

extern "C" const char *naqib_query_cut_wildcard(const naqib_query_t *q,
						size_t i)
{
	return i < q->cut.size() ? q->cut[i].c_str() : NULL;
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

static const char *const weighting_names[] = { "dlh", "bm25", "pl2", "dph",
					       "inl2", "ifb2", "bb2", NULL };

extern "C" const char *const *naqib_weighting_names(void)
{
	return weighting_names;
}

/* The weighting scheme: Xapian's, with their own defaults but BM25's k1
 * and b, which are ours to set (k2 = 0, k3 = 1, min_normlen = 0.5 are
 * Xapian's defaults). */
static void set_weighting(Xapian::Enquire &enquire,
			  const naqib_search_options_t *opts)
{
	std::string w = opts->weighting && *opts->weighting
				 ? opts->weighting
				 : NAQIB_DEFAULT_WEIGHTING;
	if (w == "bm25")
		enquire.set_weighting_scheme(Xapian::BM25Weight(
			opts->bm25_k1 > 0 ? opts->bm25_k1 : NAQIB_DEFAULT_BM25_K1,
			0, 1,
			opts->bm25_b >= 0 ? opts->bm25_b : NAQIB_DEFAULT_BM25_B,
			0.5));
	else if (w == "pl2")
		enquire.set_weighting_scheme(Xapian::PL2Weight());
	else if (w == "dph")
		enquire.set_weighting_scheme(Xapian::DPHWeight());
	else if (w == "inl2")
		enquire.set_weighting_scheme(Xapian::InL2Weight());
	else if (w == "ifb2")
		enquire.set_weighting_scheme(Xapian::IfB2Weight());
	else if (w == "bb2")
		enquire.set_weighting_scheme(Xapian::BB2Weight());
	else
		enquire.set_weighting_scheme(Xapian::DLHWeight());
}

/* The query with the ranking bonuses: the words as written (their
 * normalized forms, which the index holds with positions besides the
 * stems), and pairs of words next to each other.  Bonuses only raise
 * documents the query matches (AND_MAYBE). */
static Xapian::Query ranking_query(const naqib_query_t *q,
				   const naqib_search_options_t *opts)
{
	double exact = opts->exact_bonus >= 0 ? opts->exact_bonus
					      : NAQIB_DEFAULT_EXACT_BONUS;
	double near = opts->proximity >= 0 ? opts->proximity
					   : NAQIB_DEFAULT_PROXIMITY;
	std::vector<std::string> words;

	for (const query_word &w : q->words)
		if (w.kind == 'w' && !w.norm.empty() &&
		    q->termset.count(NAQIB_PREFIX_STEM + w.stem))
			words.push_back(w.norm);
	if (q->query.empty() || words.empty() || (exact <= 0 && near <= 0))
		return q->query;
	std::vector<Xapian::Query> bonus;
	if (exact > 0)
		bonus.emplace_back(Xapian::Query::OP_SCALE_WEIGHT,
				   Xapian::Query(Xapian::Query::OP_OR,
						 words.begin(), words.end()),
				   exact);
	if (near > 0 && words.size() > 1) {
		std::vector<Xapian::Query> pairs;
		for (size_t i = 0; i + 1 < words.size(); i++) {
			Xapian::Query two[] = { Xapian::Query(words[i]),
						Xapian::Query(words[i + 1]) };
			pairs.emplace_back(Xapian::Query::OP_PHRASE, two, two + 2,
					   3);
		}
		bonus.emplace_back(Xapian::Query::OP_SCALE_WEIGHT,
				   Xapian::Query(Xapian::Query::OP_OR,
						 pairs.begin(), pairs.end()),
				   near);
	}
	return Xapian::Query(Xapian::Query::OP_AND_MAYBE, q->query,
			     Xapian::Query(Xapian::Query::OP_OR, bonus.begin(),
					   bonus.end()));
}

namespace {

/* Counts the facet values of the matching documents with Xapian's own
 * ValueCountMatchSpy, one per value slot, so that facets work on remote
 * shards too (xapian-tcpsrv knows only Xapian's classes).  The union and
 * place slots hold several names: each distinct list is counted, then
 * split; the date slot's days are summed by year. */
class FacetSpies {
	Xapian::ValueCountMatchSpy unions{ NAQIB_SLOT_UNIONS },
		places{ NAQIB_SLOT_PLACES }, dates{ NAQIB_SLOT_DATE },
		sources{ NAQIB_SLOT_SOURCE };

	static void add(std::map<std::string, unsigned> &to,
			const Xapian::ValueCountMatchSpy &spy, bool lists,
			size_t prefix)
	{
		for (Xapian::TermIterator i = spy.values_begin();
		     i != spy.values_end(); ++i) {
			const std::string v = *i;
			unsigned n = i.get_termfreq();
			if (prefix) {
				if (v.size() >= prefix)
					to[v.substr(0, prefix)] += n;
				continue;
			}
			for (size_t s = 0; s < v.size();) {
				size_t e = lists ? v.find('\x1f', s)
						 : std::string::npos;
				if (e == std::string::npos)
					e = v.size();
				if (e > s)
					to[v.substr(s, e - s)] += n;
				s = e + 1;
			}
		}
	}

      public:
	void attach(Xapian::Enquire &e)
	{
		e.add_matchspy(&unions);
		e.add_matchspy(&places);
		e.add_matchspy(&dates);
		e.add_matchspy(&sources);
	}

	/* Documents counted. */
	Xapian::doccount seen() const
	{
		return unions.get_total();
	}

	/* The n most frequent values of facet f, ties by value; counts
	 * multiplied by scale (a sample's). */
	void top(int f, unsigned n, double scale, facet_t &out) const
	{
		std::map<std::string, unsigned> counts;
		if (f == NAQIB_FACET_UNION)
			add(counts, unions, true, 0);
		else if (f == NAQIB_FACET_PLACE)
			add(counts, places, true, 0);
		else if (f == NAQIB_FACET_YEAR)
			add(counts, dates, false, 4);
		else
			add(counts, sources, false, 0);
		out.assign(counts.begin(), counts.end());
		for (auto &v : out)
			v.second = (unsigned)(v.second * scale + 0.5);
		std::stable_sort(out.begin(), out.end(),
				 [](const facet_t::value_type &a,
				    const facet_t::value_type &b) {
					 return a.second > b.second;
				 });
		if (out.size() > n)
			out.resize(n);
	}
};

} // namespace

/* One search into m (emptied first); throws Xapian's errors.  Remote
 * shards take no key maker: plain_oldest sorts by the value instead. */
static void search_once(naqib_db_t *db, const naqib_query_t *q,
			const naqib_search_options_t *opts, naqib_mset_t *m,
			bool plain_oldest)
{
	m->hits.clear();
	m->data.clear();
	for (facet_t &f : m->facets)
		f.clear();
	Xapian::Enquire enquire(*db->db);
	enquire.set_query(ranking_query(q, opts));
	set_weighting(enquire, opts);
	/* Undated documents last either way: going down, their
	 * empty value is last; going up, a key maker puts
	 * them past every date.  Remote shards take no key
	 * maker: there they come first going up. */
	Xapian::MultiValueKeyMaker keys;
	if (opts->sort == NAQIB_SORT_NEWEST) {
		enquire.set_sort_by_value_then_relevance(
			NAQIB_SLOT_DATE, true);
	} else if (opts->sort == NAQIB_SORT_OLDEST &&
		   !plain_oldest) {
		keys.add_value(NAQIB_SLOT_DATE, false,
			       "99999999");
		enquire.set_sort_by_key_then_relevance(&keys,
						       false);
	} else if (opts->sort == NAQIB_SORT_OLDEST) {
		enquire.set_sort_by_value_then_relevance(
			NAQIB_SLOT_DATE, false);
	}
	FacetSpies spy;
	Xapian::doccount check = 0;
	if (opts->facets) {
		spy.attach(enquire);
		/* Exact counts look at every match; a sample
		 * at the first facet_sample of them. */
		check = db->db->get_doccount();
		if (opts->facet_sample && opts->facet_sample < check)
			check = opts->facet_sample;
	}
	Xapian::MSet ms = enquire.get_mset(opts->offset,
					   opts->limit, check);
	Xapian::doccount total = ms.get_matches_estimated();
	m->facets_exact = ms.get_matches_lower_bound() ==
				  ms.get_matches_upper_bound() &&
			  spy.seen() >= total;
	double scale = !m->facets_exact && spy.seen()
			       ? (double)total / spy.seen()
			       : 1.0;
	for (int f = 0; opts->facets && f < NAQIB_FACETS; f++)
		spy.top(f, opts->facets, scale, m->facets[f]);
	m->estimate = ms.get_matches_estimated();
	m->hits.reserve(ms.size());
	m->data.reserve(ms.size());
	for (Xapian::MSetIterator i = ms.begin(); i != ms.end();
	     ++i) {
		naqib_hit_t h;
		h.rank = i.get_rank() + 1;
		h.score = i.get_weight();
		h.docid = *i;
		m->data.push_back(unpack_data(i.get_document().get_data()));
		m->hits.push_back(h);
	}
	for (size_t k = 0; k < m->hits.size(); k++) {
		m->hits[k].data = m->data[k].data();
		m->hits[k].data_len = m->data[k].size();
	}
}

extern "C" int naqib_db_search(naqib_db_t *db, const naqib_query_t *q,
			       const naqib_search_options_t *opts,
			       naqib_mset_t **out)
{
	*out = NULL;
	naqib_mset_t *m = new (std::nothrow) naqib_mset_t();
	if (!m)
		return _naqib_fail(NAQIB_E_NOMEM, "out of memory");
	int st = retrying(db, "searching", [&] {
		try {
			search_once(db, q, opts, m, false);
		} catch (const Xapian::UnimplementedError &) {
			if (opts->sort != NAQIB_SORT_OLDEST)
				throw;
			search_once(db, q, opts, m, true);
		}
		return NAQIB_OK;
	});
	if (st) {
		delete m;
		return st;
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

extern "C" int naqib_mset_facets_exact(const naqib_mset_t *m)
{
	return m->facets_exact;
}

extern "C" size_t naqib_mset_facet_size(const naqib_mset_t *m, int facet)
{
	return facet >= 0 && facet < NAQIB_FACETS ? m->facets[facet].size() : 0;
}

extern "C" int naqib_mset_facet(const naqib_mset_t *m, int facet, size_t i,
				const char **value, unsigned *count)
{
	if (facet < 0 || facet >= NAQIB_FACETS || i >= m->facets[facet].size())
		return _naqib_fail(NAQIB_E_INVALID, "no facet value %zu", i);
	*value = m->facets[facet][i].first.c_str();
	*count = m->facets[facet][i].second;
	return NAQIB_OK;
}

extern "C" const char *naqib_facet_name(int facet)
{
	static const char *const names[] = { "union", "place", "year",
					     "source" };
	return facet >= 0 && facet < NAQIB_FACETS ? names[facet] : "?";
}

extern "C" const char *naqib_thes_kind_prefix(int kind)
{
	switch (kind) {
	case NAQIB_THES_UNION:
		return NAQIB_PREFIX_UNION;
	case NAQIB_THES_PLACE:
		return NAQIB_PREFIX_PLACE;
	default:
		return NAQIB_PREFIX_TERM;
	}
}

/* ---------------------------------------------------------------- explain */

extern "C" size_t naqib_query_word_count(const naqib_query_t *q)
{
	return q->words.size();
}

extern "C" int naqib_query_word(const naqib_query_t *q, size_t i,
				naqib_query_word_t *w)
{
	if (i >= q->words.size())
		return _naqib_fail(NAQIB_E_INVALID, "no query word %zu", i);
	const query_word &qw = q->words[i];
	w->typed = qw.typed.c_str();
	w->norm = qw.norm.c_str();
	w->stem = qw.stem.c_str();
	w->kind = qw.kind;
	w->detail = qw.detail.c_str();
	return NAQIB_OK;
}

extern "C" const char *naqib_match_name(int how)
{
	static const char *const names[] = { "?",	     "exact",
					     "normalization", "stem",
					     "wildcard",      "thesaurus",
					     "date" };
	return how > 0 && how <= NAQIB_MATCH_DATE ? names[how] : "?";
}

/* How token t matches word w of kind 'w', or 0. */
static int word_match(const query_word &w, const naqib_token_t *t,
		      const char *text)
{
	if (w.norm.size() == t->norm_len &&
	    memcmp(w.norm.data(), t->norm, t->norm_len) == 0) {
		bool same = w.typed.size() == t->end - t->start &&
			    memcmp(w.typed.data(), text + t->start,
				   w.typed.size()) == 0;
		return same ? NAQIB_MATCH_EXACT : NAQIB_MATCH_NORMALIZED;
	}
	if (!(t->flags & NAQIB_TOKEN_NUMBER) && w.stem.size() == t->stem_len &&
	    memcmp(w.stem.data(), t->stem, t->stem_len) == 0)
		return NAQIB_MATCH_STEM;
	return 0;
}

extern "C" int naqib_query_matches(const naqib_query_t *q, naqib_analyzer_t *a,
				   const char *text, size_t len,
				   const naqib_token_t *t, size_t n,
				   naqib_match_t **out, size_t *count)
{
	*out = NULL;
	*count = 0;
	naqib_date_mention_t *dates = NULL;
	try {
		std::vector<naqib_match_t> found;
		std::vector<char> covered(n, 0);
		bool want_thes = false, want_days = false;
		for (const query_word &w : q->words) {
			want_thes |= w.kind == 't';
			want_days |= w.kind == 'd';
		}
		naqib_thesaurus_t *th = naqib_analyzer_thesaurus(a);
		if (want_thes && th) {
			const naqib_thes_match_t *m;
			size_t nm;
			int st = naqib_thesaurus_match(th, t, n, &m, &nm);
			if (st)
				return st;
			for (size_t i = 0; i < nm; i++)
				for (size_t k = 0; k < q->words.size(); k++)
					if (q->words[k].kind == 't' &&
					    q->words[k].entry == m[i].entry) {
						naqib_match_t x = { m[i].first, m[i].last, k,
								    NAQIB_MATCH_THESAURUS };
						/* One word written as typed, or with
						 * its stem, says so. */
						for (size_t j = 0; j < q->words.size() &&
								   m[i].last - m[i].first == 1;
						     j++) {
							int how = q->words[j].kind == 'w'
									  ? word_match(q->words[j],
										       &t[m[i].first],
										       text)
									  : 0;
							if (how && how < x.how) {
								x.how = how;
								x.word = j;
							}
						}
						found.push_back(x);
						std::fill(covered.begin() + m[i].first,
							  covered.begin() + m[i].last, 1);
						break;
					}
		}
		if (want_days) {
			size_t nd;
			int st = naqib_dates_find(t, n, text, len, NULL, &dates,
						  &nd);
			if (st)
				return st;
			for (size_t i = 0; i < nd; i++) {
				char day[16];
				snprintf(day, sizeof day, "%04u%02u%02u",
					 (unsigned)dates[i].year % 10000,
					 (unsigned)dates[i].month % 100,
					 (unsigned)dates[i].day % 100);
				if (covered[dates[i].first])
					continue;
				for (size_t k = 0; k < q->words.size(); k++) {
					const query_word &w = q->words[k];
					if (w.kind == 'd' &&
					    std::find(w.days.begin(), w.days.end(),
						      day) != w.days.end()) {
						found.push_back({ dates[i].first,
								  dates[i].last, k,
								  NAQIB_MATCH_DATE });
						std::fill(covered.begin() + dates[i].first,
							  covered.begin() + dates[i].last,
							  1);
						break;
					}
				}
			}
			free(dates);
			dates = NULL;
		}
		for (size_t i = 0; i < n; i++) {
			if (covered[i] || !naqib_query_matches_token(q, &t[i]))
				continue;
			naqib_match_t m = { i, i + 1, (size_t)-1,
					    NAQIB_MATCH_STEM };
			for (size_t k = 0; k < q->words.size(); k++) {
				const query_word &w = q->words[k];
				int how = w.kind == 'w' ? word_match(w, &t[i], text)
							: 0;
				if (how && (m.word == (size_t)-1 || how < m.how)) {
					m.word = k;
					m.how = how;
				}
			}
			if (m.word == (size_t)-1) {
				/* A wildcard's expansion. */
				std::string norm(t[i].norm, t[i].norm_len);
				for (const std::string &p : q->prefixes)
					if (norm.compare(0, p.size(), p) == 0)
						m.how = NAQIB_MATCH_WILDCARD;
				for (size_t k = 0; k < q->words.size(); k++)
					if (m.how == NAQIB_MATCH_WILDCARD &&
					    q->words[k].kind == 'w' &&
					    norm.compare(0, q->words[k].norm.size(),
							 q->words[k].norm) == 0)
						m.word = k;
			}
			found.push_back(m);
		}
		std::sort(found.begin(), found.end(),
			  [](const naqib_match_t &x, const naqib_match_t &y) {
				  return x.first < y.first;
			  });
		if (!found.empty()) {
			*out = static_cast<naqib_match_t *>(
				malloc(found.size() * sizeof **out));
			if (!*out)
				return _naqib_fail(NAQIB_E_NOMEM, "out of memory");
			memcpy(*out, found.data(), found.size() * sizeof **out);
			*count = found.size();
		}
	} catch (...) {
		free(dates);
		return _naqib_fail(NAQIB_E_NOMEM, "out of memory");
	}
	return NAQIB_OK;
}

/* ---------------------------------------------------------------- did you mean */

/* Code points of a UTF-8 string (valid: it comes from the analyser or the
 * index). */
static std::vector<unsigned> code_points(const std::string &s)
{
	std::vector<unsigned> v;
	for (size_t i = 0; i < s.size();)
		v.push_back(_naqib_utf8_next(s.data(), &i));
	return v;
}

/* The word of the index nearest to norm: within one edit for words of up
 * to five letters, two for longer ones; the most frequent on ties.  The
 * candidates share the first letter (after ال), where few typing errors
 * fall, which keeps the scan to a slice of the vocabulary. */
static std::string nearest_word(Xapian::Database &db, const std::string &norm)
{
	std::vector<unsigned> w = code_points(norm);
	if (w.size() < 3)
		return std::string();
	unsigned max = w.size() <= 5 ? 1 : 2;
	size_t lead = 1;
	if (w.size() > 4 && w[0] == 0x0627 && w[1] == 0x0644) /* ال */
		lead = 3;
	std::string prefix;
	for (size_t i = 0; i < lead; i++) {
		char buf[4];
		prefix.append(buf, _naqib_utf8_put(buf, w[i]));
	}
	std::string best;
	unsigned best_d = max + 1;
	Xapian::doccount best_f = 0;
	for (Xapian::TermIterator t = db.allterms_begin(prefix);
	     t != db.allterms_end(prefix); ++t) {
		const std::string &term = *t;
		/* Byte lengths bound the code points: skip what cannot be
		 * near. */
		if (term.size() + 2 * max < norm.size() ||
		    term.size() > norm.size() + 2 * max + 2)
			continue;
		std::vector<unsigned> c = code_points(term);
		unsigned d = _naqib_edit_distance(w.data(), w.size(), c.data(),
						  c.size(), max);
		if (d == 0 || d > max)
			continue;
		Xapian::doccount f = t.get_termfreq();
		if (d < best_d || (d == best_d && f > best_f)) {
			best = term;
			best_d = d;
			best_f = f;
		}
	}
	return best;
}

/* How the word norm is written in a document of the index, so that the
 * suggestion reads as people write it (with its hamza): the first
 * occurrence in the first document that has it. */
static std::string written_form(naqib_db_t *db, naqib_analyzer_t *a,
				const std::string &norm)
{
	Xapian::PostingIterator p = db->db->postlist_begin(norm);
	if (p == db->db->postlist_end(norm))
		return norm;
	std::string data = unpack_data(db->db->get_document(*p).get_data());
	naqib_record_t rec;
	if (naqib_record_decode(data.data(), data.size(), &rec))
		return norm;
	for (const char *field : { rec.title, rec.body }) {
		const naqib_token_t *t;
		size_t n;
		if (naqib_analyze(a, field, strlen(field), &t, &n))
			continue;
		for (size_t i = 0; i < n; i++)
			if (t[i].norm_len == norm.size() &&
			    memcmp(t[i].norm, norm.data(), norm.size()) == 0)
				return std::string(field + t[i].start,
						   t[i].end - t[i].start);
	}
	return norm;
}

extern "C" int naqib_query_suggest(naqib_db_t *db, naqib_analyzer_t *a,
				   const naqib_query_t *q, char **out)
{
	*out = NULL;
	return retrying(db, "looking for a suggestion", [&]() -> int {
		std::string text = q->text;
		bool changed = false;
		for (const query_word &w : q->words) {
			if (w.kind != 'w' || w.norm.empty() ||
			    naqib_is_stopword(w.norm.data(), w.norm.size()) ||
			    db->db->term_exists(w.norm) ||
			    db->db->term_exists(NAQIB_PREFIX_STEM + w.stem))
				continue;
			std::string near = nearest_word(*db->db, w.norm);
			size_t at = text.find(w.typed);
			if (near.empty() || at == std::string::npos)
				continue;
			text.replace(at, w.typed.size(),
				     written_form(db, a, near));
			changed = true;
		}
		if (!changed)
			return _naqib_fail(NAQIB_E_NOT_FOUND, "no suggestion");
		if (!(*out = dup_string(text)))
			return _naqib_fail(NAQIB_E_NOMEM, "out of memory");
		return NAQIB_OK;
	});
}
