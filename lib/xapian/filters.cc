/* The filters of a query (private.h): each read by lib/query into a spec
 * as the schema says its field filters, here made a Xapian query; the same
 * field twice means either value, different fields must all hold, a '+'
 * filter must hold as well (the facet links narrow with it), a '-' filter
 * must not. */
#include <cstring>

#include "xapian/private.h"

/* A mentions: range may not stand for more days than this. */
static const unsigned max_day_terms = 100000;

/* The terms of the index that start with prefix, up to hi (YYYYMMDD after
 * the prefix; "" for no end) from lo (the same), or NAQIB_E_QUERY past
 * max_day_terms. */
static naqib_status_t day_terms(naqib_db_t *db, const std::string &p,
				const char *lo, const char *hi,
				const std::string &value,
				std::vector<Xapian::Query> &out)
{
	Xapian::TermIterator t = db->db->allterms_begin(p);

	t.skip_to(p + lo);
	for (; t != db->db->allterms_end(p); ++t) {
		std::string term = *t;
		if (*hi && term.compare(p.size(), 8, hi) > 0)
			break;
		if (out.size() == max_day_terms)
			return _naqib_fail(NAQIB_E_QUERY,
					   "mentions:%s: the range is too wide",
					   value.c_str());
		out.emplace_back(term);
	}
	return NAQIB_OK;
}

/* The query of one filter. */
static naqib_status_t filter_query(naqib_db_t *db, const _naqib_qfilter_t *f,
				   const _naqib_filter_spec_t *s,
				   Xapian::Query &out)
{
	const std::string term(s->term.data, s->term.len);
	const unsigned slot = (unsigned)s->field->slot;

	switch (s->field->filter) {
	case _NAQIB_FILTER_THESAURUS:
		out = Xapian::Query(term);
		return NAQIB_OK;
	case _NAQIB_FILTER_YEARS:
	case _NAQIB_FILTER_DAYS:
		if (!s->hi[0])
			out = Xapian::Query(Xapian::Query::OP_VALUE_GE, slot,
					    s->lo);
		else if (!s->lo[0])
			/* Undated documents have an empty value: keep them
			 * out. */
			out = Xapian::Query(Xapian::Query::OP_VALUE_RANGE, slot,
					    "1", s->hi);
		else
			out = Xapian::Query(Xapian::Query::OP_VALUE_RANGE, slot,
					    s->lo, s->hi);
		return NAQIB_OK;
	case _NAQIB_FILTER_MENTIONS: {
		/* Every day term between the two ends (they sort as dates
		 * do). */
		std::vector<Xapian::Query> days;
		naqib_status_t st = day_terms(db, s->field->prefix, s->lo, s->hi,
					      f->value, days);
		if (st)
			return st;
		out = Xapian::Query(Xapian::Query::OP_OR, days.begin(),
				    days.end());
		return NAQIB_OK;
	}
	case _NAQIB_FILTER_PREFIX: {
		/* The terms that are the prefix, or start with it and a
		 * space (the first words of a name). */
		std::vector<Xapian::Query> terms;
		for (Xapian::TermIterator t = db->db->allterms_begin(term);
		     t != db->db->allterms_end(term); ++t) {
			std::string x = *t;
			if (x.size() == term.size() || x[term.size()] == ' ')
				terms.emplace_back(x);
		}
		out = Xapian::Query(Xapian::Query::OP_OR, terms.begin(),
				    terms.end());
		return NAQIB_OK;
	}
	case _NAQIB_FILTER_ID:
		out = Xapian::Query(term);
		if (s->legacy.len)
			out = Xapian::Query(
				Xapian::Query::OP_OR, out,
				Xapian::Query(std::string(s->legacy.data,
							  s->legacy.len)));
		return NAQIB_OK;
	case _NAQIB_FILTER_NONE:
		break;
	}
	return _naqib_fail(NAQIB_E_QUERY, "unknown filter");
}

/* A place: the documents tagged with it, or that write its name: a place
 * of one word of the gazetteer is tagged only in a text of its country
 * (data/places), and place:السمارة still finds a text that only writes
 * «في السمارة». */
static Xapian::Query place_or_words(naqib_analyzer_t *a, const char *name,
				    const Xapian::Query &tagged)
{
	std::vector<Xapian::Query> words;

	_naqib_name_stems(a, name, strlen(name), words);
	if (words.empty())
		return tagged;
	return Xapian::Query(Xapian::Query::OP_OR, tagged,
			     Xapian::Query(Xapian::Query::OP_PHRASE,
					   words.begin(), words.end(),
					   (Xapian::termcount)words.size()));
}

naqib_status_t _naqib_filter_queries(naqib_db_t *db, naqib_analyzer_t *a,
				     const _naqib_qparts_t *parts,
				     std::vector<Xapian::Query> &out)
{
	out.clear();
	for (size_t i = 0; i < parts->n_filters; i++) {
		const _naqib_qfilter_t *f = &parts->filters[i];
		_naqib_filter_spec_t spec;
		Xapian::Query fq;
		_naqib_filter_spec_init(&spec);
		naqib_status_t st = _naqib_filter_spec(a, f, &spec);
		try {
			if (!st)
				st = filter_query(db, f, &spec, fq);
		} catch (...) {
			_naqib_filter_spec_free(&spec);
			throw;
		}
		_naqib_filter_spec_free(&spec);
		if (st)
			return st;
		if (f->field->id == _NAQIB_F_PLACE)
			fq = place_or_words(a, f->value, fq);
		out.push_back(fq);
	}
	return NAQIB_OK;
}

void _naqib_apply_filters(const _naqib_qparts_t *parts,
			  const std::vector<Xapian::Query> &fq,
			  Xapian::Query &q)
{
	std::vector<Xapian::Query> yes[_NAQIB_F_COUNT], no, must;
	bool any = false;

	for (size_t i = 0; i < parts->n_filters; i++) {
		const _naqib_qfilter_t *f = &parts->filters[i];
		if (f->sign == '-') {
			no.push_back(fq[i]);
		} else if (f->sign == '+') {
			must.push_back(fq[i]);
			any = true;
		} else {
			yes[f->field->id].push_back(fq[i]);
			any = true;
		}
	}
	if (!any && no.empty())
		return;
	Xapian::Query filter = Xapian::Query::MatchAll;
	if (any) {
		std::vector<Xapian::Query> all;
		for (auto &v : yes)
			if (!v.empty())
				all.emplace_back(Xapian::Query::OP_OR, v.begin(),
						 v.end());
		all.insert(all.end(), must.begin(), must.end());
		filter = Xapian::Query(Xapian::Query::OP_AND, all.begin(),
				       all.end());
	}
	if (!no.empty())
		filter = Xapian::Query(Xapian::Query::OP_AND_NOT, filter,
				       Xapian::Query(Xapian::Query::OP_OR,
						     no.begin(), no.end()));
	if (q.empty())
		q = filter;
	else
		q = Xapian::Query(Xapian::Query::OP_FILTER, q, filter);
}
