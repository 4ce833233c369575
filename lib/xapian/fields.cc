/* The field processors of the placeholders the query rewrite writes
 * (private.h, query.h): THESAURUS:ENTRY for a name of the thesaurus, the
 * entry's term; DAY:YYYYMMDD for a date, the day however a text gives it
 * or the document is dated. */
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
	return Xapian::Query(Xapian::Query::OP_OR,
			     Xapian::Query(_naqib_xterm(_NAQIB_F_MENTIONS, s)),
			     Xapian::Query(_naqib_xterm(_NAQIB_F_DATE, s)));
}
