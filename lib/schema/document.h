/* The document of a record, written through a sink (document.c). */
#ifndef NAQIB_SCHEMA_DOCUMENT_H
#define NAQIB_SCHEMA_DOCUMENT_H

#include "naqib.h"
#include "schema/schema.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Where the terms, values and data of a document go: a Xapian document
 * (lib/xapian/doc.cc), or a list for a tool that shows them. */
typedef struct _naqib_doc_sink {
	/* A term at a word position, counted wdf times. */
	naqib_status_t (*posting)(void *ctx, const char *term, size_t len,
				  unsigned pos, unsigned wdf);
	/* A term without a position, counted wdf times. */
	naqib_status_t (*term)(void *ctx, const char *term, size_t len,
			       unsigned wdf);
	/* A filter term: no effect on the ranking. */
	naqib_status_t (*boolean)(void *ctx, const char *term, size_t len);
	naqib_status_t (*value)(void *ctx, unsigned slot, const char *data,
				size_t len);
	/* The record, encoded. */
	naqib_status_t (*data)(void *ctx, const char *data, size_t len);
	void *ctx;
} _naqib_doc_sink_t;

/* Writes the document of rec to sink, as naqib_doc_from_record()
 * describes; opts NULL for the defaults. */
naqib_status_t _naqib_document_write(naqib_analyzer_t *an,
				     const naqib_record_t *rec,
				     const naqib_doc_options_t *opts,
				     const _naqib_doc_sink_t *sink);

/* A document that holds data[0..len) and nothing else, stored as the
 * Xapian layer stores document data (for the unit test of that). */
naqib_status_t _naqib_doc_with_data(const char *data, size_t len,
				    naqib_doc_t **out);

#ifdef __cplusplus
}
#endif

#endif
