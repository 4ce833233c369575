/* Snippets: the best passage, in the original bytes, every matching word
 * marked, whatever its spelling. */
#include <stdlib.h>

#include "check.h"
#include "naqib.h"

static naqib_analyzer_t *a;

/* The marked words of s, each between [ ], as one string. */
static void marked(const naqib_snippet_t *s, char *out, size_t cap)
{
	size_t o = 0;

	out[0] = '\0';
	for (size_t m = 0; m < s->n_marks && o + 3 < cap; m++) {
		size_t x = s->marks[2 * m], y = s->marks[2 * m + 1];
		CHECK(x < y && y <= s->len);
		o += (size_t)snprintf(out + o, cap - o, "[%.*s]", (int)(y - x),
				      s->text + x);
	}
}

static naqib_snippet_t *snip(const char *query, const char *text,
			     size_t max_chars)
{
	naqib_query_t *q = NULL;
	naqib_snippet_t *s = NULL;

	CHECK(naqib_query_parse(NULL, a, query, &q) == NAQIB_OK);
	CHECK(naqib_snippet_make(a, q, text, strlen(text), max_chars, &s) ==
	      NAQIB_OK);
	naqib_query_destroy(q);
	return s;
}

/* Diacritics, tatweel and hamza stay on screen; the typed forms without
 * them match. */
static void original_forms_are_marked(void)
{
	char m[1024];
	naqib_snippet_t *s;

	s = snip("الاضراب نقابة",
		 "أعلنت النِّقَابَةُ عن الإِضْرَابُ العامّ، وقالت نقابـــة التعليم إنّ "
		 "الإضراب مستمر.",
		 200);
	marked(s, m, sizeof m);
	CHECK_STR(m, "[النِّقَابَةُ][الإِضْرَابُ][نقابـــة][الإضراب]", "marks");
	CHECK(!s->cut_start && !s->cut_end);
	CHECK(strstr(s->text, "العامّ،") != NULL);
	naqib_snippet_destroy(s);
}

static void line_breaks_become_spaces(void)
{
	char m[1024];
	naqib_snippet_t *s;

	s = snip("UMT", "الاتحاد\nالمغربي   للشغل\n(UMT)", 200);
	CHECK_STR(s->text, "الاتحاد المغربي للشغل (UMT)", "text");
	marked(s, m, sizeof m);
	CHECK_STR(m, "[UMT]", "marks");
	naqib_snippet_destroy(s);
}

/* A long text: the passage with both words is chosen over the one with
 * only one, and the cuts are flagged. */
static void best_passage(void)
{
	char m[1024];
	naqib_snippet_t *s;
	char text[8192] = "";

	for (int i = 0; i < 40; i++)
		strcat(text, "كلام عام لا علاقة له بالموضوع. ");
	strcat(text, "وفي الخبر أن الإضراب في قطاع الفوسفاط مستمر. ");
	for (int i = 0; i < 40; i++)
		strcat(text, "إضراب آخر في مكان آخر بعيد. ");
	s = snip("الإضراب الفوسفاط", text, 120);
	marked(s, m, sizeof m);
	CHECK(strstr(m, "[الفوسفاط]") != NULL);
	CHECK(strstr(m, "[الإضراب]") != NULL);
	CHECK(s->cut_start && s->cut_end);
	size_t chars = 0;
	for (size_t i = 0; i < s->len; i++)
		chars += ((unsigned char)s->text[i] & 0xC0) != 0x80;
	CHECK(chars <= 120 + 40); /* about max_chars, whole words */
	naqib_snippet_destroy(s);
}

static void not_words_are_not_marked(void)
{
	char m[1024];
	naqib_snippet_t *s;

	s = snip("الأجور NOT الإضراب", "الإضراب مستمر والأجور مجمدة", 200);
	marked(s, m, sizeof m);
	CHECK_STR(m, "[والأجور]", "marks with NOT");
	naqib_snippet_destroy(s);
}

static void no_match_is_the_start(void)
{
	naqib_snippet_t *s;

	s = snip("غائب", "نص بلا كلمة من السؤال", 200);
	CHECK(s->n_marks == 0);
	CHECK_STR(s->text, "نص بلا كلمة من السؤال", "no match");
	naqib_snippet_destroy(s);
}

/* As Xapian expands them: النقابة begins with ال, not with نقاب. */
static void wildcards(void)
{
	char m[1024];
	naqib_snippet_t *s;

	s = snip("نقاب*", "نقابة نقابات ونقابيون النقابة والمكتب", 200);
	marked(s, m, sizeof m);
	CHECK_STR(m, "[نقابة][نقابات]", "wildcard");
	naqib_snippet_destroy(s);
}

static void empty_text(void)
{
	naqib_snippet_t *s;

	s = snip("نقابة", "", 200);
	CHECK(s->len == 0 && s->n_marks == 0);
	naqib_snippet_destroy(s);
	naqib_snippet_destroy(NULL);
}

static const check_case_t cases[] = {
	{ "diacritics, tatweel and hamza stay on screen, matched by the forms without them",
	  original_forms_are_marked },
	{ "line breaks become spaces", line_breaks_become_spaces },
	{ "a long text: the passage with both words, its cuts flagged",
	  best_passage },
	{ "NOT words are not marked", not_words_are_not_marked },
	{ "no match: the start of the text, nothing marked",
	  no_match_is_the_start },
	{ "a wildcard marks every word that begins with its prefix", wildcards },
	{ "an empty text: an empty snippet", empty_text },
};

int main(void)
{
	check_begin("the default analyser is made");
	CHECK(naqib_analyzer_new(NULL, &a) == NAQIB_OK);
	check_end();
	check_run(cases, CHECK_N(cases));
	naqib_analyzer_destroy(a);
	return check_done();
}
