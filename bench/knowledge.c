/* bench/knowledge: what naqib-index learns from each document of a corpus,
 * one tab-separated line per finding, for bench/knowledge-report:
 *
 *   ID  doc    DATE  FROM  TEXTDATE   (FROM: meta, text or none; TEXTDATE:
 *                                       the day the text gives as its own,
 *                                       naqib_text_date(), body then title)
 *   ID  union  NAME  MATCHED  CONTEXT
 *   ID  place  NAME  MATCHED  CONTEXT
 *   ID  term   NAME  MATCHED  CONTEXT
 *   ID  date   YYYY-MM-DD[?]  MATCHED  CONTEXT   (? a guessed year)
 *
 * It runs the indexer's own code (the analyser, the built-in thesaurus, the
 * date finder) on the files named on standard input, one path a line. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "formats/formats.h"
#include "naqib.h"

static naqib_analyzer_t *an;
static naqib_thesaurus_t *th;

/* Prints text[from..to) on one line: tabs and line breaks as spaces. */
static void put(const char *text, size_t from, size_t to)
{
	for (size_t i = from; i < to; i++)
		putchar(text[i] == '\t' || text[i] == '\n' || text[i] == '\r'
				? ' '
				: text[i]);
}

static void finding(const char *id, const char *kind, const char *name,
		    const char *text, const naqib_token_t *t, size_t n,
		    size_t first, size_t last)
{
	size_t cf = first > 5 ? first - 5 : 0;
	size_t cl = last + 5 < n ? last + 5 : n;
	printf("%s\t%s\t%s\t", id, kind, name);
	put(text, t[first].start, t[last - 1].end);
	putchar('\t');
	put(text, t[cf].start, t[cl - 1].end);
	putchar('\n');
}

/* One field; the day it gives as its own in own ("" none). */
static void field(const char *id, const char *text, const char *ref,
		  char own[11])
{
	const naqib_token_t *t;
	const naqib_thes_match_t *m;
	naqib_date_mention_t *d;
	size_t n, nm, nd, len = strlen(text);

	if (!len || naqib_analyze(an, text, len, &t, &n))
		return;
	if (!naqib_thesaurus_match(th, t, n, &m, &nm))
		for (size_t i = 0; i < nm; i++) {
			naqib_thes_entry_t e;
			naqib_thesaurus_entry(th, m[i].entry, &e);
			finding(id, naqib_thes_kind_name(e.kind), e.name, text,
				t, n, m[i].first, m[i].last);
		}
	if (naqib_dates_find(t, n, text, len, *ref ? ref : NULL, &d, &nd))
		return;
	for (size_t i = 0; i < nd; i++) {
		char name[16];
		snprintf(name, sizeof name, "%04u-%02u-%02u%s",
			 (unsigned)d[i].year % 10000, (unsigned)d[i].month % 100,
			 (unsigned)d[i].day % 100, d[i].year_guessed ? "?" : "");
		finding(id, "date", name, text, t, n, d[i].first, d[i].last);
	}
	free(d);
	if (naqib_dates_find(t, n, text, len, NULL, &d, &nd))
		return;
	naqib_text_date(t, n, text, len, d, nd, own);
	free(d);
}

static int on_doc(const fmt_doc_t *doc, void *ctx)
{
	char meta[11], title[11] = "", text[11] = "";
	(void)ctx;
	naqib_date_normalize(doc->rec.date, meta);
	field(doc->rec.id, doc->rec.title, meta, title);
	field(doc->rec.id, doc->rec.body, meta, text);
	if (!*text)
		memcpy(text, title, sizeof text);
	printf("%s\tdoc\t%s\t%s\t%s\n", doc->rec.id, *meta ? meta : text,
	       *meta ? "meta" : *text ? "text" : "none", text);
	return 0;
}

static void on_bad(size_t line, const char *message, void *ctx)
{
	fprintf(stderr, "knowledge: %s:%zu: %s\n", (const char *)ctx, line,
		message);
}

int main(void)
{
	char path[4096];
	size_t len;
	const char *builtin = naqib_thesaurus_builtin(&len);

	cli_prog = "knowledge";
	if (naqib_analyzer_new(NULL, &an) || naqib_thesaurus_new(an, &th) ||
	    naqib_thesaurus_load(th, builtin, len, "built-in")) {
		fprintf(stderr, "knowledge: %s\n", naqib_last_error());
		return 1;
	}
	while (fgets(path, sizeof path, stdin)) {
		path[strcspn(path, "\n")] = '\0';
		char *data;
		if (!*path || cli_read_file(path, &data, &len)) {
			fprintf(stderr, "knowledge: cannot read '%s'\n", path);
			continue;
		}
		fmt_callbacks_t cb = { .doc = on_doc, .bad = on_bad, .ctx = path };
		fmt_read(NULL, path, data, len, &cb);
		free(data);
	}
	naqib_thesaurus_destroy(th);
	naqib_analyzer_destroy(an);
	return 0;
}
