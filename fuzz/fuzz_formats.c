/* Fuzzes naqib-index's input readers: fmt_sniff(), then every format of the
 * table (indexer/formats/registry.c) on a copy of the input each (they cut
 * the data in place; it is NUL-terminated at data[len] as the indexer
 * leaves it), as naqib-index --format NAME (or auto) would read that file.  Every
 * document found goes through what index_doc() does short of the database
 * write: analysis of title and body, the thesaurus and dates
 * (lib/schema/document.c), the Xapian document, the record and its decoding. */
#include "formats/formats.h"
#include "fuzz.h"

static naqib_analyzer_t *an;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	naqib_thesaurus_t *th;
	size_t len;
	const char *text = naqib_thesaurus_builtin(&len);

	(void)argc;
	(void)argv;
	FUZZ_OK(naqib_analyzer_new(NULL, &an));
	FUZZ_OK(naqib_thesaurus_new(an, &th));
	FUZZ_OK(naqib_thesaurus_load(th, text, len, "built-in"));
	naqib_analyzer_set_thesaurus(an, th);
	return 0;
}

static void check_field(const char *s)
{
	if (s)
		FUZZ_ASSERT(fuzz_utf8(s, strlen(s)));
}

/* The tokens the indexer will make of a field keep their promises. */
static void check_tokens(const char *text)
{
	const naqib_token_t *t;
	size_t n;

	if (!text || !*text)
		return;
	FUZZ_OK(naqib_analyze(an, text, strlen(text), &t, &n));
	fuzz_check_tokens(t, n, strlen(text));
}

static int on_doc(const fmt_doc_t *d, void *ctx)
{
	naqib_record_t rec = d->rec, back;
	naqib_doc_t *doc = NULL;
	char *data = NULL, date[11];
	size_t len;
	int st;

	(void)ctx;
	FUZZ_ASSERT(d->line >= 1);
	FUZZ_ASSERT(rec.id && *rec.id);
	FUZZ_ASSERT(rec.body || rec.title);
	check_field(rec.id);
	check_field(rec.title);
	check_field(rec.date);
	check_field(rec.url);
	check_field(rec.source);
	check_field(rec.path);
	check_field(rec.body);

	naqib_date_normalize(rec.date, date);
	FUZZ_ASSERT(strlen(date) == 0 || strlen(date) == 10);
	check_tokens(rec.title);
	check_tokens(rec.body);
	st = naqib_doc_from_record(an, &rec, NULL, &doc);
	/* The readers hand over valid UTF-8: nothing else may fail. */
	if (st) {
		fprintf(stderr, "indexing failed: %s\n", naqib_last_error());
		abort();
	}
	/* The record, encoded, decodes to itself. */
	FUZZ_OK(naqib_record_encode(&rec, &data, &len));
	FUZZ_OK(naqib_record_decode(data, len, &back));
#define SAME(f) FUZZ_ASSERT(!strcmp(rec.f ? rec.f : "", back.f))
	SAME(id);
	SAME(title);
	SAME(date);
	SAME(url);
	SAME(source);
	SAME(path);
	SAME(body);
#undef SAME
	naqib_doc_destroy(doc);
	free(data);
	return 0;
}

static void on_bad(size_t line, const char *message, void *ctx)
{
	(void)line;
	(void)ctx;
	FUZZ_ASSERT(message && *message);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const fmt_callbacks_t cb = { .doc = on_doc, .bad = on_bad, .ctx = NULL };
	const fmt_format_t *f = fmt_sniff((const char *)data, size);

	/* Every format of the table reads anything. */
	FUZZ_ASSERT(f);
	for (size_t i = 0; (f = fmt_at(i)); i++) {
		char *s = fuzz_cstr(data, size);
		FUZZ_OK(fmt_read(f, "fuzz/input.txt", s, size, &cb));
		free(s);
	}
	return 0;
}
