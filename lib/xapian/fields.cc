/* The field processors of the placeholders the query rewrite writes
 * (private.h, query.h): THESAURUS:ENTRY for a name of the thesaurus, the
 * entry's term; DAY:YYYYMMDD for a date, the day however a text gives it
 * (DAY:YYYYMM a month)
 * or the document is dated; EXACT:N for a word or a phrase as written. */
#include <cstdlib>

#include "xapian/private.h"

Xapian::Query _naqib_thesaurus_field::operator()(const std::string &s)
{
	naqib_thes_entry_t e;
	char *end;
	unsigned long i = strtoul(s.c_str(), &end, 10);

	if (!th || *end || naqib_thesaurus_entry(th, i, &e))
		return Xapian::Query();
	return Xapian::Query(
		_naqib_xterm(_naqib_field_of_thes_kind(e.kind)->id, e.key));
}

Xapian::Query _naqib_day_field::operator()(const std::string &s)
{
	/* DAY:YYYYMM: a month, given by a day or alone, or the month the
	 * document is dated in. */
	if (s.size() == 6)
		return Xapian::Query(_naqib_xterm(_NAQIB_F_MONTH, s));
	return Xapian::Query(Xapian::Query::OP_OR,
			     Xapian::Query(_naqib_xterm(_NAQIB_F_MENTIONS, s)),
			     Xapian::Query(_naqib_xterm(_NAQIB_F_DATE, s)));
}

/* A word as written is its normalized form's term; a number has one term,
 * its stem term. */
static Xapian::Query written(const _naqib_qword_t *w)
{
	std::string norm(w->norm, w->norm_len);
	if (w->number)
		return Xapian::Query(_naqib_xterm(_NAQIB_F_STEM, norm));
	return Xapian::Query(norm);
}

Xapian::Query _naqib_exact_field::operator()(const std::string &s)
{
	char *end;
	unsigned long i = strtoul(s.c_str(), &end, 10);

	if (*end || i >= parts->n_words)
		return Xapian::Query();
	const _naqib_qword_t *w = &parts->words[i];
	if (w->kind == 'w')
		return written(w);
	std::vector<Xapian::Query> words;
	for (size_t k = w->first; k < w->first + w->count; k++)
		words.push_back(written(&parts->words[k]));
	return Xapian::Query(Xapian::Query::OP_AND, words.begin(), words.end());
}
