/* Fuzzes the PDF reader (indexer/formats/pdf.c: poppler-glib from memory,
 * its glyphs laid out again, then the Arabic repairs) and, on the text it
 * gives, the repairs again with every combination of flags (arabic.h): a
 * document keeps the readers' promises (fuzz_check_doc()), a bad file is
 * a message.  The layout (layout.h) is fuzzed on its own too, on glyphs
 * made of the input's bytes.
 * Seeds: the PDFs of corpus/files/pdf (fuzz/seeds.sh). */
#include "formats/arabic.h"
#include "formats/layout.h"
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
	/* Glyphs of 9 bytes each: a code point (Arabic, Latin, marks,
	 * digits, spaces: the low 11 bits, from U+0000), four coordinates
	 * and a line that only grows. */
	size_t ng = size / 9, line = 0;
	fmt_glyph_t *g = malloc((ng + 1) * sizeof *g);
	FUZZ_ASSERT(g);
	for (size_t i = 0; i < ng; i++) {
		const uint8_t *p = data + 9 * i;
		unsigned c = ((unsigned)p[0] << 8 | p[1]) & 0x7FF;
		line += p[8] & 1;
		g[i] = (fmt_glyph_t){ c > ' ' ? c : 0x627, p[2] * 2.0,
				      p[3] * 3.0, p[2] * 2.0 + p[4] / 8.0,
				      p[3] * 3.0 + (p[5] & 63) / 2.0,
				      line };
		if (p[6] == 0xFF)
			g[i].x0 = 0.0 / 0.0;
	}
	_naqib_buf_t b = NAQIB_BUF_INIT;
	FUZZ_OK(fmt_layout_text(g, ng, &b));
	FUZZ_ASSERT(fuzz_utf8(b.data, b.len));
	_naqib_buf_free(&b);
	free(g);
	return 0;
}
