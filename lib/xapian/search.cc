/* Matching and ranking (private.h): the weighting schemes, the ranking
 * bonuses, sorting by date, the page of hits and their records. */
#include <algorithm>
#include <chrono>
#include <cstring>
#include <new>

#include "rank/rank.h"
#include "xapian/private.h"

extern "C" void naqib_search_options_init(naqib_search_options_t *o)
{
	memset(o, 0, sizeof *o);
	o->limit = 10;
	o->bm25_k1 = NAQIB_DEFAULT_BM25_K1;
	o->bm25_b = NAQIB_DEFAULT_BM25_B;
	o->exact_bonus = -1;
	o->proximity = -1;
	o->sort = NAQIB_SORT_RELEVANCE;
}

/* The weighting schemes: Xapian's, with their own defaults but BM25's k1
 * and b, which are ours to set (k2 = 0, k3 = 1, min_normlen = 0.5 are
 * Xapian's defaults).  The default first. */
static void set_dlh(Xapian::Enquire &e, const naqib_search_options_t *)
{
	e.set_weighting_scheme(Xapian::DLHWeight());
}

static void set_bm25(Xapian::Enquire &e, const naqib_search_options_t *o)
{
	e.set_weighting_scheme(Xapian::BM25Weight(
		o->bm25_k1 > 0 ? o->bm25_k1 : NAQIB_DEFAULT_BM25_K1, 0, 1,
		o->bm25_b >= 0 ? o->bm25_b : NAQIB_DEFAULT_BM25_B, 0.5));
}

template <class W>
static void set(Xapian::Enquire &e, const naqib_search_options_t *)
{
	e.set_weighting_scheme(W());
}

static const struct weighting {
	const char *name, *description;
	void (*set)(Xapian::Enquire &, const naqib_search_options_t *);
} weightings[] = {
	{ "inl2", "InL2, divergence from randomness (inverse document "
		  "frequency; the default)", set<Xapian::InL2Weight> },
	{ "dlh", "DLH, divergence from randomness, parameter-free",
	  set_dlh },
	{ "bm25", "Okapi BM25, with --bm25-k1 and --bm25-b", set_bm25 },
	{ "pl2", "PL2, divergence from randomness (Poisson)",
	  set<Xapian::PL2Weight> },
	{ "dph", "DPH, divergence from randomness, parameter-free",
	  set<Xapian::DPHWeight> },
	{ "ifb2", "IfB2, divergence from randomness (inverse term "
		  "frequency)", set<Xapian::IfB2Weight> },
	{ "bb2", "BB2, divergence from randomness (Bose-Einstein)",
	  set<Xapian::BB2Weight> },
};

extern "C" const char *naqib_weighting_name(size_t i, const char **description)
{
	if (i >= sizeof weightings / sizeof *weightings)
		return NULL;
	if (description)
		*description = weightings[i].description;
	return weightings[i].name;
}

/* In the order of NAQIB_SORT_*. */
static const struct sort {
	const char *name, *description;
} sorts[] = {
	{ "relevance", "the best match first (the default)" },
	{ "newest", "the newest document first, then by relevance" },
	{ "oldest", "the oldest first; undated documents last" },
};

extern "C" const char *naqib_sort_name(size_t i, const char **description)
{
	if (i >= sizeof sorts / sizeof *sorts)
		return NULL;
	if (description)
		*description = sorts[i].description;
	return sorts[i].name;
}

/* The weighting scheme of opts, or NULL for a name there is none of. */
static const weighting *weighting_of(const naqib_search_options_t *opts)
{
	const char *w = opts->weighting && *opts->weighting
				? opts->weighting
				: NAQIB_DEFAULT_WEIGHTING;
	for (const weighting &x : weightings)
		if (!strcmp(x.name, w))
			return &x;
	return NULL;
}

/* The query with the ranking bonuses: the words as written (their
 * normalized forms, which the index holds besides the stems), and pairs of
 * words next to each other (by their stems, which hold the positions).
 * Bonuses only raise documents the query matches (AND_MAYBE). */
static Xapian::Query ranking_query(const naqib_query_t *q,
				   const naqib_search_options_t *opts)
{
	double exact = opts->exact_bonus >= 0 ? opts->exact_bonus
					      : NAQIB_DEFAULT_EXACT_BONUS;
	double near = opts->proximity >= 0 ? opts->proximity
					   : NAQIB_DEFAULT_PROXIMITY;
	std::vector<std::string> words, stems;

	if (!q)
		return Xapian::Query();
	for (size_t i = 0; i < q->parts.n_words; i++) {
		const _naqib_qword_t *w = &q->parts.words[i];
		if (w->kind != 'w' || !*w->norm)
			continue;
		std::string z = _naqib_xterm(_NAQIB_F_STEM, w->stem);
		if (q->termset.count(z)) {
			words.push_back(w->norm);
			stems.push_back(z);
		}
	}
	if (q->match.empty() || words.empty() || (exact <= 0 && near <= 0))
		return q->match;
	std::vector<Xapian::Query> bonus;
	if (exact > 0)
		bonus.emplace_back(Xapian::Query::OP_SCALE_WEIGHT,
				   Xapian::Query(Xapian::Query::OP_OR,
						 words.begin(), words.end()),
				   exact);
	if (near > 0 && words.size() > 1) {
		std::vector<Xapian::Query> pairs;
		for (size_t i = 0; i + 1 < words.size(); i++) {
			Xapian::Query two[] = { Xapian::Query(stems[i]),
						Xapian::Query(stems[i + 1]) };
			pairs.emplace_back(Xapian::Query::OP_PHRASE, two, two + 2,
					   3);
		}
		bonus.emplace_back(Xapian::Query::OP_SCALE_WEIGHT,
				   Xapian::Query(Xapian::Query::OP_OR,
						 pairs.begin(), pairs.end()),
				   near);
	}
	return Xapian::Query(Xapian::Query::OP_AND_MAYBE, q->match,
			     Xapian::Query(Xapian::Query::OP_OR, bonus.begin(),
					   bonus.end()));
}

namespace {

/* What the copies of a stop_source (one a shard) share. */
struct stop_state {
	std::chrono::steady_clock::time_point deadline;
	bool timed;
	int (*stop)(void *);
	void *ctx;
	unsigned calls;
	int stopped; /* NAQIB_STOPPED_* */
};

/* Ends a match at its deadline, or when the caller's stop() says so.
 * Xapian 1.4 cannot: Enquire::set_time_limit() only lowers check_at_least
 * (it stops counting facets, never the search), and a MatchDecider sees
 * only the documents that could enter the page.  This source matches
 * every document and stands beside the query (OP_FILTER: it weighs
 * nothing, so scores stay as they are), so the matcher asks it about each
 * document it looks at; once stopped it is at its end, and so is the
 * match, with the best hits of what it saw. */
class stop_source : public Xapian::PostingSource {
	stop_state *s;
	Xapian::docid did = 0, last = 0;
	Xapian::doccount n = 0;

	void poll()
	{
		if ((s->calls++ & 15) || s->stopped)
			return;
		if (s->timed && std::chrono::steady_clock::now() >= s->deadline)
			s->stopped = NAQIB_STOPPED_TIME;
		else if (s->stop && s->stop(s->ctx))
			s->stopped = NAQIB_STOPPED_ASKED;
	}

      public:
	explicit stop_source(stop_state *st) : s(st) {}
	stop_source *clone() const override { return new stop_source(s); }
	void init(const Xapian::Database &db) override
	{
		did = 0;
		last = db.get_lastdocid();
		n = db.get_doccount();
	}
	/* Every document: the estimates of the AND stay the query's. */
	Xapian::doccount get_termfreq_min() const override { return n; }
	Xapian::doccount get_termfreq_est() const override { return n; }
	Xapian::doccount get_termfreq_max() const override { return n; }
	void next(double) override
	{
		did++;
		poll();
	}
	void skip_to(Xapian::docid d, double) override
	{
		if (d > did)
			did = d;
		poll();
	}
	bool at_end() const override { return did > last || s->stopped; }
	Xapian::docid get_docid() const override { return did; }
	std::string get_description() const override
	{
		return "naqib:stop";
	}
};

/* The documents the terms of q are in, counted term by term (what the
 * match reads), up to `cap`. */
unsigned long long reads_of(const Xapian::Database &db, const Xapian::Query &q,
			    unsigned long long cap)
{
	unsigned long long n = 0;

	for (Xapian::TermIterator t = q.get_unique_terms_begin();
	     t != q.get_unique_terms_end() && n < cap; ++t)
		n += db.get_termfreq(*t);
	return n;
}

/* The terms an expand set may take: stems (the terms that rank), not a
 * number, not a stopword, not a single letter, not one of `skip`, and in
 * another document than the one: a word of its own finds nothing (and
 * the expand set weighs them highest). */
class expand_decider : public Xapian::ExpandDecider {
	const Xapian::Database &db;
	const std::unordered_set<std::string> *skip;

      public:
	expand_decider(const Xapian::Database &d,
		       const std::unordered_set<std::string> *s)
		: db(d), skip(s)
	{
	}
	bool operator()(const std::string &t) const override
	{
		const std::string &z = _NAQIB_FIELD(_NAQIB_F_STEM)->prefix;
		if (t.compare(0, z.size(), z) != 0 || t.size() <= z.size() + 2)
			return false;
		/* A prefix of another field starts with a capital too. */
		unsigned char c = (unsigned char)t[z.size()];
		if ((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))
			return false;
		if (naqib_is_stopword(t.data() + z.size(), t.size() - z.size()))
			return false;
		return (!skip || !skip->count(t)) && db.get_termfreq(t) > 1;
	}
};

/* The best `n` terms of the documents of rset (expand_decider's), each
 * scaled by `weight` (1: as is), ORed; empty when there are none.  Their
 * stems, a space between them, in `said`. */
Xapian::Query expand_query(const Xapian::Database &db, Xapian::Enquire &e,
			   const Xapian::RSet &rset, unsigned n, double weight,
			   const std::unordered_set<std::string> *skip,
			   std::string &said)
{
	expand_decider d(db, skip);
	Xapian::ESet es = e.get_eset(n, rset, &d);
	std::vector<Xapian::Query> terms;
	const size_t z = _NAQIB_FIELD(_NAQIB_F_STEM)->prefix ?
		strlen(_NAQIB_FIELD(_NAQIB_F_STEM)->prefix) : 0;
	said.clear();
	for (Xapian::ESetIterator t = es.begin(); t != es.end(); ++t) {
		terms.emplace_back(*t);
		if (!said.empty())
			said += ' ';
		said += (*t).substr(z);
	}
	if (terms.empty())
		return Xapian::Query();
	Xapian::Query q(Xapian::Query::OP_OR, terms.begin(), terms.end());
	return weight == 1.0 ? q
			     : Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, q,
					     weight);
}

/* The copies of each hit that the match collapsed into it: the documents
 * that match `query` and have the hit's fingerprint, but for the hit; the
 * hits are ms[order[0]], ms[order[1]]... (the reranker's order). */
void find_copies(Xapian::Database &db, const Xapian::Query &query,
		 const Xapian::MSet &ms, const std::vector<size_t> &order,
		 naqib_mset_t *m)
{
	const _naqib_field_t *f = _NAQIB_FIELD(_NAQIB_F_COPY);

	m->copies.assign(order.size(), std::vector<std::string>());
	for (size_t k = 0; k < order.size(); k++) {
		Xapian::MSetIterator i = ms[(Xapian::doccount)order[k]];
		if (!i.get_collapse_count())
			continue;
		Xapian::Enquire e(db);
		e.set_query(Xapian::Query(
			Xapian::Query::OP_FILTER, query,
			Xapian::Query(f->prefix + i.get_collapse_key())));
		e.set_weighting_scheme(Xapian::BoolWeight());
		e.set_docid_order(Xapian::Enquire::ASCENDING);
		Xapian::MSet c = e.get_mset(0, db.get_doccount());
		for (Xapian::MSetIterator j = c.begin(); j != c.end(); ++j) {
			if (*j == *i)
				continue;
			std::string data =
				_naqib_unpack_data(j.get_document().get_data());
			naqib_record_t rec;
			if (naqib_record_decode(data.data(), data.size(),
						&rec) == NAQIB_OK)
				m->copies[k].push_back(rec.id);
		}
	}
}

} // namespace

/* The query of --like: the best terms of the document (it left out),
 * within what q selects. */
static naqib_status_t like_query(naqib_db_t *db, const naqib_query_t *q,
				 const naqib_search_options_t *opts,
				 Xapian::Query &out, std::string &said)
{
	Xapian::docid did;
	std::string id;
	naqib_status_t st = _naqib_id_docid(db, opts->like, &did, &id);
	if (st)
		return st;
	if (!did)
		return _naqib_fail(NAQIB_E_NOT_FOUND, "no document '%s'",
				   opts->like);
	Xapian::Enquire e(*db->db);
	Xapian::RSet rset;
	rset.add_document(did);
	Xapian::Query like = expand_query(
		*db->db, e, rset, opts->like_terms ? opts->like_terms
					  : NAQIB_DEFAULT_LIKE_TERMS,
		1.0, nullptr, said);
	if (like.empty()) {
		out = like;
		return NAQIB_OK;
	}
	if (q && !q->match.empty())
		like = Xapian::Query(Xapian::Query::OP_FILTER, like, q->match);
	out = Xapian::Query(Xapian::Query::OP_AND_NOT, like, Xapian::Query(id));
	return NAQIB_OK;
}

namespace {
/* A status of ours out of search_once(), through _naqib_retrying(). */
struct like_error {
	naqib_status_t st;
	explicit like_error(naqib_status_t s) : st(s) {}
};
} // namespace

/* One search into m (emptied first), ranked by w; throws Xapian's errors.
 * Remote shards take no key maker: plain_oldest sorts by the value
 * instead; nor a posting source of ours: with no_stop, the match runs to
 * its end. */
static void search_once(naqib_db_t *db, const naqib_query_t *q,
			const naqib_search_options_t *opts,
			const weighting *w, naqib_mset_t *m, bool plain_oldest,
			bool no_stop)
{
	m->hits.clear();
	m->data.clear();
	m->expansion.clear();
	m->features.clear();
	m->stopped = 0;
	for (_naqib_facet_t &f : m->facets)
		f.clear();
	Xapian::Enquire enquire(*db->db);
	Xapian::Query query;
	if (opts->like) {
		naqib_status_t st = like_query(db, q, opts, query,
					       m->expansion);
		if (st)
			throw like_error(st);
	} else {
		query = ranking_query(q, opts);
	}
	w->set(enquire, opts);
	if (opts->prf && !opts->like && !query.empty()) {
		/* The first hits as the relevant set: their best terms (not
		 * the query's) rank the same matches again. */
		enquire.set_query(query);
		Xapian::MSet top = enquire.get_mset(0, opts->prf);
		Xapian::RSet rset;
		for (Xapian::MSetIterator i = top.begin(); i != top.end(); ++i)
			rset.add_document(*i);
		Xapian::Query more = expand_query(
			*db->db, enquire, rset,
			opts->prf_terms ? opts->prf_terms
					: NAQIB_DEFAULT_PRF_TERMS,
			opts->prf_weight > 0 ? opts->prf_weight
					     : NAQIB_DEFAULT_PRF_WEIGHT,
			&q->termset, m->expansion);
		if (!more.empty())
			query = Xapian::Query(Xapian::Query::OP_AND_MAYBE,
					      query, more);
	}
	const Xapian::Query plain = query;
	stop_state stop = { std::chrono::steady_clock::now(),
			    opts->time_limit > 0, opts->stop, opts->stop_ctx,
			    0, 0 };
	if (stop.timed)
		stop.deadline += std::chrono::duration_cast<
			std::chrono::steady_clock::duration>(
			std::chrono::duration<double>(opts->time_limit));
	/* A match that reads little ends sooner than any time limit, and
	 * watching it would cost it (a sixth of the latency of the queries of
	 * bench/query-speed): only the others are watched. */
	if ((stop.timed || stop.stop) && !query.empty() && !no_stop &&
	    reads_of(*db->db, query, _NAQIB_STOP_READS) >= _NAQIB_STOP_READS)
		query = Xapian::Query(
			Xapian::Query::OP_FILTER, query,
			Xapian::Query((new stop_source(&stop))->release()));
	enquire.set_query(query);
	if (opts->collapse)
		enquire.set_collapse_key(
			(unsigned)_NAQIB_FIELD(_NAQIB_F_COPY)->slot);
	/* Undated documents last either way: going down, their
	 * empty value is last; going up, a key maker puts
	 * them past every date.  Remote shards take no key
	 * maker: there they come first going up. */
	const unsigned date = (unsigned)_NAQIB_FIELD(_NAQIB_F_DATE)->slot;
	Xapian::MultiValueKeyMaker keys;
	if (opts->sort == NAQIB_SORT_NEWEST) {
		enquire.set_sort_by_value_then_relevance(date, true);
	} else if (opts->sort == NAQIB_SORT_OLDEST && !plain_oldest) {
		keys.add_value(date, false, "99999999");
		enquire.set_sort_by_key_then_relevance(&keys, false);
	} else if (opts->sort == NAQIB_SORT_OLDEST) {
		enquire.set_sort_by_value_then_relevance(date, false);
	}
	_naqib_facet_spies spy;
	/* The count of matches is Xapian's estimate of what the match did
	 * not look at, and so depended on how far the page made it look
	 * (إضراب on the sample corpus: about 30 results for a page of 5, 20,
	 * the true count, for one of 50).  Looking at _NAQIB_CHECK_AT_LEAST
	 * matches at least makes it exact below that, whatever the page.
	 * What it costs, on the 42,126 documents of bench/eval: nothing
	 * bench/query-speed can tell from noise (p50 3.6-3.8 ms either
	 * way); counting every match of the broadest query, في (40,401
	 * documents), takes 15 ms where the first page takes 4.  1000 rather
	 * than naqib.cgi's 500 of the facets: إضراب matches 516 there, and
	 * 500 left it "about 900". */
	Xapian::doccount check = _NAQIB_CHECK_AT_LEAST;
	if (opts->facets) {
		spy.attach(enquire);
		/* Exact counts look at every match; a sample
		 * at the first facet_sample of them. */
		Xapian::doccount all = db->db->get_doccount();
		if (opts->facet_sample && opts->facet_sample < all)
			all = opts->facet_sample;
		if (all > check)
			check = all;
	}
	/* The reranker reorders the first `depth` hits, then the page is
	 * cut: the match gives them all. */
	/* Not --like's ranking: the features are those of the query's
	 * words, which it has none of, or which only select. */
	const bool rerank = opts->ranker && opts->sort == NAQIB_SORT_RELEVANCE &&
			    !opts->like && q;
	const unsigned depth = opts->rerank_depth ? opts->rerank_depth
						  : NAQIB_DEFAULT_RERANK_DEPTH;
	Xapian::doccount first = opts->offset, count = opts->limit;
	if (rerank) {
		/* From the first hit, and one past the page or the depth:
		 * the first score the model does not give. */
		first = 0;
		count = std::max<Xapian::doccount>(depth,
						   opts->offset + opts->limit) +
			1;
	}
	Xapian::MSet ms = enquire.get_mset(first, count, check);
	m->stopped = stop.stopped;
	Xapian::doccount total = ms.get_matches_estimated();
	/* Collapsed, the upper bound is loose even when every match was
	 * looked at, and Xapian rounds the estimate between the bounds (18
	 * matches became "about 20"); but a match that looked at fewer than
	 * `check` documents before collapsing ran out of them, so it saw
	 * every one, and the lower bound is the count after collapsing. */
	bool seen_all =
		opts->collapse
			? ms.get_uncollapsed_matches_lower_bound() < check
			: ms.get_matches_lower_bound() ==
				  ms.get_matches_upper_bound();
	if (opts->collapse && seen_all)
		total = ms.get_matches_lower_bound();
	m->estimate_exact = seen_all && !m->stopped;
	/* The facets count the documents the spy saw, before collapsing. */
	Xapian::doccount before =
		opts->collapse && seen_all
			? ms.get_uncollapsed_matches_lower_bound()
			: ms.get_uncollapsed_matches_estimated();
	m->facets_exact = seen_all && spy.seen() >= before && !m->stopped;
	double scale = !m->facets_exact && spy.seen()
			       ? (double)before / spy.seen()
			       : 1.0;
	for (int f = 0; opts->facets && f < NAQIB_FACETS; f++)
		spy.top(f, opts->facets, scale, m->facets[f]);
	m->estimate = total;
	/* The hits in the match's order; with the reranker, the first
	 * `depth` of them in its order, and each scored by it. */
	std::vector<Xapian::docid> docs;
	std::vector<double> scores;
	std::vector<unsigned> ranks;
	for (Xapian::MSetIterator i = ms.begin(); i != ms.end(); ++i) {
		docs.push_back(*i);
		scores.push_back(i.get_weight());
		ranks.push_back(i.get_rank() + 1);
	}
	std::vector<size_t> order(docs.size());
	for (size_t k = 0; k < order.size(); k++)
		order[k] = k;
	std::vector<float> feats;
	if (rerank || (opts->features && q)) {
		feats.resize(docs.size() * _NAQIB_FEATURES);
		_naqib_features_of(*db->db, q, docs, scores,
				   ms.get_max_attained(), ranks, feats.data());
	}
	if (rerank) {
		/* The model's scores of the first `depth` hits, in its
		 * order; shown above the first ranking's score of the hit
		 * after them (or of the last of them, if none is after) by
		 * their distance from the lowest of them, so that the
		 * scores go down the whole list and none is 0 or less,
		 * whatever the model's scale. */
		size_t top = std::min<size_t>(depth, order.size());
		double base = top < scores.size() ? scores[top]
				: top ? scores[top - 1] : 0,
		       low = 0;
		for (size_t k = 0; k < top; k++) {
			scores[k] = naqib_ranker_score(
				opts->ranker, &feats[k * _NAQIB_FEATURES]);
			low = k ? std::min(low, scores[k]) : scores[k];
		}
		for (size_t k = 0; k < top; k++)
			scores[k] = base + (scores[k] - low) + 0.001;
		std::stable_sort(order.begin(), order.begin() + top,
				 [&](size_t a, size_t b) {
					 return scores[a] > scores[b];
				 });
		order.erase(order.begin(),
			    order.begin() + std::min<size_t>(opts->offset,
							     order.size()));
		if (order.size() > opts->limit)
			order.resize(opts->limit);
	}
	m->hits.reserve(order.size());
	m->data.reserve(order.size());
	for (size_t k = 0; k < order.size(); k++) {
		size_t x = order[k];
		naqib_hit_t h;
		h.rank = opts->offset + k + 1;
		h.score = scores[x];
		h.docid = docs[x];
		h.copies = 0;
		m->data.push_back(_naqib_unpack_data(
			ms[(Xapian::doccount)x].get_document().get_data()));
		m->hits.push_back(h);
		if (!feats.empty())
			m->features.insert(m->features.end(),
					   feats.begin() + x * _NAQIB_FEATURES,
					   feats.begin() +
						   (x + 1) * _NAQIB_FEATURES);
	}
	m->copies.clear();
	if (opts->collapse)
		find_copies(*db->db, plain, ms, order, m);
	for (size_t k = 0; k < m->hits.size(); k++) {
		m->hits[k].data = m->data[k].data();
		m->hits[k].data_len = m->data[k].size();
		if (k < m->copies.size())
			m->hits[k].copies = (unsigned)m->copies[k].size();
	}
}

extern "C" naqib_status_t naqib_db_search(naqib_db_t *db, const naqib_query_t *q,
			       const naqib_search_options_t *opts,
			       naqib_mset_t **out)
{
	*out = NULL;
	const weighting *w = weighting_of(opts);
	if (!w)
		return _naqib_fail(NAQIB_E_INVALID, "unknown weighting scheme "
				   "'%s'", opts->weighting);
	naqib_mset_t *m = new (std::nothrow) naqib_mset_t();
	if (!m)
		return _naqib_fail(NAQIB_E_NOMEM, "out of memory");
	naqib_status_t st = _naqib_retrying(db, "searching", [&] {
		/* What remote shards cannot take, dropped in turn: the stop
		 * source (which xapian-tcpsrv does not know), then the key
		 * maker of the oldest first. */
		bool no_stop = false, plain_oldest = false;
		for (;;) {
			try {
				search_once(db, q, opts, w, m, plain_oldest,
					    no_stop);
				return NAQIB_OK;
			} catch (const like_error &e) {
				return e.st;
			} catch (const Xapian::UnimplementedError &) {
				if (!no_stop && (opts->time_limit > 0 ||
						 opts->stop))
					no_stop = true;
				else if (!plain_oldest &&
					 opts->sort == NAQIB_SORT_OLDEST)
					plain_oldest = true;
				else
					throw;
			}
		}
	});
	if (st) {
		delete m;
		return st;
	}
	*out = m;
	return NAQIB_OK;
}

extern "C" void naqib_mset_destroy(naqib_mset_t *m)
{
	delete m;
}

extern "C" size_t naqib_mset_size(const naqib_mset_t *m)
{
	return m->hits.size();
}

extern "C" unsigned naqib_mset_estimate(const naqib_mset_t *m)
{
	return m->estimate;
}

extern "C" int naqib_mset_estimate_exact(const naqib_mset_t *m)
{
	return m->estimate_exact;
}

extern "C" naqib_status_t naqib_mset_hit(const naqib_mset_t *m, size_t i,
			      naqib_hit_t *hit)
{
	if (i >= m->hits.size())
		return _naqib_fail(NAQIB_E_INVALID, "no hit %zu (of %zu)", i,
				   m->hits.size());
	*hit = m->hits[i];
	return NAQIB_OK;
}

extern "C" naqib_status_t naqib_mset_copy(const naqib_mset_t *m, size_t i,
					  size_t j, const char **id)
{
	if (i >= m->copies.size() || j >= m->copies[i].size())
		return _naqib_fail(NAQIB_E_INVALID, "no copy %zu of hit %zu", j,
				   i);
	*id = m->copies[i][j].c_str();
	return NAQIB_OK;
}

extern "C" const char *naqib_mset_expansion(const naqib_mset_t *m)
{
	return m->expansion.c_str();
}

extern "C" int naqib_mset_stopped(const naqib_mset_t *m)
{
	return m->stopped;
}

extern "C" naqib_status_t naqib_mset_features(const naqib_mset_t *m, size_t i,
					const float **out)
{
	*out = NULL;
	if ((i + 1) * _NAQIB_FEATURES > m->features.size())
		return _naqib_fail(NAQIB_E_INVALID, "no features of hit %zu",
				   i);
	*out = &m->features[i * _NAQIB_FEATURES];
	return NAQIB_OK;
}

extern "C" int naqib_mset_facets_exact(const naqib_mset_t *m)
{
	return m->facets_exact;
}

extern "C" size_t naqib_mset_facet_size(const naqib_mset_t *m, int facet)
{
	return facet >= 0 && facet < NAQIB_FACETS ? m->facets[facet].size() : 0;
}

extern "C" naqib_status_t naqib_mset_facet(const naqib_mset_t *m, int facet, size_t i,
				const char **value, unsigned *count)
{
	if (facet < 0 || facet >= NAQIB_FACETS || i >= m->facets[facet].size())
		return _naqib_fail(NAQIB_E_INVALID, "no facet value %zu", i);
	*value = m->facets[facet][i].first.c_str();
	*count = m->facets[facet][i].second;
	return NAQIB_OK;
}

