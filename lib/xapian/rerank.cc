/* The reranker's reading of the index (private.h): for the first hits of
 * a match, the statistics of the query's terms in each (wdf, positions)
 * and in the collection, in one pass over each term's postings, given to
 * lib/rank for their features. */
#include <algorithm>
#include <array>
#include <cstring>

#include "rank/rank.h"
#include "xapian/private.h"

namespace {

/* A term of the query, what it is and where its statistics go. */
struct qterm {
	std::string term;
	_naqib_rterm_kind_t kind;
	double termfreq = 0, collfreq = 0;
};

/* The terms of q the features read, and its consecutive word pairs (by
 * their stems' indices). */
void query_terms(const Xapian::Database &db, const naqib_query_t *q,
		 std::vector<qterm> &terms,
		 std::vector<std::array<size_t, 2>> &pairs)
{
	size_t prev = (size_t)-1;
	auto add = [&](const std::string &t, _naqib_rterm_kind_t kind) {
		for (size_t i = 0; i < terms.size(); i++)
			if (terms[i].term == t)
				return i;
		qterm x;
		x.term = t;
		x.kind = kind;
		terms.push_back(x);
		return terms.size() - 1;
	};

	for (size_t i = 0; i < q->parts.n_words; i++) {
		const _naqib_qword_t *w = &q->parts.words[i];
		if (w->kind != 'w' || !*w->norm)
			continue;
		std::string z = _naqib_xterm(_NAQIB_F_STEM, w->stem);
		if (!q->termset.count(z))
			continue;
		size_t at = add(z, _NAQIB_RT_STEM);
		if (prev != (size_t)-1 && prev != at)
			pairs.push_back({ { prev, at } });
		prev = at;
		if (!w->number)
			add(_naqib_xterm(_NAQIB_F_WORD, w->norm), _NAQIB_RT_WORD);
	}
	/* The thesaurus's terms by kind, and the days, each a term of its
	 * own (a month is thirty of them: the share of its days a text
	 * gives, not whether it gives one). */
	static const struct {
		_naqib_field_id_t field;
		_naqib_rterm_kind_t kind;
	} kinds[] = {
		{ _NAQIB_F_UNION, _NAQIB_RT_UNION },
		{ _NAQIB_F_PLACE, _NAQIB_RT_PLACE },
		{ _NAQIB_F_TERM, _NAQIB_RT_TERM },
		{ _NAQIB_F_MENTIONS, _NAQIB_RT_DAY },
	};
	for (const std::string &t : q->terms)
		for (const auto &k : kinds) {
			const char *p = _NAQIB_FIELD(k.field)->prefix;
			if (t.compare(0, strlen(p), p) || t.size() == strlen(p))
				continue;
			add(t, k.kind);
			break;
		}
	for (qterm &t : terms) {
		t.termfreq = db.get_termfreq(t.term);
		t.collfreq = (double)db.get_collection_freq(t.term);
	}
}

} // namespace

void _naqib_features_of(const Xapian::Database &db, const naqib_query_t *q,
			const std::vector<Xapian::docid> &docs,
			const std::vector<double> &scores, double top,
			const std::vector<unsigned> &ranks, float *out)
{
	std::vector<qterm> terms;
	std::vector<std::array<size_t, 2>> pairs;
	query_terms(db, q, terms, pairs);

	const size_t n = docs.size(), nt = terms.size();
	/* Per (document, term): wdf, and the positions of a stem. */
	std::vector<double> wdf(n * nt, 0);
	std::vector<std::vector<unsigned>> pos(n * nt);
	std::vector<size_t> by_docid(n);
	for (size_t i = 0; i < n; i++)
		by_docid[i] = i;
	std::sort(by_docid.begin(), by_docid.end(),
		  [&](size_t a, size_t b) { return docs[a] < docs[b]; });
	for (size_t t = 0; t < nt; t++) {
		if (!terms[t].termfreq)
			continue;
		Xapian::PostingIterator p = db.postlist_begin(terms[t].term);
		for (size_t k = 0; k < n && p != db.postlist_end(terms[t].term);
		     k++) {
			size_t i = by_docid[k];
			p.skip_to(docs[i]);
			if (p == db.postlist_end(terms[t].term))
				break;
			if (*p != docs[i])
				continue;
			wdf[i * nt + t] = p.get_wdf();
			if (terms[t].kind != _NAQIB_RT_STEM)
				continue;
			std::vector<unsigned> &v = pos[i * nt + t];
			for (Xapian::PositionIterator x = p.positionlist_begin();
			     x != p.positionlist_end(); ++x)
				v.push_back(*x);
		}
	}
	_naqib_rcoll_t coll = { (double)db.get_doccount(), db.get_avlength() };
	std::vector<_naqib_rterm_t> rt(nt);
	std::vector<size_t> flat(pairs.size() * 2);
	for (size_t i = 0; i < pairs.size(); i++) {
		flat[2 * i] = pairs[i][0];
		flat[2 * i + 1] = pairs[i][1];
	}
	for (size_t i = 0; i < n; i++) {
		for (size_t t = 0; t < nt; t++) {
			const std::vector<unsigned> &v = pos[i * nt + t];
			rt[t] = { terms[t].kind, terms[t].termfreq,
				  terms[t].collfreq, wdf[i * nt + t],
				  v.empty() ? NULL : v.data(), v.size() };
		}
		_naqib_rquery_t rq = {
			rt.data(), nt,
			reinterpret_cast<const size_t(*)[2]>(flat.data()),
			pairs.size()
		};
		_naqib_rdoc_t d = { (double)db.get_doclength(docs[i]), scores[i],
				    top, ranks[i] };
		_naqib_rank_features(&rq, &coll, &d,
				     out + i * _NAQIB_FEATURES);
	}
}
