/* Which words of a text match a query, and how (naqib_query_matches()):
 * what the snippets highlight and --explain reports.  Thesaurus names and
 * dates first (a name of several words is one match), then each word that
 * matches a term of the query, named after the query word it matches
 * best. */
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "query/query.h"

const char *naqib_match_name(int how)
{
	static const char *const names[] = { "?",	     "exact",
					     "normalization", "stem",
					     "wildcard",      "thesaurus",
					     "date",	      "document date" };
	return how > 0 && how <= NAQIB_MATCH_DOC_DATE ? names[how] : "?";
}

/* How token t matches word w of kind 'w', or 0; a word as written
 * (=word, ="…") matches its own normalized form only. */
static int word_match(const _naqib_qword_t *w, const naqib_token_t *t,
		      const char *text)
{
	if (w->norm_len == t->norm_len &&
	    memcmp(w->norm, t->norm, w->norm_len) == 0) {
		int same = w->typed_len == t->end - t->start &&
			   memcmp(w->typed, text + t->start, w->typed_len) == 0;
		return same ? NAQIB_MATCH_EXACT : NAQIB_MATCH_NORMALIZED;
	}
	if (!w->exact && !(t->flags & NAQIB_TOKEN_NUMBER) &&
	    w->stem_len == t->stem_len &&
	    memcmp(w->stem, t->stem, w->stem_len) == 0)
		return NAQIB_MATCH_STEM;
	return 0;
}

/* Whether norm starts with the prefix of one of the query's wildcards. */
static int wildcard_match(const _naqib_qparts_t *p, const char *norm)
{
	for (size_t k = 0; k < p->n_prefixes; k++)
		if (!strncmp(norm, p->prefixes[k], strlen(p->prefixes[k])))
			return 1;
	return 0;
}

/* Whether token t matches a word of a phrase and none outside one: it is
 * marked only where the whole phrase is (phrase_matches()). */
static int phrase_only(const _naqib_qparts_t *p, const naqib_token_t *t,
		       const char *text)
{
	int in_phrase = 0;

	for (size_t k = 0; k < p->n_words; k++) {
		const _naqib_qword_t *w = &p->words[k];
		if (w->kind != 'w' || !word_match(w, t, text))
			continue;
		if (w->phrase == _NAQIB_NO_PHRASE)
			return 0;
		in_phrase = 1;
	}
	return in_phrase && !wildcard_match(p, t->norm);
}

/* The matches found so far, and which tokens they cover. */
typedef struct found {
	naqib_match_t *v;
	size_t n, cap;
	char *covered; /* per token */
} found_t;

static naqib_status_t add(found_t *f, naqib_match_t m, int cover)
{
	naqib_status_t st = NAQIB_GROW(f->v, f->cap, f->n + 1);

	if (st)
		return st;
	f->v[f->n++] = m;
	if (cover)
		memset(f->covered + m.first, 1, m.last - m.first);
	return NAQIB_OK;
}

/* The places of the text where a phrase of the query is, each one match
 * of all its words, named after the phrase (kind 'p') and how its least
 * close word matches: word after word as the index finds them, stopwords
 * between them skipped (they hold no position). */
static naqib_status_t phrase_matches(const _naqib_qparts_t *p,
				     const naqib_token_t *t, size_t n,
				     const char *text, found_t *f)
{
	naqib_status_t st = NAQIB_OK;

	for (size_t k = 0; k < p->n_words && !st; k++) {
		const _naqib_qword_t *ph = &p->words[k];
		if (ph->kind != 'p' || !ph->count)
			continue;
		for (size_t i = 0; i < n && !st; i++) {
			size_t j = i, w = 0;
			int how = NAQIB_MATCH_EXACT;
			if (f->covered[i])
				continue;
			for (; w < ph->count; w++, j++) {
				while (w && j < n && _naqib_positionless(&t[j]))
					j++;
				int m = j < n && !f->covered[j]
						? word_match(&p->words[ph->first + w],
							     &t[j], text)
						: 0;
				if (!m)
					break;
				if (m > how)
					how = m;
			}
			if (w < ph->count)
				continue;
			naqib_match_t x = { i, j, k, how };
			st = add(f, x, 1);
			i = j - 1;
		}
	}
	return st;
}

/* The names of the thesaurus in the text that a query word names. */
static naqib_status_t thesaurus_matches(const _naqib_qparts_t *p,
					naqib_thesaurus_t *th,
					const naqib_token_t *t, size_t n,
					const char *text, found_t *f)
{
	const naqib_thes_match_t *m;
	size_t nm;
	naqib_status_t st = naqib_thesaurus_match(th, t, n, &m, &nm);

	for (size_t i = 0; i < nm && !st; i++)
		for (size_t k = 0; k < p->n_words; k++) {
			if (p->words[k].kind != 't' ||
			    p->words[k].entry != m[i].entry)
				continue;
			naqib_match_t x = { m[i].first, m[i].last, k,
					    NAQIB_MATCH_THESAURUS };
			/* One word written as typed, or with its stem, says
			 * so. */
			for (size_t j = 0; j < p->n_words &&
					   m[i].last - m[i].first == 1;
			     j++) {
				int how = p->words[j].kind == 'w'
						  ? word_match(&p->words[j],
							       &t[m[i].first],
							       text)
						  : 0;
				if (how && how < x.how) {
					x.how = how;
					x.word = j;
				}
			}
			st = add(f, x, 1);
			break;
		}
	return st;
}

/* The dates in the text that a query's date names: the same day, or the
 * same day and month written without a year (the index gave it the year
 * nearest the document's date, which the text does not say here). */
static naqib_status_t date_matches(const _naqib_qparts_t *p,
				   const naqib_token_t *t, size_t n,
				   const char *text, size_t len, found_t *f)
{
	naqib_date_mention_t *d;
	size_t nd;
	naqib_status_t st = _naqib_dates_find_all(t, n, text, len, &d, &nd);
	naqib_date_mention_t *mo = NULL, *all;
	size_t nmo = 0;

	/* The months written without a day, for a month of the query. */
	if (!st && !(st = _naqib_months_find(t, n, text, len, d, nd, &mo, &nmo)) &&
	    nmo) {
		if (!(all = realloc(d, (nd + nmo) * sizeof *d))) {
			st = _naqib_fail(NAQIB_E_NOMEM, "out of memory");
		} else {
			memcpy(all + nd, mo, nmo * sizeof *mo);
			d = all;
			nd += nmo;
		}
	}
	free(mo);
	for (size_t i = 0; i < nd && !st; i++) {
		char day[9] = "";
		if (f->covered[d[i].first])
			continue;
		if (d[i].day)
			_naqib_day_key(d[i].year, d[i].month, d[i].day, day);
		else
			_naqib_month_key(d[i].year, d[i].month, day);
		for (size_t k = 0; k < p->n_words; k++) {
			const _naqib_qword_t *w = &p->words[k];
			size_t x = 0;
			if (w->kind != 'd')
				continue;
			/* A day: the same day (the same day and month when
			 * the text gives no year); a month: a day of it, or
			 * the month alone. */
			while (x < w->n_days &&
			       (strlen(w->days[x]) == 6
					? !d[i].year || strncmp(w->days[x], day, 6)
				: !d[i].day ? 1
				: d[i].year ? strcmp(w->days[x], day)
					    : strcmp(w->days[x] + 4, day + 4)))
				x++;
			if (x < w->n_days) {
				naqib_match_t m = { d[i].first, d[i].last, k,
						    NAQIB_MATCH_DATE };
				st = add(f, m, 1);
				break;
			}
		}
	}
	free(d);
	return st;
}

/* Token i, which matches a term of q: the query word it matches best, or
 * the wildcard whose expansion it is. */
static naqib_match_t word_of(const _naqib_qparts_t *p, const naqib_token_t *t,
			     size_t i, const char *text)
{
	naqib_match_t m = { i, i + 1, (size_t)-1, NAQIB_MATCH_STEM };

	for (size_t k = 0; k < p->n_words; k++) {
		int how = p->words[k].kind == 'w'
				  ? word_match(&p->words[k], &t[i], text)
				  : 0;
		if (how && (m.word == (size_t)-1 || how < m.how)) {
			m.word = k;
			m.how = how;
		}
	}
	if (m.word != (size_t)-1)
		return m;
	/* A wildcard's expansion: named after the word typed with the
	 * star, the last one it starts with. */
	if (wildcard_match(p, t[i].norm))
		m.how = NAQIB_MATCH_WILDCARD;
	for (size_t k = 0; k < p->n_words && m.how == NAQIB_MATCH_WILDCARD;
	     k++)
		if (p->words[k].kind == 'w' &&
		    !strncmp(t[i].norm, p->words[k].norm, p->words[k].norm_len))
			m.word = k;
	return m;
}

static int by_first(const void *a, const void *b)
{
	const naqib_match_t *x = a, *y = b;

	return (x->first > y->first) - (x->first < y->first);
}

naqib_status_t naqib_query_matches(const naqib_query_t *q, naqib_analyzer_t *a,
				   const char *text, size_t len,
				   const naqib_token_t *t, size_t n,
				   naqib_match_t **out, size_t *count)
{
	const _naqib_qparts_t *p = _naqib_query_parts(q);
	naqib_thesaurus_t *th = naqib_analyzer_thesaurus(a);
	found_t f = { NULL, 0, 0, calloc(n + 1, 1) };
	int want_thes = 0, want_days = 0;
	naqib_status_t st = NAQIB_OK;

	*out = NULL;
	*count = 0;
	if (!f.covered)
		return _naqib_fail(NAQIB_E_NOMEM, "out of memory");
	for (size_t k = 0; k < p->n_words; k++) {
		want_thes |= p->words[k].kind == 't';
		want_days |= p->words[k].kind == 'd';
	}
	if (want_thes && th)
		st = thesaurus_matches(p, th, t, n, text, &f);
	if (!st && want_days)
		st = date_matches(p, t, n, text, len, &f);
	if (!st)
		st = phrase_matches(p, t, n, text, &f);
	for (size_t i = 0; i < n && !st; i++)
		if (!f.covered[i] && naqib_query_matches_token(q, &t[i]) &&
		    !phrase_only(p, &t[i], text))
			st = add(&f, word_of(p, t, i, text), 0);
	free(f.covered);
	if (st) {
		free(f.v);
		return st;
	}
	/* No two matches start at one token: a token is covered once. */
	if (f.n)
		qsort(f.v, f.n, sizeof *f.v, by_first);
	*out = f.v;
	*count = f.n;
	return NAQIB_OK;
}
