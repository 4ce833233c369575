/* What the readers of formats/ share (common.c). */
#ifndef NAQIB_FORMATS_READER_H
#define NAQIB_FORMATS_READER_H

#include "formats/formats.h"

/* Bytes of a UTF-8 byte order mark at s, 0 or 3. */
size_t fmt_skip_bom(const char *s, size_t len);

/* The line of offset off: line is the line of offset from. */
size_t fmt_line_of(const char *s, size_t off, size_t from, size_t line);

/* Reports a document (or, line 0, the file) skipped. */
void fmt_bad(const fmt_callbacks_t *cb, size_t line, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* A remark on the file that is no failure (cb->note), and a file of no
 * format naqib reads (cb->skip, else cb->bad). */
void fmt_note(const fmt_callbacks_t *cb, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
void fmt_skip(const fmt_callbacks_t *cb, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* A file whose text only --ocr reads (cb->needs_ocr, else cb->note). */
void fmt_needs_ocr(const fmt_callbacks_t *cb, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* Hands document d to the callback with the id raw[0..n), as the file
 * gives it, made an id (naqib_id_from_bytes(): escaped unless it is plain
 * text).  Returns the callback's status. */
int fmt_doc_with_id(const fmt_callbacks_t *cb, fmt_doc_t *d, const char *raw,
		    size_t n);

/* Trims ASCII white space off s[*from..*to). */
void fmt_trim(const char *s, size_t *from, size_t *to);

/* A text s[0..len) in UTF-8: *out NULL when it is already (then s is
 * the text), else the text converted into UTF-8 (malloc'd, caller frees)
 * and *encoding the name of the encoding it was read in (--encoding's,
 * its byte order mark's, or the one ICU's detector finds).  Returns 0;
 * FMT_NOT_TEXT for binary data, told to fmt_skip(); or a status with the
 * message set. */
#define FMT_NOT_TEXT (-1)
int fmt_text_to_utf8(const char *s, size_t len, const fmt_callbacks_t *cb,
		     char **out, size_t *out_len, const char **encoding);

/* A title for a text that has none of its own: its first sentence, cut
 * after a word at about TITLE_CHARS characters with an ellipsis, so that a
 * title is never a paragraph.  *out is malloc'd (caller frees); "" for a
 * text without a word. */
#define TITLE_CHARS 120
int fmt_title_from_text(const char *text, size_t len, char **out);

/* Whether a title a file's metadata gives says something: not empty, not
 * a placeholder a program wrote ("Untitled", "Microsoft Word - x.docx",
 * a file name). */
int fmt_title_usable(const char *title);

#endif
