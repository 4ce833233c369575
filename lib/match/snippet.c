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

naqib_status_t naqib_snippet_make(naqib_analyzer_t *a, const naqib_query_t *q,
				  const char *text, size_t len,
				  size_t max_chars, naqib_snippet_t **out)
{
	const naqib_token_t *t;
	size_t n, n_matched = 0;
	size_t *matched = NULL, *chars = NULL, *group = NULL;
	naqib_snippet_t *s = NULL;
	_naqib_buf_t b = NAQIB_BUF_INIT;
	int st;

	*out = NULL;
	if (max_chars == 0)
		max_chars = 1;
	if ((st = naqib_analyze(a, text, len, &t, &n)))
		return st;
	s = calloc(1, sizeof *s);
	matched = malloc((n + 1) * sizeof *matched);
	group = malloc((n + 1) * sizeof *group);
	chars = malloc((n + 1) * sizeof *chars);
	if (!s || !matched || !group || !chars) {
		st = _naqib_fail(NAQIB_E_NOMEM, "out of memory");
		goto done;
	}
	/* chars[k]: code points before token k, to measure windows. */
	for (size_t k = 0, pos = 0, c = 0; k < n; k++) {
		c += count_chars(text, pos, t[k].start);
		pos = t[k].start;
		chars[k] = c;
	}
	if (q) {
		/* Every word of a match: a name of several words («الاتحاد
		 * المغربي للشغل» for UMT) or a date is marked whole. */
		naqib_match_t *m;
		size_t nm;
		if ((st = naqib_query_matches(q, a, text, len, t, n, &m, &nm)))
			goto done;
		for (size_t i = 0; i < nm; i++)
			for (size_t k = m[i].first; k < m[i].last; k++)
				if (!n_matched || matched[n_matched - 1] < k) {
					group[n_matched] = i;
					matched[n_matched++] = k;
				}
		free(m);
	}

	/* The window of at most max_chars with the most distinct matched
	 * stems, then the most matches, the earliest on ties. */
	window_t best = { 0, 0, 0, 0 };
	for (size_t i = 0, j = 0; i < n_matched; i++) {
		size_t start = chars[matched[i]];
		if (j < i)
			j = i;
		while (j + 1 < n_matched &&
		       chars[matched[j + 1]] +
				       count_chars(text, t[matched[j + 1]].start,
						   t[matched[j + 1]].end) -
				       start <=
			       max_chars)
			j++;
		size_t d = distinct_stems(t, matched, i, j + 1);
		size_t m = j + 1 - i;
		if (d > best.distinct || (d == best.distinct && m > best.matches)) {
			best.first = matched[i];
			best.last = matched[j];
			best.distinct = d;
			best.matches = m;
		}
	}

	/* Grow the window into context: some words before the first match
	 * (at most a quarter of the room), then after, then before again. */
	size_t first = best.first, last = best.matches ? best.last : 0;
	if (n) {
		size_t room_end = t[last].end;
		while (first > 0 &&
		       count_chars(text, t[first - 1].start, room_end) <=
			       max_chars &&
		       chars[best.first] - chars[first - 1] <= max_chars / 4)
			first--;
		while (last + 1 < n &&
		       count_chars(text, t[first].start, t[last + 1].end) <=
			       max_chars)
			last++;
		while (first > 0 &&
		       count_chars(text, t[first - 1].start, t[last].end) <=
			       max_chars)
			first--;
	}

	size_t ps = n ? t[first].start : 0;
	size_t pe = n ? t[last].end : len;
	if (n && first == 0)
		ps = 0;
	/* Keep the punctuation that ends the last word (a full stop, a
	 * closing quote); or the whole tail when only that is left. */
	while (pe < len && !is_space(text[pe]))
		pe++;
	if (n && last + 1 == n)
		pe = len;
	if (!n && count_chars(text, 0, len) > max_chars) {
		/* No words at all: cut at a character boundary. */
		size_t c = 0;
		for (pe = 0; pe < len; pe++) {
			if (((unsigned char)text[pe] & 0xC0) != 0x80 &&
			    c++ == max_chars)
				break;
		}
	}
	while (ps < pe && is_space(text[ps]))
		ps++;
	while (pe > ps && is_space(text[pe - 1]))
		pe--;

	/* Copy the passage, whitespace runs as one space, marking words. */
	size_t *marks = malloc((n_matched + 1) * 2 * sizeof *marks);
	if (!marks) {
		st = _naqib_fail(NAQIB_E_NOMEM, "out of memory");
		goto done;
	}
	s->marks = marks;
	size_t mi = 0, last_group = (size_t)-1;
	while (mi < n_matched && t[matched[mi]].start < ps)
		mi++;
	if ((st = _naqib_buf_reserve(&b, pe - ps)))
		goto done;
	b.data[0] = '\0';
	for (size_t i = ps; i < pe;) {
		if (mi < n_matched && t[matched[mi]].start == i) {
			const naqib_token_t *w = &t[matched[mi]];
			size_t end = w->end < pe ? w->end : pe;
			/* The words of one match («الاتحاد المغربي للشغل»,
			 * «14 إلى 16 أكتوبر») make one mark. */
			int same = s->n_marks && group[mi] == last_group;
			if (!same)
				marks[2 * s->n_marks] = b.len;
			if ((st = _naqib_buf_add(&b, text + i, end - i)))
				goto done;
			if (same) {
				marks[2 * s->n_marks - 1] = b.len;
			} else {
				marks[2 * s->n_marks + 1] = b.len;
				s->n_marks++;
			}
			last_group = group[mi];
			i = end;
			/* Tokens over the same bytes (a split ligature). */
			while (mi < n_matched && t[matched[mi]].start < i)
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
		if (st)
			goto done;
		while (mi < n_matched && t[matched[mi]].start < i)
			mi++;
	}
	if (!(s->text = _naqib_buf_detach(&b, &s->len))) {
		st = _naqib_fail(NAQIB_E_NOMEM, "out of memory");
		goto done;
	}
	for (size_t i = 0; i < ps && !s->cut_start; i++)
		s->cut_start = !is_space(text[i]);
	for (size_t i = pe; i < len && !s->cut_end; i++)
		s->cut_end = !is_space(text[i]);
	*out = s;
	s = NULL;
done:
	_naqib_buf_free(&b);
	free(matched);
	free(group);
	free(chars);
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
