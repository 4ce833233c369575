/* What the libFuzzer harnesses share: a loud failure for a broken promise
 * of the API (so that the fuzzer records the input), and the checks of
 * those promises that several harnesses make. */
#ifndef NAQIB_FUZZ_H
#define NAQIB_FUZZ_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "naqib.h"

/* A broken promise: abort() makes libFuzzer save the input as a crash. */
#define FUZZ_ASSERT(cond)                                                     \
	do {                                                                  \
		if (!(cond)) {                                                \
			fprintf(stderr, "%s:%d: broken promise: %s\n",        \
				__FILE__, __LINE__, #cond);                   \
			abort();                                              \
		}                                                             \
	} while (0)

/* A call that must not fail with these arguments. */
#define FUZZ_OK(call)                                                         \
	do {                                                                  \
		int fuzz_st_ = (call);                                        \
		if (fuzz_st_) {                                               \
			fprintf(stderr, "%s:%d: %s failed: %s: %s\n",         \
				__FILE__, __LINE__, #call,                    \
				naqib_status_to_string(fuzz_st_),             \
				naqib_last_error());                          \
			abort();                                              \
		}                                                             \
	} while (0)

/* data[0..size) as a NUL-terminated string in its own allocation, so that
 * ASan sees a read past its end; the string stops at the first NUL, as a C
 * string given to the program (argv, QUERY_STRING) would. */
static inline char *fuzz_cstr(const uint8_t *data, size_t size)
{
	char *s = malloc(size + 1);

	if (!s)
		abort();
	memcpy(s, data, size);
	s[size] = '\0';
	return s;
}

/* Whether s[0..n) is text every reader of the library accepts. */
static inline int fuzz_utf8(const char *s, size_t n)
{
	return naqib_utf8_check(s, n, NULL) == NAQIB_OK;
}

/* The promises of naqib_analyze() about its tokens, for text[0..len):
 * in order, apart, except the words NFKC makes of one ligature (ﷺ), which
 * are tokens over the same bytes. */
static inline void fuzz_check_tokens(const naqib_token_t *t, size_t n,
				     size_t len)
{
	for (size_t i = 0; i < n; i++) {
		FUZZ_ASSERT(t[i].start < t[i].end);
		FUZZ_ASSERT(t[i].end <= len);
		if (i > 0)
			FUZZ_ASSERT(t[i].start >= t[i - 1].end ||
				    (t[i].start == t[i - 1].start &&
				     t[i].end == t[i - 1].end));
		FUZZ_ASSERT(t[i].norm && t[i].stem);
		FUZZ_ASSERT(strlen(t[i].norm) == t[i].norm_len);
		FUZZ_ASSERT(strlen(t[i].stem) == t[i].stem_len);
		FUZZ_ASSERT(fuzz_utf8(t[i].norm, t[i].norm_len));
		FUZZ_ASSERT(fuzz_utf8(t[i].stem, t[i].stem_len));
	}
}

#endif
