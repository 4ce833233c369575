/* bench/doc-date: how well the document date naqib-index gives a text
 * without a date in its metadata matches the metadata, over a corpus whose
 * documents have one: the first full date of the text (the old rule) and
 * naqib_text_date() (the rule naqib-index follows), each as the share of
 * the documents with a date in the text dated right to the day and within
 * a day, and how many get no date.  Reads JSON Lines ({"date", "body"}) on
 * standard input; the date is only compared with, never read for the
 * inference.
 *
 *   xz -dc CORPUS.jsonl.xz | build/bench/doc-date */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "naqib.h"

static long days(const char *s)
{
	int y, m, d;
	if (sscanf(s, "%4d-%2d-%2d", &y, &m, &d) != 3)
		return 0;
	if (m <= 2) {
		y--;
		m += 12;
	}
	return 365L * y + y / 4 - y / 100 + y / 400 + (153 * (m - 3) + 2) / 5 + d;
}

typedef struct tally {
	long dated, exact, near;
} tally_t;

static void count(tally_t *t, const char *got, const char *want)
{
	if (!*got)
		return;
	long d = labs(days(got) - days(want));
	t->dated++;
	t->exact += d == 0;
	t->near += d <= 1;
}

static void show(const char *name, const tally_t *t, long of)
{
	printf("%-32s dated %6ld  none %6ld  right %5.1f %%  within a day %5.1f %%"
	       "  (of the dated: %5.1f %%, %5.1f %%)\n",
	       name, t->dated, of - t->dated, 100.0 * t->exact / (of ? of : 1),
	       100.0 * t->near / (of ? of : 1),
	       100.0 * t->exact / (t->dated ? t->dated : 1),
	       100.0 * t->near / (t->dated ? t->dated : 1));
}

int main(void)
{
	naqib_analyzer_options_t o;
	naqib_analyzer_t *a;
	char *line = NULL;
	size_t cap = 0;
	ssize_t len;
	long docs = 0, with_meta = 0, with_text = 0;
	tally_t old = { 0, 0, 0 }, now = { 0, 0, 0 }, how[6], old_how[6];

	memset(how, 0, sizeof how);
	memset(old_how, 0, sizeof old_how);
	naqib_analyzer_options_init(&o);
	if (naqib_analyzer_new(&o, &a)) {
		fprintf(stderr, "doc-date: %s\n", naqib_last_error());
		return 2;
	}
	while ((len = getline(&line, &cap, stdin)) > 0) {
		json_t *j = json_loadb(line, (size_t)len, 0, NULL);
		const char *body = json_string_value(json_object_get(j, "body"));
		const char *date = json_string_value(json_object_get(j, "date"));
		char meta[11], first[11] = "", own[11];
		const naqib_token_t *t;
		naqib_date_mention_t *d;
		size_t n, nd;

		docs++;
		if (!body || !date || naqib_date_normalize(date, meta) ||
		    naqib_analyze(a, body, strlen(body), &t, &n) ||
		    naqib_dates_find(t, n, body, strlen(body), NULL, &d, &nd)) {
			json_decref(j);
			continue;
		}
		with_meta++;
		if (nd) {
			with_text++;
			snprintf(first, sizeof first, "%04u-%02u-%02u",
				 (unsigned)d[0].year % 10000,
				 (unsigned)d[0].month % 100,
				 (unsigned)d[0].day % 100);
			count(&old, first, meta);
		}
		naqib_text_date_t h = naqib_text_date(t, n, body, strlen(body),
						      d, nd, own);
		if (nd) {
			count(&now, own, meta);
			count(&how[h], own, meta);
			/* The old rule on the same texts (and on those the
			 * new one leaves undated: h 0). */
			count(&old_how[h], first, meta);
		}
		free(d);
		json_decref(j);
	}
	free(line);
	naqib_analyzer_destroy(a);
	printf("documents %ld, with a metadata date %ld, of those with a full "
	       "date in the text %ld\n", docs, with_meta, with_text);
	show("old rule (first date)", &old, with_text);
	show("new rule (naqib_text_date)", &now, with_text);
	for (int k = 1; k < 6; k++) {
		char name[64];
		snprintf(name, sizeof name, "  by %s",
			 naqib_text_date_name((naqib_text_date_t)k));
		show(name, &how[k], with_text);
		show("    the first date on those", &old_how[k], with_text);
	}
	show("  the first date on the undated", &old_how[0], with_text);
	return 0;
}
