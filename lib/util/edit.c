/* The edit distance of "did you mean" (util.h). */
#include <stdlib.h>

#include "util/util.h"

static unsigned min3(unsigned a, unsigned b, unsigned c)
{
	unsigned m = a < b ? a : b;

	return m < c ? m : c;
}

unsigned _naqib_edit_distance(const unsigned *a, size_t n, const unsigned *b,
			      size_t m, unsigned max)
{
	if ((n > m ? n - m : m - n) > max)
		return max + 1;
	/* Three rows: the one before the previous, for swaps. */
	unsigned *rows = malloc(3 * (m + 1) * sizeof *rows);
	if (!rows)
		return max + 1;
	unsigned *prev2 = rows, *prev = rows + m + 1, *cur = rows + 2 * (m + 1);
	unsigned d = max + 1;
	for (size_t j = 0; j <= m; j++)
		prev[j] = (unsigned)j;
	for (size_t i = 1; i <= n; i++) {
		cur[0] = (unsigned)i;
		unsigned best = cur[0];
		for (size_t j = 1; j <= m; j++) {
			unsigned cost = a[i - 1] != b[j - 1];
			unsigned x = min3(prev[j] + 1, cur[j - 1] + 1,
					  prev[j - 1] + cost);
			if (i > 1 && j > 1 && a[i - 1] == b[j - 2] &&
			    a[i - 2] == b[j - 1] && prev2[j - 2] + 1 < x)
				x = prev2[j - 2] + 1;
			cur[j] = x;
			if (x < best)
				best = x;
		}
		if (best > max)
			goto out;
		unsigned *t = prev2;
		prev2 = prev;
		prev = cur;
		cur = t;
	}
	d = prev[m];
out:
	free(rows);
	return d;
}

int _naqib_nearest_take(_naqib_nearest_t *n, unsigned d, size_t prefix)
{
	if (d > n->limit || d > n->best ||
	    (d == n->best && prefix < n->prefix))
		return 0;
	int nearer = d < n->best || prefix > n->prefix;
	n->best = d;
	n->prefix = prefix;
	return nearer ? 2 : 1;
}

size_t _naqib_common_prefix(const unsigned *a, size_t n, const unsigned *b,
			    size_t m)
{
	size_t i = 0;

	while (i < n && i < m && a[i] == b[i])
		i++;
	return i;
}
