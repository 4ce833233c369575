/* Fuzzes the e-mail readers (indexer/formats/mail.c) with GMime and
 * libxml2 under them: the first byte picks the message reader (.eml) or
 * the mailbox one (mbox), the rest is the file, NUL-terminated as the
 * indexer leaves it.  Every document found, the message's and those of
 * its attachments (read by their formats through fmt_read_nested()),
 * keeps the promises: valid UTF-8 in every field, an id made from the
 * file's (FILE, FILE#N, FILE#name), a parent that is the start of its id,
 * a date naqib reads or none, and a record that decodes to itself. */
#include "formats/formats.h"
#include "fuzz.h"

static const char *path;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	return 0;
}

static void check_field(const char *s)
{
	if (s)
		FUZZ_ASSERT(fuzz_utf8(s, strlen(s)));
}

static int on_doc(const fmt_doc_t *d, void *ctx)
{
	naqib_record_t rec = d->rec, back;
	char *data = NULL, date[11];
	size_t len, pl = strlen(path);

	(void)ctx;
	FUZZ_ASSERT(d->line >= 1);
	FUZZ_ASSERT(rec.id && !strncmp(rec.id, path, pl));
	FUZZ_ASSERT(rec.id[pl] == '\0' || rec.id[pl] == '#');
	FUZZ_ASSERT(rec.body || rec.title);
	check_field(rec.id);
	check_field(rec.title);
	check_field(rec.date);
	check_field(rec.path);
	check_field(rec.body);
	check_field(rec.author);
	check_field(rec.format);
	check_field(rec.parent);
	if (rec.parent && *rec.parent) {
		size_t n = strlen(rec.parent);
		FUZZ_ASSERT(!strncmp(rec.id, rec.parent, n) && rec.id[n] == '#');
	}
	if (rec.title)
		FUZZ_ASSERT(!strchr(rec.title, '\n'));
	naqib_date_normalize(rec.date, date);
	FUZZ_ASSERT(strlen(date) == 0 || strlen(date) == 10);
	FUZZ_OK(naqib_record_encode(&rec, &data, &len));
	FUZZ_OK(naqib_record_decode(data, len, &back));
#define SAME(f) FUZZ_ASSERT(!strcmp(rec.f ? rec.f : "", back.f))
	SAME(id);
	SAME(title);
	SAME(body);
	SAME(author);
	SAME(parent);
#undef SAME
	free(data);
	return 0;
}

static void on_bad(size_t line, const char *message, void *ctx)
{
	(void)line;
	(void)ctx;
	FUZZ_ASSERT(message && *message);
	FUZZ_ASSERT(fuzz_utf8(message, strlen(message)));
}

static void on_note(const char *message, void *ctx)
{
	(void)ctx;
	FUZZ_ASSERT(message && *message);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const fmt_callbacks_t cb = { .doc = on_doc, .bad = on_bad,
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
