/* The worker process of the readers of documents (indexer.h): a reader of
 * a format a library parses (PDF, Office, HTML, e-mail, OCR) runs in a
 * child process under limits on its memory, CPU time and output, and
 * hands its documents back over a pipe, as Omega's omindex runs its
 * filters; a crash, a decompression bomb or an endless loop in a library
 * costs that file and a message, never the run or the database.
 *
 * A frame on the pipe: a type byte ('D' a document, 'B' a problem), the
 * line (4 bytes, little-endian), the length of what follows (4 bytes),
 * then, for 'D', the encoding's name and a NUL and the encoded record;
 * for 'B' (a problem), 'N' (a note) and 'S' (no format naqib reads), the
 * message. */
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include "cli.h"
#include "formats/reader.h"
#include "indexer.h"
#include "util/util.h"

#if defined(__SANITIZE_ADDRESS__)
#define UNDER_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define UNDER_ASAN 1
#endif
#endif
#ifndef UNDER_ASAN
#define UNDER_ASAN 0
#endif

/* How the child ends when it stopped itself. */
#define CHILD_OK 0
#define CHILD_OUTPUT 10	/* more output than the limit */
#define CHILD_STOPPED 11	/* a callback said to stop (a broken pipe) */
#define CHILD_NOMEM 12

typedef struct child {
	int fd;
	unsigned long long written, limit;
	int over;
} child_t;

static int write_all(int fd, const char *p, size_t n)
{
	while (n) {
		ssize_t w = write(fd, p, n);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return -1;
		p += w;
		n -= (size_t)w;
	}
	return 0;
}

static int send_frame(child_t *c, char type, size_t line, const char *a,
		      size_t an, const char *b, size_t bn)
{
	unsigned char h[9];
	size_t len = an + bn;

	if (c->over || len > 0xFFFFFFF0u)
		return -1;
	c->written += 9 + len;
	if (c->written > c->limit) {
		c->over = 1;
		return -1;
	}
	h[0] = (unsigned char)type;
	for (int i = 0; i < 4; i++) {
		h[1 + i] = (unsigned char)(line >> (8 * i));
		h[5 + i] = (unsigned char)(len >> (8 * i));
	}
	if (write_all(c->fd, (const char *)h, sizeof h) ||
	    (an && write_all(c->fd, a, an)) || (bn && write_all(c->fd, b, bn)))
		return -1;
	return 0;
}

static int child_doc(const fmt_doc_t *d, void *ctx)
{
	child_t *c = ctx;
	char *data;
	size_t len;
	const char *enc = d->encoding ? d->encoding : "";

	if (naqib_record_encode(&d->rec, &data, &len))
		return NAQIB_E_NOMEM;
	int bad = send_frame(c, 'D', d->line, enc, strlen(enc) + 1, data, len);
	free(data);
	return bad ? NAQIB_E_INTERRUPTED : NAQIB_OK;
}

static void child_bad(size_t line, const char *message, void *ctx)
{
	child_t *c = ctx;

	send_frame(c, 'B', line, message, strlen(message), NULL, 0);
}

static void child_note(const char *message, void *ctx)
{
	child_t *c = ctx;

	send_frame(c, 'N', 0, message, strlen(message), NULL, 0);
}

static void child_skip(const char *message, void *ctx)
{
	child_t *c = ctx;

	send_frame(c, 'S', 0, message, strlen(message), NULL, 0);
}

/* Whether the process runs under valgrind, whose own memory a limit on
 * the address space would starve. */
static int under_valgrind(void)
{
	const char *p = getenv("LD_PRELOAD");

	return p && strstr(p, "vgpreload");
}

static void limit(int resource, rlim_t n)
{
	struct rlimit r = { n, n };

	setrlimit(resource, &r);
}

static void __attribute__((noreturn))
run_child(indexer_t *x, const fmt_format_t *f, const char *id, char *data,
	  size_t len, int fd)
{
	child_t c = { fd, 0, x->worker_output, 0 };
	fmt_callbacks_t cb = { .doc = child_doc, .bad = child_bad,
			       .note = child_note, .skip = child_skip,
			       .ctx = &c };

	/* A signal to the terminal's process group stops the child at once:
	 * the parent says what was interrupted. */
	signal(SIGINT, SIG_DFL);
	signal(SIGTERM, SIG_DFL);
	signal(SIGPIPE, SIG_DFL);
	if (x->worker_memory && !UNDER_ASAN && !under_valgrind())
		limit(RLIMIT_AS, (rlim_t)x->worker_memory << 20);
	if (x->worker_cpu) {
		/* SIGXCPU at the soft limit, SIGKILL a second later. */
		struct rlimit r = { x->worker_cpu, x->worker_cpu + 1 };
		setrlimit(RLIMIT_CPU, &r);
	}
	limit(RLIMIT_CORE, 0);
	int st = f->read(id, data, len, &cb);
	_exit(c.over ? CHILD_OUTPUT : st == NAQIB_E_NOMEM ? CHILD_NOMEM
		       : st ? CHILD_STOPPED : CHILD_OK);
}

/* Reads exactly n bytes into p: 0, or -1 at the end or on an error, or
 * -2 when no byte came for the idle timeout. */
static int read_exact(int fd, char *p, size_t n, int idle_ms)
{
	while (n) {
		struct pollfd pf = { fd, POLLIN, 0 };
		int r = poll(&pf, 1, idle_ms);
		if (r < 0 && errno == EINTR) {
			if (ingest_interrupted)
				return -3;
			continue;
		}
		if (r == 0)
			return -2;
		ssize_t got = read(fd, p, n);
		if (got < 0 && errno == EINTR)
			continue;
		if (got <= 0)
			return -1;
		p += got;
		n -= (size_t)got;
	}
	return 0;
}

/* What a child's end says, for the message of a file it failed. */
static void describe_end(indexer_t *x, const fmt_format_t *f, int status,
			 char *out, size_t cap)
{
	if (WIFEXITED(status)) {
		int code = WEXITSTATUS(status);
		if (code == CHILD_OUTPUT)
			snprintf(out, cap, "the %s reader gave more than %llu "
				 "MB of text (a decompression bomb?); the "
				 "rest is left out", f->name,
				 x->worker_output >> 20);
		else if (code == CHILD_NOMEM)
			snprintf(out, cap, "the %s reader ran out of memory "
				 "(limit %u MB)", f->name, x->worker_memory);
		else
			snprintf(out, cap, "the %s reader stopped (status %d)",
				 f->name, code);
	} else if (WIFSIGNALED(status)) {
		int sig = WTERMSIG(status);
		if (sig == SIGXCPU || (sig == SIGKILL && x->worker_cpu))
			snprintf(out, cap, "the %s reader took more than %u s "
				 "of CPU time: left out (a broken or hostile "
				 "file?)", f->name, x->worker_cpu);
		else if (sig == SIGABRT || sig == SIGSEGV || sig == SIGBUS)
			snprintf(out, cap, "the %s reader crashed (%s), or ran "
				 "out of memory (limit %u MB): a broken or "
				 "hostile file?", f->name, strsignal(sig),
				 x->worker_memory);
		else
			snprintf(out, cap, "the %s reader was killed (%s)",
				 f->name, strsignal(sig));
	}
}

int worker_read(indexer_t *x, const fmt_format_t *f, const char *id,
		char *data, size_t len, const fmt_callbacks_t *cb)
{
	int fds[2], st = NAQIB_OK, status = 0, timed_out = 0;

	if (pipe(fds) != 0) {
		cb->bad(0, "cannot start the worker process: no pipe", cb->ctx);
		return NAQIB_OK;
	}
	fflush(NULL);
	pid_t pid = fork();
	if (pid < 0) {
		close(fds[0]);
		close(fds[1]);
		char msg[128];
		snprintf(msg, sizeof msg, "cannot start the worker process: %s",
			 strerror(errno));
		cb->bad(0, msg, cb->ctx);
		return NAQIB_OK;
	}
	if (pid == 0) {
		close(fds[0]);
		run_child(x, f, id, data, len, fds[1]);
	}
	close(fds[1]);
	/* The child's CPU limit stops a busy loop; this stops one that
	 * sleeps or waits, with room for a loaded machine. */
	int idle_ms = x->worker_cpu ? (int)(x->worker_cpu * 4 + 30) * 1000 : -1;
	char *buf = NULL;
	size_t cap = 0;
	for (;;) {
		unsigned char h[9];
		int r = read_exact(fds[0], (char *)h, sizeof h, idle_ms);
		if (r == -2)
			timed_out = 1;
		if (r == -3)
			st = NAQIB_E_INTERRUPTED;
		if (r)
			break;
		size_t line = 0, n = 0;
		for (int i = 0; i < 4; i++) {
			line |= (size_t)h[1 + i] << (8 * i);
			n |= (size_t)h[5 + i] << (8 * i);
		}
		if (n + 1 > cap) {
			char *b = realloc(buf, n + 1);
			if (!b) {
				st = NAQIB_E_NOMEM;
				break;
			}
			buf = b;
			cap = n + 1;
		}
		if ((r = read_exact(fds[0], buf, n, idle_ms))) {
			timed_out = r == -2;
			if (r == -3)
				st = NAQIB_E_INTERRUPTED;
			break;
		}
		buf[n] = '\0';
		if (h[0] == 'B' || h[0] == 'N' || h[0] == 'S') {
			if (h[0] == 'B')
				cb->bad(line, buf, cb->ctx);
			else
				(h[0] == 'N' ? fmt_note : fmt_skip)(cb, "%s",
								    buf);
			continue;
		}
		fmt_doc_t d = { .line = line ? line : 1 };
		size_t el = strnlen(buf, n);
		if (h[0] != 'D' || el == n ||
		    naqib_record_decode(buf + el + 1, n - el - 1, &d.rec)) {
			cb->bad(0, "the worker process sent a damaged document",
				cb->ctx);
			break;
		}
		d.encoding = el ? buf : NULL;
		if ((st = cb->doc(&d, cb->ctx)))
			break;
	}
	if (st || timed_out)
		kill(pid, SIGKILL);
	close(fds[0]);
	free(buf);
	while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
		;
	if (st == NAQIB_E_NOMEM) {
		cli_error("out of memory");
		ingest_fatal(x, st);
		return st;
	}
	if (st)
		return st;
	char msg[256] = "";
	if (timed_out)
		snprintf(msg, sizeof msg, "the %s reader gave nothing for %d s: "
			 "left out (a broken or hostile file?)", f->name,
			 idle_ms / 1000);
	else if (!(WIFEXITED(status) && (WEXITSTATUS(status) == CHILD_OK ||
					 WEXITSTATUS(status) == CHILD_STOPPED)))
		describe_end(x, f, status, msg, sizeof msg);
	if (*msg)
		cb->bad(0, msg, cb->ctx);
	return st;
}
