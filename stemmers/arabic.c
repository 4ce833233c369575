/* What the Arabic stemmers share (stemmer.h): the article and its
 * combinations with the clitics, one table for light.c and snowball.c. */
#include <string.h>

#include "stemmer.h"

/* The article and its combinations with the clitics و ف ب ك ل, longest
 * first; no entry is a prefix of another, so the first match is the only
 * one. */
static const char *const articles[] = {
	"وبال", "وكال", "فبال", "فكال", "وال", "فال", "بال", "كال",
	"ولل", "فلل", "لل", "ال",
};

size_t _naqib_arabic_article(const char *w, size_t len)
{
	for (size_t k = 0; k < sizeof articles / sizeof *articles; k++) {
		size_t n = strlen(articles[k]);
		if (len > n && !memcmp(w, articles[k], n))
			return n;
	}
	return 0;
}
