/* Facets (private.h): the values of the matching documents' fields, counted
 * by Xapian's ValueCountMatchSpy on the slot the schema gives each facet.
 * A list slot (unions, places) holds several names: each distinct list is
 * counted, then split; the date slot's days are summed by year. */
#include <algorithm>
#include <map>

#include "xapian/private.h"

_naqib_facet_spies::_naqib_facet_spies()
{
	for (int f = 0; f < NAQIB_FACETS; f++)
		spies.emplace_back(new Xapian::ValueCountMatchSpy(
			(unsigned)_naqib_field_of_facet(f)->slot));
}

void _naqib_facet_spies::attach(Xapian::Enquire &e)
{
	for (auto &s : spies)
		e.add_matchspy(s.get());
}

Xapian::doccount _naqib_facet_spies::seen() const
{
	return spies[0]->get_total();
}

/* Adds what spy counted to `to`: each name of a list, the year of a date,
 * or the value. */
static void add(std::map<std::string, unsigned> &to,
		const Xapian::ValueCountMatchSpy &spy, _naqib_facet_kind_t kind)
{
	for (Xapian::TermIterator i = spy.values_begin(); i != spy.values_end();
	     ++i) {
		const std::string v = *i;
		unsigned n = i.get_termfreq();
		if (kind == _NAQIB_FACET_YEAR) {
			if (v.size() >= 4)
				to[v.substr(0, 4)] += n;
			continue;
		}
		for (size_t s = 0; s < v.size();) {
			size_t e = kind == _NAQIB_FACET_LIST
					   ? v.find(_NAQIB_LIST_SEP, s)
					   : std::string::npos;
			if (e == std::string::npos)
				e = v.size();
			if (e > s)
				to[v.substr(s, e - s)] += n;
			s = e + 1;
		}
	}
}

void _naqib_facet_spies::top(int f, unsigned n, double scale,
			     _naqib_facet_t &out) const
{
	std::map<std::string, unsigned> counts;

	add(counts, *spies[f], _naqib_field_of_facet(f)->facet_kind);
	out.assign(counts.begin(), counts.end());
	for (auto &v : out)
		v.second = (unsigned)(v.second * scale + 0.5);
	std::stable_sort(out.begin(), out.end(),
			 [](const _naqib_facet_t::value_type &a,
			    const _naqib_facet_t::value_type &b) {
				 return a.second > b.second;
			 });
	if (out.size() > n)
		out.resize(n);
}
