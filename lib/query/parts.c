/* A query taken apart (query.h): the filters, then the rest rewritten. */
#include <stdlib.h>
#include <string.h>

#include "query/query.h"

void _naqib_qparts_init(_naqib_qparts_t *q)
{
	memset(q, 0, sizeof *q);
	q->text = (_naqib_buf_t)NAQIB_BUF_INIT;
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
	_naqib_buf_free(&q->text);
	_naqib_qparts_init(q);
}

naqib_status_t _naqib_query_split(naqib_analyzer_t *a, const char *text,
				  size_t len, _naqib_qparts_t *q)
{
	_naqib_buf_t rest = NAQIB_BUF_INIT;
	naqib_status_t st = _naqib_query_filters(text, len, &rest, q);

	if (!st)
		st = _naqib_query_rewrite(a, rest.data, rest.len, q);
	_naqib_buf_free(&rest);
	return st;
}
