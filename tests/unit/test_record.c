/* The stored document record and the metadata dates. */
#include <stdlib.h>

#include "check.h"
#include "naqib.h"

static void date_is(const char *in, const char *want)
{
	char out[11];
	int st = naqib_date_normalize(in, out);

	CHECK(st == (*want ? NAQIB_OK : NAQIB_E_INVALID));
	CHECK_STR(out, want, in);
}

int main(void)
{
	naqib_record_t r = { "id-1", "عنوان", "2025-10-14", "https://x/ي",
			     "بلاغ", "corpus/a.txt", "النص\nالكامل" };
	naqib_record_t d;
	char *data;
	size_t len;

	CHECK(naqib_record_encode(&r, &data, &len) == NAQIB_OK);
	CHECK(naqib_record_decode(data, len, &d) == NAQIB_OK);
	CHECK_STR(d.id, r.id, "id");
	CHECK_STR(d.title, r.title, "title");
	CHECK_STR(d.date, r.date, "date");
	CHECK_STR(d.url, r.url, "url");
	CHECK_STR(d.source, r.source, "source");
	CHECK_STR(d.path, r.path, "path");
	CHECK_STR(d.body, r.body, "body");
	/* Every truncation is caught, never read past the end. */
	for (size_t n = 0; n < len; n++) {
		char *cut = malloc(n ? n : 1);
		memcpy(cut, data, n);
		CHECK(naqib_record_decode(cut, n, &d) != NAQIB_OK);
		free(cut);
	}
	free(data);
	/* Missing fields are "". */
	naqib_record_t sparse = { "x", NULL, NULL, NULL, NULL, NULL, "b" };
	CHECK(naqib_record_encode(&sparse, &data, &len) == NAQIB_OK);
	CHECK(naqib_record_decode(data, len, &d) == NAQIB_OK);
	CHECK_STR(d.title, "", "empty title");
	free(data);
	CHECK(naqib_record_decode("junk", 4, &d) != NAQIB_OK);

	date_is("2017-01-25T14:36:00+01:00", "2017-01-25");
	date_is("2025-10-14", "2025-10-14");
	date_is("2017/01/25", "2017-01-25");
	date_is("10/10/2016", "2016-10-10");
	date_is("14-10-2025", "2025-10-14");
	date_is("Sun, 15 Jul 2018 21:56:56 +0400", "2018-07-15");
	date_is("Fri, 30 Mar 2018 18:07:46 GMT", "2018-03-30");
	date_is("29/02/2024", "2024-02-29");
	date_is("29/02/2023", "");
	date_is("31/04/2025", "");
	date_is("2025-13-01", "");
	date_is("yesterday", "");
	date_is("", "");
	return check_done("record");
}
