/* The public stemmer handle: picks an implementation from the table and
 * keeps the rule every stemmer shares, that over-long words pass through. */
#include <stdlib.h>
#include <string.h>

#include "naqib.h"
#include "internal.h"
#include "stemmer.h"

static const _naqib_stemmer_ops_t *const stemmers[] = {
	&_naqib_stemmer_snowball,
	&_naqib_stemmer_light,
	&_naqib_stemmer_none,
};

static const char *const stemmer_names[] = { "snowball", "light", "none",
					      NULL };

struct naqib_stemmer {
	const _naqib_stemmer_ops_t *ops;
	void *state;
};

const char *const *naqib_stemmer_names(void)
{
	return stemmer_names;
}

naqib_status_t naqib_stemmer_new(const char *name, const char *language,
				 naqib_stemmer_t **out)
{
	*out = NULL;
	if (!name)
		return _naqib_fail(NAQIB_E_INVALID, "no stemmer name given");
	for (size_t i = 0; i < sizeof stemmers / sizeof *stemmers; i++) {
		if (strcmp(stemmers[i]->name, name) != 0)
			continue;
		naqib_stemmer_t *s = calloc(1, sizeof *s);
		if (!s)
			return _naqib_fail(NAQIB_E_NOMEM, "out of memory");
		s->ops = stemmers[i];
		int st = s->ops->create(language, &s->state);
		if (st) {
			free(s);
			return st;
		}
		*out = s;
		return NAQIB_OK;
	}
	return _naqib_fail(NAQIB_E_INVALID,
			   "unknown stemmer '%s' (known: snowball, light, none)",
			   name);
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
