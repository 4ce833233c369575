/* Fuzzes the query front end and query execution as naqib.cgi runs them:
 * search_run() (naqib_query_parse(): our rewriting of the words, the
 * filters, Xapian's QueryParser; then naqib_db_search(), the snippets, the
 * explanation of each hit and the "did you mean"), then the JSON, text,
 * TREC and HTML renderings of the result.  The input is the query as typed
 * (cut at a NUL, as a C string is); the search options (sort, weighting,
 * facets, page) come from a hash of it.
 *
 * The database is built once at start-up in a temporary directory from the
 * sample corpus ($NAQIB_FUZZ_CORPUS, default corpus/), indexed as
 * naqib-index does with the built-in thesaurus, so that words, names,
 * dates and filters find something. */
#include <dirent.h>
#include <ftw.h>
#include <unistd.h>

#include <jansson.h>

#include "cli.h"
#include "formats/formats.h"
#include "fuzz.h"
#include "internal.h"
#include "outputs/outputs.h"
#include "search.h"


static char dir[] = "/tmp/naqib-fuzz-query-XXXXXX";
static naqib_db_t *db;
static naqib_analyzer_t *an;

/* ------------------------------------------------------------ the index */

typedef struct indexer {
	naqib_db_t *db;
	naqib_analyzer_t *an;
	unsigned docs;
} indexer_t;

static int on_doc(const fmt_doc_t *d, void *ctx)
{
	indexer_t *x = ctx;
	naqib_record_t rec = d->rec;
	naqib_doc_t *doc;

	FUZZ_OK(naqib_doc_from_record(x->an, &rec, NULL, &doc));
	FUZZ_OK(naqib_db_replace(x->db, rec.id, doc, NULL));
	naqib_doc_destroy(doc);
	x->docs++;
	return 0;
}

static void on_bad(size_t line, const char *message, void *ctx)
{
	(void)ctx;
	fprintf(stderr, "fuzz_query: corpus line %zu: %s\n", line, message);
}

static void index_file(indexer_t *x, const char *path)
{
	FILE *f = fopen(path, "rb");
	char *buf = NULL;
	size_t len = 0;
	const fmt_callbacks_t cb = { .doc = on_doc, .bad = on_bad, .ctx = x };

	if (!f)
		return;
	fseek(f, 0, SEEK_END);
	long n = ftell(f);
	fseek(f, 0, SEEK_SET);
	if (n > 0 && (buf = malloc((size_t)n + 1)))
		len = fread(buf, 1, (size_t)n, f);
	fclose(f);
	if (!buf)
		return;
	buf[len] = '\0';
	int unknown;
	const fmt_format_t *format = fmt_for_name(path, &unknown);
	if (!unknown)
		FUZZ_OK(fmt_read(format, path, buf, len, &cb));
	free(buf);
}

/* Used when the corpus is not where it is looked for. */
static const char fallback[] =
	"{\"id\":\"a\",\"title\":\"إضراب عام في قطاع الفوسفاط\",\"date\":"
	"\"2025-10-14\",\"source\":\"UMT\",\"body\":\"دعا الاتحاد المغربي "
	"للشغل إلى إضراب عام يوم 14 أكتوبر 2025 بخريبكة والدار البيضاء.\"}\n"
	"{\"id\":\"b\",\"title\":\"Grève générale\",\"body\":\"L'UGTT appelle "
	"à la grève à Tunis le 3 mai 2024. النقابات تطالب بالزيادة في "
	"الأجور.\"}\n";

/* Documents such as the readers of PDF, e-mail and images give (the
 * corpus is text), so that the queries that find them render a format,
 * pages, an author with markup in it, OCR and an attachment's link to its
 * message in every output. */
static const naqib_record_t provenance[] = {
	{ .id = "scans/bulletin.pdf", .title = "بلاغ إضراب الفوسفاط",
	  .path = "scans/bulletin.pdf", .body = "أعلن المكتب الوطني إضرابا "
	  "عاما في الفوسفاط يوم 14 أكتوبر 2025.", .author = "الكاتب العام",
	  .format = "pdf", .pages = 3, .ocr_confidence = 87,
	  .flags = NAQIB_RECORD_OCR },
	{ .id = "mail/a \"b\" »c«.eml", .title = "دعوة إلى الإضراب",
	  .path = "mail/a.eml", .body = "تجدون في المرفق بيان النقابة.",
	  .author = "Karim <k@umt.ma> & \"co\"", .format = "mail" },
	{ .id = "mail/a \"b\" »c«.eml#bayan.docx",
	  .title = "تدعو النقابة إلى إضراب يوم الخميس.",
	  .path = "mail/a.eml#bayan.docx", .body = "تدعو النقابة إلى إضراب يوم "
	  "الخميس. ويشمل الإضراب الفوسفاط.", .format = "docx",
	  .parent = "mail/a \"b\" »c«.eml",
	  .flags = NAQIB_RECORD_TITLE_FROM_TEXT },
};

static void build_index(void)
{
	const char *corpus = getenv("NAQIB_FUZZ_CORPUS");
	char path[4096];
	indexer_t x = { 0 };

	if (!corpus || !*corpus)
		corpus = "corpus";
	FUZZ_ASSERT(mkdtemp(dir));
	snprintf(path, sizeof path, "%s/db", dir);
	FUZZ_OK(naqib_db_open(path, NAQIB_DB_WRITE, &x.db));
	fuzz_analyzer_new(NULL, &x.an);
	FUZZ_OK(naqib_db_check_analyzer(x.db, x.an, 1));

	snprintf(path, sizeof path, "%s/texts", corpus);
	DIR *d = opendir(path);
	struct dirent *e;
	while (d && (e = readdir(d))) {
		if (e->d_name[0] == '.')
			continue;
		snprintf(path, sizeof path, "%s/texts/%s", corpus, e->d_name);
		index_file(&x, path);
	}
	if (d)
		closedir(d);
	snprintf(path, sizeof path, "%s/samples.jsonl", corpus);
	index_file(&x, path);
	snprintf(path, sizeof path, "%s/samples.trec", corpus);
	index_file(&x, path);
	for (size_t i = 0; i < sizeof provenance / sizeof *provenance; i++) {
		fmt_doc_t doc = { .rec = provenance[i] };
		on_doc(&doc, &x);
	}
	if (x.docs == sizeof provenance / sizeof *provenance) {
		char *copy = strdup(fallback);
		const fmt_callbacks_t cb = { .doc = on_doc, .bad = on_bad, .ctx = &x };
		FUZZ_ASSERT(copy);
		FUZZ_OK(fmt_read(fmt_named("jsonl"), "fallback.jsonl", copy,
				 strlen(copy), &cb));
		free(copy);
	}
	fprintf(stderr, "fuzz_query: %u documents indexed in %s\n", x.docs,
		dir);
	FUZZ_OK(naqib_db_commit(x.db));
	naqib_analyzer_destroy(x.an);
	naqib_db_close(x.db);
}

static int remove_one(const char *path, const struct stat *sb, int flag,
		      struct FTW *ftw)
{
	(void)sb;
	(void)flag;
	(void)ftw;
	return remove(path);
}

static void cleanup(void)
{
	naqib_analyzer_destroy(an);
	naqib_db_close(db);
	an = NULL;
	db = NULL;
	nftw(dir, remove_one, 16, FTW_DEPTH | FTW_PHYS);
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	char path[sizeof dir + 8];

	(void)argc;
	(void)argv;
	cli_prog = "fuzz_query";
	build_index();
	atexit(cleanup);
	/* As naqib.cgi opens it: a reader, the analyser stored in it. */
	snprintf(path, sizeof path, "%s/db", dir);
	FUZZ_OK(naqib_db_open(path, NAQIB_DB_READ, &db));
	FUZZ_OK(naqib_db_analyzer_new(db, &an));
	return 0;
}

/* ------------------------------------------------------------ a search */

static void check_json(const char *s, size_t n)
{
	json_error_t err;
	/* JSON Lines: one object, then a line break. */
	json_t *o = json_loadb(s, n, JSON_DISABLE_EOF_CHECK, &err);

	if (!o) {
		fprintf(stderr, "bad JSON output (%s): %.*s\n", err.text,
			(int)n, s);
		abort();
	}
	FUZZ_ASSERT(json_is_object(o));
	json_decref(o);
}

/* RFC 4180 after a BOM: every record has as many fields as the header,
 * and there is a record a hit. */
static void check_csv(const char *s, size_t n, size_t hits)
{
	size_t fields = 1, want = 0, records = 0, i = 3;
	int quoted = 0;

	FUZZ_ASSERT(n >= 3 && !memcmp(s, "\xEF\xBB\xBF", 3));
	for (; i < n; i++) {
		if (quoted) {
			if (s[i] == '"' && i + 1 < n && s[i + 1] == '"')
				i++;
			else if (s[i] == '"')
				quoted = 0;
			continue;
		}
		if (s[i] == '"') {
			FUZZ_ASSERT(i == 3 || s[i - 1] == ',' || s[i - 1] == '\n');
			quoted = 1;
		} else if (s[i] == ',') {
			fields++;
		} else if (s[i] == '\r') {
			FUZZ_ASSERT(i + 1 < n && s[i + 1] == '\n');
			if (!want)
				want = fields;
			FUZZ_ASSERT(fields == want);
			fields = 1;
			records++;
			i++;
		} else {
			FUZZ_ASSERT(s[i] != '\n');
		}
	}
	FUZZ_ASSERT(!quoted && fields == 1 && records == hits + 1);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *q = fuzz_cstr(data, size);
	uint32_t h = 2166136261u;
	size_t n_weightings = 0;

	while (naqib_weighting_name(n_weightings, NULL))
		n_weightings++;
	for (size_t i = 0; i < size; i++)
		h = (h ^ data[i]) * 16777619u;
	search_request_t req = {
		.query = q,
		.opts = {
			.offset = (h >> 4) % 4 ? 0 : 5,
			.limit = 10,
			.bm25_k1 = NAQIB_DEFAULT_BM25_K1,
			.bm25_b = NAQIB_DEFAULT_BM25_B,
			.exact_bonus = (h >> 6) % 2 ? -1 : 0.5,
			.proximity = (h >> 7) % 2 ? -1 : 0.5,
			.sort = (int)(h % 3),
			.facets = (h >> 2) % 2 ? 8 : 0,
			.facet_sample = (h >> 3) % 2 ? 500 : 0,
			.weighting = naqib_weighting_name((h >> 8) % n_weightings,
							  NULL),
		},
		.snippet_chars = 200,
		.explain = 1,
		.suggest = 1,
	};
	search_result_t res;
	int st = search_run(db, an, &req, &res);
	if (st) {
		/* What naqib.cgi answers with a 400: the user's mistake.
		 * Anything else would be a 500 for a query. */
		if (st != NAQIB_E_QUERY && st != NAQIB_E_UTF8 &&
		    st != NAQIB_E_INVALID) {
			fprintf(stderr, "query '%s': %s: %s\n", q,
				naqib_status_to_string(st), naqib_last_error());
			abort();
		}
		FUZZ_ASSERT(*naqib_last_error());
		free(q);
		return 0;
	}
	FUZZ_ASSERT(fuzz_utf8(q, strlen(q)));
	FUZZ_ASSERT(res.out.n <= req.opts.limit);
	if (res.out.suggestion)
		FUZZ_ASSERT(fuzz_utf8(res.out.suggestion,
				      strlen(res.out.suggestion)));
	for (size_t i = 0; i < res.out.n; i++) {
		const naqib_snippet_t *s = res.out.hits[i].snippet;
		FUZZ_ASSERT(s && fuzz_utf8(s->text, s->len));
		for (size_t k = 0; k < s->n_marks; k++)
			FUZZ_ASSERT(s->marks[2 * k] < s->marks[2 * k + 1] &&
				    s->marks[2 * k + 1] <= s->len);
	}

	/* Every output format of the table renders the result as UTF-8;
	 * JSON and CSV are well formed. */
	const out_format_t *f;
	for (size_t i = 0; (f = out_at(i)); i++) {
		_naqib_buf_t b = NAQIB_BUF_INIT;
		out_page_t page = { .result = &res.out, .query = q, .page = 1,
				    .limit = req.opts.limit,
				    .sort = req.opts.sort,
				    .color = (int)(h >> 9) % 2, .tag = "naqib",
				    .first = 1, .batch = (int)(h >> 10) % 2 };
		FUZZ_OK(f->render(&b, &page));
		FUZZ_ASSERT(fuzz_utf8(b.data, b.len));
		if (!strcmp(f->name, "json"))
			check_json(b.data, b.len);
		if (!strcmp(f->name, "csv"))
			check_csv(b.data, b.len, res.out.n);
		_naqib_buf_free(&b);
	}

	search_result_free(&res);
	free(q);
	return 0;
}
