/* bench/extract: the documents naqib-index's readers make of each file
 * named, as JSON Lines on standard output (id, title, title_from_text,
 * date, author, url, format, encoding, body), and what they report as
 * "FILE: message" lines on standard error.  For bench/files, until
 * naqib-index --extract does it through the worker; the readers run in
 * this process. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "formats/formats.h"
#include "naqib.h"

static const char *file;

static void set(json_t *o, const char *key, const char *v)
{
	json_object_set_new(o, key, json_string(v ? v : ""));
}

static int on_doc(const fmt_doc_t *d, void *ctx)
{
	json_t *o = json_object();

	(void)ctx;
	set(o, "id", d->rec.id);
	set(o, "title", d->rec.title);
	json_object_set_new(o, "title_from_text",
			    json_boolean(d->rec.flags &
					 NAQIB_RECORD_TITLE_FROM_TEXT));
	set(o, "date", d->rec.date);
	set(o, "author", d->rec.author);
	set(o, "url", d->rec.url);
	set(o, "format", d->rec.format);
	set(o, "encoding", d->encoding);
	set(o, "body", d->rec.body);
	char *s = json_dumps(o, JSON_COMPACT);
	if (s)
		puts(s);
	free(s);
	json_decref(o);
	return 0;
}

static void on_bad(size_t line, const char *message, void *ctx)
{
	(void)ctx;
	if (line)
		fprintf(stderr, "%s:%zu: %s\n", file, line, message);
	else
		fprintf(stderr, "%s: %s\n", file, message);
}

int main(int argc, char **argv)
{
	const fmt_callbacks_t cb = { on_doc, on_bad, NULL };
	int rc = 0;

	for (int i = 1; i < argc; i++) {
		FILE *f = fopen(file = argv[i], "rb");
		char *data = NULL;
		size_t len = 0, cap = 0, r;
		if (!f) {
			fprintf(stderr, "%s: %s\n", file, strerror(errno));
			rc = 3;
			continue;
		}
		do {
			if (len + 65536 + 1 > cap) {
				cap = (len + 65536 + 1) * 2;
				char *d2 = realloc(data, cap);
				if (!d2)
					abort();
				data = d2;
			}
			r = fread(data + len, 1, 65536, f);
			len += r;
		} while (r);
		fclose(f);
		data[len] = '\0';
		int unknown;
		const fmt_format_t *fmt = fmt_for_name(file, &unknown);
		if (fmt_read(fmt, file, data, len, &cb))
			rc = 3;
		free(data);
	}
	return rc;
}
