/* Fuzzes the reader of HTML pages (indexer/formats/html.c): the input is
 * the page (its encoding found from its bytes, as a file's would be).
 * Every document found keeps the readers' promises: valid UTF-8
 * everywhere, a title that is a line (a made one of about TITLE_CHARS
 * characters at most), a date that reads, a record that decodes to
 * itself. */
#include "formats/formats.h"
#include "formats/reader.h"
#include "fuzz.h"
#include "util/util.h"

extern const fmt_format_t fmt_html;

static void check_field(const char *s)
{
	if (s)
		FUZZ_ASSERT(fuzz_utf8(s, strlen(s)));
}

static int on_doc(const fmt_doc_t *d, void *ctx)
{
	naqib_record_t rec = d->rec, back;
	char *data = NULL, date[11];
	size_t len;

	(void)ctx;
	FUZZ_ASSERT(rec.id && *rec.id && rec.title && rec.body);
	check_field(rec.title);
	check_field(rec.body);
	check_field(rec.author);
	check_field(rec.date);
	check_field(rec.url);
	FUZZ_ASSERT(rec.format && !strcmp(rec.format, "html"));
	FUZZ_ASSERT(!strchr(rec.title, '\n'));
	FUZZ_ASSERT(_naqib_utf8_count(rec.title, strlen(rec.title)) <=
		    TITLE_CHARS + 2);
	if (rec.date && *rec.date)
		FUZZ_ASSERT(naqib_date_normalize(rec.date, date) == NAQIB_OK);
	FUZZ_OK(naqib_record_encode(&rec, &data, &len));
	FUZZ_OK(naqib_record_decode(data, len, &back));
	FUZZ_ASSERT(!strcmp(rec.body, back.body));
	FUZZ_ASSERT(!strcmp(rec.url, back.url));
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
	const fmt_callbacks_t cb = { on_doc, on_bad, NULL };
	char *s = fuzz_cstr(data, size);

	FUZZ_OK(fmt_html.read("fuzz/input.html", s, size, &cb));
	free(s);
	return 0;
}
