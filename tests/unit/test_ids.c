/* Document ids (lib/schema/id.c): the id of a name, read back wherever an
 * id is given, and the term the index knows it by. */
#include "check.h"
#include "internal.h"
#include "schema/schema.h"

/* The id of each name; the names are given with their length (one holds
 * a NUL). */
static const struct {
	const char *name, *raw;
	size_t len;
	const char *want;
} ids[] = {
	/* A name of plain text is its own id, as ids always were. */
	{ "a path", "in/good.txt", 11, "in/good.txt" },
	{ "Arabic", "بيانات/بيان.txt", sizeof "بيانات/بيان.txt" - 1,
	  "بيانات/بيان.txt" },
	{ "a space", "sp ace.txt", 10, "sp ace.txt" },
	{ "the empty name", "", 0, "" },
	{ "a backslash but no \\xHH", "a\\b\\x4\\xg1", 10, "a\\b\\x4\\xg1" },
	{ "U+00A0 (not a control)", "a\xC2\xA0" "b", 4, "a\xC2\xA0" "b" },
	/* Any other is escaped. */
	{ "a byte that is not UTF-8", "a\xFF.txt", 6, "a\\xff.txt" },
	{ "a sequence cut short", "\xD9", 1, "\\xd9" },
	{ "a tab", "a\tb", 3, "a\\x09b" },
	{ "a line break", "a\nb", 3, "a\\x0ab" },
	{ "ESC", "\x1B[2J", 4, "\\x1b[2J" },
	{ "DEL", "a\x7F", 2, "a\\x7f" },
	{ "C1 (U+0085)", "a\xC2\x85", 3, "a\\xc2\\x85" },
	{ "a NUL", "a\0b", 3, "a\\x00b" },
	{ "a \\xHH of its own", "a\\x41", 5, "a\\x5cx41" },
	{ "a \\xHH in capitals of its own", "a\\xFF", 5, "a\\x5cxFF" },
	{ "every backslash of an escaped id", "a\\b\xFF", 4, "a\\x5cb\\xff" },
};

/* What a person types for an id, and the id it gives. */
static const struct {
	const char *name, *typed, *want;
} typed[] = {
	{ "an id without an escape", "in/good.txt", "in/good.txt" },
	{ "a space as a TREC run writes it", "sp\\x20ace.txt", "sp ace.txt" },
	{ "hex digits in capitals", "a\\xFF.txt", "a\\xff.txt" },
	{ "a tab typed as itself", "a\tb", "a\\x09b" },
	{ "an escaped backslash", "a\\x5cx41", "a\\x5cx41" },
	{ "a backslash that starts no escape", "a\\b\\x20", "a\\b " },
	{ "an escaped NUL", "a\\x00b", "a\\x00b" },
};

static void test_terms(void)
{
	_naqib_id_terms_t t;
	char id[400];

	check_begin("the term of a short id is Q and the id");
	CHECK(_naqib_id_terms("in/good.txt", &t) == NAQIB_OK);
	CHECK_STR(t.term.data, "Qin/good.txt", "term");
	CHECK(!t.hashed);
	CHECK(t.legacy.len == 0);
	_naqib_id_terms_free(&t);
	check_end();

	check_begin("an id of 239 bytes is still written as it is");
	memset(id, 'a', 239);
	id[239] = '\0';
	CHECK(_naqib_id_terms(id, &t) == NAQIB_OK);
	CHECK(t.term.len == 240 && !t.hashed);
	_naqib_id_terms_free(&t);
	check_end();

	check_begin("an id of 240 bytes gets a hashed term of at most 245");
	memset(id, 'a', 240);
	id[240] = '\0';
	CHECK(_naqib_id_terms(id, &t) == NAQIB_OK);
	CHECK(t.hashed);
	CHECK(t.term.len > 240 && t.term.len <= 245);
	CHECK(!strncmp(t.term.data, "Qaaaa", 5));
	CHECK_STR(t.id.data, id, "id");
	_naqib_id_terms_free(&t);
	check_end();

	check_begin("a long Arabic id is cut at a letter in its term");
	size_t n = 0;
	for (; n + 2 < 300; n += 2)
		memcpy(id + n, "\xD9\x86", 2);
	id[n] = '\0';
	CHECK(_naqib_id_terms(id, &t) == NAQIB_OK);
	CHECK(t.hashed && t.term.len > 240 && t.term.len <= 245);
	const char *hash = strchr(t.term.data, '#');
	CHECK(hash && strlen(hash) == 17);
	CHECK(hash && naqib_utf8_check(t.term.data, (size_t)(hash - t.term.data),
				       NULL) == NAQIB_OK);
	_naqib_id_terms_free(&t);
	check_end();

	check_begin("two long ids that start alike get two terms");
	_naqib_id_terms_t u;
	memset(id, 'a', 300);
	id[300] = '\0';
	CHECK(_naqib_id_terms(id, &t) == NAQIB_OK);
	id[299] = 'b';
	CHECK(_naqib_id_terms(id, &u) == NAQIB_OK);
	CHECK(strcmp(t.term.data, u.term.data) != 0);
	_naqib_id_terms_free(&t);
	_naqib_id_terms_free(&u);
	check_end();

	check_begin("the term of a typed form is the id's");
	CHECK(_naqib_id_terms("sp\\x20ace.txt", &t) == NAQIB_OK);
	CHECK_STR(t.term.data, "Qsp ace.txt", "term");
	_naqib_id_terms_free(&t);
	check_end();

	check_begin("an escaped id keeps the term its name had before");
	CHECK(_naqib_id_terms("a\\xff.txt", &t) == NAQIB_OK);
	CHECK_STR(t.term.data, "Qa\\xff.txt", "term");
	CHECK_STR(t.legacy.data, "Qa\xff.txt", "legacy");
	_naqib_id_terms_free(&t);
	check_end();

	/* a\x5cxffb is the name a\xffb, whose term of before is the term of
	 * today of the id a\xffb (the name a, 0xFF, b): not its. */
	check_begin("no term of before that is the term of another id today");
	CHECK(_naqib_id_terms("a\\x5cxffb", &t) == NAQIB_OK);
	CHECK(t.legacy.len == 0);
	_naqib_id_terms_free(&t);
	CHECK(_naqib_id_terms("a\\x5cx41", &t) == NAQIB_OK);
	CHECK_STR(t.legacy.data, "Qa\\x41", "legacy");
	_naqib_id_terms_free(&t);
	check_end();
}

int main(void)
{
	for (size_t i = 0; i < CHECK_N(ids); i++) {
		char *got = NULL, *again = NULL;
		check_begin("id: %s", ids[i].name);
		CHECK(naqib_id_from_bytes(ids[i].raw, ids[i].len, &got) ==
		      NAQIB_OK);
		CHECK_STR(got, ids[i].want, "id");
		/* Every id reads back to itself. */
		CHECK(naqib_id_parse(got, &again) == NAQIB_OK);
		CHECK_STR(again, ids[i].want, "read back");
		free(got);
		free(again);
		check_end();
	}
	check_begin("no two names of the table share an id");
	for (size_t i = 0; i < CHECK_N(ids); i++)
		for (size_t k = i + 1; k < CHECK_N(ids); k++)
			CHECK(strcmp(ids[i].want, ids[k].want) != 0);
	check_end();
	/* The pairs that an escape could mix up. */
	static const char *const pairs[][2] = {
		{ "a\xFF" "b", "a\\xffb" },
		{ "a\tb", "a\\x09b" },
		{ "a\\b\xFF", "a\\x5cb\\xff" },
		{ "\\x5c", "\\" },
	};
	for (size_t i = 0; i < CHECK_N(pairs); i++) {
		char *a = NULL, *b = NULL;
		check_begin("two names, two ids: pair %zu", i + 1);
		CHECK(naqib_id_from_bytes(pairs[i][0], strlen(pairs[i][0]), &a) ==
		      NAQIB_OK);
		CHECK(naqib_id_from_bytes(pairs[i][1], strlen(pairs[i][1]), &b) ==
		      NAQIB_OK);
		CHECK(a && b && strcmp(a, b) != 0);
		free(a);
		free(b);
		check_end();
	}
	for (size_t i = 0; i < CHECK_N(typed); i++) {
		char *got = NULL;
		check_begin("typed: %s", typed[i].name);
		CHECK(naqib_id_parse(typed[i].typed, &got) == NAQIB_OK);
		CHECK_STR(got, typed[i].want, "id");
		free(got);
		check_end();
	}
	test_terms();
	return check_done();
}
