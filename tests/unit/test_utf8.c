/* Strict UTF-8 checking, with the offset of the first bad byte. */
#include "check.h"
#include "naqib.h"

static const struct {
	const char *name, *s;
	size_t len;
} valid[] = {
	{ "the empty string", "", 0 },
	{ "ASCII", "abc", 3 },
	{ "Arabic", "نقابة", sizeof "نقابة" - 1 },
	{ "4 bytes (U+1F600)", "\xF0\x9F\x98\x80", 4 },
	{ "the noncharacter U+FFFF", "\xEF\xBF\xBF", 3 },
	{ "U+10FFFF, the last code point", "\xF4\x8F\xBF\xBF", 4 },
};

static const struct {
	const char *name, *s;
	size_t len, want; /* the offset of the first bad byte */
} bad[] = {
	{ "lone continuation byte", "ab\x80", 3, 2 },
	{ "truncated at the end", "نق\xD9", 5, 4 },
	{ "truncated in the middle", "x\xD9x", 3, 1 },
	{ "overlong '/'", "\xC0\xAF", 2, 0 },
	{ "overlong", "\xC1\xBF", 2, 0 },
	{ "overlong, 3 bytes", "\xE0\x80\xAF", 3, 0 },
	{ "overlong, 4 bytes", "\xF0\x80\x80\xAF", 4, 0 },
	{ "surrogate U+D800", "a\xED\xA0\x80", 4, 1 },
	{ "above U+10FFFF", "\xF4\x90\x80\x80", 4, 0 },
	{ "never valid lead byte", "\xF5\x80\x80\x80", 4, 0 },
	{ "0xFF", "\xFF", 1, 0 },
	{ "NUL", "abc\0def", 7, 3 },
	/* A common mistake in Arabic files. */
	{ "Windows-1256 bytes for نقابة", "\xE4\xDE\xC7\xC8\xC9", 5, 0 },
};

int main(void)
{
	for (size_t i = 0; i < CHECK_N(valid); i++) {
		size_t off;
		check_begin("valid: %s", valid[i].name);
		CHECK(naqib_utf8_check(valid[i].s, valid[i].len, &off) == NAQIB_OK);
		check_end();
	}
	for (size_t i = 0; i < CHECK_N(bad); i++) {
		size_t off = (size_t)-1;
		check_begin("refused at byte %zu: %s", bad[i].want, bad[i].name);
		CHECK(naqib_utf8_check(bad[i].s, bad[i].len, &off) == NAQIB_E_UTF8);
		CHECK(off == bad[i].want);
		if (off != bad[i].want)
			check_note("  offset %zu, want %zu", off, bad[i].want);
		check_end();
	}
	return check_done();
}
