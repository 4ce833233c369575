/* Fuzzes the reader of Word and OpenDocument files (indexer/formats/
 * office.c).  An input that starts with "PK" is the file itself (libzip
 * reads it: the archive's structure, its sizes, its compression); any
 * other is the XML of the main part, wrapped here into a stored archive
 * with the parts around it, so that the fuzzer works on the XML walk
 * rather than on CRCs: its first byte even, word/document.xml of a Word
 * file; odd, content.xml of an OpenDocument text.  Every document found
 * keeps the readers' promises (fuzz_check_doc(): valid UTF-8 everywhere,
 * a title that is a line, a made one of about TITLE_CHARS characters at
 * most, a date that reads, a record that decodes to itself, a document
 * the indexer makes). */
#include <zlib.h>

#include "fuzz.h"

extern const fmt_format_t fmt_docx;

static int on_doc(const fmt_doc_t *d, void *ctx)
{
	(void)ctx;
	fuzz_check_doc(d, FUZZ_DOC_TITLE_LINE | FUZZ_DOC_DATE_READS);
	FUZZ_ASSERT(d->rec.title && d->rec.body);
	FUZZ_ASSERT(d->rec.format && (!strcmp(d->rec.format, "docx") ||
				      !strcmp(d->rec.format, "odt")));
	return 0;
}

/* A stored ZIP archive of the parts named, written by hand. */
typedef struct entry {
	const char *name;
	const char *data;
	size_t len;
} entry_t;

static void le(_naqib_buf_t *b, unsigned long v, int bytes)
{
	for (int i = 0; i < bytes; i++)
		_naqib_buf_addc(b, (char)((v >> (8 * i)) & 0xff));
}

static char *stored_zip(const entry_t *e, size_t n, size_t *len)
{
	_naqib_buf_t z = NAQIB_BUF_INIT, cd = NAQIB_BUF_INIT;

	for (size_t i = 0; i < n; i++) {
		unsigned long crc = crc32(0L, (const Bytef *)e[i].data,
					  (uInt)e[i].len);
		unsigned long at = (unsigned long)z.len;
		size_t nl = strlen(e[i].name);
		le(&z, 0x04034b50, 4);
		le(&z, 20, 2);
		le(&z, 0, 2);
		le(&z, 0, 2); /* stored */
		le(&z, 0, 4);
		le(&z, crc, 4);
		le(&z, e[i].len, 4);
		le(&z, e[i].len, 4);
		le(&z, nl, 2);
		le(&z, 0, 2);
		_naqib_buf_add(&z, e[i].name, nl);
		_naqib_buf_add(&z, e[i].data, e[i].len);
		le(&cd, 0x02014b50, 4);
		le(&cd, 20, 2);
		le(&cd, 20, 2);
		le(&cd, 0, 2);
		le(&cd, 0, 2);
		le(&cd, 0, 4);
		le(&cd, crc, 4);
		le(&cd, e[i].len, 4);
		le(&cd, e[i].len, 4);
		le(&cd, nl, 2);
		le(&cd, 0, 2);
		le(&cd, 0, 2);
		le(&cd, 0, 2);
		le(&cd, 0, 2);
		le(&cd, 0, 4);
		le(&cd, at, 4);
		_naqib_buf_add(&cd, e[i].name, nl);
	}
	unsigned long cd_at = (unsigned long)z.len;
	_naqib_buf_add(&z, cd.data, cd.len);
	le(&z, 0x06054b50, 4);
	le(&z, 0, 2);
	le(&z, 0, 2);
	le(&z, n, 2);
	le(&z, n, 2);
	le(&z, cd.len, 4);
	le(&z, cd_at, 4);
	le(&z, 0, 2);
	_naqib_buf_free(&cd);
	FUZZ_ASSERT(!z.failed);
	return _naqib_buf_detach(&z, len);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const fmt_callbacks_t cb = { .doc = on_doc, .bad = fuzz_on_bad };
	char *s;
	size_t len;

	if (size >= 2 && data[0] == 'P' && data[1] == 'K') {
		s = fuzz_cstr(data, size);
		len = size;
	} else if (size >= 1) {
		static const char types[] =
			"<?xml version=\"1.0\"?><Types xmlns=\"http://schemas."
			"openxmlformats.org/package/2006/content-types\"/>";
		static const char mime[] =
			"application/vnd.oasis.opendocument.text";
		const char *xml = (const char *)data + 1;
		size_t xl = size - 1;
		/* The XML, also as the notes, a header and the styles: the
		 * walks over those parts are other code. */
		entry_t docx[] = {
			{ "[Content_Types].xml", types, sizeof types - 1 },
			{ "word/document.xml", xml, xl },
			{ "word/footnotes.xml", xml, xl },
			{ "word/header1.xml", xml, xl },
			{ "word/styles.xml", xml, xl },
			{ "docProps/core.xml", xml, xl },
		};
		entry_t odt[] = {
			{ "mimetype", mime, sizeof mime - 1 },
			{ "content.xml", xml, xl },
			{ "styles.xml", xml, xl },
			{ "meta.xml", xml, xl },
		};
		char *z = data[0] % 2
				  ? stored_zip(odt, sizeof odt / sizeof *odt, &len)
				  : stored_zip(docx, sizeof docx / sizeof *docx,
					       &len);
		s = fuzz_cstr((const uint8_t *)z, len);
		free(z);
	} else
		return 0;
	FUZZ_OK(fmt_docx.read("fuzz/input.docx", s, len, &cb));
	free(s);
	return 0;
}
