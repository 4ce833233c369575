/* Snippets: the best passage of a document's ORIGINAL text with every word
 * that matches the query marked.  The text is analysed by the same pipeline
 * as at index time, so a word matches when its normalized form or its stem
 * is a query term; the bytes shown are the reader's own, diacritics and all. */
#include <stdlib.h>
#include <string.h>

#include "naqib.h"
#include "internal.h"

/* Code points in s[from..to). */
static size_t count_chars(const char *s, size_t from, size_t to)
{
	return _naqib_utf8_count(s + from, to - from);
}

static int is_space(char c)
{
	return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' ||
	       c == '\v';
}

typedef struct window {
	size_t first, last; /* token indices, inclusive */
	size_t distinct, matches;
} window_t;

/* Number of distinct stems among the matched tokens first..last. */
static size_t distinct_stems(const naqib_token_t *t, const size_t *matched,
			     size_t from, size_t to)
{
	size_t d = 0;

	for (size_t i = from; i < to; i++) {
		size_t k = from;
		const naqib_token_t *a = &t[matched[i]];
		for (; k < i; k++) {
			const naqib_token_t *b = &t[matched[k]];
			if (a->stem_len == b->stem_len &&
			    memcmp(a->stem, b->stem, a->stem_len) == 0)
				break;
		}
		d += k == i;
	}
	return d;
}

/* A text, its words and those that match, for the steps below. */
typedef struct snip {
	const char *text;
	size_t len, max_chars;
	const naqib_token_t *t;
	size_t n;
	size_t *chars;   /* per token: code points before it */
	size_t *matched; /* the tokens that match, in order */
	size_t *group;   /* per matched token: the match it belongs to */
	size_t n_matched;
} snip_t;

/* The window of at most max_chars with the most distinct matched stems,
 * then the most matches, the earliest on ties. */
static window_t best_window(const snip_t *c)
{
	window_t best = { 0, 0, 0, 0 };

	for (size_t i = 0, j = 0; i < c->n_matched; i++) {
		size_t start = c->chars[c->matched[i]];
		if (j < i)
			j = i;
		while (j + 1 < c->n_matched) {
			const naqib_token_t *w = &c->t[c->matched[j + 1]];
			if (c->chars[c->matched[j + 1]] +
				    count_chars(c->text, w->start, w->end) - start >
			    c->max_chars)
				break;
			j++;
		}
		size_t d = distinct_stems(c->t, c->matched, i, j + 1);
		size_t m = j + 1 - i;
		if (d > best.distinct || (d == best.distinct && m > best.matches)) {
			best.first = c->matched[i];
			best.last = c->matched[j];
			best.distinct = d;
			best.matches = m;
		}
	}
	return best;
}

/* The bytes [*ps, *pe) of the passage around window w: grown into context,
 * some words before the first match (at most a quarter of the room), then
 * after, then before again; ending with the punctuation of its last word;
 * without white space at its ends. */
static void passage(const snip_t *c, const window_t *w, size_t *ps, size_t *pe)
{
	const naqib_token_t *t = c->t;
	size_t first = w->first, last = w->matches ? w->last : 0, max = c->max_chars;

	if (c->n) {
		size_t room_end = t[last].end;
		while (first > 0 &&
		       count_chars(c->text, t[first - 1].start, room_end) <= max &&
		       c->chars[w->first] - c->chars[first - 1] <= max / 4)
			first--;
		while (last + 1 < c->n &&
		       count_chars(c->text, t[first].start, t[last + 1].end) <= max)
			last++;
		while (first > 0 &&
		       count_chars(c->text, t[first - 1].start, t[last].end) <= max)
			first--;
	}
	*ps = c->n ? t[first].start : 0;
	*pe = c->n ? t[last].end : c->len;
	if (c->n && first == 0)
		*ps = 0;
	/* Keep the punctuation that ends the last word (a full stop, a
	 * closing quote); or the whole tail when only that is left. */
	while (*pe < c->len && !is_space(c->text[*pe]))
		(*pe)++;
	if (c->n && last + 1 == c->n)
		*pe = c->len;
	if (!c->n && count_chars(c->text, 0, c->len) > max) {
		/* No words at all: cut at a character boundary. */
		size_t k = 0;
		for (*pe = 0; *pe < c->len; (*pe)++) {
			if (((unsigned char)c->text[*pe] & 0xC0) != 0x80 &&
			    k++ == max)
				break;
		}
	}
	while (*ps < *pe && is_space(c->text[*ps]))
		(*ps)++;
	while (*pe > *ps && is_space(c->text[*pe - 1]))
		(*pe)--;
}

/* Copies text[ps, pe) into s, white space runs as one space, and marks the
 * matching words: the words of one match («الاتحاد المغربي للشغل», «14
 * إلى 16 أكتوبر») make one mark. */
static naqib_status_t copy_marked(const snip_t *c, size_t ps, size_t pe,
				  naqib_snippet_t *s)
{
	const char *text = c->text;
	_naqib_buf_t b = NAQIB_BUF_INIT;
	size_t mi = 0, last_group = (size_t)-1;
	naqib_status_t st = NAQIB_OK;

	if (!(s->marks = malloc((c->n_matched + 1) * 2 * sizeof *s->marks)))
		return _naqib_fail(NAQIB_E_NOMEM, "out of memory");
	while (mi < c->n_matched && c->t[c->matched[mi]].start < ps)
		mi++;
	for (size_t i = ps; i < pe && !st;) {
		if (mi < c->n_matched && c->t[c->matched[mi]].start == i) {
			const naqib_token_t *w = &c->t[c->matched[mi]];
			size_t end = w->end < pe ? w->end : pe;
			int same = s->n_marks && c->group[mi] == last_group;
			if (!same)
				s->marks[2 * s->n_marks] = b.len;
			if ((st = _naqib_buf_add(&b, text + i, end - i)))
				break;
			if (same) {
				s->marks[2 * s->n_marks - 1] = b.len;
			} else {
				s->marks[2 * s->n_marks + 1] = b.len;
				s->n_marks++;
			}
			last_group = c->group[mi];
			i = end;
			/* Tokens over the same bytes (a split ligature). */
			while (mi < c->n_matched && c->t[c->matched[mi]].start < i)
				mi++;
			continue;
		}
		if (is_space(text[i])) {
			while (i < pe && is_space(text[i]))
				i++;
			st = _naqib_buf_addc(&b, ' ');
		} else {
			st = _naqib_buf_addc(&b, text[i++]);
		}
		while (mi < c->n_matched && c->t[c->matched[mi]].start < i)
			mi++;
	}
	return _naqib_buf_finish(&b, st, &s->text, &s->len);
}

naqib_status_t naqib_snippet_make(naqib_analyzer_t *a, const naqib_query_t *q,
				  const char *text, size_t len,
				  size_t max_chars, naqib_snippet_t **out)
{
	snip_t c = { text, len, max_chars ? max_chars : 1, NULL, 0,
		     NULL, NULL, NULL, 0 };
	naqib_snippet_t *s = NULL;
	size_t ps, pe;
	naqib_status_t st;

	*out = NULL;
	if ((st = naqib_analyze(a, text, len, &c.t, &c.n)))
		return st;
	s = calloc(1, sizeof *s);
	c.matched = malloc((c.n + 1) * sizeof *c.matched);
	c.group = malloc((c.n + 1) * sizeof *c.group);
	c.chars = malloc((c.n + 1) * sizeof *c.chars);
	if (!s || !c.matched || !c.group || !c.chars) {
		st = _naqib_fail(NAQIB_E_NOMEM, "out of memory");
		goto done;
	}
	for (size_t k = 0, pos = 0, n = 0; k < c.n; k++) {
		n += count_chars(text, pos, c.t[k].start);
		pos = c.t[k].start;
		c.chars[k] = n;
	}
	if (q) {
		/* Every word of a match: a name of several words («الاتحاد
		 * المغربي للشغل» for UMT) or a date is marked whole. */
		naqib_match_t *m;
		size_t nm;
		if ((st = naqib_query_matches(q, a, text, len, c.t, c.n, &m, &nm)))
			goto done;
		for (size_t i = 0; i < nm; i++)
			for (size_t k = m[i].first; k < m[i].last; k++)
				if (!c.n_matched || c.matched[c.n_matched - 1] < k) {
					c.group[c.n_matched] = i;
					c.matched[c.n_matched++] = k;
				}
		free(m);
	}
	window_t best = best_window(&c);
	passage(&c, &best, &ps, &pe);
	if ((st = copy_marked(&c, ps, pe, s)))
		goto done;
	for (size_t i = 0; i < ps && !s->cut_start; i++)
		s->cut_start = !is_space(text[i]);
	for (size_t i = pe; i < len && !s->cut_end; i++)
		s->cut_end = !is_space(text[i]);
	*out = s;
	s = NULL;
done:
	free(c.matched);
	free(c.group);
	free(c.chars);
	naqib_snippet_destroy(s);
	return st;
}

void naqib_snippet_destroy(naqib_snippet_t *s)
{
	if (!s)
		return;
	free(s->text);
	free(s->marks);
	free(s);
}
