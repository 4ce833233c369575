/* The thesaurus: loading (and its error messages), matching names in any
 * spelling and with clitics, longest names first, lookups for the filters,
 * and the built-in file. */
#include <stdlib.h>

#include "check.h"
#include "naqib.h"

static naqib_analyzer_t *a;

/* The canonical names found in text, separated by spaces. */
static const char *found(naqib_thesaurus_t *th, const char *text)
{
	static char out[1024];
	const naqib_token_t *t;
	const naqib_thes_match_t *m;
	size_t n, nm, o = 0;

	out[0] = '\0';
	CHECK(naqib_analyze(a, text, strlen(text), &t, &n) == NAQIB_OK);
	CHECK(naqib_thesaurus_match(th, t, n, &m, &nm) == NAQIB_OK);
	for (size_t i = 0; i < nm && o + 64 < sizeof out; i++) {
		naqib_thes_entry_t e;
		CHECK(m[i].first < m[i].last && m[i].last <= n);
		CHECK(naqib_thesaurus_entry(th, m[i].entry, &e) == NAQIB_OK);
		o += (size_t)snprintf(out + o, sizeof out - o, "%s%s:%s",
				      i ? " " : "", naqib_thes_kind_name(e.kind),
				      e.name);
	}
	return out;
}

static naqib_thesaurus_t *load(const char *text)
{
	naqib_thesaurus_t *th = NULL;
	CHECK(naqib_thesaurus_new(a, &th) == NAQIB_OK);
	CHECK(naqib_thesaurus_load(th, text, strlen(text), "test") == NAQIB_OK);
	return th;
}

/* Loading text fails with a message that contains want. */
static void bad(const char *text, const char *want)
{
	naqib_thesaurus_t *th = NULL;
	CHECK(naqib_thesaurus_new(a, &th) == NAQIB_OK);
	CHECK(naqib_thesaurus_load(th, text, strlen(text), "user.ths") != NAQIB_OK);
	if (!strstr(naqib_last_error(), want)) {
		check_failures++;
		fprintf(stderr, "message '%s' lacks '%s'\n", naqib_last_error(),
			want);
	}
	naqib_thesaurus_destroy(th);
}

int main(void)
{
	CHECK(naqib_analyzer_new(NULL, &a) == NAQIB_OK);

	naqib_thesaurus_t *th = load(
		"# a comment\n"
		"\n"
		"union: CDT | الكونفدرالية الديمقراطية للشغل | ك.د.ش\n"
		"union: UGTT | الاتحاد العام التونسي للشغل | اتحاد الشغل\n"
		"union: UMT | الاتحاد المغربي للشغل\n"
		"place: تونس | Tunis\n"
		"place: الدار البيضاء | Casablanca\n"
		"term: وقفة احتجاجية | وقفات احتجاجية\n"
		"spelling: الكونفدرالية | الكنفدرالية\n"
		"spelling: الديمقراطية | الديموقراطية\n");
	CHECK(naqib_thesaurus_size(th) == 6);

	/* Every name, any spelling, hamza, diacritics, clitics. */
	CHECK_STR(found(th, "أعلنت ك.د.ش عن إضراب"), "union:CDT", "acronym");
	CHECK_STR(found(th, "كدش"), "union:CDT", "acronym without dots");
	CHECK_STR(found(th, "وقالت الكنفدرالية الديموقراطية للشغل"),
		  "union:CDT", "spelling variants");
	CHECK_STR(found(th, "بيان للكونفدرالية الديمقراطية للشغل"), "union:CDT",
		  "ل before ال");
	CHECK_STR(found(th, "وللإتحاد العامّ التونسيّ للشغل"), "union:UGTT",
		  "و + لل, hamza, shadda");
	CHECK_STR(found(th, "قرر اتحاد الشغل"), "union:UGTT", "short name");
	CHECK_STR(found(th, "cdt et UMT"), "union:CDT union:UMT", "canonical names are names");
	CHECK_STR(found(th, "في الدار البيضاء وتونس"),
		  "place:الدار البيضاء place:تونس", "two places");
	CHECK_STR(found(th, "بالدار البيضاء"), "place:الدار البيضاء", "ب + place");
	CHECK_STR(found(th, "نظموا وقفات احتجاجية"), "term:وقفة احتجاجية",
		  "a term's plural");
	/* A name is a whole sequence of words, never a root. */
	CHECK_STR(found(th, "التونسي الدار"), "", "no partial names");
	CHECK_STR(found(th, "الاتحاد المغربي"), "", "a name needs every word");
	CHECK_STR(found(th, ""), "", "empty text");

	/* Lookups for union:NAME and place:NAME. */
	size_t e;
	naqib_thes_entry_t en;
	CHECK(naqib_thesaurus_find(th, NAQIB_THES_UNION, "ك.د.ش", &e) == NAQIB_OK);
	CHECK(naqib_thesaurus_entry(th, e, &en) == NAQIB_OK);
	CHECK_STR(en.name, "CDT", "find by acronym");
	CHECK_STR(en.key, "cdt", "key");
	CHECK(naqib_thesaurus_find(th, NAQIB_THES_UNION, "cdt", &e) == NAQIB_OK);
	CHECK(naqib_thesaurus_find(th, NAQIB_THES_UNION, "الاتحاد المغربي للشغل",
				   &e) == NAQIB_OK);
	CHECK(naqib_thesaurus_entry(th, e, &en) == NAQIB_OK);
	CHECK_STR(en.name, "UMT", "find by name");
	CHECK(naqib_thesaurus_find(th, NAQIB_THES_PLACE, "ك.د.ش", &e) ==
	      NAQIB_E_NOT_FOUND);
	CHECK(naqib_thesaurus_find(th, NAQIB_THES_UNION, "FDT", &e) ==
	      NAQIB_E_NOT_FOUND);
	CHECK(naqib_thesaurus_find(th, NAQIB_THES_PLACE, "casablanca", &e) ==
	      NAQIB_OK);

	/* The text is kept, for the database, and loads again the same. */
	size_t len;
	const char *text = naqib_thesaurus_text(th, &len);
	naqib_thesaurus_t *again = NULL;
	CHECK(naqib_thesaurus_new(a, &again) == NAQIB_OK);
	CHECK(naqib_thesaurus_load(again, text, len, "again") == NAQIB_OK);
	CHECK(naqib_thesaurus_size(again) == 6);
	naqib_thesaurus_destroy(again);
	naqib_thesaurus_destroy(th);

	/* Errors name the file and the line. */
	bad("union: CDT\nplace Rabat\n", "user.ths', line 2");
	bad("colour: red | blue\n", "unknown kind");
	bad("union: CDT | | ك.د.ش\n", "line 1: empty field");
	bad("union: CDT | ك.د.ش\nunion: FDT | ك.د.ش\n",
	    "line 2: phrase already names union 'CDT' (line 1)");
	bad("spelling: الكونفدرالية\n", "two words or more");
	bad("spelling: الكونفدرالية | الاتحاد العام\n", "not one word");
	bad("union: \xff\n", "invalid UTF-8");

	/* The built-in thesaurus loads, and knows the unions the issue
	 * names. */
	const char *builtin = naqib_thesaurus_builtin(&len);
	CHECK(len > 1000);
	th = load(builtin);
	CHECK(naqib_thesaurus_size(th) > 100);
	static const char *const unions[] = { "UMT",  "CDT",  "FDT",  "UGTM",
					      "ODT",  "UNTM", "UGTT", "UGTA",
					      "ETUF", "ITUC", "ILO" };
	for (size_t i = 0; i < sizeof unions / sizeof *unions; i++)
		CHECK(naqib_thesaurus_find(th, NAQIB_THES_UNION, unions[i], &e) ==
		      NAQIB_OK);
	CHECK_STR(found(th, "منظمة العمل الدولية"), "union:ILO", "ILO in Arabic");
	CHECK_STR(found(th, "الفيدرالية الديمقراطية للشغل"), "union:FDT",
		  "FDT spelling");
	CHECK(naqib_thesaurus_find(th, NAQIB_THES_PLACE, "الرباط", &e) ==
	      NAQIB_OK);
	/* Tunisian towns written in one word as often as in two. */
	CHECK_STR(found(th, "تجار بنقردان"), "place:بن قردان", "بنقردان");
	CHECK_STR(found(th, "ولاية بنعروس"), "place:بن عروس", "بنعروس");
	naqib_thesaurus_destroy(th);

	naqib_analyzer_destroy(a);
	return check_done("test_thesaurus");
}
