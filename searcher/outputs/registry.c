/* The table of output formats (outputs.h). */
#include <string.h>

#include "outputs/outputs.h"

/* NAME: the format's file, which defines out_NAME.  The first offered on
 * the command line is its default, the first offered on the web the
 * web's. */
#define FORMATS(X) X(text) X(html) X(json) X(trec) X(csv)

#define DECLARE(name) extern const out_format_t out_##name;
FORMATS(DECLARE)

static const out_format_t *const formats[] = {
#define ROW(name) &out_##name,
	FORMATS(ROW)
};

#define N_FORMATS (sizeof formats / sizeof *formats)

const out_format_t *out_at(size_t i)
{
	return i < N_FORMATS ? formats[i] : NULL;
}

const out_format_t *out_named(const char *name, unsigned where)
{
	for (size_t i = 0; i < N_FORMATS; i++)
		if ((formats[i]->flags & where) && !strcmp(formats[i]->name, name))
			return formats[i];
	return NULL;
}

/* The i-th format offered where. */
static const char *item(unsigned where, size_t i, const char **description)
{
	for (size_t k = 0; k < N_FORMATS; k++) {
		if (!(formats[k]->flags & where) || i--)
			continue;
		if (description)
			*description = formats[k]->description;
		return formats[k]->name;
	}
	return NULL;
}

const char *out_cli_item(size_t i, const char **description)
{
	return item(OUT_CLI, i, description);
}

const char *out_web_item(size_t i, const char **description)
{
	return item(OUT_WEB, i, description);
}
