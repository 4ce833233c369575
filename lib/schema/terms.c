/* The terms that indexing writes for each word, in one place for the tools
 * that show them (naqib-analyze): see naqib_tokens_terms() in naqib.h. */
#include "naqib.h"
#include "internal.h"

int naqib_tokens_terms(const naqib_token_t *tokens, size_t count,
		       unsigned *pos, naqib_index_term_fn fn, void *ctx)
{
	_naqib_buf_t z = NAQIB_BUF_INIT;
	int st = NAQIB_OK;

	for (size_t i = 0; i < count && !st; i++) {
		const naqib_token_t *t = &tokens[i];
		if (_naqib_positionless(t)) {
			/* A stopword: no position, and the next word takes its
			 * place (see lib/stopwords.c). */
			st = fn(i, t->norm, t->norm_len, 0, ctx);
		} else {
			++*pos;
			if (t->flags & NAQIB_TOKEN_TOO_LONG)
				continue;
			st = fn(i, t->norm, t->norm_len, *pos, ctx);
		}
		/* Numbers are looked up as they are: no stem term. */
		if (st || (t->flags & NAQIB_TOKEN_NUMBER))
			continue;
		_naqib_buf_reset(&z);
		if ((st = _naqib_buf_add(&z, NAQIB_PREFIX_STEM,
					 sizeof NAQIB_PREFIX_STEM - 1)) ||
		    (st = _naqib_buf_add(&z, t->stem, t->stem_len)))
			break;
		st = fn(i, z.data, z.len, 0, ctx);
	}
	_naqib_buf_free(&z);
	return st;
}
