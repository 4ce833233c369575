/* Databases (private.h): opening, shards, commits, metadata, documents by
 * id, and the analysis a database keeps. */
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#include <cerrno>
#include <cinttypes>
#include <cstdio>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <new>

#include "xapian/private.h"

static naqib_status_t io_failure(const char *p, const Xapian::Error &e,
				 const char *doing);

naqib_status_t _naqib_xfail(const std::string &path, const char *doing)
{
	const char *p = path.c_str();

	try {
		throw;
	} catch (const Xapian::DatabaseLockError &e) {
		/* Xapian says "already locked" when another writer holds the
		 * lock, else why it could not take it (its lock file cannot be
		 * made: a directory the user cannot write, a read-only file
		 * system). */
		std::string m = e.get_msg();
		const std::string held = "already locked";
		if (m.size() < held.size() ||
		    m.compare(m.size() - held.size(), held.size(), held) != 0) {
			size_t why = m.rfind(": ");
			return _naqib_fail(NAQIB_E_DB,
					   "cannot write to database '%s': %s",
					   p,
					   why == std::string::npos
						   ? m.c_str()
						   : m.c_str() + why + 2);
		}
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
	} catch (const Xapian::DatabaseError &e) {
		/* Without an errno, a DatabaseError is about what Xapian read
		 * ("EOF reading block", "inflate failed"): damage. */
		if (!e.get_error_string() || !*e.get_error_string())
			return _naqib_fail(NAQIB_E_DB_CORRUPT,
					   "database '%s' is damaged (%s while "
					   "%s); check it with xapian-check or "
					   "index again",
					   p, e.get_msg().c_str(), doing);
		return io_failure(p, e, doing);
	} catch (const Xapian::Error &e) {
		std::string m = e.get_msg();
		if (!e.get_error_string() || !*e.get_error_string())
			return _naqib_fail(NAQIB_E_DB, "database '%s': %s %s: %s",
					   p, e.get_type(), doing, m.c_str());
		return io_failure(p, e, doing);
	} catch (const std::bad_alloc &) {
		return _naqib_fail(NAQIB_E_NOMEM, "out of memory while %s",
				   doing);
	} catch (const std::length_error &e) {
		/* Xapian's own code asked for an impossible length: a length
		 * it read from the files was wrong. */
		return _naqib_fail(NAQIB_E_DB_CORRUPT,
				   "database '%s' is damaged (a length read "
				   "while %s is impossible: %s); check it with "
				   "xapian-check or index again",
				   p, doing, e.what());
	} catch (const std::exception &e) {
		return _naqib_fail(NAQIB_E_DB, "error while %s: %s", doing,
				   e.what());
	} catch (...) {
		return _naqib_fail(NAQIB_E_DB, "unknown error while %s", doing);
	}
}

/* A Xapian error with an errno: a disk that is full, or another failure
 * of the system. */
static naqib_status_t io_failure(const char *p, const Xapian::Error &e,
				 const char *doing)
{
	const char *why = e.get_error_string();

	if (!strcmp(why, strerror(ENOSPC)) || !strcmp(why, strerror(EDQUOT)) ||
	    !strcmp(why, strerror(EFBIG)))
		return _naqib_fail(NAQIB_E_DB,
				   "database '%s': no room to write (%s) while "
				   "%s: the disk is full or a size limit is "
				   "reached; what was committed before is intact",
				   p, why, doing);
	return _naqib_fail(NAQIB_E_DB, "database '%s': %s %s: %s (%s)", p,
			   e.get_type(), doing, e.get_msg().c_str(), why);
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

/* The data deflated a MiB at a time (what compress2() writes), asking stop
 * between: 16 MB take a second and a half. */
naqib_status_t _naqib_pack_data(const char *data, size_t len,
				int (*stop)(void *ctx), void *stop_ctx,
				std::string &out)
{
	const size_t head = sizeof packed_magic + 8, chunk = 1u << 20;
	z_stream z;
	naqib_status_t st = NAQIB_OK;
	int zr = Z_OK;

	memset(&z, 0, sizeof z);
	if (len < pack_min || deflateInit(&z, Z_DEFAULT_COMPRESSION) != Z_OK) {
		out.assign(data, len);
		return NAQIB_OK;
	}
	uLong bound = deflateBound(&z, len);
	out.assign(head + bound, '\0');
	memcpy(&out[0], packed_magic, sizeof packed_magic);
	for (int i = 0; i < 8; i++)
		out[sizeof packed_magic + i] = (char)((uint64_t)len >> (8 * i));
	z.next_out = reinterpret_cast<Bytef *>(&out[head]);
	z.avail_out = (uInt)bound;
	for (size_t at = 0; zr == Z_OK;) {
		if ((st = _naqib_asked_to_stop(stop, stop_ctx)))
			break;
		size_t n = len - at < chunk ? len - at : chunk;
		z.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(data + at));
		z.avail_in = (uInt)n;
		zr = deflate(&z, at + n == len ? Z_FINISH : Z_NO_FLUSH);
		at += n - z.avail_in;
	}
	uLong packed = z.total_out;
	deflateEnd(&z);
	if (st)
		return st;
	if (zr != Z_STREAM_END)
		out.assign(data, len);
	else
		out.resize(head + packed);
	return NAQIB_OK;
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

/* ---------------------------------------------------------------- identity
 *
 * What a reader's files look like, to tell, cheaply, whether they changed
 * since it opened them: Xapian's own reopen() compares revisions only, so a
 * database moved into the place of another, or deleted and made again, at
 * the same revision (a nightly rebuild of the same input) was never seen,
 * and a reader went on answering from the old files, deleted or not.
 *
 * For each path: the device, inode, size and times of the path, of its
 * iamglass (which every commit writes anew and renames into place), of its
 * stub file (XAPIANDB, or the path itself when it is one) and, through the
 * stub, of every local shard it names.  A stub's remote shards cannot be
 * seen this way: *remote says there are some. */
static void stat_line(std::string &out, const std::string &path)
{
	struct stat sb;
	char line[192];

	if (stat(path.c_str(), &sb) != 0) {
		out += "-\n";
		return;
	}
	snprintf(line, sizeof line,
		 "%ju %ju %jd %jd.%09ld %jd.%09ld\n", (uintmax_t)sb.st_dev,
		 (uintmax_t)sb.st_ino, (intmax_t)sb.st_size,
		 (intmax_t)sb.st_mtim.tv_sec, sb.st_mtim.tv_nsec,
		 (intmax_t)sb.st_ctim.tv_sec, sb.st_ctim.tv_nsec);
	out += line;
}

/* The local databases a stub file names (its relative paths are in dir);
 * *remote is set when it names some on other machines. */
static std::vector<std::string> stub_paths(const std::string &stub,
					   const std::string &dir,
					   bool &remote)
{
	std::vector<std::string> paths;
	FILE *f = fopen(stub.c_str(), "r");
	char line[4096];

	if (!f)
		return paths;
	while (fgets(line, sizeof line, f)) {
		char kind[16], where[4000];
		if (sscanf(line, "%15s %3999[^\n]", kind, where) != 2)
			continue;
		std::string k = kind;
		if (k == "auto" || k == "glass" || k == "chert" ||
		    k == "honey") {
			std::string p = where;
			paths.push_back(p[0] == '/' ? p : dir + "/" + p);
		} else if (k == "remote" || k == "tcp" || k == "prog") {
			remote = true;
		}
	}
	fclose(f);
	return paths;
}

/* Calls f(path, is_dir) for path, then for the databases a stub at path
 * (XAPIANDB in a directory, or path itself) names, down the stubs. */
template <class F>
static void walk_databases(const std::string &path, bool &remote, F f,
			   int depth = 0)
{
	struct stat sb;
	bool dir = stat(path.c_str(), &sb) == 0 && S_ISDIR(sb.st_mode);

	f(path, dir);
	/* Xapian follows stubs no deeper either. */
	if (depth > 8 || (!dir && access(path.c_str(), F_OK) != 0))
		return;
	std::string stub = dir ? path + "/XAPIANDB" : path;
	size_t slash = path.rfind('/');
	std::string at = dir ? path
			     : slash == std::string::npos
				       ? std::string(".")
				       : path.substr(0, slash ? slash : 1);
	for (const std::string &p : stub_paths(stub, at, remote))
		walk_databases(p, remote, f, depth + 1);
}

static void path_identity(std::string &out, const std::string &path,
			  bool &remote)
{
	walk_databases(path, remote, [&](const std::string &p, bool dir) {
		stat_line(out, p);
		if (dir) {
			stat_line(out, p + "/iamglass");
			stat_line(out, p + "/XAPIANDB");
		}
	});
}

static std::string identity_of(const std::vector<std::string> &paths,
			       bool &remote)
{
	std::string out;

	remote = false;
	for (const std::string &p : paths)
		path_identity(out, p, remote);
	return out;
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
			d->sources.push_back(path);
			/* Before opening: a commit in between is seen at the
			 * next naqib_db_refresh(), never missed. */
			d->identity = identity_of(d->sources, d->remote);
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
	/* The same database twice (given twice, or a shard and a stub that
	 * names it) would list every hit twice. */
	std::vector<std::pair<dev_t, ino_t>> have;
	bool remote = false;
	auto leaves = [&](const std::string &p, bool dir) {
		struct stat sb;
		if (dir && stat((p + "/iamglass").c_str(), &sb) == 0)
			have.push_back(std::make_pair(sb.st_dev, sb.st_ino));
	};
	for (const std::string &p : db->sources)
		walk_databases(p, remote, leaves);
	size_t old = have.size();
	walk_databases(path, remote, leaves);
	for (size_t i = old; i < have.size(); i++)
		for (size_t k = 0; k < old; k++)
			if (have[i] == have[k])
				return _naqib_fail(
					NAQIB_E_INVALID,
					"database '%s' is searched already, "
					"through '%s': every hit would be "
					"listed twice",
					path, db->path.c_str());
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
		db->sources.push_back(path);
		db->identity = identity_of(db->sources, db->remote);
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

extern "C" naqib_status_t naqib_db_refresh(naqib_db_t *db, int *replaced)
{
	if (replaced)
		*replaced = 0;
	if (db->wdb)
		return NAQIB_OK;
	bool remote;
	std::string now = identity_of(db->sources, remote);
	try {
		if (now == db->identity) {
			/* Nothing changed here; only a server knows about its
			 * shards. */
			if (db->remote)
				db->db->reopen();
			return NAQIB_OK;
		}
		/* A commit, or other files: open them afresh.  This costs an
		 * open per commit, and sees a replacement that reopen() does
		 * not. */
		std::unique_ptr<Xapian::Database> fresh(
			new Xapian::Database(db->sources[0]));
		for (size_t i = 1; i < db->sources.size(); i++)
			fresh->add_database(Xapian::Database(db->sources[i]));
		bool other;
		try {
			other = fresh->get_uuid() != db->db->get_uuid();
		} catch (const Xapian::Error &) {
			other = true;
		}
		delete db->db;
		db->db = fresh.release();
		db->identity = now;
		db->remote = remote;
		if (replaced)
			*replaced = other;
	} catch (...) {
		return _naqib_xfail(db->path, "reopening");
	}
	return NAQIB_OK;
}

extern "C" naqib_status_t naqib_db_reopen(naqib_db_t *db)
{
	return naqib_db_refresh(db, NULL);
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

static naqib_status_t get_metadata_once(naqib_db_t *db, const char *key,
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

extern "C" naqib_status_t naqib_db_get_metadata(naqib_db_t *db, const char *key,
				     char **out)
{
	return _naqib_retrying(db, "reading metadata",
			       [&] { return get_metadata_once(db, key, out); });
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

naqib_status_t _naqib_id_docid(naqib_db_t *db, const char *id,
			       Xapian::docid *out, std::string *term)
{
	id_terms k(id);
	if (k.st)
		return k.st;
	*out = id_doc(db->db, k);
	*term = k.term();
	if (!*out && (*out = legacy_doc(db->db, k)))
		*term = k.legacy();
	return NAQIB_OK;
}

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

/* A database without naqib's settings: one whose first naqib-index run
 * has not committed yet (or was killed before it did), or another
 * program's.  Throws Xapian's errors. */
static naqib_status_t no_settings(naqib_db_t *db)
{
	if (db->db->get_doccount() == 0 && db->db->metadata_keys_begin() ==
						   db->db->metadata_keys_end())
		return _naqib_fail(NAQIB_E_DB_NOT_FOUND,
				   "database '%s' is empty: its first "
				   "naqib-index run has not committed yet (if "
				   "it was stopped, run it again)",
				   db->path.c_str());
	return _naqib_fail(NAQIB_E_DB_VERSION,
			   "database '%s' was not made by naqib-index",
			   db->path.c_str());
}

static naqib_status_t check_analyzer_once(naqib_db_t *db, naqib_analyzer_t *a,
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
			return no_settings(db);
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

extern "C" naqib_status_t naqib_db_check_analyzer(naqib_db_t *db, naqib_analyzer_t *a,
				       int writer)
{
	return _naqib_retrying(db, "reading the settings",
			       [&] { return check_analyzer_once(db, a, writer); });
}

static naqib_status_t analyzer_new_once(naqib_db_t *db, naqib_analyzer_t **out)
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
	if (s.empty()) {
		try {
			return no_settings(db);
		} catch (...) {
			return _naqib_xfail(db->path, "reading the settings");
		}
	}
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
		if (!(st = naqib_thesaurus_new(*out, &th)) &&
		    (st = naqib_thesaurus_load(th, text.data(), text.size(),
					       name.c_str())) &&
		    st != NAQIB_E_NOMEM)
			/* naqib-index keeps a thesaurus it has read: one
			 * that does not read back is damage, not the user's
			 * thesaurus. */
			st = _naqib_fail(NAQIB_E_DB_CORRUPT,
					 "database '%s' is damaged: the "
					 "thesaurus it keeps cannot be read "
					 "(%s); check it with xapian-check or "
					 "index again",
					 db->path.c_str(),
					 std::string(naqib_last_error()).c_str());
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

extern "C" naqib_status_t naqib_db_analyzer_new(naqib_db_t *db, naqib_analyzer_t **out)
{
	return _naqib_retrying(db, "reading the settings",
			       [&] { return analyzer_new_once(db, out); });
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

