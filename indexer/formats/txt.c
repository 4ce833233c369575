/* Plain text: one document a file, its first line the title and the rest
 * the body, when that line is a title (read_txt() says when).  The fallback of
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

/* The longest first line that is a title: a headline, not a paragraph
 * (the seed texts' first paragraphs are 400 characters and more). */
#define TITLE_LINE_CHARS 150

/* The first line is the title and the rest the body, when it is a line
 * short enough for a title and there is a rest; else the title is the
 * text's first sentence (fmt_title_from_text()), shown and not indexed,
 * and the body the whole text.  Line breaks \r\n count as \n.  A text
 * that is not UTF-8 is converted first (fmt_text_to_utf8()). */
static int read_txt(const char *id, char *s, size_t len,
		    const fmt_callbacks_t *cb)
{
	char *conv = NULL, *own = NULL;
	const char *encoding;
	size_t clen;
	int st = fmt_text_to_utf8(s, len, cb, &conv, &clen, &encoding);

	if (st == FMT_NOT_TEXT)
		return NAQIB_OK;
	if (st) {
		fmt_bad(cb, 0, "%s; file skipped", naqib_last_error());
		return NAQIB_OK;
	}
	if (conv) {
		s = conv;
		len = clen;
	}
	size_t from = fmt_skip_bom(s, len), to = len;
	fmt_trim(s, &from, &to);
	if (from == to) {
		free(conv);
		return NAQIB_OK; /* empty: the caller says so */
	}
	size_t eol = from;
	while (eol < to && s[eol] != '\n')
		eol++;
	size_t tend = eol, bstart = eol;
	fmt_trim(s, &from, &tend);
	fmt_trim(s, &bstart, &to);
	s[to] = '\0';
	fmt_doc_t d = { .line = 1, .encoding = encoding };
	d.rec.id = id;
	d.rec.path = id;
	/* The title of a Markdown file is its heading's text; the body
	 * keeps the text as written. */
	size_t tfrom = from, tto = tend;
	int heading = 0;
	if (markdown(id)) {
		atx_heading(s, &tfrom, &tto);
		heading = tto != tend || tfrom != from;
	}
	if (bstart == to ||
	    (!heading && _naqib_utf8_count(s + tfrom, tto - tfrom) >
				 TITLE_LINE_CHARS)) {
		/* No title line: the whole text is the body. */
		d.rec.body = s + from;
		if (heading && bstart == to) {
			st = (own = strndup(s + tfrom, tto - tfrom)) ? 0
				: _naqib_fail(NAQIB_E_NOMEM, "out of memory");
		} else {
			st = fmt_title_from_text(s + from, to - from, &own);
			d.rec.flags |= NAQIB_RECORD_TITLE_FROM_TEXT;
		}
	} else {
		d.rec.body = s + bstart;
		s[tto] = '\0';
	}
	if (!st) {
		d.rec.title = own ? own : s + tfrom;
		st = cb->doc(&d, cb->ctx);
	}
	free(own);
	free(conv);
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
