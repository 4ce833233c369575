/* Plain text: one document a file, its first line the title and the rest
 * the body (the whole text when there is nothing else).  The fallback of
 * the formats: a file whose name and first bytes say nothing else. */
#include <string.h>

#include "formats/reader.h"

/* The first line is the title, the rest the body (the whole text when there
 * is nothing else).  Line breaks \r\n count as \n. */
static int read_txt(const char *id, char *s, size_t len,
		    const fmt_callbacks_t *cb)
{
	size_t from = fmt_skip_bom(s, len), to = len, bad_at;

	if (naqib_utf8_check(s, len, &bad_at)) {
		fmt_bad(cb, fmt_line_of(s, bad_at, 0, 1),
		    "%s at byte offset %zu; file skipped",
		    s[bad_at] ? "invalid UTF-8" : "NUL byte (binary file?)",
		    bad_at);
		return NAQIB_OK;
	}
	fmt_trim(s, &from, &to);
	if (from == to)
		return NAQIB_OK; /* empty: the caller says so */
	size_t eol = from;
	while (eol < to && s[eol] != '\n')
		eol++;
	size_t tend = eol, bstart = eol;
	fmt_trim(s, &from, &tend);
	fmt_trim(s, &bstart, &to);
	s[to] = '\0';
	fmt_doc_t d = { { 0 }, 1 };
	d.rec.id = id;
	d.rec.path = id;
	if (bstart == to) {
		d.rec.body = s + from; /* a single line: title and body */
	} else {
		d.rec.body = s + bstart;
	}
	s[tend] = '\0';
	d.rec.title = s + from;
	return cb->doc(&d, cb->ctx);
}


static const char *const txt_extensions[] = { "md", NULL };
static const char *const txt_sniffed[] = { "txt", "text", NULL };

const fmt_format_t fmt_txt = {
	"txt", "plain text: the first line is the title",
	txt_extensions, txt_sniffed, NULL, NULL, read_txt,
};
