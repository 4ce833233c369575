/* TREC run lines, for trec_eval and bench/score: QID Q0 DOCID RANK SCORE
 * TAG. */
#include "outputs/outputs.h"

static naqib_status_t render_trec(_naqib_buf_t *b, const out_page_t *p)
{
	const out_result_t *r = p->result;
	naqib_status_t st = NAQIB_OK;

	for (size_t i = 0; i < r->n && !st; i++)
		st = _naqib_buf_printf(b, "%s Q0 %s %u %.6f %s\n",
				       r->qid ? r->qid : "1", r->hits[i].rec.id,
				       r->hits[i].rank, r->hits[i].score,
				       p->tag);
	return st;
}

const out_format_t out_trec = {
	"trec", "TREC run lines for evaluation: QID Q0 ID RANK SCORE TAG",
	"text/plain; charset=utf-8", NULL, OUT_CLI, render_trec, NULL,
};
