/* Visual order for terminals without bidi (cli/bidi.c): known lines, exact
 * bytes; the same bytes as ICU's own ubidi_writeReordered() for lines
 * without escapes; colours kept on their words; shaping; line breaking. */
#include <stdlib.h>

#include <unicode/ubidi.h>
#include <unicode/ustring.h>

#include "check.h"
#include "bidi.h"
#include "naqib.h"

static char *visual(const char *in, int direction, int shape, unsigned width)
{
	cli_bidi_options_t o = { direction, shape, width };
	char *out = NULL;
	size_t len = 0;
	int st = cli_bidi_visual(in, strlen(in), &o, &out, &len);

	CHECK(st == NAQIB_OK);
	CHECK(!out || strlen(out) == len);
	return out;
}

static void visual_is(const char *in, const char *want, int direction,
		      int shape, unsigned width)
{
	char *got = visual(in, direction, shape, width);

	CHECK_STR(got, want, in);
	free(got);
}

/* What ubidi_writeReordered() makes of a line (no escapes), in UTF-8. */
static char *icu_reordered(const char *in)
{
	UErrorCode err = U_ZERO_ERROR;
	UChar u[512], v[512];
	int32_t n, m;
	static char out[2048];
	UBiDi *b = ubidi_open();

	u_strFromUTF8(u, 512, &n, in, -1, &err);
	ubidi_setPara(b, u, n, UBIDI_DEFAULT_LTR, NULL, &err);
	m = ubidi_writeReordered(b, v, 512,
				 UBIDI_DO_MIRRORING | UBIDI_KEEP_BASE_COMBINING,
				 &err);
	u_strToUTF8(out, sizeof out, NULL, v, m, &err);
	ubidi_close(b);
	CHECK(U_SUCCESS(err));
	return out;
}

/* Arabic with a Latin acronym and a year inside: the paragraph is right to
 * left (its first letter is Arabic), the Arabic words come out reversed,
 * UMT and 2025 read left to right in place.  Each line in visual order is
 * also what ICU's ubidi_writeReordered() makes of it. */
static const struct {
	const char *in, *want;
} lines[] = {
	{ "نقابة UMT تعلن إضراب 2025", "2025 بارضإ نلعت UMT ةباقن" },
	{ "أعلن الاتحاد المغربي للشغل (UMT) إضرابا يوم 14 أكتوبر 2025",
	  "2025 ربوتكأ 14 موي ابارضإ (UMT) لغشلل يبرغملا داحتالا نلعأ" },
	/* Left to right paragraph: only the Arabic run turns, and a number
	 * after Arabic words goes with them (rule N1: the space between R
	 * and a number is R), to their left. */
	{ "UMT: إضراب عام 2025", "UMT: 2025 ماع بارضإ" },
	{ "about 40 results, 1 to 2 (0.001 s)",
	  "about 40 results, 1 to 2 (0.001 s)" },
	/* Brackets are mirrored in a right-to-left run. */
	{ "(نقابة)", "(ةباقن)" },
	{ "«الحوار الاجتماعي»", "«يعامتجالا راوحلا»" },
	/* Diacritics stay after their letters. */
	{ "الإِضْرَابُ العَامُّ", "مُّاعَلا بُارَضْإِلا" },
	/* Eastern digits are numbers too: left to right. */
	{ "إضراب ٢٠٢٥", "٢٠٢٥ بارضإ" },
	{ "", "" },
};

/* Lines in visual order with the options of cli_bidi_visual(). */
static const struct {
	const char *name, *in, *want;
	int direction, shape;
	unsigned width;
} visuals[] = {
	{ "several lines: each one on its own", "إضراب عام\nabout 2 results\n",
	  "ماع بارضإ\nabout 2 results\n", CLI_DIR_AUTO, 0, 0 },
	/* A forced direction. */
	{ "a Latin-first line read as right to left", "UMT إضراب",
	  "بارضإ UMT", CLI_DIR_RTL, 0, 0 },
	{ "an Arabic-first line read as left to right", "إضراب UMT",
	  "بارضإ UMT", CLI_DIR_LTR, 0, 0 },
	{ "colours stay on their words, inside a right-to-left line",
	  "أعلن \033[1;31mالإضراب العام\033[0m اليوم",
	  "مويلا \033[1;31mماعلا بارضإلا\033[0m نلعأ", CLI_DIR_AUTO, 0, 0 },
	{ "colours stay on a Latin word in a right-to-left line",
	  "نقابة \033[1;31mUMT\033[0m تعلن", "نلعت \033[1;31mUMT\033[0m ةباقن",
	  CLI_DIR_AUTO, 0, 0 },
	/* The dim details of a hit, the ** markers of no colour. */
	{ "colours stay across a left-to-right line",
	  "   \033[2mcorpus/a.txt  2025-10-14\033[0m",
	  "   \033[2mcorpus/a.txt  2025-10-14\033[0m", CLI_DIR_AUTO, 0, 0 },
	{ "** markers stay on their words", "… **إضراب عام** في",
	  "يف **ماع بارضإ** …", CLI_DIR_AUTO, 0, 0 },
	{ "two colours in a row, one of them bold on top of another",
	  "\033[1mنقابة\033[31m الصحة\033[0m",
	  "\033[1m\033[31mةحصلا \033[0m\033[1mةباقن\033[0m", CLI_DIR_AUTO, 0,
	  0 },
	/* Presentation forms, joined (final ة, medial ا after ب, ...), and
	 * lam-alef as one ligature. */
	{ "shaping: presentation forms, joined", "نقابة",
	  "\xef\xba\x94\xef\xba\x91\xef\xba\x8e\xef\xbb\x98\xef\xbb\xa7",
	  CLI_DIR_AUTO, 1, 0 },
	{ "shaping: lam-alef as one ligature", "لا", "\xef\xbb\xbb",
	  CLI_DIR_AUTO, 1, 0 },
	{ "shaping leaves Latin alone", "UMT", "UMT", CLI_DIR_AUTO, 1, 0 },
	/* Diacritics stay combining marks (not their spacing forms), after
	 * their letters: عَمّ is initial ع with fatha, final م with shadda. */
	{ "shaping: diacritics stay combining marks after their letters",
	  "عَمّ", "\xef\xbb\xa2\xd9\x91\xef\xbb\x8b\xd9\x8e", CLI_DIR_AUTO,
	  1, 0 },
	/* At spaces, reordered line by line, right-to-left lines aligned
	 * right. */
	{ "line breaking: a right-to-left line, aligned right",
	  "نقابة تعلن إضراب عام", "نلعت ةباقن\n ماع بارضإ", CLI_DIR_AUTO, 0,
	  10 },
	{ "line breaking: a left-to-right line", "about 40 results, 1 to 2",
	  "about 40\nresults, 1\nto 2", CLI_DIR_AUTO, 0, 10 },
	{ "line breaking: a word longer than the line is cut", "abcdefghij",
	  "abcd\nefgh\nij", CLI_DIR_AUTO, 0, 4 },
};

/* Widths: marks none, escapes none, wide characters two. */
static void widths(void)
{
	CHECK(cli_text_width("الإِضْرَابُ", strlen("الإِضْرَابُ")) == 7);
	CHECK(cli_text_width("\033[1mUMT\033[0m", 11) == 3);
	CHECK(cli_text_width("日本", strlen("日本")) == 4);
	CHECK(cli_text_width("إضرابـــات", strlen("إضرابـــات")) == 10);
}

static void invalid_utf8_is_refused(void)
{
	char *out = (char *)1;
	CHECK(cli_bidi_visual("a\xff", 2, NULL, &out, NULL) == NAQIB_E_UTF8);
	CHECK(out == NULL);
}

static const check_case_t cases[] = {
	{ "widths: marks none, escapes none, wide characters two", widths },
	{ "invalid UTF-8 is refused", invalid_utf8_is_refused },
};

int main(void)
{
	for (size_t i = 0; i < CHECK_N(lines); i++) {
		check_begin("visual order of '%s', as ubidi_writeReordered() has it",
			    lines[i].in);
		visual_is(lines[i].in, lines[i].want, CLI_DIR_AUTO, 0, 0);
		CHECK_STR(icu_reordered(lines[i].in), lines[i].want,
			  "ubidi_writeReordered");
		check_end();
	}
	for (size_t i = 0; i < CHECK_N(visuals); i++) {
		check_begin("%s", visuals[i].name);
		visual_is(visuals[i].in, visuals[i].want, visuals[i].direction,
			  visuals[i].shape, visuals[i].width);
		check_end();
	}
	check_run(cases, CHECK_N(cases));
	return check_done();
}
