/* naqib-analyze: what naqib's analysis makes of a text or a query, word by
 * word: the word as written and its byte offsets, its normalized form, its
 * stem under every stemmer, whether it is a stopword, and the terms that
 * indexing writes for it (naqib_tokens_terms(), the thesaurus names and
 * the dates, as naqib-index finds them).  With --query, what
 * naqib_query_parse() makes of a query.
 *
 * The analysis is the database's when there is one (its stemmers and its
 * thesaurus), else the defaults and the built-in thesaurus, so that the
 * terms shown are the terms that database holds or would hold. */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <jansson.h>

#include "bidi.h"
#include "cli.h"
#include "internal.h"
#include "list.h"
#include "table.h"
#include "naqib.h"

/* The stemmers of naqib_stemmer_name(), at most. */
#define MAX_STEMMERS 8

typedef struct term {
	size_t token;  /* the token it is for; (size_t)-1: none */
	char *text;
	unsigned pos;  /* 0: no position */
} term_t;

typedef struct terms {
	term_t *v;
	size_t n, cap;
} terms_t;

typedef struct analysis {
	naqib_db_t *db;
	const char *db_path;    /* NULL: no database */
	naqib_analyzer_t *an;   /* the one of the index */
	/* One analyser per stemmer, for the stems under each. */
	naqib_analyzer_t *per[MAX_STEMMERS];
	const char *per_name[MAX_STEMMERS];
	size_t n_per;
	int json;
	cli_bidi_t bidi;
	/* The day the text gives as its own, and by which rule. */
	char own_date[11];
	naqib_text_date_t how;
	/* The months written without a day, and the month terms the index
	 * writes (of every day, of those months, of the document date). */
	naqib_date_mention_t *months;
	size_t n_months;
	char (*month_terms)[16];
	size_t n_month_terms;
} analysis_t;

/* Adds the month term of year and month, once. */
static int month_term_add(analysis_t *a, int year, int month)
{
	char term[16];
	naqib_month_term(year, month, term, sizeof term);
	for (size_t i = 0; i < a->n_month_terms; i++)
		if (!strcmp(a->month_terms[i], term))
			return NAQIB_OK;
	void *p = realloc(a->month_terms, (a->n_month_terms + 1) * 16);
	if (!p)
		return NAQIB_E_NOMEM;
	a->month_terms = p;
	memcpy(a->month_terms[a->n_month_terms++], term, 16);
	return NAQIB_OK;
}

/* The output formats. */
static const char *format_item(size_t i, const char **description)
{
	static const cli_choice_t formats[] = {
		{ "text", "a table for people (the default)" },
		{ "json", "one object for programs" },
	};

	return CLI_CHOICE(formats, i, description);
}

static const cli_list_t lists[] = {
	{ "format", format_item },
	{ "stemmer", cli_stemmer_item },
	{ "latin-stemmer", cli_latin_stemmer_item },
	{ "bidi", cli_bidi_item },
	{ NULL, NULL },
};

static void usage(FILE *f)
{
	_naqib_buf_t b = NAQIB_BUF_INIT;

	fprintf(f,
		"usage: naqib-analyze [options] [TEXT...]\n"
		"       naqib-analyze [options] --file FILE\n"
		"       naqib-analyze [options] --query QUERY...\n"
		"\n"
		"Shows what naqib's analysis does to a text, word by word: offsets,\n"
		"normalized form, stem under each stemmer, stopwords, and the terms\n"
		"indexing writes.  With --query, what naqib-search makes of a query.\n"
		"Without TEXT or --file, the text is read from standard input.\n"
		"\n"
		"  -d, --db DIR            take the stemmers and the thesaurus from this\n"
		"                          database (default: $NAQIB_DB, else ./naqib.db if\n"
		"                          it exists, else the defaults)\n"
		"  -f, --format FORMAT     text or json: a table for people, one JSON\n"
		"                          object for programs (default: text)\n"
		"      --json              the same as --format json\n"
		"      --file FILE         analyse the text of FILE (- for standard input)\n"
		"      --query             analyse the text as a query\n");
	cli_help(f, "-s, --stemmer NAME", "Arabic stemmer when there is no "
		 "database: %s (default: %s)",
		 cli_list_join(cli_stemmer_item, " or ", &b),
		 NAQIB_DEFAULT_STEMMER);
	fprintf(f,
		"      --latin-stemmer L   Latin-script words when there is no database: a\n"
		"                          Snowball language or none (default: %s)\n"
		"      --bidi MODE         auto, logical or visual order of Arabic in the\n"
		"                          table (default: auto: $NAQIB_BIDI on a terminal,\n"
		"                          else logical)\n"
		"      --shape             with visual order, join Arabic letters\n"
		"                          (presentation forms)\n"
		"      --list NAME         the values of an option (format, stemmer,\n"
		"                          latin-stemmer, bidi), one a line\n"
		"  -h, --help              this help\n"
		"      --version           the version\n",
		NAQIB_DEFAULT_LATIN_STEMMER);
	_naqib_buf_free(&b);
}

/* ---------------------------------------------------------------- terms */

static int terms_add(terms_t *t, size_t token, const char *s, size_t len,
		     unsigned pos)
{
	if (NAQIB_GROW(t->v, t->cap, t->n + 1))
		return NAQIB_E_NOMEM;
	if (!(t->v[t->n].text = strndup(s, len)))
		return NAQIB_E_NOMEM;
	t->v[t->n].token = token;
	t->v[t->n++].pos = pos;
	return NAQIB_OK;
}

static void terms_free(terms_t *t)
{
	for (size_t i = 0; i < t->n; i++)
		free(t->v[i].text);
	free(t->v);
}

static int on_term(size_t token, const char *term, size_t len, unsigned pos,
		   void *ctx)
{
	return terms_add(ctx, token, term, len, pos);
}

/* ---------------------------------------------------------------- text */

static const char *script_name(unsigned flags)
{
	if (flags & NAQIB_TOKEN_ARABIC)
		return "arabic";
	if (flags & NAQIB_TOKEN_NUMBER)
		return "number";
	return "latin";
}

/* The terms of one token joined with spaces, into buf. */
static void token_terms(const terms_t *terms, size_t token, _naqib_buf_t *buf,
			unsigned *pos)
{
	_naqib_buf_reset(buf);
	*pos = 0;
	for (size_t k = 0; k < terms->n; k++) {
		if (terms->v[k].token != token)
			continue;
		if (buf->len)
			_naqib_buf_addc(buf, ' ');
		_naqib_buf_adds(buf, terms->v[k].text);
		if (terms->v[k].pos)
			*pos = terms->v[k].pos;
	}
}

/* A date found in the text as YYYY-MM-DD, and its term (XDYYYYMMDD, as
 * naqib-index writes it). */
static void date_strings(const naqib_date_mention_t *d, char day[16],
			 char term[16])
{
	/* The finder gives real dates: 4, 2 and 2 digits. */
	unsigned y = (unsigned)d->year % 10000, m = (unsigned)d->month % 100,
		 dd = (unsigned)d->day % 100;

	snprintf(day, 16, "%04u-%02u-%02u", y, m, dd);
	naqib_day_term(d->year, d->month, d->day, term, 16);
}

/* Prints o on one line unless building it failed (err), and frees it. */
static int json_emit(json_t *o, int err)
{
	if (!err)
		err = json_dumpf(o, stdout, JSON_COMPACT);
	if (!err)
		fputc('\n', stdout);
	json_decref(o);
	return err ? NAQIB_E_NOMEM : NAQIB_OK;
}

/* The analysis used, in a JSON object: stemmers and database. */
static int json_settings(json_t *o, const analysis_t *a)
{
	int err = 0;

	err |= json_object_set_new(o, "stemmer",
				   json_string(naqib_analyzer_stemmer(a->an)));
	err |= json_object_set_new(o, "latin_stemmer",
				   json_string(naqib_analyzer_latin_stemmer(a->an)));
	err |= json_object_set_new(o, "database", a->db_path ?
				   json_string(a->db_path) : json_null());
	return err;
}

static int text_json(const analysis_t *a, const char *text, size_t len,
		     const naqib_token_t *t, size_t n, char **stems,
		     const terms_t *terms, const naqib_thes_match_t *m,
		     size_t nm, const naqib_date_mention_t *d, size_t nd)
{
	json_t *o = json_object(), *toks = json_array();
	json_t *names = json_array(), *dates = json_array();
	int err = !o || !toks || !names || !dates;

	err |= json_object_set_new(o, "text", json_stringn(text, len));
	err |= json_settings(o, a);
	for (size_t i = 0; i < n && !err; i++) {
		json_t *j = json_object(), *s = json_object(), *tl = json_array();
		unsigned pos = 0;
		err |= !j || !s || !tl;
		for (size_t k = 0; k < a->n_per && !err; k++)
			err |= json_object_set_new(s, a->per_name[k],
						   json_string(stems[i * a->n_per + k]));
		for (size_t k = 0; k < terms->n && !err; k++) {
			const term_t *x = &terms->v[k];
			if (x->token != i)
				continue;
			if (x->pos)
				pos = x->pos;
			err |= json_array_append_new(
				tl, x->pos ? json_pack("{s:s,s:i}", "term", x->text,
						       "position", (int)x->pos)
					   : json_pack("{s:s}", "term", x->text));
		}
		int stop = (t[i].flags & NAQIB_TOKEN_STOPWORD) != 0;
		err |= json_object_set_new(j, "start", json_integer((json_int_t)t[i].start));
		err |= json_object_set_new(j, "end", json_integer((json_int_t)t[i].end));
		err |= json_object_set_new(j, "text", json_stringn(text + t[i].start,
								   t[i].end - t[i].start));
		err |= json_object_set_new(j, "normalized", json_string(t[i].norm));
		err |= json_object_set_new(j, "script", json_string(script_name(t[i].flags)));
		err |= json_object_set_new(j, "stem", json_string(t[i].stem));
		err |= json_object_set_new(j, "stems", s);
		err |= json_object_set_new(j, "stopword", json_boolean(stop));
		err |= json_object_set_new(j, "negation",
					   json_boolean(stop && !_naqib_positionless(&t[i])));
		err |= json_object_set_new(j, "too_long",
					   json_boolean(t[i].flags & NAQIB_TOKEN_TOO_LONG));
		err |= json_object_set_new(j, "position", pos ? json_integer(pos)
							       : json_null());
		err |= json_object_set_new(j, "terms", tl);
		err |= json_array_append_new(toks, j);
	}
	for (size_t i = 0; i < nm && !err; i++) {
		naqib_thes_entry_t e;
		naqib_thesaurus_entry(naqib_analyzer_thesaurus(a->an), m[i].entry, &e);
		char term[NAQIB_MAX_TERM + 16];
		naqib_entry_term(&e, term, sizeof term);
		err |= json_array_append_new(
			names, json_pack("{s:i,s:i,s:s,s:s,s:s}", "first",
					 (int)m[i].first, "last", (int)m[i].last,
					 "kind", naqib_thes_kind_name(e.kind),
					 "name", e.name, "term", term));
	}
	for (size_t i = 0; i < nd && !err; i++) {
		char day[16], term[16];
		date_strings(&d[i], day, term);
		err |= json_array_append_new(
			dates, json_pack("{s:i,s:i,s:s,s:s}", "first",
					 (int)d[i].first, "last", (int)d[i].last,
					 "date", day, "term", term));
	}
	err |= json_object_set_new(o, "tokens", toks);
	err |= json_object_set_new(o, "names", names);
	err |= json_object_set_new(o, "dates", dates);
	json_t *months = json_array(), *mterms = json_array();
	err |= !months || !mterms;
	for (size_t i = 0; i < a->n_months && !err; i++) {
		char month[8], term[16];
		const naqib_date_mention_t *x = &a->months[i];
		snprintf(month, sizeof month, "%04u-%02u", (unsigned)x->year % 10000,
			 (unsigned)x->month % 100);
		naqib_month_term(x->year, x->month, term, sizeof term);
		err |= json_array_append_new(
			months, json_pack("{s:i,s:i,s:s,s:s}", "first", (int)x->first,
					  "last", (int)x->last, "month", month,
					  "term", term));
	}
	for (size_t i = 0; i < a->n_month_terms && !err; i++)
		err |= json_array_append_new(mterms, json_string(a->month_terms[i]));
	err |= json_object_set_new(o, "months", months);
	err |= json_object_set_new(o, "month_terms", mterms);
	err |= json_object_set_new(
		o, "document_date",
		a->own_date[0] ? json_pack("{s:s,s:s}", "date", a->own_date, "rule",
					   naqib_text_date_name(a->how))
			       : json_null());
	return json_emit(o, err);
}

/* The words [first, last) as the table numbers them: "#4", "#6-8". */
static void word_range(char *buf, size_t size, size_t first, size_t last)
{
	if (last <= first + 1)
		snprintf(buf, size, "#%zu", first + 1);
	else
		snprintf(buf, size, "#%zu-%zu", first + 1, last);
}

static int text_table(const analysis_t *a, const char *text,
		      const naqib_token_t *t, size_t n, char **stems,
		      const terms_t *terms, const naqib_thes_match_t *m,
		      size_t nm, const naqib_date_mention_t *d, size_t nd)
{
	table_t tab = { NULL, 0, 0, 7 + a->n_per };
	_naqib_buf_t buf = NAQIB_BUF_INIT, cell = NAQIB_BUF_INIT;
	int st = NAQIB_OK;
	static const char *const head[] = { "#", "bytes", "pos", "word",
					    "normalized" };

	for (size_t k = 0; k < 5 && !st; k++)
		st = table_add(&tab, &a->bidi, head[k]);
	for (size_t k = 0; k < a->n_per && !st; k++)
		st = table_add(&tab, &a->bidi, a->per_name[k]);
	if (!st)
		st = table_add(&tab, &a->bidi, "flags");
	if (!st)
		st = table_add(&tab, &a->bidi, "terms");
	for (size_t i = 0; i < n && !st; i++) {
		char num[64];
		unsigned pos;
		token_terms(terms, i, &buf, &pos);
		snprintf(num, sizeof num, "%zu", i + 1);
		st |= table_add(&tab, &a->bidi, num);
		snprintf(num, sizeof num, "%zu-%zu", t[i].start, t[i].end);
		st |= table_add(&tab, &a->bidi, num);
		snprintf(num, sizeof num, pos ? "%u" : "-", pos);
		st |= table_add(&tab, &a->bidi, num);
		_naqib_buf_reset(&cell);
		st |= _naqib_buf_add(&cell, text + t[i].start, t[i].end - t[i].start);
		st |= table_add(&tab, &a->bidi, cell.data);
		st |= table_add(&tab, &a->bidi, t[i].norm);
		for (size_t k = 0; k < a->n_per; k++)
			st |= table_add(&tab, &a->bidi, stems[i * a->n_per + k]);
		_naqib_buf_reset(&cell);
		st |= _naqib_buf_add(&cell, script_name(t[i].flags),
				     strlen(script_name(t[i].flags)));
		if (t[i].flags & NAQIB_TOKEN_STOPWORD)
			st |= _naqib_buf_add(&cell, ",stopword", 9);
		if ((t[i].flags & NAQIB_TOKEN_STOPWORD) && !_naqib_positionless(&t[i]))
			st |= _naqib_buf_add(&cell, ",negation", 9);
		if (t[i].flags & NAQIB_TOKEN_TOO_LONG)
			st |= _naqib_buf_add(&cell, ",too-long", 9);
		st |= table_add(&tab, &a->bidi, cell.data);
		st |= table_add(&tab, &a->bidi, buf.data);
	}
	if (!st)
		table_print(&tab, "");
	table_free(&tab);

	/* Names and dates span words: one line each, after the table. */
	table_t more = { NULL, 0, 0, 4 };
	for (size_t i = 0; i < nm && !st; i++) {
		naqib_thes_entry_t e;
		char words[64], term[NAQIB_MAX_TERM + 16];
		naqib_thesaurus_entry(naqib_analyzer_thesaurus(a->an), m[i].entry, &e);
		word_range(words, sizeof words, m[i].first, m[i].last);
		naqib_entry_term(&e, term, sizeof term);
		st |= table_add(&more, &a->bidi, naqib_thes_kind_name(e.kind));
		st |= table_add(&more, &a->bidi, words);
		st |= table_add(&more, &a->bidi, e.name);
		st |= table_add(&more, &a->bidi, term);
	}
	for (size_t i = 0; i < nd && !st; i++) {
		char words[64], day[16], term[16];
		word_range(words, sizeof words, d[i].first, d[i].last);
		date_strings(&d[i], day, term);
		st |= table_add(&more, &a->bidi, "date");
		st |= table_add(&more, &a->bidi, words);
		st |= table_add(&more, &a->bidi, day);
		st |= table_add(&more, &a->bidi, term);
	}
	for (size_t i = 0; i < a->n_months && !st; i++) {
		char words[64], month[16], term[16];
		const naqib_date_mention_t *x = &a->months[i];
		word_range(words, sizeof words, x->first, x->last);
		snprintf(month, sizeof month, "%04u-%02u", (unsigned)x->year % 10000,
			 (unsigned)x->month % 100);
		naqib_month_term(x->year, x->month, term, sizeof term);
		st |= table_add(&more, &a->bidi, "month");
		st |= table_add(&more, &a->bidi, words);
		st |= table_add(&more, &a->bidi, month);
		st |= table_add(&more, &a->bidi, term);
	}
	if (!st && a->own_date[0]) {
		/* The date naqib-index files the text under when its
		 * metadata gives none, and the rule that found it. */
		st |= table_add(&more, &a->bidi, "document date");
		st |= table_add(&more, &a->bidi, naqib_text_date_name(a->how));
		st |= table_add(&more, &a->bidi, a->own_date);
		st |= table_add(&more, &a->bidi, "");
	}
	if (!st && a->n_month_terms) {
		/* The months a query of a month and a year finds the text
		 * by. */
		_naqib_buf_t mt = NAQIB_BUF_INIT;
		for (size_t i = 0; i < a->n_month_terms && !st; i++)
			st = _naqib_buf_printf(&mt, "%s%s", i ? " " : "",
					       a->month_terms[i]);
		st |= table_add(&more, &a->bidi, "months");
		st |= table_add(&more, &a->bidi, "");
		st |= table_add(&more, &a->bidi, "");
		st |= table_add(&more, &a->bidi, mt.data ? mt.data : "");
		_naqib_buf_free(&mt);
	}
	if (!st && more.n) {
		fputc('\n', stdout);
		table_print(&more, "");
	}
	table_free(&more);
	_naqib_buf_free(&buf);
	_naqib_buf_free(&cell);
	return st ? NAQIB_E_NOMEM : NAQIB_OK;
}

static int analyze_text(analysis_t *a, const char *text, size_t len)
{
	const naqib_token_t *t;
	const naqib_thes_match_t *m = NULL;
	naqib_date_mention_t *d = NULL;
	terms_t terms = { NULL, 0, 0 };
	char **stems = NULL;
	size_t n, nm = 0, nd = 0;
	unsigned pos = 0;
	int st;

	if ((st = naqib_analyze(a->an, text, len, &t, &n)))
		return st;
	if (!(stems = calloc(n * a->n_per + 1, sizeof *stems))) {
		st = NAQIB_E_NOMEM;
		goto out;
	}
	/* Each stemmer's analyser stems the normalized word as the index's
	 * does (naqib_analyzer_stem: the Latin stemmer for Latin words,
	 * numbers as they are). */
	for (size_t i = 0; i < n && !st; i++)
		for (size_t k = 0; k < a->n_per && !st; k++) {
			const char *s;
			size_t sl;
			if (!(st = naqib_analyzer_stem(a->per[k], t[i].norm,
						       t[i].norm_len, &s, &sl)) &&
			    !(stems[i * a->n_per + k] = strndup(s, sl)))
				st = NAQIB_E_NOMEM;
		}
	if (st || (st = naqib_tokens_terms(t, n, &pos, on_term, &terms)))
		goto out;
	if (naqib_analyzer_thesaurus(a->an) &&
	    (st = naqib_thesaurus_match(naqib_analyzer_thesaurus(a->an), t, n,
					&m, &nm)))
		goto out;
	/* As naqib-index does for a document without a date in its
	 * metadata: the text's own date (naqib_text_date()) is the
	 * document's, and dates without a year take the year nearest it. */
	naqib_date_mention_t *full = NULL;
	size_t nfull = 0;
	if ((st = _naqib_dates_find_all(t, n, text, len, &d, &nd)))
		goto out;
	if (!(full = malloc((nd + 1) * sizeof *full))) {
		st = NAQIB_E_NOMEM;
		goto out;
	}
	for (size_t i = 0; i < nd; i++)
		if (d[i].year)
			full[nfull++] = d[i];
	_naqib_dates_give_year(full, &nfull, NULL);
	a->how = naqib_text_date(t, n, text, len, full, nfull, a->own_date);
	free(full);
	free(a->months);
	a->months = NULL;
	a->n_months = a->n_month_terms = 0;
	if ((st = _naqib_months_find(t, n, text, len, d, nd, &a->months,
				     &a->n_months)))
		goto out;
	_naqib_dates_give_year(d, &nd, a->own_date);
	for (size_t i = 0; i < nd + a->n_months && !st; i++) {
		const naqib_date_mention_t *x = i < nd ? &d[i] : &a->months[i - nd];
		st = month_term_add(a, x->year, x->month);
	}
	if (!st && a->own_date[0])
		st = month_term_add(a, atoi(a->own_date), atoi(a->own_date + 5));
	if (st)
		goto out;
	st = a->json ? text_json(a, text, len, t, n, stems, &terms, m, nm, d, nd)
		     : text_table(a, text, t, n, stems, &terms, m, nm, d, nd);
out:
	for (size_t i = 0; stems && i < n * a->n_per; i++)
		free(stems[i]);
	free(stems);
	free(d);
	terms_free(&terms);
	return st;
}

/* ---------------------------------------------------------------- query */

/* A term of the query; pos 1 marks a wildcard's prefix. */
static int on_query_term(const char *term, size_t len, int is_prefix,
			 void *ctx)
{
	return terms_add(ctx, (size_t)-1, term, len, is_prefix ? 1 : 0);
}

static const char *kind_name(int kind)
{
	return kind == 't' ? "thesaurus" : kind == 'd' ? "date"
	       : kind == 'p' ? "phrase" : "word";
}

/* The normalized query as a reader can take it: the parser's placeholders
 * for a name of the thesaurus (THESAURUS:259) and for a day (DAY:20251014)
 * become thesaurus:NAME, the entry's canonical name, and day:2025-10-14
 * (DAY:202510, a month: month:2025-10);
 * a word or a phrase as written (EXACT:3) is =word or ="…" again, a
 * filter where it was (FILTER0:union) the filter as typed.
 * The placeholders come in the order of the query's names and dates. */
static int readable_normalized(const naqib_query_t *q, _naqib_buf_t *b)
{
	static const char thes[] = "THESAURUS:", day[] = "DAY:",
			  exact[] = "EXACT:", filter[] = "FILTER";
	const char *s = naqib_query_normalized(q);
	size_t nw = naqib_query_word_count(q), next = 0;
	int st = 0;

	_naqib_buf_reset(b);
	while (*s && !st) {
		size_t digits;
		if (!strncmp(s, thes, sizeof thes - 1) &&
		    (digits = strspn(s + sizeof thes - 1, "0123456789")) > 0) {
			naqib_query_word_t w = { 0 };
			while (next < nw && (naqib_query_word(q, next, &w) ||
					     w.kind != 't'))
				next++;
			if (next < nw && w.detail) {
				next++;
				st = _naqib_buf_printf(b, strchr(w.detail, ' ') ?
						       "thesaurus:\"%s\"" :
						       "thesaurus:%s", w.detail);
				s += sizeof thes - 1 + digits;
				continue;
			}
		} else if (!strncmp(s, exact, sizeof exact - 1) &&
			   (digits = strspn(s + sizeof exact - 1,
					    "0123456789")) > 0) {
			/* A word or phrase as written: as typed, with its =. */
			naqib_query_word_t w = { 0 };
			size_t k = strtoul(s + sizeof exact - 1, NULL, 10);
			if (!naqib_query_word(q, k, &w)) {
				st = w.kind == 'p'
					     ? _naqib_buf_adds(b, w.typed)
					     : _naqib_buf_printf(b, "=%s", w.norm);
				s += sizeof exact - 1 + digits;
				continue;
			}
		} else if (!strncmp(s, filter, sizeof filter - 1) &&
			   (digits = strspn(s + sizeof filter - 1,
					    "0123456789")) > 0 &&
			   s[sizeof filter - 1 + digits] == ':') {
			/* A filter where it was: as typed. */
			const char *f = naqib_query_filter(
				q, strtoul(s + sizeof filter - 1, NULL, 10));
			if (f) {
				st = _naqib_buf_adds(b, f);
				s += sizeof filter - 1 + digits + 1;
				s += strcspn(s, " )");
				continue;
			}
		} else if (!strncmp(s, day, sizeof day - 1) &&
			   strspn(s + sizeof day - 1, "0123456789") == 8) {
			const char *d = s + sizeof day - 1;
			st = _naqib_buf_printf(b, "day:%.4s-%.2s-%.2s", d, d + 4,
					       d + 6);
			s += sizeof day - 1 + 8;
			continue;
		} else if (!strncmp(s, day, sizeof day - 1) &&
			   strspn(s + sizeof day - 1, "0123456789") == 6) {
			/* A month: DAY:202510 is month:2025-10. */
			const char *d = s + sizeof day - 1;
			st = _naqib_buf_printf(b, "month:%.4s-%.2s", d, d + 4);
			s += sizeof day - 1 + 6;
			continue;
		}
		st = _naqib_buf_addc(b, *s++);
	}
	/* The space a placeholder at the end leaves. */
	while (!st && b->len && b->data[b->len - 1] == ' ')
		b->data[--b->len] = '\0';
	return st;
}

static int analyze_query(analysis_t *a, const char *text)
{
	naqib_query_t *q;
	terms_t terms = { NULL, 0, 0 };
	int st;

	if ((st = naqib_query_parse(a->db, a->an, text, &q)))
		return st;
	if ((st = naqib_query_foreach_term(q, on_query_term, &terms)))
		goto out;
	size_t nw = naqib_query_word_count(q);
	if (a->json) {
		json_t *o = json_object(), *words = json_array(), *tl = json_array();
		int err = !o || !words || !tl;
		err |= json_object_set_new(o, "query", json_string(text));
		err |= json_object_set_new(o, "normalized",
					   json_string(naqib_query_normalized(q)));
		err |= json_object_set_new(o, "description",
					   json_string(naqib_query_description(q)));
		err |= json_object_set_new(o, "empty",
					   json_boolean(naqib_query_is_empty(q)));
		err |= json_settings(o, a);
		for (size_t i = 0; i < nw && !err; i++) {
			naqib_query_word_t w;
			if (naqib_query_word(q, i, &w))
				continue;
			err |= json_array_append_new(
				words, json_pack("{s:s,s:s,s:s,s:s,s:s}", "typed",
						 w.typed, "normalized", w.norm,
						 "stem", w.stem, "kind",
						 kind_name(w.kind), "detail",
						 w.detail ? w.detail : ""));
		}
		for (size_t k = 0; k < terms.n && !err; k++)
			err |= json_array_append_new(
				tl, json_pack("{s:s,s:b}", "term", terms.v[k].text,
					      "wildcard", terms.v[k].pos != 0));
		err |= json_object_set_new(o, "words", words);
		err |= json_object_set_new(o, "terms", tl);
		st = json_emit(o, err);
		goto out;
	}
	_naqib_buf_t b = NAQIB_BUF_INIT;
	for (size_t k = 0; k < terms.n && !st; k++)
		st = _naqib_buf_printf(&b, "%s%s%s", k ? " " : "", terms.v[k].text,
				       terms.v[k].pos ? "*" : "");
	st |= put_field(&a->bidi, "query", text);
	_naqib_buf_t norm = NAQIB_BUF_INIT;
	st |= readable_normalized(q, &norm);
	st |= put_field(&a->bidi, "normalized", norm.data ? norm.data : "");
	_naqib_buf_free(&norm);
	st |= put_field(&a->bidi, "terms", b.data);
	st |= put_field(&a->bidi, "xapian", naqib_query_description(q));
	_naqib_buf_free(&b);
	if (!st && nw) {
		table_t tab = { NULL, 0, 0, 5 };
		static const char *const head[] = { "typed", "normalized", "stem",
						    "kind", "detail" };
		for (size_t k = 0; k < 5; k++)
			st |= table_add(&tab, &a->bidi, head[k]);
		for (size_t i = 0; i < nw && !st; i++) {
			naqib_query_word_t w;
			if (naqib_query_word(q, i, &w))
				continue;
			st |= table_add(&tab, &a->bidi, w.typed);
			st |= table_add(&tab, &a->bidi, *w.norm ? w.norm : "-");
			st |= table_add(&tab, &a->bidi, *w.stem ? w.stem : "-");
			st |= table_add(&tab, &a->bidi, kind_name(w.kind));
			st |= table_add(&tab, &a->bidi, w.detail && *w.detail ? w.detail : "-");
		}
		if (!st) {
			fputc('\n', stdout);
			table_print(&tab, "");
		}
		table_free(&tab);
		if (st)
			st = NAQIB_E_NOMEM;
	}
out:
	terms_free(&terms);
	naqib_query_destroy(q);
	return st;
}

/* ---------------------------------------------------------------- setup */

/* The analysers: the database's, else new ones with the built-in
 * thesaurus; then one per stemmer. */
static int setup(analysis_t *a, const char *db_opt, const char *stemmer,
		 const char *latin)
{
	const char *env = getenv("NAQIB_DB");
	struct stat sb;
	int st;

	/* A database named by --db or $NAQIB_DB must open; ./naqib.db only
	 * when it is there. */
	if (db_opt || (env && *env) || stat("naqib.db", &sb) == 0)
		a->db_path = cli_db_path(db_opt);
	if (a->db_path) {
		if ((st = naqib_db_open(a->db_path, NAQIB_DB_READ, &a->db)) ||
		    (st = naqib_db_analyzer_new(a->db, &a->an))) {
			cli_error("%s", naqib_last_error());
			return cli_exit_for(st);
		}
		if ((stemmer && strcmp(stemmer, naqib_analyzer_stemmer(a->an))) ||
		    (latin && strcmp(latin, naqib_analyzer_latin_stemmer(a->an)))) {
			cli_error("database '%s' was indexed with --stemmer=%s "
				  "--latin-stemmer=%s: its words are analysed "
				  "with those", a->db_path,
				  naqib_analyzer_stemmer(a->an),
				  naqib_analyzer_latin_stemmer(a->an));
			return EXIT_USAGE;
		}
	} else {
		naqib_analyzer_options_t o = { stemmer, latin };
		naqib_thesaurus_t *th = NULL;
		size_t len;
		const char *text = naqib_thesaurus_builtin(&len);
		if ((st = naqib_analyzer_new(&o, &a->an))) {
			cli_error("%s", naqib_last_error());
			return cli_exit_for(st);
		}
		if ((st = naqib_thesaurus_new(a->an, &th)) ||
		    (st = naqib_thesaurus_load(th, text, len, "built-in"))) {
			cli_error("%s", naqib_last_error());
			naqib_thesaurus_destroy(th);
			return cli_exit_for(st);
		}
		naqib_analyzer_set_thesaurus(a->an, th);
	}
	const char *s;
	for (size_t i = 0; (s = naqib_stemmer_name(i, NULL)) &&
			   a->n_per < MAX_STEMMERS;
	     i++) {
		naqib_analyzer_options_t o = {
			s, naqib_analyzer_latin_stemmer(a->an)
		};
		if ((st = naqib_analyzer_new(&o, &a->per[a->n_per]))) {
			cli_error("%s", naqib_last_error());
			return cli_exit_for(st);
		}
		a->per_name[a->n_per++] = s;
	}
	return EXIT_OK;
}

int main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "db", required_argument, NULL, 'd' },
		{ "file", required_argument, NULL, 'F' },
		{ "query", no_argument, NULL, 'Q' },
		{ "stemmer", required_argument, NULL, 's' },
		{ "latin-stemmer", required_argument, NULL, 'L' },
		{ "format", required_argument, NULL, 'f' },
		{ "json", no_argument, NULL, 'J' },
		{ "bidi", required_argument, NULL, 'B' },
		{ "shape", no_argument, NULL, 'S' },
		{ "list", required_argument, NULL, 'l' },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 },
	};
	analysis_t a;
	const char *db_opt = NULL, *file = NULL, *stemmer = NULL, *latin = NULL;
	int c, query = 0, bidi = CLI_BIDI_AUTO, shape = 0, status;
	char *text = NULL;
	size_t len = 0;

	cli_prog = "naqib-analyze";
	memset(&a, 0, sizeof a);
	while ((c = getopt_long(argc, argv, ":d:f:s:h", longopts, NULL)) != -1) {
		switch (c) {
		case 'd':
			db_opt = optarg;
			break;
		case 'F':
			file = optarg;
			break;
		case 'f': {
			int k = cli_list_find(format_item, optarg, "--format",
					      "format");
			if (k < 0)
				return EXIT_USAGE;
			a.json = !strcmp(format_item((size_t)k, NULL), "json");
			break;
		}
		case 'l':
			return cli_list_print(lists, optarg, stdout);
		case 'Q':
			query = 1;
			break;
		case 's':
			stemmer = optarg;
			break;
		case 'L':
			latin = optarg;
			break;
		case 'J':
			a.json = 1;
			break;
		case 'B':
			if (cli_bidi_parse(optarg, &bidi))
				return EXIT_USAGE;
			break;
		case 'S':
			shape = 1;
			break;
		case 'h':
			usage(stdout);
			return EXIT_OK;
		case 'V':
			printf("naqib-analyze %s\n", NAQIB_VERSION);
			return EXIT_OK;
		default:
			return cli_bad_option(argv, c, longopts);
		}
	}
	if (file && optind < argc) {
		cli_error("give a text or --file FILE, not both");
		return EXIT_USAGE;
	}
	/* Unknown names are usage errors, with or without a database. */
	if (cli_check_stemmers(stemmer, latin))
		return EXIT_USAGE;
	cli_bidi_setup(bidi, shape, &a.bidi);

	if (optind < argc) {
		/* The words of the command line make one text. */
		if (!(text = cli_join_args(argv + optind, argc - optind))) {
			cli_error("out of memory");
			return EXIT_INTERNAL;
		}
		len = strlen(text);
	} else {
		int err = cli_read_file(file ? file : "-", &text, &len);
		if (err) {
			cli_error("cannot read '%s': %s", file ? file : "-",
				  strerror(err));
			return EXIT_INPUT;
		}
	}
	size_t bad;
	if (naqib_utf8_check(text, len, &bad)) {
		cli_error("%s: %s", file ? file : "the text", naqib_last_error());
		free(text);
		return EXIT_INPUT;
	}

	if ((status = setup(&a, db_opt, stemmer, latin)) == EXIT_OK) {
		int st = query ? analyze_query(&a, text)
			       : analyze_text(&a, text, len);
		if (st == NAQIB_E_QUERY && !a.db)
			cli_error("%s (give one with --db or $NAQIB_DB)",
				  naqib_last_error());
		else if (st)
			cli_error("%s", st == NAQIB_E_NOMEM ? "out of memory"
							    : naqib_last_error());
		if (st)
			status = cli_exit_for(st);
	}
	if (fflush(stdout) != 0 && status == EXIT_OK) {
		cli_error("cannot write the output");
		status = EXIT_INTERNAL;
	}
	free(text);
	for (size_t k = 0; k < a.n_per; k++)
		naqib_analyzer_destroy(a.per[k]);
	free(a.months);
	free(a.month_terms);
	naqib_analyzer_destroy(a.an);
	naqib_db_close(a.db);
	return status;
}
