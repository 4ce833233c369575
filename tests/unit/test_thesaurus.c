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
	CHECK_MSG(strstr(naqib_last_error(), want) != NULL,
		  "message '%s' lacks '%s'", naqib_last_error(), want);
	naqib_thesaurus_destroy(th);
}

/* The thesaurus of the cases that follow its "loads" case. */
static naqib_thesaurus_t *th;

static void test_thesaurus_loads(void)
{
	th = load("# a comment\n"
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
}

/* Texts, the names found in them and what the case shows. */
typedef struct found_row {
	const char *text, *want, *what;
} found_row_t;

/* Every name, any spelling, hamza, diacritics, clitics; a name is a whole
 * sequence of words, never a root. */
static const found_row_t test_names[] = {
	{ "أعلنت ك.د.ش عن إضراب", "union:CDT", "acronym" },
	{ "كدش", "union:CDT", "acronym without dots" },
	{ "وقالت الكنفدرالية الديموقراطية للشغل", "union:CDT",
	  "spelling variants" },
	{ "بيان للكونفدرالية الديمقراطية للشغل", "union:CDT", "ل before ال" },
	{ "وللإتحاد العامّ التونسيّ للشغل", "union:UGTT",
	  "و + لل, hamza, shadda" },
	{ "قرر اتحاد الشغل", "union:UGTT", "short name" },
	{ "cdt et UMT", "union:CDT union:UMT", "canonical names are names" },
	{ "في الدار البيضاء وتونس", "place:الدار البيضاء place:تونس",
	  "two places" },
	{ "بالدار البيضاء", "place:الدار البيضاء", "ب + place" },
	{ "نظموا وقفات احتجاجية", "term:وقفة احتجاجية", "a term's plural" },
	{ "التونسي الدار", "", "no partial names" },
	{ "الاتحاد المغربي", "", "a name needs every word" },
	{ "", "", "empty text" },
};

static void names_are_found(const char *thesaurus, const found_row_t *rows,
			    size_t n)
{
	for (size_t i = 0; i < n; i++) {
		check_begin("%s: %s: '%s' names %s", thesaurus, rows[i].what,
			    rows[i].text, *rows[i].want ? rows[i].want : "nothing");
		CHECK_STR(found(th, rows[i].text), rows[i].want, rows[i].what);
		check_end();
	}
}

/* Lookups for union:NAME and place:NAME. */
static void lookups(void)
{
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
}

/* The names of an entry as written, the canonical one first. */
static void names_as_written(void)
{
	size_t e;
	CHECK(naqib_thesaurus_find(th, NAQIB_THES_UNION, "cdt", &e) == NAQIB_OK);
	CHECK_STR(naqib_thesaurus_name(th, e, 0), "CDT", "canonical name");
	CHECK_STR(naqib_thesaurus_name(th, e, 1), "الكونفدرالية الديمقراطية للشغل",
		  "second name");
	CHECK_STR(naqib_thesaurus_name(th, e, 2), "ك.د.ش", "third name");
	CHECK(naqib_thesaurus_name(th, e, 3) == NULL);
	CHECK(naqib_thesaurus_name(th, naqib_thesaurus_size(th), 0) == NULL);
	/* A name given twice in an entry is one name. */
	naqib_thesaurus_t *twice = load("union: X | Y | Y | Z\n");
	CHECK_STR(naqib_thesaurus_name(twice, 0, 2), "Z", "a name once");
	CHECK(naqib_thesaurus_name(twice, 0, 3) == NULL);
	naqib_thesaurus_destroy(twice);
}

/* Names the thesaurus does not know, the names nearest them ("" none),
 * of the kind given, and what the row shows. */
static const struct {
	int kind;
	const char *name, *want, *what;
} nearest[] = {
	{ NAQIB_THES_UNION, "cdtt", "CDT", "a letter more" },
	{ NAQIB_THES_UNION, "UGT", "UGTT", "a letter less; UMT is as near, "
	  "but begins less like it" },
	{ NAQIB_THES_UNION, "ك.د.ت", "ك.د.ش", "a dotted acronym" },
	{ NAQIB_THES_UNION, "الكونفدرالية الديمقراطيه للشغيلة",
	  "الكونفدرالية الديمقراطية للشغل", "a long Arabic name, normalized" },
	{ NAQIB_THES_PLACE, "الدار البيضا", "الدار البيضاء", "two words" },
	{ NAQIB_THES_PLACE, "Casablanka", "Casablanca", "a name not canonical" },
	{ NAQIB_THES_PLACE, "cdtt", "", "a name of another kind is not near" },
	{ NAQIB_THES_UNION, "xyz", "", "nothing near" },
};

static void nearest_names(void)
{
	for (size_t i = 0; i < CHECK_N(nearest); i++) {
		naqib_thes_name_t near[3];
		size_t n;
		char got[512] = "";
		CHECK(naqib_thesaurus_nearest(th, nearest[i].kind, nearest[i].name,
					      3, near, &n) == NAQIB_OK);
		for (size_t k = 0, o = 0; k < n && o < sizeof got; k++) {
			/* A name of the entry given. */
			const char *name;
			size_t j = 0;
			while ((name = naqib_thesaurus_name(th, near[k].entry, j)) &&
			       name != near[k].name)
				j++;
			CHECK(name != NULL);
			o += (size_t)snprintf(got + o, sizeof got - o, "%s%s",
					      k ? " " : "", near[k].name);
		}
		CHECK_STR(got, nearest[i].want, nearest[i].what);
	}
}

/* The text is kept, for the database, and loads again the same. */
static void text_loads_again(void)
{
	size_t len;
	const char *text = naqib_thesaurus_text(th, &len);
	naqib_thesaurus_t *again = NULL;
	CHECK(naqib_thesaurus_new(a, &again) == NAQIB_OK);
	CHECK(naqib_thesaurus_load(again, text, len, "again") == NAQIB_OK);
	CHECK(naqib_thesaurus_size(again) == 6);
	naqib_thesaurus_destroy(again);
}

/* Errors name the file and the line. */
static const struct {
	const char *text, *want;
} errors[] = {
	{ "union: CDT\nplace Rabat\n", "user.ths', line 2" },
	{ "colour: red | blue\n", "unknown kind" },
	{ "union: CDT | | ك.د.ش\n", "line 1: empty field" },
	{ "union: CDT | ك.د.ش\nunion: FDT | ك.د.ش\n",
	  "line 2: phrase already names union 'CDT' (line 1)" },
	{ "spelling: الكونفدرالية\n", "two words or more" },
	{ "spelling: الكونفدرالية | الاتحاد العام\n", "not one word" },
	{ "union: \xff\n", "invalid UTF-8" },
	{ "union: X | Y\ncountry: المغرب\nunion: Z | W\n",
	  "line 3: the country 'المغرب' is no place" },
	{ "union: X | ~Y\n", "line 1: a generic name (~) needs the entry's country" },
	{ "place: تونس\ncountry: تونس\nunion: ~X | Y\n",
	  "line 3: the canonical name cannot be generic" },
	{ "place: تونس\ncountry: تونس\nterm: X | ~Y\n", "a generic name (~) needs" },
};

/* The built-in thesaurus loads, and knows the unions the issue names. */
static void builtin_loads(void)
{
	size_t len, e;
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
	CHECK(naqib_thesaurus_find(th, NAQIB_THES_PLACE, "الرباط", &e) ==
	      NAQIB_OK);
}

static const found_row_t builtin_names[] = {
	{ "منظمة العمل الدولية", "union:ILO", "ILO in Arabic" },
	{ "الفيدرالية الديمقراطية للشغل", "union:FDT", "FDT spelling" },
	/* Tunisian towns written in one word as often as in two. */
	{ "تجار بنقردان", "place:بن قردان", "بنقردان" },
	{ "ولاية بنعروس", "place:بن عروس", "بنعروس" },
	/* Generic names (~) only in a text of their country: the false
	 * positives of issue 19, then each generic name in its country. */
	{ "الاتحاد المحلي للشغل بطنجة التابع للاتحاد المغربي للشغل",
	  "place:طنجة union:UMT", "a local union of Tangier is UMT's only" },
	{ "المنظمة الشغيلة بالمغرب", "place:المغرب",
	  "the workers' organisation of Morocco is not UGTT" },
	{ "الاتحاد الجهوي للشغل", "", "a generic name alone names nothing" },
	{ "الاتحاد المحلي للشغل بالدار البيضاء",
	  "place:الدار البيضاء", "a Moroccan place is no Tunisian context" },
	{ "الاتحاد الجهوي للشغل بصفاقس", "union:UGTT place:صفاقس",
	  "a Tunisian place: UGTT" },
	{ "الاتحادات الجهوية للشغل في تونس", "union:UGTT place:تونس",
	  "the country named" },
	{ "الاتحاد المحلي للشغل بقفصة", "union:UGTT place:قفصة",
	  "الاتحاد المحلي للشغل" },
	{ "الاتحادات المحلية للشغل بسيدي بوزيد",
	  "union:UGTT place:سيدي بوزيد", "الاتحادات المحلية للشغل" },
	{ "المنظمة الشغيلة بتونس", "union:UGTT place:تونس",
	  "المنظمة الشغيلة" },
	{ "قرر اتحاد الشغل بالقيروان", "union:UGTT place:القيروان",
	  "اتحاد الشغل" },
	{ "جامعة التعليم الثانوي والاتحاد العام التونسي للشغل",
	  "union:FGES union:UGTT", "a specific union of the country" },
	{ "النقابة العامة للتعليم الأساسي بسوسة", "union:FGEB place:سوسة",
	  "النقابة العامة للتعليم الأساسي" },
	{ "جامعة التعليم الأساسي بنابل", "union:FGEB place:نابل",
	  "جامعة التعليم الأساسي" },
	{ "النقابة العامة للتعليم الثانوي بصفاقس", "union:FGES place:صفاقس",
	  "النقابة العامة للتعليم الثانوي" },
	{ "الاتحاد الوطني للشغل بالرباط", "union:UNTM place:الرباط",
	  "الاتحاد الوطني للشغل in Morocco" },
	{ "الاتحاد الوطني للشغل", "", "الاتحاد الوطني للشغل alone" },
	{ "الاتحاد العمالي العام في بيروت", "union:CGTL place:بيروت",
	  "الاتحاد العمالي العام in Lebanon" },
	{ "هيئة التنسيق النقابية في لبنان", "union:UCC place:لبنان",
	  "هيئة التنسيق النقابية in Lebanon" },
	{ "هيئة التنسيق النقابية بالرباط", "place:الرباط",
	  "هيئة التنسيق النقابية in Morocco" },
	/* The gazetteer (data/places) and the hand-made places. */
	/* A place of one word of the gazetteer is often a word too: it
	 * names the place in a text of its country only. */
	{ "في السمارة بالمغرب", "place:السمارة (المغرب)",
	  "a Moroccan provincial capital, in Morocco" },
	{ "في السمارة", "", "a gazetteer's word alone: no place" },
	{ "بمدينة سمارة قرب الرباط", "place:السمارة (المغرب) place:الرباط",
	  "its name without the article, near Rabat" },
	{ "شاطئ السعيدية في المغرب", "place:السعيدية (المغرب) place:المغرب",
	  "a town of 10,000" },
	{ "قرأت الخبر ثم العدل في الباب", "",
	  "Saudi, Kuwaiti and Syrian towns that are words: no place" },
	{ "معركة سيدي إبراهيم", "place:سيدي إبراهيم",
	  "a name of several countries' places" },
	{ "الصويرة وخريبكة", "place:الصويرة place:خريبكة", "Moroccan cities" },
	{ "قفصة وصفاقس", "place:قفصة place:صفاقس", "Tunisian cities" },
	{ "عمال المحلة الكبرى والبصرة", "place:المحلة الكبرى place:البصرة",
	  "Egypt and Iraq" },
	{ "الدارالبيضاء", "place:الدار البيضاء", "Casablanca in one word" },
	{ "المنظمة الشغيلة بوادي زم", "place:وادي زم",
	  "a place of the gazetteer is a context" },
};

/* A generic name given alone to union: is its union's. */
static void generic_lookups(void)
{
	static const char *const names[][2] = {
		{ "الاتحاد الجهوي للشغل", "UGTT" },
		{ "المنظمة الشغيلة", "UGTT" },
		{ "الاتحاد الوطني للشغل", "UNTM" },
	};
	for (size_t i = 0; i < sizeof names / sizeof *names; i++) {
		size_t e;
		naqib_thes_entry_t en;
		CHECK(naqib_thesaurus_find(th, NAQIB_THES_UNION, names[i][0],
					   &e) == NAQIB_OK);
		CHECK(naqib_thesaurus_entry(th, e, &en) == NAQIB_OK);
		CHECK_STR(en.name, names[i][1], names[i][0]);
	}
}

int main(void)
{
	check_begin("the default analyser is made");
	CHECK(naqib_analyzer_new(NULL, &a) == NAQIB_OK);
	check_end();

	check_begin("a thesaurus of 6 entries, comments and spellings loads");
	test_thesaurus_loads();
	check_end();
	names_are_found("test thesaurus", test_names, CHECK_N(test_names));
	check_begin("union: and place: look names up in any spelling, in their kind only");
	lookups();
	check_end();
	check_begin("the names of an entry, as written, the canonical one first");
	names_as_written();
	check_end();
	check_begin("the names nearest a name the thesaurus does not know");
	nearest_names();
	check_end();
	check_begin("the text of a thesaurus is kept and loads again the same");
	text_loads_again();
	check_end();
	naqib_thesaurus_destroy(th);

	for (size_t i = 0; i < CHECK_N(errors); i++) {
		check_begin("a bad thesaurus is refused: %s", errors[i].want);
		bad(errors[i].text, errors[i].want);
		check_end();
	}

	check_begin("the built-in thesaurus loads and knows the unions the issue names");
	builtin_loads();
	check_end();
	names_are_found("built-in thesaurus", builtin_names,
			CHECK_N(builtin_names));
	check_begin("union: takes a generic name alone as its union's");
	generic_lookups();
	check_end();
	naqib_thesaurus_destroy(th);

	naqib_analyzer_destroy(a);
	return check_done();
}
