/* What the formats share: HTML escaping, snippets, the names of the
 * formats a record's text came from. */
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
			st |= _naqib_buf_adds(b, rep);
			from = i + 1;
		}
	}
	return st | _naqib_buf_add(b, s + from, n - from);
}

naqib_status_t out_snippet(_naqib_buf_t *b, const naqib_snippet_t *s,
			   const char *on, const char *off,
			   naqib_status_t (*put)(_naqib_buf_t *, const char *,
						 size_t))
{
	size_t pos = 0;
	naqib_status_t st = NAQIB_OK;

	if (s->cut_start)
		st |= _naqib_buf_adds(b, "… ");
	for (size_t m = 0; m < s->n_marks; m++) {
		size_t a = s->marks[2 * m], z = s->marks[2 * m + 1];
		st |= put(b, s->text + pos, a - pos);
		st |= _naqib_buf_adds(b, on);
		st |= put(b, s->text + a, z - a);
		st |= _naqib_buf_adds(b, off);
		pos = z;
	}
	st |= put(b, s->text + pos, s->len - pos);
	if (s->cut_end)
		st |= _naqib_buf_adds(b, " …");
	return st ? NAQIB_E_NOMEM : NAQIB_OK;
}

char *out_snippet_html(const naqib_snippet_t *s)
{
	_naqib_buf_t b = NAQIB_BUF_INIT;
	char *html;

	/* Out of memory on the way: the buffer says so. */
	out_snippet(&b, s, "<mark>", "</mark>", out_html_escape);
	return _naqib_buf_finish(&b, NAQIB_OK, &html, NULL) ? NULL : html;
}

/* The formats naqib-index reads (naqib-index --list format) as a reader
 * names them; a format of a reader not in the table shows its name. */
static const struct {
	const char *format, *english, *arabic;
} format_labels[] = {
	{ "pdf", "PDF", "PDF" },
	{ "docx", "DOCX", "DOCX" },
	{ "odt", "ODT", "ODT" },
	{ "html", "HTML", "HTML" },
	{ "mail", "e-mail", "بريد إلكتروني" },
	{ "image", "image", "صورة" },
};

const char *out_format_label(const char *format, int arabic, char *buf,
			     size_t n)
{
	size_t k;

	for (k = 0; k < sizeof format_labels / sizeof *format_labels; k++)
		if (!strcmp(format, format_labels[k].format))
			return arabic ? format_labels[k].arabic
				      : format_labels[k].english;
	for (k = 0; format[k] && k + 1 < n; k++)
		buf[k] = format[k] >= 'a' && format[k] <= 'z'
				 ? (char)(format[k] - 'a' + 'A')
				 : format[k];
	if (n)
		buf[k] = '\0';
	return buf;
}

int out_has_origin(const naqib_record_t *rec)
{
	return *rec->format || *rec->author || *rec->parent || rec->pages ||
	       (rec->flags &
		(NAQIB_RECORD_OCR | NAQIB_RECORD_TITLE_FROM_TEXT));
}

naqib_status_t out_id_query(_naqib_buf_t *b, const char *id)
{
	/* A filter's value ends at a space or a parenthesis unless quoted,
	 * and a quote ends at its closing mark. */
	if (!strstr(id, "»"))
		return _naqib_buf_printf(b, "id:«%s»", id);
	if (!strchr(id, '"'))
		return _naqib_buf_printf(b, "id:\"%s\"", id);
	return _naqib_buf_printf(b, "id:%s", id);
}
