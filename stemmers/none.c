/* The identity stemmer: words are matched as normalized, nothing more. */
#include <string.h>

#include "naqib.h"
#include "internal.h"
#include "stemmer.h"

static int none_create(const char *language, void **state)
{
	if (language && strcmp(language, "arabic") != 0)
		return _naqib_fail(NAQIB_E_INVALID,
				   "stemmer 'none' takes no language ('%s')",
				   language);
	*state = NULL;
	return NAQIB_OK;
}

static int none_stem(void *state, const char *word, size_t len,
		     const char **out, size_t *out_len)
{
	(void)state;
	*out = word;
	*out_len = len;
	return NAQIB_OK;
}

static void none_destroy(void *state)
{
	(void)state;
}

const _naqib_stemmer_ops_t _naqib_stemmer_none = {
	none_create, none_stem, none_destroy,
};
