/* The Xapian document of a record (document.h). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "document.h"

/* Analyses text, adds its words to doc (the first `boosted` counting
 * NAQIB_LEAD_WEIGHT times) and gives its names and dates to k. */
static int index_text(naqib_analyzer_t *an, knowledge_t *k, naqib_doc_t *doc,
		      const char *text, size_t boosted, unsigned *pos)
{
	const naqib_token_t *t;
	size_t n, len;
	int st;

	if (!text || !*text)
		return NAQIB_OK;
	len = strlen(text);
	if ((st = naqib_analyze(an, text, len, &t, &n)) ||
	    (st = naqib_doc_index_tokens(doc, t, n, boosted, pos)))
		return st;
	return knowledge_collect(k, t, n, text, len);
}

int document_make(naqib_analyzer_t *an, knowledge_t *k, naqib_record_t *rec,
		  size_t lead_words, naqib_doc_t **out)
{
	naqib_doc_t *doc = NULL;
	char *data = NULL, date[11];
	size_t len;
	unsigned pos = 0;
	int st;

	*out = NULL;
	naqib_date_normalize(rec->date, date);
	knowledge_start(k, date);
	if ((st = naqib_doc_new(&doc)) ||
	    (st = index_text(an, k, doc, rec->title, SIZE_MAX, &pos)))
		goto out;
	pos += DOCUMENT_FIELD_GAP;
	if ((st = index_text(an, k, doc, rec->body, lead_words, &pos)) ||
	    (st = knowledge_apply(k, doc, rec->source)))
		goto out;
	if (*knowledge_date(k))
		rec->date = knowledge_date(k);
	if ((st = naqib_record_encode(rec, &data, &len)) ||
	    (st = naqib_doc_set_data(doc, data, len)))
		goto out;
	*out = doc;
	doc = NULL;
out:
	naqib_doc_destroy(doc);
	free(data);
	return st;
}
