/* The stemmers, in one table: a stemmer is a file of its own with its
 * function table (stemmer.h) and a row here, its name and what it does.
 * --help, the messages, --list stemmer (bash completion), the fuzzers and
 * the tests read the table through naqib_stemmer_name().  Also the public
 * handle, which keeps the rule every stemmer shares: over-long words pass
 * through. */
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "stemmer.h"

/* NAME, and a line for --list: the table, first the default. */
#define STEMMERS(X)                                                         \
	X(snowball, "Snowball's Arabic stemmer, with naqib's fixes for "    \
		    "ta marbuta, conjunctions and plurals (the default)")   \
	X(light, "a light stemmer: the article, clitics and inflectional "  \
		 "suffixes off, the inside of a word untouched")           \
	X(none, "no stemming: words match as normalized")

#define DECLARE(name, description) \
	extern const _naqib_stemmer_ops_t _naqib_stemmer_##name;
STEMMERS(DECLARE)

static const struct stemmer_row {
	const char *name, *description;
	const _naqib_stemmer_ops_t *ops;
} stemmers[] = {
#define ROW(name, description) { #name, description, &_naqib_stemmer_##name },
	STEMMERS(ROW)
};

#define N_STEMMERS (sizeof stemmers / sizeof *stemmers)

struct naqib_stemmer {
	const _naqib_stemmer_ops_t *ops;
	void *state;
};

const char *naqib_stemmer_name(size_t i, const char **description)
{
	if (i >= N_STEMMERS)
		return NULL;
	if (description)
		*description = stemmers[i].description;
	return stemmers[i].name;
}

naqib_status_t naqib_stemmer_new(const char *name, const char *language,
				 naqib_stemmer_t **out)
{
	*out = NULL;
	if (!name)
		return _naqib_fail(NAQIB_E_INVALID, "no stemmer name given");
	for (size_t i = 0; i < N_STEMMERS; i++) {
		if (strcmp(stemmers[i].name, name) != 0)
			continue;
		naqib_stemmer_t *s = calloc(1, sizeof *s);
		if (!s)
			return _naqib_fail(NAQIB_E_NOMEM, "out of memory");
		s->ops = stemmers[i].ops;
		int st = s->ops->create(language, &s->state);
		if (st) {
			free(s);
			return st;
		}
		*out = s;
		return NAQIB_OK;
	}
	_naqib_buf_t known = NAQIB_BUF_INIT;
	for (size_t i = 0; i < N_STEMMERS; i++)
		_naqib_buf_printf(&known, "%s%s", i ? ", " : "",
				  stemmers[i].name);
	naqib_status_t st = _naqib_fail(NAQIB_E_INVALID,
					"unknown stemmer '%s' (known: %s)",
					name, known.data);
	_naqib_buf_free(&known);
	return st;
}

naqib_status_t naqib_stemmer_stem(naqib_stemmer_t *s, const char *word,
				  size_t len, const char **out, size_t *out_len)
{
	if (len > NAQIB_MAX_STEM_INPUT) {
		*out = word;
		*out_len = len;
		return NAQIB_OK;
	}
	return s->ops->stem(s->state, word, len, out, out_len);
}

void naqib_stemmer_destroy(naqib_stemmer_t *s)
{
	if (!s)
		return;
	s->ops->destroy(s->state);
	free(s);
}
