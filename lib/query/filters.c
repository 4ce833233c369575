/* The filters of a query (query.h): union:CDT, -place:"الدار البيضاء",
 * +year:2021, date:2021-01..2021-06, their Arabic names (نقابة:، مكان:،
 * سنة:، تاريخ:، مصدر:), as the schema names the fields.  Each is taken out
 * of the text and blanked; the rewrite puts a placeholder where it was, so
 * that AND, OR, NOT and parentheses apply to it as written. */
#include <stdlib.h>
#include <string.h>

#include "query/query.h"

/* The field named at s[i..len) followed by ':', or NULL; *after is the
 * byte after the colon. */
static const _naqib_field_t *field_at(const char *s, size_t i, size_t len,
				      size_t *after)
{
	/* Field names are short: the colon is near, if there is one. */
	const char *colon = memchr(s + i, ':', len - i < 64 ? len - i : 64);

	if (!colon)
		return NULL;
	const _naqib_field_t *f = _naqib_field_named(s + i,
						     (size_t)(colon - (s + i)));
	if (f && f->filter != _NAQIB_FILTER_NONE) {
		*after = (size_t)(colon - s) + 1;
		return f;
	}
	return NULL;
}

naqib_status_t _naqib_query_filters(const char *text, size_t len,
				    _naqib_buf_t *rest, _naqib_qparts_t *q)
{
	naqib_status_t st;

	_naqib_buf_reset(rest);
	if ((st = _naqib_buf_add(rest, text, len)))
		return st;
	for (size_t i = 0; i < len;) {
		/* A field starts a word: after a space, a parenthesis, + or -. */
		int boundary = i == 0 || strchr(" \t\n(", text[i - 1]);
		size_t from = i, at = i;
		char sign = ' ';
		if (boundary && (text[i] == '-' || text[i] == '+') && i + 1 < len) {
			sign = text[i];
			at = i + 1;
		}
		size_t v;
		const _naqib_field_t *f = boundary ? field_at(text, at, len, &v)
						   : NULL;
		if (!f) {
			i++;
			continue;
		}
		/* An Arabic field name with nothing after its colon is the
		 * word it is (a headline's «مصدر: …», "source: …"). */
		if ((unsigned char)text[at] >= 0x80 &&
		    (v == len || strchr(" \t\n)", text[v]))) {
			i = v;
			continue;
		}
		/* NOT before a filter is its '-': "a NOT union:X" is
		 * "a -union:X".  The other operators stay, so that
		 * "a OR union:X" is either (lib/xapian/parse.cc). */
		size_t w = from;
		while (w > 0 && strchr(" \t\n", rest->data[w - 1]))
			w--;
		size_t ws = w;
		while (ws > 0 && !strchr(" \t\n(", rest->data[ws - 1]))
			ws--;
		if (w - ws == 3 && memcmp(rest->data + ws, "NOT", 3) == 0 &&
		    sign == ' ') {
			sign = '-';
			memset(rest->data + ws, ' ', w - ws);
		}
		/* The value: "quoted", «quoted», or up to a space or ')'. */
		size_t vs = v, ve;
		if (v < len && text[v] == '"') {
			vs = v + 1;
			const char *q = memchr(text + vs, '"', len - vs);
			ve = q ? (size_t)(q - text) : len;
			i = q ? ve + 1 : len;
		} else if (len - v >= 2 && memcmp(text + v, "\xc2\xab", 2) == 0) {
			vs = v + 2;
			const char *q = memmem(text + vs, len - vs, "\xc2\xbb", 2);
			ve = q ? (size_t)(q - text) : len;
			i = q ? ve + 2 : len;
		} else {
			for (ve = v; ve < len && !strchr(" \t\n)", text[ve]); ve++)
				;
			i = ve;
		}
		if (ve == vs)
			return _naqib_fail(NAQIB_E_QUERY,
					   "'%.*s' needs a value (as in "
					   "union:CDT, year:2021, "
					   "date:2021-01-01..2021-06-30)",
					   (int)(v - at), text + at);
		if ((st = NAQIB_GROW(q->filters, q->cap_filters,
				     q->n_filters + 1)))
			return st;
		char *value = strndup(text + vs, ve - vs);
		if (!value)
			return _naqib_fail(NAQIB_E_NOMEM, "out of memory");
		q->filters[q->n_filters++] =
			(_naqib_qfilter_t){ f, sign, value, from, i };
		memset(rest->data + from, ' ', i - from);
	}
	return NAQIB_OK;
}
