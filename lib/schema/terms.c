/* The terms indexing writes for words, names and days, in one place for the
 * document (document.c) and for the tools that show them (naqib-analyze):
 * see naqib_tokens_terms() in naqib.h. */
#include <stdio.h>
#include <string.h>

#include "internal.h"
#include "schema/schema.h"

int naqib_tokens_terms(const naqib_token_t *tokens, size_t count, unsigned *pos,
		       naqib_index_term_fn fn, void *ctx)
{
	_naqib_buf_t z = NAQIB_BUF_INIT;
	/* The stem terms: the prefix once, then each stem after it. */
	int st = _naqib_term(&z, _NAQIB_F_STEM, "", 0);
	size_t prefix = z.len;

	/* One term a word holds the word's position: its stem, so that a
	 * phrase, NEAR and ADJ match any form of their words («بالحوار
	 * الاجتماعي» for "الحوار الاجتماعي"); the word as normalized has
	 * none (bench/layout measured both ways, see naqib(7)). */
	for (size_t i = 0; i < count && !st; i++) {
		const naqib_token_t *t = &tokens[i];
		/* A stopword: no position, and the next word takes its place
		 * (see lib/analysis/stopwords.c). */
		unsigned at = 0;
		if (!_naqib_positionless(t)) {
			at = ++*pos;
			if (t->flags & NAQIB_TOKEN_TOO_LONG)
				continue;
		}
		/* A number has one form: its stem term alone, which is the
		 * number. */
		if (!(t->flags & NAQIB_TOKEN_NUMBER) &&
		    (st = fn(i, t->norm, t->norm_len, 0, ctx)))
			break;
		z.len = prefix;
		if ((st = _naqib_buf_add(&z, t->stem, t->stem_len)))
			break;
		st = fn(i, z.data, z.len, at, ctx);
	}
	_naqib_buf_free(&z);
	return st;
}

static naqib_status_t put(char *out, size_t cap, const char *prefix,
			  const char *value)
{
	int n = snprintf(out, cap, "%s%s", prefix, value);

	if (n < 0 || (size_t)n >= cap)
		return _naqib_fail(NAQIB_E_INVALID, "term too long for %zu "
				   "bytes", cap);
	return NAQIB_OK;
}

naqib_status_t naqib_entry_term(const naqib_thes_entry_t *e, char *out,
				size_t cap)
{
	return put(out, cap, _naqib_field_of_thes_kind(e->kind)->prefix, e->key);
}

naqib_status_t naqib_day_term(int year, int month, int day, char *out,
			      size_t cap)
{
	char d[9];

	_naqib_day_key(year, month, day, d);
	return put(out, cap, _NAQIB_FIELD(_NAQIB_F_MENTIONS)->prefix, d);
}

naqib_status_t naqib_month_term(int year, int month, char *out, size_t cap)
{
	char m[7];

	_naqib_month_key(year, month, m);
	return put(out, cap, _NAQIB_FIELD(_NAQIB_F_MONTH)->prefix, m);
}
