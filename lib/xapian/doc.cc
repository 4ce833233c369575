/* The Xapian document of a record (private.h): the schema's document
 * (lib/schema/document.c) written through a sink into a Xapian::Document. */
#include <new>

#include "schema/document.h"
#include "xapian/private.h"

namespace {

#define DOC_CALL(what, call)                                                \
	do {                                                                \
		try {                                                       \
			call;                                               \
		} catch (...) {                                             \
			return _naqib_xfail(std::string(), what);           \
		}                                                           \
		return NAQIB_OK;                                            \
	} while (0)

naqib_status_t posting(void *ctx, const char *term, size_t len, unsigned pos,
		       unsigned wdf)
{
	DOC_CALL("indexing words",
		 static_cast<naqib_doc_t *>(ctx)->doc.add_posting(
			 std::string(term, len), pos, wdf));
}

naqib_status_t term(void *ctx, const char *term, size_t len, unsigned wdf)
{
	DOC_CALL("indexing words",
		 static_cast<naqib_doc_t *>(ctx)->doc.add_term(
			 std::string(term, len), wdf));
}

naqib_status_t boolean(void *ctx, const char *term, size_t len)
{
	DOC_CALL("adding a term",
		 static_cast<naqib_doc_t *>(ctx)->doc.add_boolean_term(
			 std::string(term, len)));
}

naqib_status_t value(void *ctx, unsigned slot, const char *data, size_t len)
{
	DOC_CALL("setting a value",
		 static_cast<naqib_doc_t *>(ctx)->doc.add_value(
			 slot, std::string(data, len)));
}

naqib_status_t data(void *ctx, const char *data, size_t len)
{
	naqib_doc_t *d = static_cast<naqib_doc_t *>(ctx);
	std::string packed;
	naqib_status_t st;

	try {
		st = _naqib_pack_data(data, len, d->stop, d->stop_ctx, packed);
	} catch (...) {
		return _naqib_xfail(std::string(), "packing the data");
	}
	if (st)
		return st;
	DOC_CALL("setting the data", d->doc.set_data(packed));
}

} // namespace

extern "C" naqib_status_t naqib_doc_from_record(naqib_analyzer_t *a,
						const naqib_record_t *rec,
						const naqib_doc_options_t *opts,
						naqib_doc_t **out)
{
	*out = NULL;
	naqib_doc_t *doc = new (std::nothrow) naqib_doc_t();
	if (!doc)
		return _naqib_fail(NAQIB_E_NOMEM, "out of memory");
	_naqib_doc_sink_t sink = { posting, term, boolean, value, data, doc };
	if (opts) {
		doc->stop = opts->stop;
		doc->stop_ctx = opts->stop_ctx;
	}
	naqib_status_t st = _naqib_document_write(a, rec, opts, &sink);
	doc->stop = nullptr;
	doc->stop_ctx = nullptr;
	if (st) {
		delete doc;
		return st;
	}
	*out = doc;
	return NAQIB_OK;
}

extern "C" naqib_status_t _naqib_doc_with_data(const char *bytes, size_t len,
					       naqib_doc_t **out)
{
	*out = new (std::nothrow) naqib_doc_t();
	if (!*out)
		return _naqib_fail(NAQIB_E_NOMEM, "out of memory");
	naqib_status_t st = data(*out, bytes, len);
	if (st) {
		delete *out;
		*out = NULL;
	}
	return st;
}

extern "C" void naqib_doc_destroy(naqib_doc_t *doc)
{
	delete doc;
}
