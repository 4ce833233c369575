/* The wildcards of a query (private.h), expanded here rather than by
 * Xapian.  Xapian 1.4 opens a posting list for every word a wildcard
 * matches and registers each for the statistics before it keeps the most
 * frequent: its limit bounds the words searched, not the work.  Six
 * groups of the 28 one-letter wildcards made 1.4 million posting lists of
 * the 42,126 documents of bench/eval (44 s, 321 MB), whatever the limit.
 *
 * Here the list of the index's words is read once for all the prefixes
 * of a query (a word that begins with several of them, ا and ال, feeds
 * each), each prefix keeps its most frequent words, and the wildcards of
 * the query share one budget of words: each gets an equal share, and what
 * a wildcard with fewer words leaves goes to the others. */
#include <algorithm>
#include <map>
#include <string>
#include <vector>

#include "xapian/private.h"

namespace {

/* A word of the index and the documents it is in. */
struct word {
	Xapian::doccount freq;
	std::string term;
};

/* The most frequent first, ties by the word: the same words whatever the
 * order they come in. */
bool more_frequent(const word &a, const word &b)
{
	return a.freq != b.freq ? a.freq > b.freq : a.term < b.term;
}

/* What a prefix stands for: its most frequent words, at most `keep`,
 * most frequent first once sorted; and how many words it matches in all. */
struct expansion {
	std::vector<word> top; /* a heap until sort() */
	Xapian::termcount matched = 0;

	void add(Xapian::doccount freq, const std::string &term, size_t keep)
	{
		matched++;
		if (top.size() < keep) {
			top.push_back({ freq, term });
			std::push_heap(top.begin(), top.end(), more_frequent);
		} else if (keep && more_frequent({ freq, term }, top.front())) {
			std::pop_heap(top.begin(), top.end(), more_frequent);
			top.back() = { freq, term };
			std::push_heap(top.begin(), top.end(), more_frequent);
		}
	}
	void sort() { std::sort_heap(top.begin(), top.end(), more_frequent); }
};

bool starts_with(const std::string &s, const std::string &p)
{
	return s.compare(0, p.size(), p) == 0;
}

/* The ops the parser puts wildcards under, which take no parameter and
 * so can be made again from their subqueries.  Under any other (a phrase,
 * NEAR) the parser leaves a wildcard's word as a plain term. */
bool rebuildable(Xapian::Query::op op)
{
	switch (op) {
	case Xapian::Query::OP_AND:
	case Xapian::Query::OP_OR:
	case Xapian::Query::OP_AND_NOT:
	case Xapian::Query::OP_XOR:
	case Xapian::Query::OP_AND_MAYBE:
	case Xapian::Query::OP_FILTER:
	case Xapian::Query::OP_SYNONYM:
	case Xapian::Query::OP_MAX:
		return true;
	default:
		return false;
	}
}

/* The prefix of a wildcard of the parser, from its description (Xapian
 * 1.4 has no accessor): "Query(WILDCARD SYNONYM نقاب)".  The description
 * escapes only what a normalized word never holds (controls, a
 * backslash, invalid UTF-8); false for anything else, which Xapian then
 * expands itself, with the parser's limit. */
bool prefix_of(const Xapian::Query &w, std::string &prefix)
{
	static const std::string head = "Query(WILDCARD SYNONYM ";
	const std::string d = w.get_description();

	if (d.size() <= head.size() + 1 || !starts_with(d, head) ||
	    d.back() != ')')
		return false;
	prefix = d.substr(head.size(), d.size() - head.size() - 1);
	return prefix.find('\\') == std::string::npos;
}

/* The prefixes of the wildcards of q, one an occurrence, in the order
 * rewrite() meets them. */
void find_wildcards(const Xapian::Query &q, std::vector<std::string> &out)
{
	std::string p;

	if (q.get_type() == Xapian::Query::OP_WILDCARD) {
		if (prefix_of(q, p))
			out.push_back(p);
	} else if (rebuildable(q.get_type())) {
		for (size_t i = 0; i < q.get_num_subqueries(); i++)
			find_wildcards(q.get_subquery(i), out);
	}
}

/* q with each wildcard made the OP_SYNONYM of its first `share` words, as
 * Xapian's own expansion combines them; false when q has no wildcard
 * (out is not set: the parser's own tree stays). */
bool rewrite(const Xapian::Query &q,
	     const std::map<std::string, expansion> &exp, size_t share,
	     Xapian::Query &out)
{
	std::string p;

	if (q.get_type() == Xapian::Query::OP_WILDCARD) {
		if (!prefix_of(q, p))
			return false;
		const std::vector<word> &top = exp.at(p).top;
		std::vector<Xapian::Query> words;
		for (size_t i = 0; i < top.size() && i < share; i++)
			words.emplace_back(top[i].term);
		out = Xapian::Query(Xapian::Query::OP_SYNONYM, words.begin(),
				    words.end());
		return true;
	}
	if (!rebuildable(q.get_type()))
		return false;
	std::vector<Xapian::Query> sub;
	bool changed = false;
	for (size_t i = 0; i < q.get_num_subqueries(); i++) {
		sub.push_back(q.get_subquery(i));
		changed |= rewrite(sub.back(), exp, share, sub.back());
	}
	if (changed)
		out = Xapian::Query(q.get_type(), sub.begin(), sub.end());
	return changed;
}

/* Reads the words of the index that begin with the prefixes (sorted,
 * distinct) into their expansions: each word once, whatever the number of
 * prefixes it begins with. */
void scan(Xapian::Database &db, const std::vector<std::string> &prefixes,
	  std::map<std::string, expansion> &exp, size_t keep)
{
	for (size_t i = 0; i < prefixes.size();) {
		/* The prefixes that begin with prefixes[i] follow it: one
		 * range of the index's words for all of them. */
		const std::string &outer = prefixes[i];
		size_t end = i + 1;
		while (end < prefixes.size() &&
		       starts_with(prefixes[end], outer))
			end++;
		/* The prefixes a word begins with, each a prefix of the
		 * next; next is the first prefix not met yet. */
		std::vector<expansion *> chain;
		std::vector<const std::string *> names;
		size_t next = i;
		for (Xapian::TermIterator t = db.allterms_begin(outer);
		     t != db.allterms_end(outer); ++t) {
			const std::string term = *t;
			while (!names.empty() &&
			       !starts_with(term, *names.back())) {
				names.pop_back();
				chain.pop_back();
			}
			/* A prefix at or before the word in order that it
			 * does not begin with has no words left (they would
			 * all come before this one). */
			for (; next < end && prefixes[next] <= term; next++) {
				if (starts_with(term, prefixes[next])) {
					names.push_back(&prefixes[next]);
					chain.push_back(&exp[prefixes[next]]);
				}
			}
			const Xapian::doccount freq = t.get_termfreq();
			for (expansion *e : chain)
				e->add(freq, term, keep);
		}
		i = end;
	}
	for (auto &e : exp)
		e.second.sort();
}

/* The most words each wildcard may stand for (each keeps one at least):
 * the largest share such that the wildcards, each with its `share` most
 * frequent words, stand for `words` words at most together, and that
 * these words are in `postings` documents at most, counted word by word
 * (what the match reads).  An equal share: what a wildcard with fewer
 * words leaves goes to the others.  have[i] are the wildcards' words, most
 * frequent first. */
size_t share_of(const std::vector<const std::vector<word> *> &have,
		size_t words, unsigned long long postings)
{
	size_t most = 0;
	for (const std::vector<word> *h : have)
		most = std::max(most, h->size());
	auto fits = [&](size_t share) {
		size_t n = 0;
		unsigned long long in = 0;
		for (const std::vector<word> *h : have)
			for (size_t k = 0; k < h->size() && k < share; k++) {
				n++;
				in += (*h)[k].freq;
			}
		return n <= words && in <= postings;
	};
	/* fits() holds for lo, not past hi. */
	size_t lo = 1, hi = most;
	if (fits(most))
		return most;
	while (lo + 1 < hi) {
		size_t mid = lo + (hi - lo) / 2;
		(fits(mid) ? lo : hi) = mid;
	}
	return lo;
}

} // namespace

void _naqib_expand_wildcards(naqib_db_t *db, naqib_query_t *q,
			     const _naqib_wildcard_budget_t *b)
{
	std::vector<std::string> found;

	q->match = q->query;
	q->cut.clear();
	q->wildcard_share = 0;
	find_wildcards(q->query, found);
	if (!db || found.empty())
		return;
	std::vector<std::string> prefixes(found);
	std::sort(prefixes.begin(), prefixes.end());
	prefixes.erase(std::unique(prefixes.begin(), prefixes.end()),
		       prefixes.end());
	std::map<std::string, expansion> exp;
	for (const std::string &p : prefixes)
		exp[p];
	scan(*db->db, prefixes, exp, b->keep);

	std::vector<const std::vector<word> *> have;
	size_t most = 0;
	for (const std::string &p : found) {
		have.push_back(&exp[p].top);
		most = std::max(most, have.back()->size());
	}
	const size_t share = share_of(have, b->words, b->postings);
	rewrite(q->query, exp, share, q->match);

	const bool shared = share < most;
	if (shared) {
		q->wildcard_share = share;
		q->notes += "the " + std::to_string(found.size()) +
			    " wildcards of the query stand for too many words "
			    "together (more than " + std::to_string(b->words) +
			    ", or words in more than " +
			    std::to_string(b->postings) +
			    " documents, counted word by word): each is "
			    "searched with " +
			    (share == 1 ? std::string("its most frequent word "
						      "only")
					: "its " + std::to_string(share) +
						  " most frequent words at "
						  "most") +
			    "\n";
	}
	const std::string keep = std::to_string(b->keep);
	for (const std::string &p : prefixes) {
		if (exp[p].matched <= (shared ? share : b->keep))
			continue;
		q->cut.push_back(p);
		if (!shared)
			q->notes += p + "* stands for more than " + keep +
				    " words: only the " + keep +
				    " most frequent are searched\n";
	}
}
