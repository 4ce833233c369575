/* The table of input formats (formats.h). */
#include <ctype.h>
#include <string.h>
#include <stdlib.h>
#include <strings.h>

#include "formats/reader.h"
#include "util/util.h"

fmt_options_t fmt_options = { 0, "ara+fra", NULL };

/* NAME: the format's file, which defines fmt_NAME. */
#define FORMATS(X) X(txt) X(jsonl) X(trec) X(mail) X(mbox) X(docx) X(odt) X(html) \
	X(pdf) X(image)

#define DECLARE(name) extern const fmt_format_t fmt_##name;
FORMATS(DECLARE)

static const fmt_format_t *const formats[] = {
#define ROW(name) &fmt_##name,
	FORMATS(ROW)
};

#define N_FORMATS (sizeof formats / sizeof *formats)

const fmt_format_t *fmt_at(size_t i)
{
	return i < N_FORMATS ? formats[i] : NULL;
}

const fmt_format_t *fmt_named(const char *name)
{
	for (size_t i = 0; i < N_FORMATS; i++)
		if (!strcmp(formats[i]->name, name))
			return formats[i];
	return NULL;
}

static int in(const char *const *list, const char *ext)
{
	for (; list && *list; list++)
		if (!strcasecmp(*list, ext))
			return 1;
	return 0;
}

const fmt_format_t *fmt_for_name(const char *name, int *unknown)
{
	const char *base = strrchr(name, '/');
	base = base ? base + 1 : name;
	const char *dot = strrchr(base, '.');

	*unknown = 0;
	if (!dot || dot == base)
		return NULL; /* README, LICENSE: look inside */
	for (size_t i = 0; i < N_FORMATS; i++)
		if (in(formats[i]->sniffed, dot + 1))
			return NULL;
	for (size_t i = 0; i < N_FORMATS; i++)
		if (in(formats[i]->extensions, dot + 1))
			return formats[i];
	*unknown = 1;
	return NULL;
}

const fmt_format_t *fmt_sniff(const char *s, size_t len)
{
	size_t i = fmt_skip_bom(s, len);
	const fmt_format_t *fallback = NULL;

	while (i < len && isspace((unsigned char)s[i]))
		i++;
	for (size_t k = 0; k < N_FORMATS; k++) {
		if (!formats[k]->sniff)
			fallback = fallback ? fallback : formats[k];
		else if (formats[k]->sniff(s + i, len - i))
			return formats[k];
	}
	return fallback;
}

int fmt_read(const fmt_format_t *f, const char *id, char *data, size_t len,
	     const fmt_callbacks_t *cb)
{
	if (!f)
		f = fmt_sniff(data, len);
	return f->read(id, data, len, cb);
}

const char *fmt_item(size_t i, const char **description)
{
	if (i == 0) {
		if (description)
			*description = "from the file's name, else its first "
				       "bytes (the default)";
		return "auto";
	}
	if (i > N_FORMATS)
		return NULL;
	if (description)
		*description = formats[i - 1]->description;
	return formats[i - 1]->name;
}

/* The documents of a nested file go to the outer callbacks with the outer
 * document as their parent. */
typedef struct nested {
	const fmt_callbacks_t *outer;
	const char *parent;
} nested_t;

static int nested_doc(const fmt_doc_t *d, void *ctx)
{
	nested_t *n = ctx;
	fmt_doc_t copy = *d;

	if (!copy.rec.parent || !*copy.rec.parent)
		copy.rec.parent = n->parent;
	return n->outer->doc(&copy, n->outer->ctx);
}

static void nested_bad(size_t line, const char *message, void *ctx)
{
	nested_t *n = ctx;

	(void)line;
	n->outer->bad(0, message, n->outer->ctx);
}

static void nested_note(const char *message, void *ctx)
{
	nested_t *n = ctx;

	fmt_note(n->outer, "%s", message);
}

/* An attachment of no format naqib reads is left out: the message is
 * still read. */
static void nested_skip(const char *reason, void *ctx)
{
	nested_t *n = ctx;

	fmt_note(n->outer, "attachment: %s; left out", reason);
}

int fmt_read_nested(const char *id, const char *name, char *data, size_t len,
		    const fmt_callbacks_t *cb)
{
	int unknown;
	const fmt_format_t *f = fmt_for_name(name, &unknown);

	if (unknown) {
		fmt_note(cb, "attachment '%s': not a format naqib reads; "
			 "left out", name);
		return NAQIB_OK;
	}
	if (!f)
		f = fmt_sniff(data, len);
	if ((f->flags & FMT_OCR) && !fmt_options.ocr) {
		fmt_note(cb, "attachment '%s': an image, read with --ocr only; "
			 "left out", name);
		return NAQIB_OK;
	}
	/* The id of the attachment: the message's, '#' and its name. */
	size_t il = strlen(id), nl = strlen(name);
	char *sub = malloc(il + nl + 2);
	if (!sub)
		return _naqib_fail(NAQIB_E_NOMEM, "out of memory");
	memcpy(sub, id, il);
	sub[il] = '#';
	memcpy(sub + il + 1, name, nl + 1);
	nested_t n = { cb, id };
	fmt_callbacks_t inner = { .doc = nested_doc, .bad = nested_bad,
				  .note = nested_note, .skip = nested_skip,
				  .ctx = &n };
	int st = f->read(sub, data, len, &inner);
	free(sub);
	return st;
}
