/* Fuzzes the reader of HTML pages (indexer/formats/html.c): the input is
 * the page (its encoding found from its bytes, as a file's would be).
 * Every document found keeps the readers' promises (fuzz_check_doc():
 * valid UTF-8 everywhere, a title that is a line, a date that reads, a
 * record that decodes to itself, a document the indexer makes), and a
 * page's: every title of about TITLE_CHARS characters at most. */
#include "fuzz.h"

extern const fmt_format_t fmt_html;

static int on_doc(const fmt_doc_t *d, void *ctx)
{
	(void)ctx;
	fuzz_check_doc(d, FUZZ_DOC_TITLE_LINE | FUZZ_DOC_DATE_READS);
	FUZZ_ASSERT(d->rec.title && d->rec.body);
	FUZZ_ASSERT(d->rec.format && !strcmp(d->rec.format, "html"));
	/* Every title, the page's own too, is cut to a line's length. */
	FUZZ_ASSERT(_naqib_utf8_count(d->rec.title, strlen(d->rec.title)) <=
		    TITLE_CHARS + 2);
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const fmt_callbacks_t cb = { .doc = on_doc, .bad = fuzz_on_bad };
	char *s = fuzz_cstr(data, size);

	FUZZ_OK(fmt_html.read("fuzz/input.html", s, size, &cb));
	free(s);
	return 0;
}
