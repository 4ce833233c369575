/* Fuzzes the e-mail readers (indexer/formats/mail.c) with GMime and
 * libxml2 under them: the first byte picks the message reader (.eml) or
 * the mailbox one (mbox), the rest is the file, NUL-terminated as the
 * indexer leaves it.  Every document found, the message's and those of
 * its attachments (read by their formats through fmt_read_nested()),
 * keeps the readers' promises (fuzz_check_doc(): valid UTF-8 in every
 * field, a title of one line, a record that decodes to itself, a document
 * the indexer makes) and a mail's: an id made from the file's (FILE,
 * FILE#N, FILE#name), a parent that is the start of its id. */
#include "fuzz.h"

static const char *path;

static int on_doc(const fmt_doc_t *d, void *ctx)
{
	const naqib_record_t *rec = &d->rec;
	size_t pl = strlen(path);

	(void)ctx;
	fuzz_check_doc(d, FUZZ_DOC_TITLE_LINE);
	FUZZ_ASSERT(!strncmp(rec->id, path, pl));
	FUZZ_ASSERT(rec->id[pl] == '\0' || rec->id[pl] == '#');
	if (rec->parent && *rec->parent) {
		size_t n = strlen(rec->parent);
		FUZZ_ASSERT(!strncmp(rec->id, rec->parent, n) &&
			    rec->id[n] == '#');
	}
	return 0;
}

static void on_note(const char *message, void *ctx)
{
	(void)ctx;
	FUZZ_ASSERT(message && *message);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const fmt_callbacks_t cb = { .doc = on_doc, .bad = fuzz_on_bad,
				     .note = on_note, .ctx = NULL };

	if (!size)
		return 0;
	int mbox = data[0] & 1;
	const fmt_format_t *f = fmt_named(mbox ? "mbox" : "mail");
	FUZZ_ASSERT(f);
	path = mbox ? "fuzz/input.mbox" : "fuzz/input.eml";
	char *s = fuzz_cstr(data + 1, size - 1);
	FUZZ_OK(fmt_read(f, path, s, size - 1, &cb));
	free(s);
	return 0;
}
