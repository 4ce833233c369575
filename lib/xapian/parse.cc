/* Queries (private.h): the text that the query rewrite (lib/query) made of
 * what a person typed, parsed by Xapian's QueryParser with naqib's stemming
 * and stopwords, the names and days through the field processors
 * (fields.cc), then the filters (filters.cc). */
#include <cstdlib>
#include <cstring>
#include <memory>
#include <new>

#include "xapian/private.h"

namespace {

/* Plugs naqib's stemming into Xapian's QueryParser. */
class AnalyzerStem : public Xapian::StemImplementation {
	naqib_analyzer_t *a;

      public:
	explicit AnalyzerStem(naqib_analyzer_t *an) : a(an) {}
	std::string operator()(const std::string &word) override
	{
		const char *s;
		size_t n;
		if (naqib_analyzer_stem(a, word.data(), word.size(), &s, &n))
			return word;
		return std::string(s, n);
	}
	std::string get_description() const override
	{
		return std::string("naqib:") + naqib_analyzer_stemmer(a);
	}
};

class ArabicStopper : public Xapian::Stopper {
      public:
	bool operator()(const std::string &term) const override
	{
		return naqib_is_stopword(term.data(), term.size());
	}
};

} // namespace

static void collect_terms(naqib_query_t *q, const Xapian::Query &query)
{
	switch (query.get_type()) {
	case Xapian::Query::LEAF_TERM:
		for (Xapian::TermIterator t = query.get_terms_begin();
		     t != query.get_terms_end(); ++t)
			if (q->termset.insert(*t).second)
				q->terms.push_back(*t);
		return;
	case Xapian::Query::OP_AND_NOT:
	case Xapian::Query::OP_FILTER:
		/* What follows NOT never appears in a hit; what filters is
		 * a filter's. */
		if (query.get_num_subqueries() > 0)
			collect_terms(q, query.get_subquery(0));
		return;
	case Xapian::Query::OP_SCALE_WEIGHT:
		/* The parser scales a filter by 0 where it is an operand
		 * (a OR union:CDT): no word of its. */
		return;
	default:
		for (size_t i = 0; i < query.get_num_subqueries(); i++)
			collect_terms(q, query.get_subquery(i));
	}
}

/* Fills the Xapian side of q from q->parts; throws Xapian's errors. */
static naqib_status_t parse_into(naqib_db_t *db, naqib_analyzer_t *a,
				 const naqib_query_options_t *o,
				 naqib_query_t *q)
{
	const _naqib_qparts_t *p = &q->parts;
	ArabicStopper stopper;
	_naqib_thesaurus_field thes(a, p);
	_naqib_day_field day;
	_naqib_exact_field exact(p);
	Xapian::QueryParser qp;

	/* Nothing of a try that failed. */
	q->terms.clear();
	q->termset.clear();
	q->notes.clear();
	q->cut.clear();
	if (db)
		qp.set_database(*db->db);
	qp.set_stemmer(Xapian::Stem(new AnalyzerStem(a)));
	/* Every word by its stem, in a phrase too: the index holds the
	 * positions on the stem terms (lib/schema/terms.c). */
	qp.set_stemming_strategy(Xapian::QueryParser::STEM_ALL_Z);
	qp.set_stopper(&stopper);
	qp.set_default_op(Xapian::Query::OP_OR);
	qp.set_max_expansion(NAQIB_WILDCARD_MAX_TERMS,
			     Xapian::Query::WILDCARD_LIMIT_MOST_FREQUENT,
			     Xapian::QueryParser::FLAG_WILDCARD);
	qp.add_prefix(_NAQIB_QP_THESAURUS, &thes);
	qp.add_prefix(_NAQIB_QP_DAY, &day);
	qp.add_prefix(_NAQIB_QP_EXACT, &exact);
	/* title:: the parser writes a stemmed word of prefix S as Z, S and
	 * the stem, the title's terms (lib/schema/schema.c). */
	qp.add_prefix(_NAQIB_QP_TITLE, "S");
	/* The filters where they were typed (FILTERn:field), each its own
	 * prefix: those of one field in one group, which the parser ORs,
	 * a '+' filter in a group of its own; the groups are ANDed and
	 * filter what their words match, and AND OR NOT apply to them as
	 * written (union:CDT OR إضراب is either).  Without words (only
	 * filters, or stopwords) they filter everything instead, so that
	 * -union:CDT alone is every document but those. */
	std::vector<Xapian::Query> fq;
	std::vector<std::unique_ptr<_naqib_filter_field>> fields;
	if (p->n_filters) {
		if (!db)
			return _naqib_fail(NAQIB_E_QUERY,
					   "filters need a database");
		naqib_status_t st = _naqib_filter_queries(db, a, p, fq);
		if (st)
			return st;
	}
	std::vector<std::string> groups(p->n_filters);
	for (size_t i = 0; i < p->n_filters; i++) {
		const _naqib_qfilter_t *f = &p->filters[i];
		fields.emplace_back(new _naqib_filter_field(
			p->n_words ? fq[i] : Xapian::Query()));
		groups[i] = f->sign == '+' ? "+" + std::to_string(i)
					   : std::string(f->field->name);
		qp.add_boolean_prefix(_NAQIB_QP_FILTER + std::to_string(i),
				      fields.back().get(), &groups[i]);
	}
	unsigned flags = Xapian::QueryParser::FLAG_DEFAULT |
			 Xapian::QueryParser::FLAG_WILDCARD;
	q->query = qp.parse_query(std::string(p->text.data, p->text.len), flags);
	/* The terms of the words only: the filters' terms are never
	 * highlighted. */
	collect_terms(q, q->query);
	naqib_status_t st = NAQIB_OK;
	if (p->n_filters && !p->n_words)
		_naqib_apply_filters(p, fq, q->query);
	q->description = q->query.get_description();
	q->notes.append(p->notes.data, p->notes.len);
	if (p->dropped)
		q->notes += "the query is long: only its first " +
			    std::to_string(NAQIB_QUERY_MAX_WORDS) +
			    " words are searched (" +
			    std::to_string(p->dropped) + " left out)\n";
	_naqib_wildcard_budget_t b = {
		NAQIB_WILDCARD_MAX_TERMS,
		o->wildcard_terms ? o->wildcard_terms
				  : NAQIB_QUERY_WILDCARD_TERMS,
		o->wildcard_postings ? o->wildcard_postings
				     : NAQIB_QUERY_WILDCARD_POSTINGS
	};
	if (!st)
		_naqib_expand_wildcards(db, q, &b);
	return st;
}

extern "C" void naqib_query_options_init(naqib_query_options_t *o)
{
	memset(o, 0, sizeof *o);
}

extern "C" naqib_status_t naqib_query_parse(naqib_db_t *db,
					    naqib_analyzer_t *a,
					    const char *text,
					    naqib_query_t **out)
{
	return naqib_query_parse_opts(db, a, text, NULL, out);
}

extern "C" naqib_status_t naqib_query_parse_opts(
	naqib_db_t *db, naqib_analyzer_t *a, const char *text,
	const naqib_query_options_t *opts, naqib_query_t **out)
{
	size_t len = strlen(text), bad;
	naqib_status_t st;
	naqib_query_options_t defaults;

	if (!opts) {
		naqib_query_options_init(&defaults);
		opts = &defaults;
	}

	*out = NULL;
	if (naqib_utf8_check(text, len, &bad))
		return _naqib_fail(NAQIB_E_UTF8,
				   "the query is not valid UTF-8 (at byte %zu)",
				   bad);
	naqib_query_t *q = new (std::nothrow) naqib_query_t();
	if (!q)
		return _naqib_fail(NAQIB_E_NOMEM, "out of memory");
	try {
		q->text = text;
	} catch (...) {
		delete q;
		return _naqib_fail(NAQIB_E_NOMEM, "out of memory");
	}
	if (!(st = _naqib_query_split(a, text, len, &q->parts))) {
		try {
			for (size_t i = 0; i < q->parts.n_filters; i++) {
				const _naqib_qfilter_t *f = &q->parts.filters[i];
				size_t from = f->from + (text[f->from] == '-' ||
							 text[f->from] == '+');
				q->filters.emplace_back(text + from,
							f->to - from);
			}
		} catch (...) {
			st = _naqib_fail(NAQIB_E_NOMEM, "out of memory");
		}
	}
	if (!st)
		st = _naqib_retrying(db, "parsing the query",
				     [&] { return parse_into(db, a, opts, q); });
	if (st) {
		delete q;
		return st;
	}
	*out = q;
	return NAQIB_OK;
}

extern "C" void naqib_query_destroy(naqib_query_t *q)
{
	delete q;
}

extern "C" int naqib_query_is_empty(const naqib_query_t *q)
{
	return q->query.empty();
}

extern "C" const char *naqib_query_description(const naqib_query_t *q)
{
	return q->description.c_str();
}

extern "C" const char *naqib_query_notes(const naqib_query_t *q)
{
	return q->notes.c_str();
}

extern "C" const char *naqib_query_place_as_words(const naqib_query_t *q,
						  size_t i)
{
	return i < q->parts.n_as_words ? q->parts.as_words[i] : NULL;
}

extern "C" const char *naqib_query_filter(const naqib_query_t *q, size_t i)
{
	return i < q->filters.size() ? q->filters[i].c_str() : NULL;
}

extern "C" size_t naqib_query_dropped_words(const naqib_query_t *q)
{
	return q->parts.dropped;
}

extern "C" const char *naqib_query_cut_wildcard(const naqib_query_t *q,
						size_t i)
{
	return i < q->cut.size() ? q->cut[i].c_str() : NULL;
}

extern "C" unsigned naqib_query_wildcard_share(const naqib_query_t *q)
{
	return (unsigned)q->wildcard_share;
}

extern "C" const char *naqib_query_normalized(const naqib_query_t *q)
{
	return q->parts.text.data;
}

extern "C" int naqib_query_foreach_term(const naqib_query_t *q,
					naqib_term_fn fn, void *ctx)
{
	for (const std::string &t : q->terms) {
		int r = fn(t.data(), t.size(), 0, ctx);
		if (r)
			return r;
	}
	for (size_t i = 0; i < q->parts.n_prefixes; i++) {
		const char *p = q->parts.prefixes[i];
		int r = fn(p, strlen(p), 1, ctx);
		if (r)
			return r;
	}
	return 0;
}

extern "C" int naqib_query_matches_token(const naqib_query_t *q,
					 const naqib_token_t *t)
{
	try {
		std::string s(t->norm, t->norm_len);
		if (q->termset.count(s))
			return 1;
		for (size_t i = 0; i < q->parts.n_prefixes; i++)
			if (s.compare(0, strlen(q->parts.prefixes[i]),
				      q->parts.prefixes[i]) == 0)
				return 1;
		/* The stem term, in the same string: every word of a snippet's
		 * text comes here. */
		s.assign(_NAQIB_FIELD(_NAQIB_F_STEM)->prefix);
		s.append(t->stem, t->stem_len);
		return q->termset.count(s) != 0;
	} catch (...) {
		return 0;
	}
}

extern "C" size_t naqib_query_word_count(const naqib_query_t *q)
{
	return q->parts.n_words;
}

extern "C" naqib_status_t naqib_query_word(const naqib_query_t *q, size_t i,
					   naqib_query_word_t *w)
{
	if (i >= q->parts.n_words)
		return _naqib_fail(NAQIB_E_INVALID, "no query word %zu", i);
	const _naqib_qword_t *qw = &q->parts.words[i];
	w->typed = qw->typed;
	w->norm = qw->norm;
	w->stem = qw->stem;
	w->kind = qw->kind;
	w->detail = qw->detail;
	return NAQIB_OK;
}

extern "C" const _naqib_qparts_t *_naqib_query_parts(const naqib_query_t *q)
{
	return &q->parts;
}

