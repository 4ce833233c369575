/* The worker process of the readers of documents (indexer.h): a reader of
 * a format a library parses (PDF, Office, HTML, e-mail, OCR) runs in
 * another process under limits on its memory, its CPU time a file and its
 * output a file, and hands its documents back over a pipe, as Omega's
 * omindex runs its filters; a crash, a decompression bomb or an endless
 * loop in a library costs that file and a message, never the run or the
 * database.
 *
 * The worker is naqib-worker, started as "naqib-worker --worker ...": a
 * fresh process, which holds none of the indexer's locks or threads, and
 * the only one that loads the readers' libraries (naqib-index starts in 5
 * ms, not 35); it serves file after file, so that a library's
 * start (GMime's tables, Tesseract's models: half a second) is paid once,
 * not once a file (a process a file made 500 e-mails 10 times slower to
 * read: bench/worker-cost).  One that dies is told for its file, and the
 * next file gets a new one; one is also replaced after WORKER_FILES
 * files, so that what a library leaks does not pile up.
 *
 * A request (to the worker's standard input): 'R', the format's place in
 * the table (4 bytes), the id's length (4), the data's length (8), the id,
 * the data; all numbers little-endian.  A frame back (its standard
 * output): a type byte, the line (4 bytes), the length of what follows
 * (4 bytes), then, for 'D' (a document), the encoding's name, a NUL and
 * the encoded record; for 'B' (a problem), 'N' (a note), 'S' (no format
 * naqib reads) and 'O' (a scan, without --ocr), the message; 'E' (the end of the file) has none, and its
 * line is how the reader ended (WORKER_*). */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdint.h>
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

/* How the reader of a file ended, in its 'E' frame. */
#define END_OK 0
#define END_OUTPUT 1	/* more output than the limit */
#define END_STOPPED 2	/* a callback said to stop */
#define END_NOMEM 3

/* Files a worker reads before it is replaced. */
#define WORKER_FILES 1000

/* ------------------------------------------------------------ the worker */

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

static void put32(unsigned char *p, uint32_t v)
{
	for (int i = 0; i < 4; i++)
		p[i] = (unsigned char)(v >> (8 * i));
}

static uint64_t get(const unsigned char *p, int n)
{
	uint64_t v = 0;

	for (int i = 0; i < n; i++)
		v |= (uint64_t)p[i] << (8 * i);
	return v;
}

static int send_frame(child_t *c, char type, size_t line, const char *a,
		      size_t an, const char *b, size_t bn)
{
	unsigned char h[9];
	size_t len = an + bn;

	if (c->over || len > 0xFFFFFFF0u)
		return -1;
	c->written += 9 + len;
	if (type != 'E' && c->written > c->limit) {
		c->over = 1;
		return -1;
	}
	h[0] = (unsigned char)type;
	put32(h + 1, (uint32_t)(line > 0xFFFFFFFFu ? 0xFFFFFFFFu : line));
	put32(h + 5, (uint32_t)len);
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

static void child_message(child_t *c, char type, size_t line, const char *m)
{
	send_frame(c, type, line, m, strlen(m), NULL, 0);
}

static void child_bad(size_t line, const char *message, void *ctx)
{
	child_message(ctx, 'B', line, message);
}

static void child_note(const char *message, void *ctx)
{
	child_message(ctx, 'N', 0, message);
}

static void child_skip(const char *message, void *ctx)
{
	child_message(ctx, 'S', 0, message);
}

static void child_needs_ocr(const char *message, void *ctx)
{
	child_message(ctx, 'O', 0, message);
}

/* Whether the process runs under valgrind, whose own memory a limit on
 * the address space would starve. */
static int under_valgrind(void)
{
	const char *p = getenv("LD_PRELOAD");

	return p && strstr(p, "vgpreload");
}

/* The CPU time of the worker so far, in whole seconds rounded up. */
static rlim_t cpu_used(void)
{
	struct rusage ru;

	if (getrusage(RUSAGE_SELF, &ru) != 0)
		return 0;
	return (rlim_t)(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec + 1);
}

/* NAQIB_TEST_WORKER makes the worker misbehave as a hostile file makes a
 * library misbehave, for the tests (as git's GIT_TEST_ variables): crash,
 * loop (CPU time), memory (allocate until the limit), flood (text without
 * end, against a limit of 1 MB). */
static void test_hook(child_t *c)
{
	const char *t = getenv("NAQIB_TEST_WORKER");

	if (!t)
		return;
	if (!strcmp(t, "crash")) {
		/* As a library's bad pointer does, AddressSanitizer's handler
		 * aside (it would report the test's own crash). */
		signal(SIGSEGV, SIG_DFL);
		raise(SIGSEGV);
	}
	if (!strcmp(t, "loop"))
		for (volatile unsigned long i = 0;; i++)
			;
	if (!strcmp(t, "memory"))
		for (;;) {
			char *p = malloc(16u << 20);
			if (!p)
				_exit(3);
			memset(p, 1, 16u << 20);
		}
	if (!strcmp(t, "flood")) {
		static char body[4096];
		fmt_doc_t d = { .line = 1 };
		memset(body, 'x', sizeof body - 1);
		d.rec.id = "flood";
		d.rec.body = body;
		c->limit = 1u << 20;
		while (!child_doc(&d, c))
			;
	}
}

/* Reads exactly n bytes into p (the worker's requests, the indexer's
 * frames): 0, or -1 at the end or on an error, -2 when no byte came for
 * idle_ms (-1: no limit), -3 on a signal that asks the run to stop. */
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

void worker_main(int argc, char **argv)
{
	unsigned long long memory = 0, output = DEFAULT_WORKER_OUTPUT;
	unsigned long cpu = 0;

	for (int i = 1; i < argc; i++) {
		const char *a = argv[i], *v = i + 1 < argc ? argv[i + 1] : "";
		if (!strcmp(a, "--worker-memory"))
			memory = strtoull(v, NULL, 10), i++;
		else if (!strcmp(a, "--worker-time"))
			cpu = strtoul(v, NULL, 10), i++;
		else if (!strcmp(a, "--worker-output"))
			output = strtoull(v, NULL, 10), i++;
		else if (!strcmp(a, "--ocr"))
			fmt_options.ocr = 1;
		else if (!strcmp(a, "--ocr-lang"))
			fmt_options.ocr_lang = v, i++;
		else if (!strcmp(a, "--encoding"))
			fmt_options.encoding = v, i++;
	}
	/* A signal to the terminal's process group stops the worker at
	 * once: the indexer says what was interrupted. */
	signal(SIGINT, SIG_DFL);
	signal(SIGTERM, SIG_DFL);
	signal(SIGPIPE, SIG_DFL);
	if (memory && !UNDER_ASAN && !under_valgrind()) {
		struct rlimit r = { (rlim_t)memory << 20, (rlim_t)memory << 20 };
		setrlimit(RLIMIT_AS, &r);
	}
	struct rlimit core = { 0, 0 };
	setrlimit(RLIMIT_CORE, &core);
	char *buf = NULL;
	for (;;) {
		unsigned char h[17];
		if (read_exact(0, (char *)h, sizeof h, -1) || h[0] != 'R')
			break;
		const fmt_format_t *f = fmt_at((size_t)get(h + 1, 4));
		size_t il = (size_t)get(h + 5, 4);
		uint64_t dl = get(h + 9, 8);
		if (!f || dl > (1ull << 40))
			_exit(4);
		free(buf);
		if (!(buf = malloc(il + 1 + (size_t)dl + 1)))
			_exit(3);
		char *id = buf, *data = buf + il + 1;
		if (read_exact(0, id, il, -1) ||
		    read_exact(0, data, (size_t)dl, -1))
			break;
		id[il] = data[dl] = '\0';
		/* This file's CPU time: the worker's so far and the limit;
		 * SIGXCPU at the soft limit, SIGKILL a second later. */
		if (cpu) {
			rlim_t used = cpu_used();
			struct rlimit r = { used + cpu, used + cpu + 1 };
			setrlimit(RLIMIT_CPU, &r);
		}
		child_t c = { 1, 0, output, 0 };
		fmt_callbacks_t cb = { .doc = child_doc, .bad = child_bad,
				       .note = child_note, .skip = child_skip,
				       .needs_ocr = child_needs_ocr,
				       .ctx = &c };
		test_hook(&c);
		int st = c.over ? NAQIB_OK : f->read(id, data, (size_t)dl, &cb);
		int end = c.over ? END_OUTPUT : st == NAQIB_E_NOMEM ? END_NOMEM
			: st ? END_STOPPED : END_OK;
		c.over = 0;
		if (send_frame(&c, 'E', (size_t)end, NULL, 0, NULL, 0))
			break;
	}
	free(buf);
	/* What the libraries keep until the end is theirs: no leak check
	 * (the fuzzers check the readers), no destructors. */
	_exit(0);
}

/* ------------------------------------------------------------ the indexer */

/* The worker of the run: its process and pipes; pid 0 when there is
 * none. */
static struct {
	pid_t pid;
	int in, out;	/* its standard input and output, our ends */
	unsigned files;
} w;

static int spawn(indexer_t *x)
{
	int to[2], from[2];
	char mem[32], cpu[32], out[32];

	if (pipe2(to, O_CLOEXEC) != 0)
		return -1;
	if (pipe2(from, O_CLOEXEC) != 0) {
		close(to[0]);
		close(to[1]);
		return -1;
	}
	snprintf(mem, sizeof mem, "%u", x->worker_memory);
	snprintf(cpu, sizeof cpu, "%u", x->worker_cpu);
	snprintf(out, sizeof out, "%llu", x->worker_output);
	const char *argv[16];
	int n = 0;
	argv[n++] = "naqib-worker";
	argv[n++] = "--worker";
	argv[n++] = "--worker-memory";
	argv[n++] = mem;
	argv[n++] = "--worker-time";
	argv[n++] = cpu;
	argv[n++] = "--worker-output";
	argv[n++] = out;
	if (fmt_options.ocr)
		argv[n++] = "--ocr";
	argv[n++] = "--ocr-lang";
	argv[n++] = fmt_options.ocr_lang ? fmt_options.ocr_lang : "ara+fra";
	if (fmt_options.encoding) {
		argv[n++] = "--encoding";
		argv[n++] = fmt_options.encoding;
	}
	argv[n] = NULL;
	/* naqib-worker beside this program (as in the build directory,
	 * and as the kernel or valgrind, which runs it, knows it), else where
	 * make install put it. */
	char self[PATH_MAX];
	ssize_t sl = readlink("/proc/self/exe", self, sizeof self - 16);
	char *slash = sl > 0 ? memrchr(self, '/', (size_t)sl) : NULL;
	if (slash)
		strcpy(slash + 1, "naqib-worker");
	if (!slash || access(self, X_OK) != 0)
		snprintf(self, sizeof self, "%s/naqib-worker", LIBEXECDIR);
	if (access(self, X_OK) != 0) {
		int e = errno;
		close(to[0]), close(to[1]), close(from[0]), close(from[1]);
		errno = e;
		return -1;
	}
	fflush(NULL);
	pid_t pid = fork();
	if (pid < 0) {
		close(to[0]), close(to[1]), close(from[0]), close(from[1]);
		return -1;
	}
	if (pid == 0) {
		/* The worker's standard input and output are the pipes; its
		 * standard error is ours. */
		if (dup2(to[0], 0) < 0 || dup2(from[1], 1) < 0)
			_exit(127);
		execv(self, (char **)argv);
		_exit(127);
	}
	close(to[0]);
	close(from[1]);
	w.pid = pid;
	w.in = to[1];
	w.out = from[0];
	w.files = 0;
	return 0;
}

/* Ends the worker: closing its input ends it when it is waiting; kill
 * ends it when it is not.  Its end status in *status. */
static void reap(int kill_it, int *status)
{
	int s = 0;

	if (!w.pid)
		return;
	if (kill_it)
		kill(w.pid, SIGKILL);
	close(w.in);
	close(w.out);
	while (waitpid(w.pid, &s, 0) < 0 && errno == EINTR)
		;
	if (status)
		*status = s;
	w.pid = 0;
}

void worker_stop(void)
{
	reap(0, NULL);
}

/* What a worker's end says, for the message of the file it died on. */
static void describe_end(indexer_t *x, const fmt_format_t *f, int status,
			 char *out, size_t cap)
{
	if (WIFEXITED(status) && WEXITSTATUS(status) == 3) {
		snprintf(out, cap, "the %s reader ran out of memory (limit %u "
			 "MB)", f->name, x->worker_memory);
	} else if (WIFEXITED(status)) {
		snprintf(out, cap, "the %s reader stopped (status %d)", f->name,
			 WEXITSTATUS(status));
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

static size_t format_index(const fmt_format_t *f)
{
	size_t i = 0;

	while (fmt_at(i) && fmt_at(i) != f)
		i++;
	return i;
}

int worker_read(indexer_t *x, const fmt_format_t *f, const char *id,
		char *data, size_t len, const fmt_callbacks_t *cb)
{
	int st = NAQIB_OK, timed_out = 0, died = 0, end = -1;

	if (w.pid && w.files >= WORKER_FILES)
		reap(0, NULL);
	if (!w.pid && spawn(x) != 0) {
		char msg[PATH_MAX + 80];
		snprintf(msg, sizeof msg, "cannot start the worker process "
			 "(%s/naqib-worker, or beside naqib-index): %s",
			 LIBEXECDIR, strerror(errno));
		cb->bad(0, msg, cb->ctx);
		return NAQIB_OK;
	}
	w.files++;
	unsigned char h[17];
	size_t il = strlen(id);
	h[0] = 'R';
	put32(h + 1, (uint32_t)format_index(f));
	put32(h + 5, (uint32_t)il);
	for (int i = 0; i < 8; i++)
		h[9 + i] = (unsigned char)((uint64_t)len >> (8 * i));
	/* The worker reads the whole request before it writes: no dead
	 * lock.  One that died since its last file fails the write. */
	signal(SIGPIPE, SIG_IGN);
	if (write_all(w.in, (const char *)h, sizeof h) ||
	    write_all(w.in, id, il) || write_all(w.in, data, len))
		died = 1;
	/* The worker's CPU limit stops a busy loop; this stops one that
	 * sleeps or waits, with room for a loaded machine. */
	int idle_ms = x->worker_cpu ? (int)(x->worker_cpu * 4 + 30) * 1000 : -1;
	char *buf = NULL;
	size_t cap = 0;
	while (!died) {
		unsigned char fh[9];
		int r = read_exact(w.out, (char *)fh, sizeof fh, idle_ms);
		size_t line = (size_t)get(fh + 1, 4), n = (size_t)get(fh + 5, 4);
		if (!r && n + 1 > cap) {
			char *b = realloc(buf, n + 1);
			if (!b) {
				st = NAQIB_E_NOMEM;
				break;
			}
			buf = b;
			cap = n + 1;
		}
		if (!r)
			r = read_exact(w.out, buf, n, idle_ms);
		if (r == -2)
			timed_out = 1;
		if (r == -3)
			st = NAQIB_E_INTERRUPTED;
		if (r) {
			died = 1;
			break;
		}
		buf[n] = '\0';
		if (fh[0] == 'E') {
			end = (int)line;
			break;
		}
		if (fh[0] == 'B') {
			cb->bad(line, buf, cb->ctx);
			continue;
		}
		if (fh[0] == 'N' || fh[0] == 'S' || fh[0] == 'O') {
			(fh[0] == 'N' ? fmt_note : fh[0] == 'S' ? fmt_skip
			 : fmt_needs_ocr)(cb, "%s", buf);
			continue;
		}
		fmt_doc_t d = { .line = line ? line : 1 };
		size_t el = strnlen(buf, n);
		if (fh[0] != 'D' || el == n ||
		    naqib_record_decode(buf + el + 1, n - el - 1, &d.rec)) {
			cb->bad(0, "the worker process sent a damaged document",
				cb->ctx);
			died = 1;
			break;
		}
		d.encoding = el ? buf : NULL;
		if ((st = cb->doc(&d, cb->ctx))) {
			died = 1; /* it is still writing: it goes */
			break;
		}
	}
	free(buf);
	int status = 0;
	if (died)
		reap(1, &status);
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
	else if (died && ingest_interrupted)
		return NAQIB_E_INTERRUPTED;
	else if (died)
		describe_end(x, f, status, msg, sizeof msg);
	else if (end == END_OUTPUT)
		snprintf(msg, sizeof msg, "the %s reader gave more than %llu "
			 "MB of text (a decompression bomb?); the rest is left "
			 "out", f->name, x->worker_output >> 20);
	else if (end == END_NOMEM)
		snprintf(msg, sizeof msg, "the %s reader ran out of memory "
			 "(limit %u MB)", f->name, x->worker_memory);
	if (*msg)
		cb->bad(0, msg, cb->ctx);
	return st;
}
