/* Thesaurus names, dates and sources of a document, for the filters and
 * facets (see knowledge.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "knowledge.h"
#include "util/util.h"

struct knowledge {
	naqib_analyzer_t *an;
	naqib_thesaurus_t *th;
	unsigned *mentions;	/* per thesaurus entry */
	size_t *touched;	/* entries with mentions, in order of first */
	size_t n_touched, n_entries;
	char (*days)[9];	/* YYYYMMDD of each date in the text */
	size_t n_days, cap_days;
	char date[11];		/* the document date, or "" */
	int date_from_meta;
};

int knowledge_new(naqib_analyzer_t *an, knowledge_t **out)
{
	knowledge_t *k = calloc(1, sizeof *k);

	*out = NULL;
	if (!k)
		return NAQIB_E_NOMEM;
	k->an = an;
	k->th = naqib_analyzer_thesaurus(an);
	k->n_entries = k->th ? naqib_thesaurus_size(k->th) : 0;
	k->mentions = calloc(k->n_entries + 1, sizeof *k->mentions);
	k->touched = calloc(k->n_entries + 1, sizeof *k->touched);
	if (!k->mentions || !k->touched) {
		knowledge_destroy(k);
		return NAQIB_E_NOMEM;
	}
	*out = k;
	return NAQIB_OK;
}

void knowledge_destroy(knowledge_t *k)
{
	if (!k)
		return;
	free(k->mentions);
	free(k->touched);
	free(k->days);
	free(k);
}

void knowledge_start(knowledge_t *k, const char *date)
{
	for (size_t i = 0; i < k->n_touched; i++)
		k->mentions[k->touched[i]] = 0;
	k->n_touched = 0;
	k->n_days = 0;
	snprintf(k->date, sizeof k->date, "%s", date ? date : "");
	k->date_from_meta = k->date[0] != '\0';
}

int knowledge_collect(knowledge_t *k, const naqib_token_t *t, size_t n,
		      const char *text, size_t len)
{
	int st;

	if (k->th) {
		const naqib_thes_match_t *m;
		size_t nm;
		if ((st = naqib_thesaurus_match(k->th, t, n, &m, &nm)))
			return st;
		for (size_t i = 0; i < nm; i++)
			if (k->mentions[m[i].entry]++ == 0)
				k->touched[k->n_touched++] = m[i].entry;
	}
	naqib_date_mention_t *d;
	size_t nd;
	/* Dates without a year take the one nearest the document date. */
	if ((st = naqib_dates_find(t, n, text, len, k->date[0] ? k->date : NULL,
				   &d, &nd)))
		return st;
	if ((st = NAQIB_GROW(k->days, k->cap_days, k->n_days + nd))) {
		free(d);
		return st;
	}
	for (size_t i = 0; i < nd; i++) {
		/* The finder gives real dates: 4, 2 and 2 digits. */
		unsigned y = (unsigned)d[i].year % 10000,
			 m = (unsigned)d[i].month % 100,
			 day = (unsigned)d[i].day % 100;
		snprintf(k->days[k->n_days++], sizeof *k->days, "%04u%02u%02u",
			 y % 10000, m % 100, day % 100);
		if (!k->date[0] && !d[i].year_guessed)
			snprintf(k->date, sizeof k->date, "%04u-%02u-%02u",
				 y % 10000, m % 100, day % 100);
	}
	free(d);
	return NAQIB_OK;
}

const char *knowledge_date(const knowledge_t *k)
{
	return k->date;
}

/* Sets a value slot to the canonical names of the entries of one kind,
 * \x1f between them. */
static int names_value(knowledge_t *k, naqib_doc_t *doc, int kind,
		       unsigned slot)
{
	char buf[4096];
	size_t used = 0;

	for (size_t i = 0; i < k->n_touched; i++) {
		naqib_thes_entry_t e;
		naqib_thesaurus_entry(k->th, k->touched[i], &e);
		size_t n = strlen(e.name);
		if (e.kind != kind || used + n + 1 > sizeof buf)
			continue;
		if (used)
			buf[used++] = '\x1f';
		memcpy(buf + used, e.name, n);
		used += n;
	}
	return used ? naqib_doc_set_value(doc, slot, buf, used) : NAQIB_OK;
}

int knowledge_apply(knowledge_t *k, naqib_doc_t *doc, const char *source)
{
	char term[NAQIB_MAX_TERM + 16];
	int st;

	for (size_t i = 0; i < k->n_touched; i++) {
		naqib_thes_entry_t e;
		naqib_thesaurus_entry(k->th, k->touched[i], &e);
		int n = snprintf(term, sizeof term, "%s%s",
				 naqib_thes_kind_prefix(e.kind), e.key);
		if (n < 0 || (size_t)n >= sizeof term)
			continue;
		if ((st = naqib_doc_add_term(doc, term, (size_t)n,
					     k->mentions[k->touched[i]])))
			return st;
	}
	if ((st = names_value(k, doc, NAQIB_THES_UNION, NAQIB_SLOT_UNIONS)) ||
	    (st = names_value(k, doc, NAQIB_THES_PLACE, NAQIB_SLOT_PLACES)))
		return st;
	for (size_t i = 0; i < k->n_days; i++) {
		int n = snprintf(term, sizeof term, "%s%s", NAQIB_PREFIX_DAY,
				 k->days[i]);
		if ((st = naqib_doc_add_term(doc, term, (size_t)n, 1)))
			return st;
	}
	if (k->date[0]) {
		const char *d = k->date;
		char key[9] = { d[0], d[1], d[2], d[3], d[5], d[6], d[8], d[9],
				0 };
		int n = snprintf(term, sizeof term, "%s%.4s", NAQIB_PREFIX_YEAR,
				 d);
		if ((st = naqib_doc_set_value(doc, NAQIB_SLOT_DATE, key, 8)) ||
		    (st = naqib_doc_add_boolean_term(doc, term, (size_t)n)))
			return st;
		n = snprintf(term, sizeof term, "%s%s", NAQIB_PREFIX_DATED, key);
		if ((st = naqib_doc_add_term(doc, term, (size_t)n, 1)))
			return st;
	}
	if (source && *source) {
		const char *norm;
		size_t n;
		if ((st = naqib_normalize(k->an, source, strlen(source), &norm,
					  &n)))
			return st;
		if (n && n <= NAQIB_MAX_TERM) {
			int m = snprintf(term, sizeof term, "%s%.*s",
					 NAQIB_PREFIX_SOURCE, (int)n, norm);
			if ((st = naqib_doc_add_boolean_term(doc, term,
							     (size_t)m)) ||
			    (st = naqib_doc_set_value(doc, NAQIB_SLOT_SOURCE,
						      source, strlen(source))))
				return st;
		}
	}
	return NAQIB_OK;
}
