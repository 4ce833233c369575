/* Strict UTF-8 checking, with the offset of the first bad byte. */
#include "check.h"
#include "naqib.h"

static void bad_at(const char *s, size_t len, size_t want)
{
	size_t off = (size_t)-1;

	CHECK(naqib_utf8_check(s, len, &off) == NAQIB_E_UTF8);
	CHECK(off == want);
	if (off != want)
		fprintf(stderr, "  offset %zu, want %zu\n", off, want);
}

int main(void)
{
	size_t off;

	CHECK(naqib_utf8_check("", 0, &off) == NAQIB_OK);
	CHECK(naqib_utf8_check("abc", 3, &off) == NAQIB_OK);
	CHECK(naqib_utf8_check("نقابة", strlen("نقابة"), &off) == NAQIB_OK);
	CHECK(naqib_utf8_check("\xF0\x9F\x98\x80", 4, &off) == NAQIB_OK);
	CHECK(naqib_utf8_check("\xEF\xBF\xBF", 3, &off) == NAQIB_OK);
	CHECK(naqib_utf8_check("\xF4\x8F\xBF\xBF", 4, &off) == NAQIB_OK);

	bad_at("ab\x80", 3, 2);               /* lone continuation byte */
	bad_at("نق\xD9", 5, 4);               /* truncated at the end */
	bad_at("x\xD9x", 3, 1);               /* truncated in the middle */
	bad_at("\xC0\xAF", 2, 0);             /* overlong '/' */
	bad_at("\xC1\xBF", 2, 0);             /* overlong */
	bad_at("\xE0\x80\xAF", 3, 0);         /* overlong, 3 bytes */
	bad_at("\xF0\x80\x80\xAF", 4, 0);     /* overlong, 4 bytes */
	bad_at("a\xED\xA0\x80", 4, 1);        /* surrogate U+D800 */
	bad_at("\xF4\x90\x80\x80", 4, 0);     /* above U+10FFFF */
	bad_at("\xF5\x80\x80\x80", 4, 0);     /* never valid lead byte */
	bad_at("\xFF", 1, 0);
	bad_at("abc\0def", 7, 3);             /* NUL */
	/* Windows-1256 bytes for نقابة, a common mistake in Arabic files. */
	bad_at("\xE4\xDE\xC7\xC8\xC9", 5, 0);
	return check_done("utf8");
}
