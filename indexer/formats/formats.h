/* The input formats naqib-index reads, in one table (registry.c): a format
 * is a file of its own here (txt.c, jsonl.c, trec.c) and a row of the
 * table with its name, the endings of the file names it takes, a test of
 * a file's first bytes and the reader that makes documents of a file.
 * Everything else (--format, --help, --list format, the walk over
 * directories, the fuzzers) reads the table.  A reader works on the file
 * (or a block of whole documents of it) in memory and hands each document
 * to a callback; a document that cannot be read is reported to the error
 * callback and skipped, the others still go through. */
#ifndef NAQIB_FORMATS_H
#define NAQIB_FORMATS_H

#include <stddef.h>

#include "naqib.h"

/* One document found in a file.  The strings are valid during the
 * callback only. */
typedef struct fmt_doc {
	naqib_record_t rec;
	size_t line; /* 1-based line where the document starts */
	/* The encoding the text was converted from when it was not UTF-8
	 * ("windows-1256", "UTF-16LE"), for the summary; NULL: UTF-8. */
	const char *encoding;
} fmt_doc_t;

typedef struct fmt_callbacks {
	/* A document: returns 0 to go on, or a status that stops reading. */
	int (*doc)(const fmt_doc_t *doc, void *ctx);
	/* A document that was skipped: line is 0 for the whole file. */
	void (*bad)(size_t line, const char *message, void *ctx);
	void *ctx;
	/* A remark that is no failure (an attachment left out, the encoding
	 * a text was read in); NULL: none wanted.  fmt_note() calls it. */
	void (*note)(const char *message, void *ctx);
	/* The file holds no format naqib reads (binary data named .txt):
	 * it is counted as unsupported, with the reason, not as failed.
	 * NULL: reported as bad.  fmt_skip() calls it. */
	void (*skip)(const char *reason, void *ctx);
	/* The file's text is in images (a scan) and --ocr was not given: it
	 * is counted as such, not as failed, and read by a run with --ocr.
	 * NULL: a note.  fmt_needs_ocr() calls it. */
	void (*needs_ocr)(const char *reason, void *ctx);
} fmt_callbacks_t;

typedef struct fmt_format {
	const char *name;          /* --format's value */
	const char *description;   /* a line for --list format */
	/* The endings of the file names it takes, without the dot, NULL-
	 * terminated: a file in a directory is read when one matches (in any
	 * case).  sniffed: endings whose file is this format's or another's,
	 * as its first bytes say (ANT's TREC files are .txt). */
	const char *const *extensions;
	const char *const *sniffed;
	/* Whether data[0..len) (the first bytes, after a BOM and white space)
	 * is this format's; NULL: never said by the bytes (the fallback). */
	int (*sniff)(const char *data, size_t len);
	/* Where the last whole document of buf[0..n) ends, for files read in
	 * blocks; 0: none.  NULL: the file is one document, read whole (at most
	 * --max-doc-size of it). */
	size_t (*cut)(const char *buf, size_t n);
	/* Splits data[0..len) (NUL-terminated at data[len]; a reader may write
	 * in it) into documents.  id is the id of a file that makes one
	 * document (its path relative to --root).  Returns 0, or the status a
	 * callback stopped with. */
	int (*read)(const char *id, char *data, size_t len,
		    const fmt_callbacks_t *cb);
	unsigned flags;            /* FMT_* */
} fmt_format_t;

/* A file of the format is read whole (up to --max-file-size, never cut:
 * a PDF cut in two is no PDF) and handed to read() at once. */
#define FMT_WHOLE 0x1u
/* read() runs in a worker process with limits on its memory, CPU time
 * and output (ingest.c), so that a file that crashes or hangs its
 * library costs that file, never the run: every reader of a format a
 * library parses. */
#define FMT_WORKER 0x2u
/* Read only with --ocr (images): without it the file is counted as
 * skipped, with the reason. */
#define FMT_OCR 0x4u

/* What the command line says to the readers (naqib-index sets it before
 * reading anything). */
typedef struct fmt_options {
	int ocr;		/* --ocr: images and PDF pages without text */
	const char *ocr_lang;	/* --ocr-lang: Tesseract's languages */
	const char *encoding;	/* --encoding: of texts that are not UTF-8;
				 * NULL: detect it */
} fmt_options_t;

extern fmt_options_t fmt_options;

/* Reads a file found inside another (an e-mail's attachment, named name)
 * as the format its name, else its first bytes, say: its documents get
 * ids made from id (the outer document's) and name, and parent id.  A
 * file of no format known is reported to cb->bad.  Returns 0, or the
 * status a callback stopped with. */
int fmt_read_nested(const char *id, const char *name, char *data, size_t len,
		    const fmt_callbacks_t *cb);

/* The table's i-th format, NULL past the last. */
const fmt_format_t *fmt_at(size_t i);

/* The format named name (--format), or NULL. */
const fmt_format_t *fmt_named(const char *name);

/* The format the name of a file says (its ending), NULL when it does not
 * tell: no ending, an ending of `sniffed`, or an ending no format takes
 * (*unknown set then: a file found in a directory is left out). */
const fmt_format_t *fmt_for_name(const char *name, int *unknown);

/* The format of a file from its first bytes: the first whose sniff()
 * says so, else the fallback (plain text). */
const fmt_format_t *fmt_sniff(const char *data, size_t len);

/* Reads data with format f, or with the format its first bytes say when f
 * is NULL (f->read()). */
int fmt_read(const fmt_format_t *f, const char *id, char *data, size_t len,
	     const fmt_callbacks_t *cb);

/* Whether ICU knows the encoding name (--encoding): 0, or -1 with a
 * message. */
int fmt_check_encoding(const char *name);

/* For --list format and completion: "auto" then the formats. */
const char *fmt_item(size_t i, const char **description);

#endif
