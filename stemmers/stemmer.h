/* The stemmer function table: every stemmer is create/stem/destroy, in a
 * file of its own, named _naqib_stemmer_NAME, with a row in the table of
 * registry.c. */
#ifndef NAQIB_STEMMER_H
#define NAQIB_STEMMER_H

#include <stddef.h>

typedef struct _naqib_stemmer_ops {
	/* language: a Snowball language name, or NULL.  Unknown languages and
	 * options are rejected with NAQIB_E_INVALID. */
	int (*create)(const char *language, void **state);
	/* The result is owned by the state and valid until the next call. */
	int (*stem)(void *state, const char *word, size_t len,
		    const char **out, size_t *out_len);
	void (*destroy)(void *state);
} _naqib_stemmer_ops_t;

/* arabic.c: the bytes of the article of normalized word w[0..len), with
 * the clitics before it (ال، بال، وال، لل، وبال...), when something
 * follows it; else 0.  Its letters are of two bytes each. */
size_t _naqib_arabic_article(const char *w, size_t len);

#endif
