/* The stored document record and the metadata dates. */
#include <stdlib.h>

#include "check.h"
#include "naqib.h"

static const naqib_record_t full = { "id-1", "عنوان", "2025-10-14",
				     "https://x/ي", "بلاغ", "corpus/a.txt",
				     "النص\nالكامل", "الكاتب العام", "pdf",
				     "mail/a.eml", 12, 87,
				     NAQIB_RECORD_OCR };

static void every_field_comes_back(void)
{
	naqib_record_t d;
	char *data;
	size_t len;

	CHECK(naqib_record_encode(&full, &data, &len) == NAQIB_OK);
	CHECK(naqib_record_decode(data, len, &d) == NAQIB_OK);
	CHECK_STR(d.id, full.id, "id");
	CHECK_STR(d.title, full.title, "title");
	CHECK_STR(d.date, full.date, "date");
	CHECK_STR(d.url, full.url, "url");
	CHECK_STR(d.source, full.source, "source");
	CHECK_STR(d.path, full.path, "path");
	CHECK_STR(d.body, full.body, "body");
	CHECK_STR(d.author, full.author, "author");
	CHECK_STR(d.format, full.format, "format");
	CHECK_STR(d.parent, full.parent, "parent");
	CHECK(d.pages == 12 && d.ocr_confidence == 87 &&
	      d.flags == NAQIB_RECORD_OCR);
	/* Every truncation is caught, never read past the end. */
	for (size_t n = 0; n < len; n++) {
		char *cut = malloc(n ? n : 1);
		memcpy(cut, data, n);
		CHECK(naqib_record_decode(cut, n, &d) != NAQIB_OK);
		free(cut);
	}
	free(data);
}

static void missing_fields_are_empty(void)
{
	naqib_record_t sparse = { .id = "x", .body = "b" };
	naqib_record_t d;
	char *data;
	size_t len;

	CHECK(naqib_record_encode(&sparse, &data, &len) == NAQIB_OK);
	CHECK(naqib_record_decode(data, len, &d) == NAQIB_OK);
	CHECK_STR(d.title, "", "empty title");
	free(data);
}

/* Data that naqib 0.1 stored (NQR1: seven strings, no numbers) is read,
 * the new fields empty, so that an existing database stays searchable. */
static void first_version_is_read(void)
{
	static const char v1[] = "NQR1\1a\0\1t\0\0\0\0\0\0\0\0\0\4body";
	naqib_record_t d;

	CHECK(naqib_record_decode(v1, sizeof v1, &d) == NAQIB_OK);
	CHECK_STR(d.id, "a", "id");
	CHECK_STR(d.title, "t", "title");
	CHECK_STR(d.body, "body", "body");
	CHECK_STR(d.author, "", "author");
	CHECK_STR(d.parent, "", "parent");
	CHECK(d.pages == 0 && d.flags == 0);
}

static void junk_is_refused(void)
{
	naqib_record_t d;

	CHECK(naqib_record_decode("junk", 4, &d) != NAQIB_OK);
}

static const check_case_t cases[] = {
	{ "a record comes back field by field, and every truncation of it is refused",
	  every_field_comes_back },
	{ "missing fields come back as \"\"", missing_fields_are_empty },
	{ "data that is no record is refused", junk_is_refused },
	{ "a record of naqib 0.1 (NQR1) is read, its new fields empty",
	  first_version_is_read },
};

/* Metadata dates as YYYY-MM-DD; "" where the date is refused. */
static const struct {
	const char *in, *want;
} dates[] = {
	{ "2017-01-25T14:36:00+01:00", "2017-01-25" },
	{ "2025-10-14", "2025-10-14" },
	{ "2017/01/25", "2017-01-25" },
	{ "10/10/2016", "2016-10-10" },
	{ "14-10-2025", "2025-10-14" },
	{ "Sun, 15 Jul 2018 21:56:56 +0400", "2018-07-15" },
	{ "Fri, 30 Mar 2018 18:07:46 GMT", "2018-03-30" },
	{ "29/02/2024", "2024-02-29" },
	{ "29/02/2023", "" },
	{ "31/04/2025", "" },
	{ "2025-13-01", "" },
	{ "yesterday", "" },
	{ "", "" },
};

int main(void)
{
	check_run(cases, CHECK_N(cases));
	for (size_t i = 0; i < CHECK_N(dates); i++) {
		const char *in = dates[i].in, *want = dates[i].want;
		char out[11];

		if (*want)
			check_begin("metadata date '%s' is %s", in, want);
		else
			check_begin("metadata date '%s' is refused", in);
		int st = naqib_date_normalize(in, out);
		CHECK(st == (*want ? NAQIB_OK : NAQIB_E_INVALID));
		CHECK_STR(out, want, in);
		check_end();
	}
	return check_done();
}
