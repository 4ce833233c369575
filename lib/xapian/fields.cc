/* The field processors of the placeholders the query rewrite writes
 * (private.h, query.h): THESAURUS:ENTRY for a name of the thesaurus, the
 * entry's term; DAY:YYYYMMDD for a date, the day however a text gives it
 * (DAY:YYYYMM a month)
 * or the document is dated; EXACT:N for a word or a phrase as written. */
#include <cstdlib>

#include "xapian/private.h"

void _naqib_name_stems(naqib_analyzer_t *a, const char *name, size_t len,
		       std::vector<Xapian::Query> &out)
{
	const naqib_token_t *t;
	size_t n;

	if (naqib_analyze(a, name, len, &t, &n))
		return;
	for (size_t k = 0; k < n; k++)
		if (!_naqib_positionless(&t[k]) &&
		    !(t[k].flags & NAQIB_TOKEN_TOO_LONG))
			out.emplace_back(_naqib_xterm(
				_NAQIB_F_STEM, std::string(t[k].stem,
							   t[k].stem_len)));
}

/* The weight of a union name's own words beside its entry's term. */
static const double name_words_weight = 0.5;

Xapian::Query _naqib_thesaurus_field::operator()(const std::string &s)
{
	naqib_thes_entry_t e;
	char *end;
	unsigned long i = strtoul(s.c_str(), &end, 10);
	naqib_thesaurus_t *th = naqib_analyzer_thesaurus(a);

	if (!th || *end || i >= parts->n_words || parts->words[i].kind != 't' ||
	    naqib_thesaurus_entry(th, parts->words[i].entry, &e))
		return Xapian::Query();
	Xapian::Query entry(
		_naqib_xterm(_naqib_field_of_thes_kind(e.kind)->id, e.key));
	if (e.kind != NAQIB_THES_UNION)
		return entry;
	/* A union's one term finds every document that names it, by any of
	 * its names; the words of the name typed rank them too (a text on
	 * «الاتحاد العام التونسي للشغل» and its rivals, whose names share
	 * those words), without finding more documents. */
	const _naqib_qword_t *w = &parts->words[i];
	std::vector<Xapian::Query> words;
	_naqib_name_stems(a, w->typed, w->typed_len, words);
	if (words.empty())
		return entry;
	return Xapian::Query(
		Xapian::Query::OP_AND_MAYBE, entry,
		Xapian::Query(name_words_weight,
			      Xapian::Query(Xapian::Query::OP_OR, words.begin(),
					    words.end())));
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
