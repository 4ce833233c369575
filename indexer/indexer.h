/* What the parts of naqib-index share:
 *   naqib-index.c  the command line: options, --delete, --compact, the summary
 *   shards.c       the database: one, or the shards of a sharded one, opened
 *                  with the analysis and the thesaurus it keeps
 *   ingest.c       reading files (formats/) a block of whole documents at a
 *                  time, and writing their documents, in a writer thread per
 *                  shard when sharded; progress, commits, fatal errors
 *   marks.c        the ids of files, and the marks of the files read, so that
 *                  unchanged files are skipped
 *   walk.c         the walk over directories
 *   worker.c       the worker process the readers of documents run in
 *   summary.c      what became of each file: counts, -v, the summary */
#ifndef NAQIB_INDEXER_H
#define NAQIB_INDEXER_H

#include <limits.h>
#include <pthread.h>
#include <signal.h>
#include <sys/stat.h>

#include "formats/formats.h"
#include "naqib.h"
#include "progress.h"

/* JSON Lines and TREC files are read in blocks of about this size, cut
 * after the last whole document, so that memory does not grow with the
 * file (a document longer than a block is read whole). */
#define DEFAULT_READ_BLOCK (8u << 20)
/* Documents a commit.  Small batches index faster as well as losing less in
 * a crash: Xapian's in-memory changes grow slow to update when large
 * (bench/index-speed: 55 s at 1000, 81 s at 10000 on the eval corpus). */
#define DEFAULT_BATCH 1000
/* The longest text indexed of a document: what is beyond is left out with
 * a warning.  A 100 MB text takes 2 GB to analyse and seconds to show in
 * every result list; a real communiqué is a few kilobytes, a book 2 MB. */
#define DEFAULT_MAX_DOC (16u << 20)
/* The largest file of a format read whole (PDF, Office, e-mail, images):
 * what is larger is left out, counted as too large. */
#define DEFAULT_MAX_FILE (256u << 20)
/* The worker process's limits (worker.c): its address space, its CPU time
 * a file (OCR takes longer), and the text it may give back. */
#define DEFAULT_WORKER_MEMORY 2048	/* MB */
#define DEFAULT_WORKER_CPU 120		/* s */
#define DEFAULT_WORKER_CPU_OCR 900	/* s */
#define DEFAULT_WORKER_OUTPUT (1ull << 30)
/* Titles are cut, at a word, to this many bytes: a text file's first line
 * may be its whole text. */
#define TITLE_MAX 1024

/* The metadata key of the root the ids of files are relative to. */
#define ROOT_KEY "naqib.root"

/* The stub file of a sharded database, and the names of its shards. */
#define STUB_NAME "XAPIANDB"
#define SHARD_NAME "shard%d"
#define MAX_SHARDS 64
/* Documents waiting for a shard's writer: enough for the other shards to
 * go on while one commits (a commit of 1000 documents takes about as long
 * as indexing 1000), and a bound on the memory they take. */
#define QUEUE_CAP 4096
#define QUEUE_BYTES (32u << 20)

typedef struct stats {
	unsigned long added, replaced, unchanged, failed, truncated;
	unsigned long dropped;	/* read, not indexed: the run was
				 * interrupted */
	/* The bytes read; those of them that --max-doc-size left out; and
	 * those of the files cut at --max-doc-size that were never read (the
	 * rest of a plain text file: they count as done, not as read). */
	unsigned long long bytes, left_out, unread;
} stats_t;

/* A file of a sharded run: whether its documents all went in is known
 * only when the writers are done, so its signature waits until then. */
typedef struct file_rec {
	struct file_rec *next;
	char *name;		/* for messages */
	char key[256], sig[128];	/* sig empty: not to be recorded */
	unsigned long failed;	/* documents the writers skipped; under mu */
} file_rec_t;

/* A document on its way to a shard's writer: its record, encoded. */
typedef struct job {
	char *data;
	size_t len;
	file_rec_t *file;
	size_t line;
} job_t;

struct indexer;

/* What became of a file (summary.c). */
typedef enum outcome {
	OUT_INDEXED,	/* read: its documents went in */
	OUT_UNCHANGED,	/* skipped: the same as when it was indexed */
	OUT_UNSUPPORTED,	/* of no format naqib reads */
	OUT_NO_OCR,	/* an image or a scan: --ocr reads it */
	OUT_TOO_LARGE,	/* above --max-file-size */
	OUT_UNREADABLE,	/* could not be opened or read */
	OUT_FAILED,	/* read, and nothing of it could be indexed */
	OUT_EMPTY,	/* no text */
	OUT_COUNT
} outcome_t;

/* Counts by name (formats, file types, encodings). */
#define TALLY_MAX 24
typedef struct tally {
	char name[TALLY_MAX][40];
	unsigned long n[TALLY_MAX];
	unsigned long other;	/* past TALLY_MAX names */
	size_t count;
} tally_t;

/* A file that was not indexed, for the JSON summary (every file with
 * -v). */
typedef struct file_note {
	struct file_note *next;
	outcome_t outcome;
	char *path, *format, *reason;
	unsigned long documents;
} file_note_t;

typedef struct files_stats {
	unsigned long n[OUT_COUNT];
	tally_t formats;	/* files indexed, by format */
	tally_t types;		/* unsupported, by ending */
	tally_t encodings;	/* texts converted, by encoding */
	file_note_t *notes, **tail;
} files_stats_t;

/* One database of the index (the only one when it is not sharded) and
 * what writes to it. */
typedef struct shard {
	struct indexer *x;
	char path[PATH_MAX];
	naqib_db_t *db;
	naqib_analyzer_t *an;
	stats_t st;
	unsigned long pending;	/* documents since the last commit */
	unsigned long done_added, done_replaced;	/* committed */
	/* Sharded runs: the writer thread and its queue, under x->mu. */
	pthread_t thread;
	int running;
	job_t q[QUEUE_CAP];
	size_t head, count, bytes;
} shard_t;

typedef struct indexer {
	shard_t *shards;
	int n_shards;
	int sharded;		/* a directory of shards and a stub */
	pthread_mutex_t mu;	/* the queues, file_rec_t.failed, fatal */
	pthread_cond_t changed;
	int closing;		/* no more jobs: writers finish */
	file_rec_t *files;	/* sharded runs: every file read */
	naqib_db_t *marks;	/* sharded runs: the reader's own handle on
				 * the first shard, for the marks of files
				 * read (its writer thread owns the other) */
	const char *db_path;
	int lock_fd;		/* the database directory, locked: -1 none */
	char **thesauri;	/* --thesaurus files */
	size_t n_thesauri, cap_thesauri;
	char root[PATH_MAX];
	const fmt_format_t *format;	/* --format; NULL: auto */
	unsigned batch;
	unsigned read_block;	/* --read-block */
	unsigned max_doc;	/* --max-doc-size */
	unsigned lead_words;
	int force, quiet, progress;
	stats_t st;		/* what the reader saw: bytes, unchanged, bad */
	unsigned long read;	/* documents read */
	unsigned long in_file;	/* documents read from the current file */
	size_t line_base;	/* lines of the file before the block read */
	const char *file;	/* the file being read, for messages */
	file_rec_t *frec;	/* its record, in a sharded run */
	volatile int fatal;	/* a database error: stop (set under mu) */
	double started, last_progress;
	/* The progress line: the bytes of every input (0: unknown, as for
	 * standard input), and those of the files skipped as unchanged. */
	unsigned long long total_bytes, skipped_bytes;
	/* How far into the current file the reader is: the block being
	 * read (its offset, length and lines), and the bytes done. */
	unsigned long long blk_start, blk_len, blk_lines, file_done;
	cli_eta_t eta;		/* the time left, from the progress so far */
	/* Files read whole, and the worker process's limits (worker.c). */
	unsigned max_file;	/* --max-file-size */
	unsigned worker_memory;	/* MB; 0: no limit */
	unsigned worker_cpu;	/* s; 0: no limit */
	unsigned long long worker_output;
	int extract;		/* --extract: print documents, no database */
	int verbose;		/* -v: name every file and what became of it */
	int summary_json;	/* --summary-format json */
	files_stats_t files_st;
	/* The file being read: its format, and what became of it when the
	 * reading said so (-1: not yet). */
	const fmt_format_t *file_fmt;
	int file_outcome;
	char file_reason[512];
	/* The encoding its first text not in UTF-8 was read in (a copy: a
	 * document's strings, the worker's among them, die with its
	 * callback); "" for none. */
	char file_encoding[64];
	int file_bad0;		/* a problem of the whole file was told */
	int named;		/* the file being read was named on the
				 * command line (not found in a folder) */
} indexer_t;

/* The signal that asked us to stop, or 0. */
extern volatile sig_atomic_t ingest_interrupted;
/* Whether a signal asked us to stop: the stop callback of the documents
 * (naqib_doc_options_t), asked all along a long text. */
int ingest_stop(void *ctx);

/* ---------------------------------------------------------------- shards.c */

/* Opens the database at x->db_path: one database, or the shards of a
 * sharded one.  want is --shards (0: not given): a new database gets that
 * many shards; an existing one keeps what it has.  Returns an exit
 * status. */
int shards_open(indexer_t *x, const char *stemmer, const char *latin,
		unsigned want);
void shards_close(indexer_t *x);

/* ---------------------------------------------------------------- ingest.c */

/* The walk's callbacks: a file to read; a path that cannot be read. */
int ingest_file(const char *path, int named, void *ctx);
void ingest_walk_error(const char *path, int err, void *ctx);
/* A file found in a directory whose name is of no format naqib reads. */
void ingest_walk_skip(const char *path, void *ctx);
/* The progress line's walk: each file's size; standard input makes the
 * total unknown: x->total_bytes INGEST_UNKNOWN. */
#define INGEST_UNKNOWN (~0ULL)
int ingest_add_size(const char *path, int named, void *ctx);
void ingest_ignore_error(const char *path, int err, void *ctx);

/* A shard's writer thread (sharded runs). */
void *ingest_writer(void *arg);
/* The end of a sharded run, once the writers are done: marks the files
 * whose every document went in, and commits. */
void ingest_record_files(indexer_t *x);

/* Commits shard s; a failure is reported and stops the run. */
int ingest_commit(shard_t *s);
/* Stops the run on a database error: every writer and the reader see it. */
void ingest_fatal(indexer_t *x, int st);
/* The shard of a document id. */
shard_t *ingest_shard_of(indexer_t *x, const char *id);
/* The progress line on a terminal (at most every 0.2 s, unless final). */
void ingest_progress(indexer_t *x, int final);

/* ---------------------------------------------------------------- worker.c */

/* Runs f->read(id, data, len, cb) in a worker process under x's limits,
 * handing its documents and problems to cb as they come; a crash, a limit
 * or a hang is told to cb->bad for the whole file.  Returns 0, or the
 * status a callback stopped with. */
int worker_read(indexer_t *x, const fmt_format_t *f, const char *id,
		char *data, size_t len, const fmt_callbacks_t *cb);
/* Ends the worker process, once the run has read every file. */
void worker_stop(void);
/* naqib-worker --worker ...: the worker process itself; never returns. */
void worker_main(int argc, char **argv) __attribute__((noreturn));

/* ---------------------------------------------------------------- summary.c */

void summary_init(indexer_t *x);
/* Counts what became of the file at path (and, with -v, says it): format
 * is the format it was read in, or the ending of an unsupported file;
 * reason says why it was not indexed. */
void summary_file(indexer_t *x, const char *path, outcome_t o,
		  const char *format, unsigned long documents,
		  const char *reason);
/* A text converted from encoding. */
void summary_encoding(indexer_t *x, const char *encoding);
/* The files' line of the summary (after the documents' line), or the
 * JSON summary on standard output with the documents' counts. */
void summary_print(indexer_t *x, const stats_t *docs, double secs);
void summary_free(indexer_t *x);

/* ---------------------------------------------------------------- marks.c */

/* The id of a text file: its path relative to --root, as an id (0, or an
 * errno).  *out is malloc'd, caller frees. */
int marks_file_id(indexer_t *x, const char *path, char **out);
/* What a file was like when it was indexed. */
void marks_signature(const struct stat *sb, unsigned long docs, char *out,
		     size_t cap);
/* The metadata key of a file's mark. */
void marks_key(const char *id, char *out, size_t cap);
/* Forgets that the file a document came from was indexed. */
void marks_forget(indexer_t *x, const char *id);

#endif
