/* What became of each file of a run (indexer.h): every file is counted,
 * by what became of it, so that a folder of PDFs, spreadsheets and photos
 * never goes in silently short of what it holds; -v names each file, and
 * --summary-format json gives it all to a script. */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "indexer.h"

/* The summary's words for each outcome, -v's, the JSON key. */
static const struct {
	const char *text, *verbose, *key;
} outcomes[OUT_COUNT] = {
	[OUT_INDEXED] = { "indexed", "indexed", "indexed" },
	[OUT_UNCHANGED] = { "unchanged", "unchanged", "unchanged" },
	[OUT_UNSUPPORTED] = { "unsupported", "unsupported", "unsupported" },
	[OUT_NO_OCR] = { "for --ocr", "needs --ocr", "needs_ocr" },
	[OUT_TOO_LARGE] = { "too large", "too large", "too_large" },
	[OUT_UNREADABLE] = { "unreadable", "unreadable", "unreadable" },
	[OUT_FAILED] = { "failed", "failed", "failed" },
	[OUT_EMPTY] = { "empty", "empty", "empty" },
};

void summary_init(indexer_t *x)
{
	memset(&x->files_st, 0, sizeof x->files_st);
	x->files_st.tail = &x->files_st.notes;
}

static void tally(tally_t *t, const char *name)
{
	for (size_t i = 0; i < t->count; i++)
		if (!strcmp(t->name[i], name)) {
			t->n[i]++;
			return;
		}
	if (t->count == TALLY_MAX) {
		t->other++;
		return;
	}
	snprintf(t->name[t->count], sizeof t->name[0], "%s", name);
	t->n[t->count++] = 1;
}

void summary_file(indexer_t *x, const char *path, outcome_t o,
		  const char *format, unsigned long documents,
		  const char *reason)
{
	files_stats_t *fs = &x->files_st;

	fs->n[o]++;
	if (o == OUT_INDEXED && format)
		tally(&fs->formats, format);
	if (o == OUT_UNSUPPORTED)
		tally(&fs->types, format && *format ? format : "(none)");
	if (x->verbose && !x->summary_json) {
		if (o == OUT_INDEXED)
			cli_error("indexed '%s' (%s, %lu document%s)", path,
				  format ? format : "?", documents,
				  documents == 1 ? "" : "s");
		else
			cli_error("%s '%s'%s%s", outcomes[o].verbose, path,
				  reason && *reason ? ": " : "",
				  reason ? reason : "");
	}
	/* The JSON summary lists the files not indexed; with -v, all. */
	if (!x->summary_json ||
	    (!x->verbose && (o == OUT_INDEXED || o == OUT_UNCHANGED)))
		return;
	file_note_t *n = calloc(1, sizeof *n);
	if (!n || !(n->path = strdup(path)) ||
	    (format && !(n->format = strdup(format))) ||
	    (reason && *reason && !(n->reason = strdup(reason)))) {
		if (n) {
			free(n->path);
			free(n->format);
		}
		free(n);
		return; /* out of memory: the counts are still right */
	}
	n->outcome = o;
	n->documents = documents;
	*fs->tail = n;
	fs->tail = &n->next;
}

void summary_encoding(indexer_t *x, const char *encoding)
{
	tally(&x->files_st.encodings, encoding);
}

/* The most first, then by name: the same line whatever the order the
 * files came in. */
static void sort_tally(tally_t *t)
{
	for (size_t i = 1; i < t->count; i++)
		for (size_t k = i; k > 0 && (t->n[k] > t->n[k - 1] ||
					     (t->n[k] == t->n[k - 1] &&
					      strcmp(t->name[k], t->name[k - 1]) < 0));
		     k--) {
			char name[sizeof t->name[0]];
			unsigned long n = t->n[k];
			memcpy(name, t->name[k], sizeof name);
			memcpy(t->name[k], t->name[k - 1], sizeof name);
			memcpy(t->name[k - 1], name, sizeof name);
			t->n[k] = t->n[k - 1];
			t->n[k - 1] = n;
		}
}

/* "32 txt, 2 pdf". */
static void put_tally(FILE *f, const tally_t *t)
{
	for (size_t i = 0; i < t->count; i++)
		fprintf(f, "%s%lu %s", i ? ", " : "", t->n[i], t->name[i]);
	if (t->other)
		fprintf(f, "%s%lu other", t->count ? ", " : "", t->other);
}

static json_t *tally_json(const tally_t *t)
{
	json_t *o = json_object();

	for (size_t i = 0; i < t->count; i++)
		json_object_set_new(o, t->name[i], json_integer((json_int_t)t->n[i]));
	if (t->other)
		json_object_set_new(o, "other", json_integer((json_int_t)t->other));
	return o;
}

static void print_json(indexer_t *x, const stats_t *d, double secs)
{
	files_stats_t *fs = &x->files_st;
	json_t *root = json_object(), *docs = json_object();
	json_t *files = json_object(), *list = json_array();

	json_object_set_new(docs, "added", json_integer((json_int_t)d->added));
	json_object_set_new(docs, "replaced", json_integer((json_int_t)d->replaced));
	json_object_set_new(docs, "unchanged", json_integer((json_int_t)d->unchanged));
	json_object_set_new(docs, "failed", json_integer((json_int_t)d->failed));
	json_object_set_new(docs, "truncated", json_integer((json_int_t)d->truncated));
	json_object_set_new(root, "documents", docs);
	for (int o = 0; o < OUT_COUNT; o++)
		json_object_set_new(files, outcomes[o].key,
				    json_integer((json_int_t)fs->n[o]));
	json_object_set_new(files, "indexed_by_format", tally_json(&fs->formats));
	json_object_set_new(files, "unsupported_by_type", tally_json(&fs->types));
	json_object_set_new(root, "files", files);
	json_object_set_new(root, "encodings", tally_json(&fs->encodings));
	for (file_note_t *n = fs->notes; n; n = n->next) {
		json_t *e = json_object();
		json_object_set_new(e, "path", json_string(n->path));
		json_object_set_new(e, "outcome", json_string(outcomes[n->outcome].key));
		if (n->format)
			json_object_set_new(e, n->outcome == OUT_UNSUPPORTED ?
					    "type" : "format",
					    json_string(n->format));
		if (n->outcome == OUT_INDEXED)
			json_object_set_new(e, "documents",
					    json_integer((json_int_t)n->documents));
		if (n->reason)
			json_object_set_new(e, "reason", json_string(n->reason));
		json_array_append_new(list, e);
	}
	json_object_set_new(root, "list", list);
	json_object_set_new(root, "bytes", json_integer((json_int_t)d->bytes));
	json_object_set_new(root, "seconds", json_real(secs));
	json_object_set_new(root, "interrupted", json_boolean(ingest_interrupted));
	char *s = json_dumps(root, JSON_COMPACT);
	if (s)
		printf("%s\n", s);
	free(s);
	fflush(stdout);
	json_decref(root);
}

void summary_print(indexer_t *x, const stats_t *docs, double secs)
{
	files_stats_t *fs = &x->files_st;

	sort_tally(&fs->formats);
	sort_tally(&fs->types);
	sort_tally(&fs->encodings);
	if (x->summary_json) {
		print_json(x, docs, secs);
		return;
	}
	if (x->quiet)
		return;
	unsigned long total = 0, problems = 0;
	for (int o = 0; o < OUT_COUNT; o++)
		total += fs->n[o];
	for (int o = OUT_UNSUPPORTED; o < OUT_COUNT; o++)
		problems += fs->n[o];
	/* One file read as it should be: the documents' line says it all. */
	if (total == 1 && fs->n[OUT_INDEXED] == 1 && !fs->encodings.count)
		return;
	fprintf(stderr, "naqib-index: %lu file%s: %lu indexed", total,
		total == 1 ? "" : "s", fs->n[OUT_INDEXED]);
	if (fs->formats.count) {
		fputs(" (", stderr);
		put_tally(stderr, &fs->formats);
		fputc(')', stderr);
	}
	for (int o = OUT_UNCHANGED; o < OUT_COUNT; o++) {
		if (!fs->n[o])
			continue;
		fprintf(stderr, ", %lu %s", fs->n[o], outcomes[o].text);
		if (o == OUT_UNSUPPORTED) {
			fputs(" (", stderr);
			put_tally(stderr, &fs->types);
			fputc(')', stderr);
		}
	}
	if (problems && !x->verbose)
		fputs("; -v names them", stderr);
	fputc('\n', stderr);
	if (fs->encodings.count) {
		unsigned long n = fs->encodings.other;
		for (size_t i = 0; i < fs->encodings.count; i++)
			n += fs->encodings.n[i];
		fprintf(stderr, "naqib-index: %lu text%s not in UTF-8, read as ",
			n, n == 1 ? "" : "s");
		for (size_t i = 0; i < fs->encodings.count; i++)
			fprintf(stderr, "%s%s (%lu)", i ? ", " : "",
				fs->encodings.name[i], fs->encodings.n[i]);
		fputs("; --encoding says otherwise\n", stderr);
	}
}

void summary_free(indexer_t *x)
{
	for (file_note_t *n = x->files_st.notes, *next; n; n = next) {
		next = n->next;
		free(n->path);
		free(n->format);
		free(n->reason);
		free(n);
	}
	x->files_st.notes = NULL;
	x->files_st.tail = &x->files_st.notes;
}
