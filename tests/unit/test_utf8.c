/* Strict UTF-8 checking, with the offset of the first bad byte; where a
 * message cuts a string it quotes. */
#include "check.h"
#include "internal.h"

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

/* _naqib_utf8_cut(s, strlen(s), max): never inside a sequence. */
static const struct {
	const char *name, *s;
	size_t max, want;
} cuts[] = {
	{ "a string that fits is whole", "نقابة", 10, 10 },
	{ "ASCII is cut at max", "abcdef", 4, 4 },
	{ "at a boundary: max", "نقابة", 4, 4 },
	{ "inside a 2-byte letter: before it", "نقابة", 5, 4 },
	{ "inside a 3-byte character: before it", "a\xE2\x80\xA6" "b", 3, 1 },
	{ "after the 2nd of 3 bytes: before it", "a\xE2\x80\xA6" "b", 2, 1 },
	{ "just after a 3-byte character: max", "a\xE2\x80\xA6" "b", 4, 4 },
	{ "inside a 4-byte character: before it", "\xF0\x9F\x98\x80x", 3, 0 },
	{ "a stray continuation byte counts one", "ab\x80\x80\x80\x80\x80", 5, 5 },
	{ "an invalid lead byte counts one", "a\xFF\xFF" "b", 2, 2 },
	{ "max 0", "نقابة", 0, 0 },
};

int main(void)
{
	for (size_t i = 0; i < CHECK_N(cuts); i++) {
		check_begin("cut: %s", cuts[i].name);
		size_t got = _naqib_utf8_cut(cuts[i].s, strlen(cuts[i].s),
					     cuts[i].max);
		CHECK(got == cuts[i].want);
		if (got != cuts[i].want)
			check_note("  cut at %zu, want %zu", got, cuts[i].want);
		check_end();
	}
	/* naqib_last_error() of a message longer than its buffer. */
	for (size_t odd = 0; odd < 2; odd++) {
		char name[3000];
		size_t n = 0;
		if (odd)
			name[n++] = 'x';
		while (n + 2 < sizeof name) {
			memcpy(name + n, "\xD9\x86", 2); /* ن */
			n += 2;
		}
		name[n] = '\0';
		check_begin("a message too long for its buffer ends at a letter "
			    "(%s)", odd ? "odd" : "even");
		_naqib_fail(NAQIB_E_INVALID, "no document with id '%s'", name);
		const char *m = naqib_last_error();
		CHECK(strlen(m) > 1000);
		CHECK(naqib_utf8_check(m, strlen(m), NULL) == NAQIB_OK);
		check_end();
	}
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
