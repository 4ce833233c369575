/* JSON Lines: a document a line, an object with "id", "title", "date",
 * "url", "source", "author" and "body" (or "text"). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "formats/reader.h"
#include "util/util.h"

static const char *json_field(const fmt_callbacks_t *cb, size_t line,
			      json_t *obj, const char *key, int *ok)
{
	json_t *v = json_object_get(obj, key);

	if (!v || json_is_null(v))
		return NULL;
	if (!json_is_string(v)) {
		fmt_bad(cb, line, "field \"%s\" is not a string; document skipped",
		    key);
		*ok = 0;
		return NULL;
	}
	return json_string_value(v);
}

static int read_jsonl(const char *path, char *s, size_t len,
		      const fmt_callbacks_t *cb)
{
	size_t line = 0, i = fmt_skip_bom(s, len);
	int st = NAQIB_OK;

	while (i < len && !st) {
		size_t start = i, bad_at;
		line++;
		while (i < len && s[i] != '\n')
			i++;
		size_t end = i;
		i++; /* past the \n */
		size_t from = start, to = end;
		fmt_trim(s, &from, &to);
		if (from == to)
			continue;
		if (naqib_utf8_check(s + from, to - from, &bad_at)) {
			fmt_bad(cb, line,
			    "%s at byte offset %zu; document skipped",
			    s[from + bad_at] ? "invalid UTF-8" : "NUL byte",
			    from + bad_at);
			continue;
		}
		json_error_t err;
		json_t *obj = json_loadb(s + from, to - from, 0, &err);
		if (!obj) {
			fmt_bad(cb, line, "invalid JSON (column %d): %s; document "
			    "skipped", err.column, err.text);
			continue;
		}
		if (!json_is_object(obj)) {
			fmt_bad(cb, line, "not a JSON object; document skipped");
			json_decref(obj);
			continue;
		}
		int ok = 1;
		char idbuf[32];
		const char *id = NULL;
		json_t *jid = json_object_get(obj, "id");
		if (json_is_string(jid))
			id = json_string_value(jid);
		else if (json_is_integer(jid)) {
			snprintf(idbuf, sizeof idbuf, "%" JSON_INTEGER_FORMAT,
				 json_integer_value(jid));
			id = idbuf;
		}
		fmt_doc_t d = { .line = line };
		d.rec.title = json_field(cb, line, obj, "title", &ok);
		d.rec.date = json_field(cb, line, obj, "date", &ok);
		d.rec.url = json_field(cb, line, obj, "url", &ok);
		d.rec.source = json_field(cb, line, obj, "source", &ok);
		/* Who wrote it, as an export of a mailbox or a site gives
		 * it: shown with the hit. */
		d.rec.author = json_field(cb, line, obj, "author", &ok);
		d.rec.body = json_field(cb, line, obj, "body", &ok);
		if (!d.rec.body && ok)
			d.rec.body = json_field(cb, line, obj, "text", &ok);
		if (ok && (!id || !*id)) {
			fmt_bad(cb, line, "no \"id\" (a string or an integer); "
			    "document skipped");
			ok = 0;
		}
		if (ok && !d.rec.body && !d.rec.title) {
			fmt_bad(cb, line, "no \"body\" or \"text\"; document skipped");
			ok = 0;
		}
		if (ok) {
			char where[64];
			snprintf(where, sizeof where, ":%zu", line);
			size_t pl = strlen(path);
			char *p = malloc(pl + strlen(where) + 1);
			if (!p)
				st = _naqib_fail(NAQIB_E_NOMEM, "out of memory");
			else {
				memcpy(p, path, pl);
				strcpy(p + pl, where);
				d.rec.path = p;
				st = fmt_doc_with_id(cb, &d, id, strlen(id));
				free(p);
			}
		}
		json_decref(obj);
	}
	return st;
}


static int sniff_jsonl(const char *s, size_t len)
{
	return len && s[0] == '{';
}

/* After the last line break. */
static size_t cut_jsonl(const char *buf, size_t n)
{
	const char *p = memrchr(buf, '\n', n);

	return p ? (size_t)(p - buf) + 1 : 0;
}

static const char *const jsonl_extensions[] = { "jsonl", "ndjson", "json",
						NULL };

const fmt_format_t fmt_jsonl = {
	.name = "jsonl",
	.description = "JSON Lines: an object a line, with id, title, date, "
		       "url, source, author and body",
	.extensions = jsonl_extensions,
	.sniff = sniff_jsonl,
	.cut = cut_jsonl,
	.read = read_jsonl,
};
