/* A minimal unit test harness: CHECK() records a failure with its line and
 * goes on, so that one run shows every broken case; main() returns the
 * failure count through check_done(). */
#ifndef NAQIB_CHECK_H
#define NAQIB_CHECK_H

#include <stdio.h>
#include <string.h>

static int check_failures, check_count;

#define CHECK(cond)                                                         \
	do {                                                                \
		check_count++;                                              \
		if (!(cond)) {                                              \
			check_failures++;                                   \
			fprintf(stderr, "%s:%d: check failed: %s\n",        \
				__FILE__, __LINE__, #cond);                 \
		}                                                           \
	} while (0)

/* Compares two strings and shows both when they differ. */
#define CHECK_STR(got, want, what)                                          \
	do {                                                                \
		const char *g_ = (got), *w_ = (want);                       \
		check_count++;                                              \
		if (!g_ || strcmp(g_, w_) != 0) {                           \
			check_failures++;                                   \
			fprintf(stderr,                                     \
				"%s:%d: %s: got '%s', want '%s'\n",         \
				__FILE__, __LINE__, (what),                 \
				g_ ? g_ : "(null)", w_);                    \
		}                                                           \
	} while (0)

static inline int check_done(const char *name)
{
	if (check_failures)
		fprintf(stderr, "%s: %d of %d checks failed\n", name,
			check_failures, check_count);
	else
		printf("%s: %d checks passed\n", name, check_count);
	return check_failures ? 1 : 0;
}

#endif
