/* Fuzzes naqib-index's input readers: fmt_sniff(), then every format of the
 * table (indexer/formats/registry.c) on a copy of the input each (they cut
 * the data in place; it is NUL-terminated at data[len] as the indexer
 * leaves it), as naqib-index --format NAME (or auto) would read that file.
 * Every document found goes through fuzz_check_doc(): what index_doc()
 * does short of the database write (analysis of title and body, the
 * thesaurus and dates: lib/schema/document.c, the Xapian document), the
 * record and its decoding. */
#include "formats/formats.h"
#include "fuzz.h"

/* The promises of every reader (fuzz_check_doc()), and those only: text
 * as it came (JSON Lines, TREC) may have a title of several lines and a
 * date naqib does not read. */
static int on_doc(const fmt_doc_t *d, void *ctx)
{
	(void)ctx;
	fuzz_check_doc(d, 0);
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const fmt_callbacks_t cb = { .doc = on_doc, .bad = fuzz_on_bad, .ctx = NULL };
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
