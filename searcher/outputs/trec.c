/* TREC run lines, for trec_eval and bench/score: QID Q0 DOCID RANK SCORE
 * TAG. */
#include "outputs/outputs.h"

/* A column of a run line.  The columns are separated by white space, and
 * trec_eval reads a document id as a word: a space (or any control byte)
 * in one is written \xHH, as ids write what they escape
 * (naqib_id_parse() reads the id back; --delete takes it).  Refusing such
 * ids instead would leave no run at all of a collection of files with
 * spaces in their names. */
static naqib_status_t column(_naqib_buf_t *b, const char *s, char after)
{
	naqib_status_t st = NAQIB_OK;

	for (const char *p = s; *p && !st; p++) {
		unsigned char c = (unsigned char)*p;
		st = c <= 0x20 || c == 0x7F ? _naqib_buf_printf(b, "\\x%02x", c)
					    : _naqib_buf_addc(b, *p);
	}
	return st ? st : _naqib_buf_addc(b, after);
}

static naqib_status_t render_trec(_naqib_buf_t *b, const out_page_t *p)
{
	const out_result_t *r = p->result;
	naqib_status_t st = NAQIB_OK;

	for (size_t i = 0; i < r->n && !st; i++) {
		if (!(st = column(b, r->qid ? r->qid : "1", ' ')) &&
		    !(st = _naqib_buf_adds(b, "Q0 ")) &&
		    !(st = column(b, r->hits[i].rec.id, ' ')) &&
		    !(st = _naqib_buf_printf(b, "%u %.6f ", r->hits[i].rank,
					     r->hits[i].score)))
			st = column(b, p->tag, '\n');
	}
	return st;
}

const out_format_t out_trec = {
	"trec", "TREC run lines for evaluation: QID Q0 ID RANK SCORE TAG",
	"text/plain; charset=utf-8", NULL, OUT_CLI, render_trec, NULL,
};
