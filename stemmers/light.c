/* A light Arabic stemmer in the spirit of Larkey's light10 (Larkey, Ballesteros
 * and Connell, "Light Stemming for Arabic Information Retrieval", 2007): it
 * removes the article and clitics in front and the frequent inflectional and
 * pronoun suffixes at the end, never touching the inside of a word, so that
 * النقابة، للنقابة، والنقابات، النقابيين all become نقاب.  It works on the
 * normalized form (alef variants already ا, ة already ه, ى already ي).
 *
 * Guards keep short words whole: an article goes only if two letters remain,
 * a conjunction و or a suffix only if three remain (light10 lets suffixes go
 * down to two letters, which merges too many short words: سنة and سن). */
#include <stdlib.h>
#include <string.h>

#include "naqib.h"
#include "internal.h"
#include "stemmer.h"

#define MAXCP NAQIB_MAX_STEM_INPUT /* code points: never more than bytes */

typedef struct light_state {
	char out[NAQIB_MAX_STEM_INPUT * 4 + 1];
} light_state_t;

/* The affixes, written as code point strings so that matching is a plain
 * comparison of code points. */
#define ALEF 0x0627
#define TEH 0x062A
#define KAF 0x0643
#define MEEM 0x0645
#define NOON 0x0646
#define HEH 0x0647
#define WAW 0x0648
#define YEH 0x064A

typedef struct affix {
	unsigned cp[4];
	size_t n;
} affix_t;

/* Attached pronouns, longest first.  The one-letter ه is left to the suffix
 * step: after normalization it is also the ة of every feminine noun. */
static const affix_t pronouns[] = {
	{ { HEH, MEEM, ALEF }, 3 }, /* هما */
	{ { KAF, MEEM, ALEF }, 3 }, /* كما */
	{ { HEH, MEEM }, 2 },	    /* هم */
	{ { HEH, NOON }, 2 },	    /* هن */
	{ { HEH, ALEF }, 2 },	    /* ها */
	{ { KAF, MEEM }, 2 },	    /* كم */
	{ { NOON, ALEF }, 2 },	    /* نا */
};

/* light10's suffixes in its order, each tried once (ية and ة are already
 * يه and ه after normalization). */
static const affix_t suffixes[] = {
	{ { HEH, ALEF }, 2 }, /* ها */
	{ { ALEF, NOON }, 2 }, /* ان */
	{ { ALEF, TEH }, 2 }, /* ات */
	{ { WAW, NOON }, 2 }, /* ون */
	{ { YEH, NOON }, 2 }, /* ين */
	{ { YEH, HEH }, 2 }, /* يه */
	{ { HEH }, 1 },	      /* ه */
	{ { YEH }, 1 },	      /* ي */
};

static int ends_with(const unsigned *w, size_t n, const affix_t *a)
{
	return n >= a->n && memcmp(w + n - a->n, a->cp, a->n * sizeof *w) == 0;
}

static int light_create(const char *language, void **state)
{
	if (language && strcmp(language, "arabic") != 0)
		return _naqib_fail(NAQIB_E_INVALID,
				   "stemmer 'light' is for Arabic only ('%s')",
				   language);
	*state = calloc(1, sizeof(light_state_t));
	if (!*state)
		return _naqib_fail(NAQIB_E_NOMEM, "out of memory");
	return NAQIB_OK;
}

static int light_stem(void *state, const char *word, size_t len,
		      const char **out, size_t *out_len)
{
	light_state_t *ls = state;
	unsigned buf[MAXCP];
	unsigned *w = buf;
	size_t n = 0, i = 0;

	while (i < len && n < MAXCP) {
		unsigned c = _naqib_utf8_next(word, &i);
		if (!_naqib_is_arabic(c)) {
			/* Not an Arabic word: nothing to strip. */
			*out = word;
			*out_len = len;
			return NAQIB_OK;
		}
		buf[n++] = c;
	}

	/* The article (its letters of two bytes each), when two letters at
	 * least are left after it. */
	size_t article = _naqib_arabic_article(word, len) / 2;
	int stripped = article && n >= article + 2;
	if (stripped) {
		w += article;
		n -= article;
	}
	if (!stripped && n >= 4 && w[0] == WAW) {
		w++;
		n--;
	}

	for (size_t k = 0; k < sizeof pronouns / sizeof *pronouns; k++) {
		if (ends_with(w, n, &pronouns[k]) && n - pronouns[k].n >= 3) {
			n -= pronouns[k].n;
			/* A feminine noun shows its ة as ت before a pronoun:
			 * نقابتنا is نقابة + نا.  Not after ا, where ات is the
			 * plural ending that the suffix step removes. */
			if (n >= 3 && w[n - 1] == TEH && w[n - 2] != ALEF)
				w[n - 1] = HEH;
			break;
		}
	}

	for (size_t k = 0; k < sizeof suffixes / sizeof *suffixes; k++)
		if (ends_with(w, n, &suffixes[k]) && n - suffixes[k].n >= 3)
			n -= suffixes[k].n;

	size_t o = 0;
	for (size_t k = 0; k < n; k++)
		o += _naqib_utf8_put(ls->out + o, w[k]);
	ls->out[o] = '\0';
	*out = ls->out;
	*out_len = o;
	return NAQIB_OK;
}

static void light_destroy(void *state)
{
	free(state);
}

const _naqib_stemmer_ops_t _naqib_stemmer_light = {
	light_create, light_stem, light_destroy,
};
