/* What the formats that write HTML share: escaping and snippets. */
#include <stdlib.h>
#include <string.h>

#include "outputs/outputs.h"

naqib_status_t out_html_escape(_naqib_buf_t *b, const char *s, size_t n)
{
	size_t from = 0;
	int st = 0;

	for (size_t i = 0; i < n; i++) {
		const char *rep = NULL;
		switch (s[i]) {
		case '&': rep = "&amp;"; break;
		case '<': rep = "&lt;"; break;
		case '>': rep = "&gt;"; break;
		case '"': rep = "&quot;"; break;
		case '\'': rep = "&#39;"; break;
		}
		if (rep) {
			st |= _naqib_buf_add(b, s + from, i - from);
			st |= _naqib_buf_add(b, rep, strlen(rep));
			from = i + 1;
		}
	}
	return st | _naqib_buf_add(b, s + from, n - from);
}

char *out_snippet_html(const naqib_snippet_t *s)
{
	_naqib_buf_t b = NAQIB_BUF_INIT;
	size_t pos = 0;
	char *html;

	if (s->cut_start)
		_naqib_buf_adds(&b, "… ");
	for (size_t m = 0; m < s->n_marks; m++) {
		size_t a = s->marks[2 * m], z = s->marks[2 * m + 1];
		out_html_escape(&b, s->text + pos, a - pos);
		_naqib_buf_adds(&b, "<mark>");
		out_html_escape(&b, s->text + a, z - a);
		_naqib_buf_adds(&b, "</mark>");
		pos = z;
	}
	out_html_escape(&b, s->text + pos, s->len - pos);
	if (s->cut_end)
		_naqib_buf_adds(&b, " …");
	/* Out of memory on the way: the buffer says so. */
	return _naqib_buf_finish(&b, NAQIB_OK, &html, NULL) ? NULL : html;
}

