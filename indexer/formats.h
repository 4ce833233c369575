/* The input formats naqib-index reads: plain text, JSON Lines and TREC
 * <DOC> files.  Each reader splits a file held in memory into documents and
 * hands each to a callback; a document that cannot be read is reported to
 * the error callback and skipped, the others still go through. */
#ifndef NAQIB_FORMATS_H
#define NAQIB_FORMATS_H

#include <stddef.h>

#include "naqib.h"

typedef enum fmt_kind {
	FMT_AUTO = 0, /* from the file name, then the content */
	FMT_TXT,
	FMT_JSONL,
	FMT_TREC,
} fmt_kind_t;

/* One document found in a file.  The strings are valid during the
 * callback only. */
typedef struct fmt_doc {
	naqib_record_t rec;
	size_t line; /* 1-based line where the document starts */
} fmt_doc_t;

typedef struct fmt_callbacks {
	/* A document: returns 0 to go on, or a status that stops reading. */
	int (*doc)(const fmt_doc_t *doc, void *ctx);
	/* A document that was skipped: line is 0 for the whole file. */
	void (*bad)(size_t line, const char *message, void *ctx);
	void *ctx;
} fmt_callbacks_t;

/* The format for a file name ("x.jsonl" is JSON Lines, ...), FMT_AUTO when
 * the name does not tell, or -1 when the file is not one naqib reads
 * (an image, a PDF...). */
int fmt_from_name(const char *name);

/* The format of a file from its first bytes: TREC if it starts with <DOC>,
 * JSON Lines with '{', else plain text. */
fmt_kind_t fmt_sniff(const char *data, size_t len);

/* "txt", "jsonl", "trec" or "auto" to a kind; -1 if unknown. */
int fmt_from_string(const char *s);

/* Splits data[0..len) (the whole file, NUL-terminated at data[len]) into
 * documents.  id is the document id for a plain text file (its path).
 * Returns 0, or the status a callback stopped with. */
int fmt_read(fmt_kind_t kind, const char *id, char *data, size_t len,
	     const fmt_callbacks_t *cb);

#endif
