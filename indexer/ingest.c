/* Reading files and writing their documents (indexer.h). */
#include <ctype.h>
#include <errno.h>
#include <jansson.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"
#include "indexer.h"
#include "util/util.h"

volatile sig_atomic_t ingest_interrupted;

int ingest_stop(void *ctx)
{
	(void)ctx;
	return ingest_interrupted != 0;
}

static void on_bad(size_t line, const char *message, void *ctx);

void ingest_progress(indexer_t *x, int final)
{
	double now = cli_now();

	if (!x->progress || (!final && now - x->last_progress < 0.2))
		return;
	x->last_progress = now;
	double mb = (double)(x->st.bytes + x->file_done) / 1e6;
	double secs = now - x->started;
	double rate = secs > 0 ? mb / secs : 0.0;
	/* Done: what was read, and what there is no need to read: the
	 * files skipped as unchanged and the rest of the texts cut at
	 * --max-doc-size. */
	double done = mb + (double)(x->skipped_bytes + x->st.unread) / 1e6;
	double total = (double)x->total_bytes / 1e6;
	fprintf(stderr, "\r\033[Knaqib-index: %lu documents, ",
		x->read + x->st.unchanged);
	if (total >= done && total > 0) {
		fprintf(stderr, "%.1f of %.1f MB (%.0f%%), %.1f MB/s", done, total,
			100 * done / total, rate);
		/* The time left once it means something (cli_eta()). */
		double eta = cli_eta(&x->eta, secs, mb, total - done, total);
		if (eta >= 0 && !final) {
			unsigned long left = (unsigned long)(eta + 0.5);
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
void ingest_fatal(indexer_t *x, int st)
{
	pthread_mutex_lock(&x->mu);
	if (!x->fatal)
		x->fatal = st;
	pthread_cond_broadcast(&x->changed);
	pthread_mutex_unlock(&x->mu);
}

int ingest_commit(shard_t *s)
{
	int st = naqib_db_commit(s->db);

	if (st) {
		cli_error("%s", naqib_last_error());
		ingest_fatal(s->x, st);
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
		ingest_fatal(x, NAQIB_E_NOMEM);
		return NAQIB_E_NOMEM;
	}
	if (title)
		rec.title = title;
	if (body) {
		size_t kept = strlen(body);
		cli_error("%s:%zu: warning: the text of '%s' is longer than "
			  "--max-doc-size (%u bytes): only its first %zu bytes "
			  "are indexed", file, line, rec.id, x->max_doc, kept);
		s->st.left_out += strlen(rec.body) - kept;
		rec.body = body;
		s->st.truncated++;
	}
	naqib_doc_options_t o;
	naqib_doc_options_init(&o);
	o.lead_words = x->lead_words;
	o.stop = ingest_stop;
	if (!(st = naqib_doc_from_record(s->an, &rec, &o, &doc)))
		st = naqib_db_replace(s->db, rec.id, doc, &replaced);
	naqib_doc_destroy(doc);
	free(title);
	free(body);
	if (st == NAQIB_E_INTERRUPTED) {
		/* A signal, in the middle of the document: it is left
		 * out, and its file is not marked as read. */
		s->st.dropped++;
		file_failed(x, f);
		return st;
	}
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
		ingest_fatal(x, st);
		return st;
	}
	if (replaced)
		s->st.replaced++;
	else
		s->st.added++;
	if (++s->pending >= x->batch)
		st = ingest_commit(s);
	return st;
}

/* The shard of a document: a stable hash of its id (FNV-1a), so that the
 * same id always goes to the same shard. */
shard_t *ingest_shard_of(indexer_t *x, const char *id)
{
	return &x->shards[_naqib_hash(id, strlen(id)) % (unsigned long long)x->n_shards];
}

/* A shard's writer thread: indexes the documents of its queue until the
 * reader closes it, then commits. */
void *ingest_writer(void *arg)
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
		if (ingest_interrupted) {
			/* Left out: its file is read again next time. */
			s->st.dropped++;
			file_failed(x, j.file);
		} else if (naqib_record_decode(j.data, j.len, &rec) == NAQIB_OK) {
			index_doc(s, rec, j.file->name, j.line, j.file);
		}
		free(j.data);
	}
	/* Drop what an error left in the queue. */
	pthread_mutex_lock(&x->mu);
	for (; s->count; s->count--, s->head = (s->head + 1) % QUEUE_CAP)
		free(s->q[s->head].data);
	pthread_cond_broadcast(&x->changed);
	pthread_mutex_unlock(&x->mu);
	/* After a signal the reader commits, once it has said so. */
	if (!x->fatal && !ingest_interrupted)
		ingest_commit(s);
	return NULL;
}

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
	shard_t *s = ingest_shard_of(x, d->rec.id);
	pthread_mutex_lock(&x->mu);
	while ((s->count == QUEUE_CAP ||
		(s->count && s->bytes + len > QUEUE_BYTES)) &&
	       !x->fatal && !ingest_interrupted)
		pthread_cond_wait(&x->changed, &x->mu);
	if (x->fatal || ingest_interrupted) {
		st = x->fatal ? x->fatal : NAQIB_E_INTERRUPTED;
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

/* --extract: a document as a JSON Lines object, what naqib-index --format
 * jsonl reads back. */
static int print_doc(indexer_t *x, const fmt_doc_t *d)
{
	const naqib_record_t *r = &d->rec;
	json_t *o = json_object();
	const char *keys[] = { "id", "title", "date", "author", "url",
			       "source", "format", "parent" };
	const char *vals[] = { r->id, r->title, r->date, r->author, r->url,
			       r->source, r->format, r->parent };

	for (size_t i = 0; i < sizeof keys / sizeof *keys; i++)
		json_object_set_new(o, keys[i], json_string(vals[i] ? vals[i] : ""));
	json_object_set_new(o, "pages", json_integer(r->pages));
	json_object_set_new(o, "ocr_confidence",
			    r->flags & NAQIB_RECORD_OCR
				    ? json_integer(r->ocr_confidence)
				    : json_null());
	json_object_set_new(o, "title_from_text",
			    json_boolean(r->flags & NAQIB_RECORD_TITLE_FROM_TEXT));
	if (d->encoding)
		json_object_set_new(o, "encoding", json_string(d->encoding));
	json_object_set_new(o, "body", json_string(r->body ? r->body : ""));
	char *s = json_dumps(o, JSON_COMPACT | JSON_PRESERVE_ORDER);
	json_decref(o);
	if (!s) {
		/* A field that is not UTF-8 (jansson refuses it). */
		on_bad(d->line, "a document that is not valid UTF-8", x);
		return NAQIB_OK;
	}
	int bad = printf("%s\n", s) < 0;
	free(s);
	if (bad && errno == EPIPE) {
		/* The reader of the output has had enough (| head): leave as
		 * a program killed by SIGPIPE does, without a word.  SIGPIPE
		 * itself is ignored once there is a worker to write to. */
		worker_stop();
		_exit(128 + SIGPIPE);
	}
	if (bad) {
		cli_error("cannot write the documents: %s", strerror(errno));
		ingest_fatal(x, NAQIB_E_IO);
		return NAQIB_E_IO;
	}
	x->st.added++;
	return NAQIB_OK;
}

static int on_doc(const fmt_doc_t *d, void *ctx)
{
	indexer_t *x = ctx;
	int st;

	if (ingest_interrupted) {
		x->st.dropped++;	/* read, and left for the next run */
		return NAQIB_E_INTERRUPTED;
	}
	if (x->fatal)
		return x->fatal;
	x->in_file++;
	x->read++;
	/* The share of the block done, by lines. */
	size_t l = d->line < x->blk_lines ? d->line : x->blk_lines;
	x->file_done = x->blk_start + x->blk_len * l / x->blk_lines;
	if (d->encoding && !x->file_encoding[0])
		snprintf(x->file_encoding, sizeof x->file_encoding, "%s",
			 d->encoding);
	if (x->extract)
		st = print_doc(x, d);
	else if (x->sharded)
		st = dispatch(x, d);
	else
		st = index_doc(&x->shards[0], d->rec, x->file,
			       x->line_base + d->line, NULL);
	ingest_progress(x, 0);
	return st;
}

static void on_bad(size_t line, const char *message, void *ctx)
{
	indexer_t *x = ctx;

	if (line) {
		cli_error("%s:%zu: %s", x->file, x->line_base + line, message);
	} else {
		cli_error("%s: %s", x->file, message);
		x->file_bad0 = 1;
		snprintf(x->file_reason, sizeof x->file_reason, "%s", message);
	}
	x->st.failed++;
	file_failed(x, x->frec);
}

static void on_note(const char *message, void *ctx)
{
	indexer_t *x = ctx;

	if (!x->quiet)
		cli_error("%s: %s", x->file, message);
}

/* A file of no format naqib reads (binary data where text was
 * expected). */
static void on_skip(const char *reason, void *ctx)
{
	indexer_t *x = ctx;

	x->file_outcome = OUT_UNSUPPORTED;
	snprintf(x->file_reason, sizeof x->file_reason, "%s", reason);
}

/* A file whose text only --ocr reads. */
static void on_needs_ocr(const char *reason, void *ctx)
{
	indexer_t *x = ctx;

	x->file_outcome = OUT_NO_OCR;
	snprintf(x->file_reason, sizeof x->file_reason, "%s", reason);
}

/* The ending of a file's name, lowercased, for the count of unsupported
 * types: ".xlsx"; "" when there is none. */
static void ending_of(const char *path, char *out, size_t cap)
{
	const char *base = strrchr(path, '/');
	base = base ? base + 1 : path;
	const char *dot = strrchr(base, '.');
	size_t i = 0;

	if (dot && dot != base && strlen(dot) < cap)
		for (; dot[i]; i++)
			out[i] = (char)tolower((unsigned char)dot[i]);
	out[i] = '\0';
}

/* Reads the rest of a file of a format read whole: buf holds the first
 * *n bytes; eof says whether that is all.  A file larger than
 * --max-file-size is left out (counted as too large) before it is read
 * any further.  Then the reader runs, in the worker process when the
 * format says so. */
static int read_whole(indexer_t *x, int fd, const fmt_format_t *f,
		      const char *id, const fmt_callbacks_t *cb, char **bufp,
		      size_t n, size_t cap, int eof, size_t *bytes, int *err)
{
	struct stat sb;
	char *buf = *bufp;

	if ((f->flags & FMT_OCR) && !fmt_options.ocr) {
		x->file_outcome = OUT_NO_OCR;
		snprintf(x->file_reason, sizeof x->file_reason,
			 "an image: --ocr reads it");
		return NAQIB_OK;
	}
	if (fstat(fd, &sb) == 0 && S_ISREG(sb.st_mode) &&
	    (unsigned long long)sb.st_size > x->max_file) {
		x->file_outcome = OUT_TOO_LARGE;
		snprintf(x->file_reason, sizeof x->file_reason,
			 "%.1f MB, larger than --max-file-size (%.1f MB)",
			 (double)sb.st_size / 1e6, (double)x->max_file / 1e6);
		return NAQIB_OK;
	}
	while (!eof) {
		if (ingest_interrupted)
			return NAQIB_E_INTERRUPTED;
		if (n > x->max_file) {
			x->file_outcome = OUT_TOO_LARGE;
			snprintf(x->file_reason, sizeof x->file_reason,
				 "larger than --max-file-size (%.1f MB)",
				 (double)x->max_file / 1e6);
			return NAQIB_OK;
		}
		if (n == cap) {
			size_t grown = cap * 2 > (size_t)x->max_file + 1
					       ? (size_t)x->max_file + 1
					       : cap * 2;
			char *b = realloc(buf, grown + 1);
			if (!b) {
				*err = ENOMEM;
				return NAQIB_OK;
			}
			*bufp = buf = b;
			cap = grown;
		}
		ssize_t r = read(fd, buf + n, cap - n);
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0) {
			*err = errno;
			return NAQIB_OK;
		}
		if (r == 0)
			break;
		n += (size_t)r;
		*bytes += (size_t)r;
	}
	buf[n] = '\0';
	x->blk_start = 0;
	x->blk_len = n;
	x->blk_lines = 1;
	int st = f->flags & FMT_WORKER ? worker_read(x, f, id, buf, n, cb)
				       : f->read(id, buf, n, cb);
	x->file_done = n;
	return st;
}

/* What is beyond --max-doc-size of a plain text file open on fd, of which
 * *bytes were read: the rest of a regular file is not read, only counted
 * (x->st.unread); a pipe is read to its end, so that what writes to it is
 * not cut short, and what it gave is counted as read and left out. */
static int skip_rest(indexer_t *x, int fd, size_t *bytes, int *err)
{
	struct stat sb;
	char sink[65536];

	if (fstat(fd, &sb) == 0 && S_ISREG(sb.st_mode)) {
		if ((unsigned long long)sb.st_size > *bytes)
			x->st.unread += (unsigned long long)sb.st_size - *bytes;
		return NAQIB_OK;
	}
	for (;;) {
		if (ingest_interrupted)
			return NAQIB_E_INTERRUPTED;
		ssize_t r = read(fd, sink, sizeof sink);
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0)
			*err = errno;
		if (r <= 0)
			return NAQIB_OK;
		*bytes += (size_t)r;
		x->st.left_out += (unsigned long long)r;
	}
}

/* Reads the file open on fd and hands its documents to the callbacks, a
 * block of whole documents at a time: a plain text file is one document,
 * read up to --max-doc-size.  *bytes counts what was read; a read error is
 * left in *err. */
static int read_blocks(indexer_t *x, int fd, const fmt_format_t *f,
		       const char *id, const fmt_callbacks_t *cb, size_t *bytes,
		       int *err)
{
	size_t cap = x->read_block, n = 0;
	size_t base = 0;	/* where buf[0] is in the file */
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
			/* A signal ends a wait for standard input: read()
			 * fails with EINTR (the handler has no SA_RESTART). */
			if (ingest_interrupted) {
				st = NAQIB_E_INTERRUPTED;
				goto out;
			}
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
		if (!f)
			f = fmt_sniff(buf, n);
		x->file_fmt = f;
		if (f->flags & FMT_WHOLE) {
			st = read_whole(x, fd, f, id, cb, &buf, n, cap, eof,
					bytes, err);
			goto out;
		}
		if (!f->cut && !eof && n > x->max_doc) {
			/* A file of one document: what is beyond
			 * --max-doc-size is not even read. */
			size_t kept = cut_point(buf, x->max_doc);
			x->st.left_out += n - kept;
			n = kept;
			eof = 1;
			cli_error("%s: warning: longer than --max-doc-size (%u "
				  "bytes): only its first %zu bytes are indexed",
				  x->file, x->max_doc, n);
			x->st.truncated++;
			if ((st = skip_rest(x, fd, bytes, err)) || *err)
				goto out;
		}
		size_t cut = eof ? n : f->cut ? f->cut(buf, n) : 0;
		if (!cut && !eof) {
			/* A document longer than the block: read on; of a
			 * file of one document, up to --max-doc-size and a
			 * byte, which tells that it is longer (reading it
			 * all would read 32 MiB of a 40 MB text to index
			 * 16). */
			size_t grown = cap * 2;
			if (!f->cut && grown > (size_t)x->max_doc + 1)
				grown = (size_t)x->max_doc + 1;
			char *b = realloc(buf, grown + 1);
			if (!b) {
				*err = ENOMEM;
				goto out;
			}
			buf = b;
			cap = grown;
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
		x->blk_start = base;
		x->blk_len = cut;
		x->blk_lines = lines ? lines : 1;
		st = f->read(id, buf, cut, cb);
		x->file_done = x->blk_start + cut;
		buf[cut] = keep;
		blocks++;
		x->line_base += lines;
		memmove(buf, buf + cut, n - cut);
		n -= cut;
		base += cut;
		if (eof && !n)
			break;
	}
out:
	free(buf);
	x->line_base = 0;
	return st;
}

/* Reads the file at path, whose id is id. */
static int read_file(indexer_t *x, const char *path, const char *id)
{
	char key[256], sig[128];
	char *old = NULL;
	size_t len;
	struct stat sb;
	int err, st;

	int is_stdin = !strcmp(path, "-");
	int known = !is_stdin && !x->extract && stat(path, &sb) == 0;
	if (known) {
		marks_key(id, key, sizeof key);
		naqib_db_t *marks = x->sharded ? x->marks : x->shards[0].db;
		if (!x->force && !naqib_db_get_metadata(marks, key, &old) &&
		    *old) {
			const char *sp = strrchr(old, ' ');
			unsigned long docs = sp ? strtoul(sp + 1, NULL, 10) : 0;
			marks_signature(&sb, docs, sig, sizeof sig);
			if (!strcmp(old, sig)) {
				x->st.unchanged += docs;
				x->skipped_bytes += (unsigned long long)sb.st_size;
				free(old);
				summary_file(x, path, OUT_UNCHANGED, NULL, docs,
					     NULL);
				return 0;
			}
		}
		free(old);
	}
	int fd = is_stdin ? 0 : open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0) {
		cli_error("cannot read '%s': %s", path, strerror(errno));
		x->st.failed++;
		summary_file(x, path, OUT_UNREADABLE, NULL, 0, strerror(errno));
		return 0;
	}
	/* The format: --format's, else what the name says, else what the
	 * first bytes say (NULL). */
	const fmt_format_t *format = x->format;
	int unknown;
	if (!format && !is_stdin)
		format = fmt_for_name(path, &unknown);
	if (x->sharded) {
		file_rec_t *f = calloc(1, sizeof *f);
		if (!f || !(f->name = strdup(path))) {
			free(f);
			if (!is_stdin)
				close(fd);
			cli_error("out of memory");
			ingest_fatal(x, NAQIB_E_NOMEM);
			return NAQIB_E_NOMEM;
		}
		f->next = x->files;
		x->files = x->frec = f;
	}
	fmt_callbacks_t cb = { .doc = on_doc, .bad = on_bad, .note = on_note,
			       .skip = on_skip, .needs_ocr = on_needs_ocr,
			       .ctx = x };
	unsigned long failed_before = x->st.failed;
	x->in_file = 0;
	x->file_fmt = NULL;
	x->file_outcome = -1;
	x->file_reason[0] = '\0';
	x->file_encoding[0] = '\0';
	x->file_bad0 = 0;
	len = 0;
	st = read_blocks(x, fd, format, id, &cb, &len, &err);
	if (!is_stdin)
		close(fd);
	x->st.bytes += len;
	x->file_done = 0;
	if (st)
		return st;
	const char *fname = x->file_fmt ? x->file_fmt->name : NULL;
	if (err) {
		cli_error("cannot read '%s': %s", path, strerror(err));
		x->st.failed++;
		file_failed(x, x->frec);
		summary_file(x, path, OUT_UNREADABLE, fname, 0, strerror(err));
		return 0;
	}
	if (x->file_outcome >= 0) {
		/* Left out whole, with the reason: not marked, so that a run
		 * with --ocr or a larger --max-file-size reads it. */
		outcome_t o = (outcome_t)x->file_outcome;
		char type[16];
		/* Unsupported, too large, or for --ocr; an image or a scan is
		 * said when it was named: a folder of photos is counted, not
		 * told file by file. */
		if (!x->verbose && (o != OUT_NO_OCR || x->named))
			cli_error("%s: left out: %s", path, x->file_reason);
		if (o == OUT_UNSUPPORTED)
			ending_of(path, type, sizeof type);
		summary_file(x, path, o, o == OUT_UNSUPPORTED ? type : fname, 0,
			     x->file_reason);
		return 0;
	}
	if (x->file_encoding[0])
		summary_encoding(x, x->file_encoding);
	if (x->in_file == 0 && x->st.failed == failed_before) {
		cli_error("%s: empty, nothing to index", path);
		summary_file(x, path, OUT_EMPTY, fname, 0, "no text");
	} else if (x->in_file == 0 || x->file_bad0) {
		summary_file(x, path, OUT_FAILED, fname, x->in_file,
			     x->file_reason);
	} else {
		summary_file(x, path, OUT_INDEXED, fname, x->in_file, NULL);
	}
	if (known && x->st.failed == failed_before) {
		/* Only a file read without a failure is marked done: one with
		 * bad documents is read again next time.  In a sharded run the
		 * writers may still skip one: the mark waits for them. */
		marks_signature(&sb, x->in_file, sig, sizeof sig);
		if (x->sharded) {
			memcpy(x->frec->key, key, sizeof key);
			memcpy(x->frec->sig, sig, sizeof sig);
		} else if ((st = naqib_db_set_metadata(x->shards[0].db, key,
						       sig))) {
			cli_error("%s", naqib_last_error());
			ingest_fatal(x, st);
		}
	}
	return st;
}

int ingest_file(const char *path, int named, void *ctx)
{
	indexer_t *x = ctx;
	char *id;
	int err;

	if (ingest_interrupted)
		return NAQIB_E_INTERRUPTED;
	x->file = path;
	x->named = named;
	if ((err = marks_file_id(x, path, &id))) {
		cli_error("cannot open '%s': %s", path, strerror(err));
		x->st.failed++;
		summary_file(x, path, OUT_UNREADABLE, NULL, 0, strerror(err));
		return 0;
	}
	int st = read_file(x, path, id);
	free(id);
	return st;
}

/* The end of a sharded run, once the writers are done: marks the files
 * whose every document went in (in the first shard, which keeps the marks),
 * and commits. */
void ingest_record_files(indexer_t *x)
{
	shard_t *s = &x->shards[0];
	int st = NAQIB_OK;

	for (file_rec_t *f = x->files; f && !x->fatal && !st; f = f->next)
		if (f->sig[0] && !f->failed &&
		    (st = naqib_db_set_metadata(s->db, f->key, f->sig))) {
			cli_error("%s", naqib_last_error());
			ingest_fatal(x, st);
		}
	if (!x->fatal)
		ingest_commit(s);
}

int ingest_add_size(const char *path, int named, void *ctx)
{
	indexer_t *x = ctx;
	struct stat sb;

	(void)named;
	if (ingest_interrupted)
		return 1;
	if (!strcmp(path, "-")) {
		x->total_bytes = INGEST_UNKNOWN;
		return 1;
	}
	if (stat(path, &sb) == 0)
		x->total_bytes += (unsigned long long)sb.st_size;
	return 0;
}

void ingest_ignore_error(const char *path, int err, void *ctx)
{
	(void)path, (void)err, (void)ctx;
}

void ingest_walk_error(const char *path, int err, void *ctx)
{
	indexer_t *x = ctx;

	cli_error("cannot open '%s': %s", path, strerror(err));
	x->st.failed++;
	summary_file(x, path, OUT_UNREADABLE, NULL, 0, strerror(err));
}

void ingest_walk_skip(const char *path, void *ctx)
{
	indexer_t *x = ctx;
	char type[16];

	ending_of(path, type, sizeof type);
	summary_file(x, path, OUT_UNSUPPORTED, type, 0,
		     "not a format naqib reads");
}
