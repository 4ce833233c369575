/* Fuzzes the analysis pipeline as the indexer runs it on a field of a
 * document: naqib_analyze() on any bytes (it checks the UTF-8 itself), then
 * what lib/schema/document.c does with the tokens (thesaurus names, dates), and
 * naqib_normalize() and naqib_analyzer_stem() on the words as the query
 * parser calls them.  The first byte picks one of the analysers, one per
 * stemmer of the table with a Latin stemmer each (it stays part of the
 * text). */
#include "fuzz.h"

#define MAX_ANALYZERS 16
#define MAX_WORDS 64

static naqib_analyzer_t *analyzers[MAX_ANALYZERS];
static size_t n_analyzers;

static void make_analyzer(int i, const char *stemmer, const char *latin)
{
	naqib_analyzer_options_t o = { stemmer, latin };

	fuzz_analyzer_new(&o, &analyzers[i]);
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	static const char *const latin[] = { "french", "english", "none" };
	const char *s;
	for (size_t i = 0; (s = naqib_stemmer_name(i, NULL)); i++) {
		FUZZ_ASSERT(i < MAX_ANALYZERS);
		make_analyzer((int)i, s, latin[i % 3]);
		n_analyzers++;
	}
	return 0;
}

/* A word of the text, copied out of the analyser's buffers, which the next
 * call on the analyser reuses. */
typedef struct word {
	size_t start, end;
	char norm[NAQIB_MAX_TERM * 2 + 8];
	size_t norm_len;
	unsigned flags;
} word_t;

static word_t words[MAX_WORDS];

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	naqib_analyzer_t *a = analyzers[size ? data[0] % n_analyzers : 0];
	const char *text = (const char *)data;
	const naqib_token_t *t;
	size_t n, nw = 0;
	int st;

	st = naqib_analyze(a, text, size, &t, &n);
	if (st) {
		FUZZ_ASSERT(st == NAQIB_E_UTF8);
		FUZZ_ASSERT(!fuzz_utf8(text, size));
	} else {
		FUZZ_ASSERT(fuzz_utf8(text, size));
		fuzz_check_tokens(t, n, size);
		for (size_t i = 0; i < n; i++)
			(void)naqib_is_stopword(t[i].norm, t[i].norm_len);

		/* What the document of a record does with them. */
		const naqib_thes_match_t *m;
		size_t nm;
		naqib_thesaurus_t *th = naqib_analyzer_thesaurus(a);
		FUZZ_OK(naqib_thesaurus_match(th, t, n, &m, &nm));
		for (size_t i = 0; i < nm; i++) {
			FUZZ_ASSERT(m[i].first < m[i].last && m[i].last <= n);
			FUZZ_ASSERT(m[i].entry < naqib_thesaurus_size(th));
		}
		naqib_date_mention_t *dm = NULL;
		size_t nd;
		FUZZ_OK(naqib_dates_find(t, n, text, size, "2025-06-15", &dm,
					 &nd));
		for (size_t i = 0; i < nd; i++) {
			FUZZ_ASSERT(dm[i].first < dm[i].last &&
				    dm[i].last <= n);
			FUZZ_ASSERT(dm[i].month >= 1 && dm[i].month <= 12);
			FUZZ_ASSERT(dm[i].day >= 1 && dm[i].day <= 31);
		}
		free(dm);
		FUZZ_OK(naqib_dates_find(t, n, text, size, NULL, &dm, &nd));
		free(dm);

		for (size_t i = 0; i < n && nw < MAX_WORDS; i++) {
			if (t[i].norm_len >= sizeof words[nw].norm)
				continue;
			words[nw].start = t[i].start;
			words[nw].end = t[i].end;
			memcpy(words[nw].norm, t[i].norm, t[i].norm_len + 1);
			words[nw].norm_len = t[i].norm_len;
			words[nw].flags = t[i].flags;
			nw++;
		}
	}

	/* The words one by one, as the query parser and the snippets see
	 * them: each normalizes and stems without failing. */
	for (size_t i = 0; i < nw; i++) {
		const char *out;
		size_t out_len;
		FUZZ_OK(naqib_normalize(a, text + words[i].start,
					words[i].end - words[i].start, &out,
					&out_len));
		FUZZ_ASSERT(fuzz_utf8(out, out_len));
		FUZZ_OK(naqib_analyzer_stem(a, words[i].norm,
					    words[i].norm_len, &out,
					    &out_len));
		FUZZ_ASSERT(fuzz_utf8(out, out_len));
	}

	/* The whole input as one word. */
	const char *out;
	size_t out_len;
	st = naqib_normalize(a, text, size, &out, &out_len);
	if (st)
		FUZZ_ASSERT(st == NAQIB_E_UTF8 || st == NAQIB_E_ICU);
	else
		FUZZ_ASSERT(fuzz_utf8(out, out_len));
	return 0;
}
