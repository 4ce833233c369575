/* What naqib-index learns about a document beyond its words: the unions,
 * places and domain terms of the thesaurus it names, the dates it gives,
 * its date and its source; written to the document as terms and values
 * that the filters, the facets and the date sort read. */
#ifndef NAQIB_KNOWLEDGE_H
#define NAQIB_KNOWLEDGE_H

#include "naqib.h"

typedef struct knowledge knowledge_t;

/* Uses the analyser's thesaurus (if any).  Caller frees. */
int knowledge_new(naqib_analyzer_t *an, knowledge_t **out);
void knowledge_destroy(knowledge_t *k);

/* Starts a document whose metadata date is date (YYYY-MM-DD, or "" when
 * it has none). */
void knowledge_start(knowledge_t *k, const char *date);

/* Reads an analysed field of the document (the title, then the body). */
int knowledge_collect(knowledge_t *k, const naqib_token_t *t, size_t n,
		      const char *text, size_t len);

/* The document date: the metadata's, else the first full date of the text;
 * "" if neither.  Owned by k. */
const char *knowledge_date(const knowledge_t *k);

/* Writes what was collected to doc: the thesaurus terms (wdf = mentions)
 * and their canonical names in value slots, a term per day mentioned, the
 * year term and the date value, the source term and value. */
int knowledge_apply(knowledge_t *k, naqib_doc_t *doc, const char *source);

#endif
