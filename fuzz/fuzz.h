/* What the libFuzzer harnesses share: a loud failure for a broken promise
 * of the API (so that the fuzzer records the input), the analyser
 * naqib-index makes, and the checks of those promises that several
 * harnesses make: of tokens, and of the documents the readers of
 * indexer/formats/ hand over.  Each harness keeps what is its own: how
 * it makes its input, which reader it calls, its own checks. */
#ifndef NAQIB_FUZZ_H
#define NAQIB_FUZZ_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "formats/formats.h"
#include "formats/reader.h"
#include "naqib.h"
#include "util/util.h"

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

/* An analyser with options o (NULL: the defaults) and the built-in
 * thesaurus, as naqib-index makes it. */
static inline void fuzz_analyzer_new(const naqib_analyzer_options_t *o,
				     naqib_analyzer_t **out)
{
	naqib_thesaurus_t *th;
	size_t len;
	const char *text = naqib_thesaurus_builtin(&len);

	FUZZ_OK(naqib_analyzer_new(o, out));
	FUZZ_OK(naqib_thesaurus_new(*out, &th));
	FUZZ_OK(naqib_thesaurus_load(th, text, len, "built-in"));
	naqib_analyzer_set_thesaurus(*out, th);
}

/* The analyser naqib-index indexes with by default, made at the first
 * call (fuzz_check_doc()'s, for the readers' harnesses). */
static inline naqib_analyzer_t *fuzz_analyzer(void)
{
	static naqib_analyzer_t *an;

	if (!an)
		fuzz_analyzer_new(NULL, &an);
	return an;
}

/* A field of a record: none, or valid UTF-8. */
static inline void fuzz_check_field(const char *s)
{
	if (s)
		FUZZ_ASSERT(fuzz_utf8(s, strlen(s)));
}

/* The tokens the indexer makes of a field keep their promises. */
static inline void fuzz_check_field_tokens(naqib_analyzer_t *an,
					   const char *text)
{
	const naqib_token_t *t;
	size_t n;

	if (!text || !*text)
		return;
	FUZZ_OK(naqib_analyze(an, text, strlen(text), &t, &n));
	fuzz_check_tokens(t, n, strlen(text));
}

/* What fuzz_check_doc() checks besides what every reader promises. */
#define FUZZ_DOC_TITLE_LINE 0x1u /* a title of one line; a made one short */
#define FUZZ_DOC_DATE_READS 0x2u /* a date that naqib reads, or none */

/* The promises of every reader for each document it hands over: a line,
 * an id, a text or a title, every field valid UTF-8, a date naqib reads
 * as a day or none, the tokens of title and body in order, what
 * index_doc() does short of the database write (analysis, thesaurus,
 * dates: naqib_doc_from_record()), and a record that encodes and
 * decodes to itself; those of `promises` (FUZZ_DOC_*) too. */
static inline void fuzz_check_doc(const fmt_doc_t *d, unsigned promises)
{
	naqib_analyzer_t *an = fuzz_analyzer();
	naqib_record_t rec = d->rec, back;
	naqib_doc_t *doc = NULL;
	char *data = NULL, date[11];
	size_t len;

	FUZZ_ASSERT(d->line >= 1);
	FUZZ_ASSERT(rec.id && *rec.id);
	FUZZ_ASSERT(rec.body || rec.title);
	fuzz_check_field(rec.id);
	fuzz_check_field(rec.title);
	fuzz_check_field(rec.date);
	fuzz_check_field(rec.url);
	fuzz_check_field(rec.source);
	fuzz_check_field(rec.path);
	fuzz_check_field(rec.body);
	fuzz_check_field(rec.author);
	fuzz_check_field(rec.format);
	fuzz_check_field(rec.parent);
	if ((promises & FUZZ_DOC_TITLE_LINE) && rec.title) {
		FUZZ_ASSERT(!strchr(rec.title, '\n'));
		if (rec.flags & NAQIB_RECORD_TITLE_FROM_TEXT)
			FUZZ_ASSERT(_naqib_utf8_count(rec.title,
						      strlen(rec.title)) <=
				    TITLE_CHARS + 2);
	}
	naqib_date_normalize(rec.date, date);
	FUZZ_ASSERT(strlen(date) == 0 || strlen(date) == 10);
	if ((promises & FUZZ_DOC_DATE_READS) && rec.date && *rec.date)
		FUZZ_ASSERT(naqib_date_normalize(rec.date, date) == NAQIB_OK);

	fuzz_check_field_tokens(an, rec.title);
	fuzz_check_field_tokens(an, rec.body);
	/* The readers hand over valid UTF-8: nothing else may fail. */
	FUZZ_OK(naqib_doc_from_record(an, &rec, NULL, &doc));
	naqib_doc_destroy(doc);

	FUZZ_OK(naqib_record_encode(&rec, &data, &len));
	FUZZ_OK(naqib_record_decode(data, len, &back));
#define FUZZ_SAME(f) FUZZ_ASSERT(!strcmp(rec.f ? rec.f : "", back.f))
	FUZZ_SAME(id);
	FUZZ_SAME(title);
	FUZZ_SAME(date);
	FUZZ_SAME(url);
	FUZZ_SAME(source);
	FUZZ_SAME(path);
	FUZZ_SAME(body);
	FUZZ_SAME(author);
	FUZZ_SAME(format);
	FUZZ_SAME(parent);
#undef FUZZ_SAME
	FUZZ_ASSERT(rec.pages == back.pages);
	FUZZ_ASSERT(rec.ocr_confidence == back.ocr_confidence);
	FUZZ_ASSERT(rec.flags == back.flags);
	free(data);
}

/* The readers' error callback: a document or file skipped is said in a
 * message, in UTF-8 (it is printed, and goes into the summary). */
static inline void fuzz_on_bad(size_t line, const char *message, void *ctx)
{
	(void)line;
	(void)ctx;
	FUZZ_ASSERT(message && *message);
	FUZZ_ASSERT(fuzz_utf8(message, strlen(message)));
}

#endif
