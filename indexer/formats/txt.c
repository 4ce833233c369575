/* Plain text: one document a file, its first line the title and the rest
 * the body (the whole text when there is nothing else).  The fallback of
 * the formats: a file whose name and first bytes say nothing else.  A
 * Markdown file (.md, .markdown) is one too, its title without the marks
 * of a heading. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "formats/reader.h"
#include "util/util.h"

/* Whether id, a file's path, ends in .md or .markdown, case aside. */
static int markdown(const char *id)
{
	const char *dot = strrchr(id, '.');

	return dot && !strchr(dot, '/') &&
	       (!strcasecmp(dot + 1, "md") || !strcasecmp(dot + 1, "markdown"));
}

/* The text of an ATX heading, when the line s[*from..*to) (trimmed) is
 * one, as CommonMark has it: one to six #, then a blank or the end of
 * the line; a closing run of # after a blank is not part of it either
 * ("## Title ##" is Title; "#hashtag", "####### x" and "C#" are no
 * heading's marks). */
static void atx_heading(const char *s, size_t *from, size_t *to)
{
	size_t i = *from;

	while (i < *to && s[i] == '#' && i - *from < 7)
		i++;
	if (i == *from || i - *from > 6 ||
	    (i < *to && s[i] != ' ' && s[i] != '\t'))
		return;
	size_t end = *to, k = end;
	while (k > i && s[k - 1] == '#')
		k--;
	if (k < end && (k == i || s[k - 1] == ' ' || s[k - 1] == '\t'))
		end = k;
	fmt_trim(s, &i, &end);
	*from = i;
	*to = end;
}

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
	fmt_doc_t d = { .line = 1 };
	d.rec.id = id;
	d.rec.path = id;
	/* The title of a Markdown file is its heading's text; the body
	 * keeps the text as written. */
	size_t tfrom = from, tto = tend;
	if (markdown(id))
		atx_heading(s, &tfrom, &tto);
	char *own = NULL;
	if (bstart == to) {
		d.rec.body = s + from; /* a single line: title and body */
		if (tto != tend && !(own = strndup(s + tfrom, tto - tfrom)))
			return _naqib_fail(NAQIB_E_NOMEM, "out of memory");
	} else {
		d.rec.body = s + bstart;
		s[tto] = '\0';
	}
	d.rec.title = own ? own : s + tfrom;
	int st = cb->doc(&d, cb->ctx);
	free(own);
	return st;
}


static const char *const txt_extensions[] = { "md", "markdown", NULL };
static const char *const txt_sniffed[] = { "txt", "text", NULL };

const fmt_format_t fmt_txt = {
	.name = "txt",
	.description = "plain text: the first line is the title",
	.extensions = txt_extensions,
	.sniffed = txt_sniffed,
	.read = read_txt,
};
