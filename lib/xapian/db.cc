/* Databases (private.h): opening, shards, commits, metadata, documents by
 * id, and the analysis a database keeps. */
#include <zlib.h>

#include <cerrno>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <new>

#include "xapian/private.h"

naqib_status_t _naqib_xfail(const std::string &path, const char *doing)
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

std::string _naqib_pack_data(const char *data, size_t len)
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

/* Document data as stored, unpacked if _naqib_pack_data() packed it. */
std::string _naqib_unpack_data(std::string s)
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

std::string _naqib_xterm(_naqib_field_id_t field, const std::string &value)
{
	return std::string(_NAQIB_FIELD(field)->prefix) + value;
}

extern "C" naqib_status_t naqib_db_open(const char *path, int mode, naqib_db_t **out)
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
		naqib_status_t st = _naqib_xfail(d->path, "opening");
		delete d;
		return st;
	}
	*out = d;
	return NAQIB_OK;
}

extern "C" naqib_status_t naqib_db_add(naqib_db_t *db, const char *path)
{
	if (db->wdb)
		return _naqib_fail(NAQIB_E_INVALID,
				   "database '%s' is open for writing: "
				   "shards are added to a reader",
				   db->path.c_str());
	try {
		Xapian::Database more(path);
		/* Searching together needs the same analysis and thesaurus. */
		static const char *const keys[] = {
			_NAQIB_KEY_STEMMER, _NAQIB_KEY_LATIN,
			_NAQIB_KEY_VERSION, _NAQIB_KEY_THESAURUS
		};
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
		return _naqib_xfail(path, "opening");
	}
	return NAQIB_OK;
}

extern "C" naqib_status_t naqib_db_compact(const char *from, const char *to)
{
	try {
		Xapian::Database db(from);
		db.compact(to, Xapian::DBCOMPACT_MULTIPASS);
	} catch (...) {
		return _naqib_xfail(from, "compacting");
	}
	return NAQIB_OK;
}

extern "C" naqib_status_t naqib_db_commit(naqib_db_t *db)
{
	if (!db->wdb)
		return NAQIB_OK;
	try {
		db->wdb->commit();
	} catch (...) {
		return _naqib_xfail(db->path, "committing");
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

extern "C" naqib_status_t naqib_db_reopen(naqib_db_t *db)
{
	try {
		db->db->reopen();
	} catch (...) {
		return _naqib_xfail(db->path, "reopening");
	}
	return NAQIB_OK;
}

extern "C" naqib_status_t naqib_db_doc_count(naqib_db_t *db, unsigned *out)
{
	try {
		*out = db->db->get_doccount();
	} catch (...) {
		return _naqib_xfail(db->path, "counting documents");
	}
	return NAQIB_OK;
}

char *_naqib_dup_string(const std::string &s)
{
	char *r = static_cast<char *>(malloc(s.size() + 1));
	if (r) {
		memcpy(r, s.data(), s.size());
		r[s.size()] = '\0';
	}
	return r;
}

extern "C" naqib_status_t naqib_db_get_metadata(naqib_db_t *db, const char *key,
				     char **out)
{
	*out = NULL;
	try {
		std::string v = db->db->get_metadata(key);
		if (!(*out = _naqib_dup_string(v)))
			return _naqib_fail(NAQIB_E_NOMEM, "out of memory");
	} catch (...) {
		return _naqib_xfail(db->path, "reading metadata");
	}
	return NAQIB_OK;
}

extern "C" naqib_status_t naqib_db_set_metadata(naqib_db_t *db, const char *key,
				     const char *value)
{
	if (!db->wdb)
		return _naqib_fail(NAQIB_E_INVALID,
				   "database '%s' is open read-only",
				   db->path.c_str());
	try {
		db->wdb->set_metadata(key, value);
	} catch (...) {
		return _naqib_xfail(db->path, "writing metadata");
	}
	return NAQIB_OK;
}

/* The terms of an id (_naqib_id_terms()), freed with the object. */
namespace {
struct id_terms {
	_naqib_id_terms_t t;
	naqib_status_t st;
	explicit id_terms(const char *id) { st = _naqib_id_terms(id, &t); }
	~id_terms() { _naqib_id_terms_free(&t); }
	id_terms(const id_terms &) = delete;
	id_terms &operator=(const id_terms &) = delete;
	std::string term() const { return std::string(t.term.data, t.term.len); }
	std::string legacy() const
	{
		return std::string(t.legacy.data, t.legacy.len);
	}
};

/* The document with the id of k, or 0.  A hashed term may stand for two
 * ids (a collision of the hash between two long ids that start alike):
 * the document's record says whether it is this one. */
Xapian::docid id_doc(Xapian::Database *db, const id_terms &k)
{
	std::string term = k.term();
	Xapian::PostingIterator p = db->postlist_begin(term);
	if (p == db->postlist_end(term))
		return 0;
	if (!k.t.hashed)
		return *p;
	std::string data = _naqib_unpack_data(db->get_document(*p).get_data());
	naqib_record_t rec;
	return naqib_record_decode(data.data(), data.size(), &rec) == NAQIB_OK &&
			       !strcmp(rec.id, k.t.id.data)
		       ? *p
		       : 0;
}

/* The document an older naqib wrote under the id's name as it was, or 0. */
Xapian::docid legacy_doc(Xapian::Database *db, const id_terms &k)
{
	if (!k.t.legacy.len)
		return 0;
	std::string term = k.legacy();
	Xapian::PostingIterator p = db->postlist_begin(term);
	return p == db->postlist_end(term) ? 0 : *p;
}
} // namespace

extern "C" naqib_status_t naqib_db_has_id(naqib_db_t *db, const char *id, int *exists)
{
	id_terms k(id);
	if (k.st)
		return k.st;
	try {
		*exists = !k.t.hashed && !k.t.legacy.len
				  ? db->db->term_exists(k.term())
				  : id_doc(db->db, k) || legacy_doc(db->db, k);
	} catch (...) {
		return _naqib_xfail(db->path, "looking up a document");
	}
	return NAQIB_OK;
}

extern "C" naqib_status_t naqib_db_replace(naqib_db_t *db, const char *id,
				naqib_doc_t *doc, int *replaced)
{
	if (!db->wdb)
		return _naqib_fail(NAQIB_E_INVALID,
				   "database '%s' is open read-only",
				   db->path.c_str());
	id_terms k(id);
	if (k.st)
		return k.st;
	std::string term = k.term();
	try {
		/* One look-up: a new id is added, without replace_document()
		 * looking for it again. */
		bool exists = db->wdb->term_exists(term);
		if (exists && k.t.hashed && !id_doc(db->wdb, k))
			return _naqib_fail(
				NAQIB_E_INVALID,
				"the id '%.*s...' (%zu bytes) has the term of "
				"another document's (a hash collision of two "
				"long ids): name the file otherwise",
				(int)_naqib_utf8_cut(k.t.id.data, k.t.id.len, 40),
				k.t.id.data, k.t.id.len);
		/* The document of an older index under the name as it was,
		 * before ids were escaped: this one takes its place. */
		bool legacy = false;
		if (k.t.legacy.len && db->wdb->term_exists(k.legacy())) {
			db->wdb->delete_document(k.legacy());
			legacy = true;
		}
		if (replaced)
			*replaced = exists || legacy;
		doc->doc.add_boolean_term(term);
		if (exists)
			db->wdb->replace_document(term, doc->doc);
		else
			db->wdb->add_document(doc->doc);
	} catch (...) {
		return _naqib_xfail(db->path, "adding a document");
	}
	return NAQIB_OK;
}

extern "C" naqib_status_t naqib_db_delete(naqib_db_t *db, const char *id, int *found)
{
	if (!db->wdb)
		return _naqib_fail(NAQIB_E_INVALID,
				   "database '%s' is open read-only",
				   db->path.c_str());
	id_terms k(id);
	if (k.st)
		return k.st;
	try {
		Xapian::docid d = id_doc(db->wdb, k), old = legacy_doc(db->wdb, k);
		*found = d || old;
		if (d)
			db->wdb->delete_document(d);
		if (old)
			db->wdb->delete_document(k.legacy());
	} catch (...) {
		return _naqib_xfail(db->path, "deleting a document");
	}
	return NAQIB_OK;
}

extern "C" naqib_status_t naqib_db_get_data(naqib_db_t *db, const char *id, char **data,
				 size_t *len)
{
	*data = NULL;
	id_terms k(id);
	if (k.st)
		return k.st;
	try {
		Xapian::docid d = id_doc(db->db, k);
		if (!d)
			d = legacy_doc(db->db, k);
		if (!d)
			return _naqib_fail(NAQIB_E_NOT_FOUND,
					   "no document with id '%s'",
					   k.t.id.data);
		Xapian::Document doc = db->db->get_document(d);
		std::string s = _naqib_unpack_data(doc.get_data());
		if (!(*data = _naqib_dup_string(s)))
			return _naqib_fail(NAQIB_E_NOMEM, "out of memory");
		*len = s.size();
	} catch (...) {
		return _naqib_xfail(db->path, "reading a document");
	}
	return NAQIB_OK;
}

extern "C" naqib_status_t naqib_db_has_settings(naqib_db_t *db, int *has)
{
	try {
		*has = !db->db->get_metadata(_NAQIB_KEY_STEMMER).empty();
	} catch (...) {
		return _naqib_xfail(db->path, "reading the settings");
	}
	return NAQIB_OK;
}

extern "C" naqib_status_t naqib_db_check_analyzer(naqib_db_t *db, naqib_analyzer_t *a,
				       int writer)
{
	try {
		std::string s = db->db->get_metadata(_NAQIB_KEY_STEMMER);
		std::string l = db->db->get_metadata(_NAQIB_KEY_LATIN);
		std::string v = db->db->get_metadata(_NAQIB_KEY_VERSION);
		if (s.empty() && writer && db->wdb &&
		    db->db->get_doccount() == 0) {
			db->wdb->set_metadata(_NAQIB_KEY_STEMMER,
					      naqib_analyzer_stemmer(a));
			db->wdb->set_metadata(_NAQIB_KEY_LATIN,
					      naqib_analyzer_latin_stemmer(a));
			db->wdb->set_metadata(_NAQIB_KEY_VERSION, _NAQIB_ANALYSIS_VERSION);
			naqib_thesaurus_t *th = naqib_analyzer_thesaurus(a);
			return th ? naqib_db_set_thesaurus(db, th) : NAQIB_OK;
		}
		if (s.empty())
			return _naqib_fail(NAQIB_E_DB_VERSION,
					   "database '%s' was not made by "
					   "naqib-index",
					   db->path.c_str());
		if (v != _NAQIB_ANALYSIS_VERSION)
			return _naqib_fail(NAQIB_E_DB_VERSION,
					   "database '%s' was made by another "
					   "version of naqib's analysis (%s, "
					   "this is %s): index again into a new "
					   "database",
					   db->path.c_str(), v.c_str(),
					   _NAQIB_ANALYSIS_VERSION);
		if (s != naqib_analyzer_stemmer(a) ||
		    l != naqib_analyzer_latin_stemmer(a))
			return _naqib_fail(NAQIB_E_DB_VERSION,
					   "database '%s' was indexed with "
					   "--stemmer=%s --latin-stemmer=%s; "
					   "use the same, or a new database",
					   db->path.c_str(), s.c_str(),
					   l.c_str());
	} catch (...) {
		return _naqib_xfail(db->path, "reading the settings");
	}
	return NAQIB_OK;
}

extern "C" naqib_status_t naqib_db_analyzer_new(naqib_db_t *db, naqib_analyzer_t **out)
{
	*out = NULL;
	std::string s, l;
	try {
		s = db->db->get_metadata(_NAQIB_KEY_STEMMER);
		l = db->db->get_metadata(_NAQIB_KEY_LATIN);
	} catch (...) {
		return _naqib_xfail(db->path, "reading the settings");
	}
	naqib_analyzer_options_t o = { s.c_str(), l.c_str() };
	if (s.empty())
		return _naqib_fail(NAQIB_E_DB_VERSION,
				   "database '%s' was not made by naqib-index",
				   db->path.c_str());
	naqib_status_t st = naqib_analyzer_new(&o, out);
	if (!st)
		st = naqib_db_check_analyzer(db, *out, 0);
	std::string text;
	if (!st) {
		try {
			text = db->db->get_metadata(_NAQIB_KEY_THESAURUS);
		} catch (...) {
			st = _naqib_xfail(db->path, "reading the thesaurus");
		}
	}
	if (!st && !text.empty()) {
		naqib_thesaurus_t *th = NULL;
		std::string name = db->path + " (" + _NAQIB_KEY_THESAURUS + ")";
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

extern "C" naqib_status_t naqib_db_thesaurus_text(naqib_db_t *db, char **out)
{
	return naqib_db_get_metadata(db, _NAQIB_KEY_THESAURUS, out);
}

extern "C" naqib_status_t naqib_db_set_thesaurus(naqib_db_t *db,
				      const naqib_thesaurus_t *th)
{
	size_t len = 0;
	const char *t = th ? naqib_thesaurus_text(th, &len) : "";
	return naqib_db_set_metadata(db, _NAQIB_KEY_THESAURUS,
				     std::string(t, len).c_str());
}

