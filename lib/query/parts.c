/* A query taken apart (query.h): the filters, then the rest rewritten. */
#include <stdlib.h>
#include <string.h>

#include "query/query.h"

void _naqib_qparts_init(_naqib_qparts_t *q)
{
	memset(q, 0, sizeof *q);
	q->text = q->notes = (_naqib_buf_t)NAQIB_BUF_INIT;
}

void _naqib_qparts_free(_naqib_qparts_t *q)
{
	for (size_t i = 0; i < q->n_words; i++) {
		free(q->words[i].typed);
		free(q->words[i].norm);
		free(q->words[i].stem);
		free(q->words[i].detail);
		free(q->words[i].days);
	}
	free(q->words);
	for (size_t i = 0; i < q->n_prefixes; i++)
		free(q->prefixes[i]);
	free(q->prefixes);
	for (size_t i = 0; i < q->n_filters; i++)
		free(q->filters[i].value);
	free(q->filters);
	for (size_t i = 0; i < q->n_as_words; i++)
		free(q->as_words[i]);
	free(q->as_words);
	_naqib_buf_free(&q->notes);
	_naqib_buf_free(&q->text);
	_naqib_qparts_init(q);
}

/* A place: filter whose value the thesaurus does not know is searched as
 * the phrase of its words instead, with a note: place:السمارة finds the
 * texts that write السمارة, in a gazetteer or not.  Its bytes in rest,
 * blanked by the filters, take +"value" (or -"value"), which fits: the
 * field's name and colon were there too. */
static naqib_status_t places_as_words(naqib_analyzer_t *a, _naqib_buf_t *rest,
				      _naqib_qparts_t *q)
{
	naqib_thesaurus_t *th = naqib_analyzer_thesaurus(a);
	size_t kept = 0;
	naqib_status_t st = NAQIB_OK;

	for (size_t i = 0; i < q->n_filters; i++) {
		_naqib_qfilter_t *f = &q->filters[i];
		size_t entry, vn = strlen(f->value);
		if (st || !th || f->field->filter != _NAQIB_FILTER_THESAURUS ||
		    f->field->thes_kind != NAQIB_THES_PLACE ||
		    strpbrk(f->value, "*\"") || vn + 3 > f->to - f->from ||
		    naqib_thesaurus_find(th, NAQIB_THES_PLACE, f->value,
					 &entry) != NAQIB_E_NOT_FOUND) {
			q->filters[kept++] = *f;
			continue;
		}
		char *at = rest->data + f->from;
		*at++ = f->sign == '-' ? '-' : '+';
		*at++ = '"';
		memcpy(at, f->value, vn);
		at[vn] = '"';
		naqib_thes_name_t near[3];
		size_t nn = 0;
		if (naqib_thesaurus_nearest(th, NAQIB_THES_PLACE, f->value, 3,
					    near, &nn))
			nn = 0;
		st = _naqib_buf_printf(&q->notes, "%s:%s: no such place in the "
				       "thesaurus: searched as the words \"%s\"",
				       f->field->name, f->value, f->value);
		for (size_t k = 0; k < nn && !st; k++)
			st = _naqib_buf_printf(&q->notes, "%s%s",
					       k == 0 ? " (did you mean "
					       : k + 1 == nn ? " or " : ", ",
					       near[k].name);
		if (!st)
			st = _naqib_buf_printf(&q->notes, "%s\n", nn ? "?)" : "");
		if (!st)
			st = NAQIB_GROW(q->as_words, q->cap_as_words,
					q->n_as_words + 1);
		if (st) {
			q->filters[kept++] = *f;
			continue;
		}
		q->as_words[q->n_as_words++] = f->value;
	}
	q->n_filters = kept;
	return st;
}

naqib_status_t _naqib_query_split(naqib_analyzer_t *a, const char *text,
				  size_t len, _naqib_qparts_t *q)
{
	_naqib_buf_t rest = NAQIB_BUF_INIT;
	naqib_status_t st = _naqib_query_filters(text, len, &rest, q);

	if (!st)
		st = places_as_words(a, &rest, q);
	if (!st)
		st = _naqib_query_rewrite(a, rest.data, rest.len, q);
	_naqib_buf_free(&rest);
	return st;
}
