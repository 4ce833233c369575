/* A minimal unit test harness that prints TAP, as tests/run and prove(1)
 * read it.  A test is a list of named cases:
 *
 *	check_begin("a name, printf-style %s", ...);
 *	CHECK(...); CHECK_STR(...);
 *	check_end();		-> "ok 3 - a name" or "not ok 3 - a name"
 *
 * or a table { "name", function } run by check_run().  CHECK() records a
 * failure with its file and line and goes on, so that one run shows every
 * broken check; a failing case's messages follow its "not ok" line as "# "
 * lines.  main() ends with `return check_done();`, which prints the plan
 * "1..N" and returns 1 if any case failed.  A check outside any case counts
 * in a case of its own, "checks outside a case".  A case that crashes
 * (where no sanitizer has the signal) is told "not ok N - name" before the
 * test dies. */
#ifndef NAQIB_CHECK_H
#define NAQIB_CHECK_H

#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

typedef struct check_case {
	const char *name;
	void (*run)(void);
} check_case_t;

#define CHECK_N(table) (sizeof(table) / sizeof *(table))

static int check_cases, check_cases_failed; /* cases ended so far */
static long check_count;		     /* checks run, in every case */
static int check_failures;		     /* failed checks in this case */
static int check_open;			     /* a case has begun */
static char check_name[512];
static char *check_diag;		     /* this case's messages */
static size_t check_diag_len;
static FILE *check_diag_f;
static char check_crash_line[sizeof check_name + 64]; /* for a crash */
static size_t check_crash_len;

static inline void check_begin(const char *fmt, ...)
	__attribute__((format(printf, 1, 2)));
static inline void check_note(const char *fmt, ...)
	__attribute__((format(printf, 1, 2)));
static inline void check_fail_at(const char *file, int line,
				 const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
static inline void check_end(void);

/* On a crash: the case's line, then the signal as it would have been. */
static inline void check_crashed(int sig)
{
	ssize_t w = write(STDOUT_FILENO, check_crash_line, check_crash_len);

	(void)w;
	signal(sig, SIG_DFL);
	raise(sig);
}

/* A sanitizer's handler stays: its report tells more than a line. */
static inline void check_catch_crashes(void)
{
	static const int sigs[] = { SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT };
	static int done;

	for (size_t i = 0; !done && i < CHECK_N(sigs); i++) {
		struct sigaction old;
		if (sigaction(sigs[i], NULL, &old) == 0 &&
		    old.sa_handler == SIG_DFL && !(old.sa_flags & SA_SIGINFO))
			signal(sigs[i], check_crashed);
	}
	done = 1;
}

static inline void check_vbegin(const char *fmt, va_list ap)
{
	char raw[sizeof check_name];
	size_t o = 0;

	if (check_open)
		check_end();
	check_catch_crashes();
	vsnprintf(raw, sizeof raw, fmt, ap);
	/* One line of TAP: control characters shown as escapes, and '#'
	 * (which would start a TAP directive) escaped. */
	for (const unsigned char *p = (const unsigned char *)raw;
	     *p && o + 5 < sizeof check_name; p++) {
		if (*p == '\n')
			o += (size_t)snprintf(check_name + o, 3, "\\n");
		else if (*p == '\033')
			o += (size_t)snprintf(check_name + o, 3, "\\e");
		else if (*p < 0x20 || *p == 0x7f)
			o += (size_t)snprintf(check_name + o, 5, "\\x%02x", *p);
		else if (*p == '#')
			o += (size_t)snprintf(check_name + o, 3, "\\#");
		else
			check_name[o++] = (char)*p;
	}
	check_name[o] = '\0';
	check_crash_len = (size_t)snprintf(check_crash_line,
					   sizeof check_crash_line,
					   "not ok %d - %s (it crashed)\n",
					   check_cases + 1, check_name);
	if (check_crash_len >= sizeof check_crash_line)
		check_crash_len = sizeof check_crash_line - 1;
	check_failures = 0;
	check_diag = NULL;
	check_diag_len = 0;
	check_diag_f = open_memstream(&check_diag, &check_diag_len);
	check_open = 1;
}

/* Begins a case of that name. */
static inline void check_begin(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	check_vbegin(fmt, ap);
	va_end(ap);
}

/* Where the current case's messages go (stderr if no memory is left). */
static inline FILE *check_out(void)
{
	if (!check_open)
		check_begin("checks outside a case");
	return check_diag_f ? check_diag_f : stderr;
}

/* A message that goes with the current case's result. */
static inline void check_note(const char *fmt, ...)
{
	FILE *f = check_out();
	va_list ap;

	va_start(ap, fmt);
	vfprintf(f, fmt, ap);
	va_end(ap);
	fputc('\n', f);
}

/* Counts a failed check of the current case, with where it is and why. */
static inline void check_fail_at(const char *file, int line,
				 const char *fmt, ...)
{
	FILE *f = check_out();
	va_list ap;

	check_failures++;
	fprintf(f, "%s:%d: ", file, line);
	va_start(ap, fmt);
	vfprintf(f, fmt, ap);
	va_end(ap);
	fputc('\n', f);
}

/* Counts a check, in a case of its own if it is outside any. */
static inline void check_tick(void)
{
	if (!check_open)
		check_begin("checks outside a case");
	check_count++;
}

#define CHECK(cond)                                                         \
	do {                                                                \
		check_tick();                                               \
		if (!(cond))                                                \
			check_fail_at(__FILE__, __LINE__,                   \
				      "check failed: %s", #cond);           \
	} while (0)

/* Compares two strings and shows both when they differ. */
#define CHECK_STR(got, want, what)                                          \
	do {                                                                \
		const char *g_ = (got), *w_ = (want);                       \
		check_tick();                                               \
		if (!g_ || strcmp(g_, w_) != 0)                             \
			check_fail_at(__FILE__, __LINE__,                   \
				      "%s: got '%s', want '%s'", (what),    \
				      g_ ? g_ : "(null)", w_);              \
	} while (0)

/* A check whose failure is told by a message of its own. */
#define CHECK_MSG(cond, ...)                                                \
	do {                                                                \
		check_tick();                                               \
		if (!(cond))                                                \
			check_fail_at(__FILE__, __LINE__, __VA_ARGS__);     \
	} while (0)

/* Ends the current case: its TAP line, then its messages as comments. */
static inline void check_end(void)
{
	if (!check_open)
		return;
	check_open = 0;
	check_crash_len = 0;
	check_cases++;
	if (check_failures)
		check_cases_failed++;
	printf("%sok %d - %s\n", check_failures ? "not " : "", check_cases,
	       check_name);
	if (check_diag_f && fclose(check_diag_f) == 0) {
		for (const char *p = check_diag; p && *p;) {
			size_t len = strcspn(p, "\n");
			printf("# %.*s\n", (int)len, p);
			p += len + (p[len] == '\n');
		}
	}
	free(check_diag);
	check_diag = NULL;
	check_diag_f = NULL;
	/* What a crash in the next case leaves is what is printed now. */
	fflush(stdout);
}

/* Runs each case of a table. */
static inline void check_run(const check_case_t *cases, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		check_begin("%s", cases[i].name);
		cases[i].run();
		check_end();
	}
}

/* The plan; the exit status of the test.  (check_done("name"), as the
 * tests wrote it before cases, works too: their checks are one case.) */
#define check_done(...) check_finish()
static inline int check_finish(void)
{
	check_end();
	printf("1..%d\n# %ld checks in %d cases, %d cases failed\n",
	       check_cases, check_count, check_cases, check_cases_failed);
	fflush(stdout);
	return check_cases_failed ? 1 : 0;
}

#endif
