/* bench/stems: the normalized form and the stem of every Arabic word of the
 * text on standard input, one tab-separated line per word, for
 * bench/stem-merges.  It runs the analyser naqib-index runs.
 *
 *   bench/stems [STEMMER]      (snowball, light or none; default snowball) */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "naqib.h"

int main(int argc, char **argv)
{
	naqib_analyzer_options_t o;
	naqib_analyzer_t *a;
	char *line = NULL;
	size_t cap = 0;
	ssize_t len;

	naqib_analyzer_options_init(&o);
	o.stemmer = argc > 1 ? argv[1] : NULL;
	if (naqib_analyzer_new(&o, &a)) {
		fprintf(stderr, "stems: %s\n", naqib_last_error());
		return 2;
	}
	while ((len = getline(&line, &cap, stdin)) > 0) {
		const naqib_token_t *t;
		size_t n;
		if (naqib_analyze(a, line, (size_t)len, &t, &n))
			continue; /* not UTF-8: not a word of the corpus */
		for (size_t i = 0; i < n; i++)
			if (t[i].flags & NAQIB_TOKEN_ARABIC &&
			    !(t[i].flags & NAQIB_TOKEN_STOPWORD))
				printf("%s\t%s\n", t[i].norm, t[i].stem);
	}
	free(line);
	naqib_analyzer_destroy(a);
	return 0;
}
