/* The values of the filters (query.h): the dates and ranges of the date
 * filters, the thesaurus entries of names, the prefix of a source. */
#include <stdlib.h>
#include <string.h>

#include "query/query.h"

static int digits_only(const char *s, const char *allowed)
{
	return *s && strspn(s, allowed) == strlen(s);
}

naqib_status_t _naqib_filter_day(naqib_analyzer_t *a, const char *field,
				 const char *s, int hi, char out[9])
{
	static const char *const last[] = { "31", "29", "31", "30", "31", "30",
					    "31", "31", "30", "31", "30", "31" };
	const char *v;
	size_t n;
	char day[11];

	out[0] = '\0';
	if (!*s)
		return NAQIB_OK;
	/* Arabic-Indic digits, as the analyser folds them. */
	if (naqib_normalize(a, s, strlen(s), &v, &n))
		return NAQIB_E_QUERY;
	int digits = digits_only(v, "0123456789-");
	if (digits && n == 4) {
		memcpy(out, v, 4);
		memcpy(out + 4, hi ? "1231" : "0101", 5);
	} else if (digits && n == 7 && v[4] == '-') {
		int m = atoi(v + 5);
		if (m >= 1 && m <= 12) {
			memcpy(out, v, 4);
			memcpy(out + 4, v + 5, 2);
			memcpy(out + 6, hi ? last[m - 1] : "01", 3);
		}
	} else if (naqib_date_normalize(v, day) == NAQIB_OK) {
		memcpy(out, day, 4);
		memcpy(out + 4, day + 5, 2);
		memcpy(out + 6, day + 8, 2);
		out[8] = '\0';
	}
	if (!out[0])
		return _naqib_fail(NAQIB_E_QUERY,
				   "%s:%s: not a date (write YYYY, YYYY-MM, "
				   "YYYY-MM-DD or DD/MM/YYYY; a range as A..B)",
				   field, s);
	return NAQIB_OK;
}

naqib_status_t _naqib_split_range(const char *v, char **lo, char **hi)
{
	const char *dots = strstr(v, "..");

	*lo = dots ? strndup(v, (size_t)(dots - v)) : strdup(v);
	*hi = strdup(dots ? dots + 2 : v);
	if (!*lo || !*hi) {
		free(*lo);
		free(*hi);
		*lo = *hi = NULL;
		return _naqib_fail(NAQIB_E_NOMEM, "out of memory");
	}
	return NAQIB_OK;
}


/* ---------------------------------------------------------------- specs */

void _naqib_filter_spec_init(_naqib_filter_spec_t *s)
{
	memset(s, 0, sizeof *s);
	s->term = s->legacy = (_naqib_buf_t)NAQIB_BUF_INIT;
}

void _naqib_filter_spec_free(_naqib_filter_spec_t *s)
{
	_naqib_buf_free(&s->term);
	_naqib_buf_free(&s->legacy);
	_naqib_filter_spec_init(s);
}

/* The message of a name the thesaurus does not know: the nearest names it
 * knows, as a query would write them, and where to see them all. */
static naqib_status_t unknown_name(naqib_thesaurus_t *th, const char *name,
				   const _naqib_qfilter_t *f)
{
	naqib_thes_name_t near[3];
	size_t n = 0;
	_naqib_buf_t b = NAQIB_BUF_INIT;

	if (naqib_thesaurus_nearest(th, f->field->thes_kind, f->value, 3, near,
				    &n))
		n = 0;
	for (size_t i = 0; i < n; i++) {
		const char *q = strchr(near[i].name, ' ') ? "\"" : "";
		_naqib_buf_printf(&b, "%s%s%s%s",
				  i == 0 ? " (did you mean " : i + 1 == n ? " or "
									  : ", ",
				  q, near[i].name, q);
	}
	naqib_status_t st = _naqib_fail(
		NAQIB_E_QUERY,
		"%s:%s: no such %s in the thesaurus%s%s; naqib-search --list "
		"%ss lists them",
		name, f->value, name, b.data, n ? "?)" : "", name);
	_naqib_buf_free(&b);
	return st;
}

static naqib_status_t thesaurus_spec(naqib_analyzer_t *a, const char *name,
				     const _naqib_qfilter_t *f,
				     _naqib_filter_spec_t *out)
{
	naqib_thesaurus_t *th = naqib_analyzer_thesaurus(a);
	naqib_thes_entry_t e;
	size_t entry;

	if (strchr(f->value, '*'))
		return _naqib_fail(NAQIB_E_QUERY,
				   "%s:%s: a wildcard does not apply to the "
				   "name of a %s: write it whole, as in "
				   "union:CDT or place:الرباط",
				   name, f->value, name);
	if (!th)
		return _naqib_fail(NAQIB_E_QUERY,
				   "%s:%s: this database was indexed without "
				   "a thesaurus",
				   name, f->value);
	if (naqib_thesaurus_find(th, f->field->thes_kind, f->value, &entry))
		return unknown_name(th, name, f);
	naqib_thesaurus_entry(th, entry, &e);
	return _naqib_term(&out->term, f->field->id, e.key, strlen(e.key));
}

/* Whether s is empty or a year of four digits. */
static int year_or_open(const char *s)
{
	return !*s || (strlen(s) == 4 && digits_only(s, "0123456789"));
}

naqib_status_t _naqib_filter_spec(naqib_analyzer_t *a,
				  const _naqib_qfilter_t *f,
				  _naqib_filter_spec_t *out)
{
	const char *name = f->field->name;
	char *lo = NULL, *hi = NULL;
	naqib_status_t st;

	out->field = f->field;
	switch (f->field->filter) {
	case _NAQIB_FILTER_THESAURUS:
		return thesaurus_spec(a, name, f, out);
	case _NAQIB_FILTER_PREFIX: {
		/* A source, or the first words of one: source:jawhara. */
		const char *norm;
		size_t n;
		if (strchr(f->value, '*'))
			return _naqib_fail(NAQIB_E_QUERY,
					   "%s:%s: a %s is matched by its first "
					   "words already: leave out the *",
					   name, f->value, name);
		if ((st = naqib_normalize(a, f->value, strlen(f->value), &norm,
					  &n)))
			return st;
		return _naqib_term(&out->term, f->field->id, norm, n);
	}
	case _NAQIB_FILTER_ID: {
		/* The terms every look-up by id takes (has, delete, get), so
		 * that an id in any form naqib writes one finds its
		 * document: an attachment's link to its message is one. */
		_naqib_id_terms_t t;
		if ((st = _naqib_id_terms(f->value, &t)))
			return st == NAQIB_E_NOMEM
				       ? st
				       : _naqib_fail(NAQIB_E_QUERY,
						     "id:%s: not an id", f->value);
		_naqib_buf_free(&out->term);
		_naqib_buf_free(&out->legacy);
		out->term = t.term;
		out->legacy = t.legacy;
		t.term = t.legacy = (_naqib_buf_t)NAQIB_BUF_INIT;
		_naqib_id_terms_free(&t);
		return NAQIB_OK;
	}
	case _NAQIB_FILTER_YEARS:
	case _NAQIB_FILTER_DAYS:
	case _NAQIB_FILTER_MENTIONS:
		break;
	default:
		return _naqib_fail(NAQIB_E_QUERY, "%s: not a filter", name);
	}
	if ((st = _naqib_split_range(f->value, &lo, &hi)))
		return st;
	if (strstr(hi, ".."))
		st = _naqib_fail(NAQIB_E_QUERY,
				 "%s:%s: a range has one '..', between its two "
				 "ends (as in %s:2019..2021)",
				 name, f->value, name);
	else if (f->field->filter == _NAQIB_FILTER_YEARS &&
	    (!year_or_open(lo) || !year_or_open(hi)))
		st = _naqib_fail(NAQIB_E_QUERY,
				 "year:%s: not a year (write 2021, or a range "
				 "as 2019..2021)",
				 f->value);
	if (!st && !(st = _naqib_filter_day(a, name, lo, 0, out->lo)))
		st = _naqib_filter_day(a, name, hi, 1, out->hi);
	/* A day range of the document date needs an end; the days a text
	 * mentions may be all of them. */
	if (!st && f->field->filter != _NAQIB_FILTER_MENTIONS && !out->lo[0] &&
	    !out->hi[0])
		st = _naqib_fail(NAQIB_E_QUERY,
				 "%s:%s: give at least one end of the range",
				 name, f->value);
	/* A reversed range matched nothing, without a word. */
	if (!st && out->lo[0] && out->hi[0] && strcmp(out->lo, out->hi) > 0)
		st = _naqib_fail(NAQIB_E_QUERY,
				 "%s:%s: the range ends before it begins "
				 "(write %s:%s..%s)",
				 name, f->value, name, hi, lo);
	free(lo);
	free(hi);
	return st;
}
