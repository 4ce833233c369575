/* The bottom layer of libnaqib: a growing buffer, growing arrays, UTF-8,
 * one hash, and the message of the last failure.  Shared by the library's
 * files and by the tools, which link libnaqib statically; not exported by
 * the shared library (its version script exports naqib_* only). */
#ifndef NAQIB_UTIL_H
#define NAQIB_UTIL_H

#include <stddef.h>
#include <stdint.h>

#include "naqib.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Records a message for naqib_last_error() and returns status. */
naqib_status_t _naqib_fail(naqib_status_t status, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* What a stop callback (NULL: none) says: NAQIB_E_INTERRUPTED, with a
 * message, when it says to stop; else NAQIB_OK. */
naqib_status_t _naqib_asked_to_stop(int (*stop)(void *ctx), void *ctx);

/* ---------------------------------------------------------------- buffer
 * A growing byte buffer, as git's strbuf: data is never NULL and always
 * NUL-terminated (an empty buffer points at a shared ""), so that it can be
 * read as a string at any time.  Start one with NAQIB_BUF_INIT; hand its
 * bytes over with _naqib_buf_detach(); _naqib_buf_free() makes it empty
 * again. */
typedef struct _naqib_buf {
	char *data;
	size_t len;
	size_t cap;  /* 0: data is the shared "", nothing allocated */
	int failed;  /* an addition ran out of memory (and was left out):
			code that adds many pieces checks once at the end */
} _naqib_buf_t;

extern char _naqib_buf_empty[1];
#define NAQIB_BUF_INIT { _naqib_buf_empty, 0, 0, 0 }

naqib_status_t _naqib_buf_reserve(_naqib_buf_t *b, size_t extra);
naqib_status_t _naqib_buf_add(_naqib_buf_t *b, const char *s, size_t n);
/* A NUL-terminated string. */
naqib_status_t _naqib_buf_adds(_naqib_buf_t *b, const char *s);
naqib_status_t _naqib_buf_addc(_naqib_buf_t *b, char c);
naqib_status_t _naqib_buf_printf(_naqib_buf_t *b, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* Empties the buffer, keeping its memory. */
void _naqib_buf_reset(_naqib_buf_t *b);
/* The bytes as a malloc'd string the caller frees (len: its length, may
 * be NULL); the buffer is empty afterwards.  NULL only when out of memory
 * (an empty buffer has nothing allocated to hand over). */
char *_naqib_buf_detach(_naqib_buf_t *b, size_t *len);
void _naqib_buf_free(_naqib_buf_t *b);
/* The end of building a result in b: after a failure st, frees b and
 * returns st; else hands b's bytes to *out (length *len, may be NULL) and
 * returns NAQIB_OK, or NAQIB_E_NOMEM.  *out is NULL on failure. */
naqib_status_t _naqib_buf_finish(_naqib_buf_t *b, naqib_status_t st,
				 char **out, size_t *len);

/* ---------------------------------------------------------------- arrays */

/* Makes room in the array *p of *cap elements of size bytes for need of
 * them, doubling (16 at first).  NAQIB_E_NOMEM (*p unchanged) when out of
 * memory.  NAQIB_GROW(array, cap, need) for a typed array; it calls only
 * when the array must grow (the analyser grows its tokens word by word). */
naqib_status_t _naqib_grow(void **p, size_t *cap, size_t need, size_t size);
#define NAQIB_GROW(array, cap, need)                                       \
	((need) <= (cap) ? NAQIB_OK                                         \
			 : _naqib_grow((void **)&(array), &(cap), (need),   \
				       sizeof *(array)))

/* ---------------------------------------------------------------- hash */

/* FNV-1a, 64 bits, of s[0..n): stable across runs and machines (shards
 * and file marks depend on it).  Inline: the stem cache and the thesaurus
 * hash every word. */
static inline uint64_t _naqib_hash(const char *s, size_t n)
{
	uint64_t h = 14695981039346656037ULL;

	for (size_t i = 0; i < n; i++)
		h = (h ^ (unsigned char)s[i]) * 1099511628211ULL;
	return h;
}

/* ---------------------------------------------------------------- UTF-8 */

/* Encodes code point c as UTF-8 into out (room for 4 bytes); returns the
 * number of bytes written. */
size_t _naqib_utf8_put(char *out, unsigned c);

/* Decodes the code point at s[*i] (the text is valid UTF-8) and advances *i. */
unsigned _naqib_utf8_next(const char *s, size_t *i);

/* The code points of the valid UTF-8 string s, at most max of them, into
 * cp; how many (max + 1 when there are more). */
size_t _naqib_utf8_code_points(const char *s, unsigned *cp, size_t max);

/* The length of the valid UTF-8 sequence at s[i..n) (as naqib_utf8_check()
 * has it: NUL is none), or 0; leaves no message. */
size_t _naqib_utf8_valid_at(const char *s, size_t n, size_t i);

/* Whether the valid sequence s[i..i+len) is a control character: C0, DEL
 * or C1 (U+0080..U+009F, which some terminals obey too). */
int _naqib_utf8_control_at(const char *s, size_t i, size_t len);

/* Appends s[0..n) to b for a terminal: each byte that is not part of valid
 * UTF-8, and each byte of a control character (ESC starts the sequences
 * that clear a screen, set a window's title or hide text), as \xHH; with
 * `spaces`, a tab, line feed or carriage return is a space instead (a
 * title or a snippet on one line). */
naqib_status_t _naqib_buf_add_visible(_naqib_buf_t *b, const char *s, size_t n,
				      int spaces);

/* The bytes of s[0..n) before the first that is not part of valid UTF-8
 * (n when it is all valid); leaves no message. */
size_t _naqib_utf8_valid_len(const char *s, size_t n);

/* Appends s[0..n) to b with each byte that is not part of valid UTF-8 as
 * U+FFFD, for an output that takes UTF-8 only (JSON). */
naqib_status_t _naqib_buf_add_valid(_naqib_buf_t *b, const char *s, size_t n);

/* Code points in s[0..n) (valid UTF-8). */
size_t _naqib_utf8_count(const char *s, size_t n);

/* How much of s[0..n) a message quotes when it shows at most max bytes:
 * n when it fits, else max or less, so that the cut never falls inside a
 * UTF-8 sequence (for "%.*s"; reads s[0..max) only).  Bytes that are not
 * valid UTF-8 count one each. */
size_t _naqib_utf8_cut(const char *s, size_t n, size_t max);

/* Whether code point c belongs to the Arabic script blocks. */
int _naqib_is_arabic(unsigned c);

/* ---------------------------------------------------------------- words */

/* The Damerau-Levenshtein distance (adjacent swaps count one) between the
 * code points a[0..n) and b[0..m), or max + 1 when it is more than max. */
unsigned _naqib_edit_distance(const unsigned *a, size_t n, const unsigned *b,
			      size_t m, unsigned max);

/* The nearest of candidates to a word, for "did you mean": those at the
 * smallest edit distance, up to a limit, and of those the ones whose first
 * letters are most like the word's (a slip is seldom in the first
 * letters: --limt is --limit, not --list; cdtt is CDT, not CGTT).  Start
 * with best = limit + 1 and prefix = 0. */
typedef struct _naqib_nearest {
	unsigned limit, best; /* the largest distance taken; the best yet */
	size_t prefix;        /* the common prefix of the best yet */
} _naqib_nearest_t;

#define _NAQIB_NEAREST_INIT(limit) { (limit), (limit) + 1, 0 }

/* Takes a candidate at distance d that begins with the word's first
 * `prefix` code points: 0 when it is not among the nearest, 1 when it is
 * as near as those kept so far, 2 when it is nearer than them all (those
 * are to be dropped). */
int _naqib_nearest_take(_naqib_nearest_t *n, unsigned d, size_t prefix);

/* How many code points a[0..n) and b[0..m) begin with alike. */
size_t _naqib_common_prefix(const unsigned *a, size_t n, const unsigned *b,
			    size_t m);

#ifdef __cplusplus
}
#endif

#endif
