/* naqib-index: reads text, JSON Lines and TREC files into a naqib database.
 *
 * Every document goes through the analysis pipeline (normalization, words,
 * stems) and is written under its id, replacing any document with the same
 * id, so that indexing again is harmless.  Files that did not change since
 * the last run (same size and modification time) are skipped.  Changes are
 * committed every --batch documents and at the end: a run that is killed
 * loses at most the current batch, and running again completes the job.
 *
 * A sharded database (--shards N) is a directory of N databases and a Xapian
 * stub file that lists them.  Each shard has a writer thread of its own,
 * with its own analyser: the main thread reads the files and hands each
 * document to the shard its id hashes to, so that N shards index on N
 * cores. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <limits.h>
#include <pthread.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"
#include "formats.h"
#include "naqib.h"
#include "util/util.h"
#include "walk.h"

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
/* Titles are cut, at a word, to this many bytes: a text file's first line
 * may be its whole text. */
#define TITLE_MAX 1024

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
	unsigned long long bytes;
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
	char **thesauri;	/* --thesaurus files */
	size_t n_thesauri, cap_thesauri;
	char root[PATH_MAX];
	fmt_kind_t format;
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
} indexer_t;

/* The signal that asked us to stop, or 0. */
static volatile sig_atomic_t interrupted;

static void on_signal(int sig)
{
	interrupted = sig;
}

static void usage(FILE *f)
{
	fprintf(f,
		"usage: naqib-index [options] PATH...\n"
		"       naqib-index --delete [options] ID...\n"
		"\n"
		"Indexes text (.txt), JSON Lines (.jsonl) and TREC <DOC> files,\n"
		"and directories of them, into a naqib database.\n"
		"\n"
		"  -d, --db DIR            the database (default: $NAQIB_DB, else ./naqib.db)\n"
		"  -f, --format FORMAT     auto, txt, jsonl or trec (default: auto)\n"
		"      --root DIR          ids of text files are their paths relative to DIR\n"
		"                          (default: the current directory)\n"
		"  -s, --stemmer NAME      Arabic stemmer of a new database: light, snowball\n"
		"                          or none (default: %s)\n"
		"      --latin-stemmer L   Latin-script words: a Snowball language (french,\n"
		"                          english, ...) or none (default: %s)\n"
		"      --force             read files again even if they did not change\n"
		"      --batch N           commit every N documents (default: %d)\n"
		"      --read-block N      read JSON Lines and TREC files N bytes at a\n"
		"                          time (default: %uM)\n"
		"      --max-doc-size N    index at most the first N bytes of a document's\n"
		"                          text (default: %uM)\n"
		"      --lead-words N      the first N words of a body count three times\n"
		"                          in the ranking, as the title does (default: %d)\n"
		"      --thesaurus FILE    more unions, places and terms, added to the\n"
		"                          built-in thesaurus (repeatable; see naqib(7))\n"
		"      --delete            the arguments are ids of documents to delete\n"
		"      --shards N          a new database as N shards, indexed in\n"
		"                          parallel (1 to 64; default: 1)\n"
		"      --compact DEST      write the database (all its shards) as one\n"
		"                          compact database DEST, then stop\n"
		"  -q, --quiet             no progress and no summary\n"
		"  -h, --help              this help\n"
		"      --version           the version\n",
		NAQIB_DEFAULT_STEMMER, NAQIB_DEFAULT_LATIN_STEMMER, DEFAULT_BATCH,
		DEFAULT_READ_BLOCK >> 20, DEFAULT_MAX_DOC >> 20,
		NAQIB_DEFAULT_LEAD_WORDS);
}

static void show_progress(indexer_t *x, int final)
{
	double now = cli_now();

	if (!x->progress || (!final && now - x->last_progress < 0.2))
		return;
	x->last_progress = now;
	double mb = (double)(x->st.bytes + x->file_done) / 1e6;
	double secs = now - x->started;
	double rate = secs > 0 ? mb / secs : 0.0;
	double done = mb + (double)x->skipped_bytes / 1e6;
	double total = (double)x->total_bytes / 1e6;
	fprintf(stderr, "\r\033[Knaqib-index: %lu documents, ",
		x->read + x->st.unchanged);
	if (total >= done && total > 0) {
		fprintf(stderr, "%.1f of %.1f MB (%.0f%%), %.1f MB/s", done, total,
			100 * done / total, rate);
		if (rate > 0 && !final) {
			unsigned long left = (unsigned long)((total - done) / rate);
			fprintf(stderr, ", %lu:%02lu left", left / 60, left % 60);
		}
	} else {
		fprintf(stderr, "%.1f MB, %.1f MB/s", mb, rate);
	}
	if (final)
		fputs("\r\033[K", stderr);
	fflush(stderr);
}

/* Counts a document of file f (NULL outside a sharded run) that did not go
 * in: the file is not marked as read, so that the next run reads it again. */
static void file_failed(indexer_t *x, file_rec_t *f)
{
	if (!f)
		return;
	pthread_mutex_lock(&x->mu);
	f->failed++;
	pthread_mutex_unlock(&x->mu);
}

/* Stops the run on a database error: every writer and the reader see it. */
static void set_fatal(indexer_t *x, int st)
{
	pthread_mutex_lock(&x->mu);
	if (!x->fatal)
		x->fatal = st;
	pthread_cond_broadcast(&x->changed);
	pthread_mutex_unlock(&x->mu);
}

static int commit(shard_t *s)
{
	int st = naqib_db_commit(s->db);

	if (st) {
		cli_error("%s", naqib_last_error());
		set_fatal(s->x, st);
	} else {
		s->done_added = s->st.added;
		s->done_replaced = s->st.replaced;
	}
	s->pending = 0;
	return st;
}

/* Where to cut the text s (of length len > max) to at most max bytes: after
 * the last space or line break, else at the last whole character. */
static size_t cut_point(const char *s, size_t max)
{
	for (size_t i = max; i > 0 && max - i < 4096; i--)
		if (s[i] == ' ' || s[i] == '\n' || s[i] == '\t')
			return i;
	size_t i = max;
	while (i > 0 && ((unsigned char)s[i] & 0xC0) == 0x80)
		i--;
	return i;
}

/* A copy of the first bytes of text, cut by cut_point() when it is longer
 * than max; NULL when it is not (or on no memory: *err is set). */
static char *cut_text(const char *text, size_t max, int *err)
{
	size_t len = text ? strlen(text) : 0;

	*err = 0;
	if (len <= max)
		return NULL;
	char *c = strndup(text, cut_point(text, max));
	if (!c)
		*err = NAQIB_E_NOMEM;
	return c;
}

/* Analyses a document and writes it to shard s, replacing any document with
 * its id.  A document that cannot be indexed is skipped with a message
 * naming file and line (f counts it in a sharded run); a database error
 * stops the run. */
static int index_doc(shard_t *s, naqib_record_t rec, const char *file,
		     size_t line, file_rec_t *f)
{
	indexer_t *x = s->x;
	naqib_doc_t *doc = NULL;
	int replaced = 0, st, err1, err2;

	/* A title is a line, a text at most --max-doc-size: the rest is
	 * left out, with a warning for the text. */
	char *title = cut_text(rec.title, TITLE_MAX, &err1);
	char *body = cut_text(rec.body, x->max_doc, &err2);
	if (err1 || err2) {
		free(title);
		free(body);
		cli_error("out of memory");
		set_fatal(x, NAQIB_E_NOMEM);
		return NAQIB_E_NOMEM;
	}
	if (title)
		rec.title = title;
	if (body) {
		cli_error("%s:%zu: warning: the text of '%s' is longer than "
			  "--max-doc-size (%u bytes): only its first %zu bytes "
			  "are indexed", file, line, rec.id, x->max_doc,
			  strlen(body));
		rec.body = body;
		s->st.truncated++;
	}
	naqib_doc_options_t o;
	naqib_doc_options_init(&o);
	o.lead_words = x->lead_words;
	if (!(st = naqib_doc_from_record(s->an, &rec, &o, &doc)))
		st = naqib_db_replace(s->db, rec.id, doc, &replaced);
	naqib_doc_destroy(doc);
	free(title);
	free(body);
	if (st == NAQIB_E_INVALID || st == NAQIB_E_UTF8) {
		/* This document only: say which and go on. */
		cli_error("%s:%zu: %s; document skipped", file, line,
			  naqib_last_error());
		s->st.failed++;
		file_failed(x, f);
		return NAQIB_OK;
	}
	if (st) {
		cli_error("%s", naqib_last_error());
		set_fatal(x, st);
		return st;
	}
	if (replaced)
		s->st.replaced++;
	else
		s->st.added++;
	if (++s->pending >= x->batch)
		st = commit(s);
	return st;
}

/* The shard of a document: a stable hash of its id (FNV-1a), so that the
 * same id always goes to the same shard. */
static shard_t *shard_of(indexer_t *x, const char *id)
{
	return &x->shards[_naqib_hash(id, strlen(id)) % (unsigned long long)x->n_shards];
}

/* A shard's writer thread: indexes the documents of its queue until the
 * reader closes it, then commits. */
static void *writer(void *arg)
{
	shard_t *s = arg;
	indexer_t *x = s->x;

	for (;;) {
		pthread_mutex_lock(&x->mu);
		while (!s->count && !x->closing && !x->fatal)
			pthread_cond_wait(&x->changed, &x->mu);
		if (!s->count || x->fatal) {
			pthread_mutex_unlock(&x->mu);
			break;
		}
		job_t j = s->q[s->head];
		s->head = (s->head + 1) % QUEUE_CAP;
		s->count--;
		s->bytes -= j.len;
		pthread_cond_broadcast(&x->changed);
		pthread_mutex_unlock(&x->mu);

		naqib_record_t rec;
		if (!interrupted &&
		    naqib_record_decode(j.data, j.len, &rec) == NAQIB_OK)
			index_doc(s, rec, j.file->name, j.line, j.file);
		free(j.data);
	}
	/* Drop what an error or a signal left in the queue. */
	pthread_mutex_lock(&x->mu);
	for (; s->count; s->count--, s->head = (s->head + 1) % QUEUE_CAP)
		free(s->q[s->head].data);
	pthread_cond_broadcast(&x->changed);
	pthread_mutex_unlock(&x->mu);
	if (!x->fatal)
		commit(s);
	return NULL;
}

static void on_bad(size_t line, const char *message, void *ctx);

/* Hands a document to its shard's writer, waiting while the queue is
 * full. */
static int dispatch(indexer_t *x, const fmt_doc_t *d)
{
	char *data;
	size_t len;
	int st;

	if ((st = naqib_record_encode(&d->rec, &data, &len))) {
		on_bad(d->line, naqib_last_error(), x);	/* on_bad adds the base */
		return NAQIB_OK;
	}
	shard_t *s = shard_of(x, d->rec.id);
	pthread_mutex_lock(&x->mu);
	while ((s->count == QUEUE_CAP ||
		(s->count && s->bytes + len > QUEUE_BYTES)) &&
	       !x->fatal)
		pthread_cond_wait(&x->changed, &x->mu);
	if (x->fatal) {
		st = x->fatal;
		pthread_mutex_unlock(&x->mu);
		free(data);
		return st;
	}
	s->q[(s->head + s->count) % QUEUE_CAP] =
		(job_t){ data, len, x->frec, x->line_base + d->line };
	s->count++;
	s->bytes += len;
	pthread_cond_broadcast(&x->changed);
	pthread_mutex_unlock(&x->mu);
	return NAQIB_OK;
}

static int on_doc(const fmt_doc_t *d, void *ctx)
{
	indexer_t *x = ctx;
	int st;

	if (interrupted)
		return NAQIB_E_IO;
	if (x->fatal)
		return x->fatal;
	x->in_file++;
	x->read++;
	/* The share of the block done, by lines. */
	size_t l = d->line < x->blk_lines ? d->line : x->blk_lines;
	x->file_done = x->blk_start + x->blk_len * l / x->blk_lines;
	if (x->sharded)
		st = dispatch(x, d);
	else
		st = index_doc(&x->shards[0], d->rec, x->file,
			       x->line_base + d->line, NULL);
	show_progress(x, 0);
	return st;
}

static void on_bad(size_t line, const char *message, void *ctx)
{
	indexer_t *x = ctx;

	if (line)
		cli_error("%s:%zu: %s", x->file, x->line_base + line, message);
	else
		cli_error("%s: %s", x->file, message);
	x->st.failed++;
	file_failed(x, x->frec);
}

/* The id of a text file: its path relative to --root when it is under it,
 * else its absolute path, so that the same file gets the same id whatever
 * path named it. */
static int file_id(indexer_t *x, const char *path, char *out, size_t cap)
{
	char real[PATH_MAX];

	if (!strcmp(path, "-")) {
		snprintf(out, cap, "stdin");
		return 0;
	}
	if (!realpath(path, real))
		return errno;
	size_t rl = strlen(x->root);
	if (!strncmp(real, x->root, rl) && real[rl] == '/')
		snprintf(out, cap, "%s", real + rl + 1);
	else if (!strcmp(x->root, "/"))
		snprintf(out, cap, "%s", real + 1);
	else
		snprintf(out, cap, "%s", real);
	return 0;
}

/* What a file was like when it was indexed, to skip it when unchanged. */
static void signature(const struct stat *sb, unsigned long docs, char *out,
		      size_t cap)
{
	snprintf(out, cap, "%lld %lld.%09ld %lu", (long long)sb->st_size,
		 (long long)sb->st_mtim.tv_sec, (long)sb->st_mtim.tv_nsec, docs);
}

static void file_key(const char *id, char *out, size_t cap)
{
	static const char prefix[] = "naqib.file:";
	size_t n = strlen(id);

	/* Xapian keys are short: long paths are hashed (FNV-1a). */
	if (n < 180 && sizeof prefix + n <= cap) {
		memcpy(out, prefix, sizeof prefix - 1);
		memcpy(out + sizeof prefix - 1, id, n + 1);
		return;
	}
	snprintf(out, cap, "naqib.file#%016llx",
		 (unsigned long long)_naqib_hash(id, strlen(id)));
}

/* Where the last whole document of buf[0..n) ends: after its last line
 * break (JSON Lines) or its last </DOC> (TREC); 0 when there is none. */
static size_t last_cut(fmt_kind_t kind, const char *buf, size_t n)
{
	if (kind == FMT_JSONL) {
		const char *p = memrchr(buf, '\n', n);
		return p ? (size_t)(p - buf) + 1 : 0;
	}
	if (kind == FMT_TREC)
		for (size_t i = n; i >= 6; i--)
			if (!memcmp(buf + i - 6, "</DOC>", 6))
				return i;
	return 0;
}

/* Reads the file open on fd and hands its documents to the callbacks, a
 * block of whole documents at a time: a plain text file is one document,
 * read whole.  *bytes counts what was read; a read error is left in *err. */
static int read_blocks(indexer_t *x, int fd, fmt_kind_t kind, const char *id,
		       const fmt_callbacks_t *cb, size_t *bytes, int *err)
{
	size_t cap = x->read_block, n = 0;
	char *buf = malloc(cap + 1);
	int eof = 0, st = NAQIB_OK, blocks = 0;

	*err = 0;
	x->line_base = 0;
	if (!buf) {
		*err = ENOMEM;
		return NAQIB_OK;
	}
	while (!st) {
		while (!eof && n < cap) {
			ssize_t r = read(fd, buf + n, cap - n);
			if (r < 0 && errno == EINTR)
				continue;
			if (r < 0) {
				*err = errno;
				goto out;
			}
			if (r == 0)
				eof = 1;
			n += (size_t)r;
			*bytes += (size_t)r;
		}
		if (kind == FMT_AUTO)
			kind = fmt_sniff(buf, n);
		if (kind == FMT_TXT && !eof && n > x->max_doc) {
			/* A text file is one document: what is beyond
			 * --max-doc-size is not even read. */
			n = cut_point(buf, x->max_doc);
			eof = 1;
			cli_error("%s: warning: longer than --max-doc-size (%u "
				  "bytes): only its first %zu bytes are indexed",
				  x->file, x->max_doc, n);
			x->st.truncated++;
		}
		size_t cut = eof ? n : last_cut(kind, buf, n);
		if (!cut && !eof) {
			/* A document longer than the block: read on. */
			char *b = realloc(buf, cap * 2 + 1);
			if (!b) {
				*err = ENOMEM;
				goto out;
			}
			buf = b;
			cap *= 2;
			continue;
		}
		if (!cut && blocks)
			break;
		/* Lines before the next block: counted now, as the readers
		 * write NULs over some line breaks. */
		size_t lines = 0;
		for (const char *p = buf; (p = memchr(p, '\n', cut - (size_t)(p - buf)));
		     p++)
			lines++;
		char keep = buf[cut];
		buf[cut] = '\0';
		x->blk_start = *bytes - n;
		x->blk_len = cut;
		x->blk_lines = lines ? lines : 1;
		st = fmt_read(kind, id, buf, cut, cb);
		x->file_done = x->blk_start + cut;
		buf[cut] = keep;
		blocks++;
		x->line_base += lines;
		memmove(buf, buf + cut, n - cut);
		n -= cut;
		if (eof && !n)
			break;
	}
out:
	free(buf);
	x->line_base = 0;
	return st;
}

static int on_file(const char *path, void *ctx)
{
	indexer_t *x = ctx;
	char id[PATH_MAX + 16], key[256], sig[128];
	char *old = NULL;
	size_t len;
	struct stat sb;
	int err, st;

	if (interrupted)
		return NAQIB_E_IO;
	x->file = path;
	if ((err = file_id(x, path, id, sizeof id))) {
		cli_error("cannot open '%s': %s", path, strerror(err));
		x->st.failed++;
		return 0;
	}
	int is_stdin = !strcmp(path, "-");
	int known = !is_stdin && stat(path, &sb) == 0;
	if (known) {
		file_key(id, key, sizeof key);
		naqib_db_t *marks = x->sharded ? x->marks : x->shards[0].db;
		if (!x->force && !naqib_db_get_metadata(marks, key, &old) &&
		    *old) {
			const char *sp = strrchr(old, ' ');
			unsigned long docs = sp ? strtoul(sp + 1, NULL, 10) : 0;
			signature(&sb, docs, sig, sizeof sig);
			if (!strcmp(old, sig)) {
				x->st.unchanged += docs;
				x->skipped_bytes += (unsigned long long)sb.st_size;
				free(old);
				return 0;
			}
		}
		free(old);
	}
	int fd = is_stdin ? 0 : open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0) {
		cli_error("cannot read '%s': %s", path, strerror(errno));
		x->st.failed++;
		return 0;
	}
	int kind = x->format;
	if (kind == FMT_AUTO && !is_stdin)
		kind = fmt_from_name(path);
	if (kind < 0)
		kind = FMT_AUTO;
	if (x->sharded) {
		file_rec_t *f = calloc(1, sizeof *f);
		if (!f || !(f->name = strdup(path))) {
			free(f);
			if (!is_stdin)
				close(fd);
			cli_error("out of memory");
			set_fatal(x, NAQIB_E_NOMEM);
			return NAQIB_E_NOMEM;
		}
		f->next = x->files;
		x->files = x->frec = f;
	}
	fmt_callbacks_t cb = { on_doc, on_bad, x };
	unsigned long failed_before = x->st.failed;
	x->in_file = 0;
	len = 0;
	st = read_blocks(x, fd, (fmt_kind_t)kind, id, &cb, &len, &err);
	if (!is_stdin)
		close(fd);
	x->st.bytes += len;
	x->file_done = 0;
	if (st)
		return st;
	if (err) {
		cli_error("cannot read '%s': %s", path, strerror(err));
		x->st.failed++;
		file_failed(x, x->frec);
		return 0;
	}
	if (x->in_file == 0 && x->st.failed == failed_before) {
		cli_error("%s: empty, nothing to index", path);
	}
	if (known && x->st.failed == failed_before) {
		/* Only a file read without a failure is marked done: one with
		 * bad documents is read again next time.  In a sharded run the
		 * writers may still skip one: the mark waits for them. */
		signature(&sb, x->in_file, sig, sizeof sig);
		if (x->sharded) {
			memcpy(x->frec->key, key, sizeof key);
			memcpy(x->frec->sig, sig, sizeof sig);
		} else if ((st = naqib_db_set_metadata(x->shards[0].db, key,
						       sig))) {
			cli_error("%s", naqib_last_error());
			set_fatal(x, st);
		}
	}
	return st;
}

/* The end of a sharded run, once the writers are done: marks the files
 * whose every document went in (in the first shard, which keeps the marks),
 * and commits. */
static void record_files(indexer_t *x)
{
	shard_t *s = &x->shards[0];
	int st = NAQIB_OK;

	for (file_rec_t *f = x->files; f && !x->fatal && !st; f = f->next)
		if (f->sig[0] && !f->failed &&
		    (st = naqib_db_set_metadata(s->db, f->key, f->sig))) {
			cli_error("%s", naqib_last_error());
			set_fatal(x, st);
		}
	if (!x->fatal)
		commit(s);
}

/* The progress line's walk: each file's size; standard input makes the
 * total unknown. */
#define UNKNOWN (~0ULL)
static int add_size(const char *path, void *ctx)
{
	indexer_t *x = ctx;
	struct stat sb;

	if (!strcmp(path, "-")) {
		x->total_bytes = UNKNOWN;
		return 1;
	}
	if (stat(path, &sb) == 0)
		x->total_bytes += (unsigned long long)sb.st_size;
	return 0;
}

static void ignore_error(const char *path, int err, void *ctx)
{
	(void)path, (void)err, (void)ctx;
}

static void on_walk_error(const char *path, int err, void *ctx)
{
	indexer_t *x = ctx;

	cli_error("cannot open '%s': %s", path, strerror(err));
	x->st.failed++;
}

/* Whether path is a directory with files in it but no Xapian database:
 * Xapian would create its files among them, so we refuse. */
static int foreign_directory(const char *path)
{
	static const char *const marks[] = { "iamglass", "iamchert",
					     "iamhoney", "iamflint",
					     STUB_NAME };
	struct stat sb;
	DIR *d;
	struct dirent *e;
	int entries = 0;

	if (stat(path, &sb) != 0 || !S_ISDIR(sb.st_mode) || !(d = opendir(path)))
		return 0;
	while ((e = readdir(d)) != NULL) {
		if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
			continue;
		entries++;
		for (size_t i = 0; i < sizeof marks / sizeof *marks; i++)
			if (!strcmp(e->d_name, marks[i])) {
				closedir(d);
				return 0;
			}
	}
	closedir(d);
	return entries > 0;
}

/* The built-in thesaurus and the --thesaurus files, for analyser an. */
static int load_thesaurus(indexer_t *x, naqib_analyzer_t *an,
			  naqib_thesaurus_t **out)
{
	naqib_thesaurus_t *th = NULL;
	const char *text;
	size_t len;
	int st;

	*out = NULL;
	text = naqib_thesaurus_builtin(&len);
	if ((st = naqib_thesaurus_new(an, &th)) ||
	    (st = naqib_thesaurus_load(th, text, len, "built-in"))) {
		cli_error("%s", naqib_last_error());
		naqib_thesaurus_destroy(th);
		return EXIT_INTERNAL;
	}
	for (size_t i = 0; i < x->n_thesauri; i++) {
		char *data;
		int err = cli_read_file(x->thesauri[i], &data, &len);
		if (err) {
			cli_error("--thesaurus: cannot read '%s': %s",
				  x->thesauri[i], strerror(err));
			naqib_thesaurus_destroy(th);
			return EXIT_USAGE;
		}
		st = naqib_thesaurus_load(th, data, len, x->thesauri[i]);
		free(data);
		if (st) {
			cli_error("%s", naqib_last_error());
			naqib_thesaurus_destroy(th);
			return EXIT_USAGE;
		}
	}
	*out = th;
	return EXIT_OK;
}

/* Gives the new analyser x->an its thesaurus.  An existing database keeps
 * the one it was indexed with, unless --force re-reads the files with a
 * different one. */
static int use_thesaurus(indexer_t *x, shard_t *s, int existing)
{
	naqib_thesaurus_t *th;
	char *have = NULL;
	int status = load_thesaurus(x, s->an, &th), st;

	if (status != EXIT_OK)
		return status;
	if (!existing) {
		naqib_analyzer_set_thesaurus(s->an, th);
		return EXIT_OK;
	}
	if ((st = naqib_db_thesaurus_text(s->db, &have))) {
		cli_error("%s", naqib_last_error());
		naqib_thesaurus_destroy(th);
		return cli_exit_for(st);
	}
	size_t len;
	const char *text = naqib_thesaurus_text(th, &len);
	if (strlen(have) == len && memcmp(have, text, len) == 0) {
		naqib_analyzer_set_thesaurus(s->an, th);
	} else if (!x->force) {
		/* Keep the database's own, loaded with its analyser. */
		naqib_thesaurus_destroy(th);
		if (x->n_thesauri) {
			cli_error("database '%s' was indexed with another "
				  "thesaurus: add --force to index every file "
				  "given again with this one",
				  x->db_path);
			free(have);
			return EXIT_USAGE;
		}
	} else if ((st = naqib_db_set_thesaurus(s->db, th))) {
		cli_error("%s", naqib_last_error());
		naqib_thesaurus_destroy(th);
		free(have);
		return cli_exit_for(st);
	} else {
		naqib_analyzer_set_thesaurus(s->an, th);
	}
	free(have);
	return EXIT_OK;
}

/* Opens (creating it if new) the database of shard s. */
static int open_shard(indexer_t *x, shard_t *s, const char *stemmer,
		      const char *latin)
{
	char *have = NULL;
	int st;

	s->x = x;
	st = naqib_db_open(s->path, NAQIB_DB_WRITE, &s->db);

	if (st) {
		cli_error("%s", naqib_last_error());
		return cli_exit_for(st);
	}
	if ((st = naqib_db_get_metadata(s->db, "naqib.stemmer", &have)))
		goto fail;
	if (*have) {
		/* An existing database: its settings, and the options, if
		 * given, must agree. */
		if ((st = naqib_db_analyzer_new(s->db, &s->an)))
			goto fail;
		if ((stemmer &&
		     strcmp(stemmer, naqib_analyzer_stemmer(s->an))) ||
		    (latin && strcmp(latin, naqib_analyzer_latin_stemmer(s->an)))) {
			cli_error("database '%s' was indexed with --stemmer=%s "
				  "--latin-stemmer=%s; use the same, or a new "
				  "database",
				  x->db_path, naqib_analyzer_stemmer(s->an),
				  naqib_analyzer_latin_stemmer(s->an));
			free(have);
			return EXIT_USAGE;
		}
	} else {
		naqib_analyzer_options_t o = { stemmer, latin };
		if ((st = naqib_analyzer_new(&o, &s->an))) {
			cli_error("%s", naqib_last_error());
			free(have);
			return EXIT_USAGE;
		}
	}
	int status = use_thesaurus(x, s, *have != '\0');
	free(have);
	have = NULL;
	if (status != EXIT_OK)
		return status;
	if ((st = naqib_db_check_analyzer(s->db, s->an, 1)))
		goto fail;
	return EXIT_OK;
fail:
	free(have);
	cli_error("%s", naqib_last_error());
	return cli_exit_for(st);
}

/* Whether directory dir holds an entry called name. */
static int has_entry(const char *dir, const char *name)
{
	char path[PATH_MAX];
	struct stat sb;

	return snprintf(path, sizeof path, "%s/%s", dir, name) <
		       (int)sizeof path &&
	       stat(path, &sb) == 0;
}

/* Reads the stub of a sharded database into *n, 0 when dir has none.
 * Returns 0, an errno, or -1 for a stub naqib did not write (one line
 * "auto shardK" per shard, in order). */
static int read_stub(const char *dir, int *n)
{
	char path[PATH_MAX], line[256], want[64];
	FILE *f;

	*n = 0;
	snprintf(path, sizeof path, "%s/" STUB_NAME, dir);
	if (!(f = fopen(path, "r")))
		return errno == ENOENT || errno == ENOTDIR ? 0 : errno;
	while (fgets(line, sizeof line, f)) {
		snprintf(want, sizeof want, "auto " SHARD_NAME "\n", *n);
		if (strcmp(line, want) || *n == MAX_SHARDS) {
			fclose(f);
			return -1;
		}
		(*n)++;
	}
	fclose(f);
	return *n ? 0 : -1;
}

/* Writes the stub of a sharded database, whole or not at all. */
static int write_stub(const char *dir, int n)
{
	char path[PATH_MAX], tmp[PATH_MAX + 8];
	FILE *f;
	int err = 0;

	snprintf(path, sizeof path, "%s/" STUB_NAME, dir);
	snprintf(tmp, sizeof tmp, "%s.new", path);
	if (!(f = fopen(tmp, "w")))
		return errno;
	for (int i = 0; i < n; i++)
		fprintf(f, "auto " SHARD_NAME "\n", i);
	if (fflush(f) || fsync(fileno(f)))
		err = errno;
	if (fclose(f) && !err)
		err = errno;
	if (!err && rename(tmp, path))
		err = errno;
	if (err)
		unlink(tmp);
	return err;
}

/* Opens the database at x->db_path: one database, or the shards of a
 * sharded one.  want is --shards (0: not given): a new database gets that
 * many shards; an existing one keeps what it has. */
static int open_db(indexer_t *x, const char *stemmer, const char *latin,
		   unsigned want)
{
	int n, err, status;

	if ((err = read_stub(x->db_path, &n))) {
		if (err < 0)
			cli_error("'%s/" STUB_NAME "' is not a stub file that "
				  "naqib-index wrote",
				  x->db_path);
		else
			cli_error("cannot read '%s/" STUB_NAME "': %s",
				  x->db_path, strerror(err));
		return EXIT_DB;
	}
	int single = !n && has_entry(x->db_path, "iamglass");
	if (!n && !single && foreign_directory(x->db_path)) {
		cli_error("'%s' is a directory of other files, not a database: "
			  "give a new or a database directory with --db",
			  x->db_path);
		return EXIT_USAGE;
	}
	if (want && n && (unsigned)n != want) {
		cli_error("database '%s' has %d shards, not %u: leave out "
			  "--shards to add to it",
			  x->db_path, n, want);
		return EXIT_USAGE;
	}
	if (want > 1 && single) {
		cli_error("database '%s' is not sharded: --shards makes a new "
			  "database",
			  x->db_path);
		return EXIT_USAGE;
	}
	int create = !n && want > 1;
	if (create) {
		if (mkdir(x->db_path, 0777) && errno != EEXIST) {
			cli_error("cannot create '%s': %s", x->db_path,
				  strerror(errno));
			return EXIT_DB;
		}
		n = (int)want;
	}
	x->sharded = n > 0;
	x->n_shards = n ? n : 1;
	if (!(x->shards = calloc((size_t)x->n_shards, sizeof *x->shards))) {
		cli_error("out of memory");
		return EXIT_INTERNAL;
	}
	for (int i = 0; i < x->n_shards; i++) {
		shard_t *s = &x->shards[i];
		if (x->sharded)
			snprintf(s->path, sizeof s->path, "%s/" SHARD_NAME,
				 x->db_path, i);
		else
			snprintf(s->path, sizeof s->path, "%s", x->db_path);
		if ((status = open_shard(x, s, stemmer, latin)) != EXIT_OK)
			return status;
		/* The stub names the shards once they are databases. */
		if (create && commit(s))
			return cli_exit_for(x->fatal);
	}
	if (create && (err = write_stub(x->db_path, n))) {
		cli_error("cannot write '%s/" STUB_NAME "': %s", x->db_path,
			  strerror(err));
		return EXIT_DB;
	}
	if (x->sharded &&
	    (err = naqib_db_open(x->shards[0].path, NAQIB_DB_READ, &x->marks))) {
		cli_error("%s", naqib_last_error());
		return cli_exit_for(err);
	}
	return EXIT_OK;
}

static void close_db(indexer_t *x)
{
	for (int i = 0; x->shards && i < x->n_shards; i++) {
		naqib_analyzer_destroy(x->shards[i].an);
		naqib_db_close(x->shards[i].db);
	}
	free(x->shards);
	x->shards = NULL;
	naqib_db_close(x->marks);
	x->marks = NULL;
	while (x->files) {
		file_rec_t *f = x->files;
		x->files = f->next;
		free(f->name);
		free(f);
	}
}

/* Forgets that the file a document came from was indexed, so that the next
 * run reads it again (and the document comes back if the file is still
 * there): the index follows the files. */
static void forget_file_of(indexer_t *x, const char *id)
{
	char *data = NULL, key[256];
	size_t len;
	naqib_record_t rec;

	if (naqib_db_get_data(shard_of(x, id)->db, id, &data, &len) ==
		    NAQIB_OK &&
	    naqib_record_decode(data, len, &rec) == NAQIB_OK && *rec.path) {
		/* JSON Lines paths end in :LINE. */
		char *path = strdup(rec.path);
		char *colon = path ? strrchr(path, ':') : NULL;
		if (colon && colon[1] && strspn(colon + 1, "0123456789") ==
						 strlen(colon + 1))
			*colon = '\0';
		if (path) {
			file_key(path, key, sizeof key);
			naqib_db_set_metadata(x->shards[0].db, key, "");
		}
		free(path);
	}
	free(data);
}

static int delete_ids(indexer_t *x, char **ids, int n)
{
	int status = EXIT_OK;
	unsigned long deleted = 0;

	for (int i = 0; i < n; i++) {
		forget_file_of(x, ids[i]);
		int found, st = naqib_db_delete(shard_of(x, ids[i])->db,
						ids[i], &found);
		if (st) {
			cli_error("%s", naqib_last_error());
			return cli_exit_for(st);
		}
		if (!found) {
			cli_error("no document with id '%s'", ids[i]);
			status = EXIT_INPUT;
		}
		deleted += (unsigned long)found;
	}
	for (int i = 0; i < x->n_shards; i++)
		if (commit(&x->shards[i]))
			return cli_exit_for(x->fatal);
	if (!x->quiet)
		fprintf(stderr, "naqib-index: %lu document%s deleted\n", deleted,
			deleted == 1 ? "" : "s");
	return status;
}

/* --compact: writes the database at from (one database or the shards of
 * one) as one compact database at to, which must not exist. */
static int compact(const char *from, const char *to, int quiet)
{
	struct stat sb;
	double t0 = cli_now();

	if (stat(to, &sb) == 0) {
		cli_error("--compact: '%s' exists: give a new path", to);
		return EXIT_USAGE;
	}
	int st = naqib_db_compact(from, to);
	if (st) {
		cli_error("%s", naqib_last_error());
		return cli_exit_for(st);
	}
	if (!quiet)
		fprintf(stderr, "naqib-index: '%s' compacted into '%s' in %.1f s\n",
			from, to, cli_now() - t0);
	return EXIT_OK;
}

int main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "db", required_argument, NULL, 'd' },
		{ "format", required_argument, NULL, 'f' },
		{ "root", required_argument, NULL, 'R' },
		{ "stemmer", required_argument, NULL, 's' },
		{ "latin-stemmer", required_argument, NULL, 'L' },
		{ "force", no_argument, NULL, 'F' },
		{ "batch", required_argument, NULL, 'b' },
		{ "lead-words", required_argument, NULL, 'l' },
		{ "thesaurus", required_argument, NULL, 'T' },
		{ "delete", no_argument, NULL, 'D' },
		{ "shards", required_argument, NULL, 'S' },
		{ "read-block", required_argument, NULL, 'B' },
		{ "max-doc-size", required_argument, NULL, 'M' },
		{ "compact", required_argument, NULL, 'C' },
		{ "quiet", no_argument, NULL, 'q' },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 },
	};
	indexer_t x;
	const char *db_opt = NULL, *root = ".", *stemmer = NULL, *latin = NULL;
	const char *compact_to = NULL;
	unsigned shards = 0;
	int del = 0, c, status;

	cli_prog = "naqib-index";
	memset(&x, 0, sizeof x);
	x.batch = DEFAULT_BATCH;
	x.read_block = DEFAULT_READ_BLOCK;
	x.max_doc = DEFAULT_MAX_DOC;
	x.lead_words = NAQIB_DEFAULT_LEAD_WORDS;
	while ((c = getopt_long(argc, argv, ":d:f:s:qh", longopts, NULL)) != -1) {
		switch (c) {
		case 'd':
			db_opt = optarg;
			break;
		case 'f':
			if ((int)(x.format = fmt_from_string(optarg)) < 0) {
				cli_error("--format: unknown format '%s' (auto, "
					  "txt, jsonl, trec)", optarg);
				return EXIT_USAGE;
			}
			break;
		case 'R':
			root = optarg;
			break;
		case 's':
			stemmer = optarg;
			break;
		case 'L':
			latin = optarg;
			break;
		case 'F':
			x.force = 1;
			break;
		case 'b':
			if (cli_parse_uint("--batch", optarg, 1, 10000000,
					   &x.batch))
				return EXIT_USAGE;
			break;
		case 'l':
			if (cli_parse_uint("--lead-words", optarg, 0, 100000,
					   &x.lead_words))
				return EXIT_USAGE;
			break;
		case 'T':
			if (NAQIB_GROW(x.thesauri, x.cap_thesauri,
				       x.n_thesauri + 1)) {
				cli_error("out of memory");
				return EXIT_INTERNAL;
			}
			x.thesauri[x.n_thesauri++] = optarg;
			break;
		case 'D':
			del = 1;
			break;
		case 'S':
			if (cli_parse_uint("--shards", optarg, 1, MAX_SHARDS,
					   &shards))
				return EXIT_USAGE;
			break;
		case 'C':
			compact_to = optarg;
			break;
		case 'B':
			if (cli_parse_size("--read-block", optarg, 1024,
					   1u << 30, &x.read_block))
				return EXIT_USAGE;
			break;
		case 'M':
			if (cli_parse_size("--max-doc-size", optarg, 1024,
					   1u << 30, &x.max_doc))
				return EXIT_USAGE;
			break;
		case 'q':
			x.quiet = 1;
			break;
		case 'h':
			usage(stdout);
			return EXIT_OK;
		case 'V':
			printf("naqib-index %s\n", NAQIB_VERSION);
			return EXIT_OK;
		default:
			return cli_bad_option(argv, c);
		}
	}
	if (compact_to) {
		if (optind < argc || del || shards) {
			cli_error("--compact takes no paths, ids or --shards");
			return EXIT_USAGE;
		}
		return compact(cli_db_path(db_opt), compact_to, x.quiet);
	}
	if (optind == argc) {
		cli_error("no %s given (see --help)", del ? "ids" : "paths");
		return EXIT_USAGE;
	}
	if (!realpath(root, x.root)) {
		cli_error("--root: cannot use '%s': %s", root, strerror(errno));
		return EXIT_USAGE;
	}
	/* Check the names before a database is made for them. */
	if (cli_check_stemmers(stemmer, latin))
		return EXIT_USAGE;
	x.db_path = cli_db_path(db_opt);
	pthread_mutex_init(&x.mu, NULL);
	pthread_cond_init(&x.changed, NULL);
	if ((status = open_db(&x, stemmer, latin, shards)) != EXIT_OK || del) {
		if (status == EXIT_OK)
			status = delete_ids(&x, argv + optind, argc - optind);
		close_db(&x);
		free(x.thesauri);
		return status;
	}

	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_signal;
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	x.progress = !x.quiet && isatty(2);
	if (x.progress) {
		/* The size of the job, for the progress line: a walk that only
		 * adds up sizes (the real one reports what cannot be read). */
		walk_callbacks_t scb = { add_size, ignore_error, &x };
		for (int i = optind; i < argc && x.total_bytes != UNKNOWN; i++)
			walk_path(argv[i], &scb);
		if (x.total_bytes == UNKNOWN)
			x.total_bytes = 0;
	}
	x.started = cli_now();
	for (int i = 0; x.sharded && i < x.n_shards; i++) {
		shard_t *s = &x.shards[i];
		if ((errno = pthread_create(&s->thread, NULL, writer, s))) {
			cli_error("cannot start a writer thread: %s",
				  strerror(errno));
			set_fatal(&x, NAQIB_E_NOMEM);
			break;
		}
		s->running = 1;
	}
	walk_callbacks_t wcb = { on_file, on_walk_error, &x };
	for (int i = optind; i < argc && !x.fatal && !interrupted; i++)
		walk_path(argv[i], &wcb);
	if (x.sharded) {
		pthread_mutex_lock(&x.mu);
		x.closing = 1;
		pthread_cond_broadcast(&x.changed);
		pthread_mutex_unlock(&x.mu);
		for (int i = 0; i < x.n_shards; i++)
			if (x.shards[i].running)
				pthread_join(x.shards[i].thread, NULL);
		record_files(&x);
	} else if (!x.fatal) {
		commit(&x.shards[0]);
	}
	show_progress(&x, 1);

	/* Documents count once committed: after a database error, those of
	 * the batch that failed are not in the database. */
	stats_t sum = x.st;
	unsigned long lost = 0;
	for (int i = 0; i < x.n_shards; i++) {
		sum.added += x.shards[i].done_added;
		sum.replaced += x.shards[i].done_replaced;
		lost += x.shards[i].st.added + x.shards[i].st.replaced -
			x.shards[i].done_added - x.shards[i].done_replaced;
		sum.failed += x.shards[i].st.failed;
		sum.truncated += x.shards[i].st.truncated;
	}
	double secs = cli_now() - x.started;
	if (!x.quiet) {
		double mb = (double)sum.bytes / 1e6;
		unsigned long docs = sum.added + sum.replaced;
		fprintf(stderr,
			"naqib-index: %lu added, %lu replaced, %lu unchanged "
			"(skipped), %lu failed; %.1f MB in %.1f s (%.2f MB/s, "
			"%.0f documents/s)\n",
			sum.added, sum.replaced, sum.unchanged, sum.failed,
			mb, secs, secs > 0 ? mb / secs : 0.0,
			secs > 0 ? (double)docs / secs : 0.0);
	}
	if (!x.quiet && sum.truncated)
		cli_error("%lu document%s cut at --max-doc-size (%u bytes)",
			  sum.truncated, sum.truncated == 1 ? "" : "s",
			  x.max_doc);
	close_db(&x);
	free(x.thesauri);
	if (x.fatal) {
		if (lost)
			cli_error("stopped: what was read after the last "
				  "commit is not in the database; run the same "
				  "command again once the cause is fixed");
		return cli_exit_for(x.fatal);
	}
	if (interrupted) {
		cli_error("interrupted; what was read so far is committed");
		return 128 + interrupted;
	}
	return sum.failed ? EXIT_INPUT : EXIT_OK;
}
