/* Fuzzes the PDF reader (indexer/formats/pdf.c: poppler-glib from memory,
 * then the Arabic repairs) and, on the text it gives, the repairs again
 * with every combination of flags (arabic.h): a document keeps the
 * readers' promises (fuzz_check_doc()), a bad file is a message.
 * Seeds: the PDFs of corpus/files/pdf (fuzz/seeds.sh). */
#include "formats/arabic.h"
#include "fuzz.h"

extern const fmt_format_t fmt_pdf;

static int on_doc(const fmt_doc_t *d, void *ctx)
{
	(void)ctx;
	fuzz_check_doc(d, 0);
	FUZZ_ASSERT(d->rec.body && *d->rec.body);
	FUZZ_ASSERT(d->rec.title);
	/* Each repair alone keeps the text valid UTF-8. */
	for (unsigned what = 0; what <= FMT_AR_ALL; what += 7) {
		char *out;
		size_t n;
		FUZZ_OK(fmt_arabic_repair(d->rec.body, strlen(d->rec.body),
					  what, &out, &n));
		FUZZ_ASSERT(fuzz_utf8(out, n));
		free(out);
	}
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const fmt_callbacks_t cb = { .doc = on_doc, .bad = fuzz_on_bad };
	char *s = fuzz_cstr(data, size);

	FUZZ_OK(fmt_pdf.read("fuzz/input.pdf", s, size, &cb));
	/* The repairs on the bytes themselves, valid UTF-8 or not. */
	char *out;
	size_t n;
	FUZZ_OK(fmt_arabic_repair(s, size, FMT_AR_ALL, &out, &n));
	FUZZ_ASSERT(fuzz_utf8(out, n));
	free(out);
	free(s);
	return 0;
}
