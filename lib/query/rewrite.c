/* The query front end: what a person typed is rewritten into the text given
 * to Xapian's QueryParser.  Every word is replaced by its normalized form,
 * found by the same analysis as at index time, so that the parser sees
 * exactly the words the index holds; the syntax around the words (quotes,
 * parentheses, + - * : and the operators AND OR NOT XOR NEAR ADJ) is kept.
 * The parser then stems the words with naqib_analyzer_stem(). */
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "query/query.h"

int _naqib_is_operator(const char *s, size_t n)
{
	static const char *const ops[] = { "AND", "OR", "NOT", "XOR",
					   "NEAR", "ADJ" };

	for (size_t i = 0; i < sizeof ops / sizeof *ops; i++)
		if (strlen(ops[i]) == n && memcmp(ops[i], s, n) == 0)
			return 1;
	return 0;
}

/* Whether c is a quote the parser reads as its ": " and the typographic
 * « » “ ” „. */
static int is_quote(unsigned c)
{
	return c == '"' || c == 0x00AB || c == 0x00BB || c == 0x201C ||
	       c == 0x201D || c == 0x201E;
}

static int add_word(_naqib_qparts_t *q, naqib_analyzer_t *a, const char *how,
		    const char *typed, size_t typed_len, const char *norm,
		    size_t norm_len, const char *stem, size_t stem_len);

/* Where the rewrite is, between words: the quotes seen, and the phrase
 * open, if any. */
typedef struct gap_state {
	int quotes;        /* the quotes so far: odd inside a phrase */
	int exact;         /* the open phrase is ="…" */
	int exact_word;    /* the gap ended with = before a word */
	size_t open;       /* the byte after its opening quote */
	size_t first;      /* the query words before it */
	size_t filters;    /* the filters placed so far */
} gap_state_t;

/* Places the filters typed before byte `upto` that are not yet, each as
 * FILTERn:field where it was (query.h): never inside a phrase, whose
 * words the parser would split at it; a filter typed in one comes after
 * it. */
static int place_filters(_naqib_buf_t *out, const _naqib_qparts_t *q,
			 size_t upto, gap_state_t *g)
{
	int st = NAQIB_OK;

	while (!st && g->quotes % 2 == 0 && g->filters < q->n_filters &&
	       q->filters[g->filters].from < upto) {
		const _naqib_qfilter_t *f = &q->filters[g->filters];
		if (out->len && !strchr(" (", out->data[out->len - 1]))
			st = _naqib_buf_addc(out, ' ');
		if (!st)
			st = _naqib_buf_printf(out, "%s" _NAQIB_QP_FILTER "%zu:%s ",
					       f->sign == '-' ? "-" : "",
					       g->filters, f->field->name);
		g->filters++;
	}
	return st;
}

/* A phrase closing at byte `close` of s: a 'p' word for it, after its
 * words, when it has two words, or one and is exact (a phrase of one word
 * is that word).  Writes what ends it to out: the quote, and for ="…" the
 * words as written: ` AND EXACT:n)`. */
static int close_phrase(_naqib_buf_t *out, _naqib_qparts_t *q,
			naqib_analyzer_t *a, const char *s, size_t close,
			gap_state_t *g)
{
	size_t count = q->n_words - g->first, p = q->n_words;
	_naqib_buf_t typed = NAQIB_BUF_INIT, norm = NAQIB_BUF_INIT;
	_naqib_buf_t stem = NAQIB_BUF_INIT;
	int st = _naqib_buf_addc(out, '"');
	int keep = count >= 2 || (count == 1 && g->exact);

	/* Its words' forms and stems, a space between two, for --explain. */
	for (size_t i = g->first; keep && i < p && !st; i++) {
		const _naqib_qword_t *w = &q->words[i];
		if (!(st = _naqib_buf_printf(&norm, "%s%s", i > g->first ? " " : "",
					     w->norm)))
			st = _naqib_buf_printf(&stem, "%s%s",
					       i > g->first ? " " : "", w->stem);
	}
	if (!st && keep &&
	    !(st = _naqib_buf_printf(&typed, "%s\"%.*s\"", g->exact ? "=" : "",
				     (int)(close - g->open), s + g->open)) &&
	    !(st = add_word(q, a, "p", typed.data, typed.len, norm.data,
			    norm.len, stem.data, stem.len))) {
		q->words[p].first = g->first;
		q->words[p].count = count;
		for (size_t i = g->first; i < p; i++) {
			q->words[i].phrase = p;
			q->words[i].exact = g->exact;
		}
	}
	_naqib_buf_free(&typed);
	_naqib_buf_free(&norm);
	_naqib_buf_free(&stem);
	if (!st && g->exact)
		st = p < q->n_words
			     ? _naqib_buf_printf(out, " AND " _NAQIB_QP_EXACT
						 ":%zu)", p)
			     : _naqib_buf_addc(out, ')');
	g->exact = 0;
	return st;
}

/* Whether out ends with the operator NEAR or ADJ. */
static int ends_with_proximity(const _naqib_buf_t *out)
{
	for (int k = 0; k < 2; k++) {
		const char *op = k ? "ADJ" : "NEAR";
		size_t n = strlen(op);
		if (out->len >= n && !memcmp(out->data + out->len - n, op, n) &&
		    (out->len == n || strchr(" (", out->data[out->len - n - 1])))
			return 1;
	}
	return 0;
}

/* Copies the text between two words, s[from..to), keeping the characters
 * that are query syntax and turning everything else into spaces, so that
 * the parser cannot glue two of our words into one of its own (it reads _
 * & ' as parts of words).  A colon is a space too: the fields the parser
 * knows are placeholders of ours (field_at_token()).  Typographic quotes
 * become the parser's "; = before a phrase opens it as written (a
 * parenthesis here, closed by close_phrase()), = before a word says so in
 * g->exact_word; the filters are placed where they were typed. */
static int copy_gap(_naqib_buf_t *out, _naqib_qparts_t *q, naqib_analyzer_t *a,
		    const char *s, size_t from, size_t to, gap_state_t *g)
{
	int st = NAQIB_OK;

	g->exact_word = 0;
	for (size_t i = from; i < to && !st;) {
		size_t at = i;
		if ((st = place_filters(out, q, at + 1, g)))
			break;
		unsigned c = _naqib_utf8_next(s, &i);
		if (is_quote(c)) {
			if (g->quotes++ % 2) {
				st = close_phrase(out, q, a, s, at, g);
			} else {
				g->open = i;
				g->first = q->n_words;
				st = _naqib_buf_addc(out, '"');
			}
			continue;
		}
		if (c == '=' && g->quotes % 2 == 0) {
			size_t next = i;
			if (i < to && is_quote(_naqib_utf8_next(s, &next))) {
				/* A group of its own, even right after a
				 * phrase ("a b"="c d"). */
				g->exact = 1;
				if (out->len && !strchr(" (+-", out->data[out->len - 1]))
					st = _naqib_buf_addc(out, ' ');
				if (!st)
					st = _naqib_buf_addc(out, '(');
				continue;
			}
			if (i == to) {
				g->exact_word = 1;
				continue;
			}
		}
		int after_word = at > 0 && !strchr(" \t\n(\"", s[at - 1]);
		switch (c) {
		case '+': case '-':
			/* An operator at the start of a word only: between
			 * two («1922-1991», UMT-CDT) it joins them, which the
			 * parser would read as a phrase; here they are two
			 * words. */
			if (after_word)
				goto space;
			st = _naqib_buf_addc(out, (char)c);
			break;
		case '/':
			/* NEAR/3, ADJ/2; elsewhere («1/2») a space. */
			if (!ends_with_proximity(out))
				goto space;
			st = _naqib_buf_addc(out, (char)c);
			break;
		case '(': case ')': case '*':
			st = _naqib_buf_addc(out, (char)c);
			break;
		space:
		default:
			if (!out->len || out->data[out->len - 1] != ' ')
				st = _naqib_buf_addc(out, ' ');
		}
	}
	return st;
}

/* Whether token t is NEAR or ADJ (NEAR/n: the token before n), whose
 * operands must be words: a name or a date next to one is left as its
 * words. */
static int is_proximity(const char *text, const naqib_token_t *t)
{
	size_t n = t->end - t->start;

	return (n == 4 && memcmp(text + t->start, "NEAR", 4) == 0) ||
	       (n == 3 && memcmp(text + t->start, "ADJ", 3) == 0);
}

/* Adds a word of the query as typed to q: kind 'w' with its normalized
 * form and stem, or what `how` holds for a name ("t12": its entry) or a
 * date ("d20251014 20251015": its days). */
static int add_word(_naqib_qparts_t *q, naqib_analyzer_t *a, const char *how,
		    const char *typed, size_t typed_len, const char *norm,
		    size_t norm_len, const char *stem, size_t stem_len)
{
	naqib_status_t st = NAQIB_GROW(q->words, q->cap_words, q->n_words + 1);
	_naqib_buf_t detail = NAQIB_BUF_INIT;

	if (st)
		return st;
	_naqib_qword_t *w = &q->words[q->n_words];
	memset(w, 0, sizeof *w);
	w->kind = how[0];
	w->phrase = _NAQIB_NO_PHRASE;
	if (w->kind == 't') {
		naqib_thes_entry_t e;
		w->entry = strtoul(how + 1, NULL, 10);
		naqib_thesaurus_t *th = naqib_analyzer_thesaurus(a);
		if (th && !naqib_thesaurus_entry(th, w->entry, &e))
			st = _naqib_buf_adds(&detail, e.name);
	} else if (w->kind == 'd') {
		/* "d" and days of 8 digits or a month of 6, a space
		 * between two. */
		size_t n = 1;
		for (const char *c = how + 1; *c; c++)
			n += *c == ' ';
		if (!(w->days = calloc(n, sizeof *w->days)))
			st = _naqib_fail(NAQIB_E_NOMEM, "out of memory");
		for (const char *d = how + 1; *d && !st;) {
			size_t l = strcspn(d, " ");
			if (l != 8 && l != 6)
				break;
			memcpy(w->days[w->n_days], d, l);
			w->days[w->n_days][l] = '\0';
			st = l == 8 ? _naqib_buf_printf(&detail, "%s%.4s-%.2s-%.2s",
							w->n_days ? " " : "", d,
							d + 4, d + 6)
				    : _naqib_buf_printf(&detail, "%s%.4s-%.2s",
							w->n_days ? " " : "", d,
							d + 4);
			w->n_days++;
			d += l + (d[l] == ' ');
		}
	}
	w->typed = strndup(typed, typed_len);
	w->norm = strndup(norm, norm_len);
	w->stem = strndup(stem, stem_len);
	w->typed_len = typed_len;
	w->norm_len = norm_len;
	w->stem_len = stem_len;
	w->detail = _naqib_buf_detach(&detail, NULL);
	q->n_words++; /* freed with q, whole or not */
	if (!st && (!w->typed || !w->norm || !w->stem || !w->detail))
		st = _naqib_fail(NAQIB_E_NOMEM, "out of memory");
	return st;
}

/* Adds token t of text to the words of q, kind 'w'. */
static int add_token_word(_naqib_qparts_t *q, naqib_analyzer_t *a,
			  const char *text, const naqib_token_t *t)
{
	int st = add_word(q, a, "w", text + t->start, t->end - t->start,
			  t->norm, t->norm_len, t->stem, t->stem_len);

	if (!st)
		q->words[q->n_words - 1].number =
			(t->flags & NAQIB_TOKEN_NUMBER) != 0;
	return st;
}

/* Writes the normalized words of tokens [k, end) to out, and each to the
 * words of q. */
static int own_words(_naqib_buf_t *out, _naqib_qparts_t *q, naqib_analyzer_t *a,
		     const char *text, const naqib_token_t *t, size_t k,
		     size_t end)
{
	int st = NAQIB_OK;

	for (size_t i = k; i < end && !st; i++) {
		if (i > k)
			st = _naqib_buf_addc(out, ' ');
		if (!st)
			st = _naqib_buf_add(out, t[i].norm, t[i].norm_len);
		if (!st && !(t[i].flags & NAQIB_TOKEN_STOPWORD))
			st = add_token_word(q, a, text, &t[i]);
	}
	return st;
}

/* Whether the bytes between two words of a name hold query syntax, which
 * would make replacing the name by one term change the query's meaning. */
static int syntax_between(const char *s, size_t from, size_t to)
{
	unsigned prev = ' ';

	for (size_t i = from; i < to; ) {
		unsigned c = _naqib_utf8_next(s, &i);
		/* + and - are operators at the start of a word only: the
		 * hyphens of 2025-10-14 are not. */
		int op = (c == '+' || c == '-') && (prev == ' ' || prev == '(');
		prev = c;
		if (op || is_quote(c) || (c < 128 && strchr("()*:", (int)c)))
			return 1;
	}
	return 0;
}

/* Counts the quotes in s[from..to) that copy_gap() turns into ". */
static int quotes_in(const char *s, size_t from, size_t to)
{
	int q = 0;

	for (size_t i = from; i < to;) {
		q += is_quote(_naqib_utf8_next(s, &i));
	}
	return q;
}

/* Whether the phrase that starts at token k (the first after an opening
 * quote) has a word with a position in the index. */
static int phrase_has_word(const char *text, const naqib_token_t *t, size_t n,
			   size_t k)
{
	for (size_t j = k; j < n; j++) {
		if (j > k && quotes_in(text, t[j - 1].end, t[j].start))
			break;
		if (!_naqib_positionless(&t[j]))
			return 1;
	}
	return 0;
}

/* Whether the name or date at tokens [k, end) may be replaced by its
 * term: no query syntax inside it, no wildcard after it, and no NEAR or
 * ADJ (NEAR/n) next to it, whose operands must be words. */
static int replaceable(const char *text, size_t len, const naqib_token_t *t,
		       size_t n, size_t k, size_t end)
{
	size_t to = t[end - 1].end;

	if (syntax_between(text, t[k].start, to) || (to < len && text[to] == '*'))
		return 0;
	if (k > 0 && is_proximity(text, &t[k - 1]))
		return 0;
	if (k > 1 && (t[k - 1].flags & NAQIB_TOKEN_NUMBER) &&
	    text[t[k - 1].start - 1] == '/' && is_proximity(text, &t[k - 2]))
		return 0;
	return !(end < n && is_proximity(text, &t[end]));
}

/* What replaces tokens [k, *end) of the query: a thesaurus name or a date,
 * written into how ("t12", "d20251014 20251015"); 0 if nothing. */
static int substitute(const naqib_thes_match_t *m, size_t nm,
		      const naqib_date_mention_t *d, size_t nd, size_t k,
		      size_t *end, _naqib_buf_t *how)
{
	how->len = 0;
	for (size_t i = 0; i < nd; i++) {
		if (d[i].first != k)
			continue;
		if (!how->len && _naqib_buf_addc(how, 'd'))
			return 0;
		else if (how->len > 1 && _naqib_buf_addc(how, ' '))
			return 0;
		/* A day, YYYYMMDD, or a month without one, YYYYMM. */
		char day[9];
		if (d[i].day)
			_naqib_day_key(d[i].year, d[i].month, d[i].day, day);
		else
			_naqib_month_key(d[i].year, d[i].month, day);
		if (_naqib_buf_adds(how, day))
			return 0;
		*end = d[i].last;
	}
	if (how->len)
		return 1;
	for (size_t i = 0; i < nm; i++)
		if (m[i].first == k) {
			*end = m[i].last;
			return _naqib_buf_printf(how, "t%zu", m[i].entry) == 0;
		}
	return 0;
}

/* Whether token t is a field name typed before a value (title:إضراب,
 * foo:bar): a colon right after it, then neither a space nor the end.
 * Sets *title when it is title: or عنوان:; a Latin name that is no field
 * is an error that says so (a filter's name never comes here: filters.c
 * took them out), and any other word before a colon is a word. */
static int field_at_token(const char *text, size_t len, const naqib_token_t *t,
			  int *title, int *st)
{
	size_t n = t->end - t->start, after = t->end + 1;

	*title = 0;
	*st = NAQIB_OK;
	if (t->end >= len || text[t->end] != ':' || after >= len ||
	    strchr(" \t\n", text[after]))
		return 0;
	const _naqib_field_t *f = _naqib_field_named(text + t->start, n);
	if (f && f->id == _NAQIB_F_TITLE) {
		*title = 1;
		return 1;
	}
	/* Latin letters, then digits too (FILTER0:). */
	for (size_t i = t->start; i < t->end; i++)
		if (!((text[i] >= 'a' && text[i] <= 'z') ||
		      (text[i] >= 'A' && text[i] <= 'Z') ||
		      (i > t->start && text[i] >= '0' && text[i] <= '9')))
			return 0;
	/* A web address is its words. */
	if (text[after] == '/')
		return 0;
	_naqib_buf_t names = NAQIB_BUF_INIT;
	for (size_t i = 0; i < _NAQIB_F_COUNT; i++)
		if (_naqib_fields[i].name &&
		    _naqib_buf_printf(&names, "%s%s:", names.len ? ", " : "",
				      _naqib_fields[i].name))
			break;
	*st = _naqib_fail(NAQIB_E_QUERY,
			  "'%.*s:' is not a field (the fields are %s)",
			  (int)n, text + t->start, names.data ? names.data : "");
	_naqib_buf_free(&names);
	return 1;
}

naqib_status_t _naqib_query_rewrite(naqib_analyzer_t *a, const char *text,
				    size_t len, _naqib_qparts_t *q)
{
	_naqib_buf_t *out = &q->text;
	const naqib_token_t *t;
	const naqib_thes_match_t *m = NULL;
	naqib_date_mention_t *d = NULL;
	_naqib_buf_t how = NAQIB_BUF_INIT;
	size_t n, nm = 0, nd = 0, pos = 0;
	int st;
	gap_state_t g = { 0, 0, 0, 0, 0, 0 };
	int keep_stops = 0; /* in the current phrase: it has no other word */

	_naqib_buf_reset(out);
	q->dropped = 0;
	if ((st = _naqib_buf_reserve(out, len)))
		return st;
	if ((st = naqib_analyze(a, text, len, &t, &n)))
		return st;
	naqib_thesaurus_t *th = naqib_analyzer_thesaurus(a);
	if ((th && (st = naqib_thesaurus_match(th, t, n, &m, &nm))) ||
	    (st = naqib_dates_find(t, n, text, len, NULL, &d, &nd)))
		return st;
	{
		/* A month and its year («أكتوبر 2025», «10/2025»): the
		 * month, in every calendar. */
		naqib_date_mention_t *mo, *all;
		size_t nmo;
		if ((st = _naqib_months_find(t, n, text, len, d, nd, &mo, &nmo))) {
			free(d);
			return st;
		}
		if (nmo && !(all = realloc(d, (nd + nmo) * sizeof *d))) {
			free(mo);
			free(d);
			return _naqib_fail(NAQIB_E_NOMEM, "out of memory");
		}
		if (nmo) {
			memcpy(all + nd, mo, nmo * sizeof *mo);
			d = all;
			nd += nmo;
		}
		free(mo);
	}
	for (size_t k = 0; k < n && !st; k++) {
		const naqib_token_t *tok = &t[k];
		if (k >= NAQIB_QUERY_MAX_WORDS) {
			/* A whole text pasted as a query: its first words
			 * (Xapian's matching grows faster than linearly
			 * with the number of terms). */
			q->dropped = n - k;
			break;
		}
		if (tok->start >= pos) {
			int was = g.quotes;
			if ((st = copy_gap(out, q, a, text, pos, tok->start, &g)))
				break;
			if (g.quotes != was && g.quotes % 2)
				keep_stops = !phrase_has_word(text, t, n, k);
		} else {
			g.exact_word = 0;
		}
		if (out->len && out->data[out->len - 1] != ' ' &&
		    strchr("\"(+-:/", out->data[out->len - 1]) == NULL &&
		    (st = _naqib_buf_addc(out, ' ')))
			break;
		int title;
		if (g.quotes % 2 == 0 &&
		    field_at_token(text, len, tok, &title, &st)) {
			/* title:…, the word, phrase or group after it in the
			 * titles. */
			if (!st)
				st = _naqib_buf_adds(out, _NAQIB_QP_TITLE ":");
			pos = tok->end + 1;
			continue;
		}
		if (g.exact_word && !(tok->flags & NAQIB_TOKEN_TOO_LONG) &&
		    !_naqib_is_operator(text + tok->start, tok->end - tok->start) &&
		    !(tok->end < len && text[tok->end] == '*')) {
			/* =word: this form of it only, stopword or not (a
			 * wildcard is on the forms as written already). */
			size_t w = q->n_words;
			if (!(st = add_token_word(q, a, text, tok))) {
				q->words[w].exact = 1;
				st = _naqib_buf_printf(out, _NAQIB_QP_EXACT ":%zu",
						       w);
			}
			pos = tok->end;
			continue;
		}
		size_t end;
		if (g.quotes % 2 == 0 && (!out->len || out->data[out->len - 1] != ':') &&
		    substitute(m, nm, d, nd, k, &end, &how) &&
		    replaceable(text, len, t, n, k, end)) {
			/* A name of the thesaurus or a date: a term for
			 * all the ways of writing it. */
			size_t from = tok->start, to = t[end - 1].end;
			naqib_thes_entry_t e = { NAQIB_THES_UNION, "", "" };
			if (how.data[0] == 't')
				naqib_thesaurus_entry(th, strtoul(how.data + 1,
								  NULL, 10),
						      &e);
			if (how.data[0] == 't' && e.kind == NAQIB_THES_UNION) {
				/* A union: one term for all its names, so
				 * that each of them finds the same
				 * documents. */
				st = _naqib_buf_printf(out, _NAQIB_QP_THESAURUS
						       ":%zu", q->n_words);
			} else if (how.data[0] == 't') {
				/* A place or a domain term: its own words as
				 * usual (so that المغرب still finds
				 * المغربي), or any of its other names. */
				st = _naqib_buf_addc(out, '(');
				if (!st)
					st = own_words(out, q, a, text, t, k,
						       end);
				if (!st)
					st = _naqib_buf_printf(out,
							       " OR " _NAQIB_QP_THESAURUS
							       ":%zu)",
							       q->n_words);
			} else {
				/* A date: the day, however a text writes it
				 * (its words alone would find any day of the
				 * month or the year). */
				st = _naqib_buf_addc(out, '(');
				for (size_t i = 1, l; i < how.len && !st;
				     i += l + 1) {
					l = strcspn(how.data + i, " ");
					st = _naqib_buf_printf(out,
							       "%s" _NAQIB_QP_DAY ":%.*s",
							       i > 1 ? " OR " : "",
							       (int)l, how.data + i);
				}
				if (!st)
					st = _naqib_buf_addc(out, ')');
			}
			if (!st)
				st = add_word(q, a, how.data, text + from,
					      to - from, "", 0, "", 0);
			pos = to;
			k = end - 1;
			continue;
		}
		if (tok->flags & NAQIB_TOKEN_TOO_LONG) {
			/* Never in the index: no term for it. */
		} else if (g.quotes % 2 && _naqib_positionless(tok) &&
			   !keep_stops) {
			/* Stopwords have no positions in the index: a
			 * phrase is matched without them. */
		} else if (_naqib_is_operator(text + tok->start,
				       tok->end - tok->start)) {
			st = _naqib_buf_add(out, text + tok->start,
					    tok->end - tok->start);
		} else {
			st = own_words(out, q, a, text, t, k, k + 1);
			if (!st && tok->end < len && text[tok->end] == '*' &&
			    (k + 1 == n || t[k + 1].start > tok->start)) {
				/* A wildcard: its prefix, for the
				 * highlighting. */
				char *p = strndup(tok->norm, tok->norm_len);
				if (!p || (st = NAQIB_GROW(q->prefixes,
							   q->cap_prefixes,
							   q->n_prefixes + 1))) {
					free(p);
					st = _naqib_fail(NAQIB_E_NOMEM,
							 "out of memory");
				} else {
					q->prefixes[q->n_prefixes++] = p;
				}
			}
		}
		if (tok->end > pos)
			pos = tok->end;
	}
	free(d);
	_naqib_buf_free(&how);
	if (!st && !q->dropped)
		st = copy_gap(out, q, a, text, pos, len, &g);
	/* A phrase without its closing quote ends with the query. */
	if (!st && g.quotes % 2) {
		st = close_phrase(out, q, a, text, q->dropped ? pos : len, &g);
		g.quotes++;
	}
	/* The filters after the last word (or after the words kept). */
	if (!st)
		st = place_filters(out, q, (size_t)-1, &g);
	return st;
}

