/* Snowball stemmers through libstemmer: "arabic" for Arabic words, and the
 * European languages for Latin-script words. */
#include <libstemmer.h>
#include <stdlib.h>
#include <string.h>

#include "naqib.h"
#include "internal.h"
#include "stemmer.h"

typedef struct snowball {
	struct sb_stemmer *sb;
	int arabic;
	char buf[NAQIB_MAX_STEM_INPUT + 1];
	char nisba[40];
} snowball_t;

static int snowball_create(const char *language, void **state)
{
	const char *lang = language ? language : "arabic";
	snowball_t *s;

	*state = NULL;
	if (!(s = calloc(1, sizeof *s)))
		return _naqib_fail(NAQIB_E_NOMEM, "out of memory");
	if (!(s->sb = sb_stemmer_new(lang, "UTF_8"))) {
		free(s);
		return _naqib_fail(NAQIB_E_INVALID,
				   "libstemmer has no '%s' stemmer", lang);
	}
	s->arabic = !strcmp(lang, "arabic") || !strcmp(lang, "ar") ||
		    !strcmp(lang, "ara");
	*state = s;
	return NAQIB_OK;
}

/* Broken plurals of the domain that Snowball keeps apart from their
 * singulars, as Snowball stems both (the plural's stem, with and without
 * the article where they differ, to the singular's).  Sorted by plural in
 * byte order, for bsearch (test_stemmers looks entries up). */
static const struct plural {
	const char *plural, *singular;
} plurals[] = {
	{ "اجور", "اجر" }, { "احزاب", "حزب" },
	{ "اساتذ", "استاذ" }, { "اسعار", "سعر" },
	{ "اشغال", "شغل" }, { "اطباء", "طبيب" },
	{ "اعمال", "عمل" }, { "اعو", "عون" }, { "اعوان", "عون" },
	{ "اقاليم", "اقليم" }, { "حقوق", "حق" }, { "زراء", "زير" },
	{ "شروط", "شرط" }, { "ظروف", "ظرف" }, { "عقود", "عقد" },
	{ "عمال", "عامل" }, { "قوان", "قانون" },
	{ "مدارس", "مدرس" }, { "مراكز", "مركز" },
	{ "مشاريع", "مشروع" }, { "مصالح", "مصلح" },
	{ "مصانع", "مصنع" }, { "مطالب", "مطلب" },
	{ "مكاتب", "مكتب" }, { "مناطق", "منطق" },
	{ "مهام", "مهم" }, { "وزراء", "وزير" },
};

static int by_plural(const void *key, const void *elem)
{
	return strcmp(key, ((const struct plural *)elem)->plural);
}

/* Whether w[0..len) is nothing or an attached pronoun. */
static int pronoun_or_nothing(const char *w, size_t len)
{
	static const char *const pronouns[] = {
		"", "ه", "ها", "هم", "هما", "هن", "ك", "كم", "كما", "كن", "نا",
		"ي",
	};

	for (size_t k = 0; k < sizeof pronouns / sizeof *pronouns; k++)
		if (strlen(pronouns[k]) == len && !memcmp(w, pronouns[k], len))
			return 1;
	return 0;
}

/* Joins plurals to their singulars: a sound feminine plural that Snowball
 * stems to its stem plus ا, bare or with a pronoun and clitics (نقابات,
 * نقاباتهم, بنقاباتها, ونقاباتنا → نقابا, where النقابات → نقاب): a stem
 * in ا that the word follows with ت and nothing or a pronoun; a stem in ات
 * that the word follows with the pronoun ي (نقاباتي → نقابات); and the
 * broken plurals of the table. */
static void arabic_plurals(const char *word, size_t len, const char **out,
			   size_t *out_len)
{
	static const char teh[] = "\xD8\xAA", alef[] = "\xD8\xA7",
			  alef_teh[] = "\xD8\xA7\xD8\xAA", yeh[] = "\xD9\x8A";
	char stem[NAQIB_MAX_STEM_INPUT + 1];

	if (*out_len > NAQIB_MAX_STEM_INPUT)
		return;
	if (*out_len >= 8 && !memcmp(*out + *out_len - 2, alef, 2)) {
		const char *p = memmem(word, len, *out, *out_len);
		if (p) {
			size_t rest = (size_t)(word + len - p) - *out_len;
			const char *t = p + *out_len;
			if (rest >= 2 && !memcmp(t, teh, 2) &&
			    pronoun_or_nothing(t + 2, rest - 2))
				*out_len -= 2;
		}
	} else if (*out_len >= 10 &&
		   !memcmp(*out + *out_len - 4, alef_teh, 4) &&
		   len >= *out_len + 2 && !memcmp(word + len - 2, yeh, 2) &&
		   !memcmp(word + len - 2 - *out_len, *out, *out_len)) {
		/* The pronoun ي after ات, which Snowball takes alone
		 * (نقاباتي → نقابات). */
		*out_len -= 4;
	}
	memcpy(stem, *out, *out_len);
	stem[*out_len] = '\0';
	const struct plural *p = bsearch(stem, plurals,
					 sizeof plurals / sizeof *plurals,
					 sizeof *plurals, by_plural);
	if (p) {
		*out = p->singular;
		*out_len = strlen(p->singular);
	}
}

/* Words that begin with a root's و followed by ا: the فاعل and فاعَل forms
 * of the roots whose first letter is و (واحد, واضح, واجه, وافق...), and
 * names.  Their first four letters, sorted in byte order for bsearch. */
static const char *const waw_roots[] = {
	"واءل", "واتس", "واثق", "واجب", "واجد", "واجه", "واحد", "واحه",
	"وادي", "وارث", "وارد", "وازع", "وازن", "واسط", "واسع", "واشن",
	"واشي", "واصف", "واصل", "واضح", "واضع", "واعد", "واعظ", "واعي",
	"وافد", "وافر", "وافق", "وافي", "واقع", "واقف", "واقي", "واكب",
	"واهب", "واهم", "واهن", "واهي",
};

static int by_prefix(const void *key, const void *elem)
{
	return memcmp(key, *(const char *const *)elem, 8);
}

/* Snowball strips the conjunctions و ف and the preposition ب before أ إ آ
 * (وأضاف, فأكد, بإضراب) but not before ا, where the letter may be the
 * word's own (واحد, فاز, باحث).  Our folding has made every alef ا, so
 * Snowball keeps the clitic of وأضاف, which then stems apart from أضاف.
 * How many bytes of a clitic to take off first, knowing the fold:
 *   - و before ا, unless the word is one of the و-roots above (of the
 *     words of the development corpus that begin with و and ا but not
 *     with وال, 63% have a hamza after the و and 20% are among those
 *     roots);
 *   - و ف ب before است (the ا of استفعل and استفعال is never a root's);
 *   - ف ب before the pattern اCCاC of إفعال and أفعال (بإضراب, بأسعار),
 *     not in a six-letter word ending in ات (باحثات is فاعلات).
 * The other clitics stay: the ا after ف ب, س, ل, ك is too often the
 * word's own (فائض, بارز, ساهم, لاعب, كامل).  A function of the folded
 * word alone, so a query and the index agree, with or without hamza. */
static size_t hidden_prefix(const char *w, size_t len)
{
	static const char waw[] = "\xD9\x88", feh[] = "\xD9\x81",
			  beh[] = "\xD8\xA8", alef[] = "\xD8\xA7",
			  lam[] = "\xD9\x84", sin_teh[] = "\xD8\xB3\xD8\xAA",
			  alef_teh[] = "\xD8\xA7\xD8\xAA";

	if (len < 8 || memcmp(w + 2, alef, 2) ||
	    (memcmp(w, waw, 2) && memcmp(w, feh, 2) && memcmp(w, beh, 2)))
		return 0;
	if (!memcmp(w + 4, lam, 2))
		return 0; /* the article: see above */
	if (len >= 12 && !memcmp(w + 4, sin_teh, 4))
		return 2;
	if (!memcmp(w, waw, 2))
		return bsearch(w, waw_roots, sizeof waw_roots / sizeof *waw_roots,
			       sizeof *waw_roots, by_prefix) ? 0 : 2;
	if (len >= 12 && !memcmp(w + 8, alef, 2) && memcmp(w + 4, alef, 2) &&
	    memcmp(w + 6, alef, 2) &&
	    !(len == 12 && !memcmp(w + 8, alef_teh, 4)))
		return 2;
	return 0;
}

/* Words whose final ه is a root letter, never ة: frequent nouns and verbs
 * of the roots that end in ه (الوجه would lose its ه as الوجة does),
 * without their clitics; sorted in byte order.  له is الله without its
 * article, ه is لله without لل. */
static const char *const heh_roots[] = {
	"اتجاه", "اشتباه", "اله", "انتباه", "تجاه", "ترفيه", "تشبيه",
	"تشويه", "تنبيه", "تنزيه", "تنويه", "توجيه", "رفاه", "شبه", "شفاه",
	"فقه", "مياه", "نزيه", "واجه", "وجه", "وجوه",
};

static int by_string(const void *key, const void *elem)
{
	return strcmp(key, *(const char *const *)elem);
}

static const char *heh_root(const char *w, size_t len)
{
	char key[32];

	if (len >= sizeof key)
		return NULL;
	memcpy(key, w, len);
	key[len] = '\0';
	const char *const *e = bsearch(key, heh_roots,
				       sizeof heh_roots / sizeof *heh_roots,
				       sizeof *heh_roots, by_string);
	return e ? *e : NULL;
}

/* The stem of a word whose final ه is a root letter: a word of heh_roots
 * alone, after one clitic و ف ب ل, or after the article with its clitics
 * (Snowball would strip its ه as a pronoun where the article is missing:
 * اتجاه → اتج but الاتجاه → اتجاه), and الله, لله with their clitics.
 * NULL for the other words. */
static const char *heh_root_stem(const char *w, size_t len)
{
	static const char *const clitics[] = { "و", "ف", "ب", "ل" };
	static const char lam_heh[] = "\xD9\x84\xD9\x87",
			  lam_lam[] = "\xD9\x84\xD9\x84";
	const char *r;

	if ((r = heh_root(w, len)))
		return r;
	for (size_t k = 0; k < sizeof clitics / sizeof *clitics; k++)
		if (len > 2 && !memcmp(w, clitics[k], 2) &&
		    (r = heh_root(w + 2, len - 2)))
			return r;
	size_t n = _naqib_arabic_article(w, len);
	if (!n)
		return NULL;
	if (len - n == 4 && !memcmp(w + n, lam_heh, 4))
		return "الله";
	if (len - n == 2 && !memcmp(w + n - 4, lam_lam, 4))
		return "الله"; /* لله */
	return heh_root(w + n, len - n);
}

/* Whether the final ه of a normalized word, not one of heh_root_stem's, is
 * a pronoun and not a ة written as ه, which is what people write it for:
 *   - ه after the و of a verb's plural, with no article: نكثوه, رفضوه,
 *     يرفضوه are نكثوا + ه, the plural's ا falling before the pronoun.
 *     The nouns in وة have at most two letters before the و (دعوة، قوة،
 *     ثروة، خطوة) or an ا (علاوة), and a noun with the article takes no
 *     pronoun (الدعوة);
 *   - ه after the ات of a plural, with no article (قراراته): no noun ends
 *     in اتة.
 * Everywhere else a final ه is read as ة, the feminine ending: after ا too,
 * where the nouns in اة (حياة، مساواة، معاناة، وفاة) are as frequent as
 * the pronoun (مستواه). */
static int heh_is_pronoun(const char *w, size_t len)
{
	static const char waw[] = "\xD9\x88", alef[] = "\xD8\xA7",
			  alef_teh_heh[] = "\xD8\xA7\xD8\xAA\xD9\x87";

	if (len < 10 || _naqib_arabic_article(w, len))
		return 0;
	/* At least three letters, then و ه; the letter before و not ا. */
	if (!memcmp(w + len - 4, waw, 2) && memcmp(w + len - 6, alef, 2))
		return 1;
	return !memcmp(w + len - 6, alef_teh_heh, 6);
}

/* Nisba adjectives whose meaning has left their noun's, so that stemming
 * them together joins words of different meanings: اجتماعي (social) and
 * اجتماع (a meeting), رياضي (sporting) and الرياض, حالي (current) and حال
 * (a state), محلي (local) and محل (a shop).  The worst classes of
 * bench/stem-merges; their bases, sorted in byte order. */
static const char *const nisba_bases[] = {
	"اجتماع", "تنسيق", "حال", "دور", "دول", "رءيس", "رياض", "عمل", "محل",
	"مدن",
};

/* The stem of a nisba adjective of nisba_bases (its base and ي), with the
 * article or one clitic, and the endings ي ية يا يين يون يات; NULL for the
 * other words. */
static const char *nisba_stem(const char *w, size_t len, char *buf)
{
	static const char *const endings[] = {
		"يين", "يون", "يات", "يه", "يا", "ي",
	};
	static const char *const clitics[] = { "و", "ف", "ب", "ل", "ك" };
	size_t n = _naqib_arabic_article(w, len);

	for (size_t k = 0; !n && k < sizeof clitics / sizeof *clitics; k++)
		if (len > 8 && !memcmp(w, clitics[k], 2))
			n = 2;
	for (int pass = 0; pass < 2; pass++, n = 0) {
		const char *core = w + n;
		size_t cl = len - n;
		for (size_t k = 0; k < sizeof endings / sizeof *endings; k++) {
			size_t e = strlen(endings[k]);
			if (cl <= e + 4 || cl - e >= 32 ||
			    memcmp(core + cl - e, endings[k], e))
				continue;
			memcpy(buf, core, cl - e);
			buf[cl - e] = '\0';
			if (bsearch(buf, nisba_bases,
				    sizeof nisba_bases / sizeof *nisba_bases,
				    sizeof *nisba_bases, by_string)) {
				memcpy(buf + cl - e, "\xD9\x8A", 3);
				return buf;
			}
			break;
		}
	}
	return NULL;
}

static int snowball_stem(void *state, const char *word, size_t len,
			 const char **out, size_t *out_len)
{
	snowball_t *s = state;
	struct sb_stemmer *sb = s->sb;
	/* Decided on the word as given, before its ه becomes ة. */
	size_t skip = s->arabic ? hidden_prefix(word, len) : 0;
	const char *root = s->arabic ? heh_root_stem(word, len) : NULL;

	if (!root && s->arabic)
		root = nisba_stem(word, len, s->nisba);
	if (root) {
		*out = root;
		*out_len = strlen(root);
		return NAQIB_OK;
	}

	/* Our normalization writes ة as ه.  Snowball's Arabic rules know ة as
	 * the feminine ending and strip a final ه only in some contexts (so
	 * that النقابه would keep it where النقابة loses it): hand the ة
	 * back, unless the ه is a pronoun (heh_is_pronoun).
	 * Both the index and the query go through here. */
	if (s->arabic && len >= 2 && len <= NAQIB_MAX_STEM_INPUT &&
	    !memcmp(word + len - 2, "\xD9\x87", 2) && !heh_is_pronoun(word, len)) {
		memcpy(s->buf, word, len - 2);
		memcpy(s->buf + len - 2, "\xD8\xA9", 2);
		word = s->buf;
	}
	word += skip;
	len -= skip;
	/* Snowball strips the conjunctions و ف only before a letter other
	 * than ا, so والنقابات and فالحكومة keep them (والنقابات becomes
	 * والنقابا).  Take the conjunction off before the article. */
	if (s->arabic && len >= 10 &&
	    (!memcmp(word, "\xD9\x88\xD8\xA7\xD9\x84", 6) ||
	     !memcmp(word, "\xD9\x81\xD8\xA7\xD9\x84", 6))) {
		word += 2;
		len -= 2;
	}
	const sb_symbol *r =
		sb_stemmer_stem(sb, (const sb_symbol *)word, (int)len);

	if (!r)
		return _naqib_fail(NAQIB_E_NOMEM, "out of memory in libstemmer");
	/* Owned by libstemmer until its next call: the caller copies it. */
	*out = (const char *)r;
	*out_len = (size_t)sb_stemmer_length(sb);
	if (s->arabic)
		arabic_plurals(word, len, out, out_len);
	return NAQIB_OK;
}

static void snowball_destroy(void *state)
{
	snowball_t *s = state;

	if (s)
		sb_stemmer_delete(s->sb);
	free(s);
}

const char *naqib_stemmer_language(size_t i)
{
	const char **list = sb_stemmer_list();
	size_t n = 0;

	while (list[n])
		n++;
	return i < n ? list[i] : NULL;
}

const _naqib_stemmer_ops_t _naqib_stemmer_snowball = {
	snowball_create, snowball_stem, snowball_destroy,
};
