/* Fuzzes every stemmer of the table, naqib_stemmer_name() (and Snowball in the Latin
 * languages the analyser offers).  The stemmers take a normalized word,
 * valid UTF-8 (they do not check it), so they get:
 *  - the words of the input as the analyser hands them over (the
 *    production path: normalized, any length);
 *  - the input itself when it is valid UTF-8, as an unusual word;
 * and each result must be valid UTF-8, the same when asked again, and the
 * word itself when it is longer than NAQIB_MAX_STEM_INPUT.  The input as a
 * stemmer name or language must be accepted or refused cleanly. */
#include "fuzz.h"

#define MAX_STEMMERS 16

static naqib_stemmer_t *stemmers[MAX_STEMMERS];
static size_t n_stemmers;
static naqib_analyzer_t *analyzer;

static void add(const char *name, const char *language)
{
	FUZZ_ASSERT(n_stemmers < MAX_STEMMERS);
	FUZZ_OK(naqib_stemmer_new(name, language, &stemmers[n_stemmers]));
	n_stemmers++;
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	naqib_analyzer_options_t o = { "none", "none" };

	(void)argc;
	(void)argv;
	const char *n;
	for (size_t i = 0; (n = naqib_stemmer_name(i, NULL)); i++)
		add(n, NULL);
	add("snowball", "french");
	add("snowball", "english");
	FUZZ_OK(naqib_analyzer_new(&o, &analyzer));
	return 0;
}

static char first[NAQIB_MAX_STEM_INPUT * 4 + 64];

static void stem(naqib_stemmer_t *s, const char *word, size_t len)
{
	const char *out, *again;
	size_t out_len, again_len;

	FUZZ_OK(naqib_stemmer_stem(s, word, len, &out, &out_len));
	if (len > NAQIB_MAX_STEM_INPUT) {
		FUZZ_ASSERT(out == word && out_len == len);
		return;
	}
	FUZZ_ASSERT(out_len < sizeof first);
	FUZZ_ASSERT(fuzz_utf8(out, out_len));
	memcpy(first, out, out_len);
	FUZZ_OK(naqib_stemmer_stem(s, word, len, &again, &again_len));
	FUZZ_ASSERT(again_len == out_len && !memcmp(first, again, out_len));
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *text = (const char *)data;
	const naqib_token_t *t;
	size_t n;

	if (!naqib_analyze(analyzer, text, size, &t, &n)) {
		for (size_t i = 0; i < n; i++)
			for (size_t k = 0; k < n_stemmers; k++)
				stem(stemmers[k], t[i].norm, t[i].norm_len);
	}
	if (fuzz_utf8(text, size)) {
		/* An exact-size copy: a read past the word is caught. */
		char *w = malloc(size ? size : 1);
		FUZZ_ASSERT(w);
		memcpy(w, text, size);
		for (size_t k = 0; k < n_stemmers; k++)
			stem(stemmers[k], w, size);
		free(w);
	}
	if (size < 64) {
		char *s = fuzz_cstr(data, size);
		naqib_stemmer_t *st = NULL;
		if (!naqib_stemmer_new(s, NULL, &st))
			naqib_stemmer_destroy(st);
		else
			FUZZ_ASSERT(st == NULL);
		st = NULL;
		if (!naqib_stemmer_new("snowball", s, &st)) {
			stem(st, "abc", 3);
			naqib_stemmer_destroy(st);
		} else {
			FUZZ_ASSERT(st == NULL);
		}
		free(s);
	}
	return 0;
}
