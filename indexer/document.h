/* The Xapian document naqib-index writes for a record: its words, what the
 * knowledge finder reads in them, and the record as its data.  Shared with
 * the fuzz harnesses, so that they test what the indexer does. */
#ifndef NAQIB_DOCUMENT_H
#define NAQIB_DOCUMENT_H

#include "knowledge.h"
#include "naqib.h"

/* Positions between the title and the body, so that no phrase spans both. */
#define DOCUMENT_FIELD_GAP 100
/* The words at the start of a body that count three times by default
 * (naqib-index --lead-words): news items and communiqués state their
 * subject in the lead (measured in bench/eval: the first 15 words three
 * times beat 30 twice on both query sets). */
#define DOCUMENT_LEAD_WORDS 15

/* Makes the document of rec: the title analysed by an with its words
 * counting NAQIB_LEAD_WEIGHT times, then the body with its first
 * lead_words words counting so, the unions, places, terms, dates and source
 * that k finds (k uses the same analyser), and the record encoded as the
 * document's data.  The date recorded is the metadata's as YYYY-MM-DD,
 * else the first date of the text; a metadata date naqib cannot read stays
 * as given when the text has none: rec->date is set to it (owned by k, valid
 * until k starts another document).  Caller destroys *out. */
int document_make(naqib_analyzer_t *an, knowledge_t *k, naqib_record_t *rec,
		  size_t lead_words, naqib_doc_t **out);

#endif
