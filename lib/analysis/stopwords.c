/* The Arabic stopword list used at query time: function words (prepositions,
 * conjunctions, pronouns, demonstratives, relatives, particles, question
 * words) and their most frequent forms with a leading و or ف.  Prepositions
 * of place and time (تحت، أمام، خلال، بعد…) are not on it: they are rarer and
 * carry meaning in a headline ("من تحت"), and dropping them measurably hurt
 * the known-item queries of the development set.
 *
 * In the index, stopwords have no positions (a quarter of the words: the
 * compacted eval index is 4% smaller), and the query drops them from phrases,
 * so that a phrase matches with or without them.  Negations keep theirs:
 * «لا تراجع» is not «تراجع».
 *
 * The words are written in normalized form (ا for أ إ آ, ي for ى, ء for ؤ ئ,
 * ه for ة) and sorted by their bytes, for bsearch(); a unit test checks
 * both. */
#include <stdlib.h>
#include <string.h>

#include "naqib.h"
#include "internal.h"

static const char *const stopwords[] = {
	"اذ", "اذا", "الا", "التي", "الذي", "الذين", "اللاتي",
	"اللتين", "اللذين", "اللواتي", "الي", "اليه", "اليها", "ام",
	"اما", "ان", "انا", "انت", "انتم", "انه", "انها", "انهم",
	"او", "اولءك", "اي", "ايضا", "اين", "بعض", "بل", "به", "بها",
	"بينما", "تكون", "تلك", "ثم", "جميع", "حيث", "ذلك", "سوف",
	"علي", "عليه", "عليها", "عن", "عنه", "عنها", "غير", "فقد",
	"في", "فيه", "فيها", "قد", "كان", "كانت", "كذلك", "كل", "كم",
	"كما", "كي", "كيف", "لا", "لان", "لقد", "لكن", "لكي", "لم",
	"لماذا", "لن", "له", "لها", "لهم", "لو", "ليس", "ليست", "ما",
	"ماذا", "متي", "مع", "من", "منه", "منها", "نحن", "هءلاء",
	"هاتان", "هذا", "هذان", "هذه", "هل", "هم", "هما", "هن",
	"هنا", "هناك", "هنالك", "هو", "هي", "و", "والي", "وان",
	"وعلي", "وفي", "وقد", "وكان", "وكل", "ولا", "ولكن", "ولم",
	"وما", "ومن", "وهو", "وهي", "يكون",
};

const char *const *_naqib_stopwords(size_t *count)
{
	*count = sizeof stopwords / sizeof *stopwords;
	return stopwords;
}

struct stop_key {
	const char *s;
	size_t len;
};

static int compare(const void *k, const void *elem)
{
	const struct stop_key *key = k;
	const char *w = *(const char *const *)elem;
	size_t wl = strlen(w);
	int c = memcmp(key->s, w, key->len < wl ? key->len : wl);

	if (c)
		return c;
	return (key->len > wl) - (key->len < wl);
}

int naqib_is_stopword(const char *norm, size_t len)
{
	struct stop_key key = { norm, len };

	return bsearch(&key, stopwords, sizeof stopwords / sizeof *stopwords,
		       sizeof *stopwords, compare) != NULL;
}

/* Negations: stopwords that keep their positions in the index and their
 * place in phrases (sorted by their bytes). */
static const char *const negations[] = {
	"الا", "غير", "لا", "لم", "لن", "ليس", "ليست", "ما", "ولا", "ولم",
	"وما",
};

int _naqib_positionless(const naqib_token_t *t)
{
	struct stop_key key = { t->norm, t->norm_len };

	return (t->flags & NAQIB_TOKEN_STOPWORD) &&
	       !bsearch(&key, negations, sizeof negations / sizeof *negations,
			sizeof *negations, compare);
}
