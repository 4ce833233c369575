/* The analysis pipeline, the one used by the indexer, the query parser and
 * the snippets: words found by ICU's word break iterator over the ORIGINAL
 * text (so offsets are the reader's bytes), split further at changes of
 * script and between letters and digits, then normalized, checked against
 * the stopword list and stemmed.
 *
 * Normalization (written down as a table in naqib(7)):
 *   NFKC with case folding (presentation forms and ligatures such as ﻻ to
 *   letters, Latin to lower case, format controls such as ZWNJ, ZWJ, LRM,
 *   RLM removed), then tashkeel, Quranic marks and tatweel removed, أ إ آ ٱ
 *   folded to ا, ؤ ئ to ء, ى to ي, ة to ه, Persian and Urdu letter forms to
 *   the Arabic ones, digits of every script to ASCII, and accents removed
 *   from Latin letters.
 *
 * Most words are plain Arabic or ASCII and need none of NFKC's work: a fast
 * path folds them with a table and only the rest go through ICU.  A unit
 * test checks that both paths agree on every code point of the Arabic block. */
#include <stdlib.h>
#include <string.h>

#include <unicode/ubrk.h>
#include <unicode/uchar.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>
#include <unicode/utext.h>

#include "naqib.h"
#include "internal.h"

#define DEL 0u          /* fold result: the code point is removed */
#define SLOW 0xFFFFFFFFu /* fold result: needs ICU's normalization first */

struct naqib_analyzer {
	char stemmer_name[32];
	char latin_name[32];
	naqib_stemmer_t *arabic;
	naqib_stemmer_t *latin; /* NULL: Latin words are not stemmed */
	const UNormalizer2 *nfkc_cf;
	const UNormalizer2 *nfd;
	UBreakIterator *words;
	UText *utext;

	naqib_token_t *tokens; /* the result of the last naqib_analyze() */
	size_t count, cap;
	size_t *offsets;       /* per token: norm and stem offsets in arena */
	size_t offsets_cap;
	_naqib_buf_t arena;    /* norm and stem strings of the tokens */

	_naqib_buf_t norm;     /* scratch: one normalized word */
	_naqib_buf_t stem;     /* scratch: one stem */
	UChar *u16a, *u16b;    /* scratch for the ICU path */
	size_t u16a_cap, u16b_cap;
	int32_t u16cap;        /* what both hold */
	naqib_thesaurus_t *thesaurus; /* owned; NULL for none */
	int no_stems;          /* tokens get their normalized form as stem */
	/* Stems already computed: a word's stem depends on the word only, and
	 * a text repeats its words.  Open addressing over entries in
	 * stems.data ([key length][stem length][key][stem], lengths one byte
	 * each: words are at most NAQIB_MAX_TERM bytes); emptied when full. */
	uint32_t *stem_slots;  /* entry offset + 1; 0: empty */
	size_t stem_entries;
	_naqib_buf_t stems;
};

#define STEM_SLOTS 65536u        /* a power of two */
#define STEM_MAX_ENTRIES 40000u  /* then the cache is emptied */
#define STEM_MAX_BYTES (4u << 20)

/* What the folding table does to one code point after NFKC: DEL, SLOW, or
 * the code point it becomes.  Only code points the fast path may see (ASCII
 * and the Arabic block) and the Arabic letters NFKC produces are mapped. */
static unsigned fold_arabic(unsigned c)
{
	switch (c) {
	case 0x0622: case 0x0623: case 0x0625: /* آ أ إ */
	case 0x0671: case 0x0672: case 0x0673: /* ٱ ٲ ٳ */
		return 0x0627;                  /* ا */
	case 0x0624: case 0x0626:              /* ؤ ئ */
		return 0x0621;                  /* ء */
	case 0x0629:                           /* ة */
	case 0x06BE: case 0x06C0: case 0x06C1: /* ھ ۀ ہ */
	case 0x06C2: case 0x06C3: case 0x06D5: /* ۂ ۃ ە */
		return 0x0647;                  /* ه */
	case 0x0649:                           /* ى */
	case 0x063D: case 0x063E: case 0x063F: /* Farsi yeh variants */
	case 0x06CC: case 0x06CD: case 0x06CE: /* ی ۍ ێ */
	case 0x06D0: case 0x06D2: case 0x06D3: /* ې ے ۓ */
		return 0x064A;                  /* ي */
	case 0x06A9: case 0x06AA: case 0x063B: /* ک ڪ ػ */
	case 0x063C: case 0x06AD: case 0x06AF: /* ؼ ڭ گ */
		return 0x0643;                  /* ك */
	case 0x06A4:                           /* ڤ */
		return 0x0641;                  /* ف */
	case 0x067E:                           /* پ */
		return 0x0628;                  /* ب */
	case 0x0686:                           /* چ */
		return 0x062C;                  /* ج */
	case 0x0698:                           /* ژ */
		return 0x0632;                  /* ز */
	case 0x066B:                           /* Arabic decimal separator */
		return '.';
	case 0x066C:                           /* Arabic thousands separator */
		return ',';
	case 0x0640:                           /* tatweel */
		return DEL;
	case 0x0653: case 0x0654: case 0x0655:
	case 0x0675: case 0x0676: case 0x0677: case 0x0678:
		return SLOW; /* compose with NFC / decompose with NFKC */
	}
	if (c >= 0x0660 && c <= 0x0669)
		return '0' + (c - 0x0660);
	if (c >= 0x06F0 && c <= 0x06F9)
		return '0' + (c - 0x06F0);
	if ((c >= 0x0610 && c <= 0x061A) || (c >= 0x064B && c <= 0x065F) ||
	    c == 0x0670 || (c >= 0x06D6 && c <= 0x06DC) ||
	    (c >= 0x06DF && c <= 0x06E4) || c == 0x06E7 || c == 0x06E8 ||
	    (c >= 0x06EA && c <= 0x06ED))
		return DEL; /* tashkeel, dagger alef, Quranic marks */
	if ((c >= 0x0600 && c <= 0x0605) || c == 0x061C || c == 0x06DD)
		return DEL; /* Arabic format characters */
	return c;
}

/* The fast path's fold: ASCII and the Arabic block, SLOW for the rest. */
static unsigned fold_fast(unsigned c)
{
	if (c < 0x80)
		return (c >= 'A' && c <= 'Z') ? c + 32 : c;
	if (c >= 0x0600 && c <= 0x06FF)
		return fold_arabic(c);
	return SLOW;
}

/* The fold applied after NFKC with case folding, for any code point. */
static unsigned fold_full(const naqib_analyzer_t *a, unsigned c)
{
	if (c < 0x80)
		return c;
	if (c >= 0x0600 && c <= 0x06FF) {
		unsigned f = fold_arabic(c);
		/* What is left of 0653..0655 after NFC did not compose. */
		return f == SLOW ? DEL : f;
	}
	int8_t type = u_charType((UChar32)c);
	if (type == U_NON_SPACING_MARK || type == U_ENCLOSING_MARK ||
	    type == U_COMBINING_SPACING_MARK || type == U_FORMAT_CHAR)
		return DEL;
	if (type == U_DECIMAL_DIGIT_NUMBER) {
		int32_t v = u_charDigitValue((UChar32)c);
		if (v >= 0 && v <= 9)
			return '0' + (unsigned)v;
	}
	if (c >= 0x00C0 && c <= 0x024F) {
		/* A Latin letter with a diacritic: keep the base letter, so that
		 * grève and greve are the same word. */
		UChar d[8];
		UErrorCode err = U_ZERO_ERROR;
		int32_t n = unorm2_getDecomposition(a->nfd, (UChar32)c, d, 8,
						    &err);
		if (U_SUCCESS(err) && n > 0 && d[0] < 0x80)
			return d[0];
	}
	return c;
}

static int ensure_u16(naqib_analyzer_t *a, int32_t need)
{
	naqib_status_t st;

	if ((st = NAQIB_GROW(a->u16a, a->u16a_cap, (size_t)need)) ||
	    (st = NAQIB_GROW(a->u16b, a->u16b_cap, (size_t)need)))
		return st;
	/* Both grow alike; ICU takes an int32_t (need is bounded). */
	size_t cap = a->u16a_cap < a->u16b_cap ? a->u16a_cap : a->u16b_cap;
	a->u16cap = cap > INT32_MAX ? INT32_MAX : (int32_t)cap;
	return NAQIB_OK;
}

/* The ICU path: NFKC_Casefold, then the fold. */
static int normalize_slow(naqib_analyzer_t *a, const char *w, size_t len)
{
	UErrorCode err = U_ZERO_ERROR;
	int32_t n16 = 0, m16;
	int st;

	if (len > INT32_MAX / 4)
		return _naqib_fail(NAQIB_E_INVALID, "word too long");
	if ((st = ensure_u16(a, (int32_t)len + 1)))
		return st;
	u_strFromUTF8(a->u16a, a->u16cap, &n16, w, (int32_t)len, &err);
	if (U_FAILURE(err))
		return _naqib_fail(NAQIB_E_ICU, "ICU: %s", u_errorName(err));
	for (;;) {
		err = U_ZERO_ERROR;
		m16 = unorm2_normalize(a->nfkc_cf, a->u16a, n16, a->u16b,
				       a->u16cap, &err);
		if (err != U_BUFFER_OVERFLOW_ERROR)
			break;
		if ((st = ensure_u16(a, m16 + 1)))
			return st;
	}
	if (U_FAILURE(err))
		return _naqib_fail(NAQIB_E_ICU, "ICU: %s", u_errorName(err));
	a->norm.len = 0;
	if ((st = _naqib_buf_reserve(&a->norm, (size_t)m16 * 3)))
		return st;
	for (int32_t i = 0; i < m16;) {
		UChar32 c;
		U16_NEXT(a->u16b, i, m16, c);
		unsigned f = fold_full(a, (unsigned)c);
		if (f != DEL)
			a->norm.len += _naqib_utf8_put(a->norm.data + a->norm.len,
						       f);
	}
	a->norm.data[a->norm.len] = '\0';
	return NAQIB_OK;
}

/* Normalizes w[0..len) into a->norm. */
static int normalize_word(naqib_analyzer_t *a, const char *w, size_t len)
{
	int st;

	a->norm.len = 0;
	if ((st = _naqib_buf_reserve(&a->norm, len)))
		return st;
	for (size_t i = 0; i < len;) {
		unsigned f = fold_fast(_naqib_utf8_next(w, &i));
		if (f == SLOW)
			return normalize_slow(a, w, len);
		if (f != DEL)
			/* Never longer than the input: the fast fold maps to
			 * code points of the same or a shorter UTF-8 length. */
			a->norm.len += _naqib_utf8_put(a->norm.data + a->norm.len,
						       f);
	}
	a->norm.data[a->norm.len] = '\0';
	return NAQIB_OK;
}

naqib_status_t naqib_normalize(naqib_analyzer_t *a, const char *word,
			       size_t len, const char **out, size_t *out_len)
{
	int st = naqib_utf8_check(word, len, NULL);

	if (!st)
		st = normalize_word(a, word, len);
	if (st) {
		*out = NULL;
		return st;
	}
	*out = a->norm.data;
	*out_len = a->norm.len;
	return NAQIB_OK;
}

naqib_status_t _naqib_normalize_icu(naqib_analyzer_t *a, const char *w,
				    size_t len, const char **out,
				    size_t *out_len)
{
	int st = normalize_slow(a, w, len);

	*out = st ? NULL : a->norm.data;
	*out_len = st ? 0 : a->norm.len;
	return st;
}

static int stem_uncached(naqib_analyzer_t *a, const char *norm, size_t len,
			 const char **out, size_t *out_len)
{
	size_t i = 0;
	unsigned c = len ? _naqib_utf8_next(norm, &i) : 0;

	if (_naqib_is_arabic(c))
		return naqib_stemmer_stem(a->arabic, norm, len, out, out_len);
	if (a->latin && u_isalpha((UChar32)c))
		return naqib_stemmer_stem(a->latin, norm, len, out, out_len);
	*out = norm;
	*out_len = len;
	return NAQIB_OK;
}

naqib_status_t naqib_analyzer_stem(naqib_analyzer_t *a, const char *norm,
				   size_t len, const char **out,
				   size_t *out_len)
{
	if (len == 0 || len > 255 ||
	    (!a->stem_slots &&
	     !(a->stem_slots = calloc(STEM_SLOTS, sizeof *a->stem_slots))))
		return stem_uncached(a, norm, len, out, out_len);
	uint64_t h = _naqib_hash(norm, len);
	size_t k = h & (STEM_SLOTS - 1);
	for (; a->stem_slots[k]; k = (k + 1) & (STEM_SLOTS - 1)) {
		const unsigned char *e =
			(const unsigned char *)a->stems.data + a->stem_slots[k] - 1;
		if (e[0] == len && memcmp(e + 2, norm, len) == 0) {
			*out = (const char *)e + 2 + len;
			*out_len = e[1];
			return NAQIB_OK;
		}
	}
	int st = stem_uncached(a, norm, len, out, out_len);
	if (st || *out_len > 255)
		return st;
	if (a->stem_entries >= STEM_MAX_ENTRIES ||
	    a->stems.len + 2 + len + *out_len > STEM_MAX_BYTES) {
		memset(a->stem_slots, 0, STEM_SLOTS * sizeof *a->stem_slots);
		a->stem_entries = 0;
		a->stems.len = 0;
		for (k = h & (STEM_SLOTS - 1); a->stem_slots[k];
		     k = (k + 1) & (STEM_SLOTS - 1))
			;
	}
	/* The stem may be in a->norm or the stemmer's buffer: copy it before
	 * the cache's buffer moves. */
	const char *stem = *out;
	size_t at = a->stems.len, sl = *out_len;
	if (_naqib_buf_reserve(&a->stems, 2 + len + sl))
		return NAQIB_OK; /* no room: the stem is still right */
	char *e = a->stems.data + at;
	e[0] = (char)len;
	e[1] = (char)sl;
	memcpy(e + 2, norm, len);
	memcpy(e + 2 + len, stem, sl);
	a->stems.len += 2 + len + sl;
	a->stem_slots[k] = (uint32_t)at + 1;
	a->stem_entries++;
	*out = e + 2 + len;
	return NAQIB_OK;
}

naqib_status_t naqib_analyzer_new(const naqib_analyzer_options_t *opts,
				  naqib_analyzer_t **out)
{
	const char *stemmer = opts && opts->stemmer ? opts->stemmer
						    : NAQIB_DEFAULT_STEMMER;
	const char *latin = opts && opts->latin_stemmer
				    ? opts->latin_stemmer
				    : NAQIB_DEFAULT_LATIN_STEMMER;
	UErrorCode err = U_ZERO_ERROR;
	int st;

	*out = NULL;
	naqib_analyzer_t *a = calloc(1, sizeof *a);
	if (!a)
		return _naqib_fail(NAQIB_E_NOMEM, "out of memory");
	a->arena = a->norm = a->stem = a->stems = (_naqib_buf_t)NAQIB_BUF_INIT;
	if (strlen(stemmer) >= sizeof a->stemmer_name ||
	    strlen(latin) >= sizeof a->latin_name) {
		st = _naqib_fail(NAQIB_E_INVALID, "stemmer name too long");
		goto fail;
	}
	strcpy(a->stemmer_name, stemmer);
	strcpy(a->latin_name, latin);
	if ((st = naqib_stemmer_new(stemmer, NULL, &a->arabic)))
		goto fail;
	if (strcmp(latin, "none") != 0 &&
	    (st = naqib_stemmer_new("snowball", latin, &a->latin))) {
		_naqib_fail(st, "unknown Latin stemmer '%s' (a Snowball "
			    "language such as french or english, or none)",
			    latin);
		goto fail;
	}
	a->nfkc_cf = unorm2_getNFKCCasefoldInstance(&err);
	a->nfd = unorm2_getNFDInstance(&err);
	a->words = ubrk_open(UBRK_WORD, "ar", NULL, 0, &err);
	if (U_FAILURE(err)) {
		st = _naqib_fail(NAQIB_E_ICU, "cannot load ICU data: %s",
				 u_errorName(err));
		goto fail;
	}
	*out = a;
	return NAQIB_OK;
fail:
	naqib_analyzer_destroy(a);
	return st;
}

void naqib_analyzer_destroy(naqib_analyzer_t *a)
{
	if (!a)
		return;
	naqib_thesaurus_destroy(a->thesaurus);
	naqib_stemmer_destroy(a->arabic);
	naqib_stemmer_destroy(a->latin);
	if (a->words)
		ubrk_close(a->words);
	if (a->utext)
		utext_close(a->utext);
	free(a->tokens);
	free(a->offsets);
	_naqib_buf_free(&a->arena);
	_naqib_buf_free(&a->norm);
	_naqib_buf_free(&a->stem);
	_naqib_buf_free(&a->stems);
	free(a->stem_slots);
	free(a->u16a);
	free(a->u16b);
	free(a);
}

void naqib_analyzer_options_init(naqib_analyzer_options_t *o)
{
	o->stemmer = NULL;
	o->latin_stemmer = NULL;
}

const char *naqib_analyzer_stemmer(const naqib_analyzer_t *a)
{
	return a->stemmer_name;
}

const char *naqib_analyzer_latin_stemmer(const naqib_analyzer_t *a)
{
	return a->latin_name;
}

/* ------------------------------------------------------------ splitting */

enum cls { C_PUNCT, C_MARK, C_DIGIT, C_ARABIC, C_OTHER };

/* The rial sign ﷼ (U+FDFC) is a currency symbol to ICU and a word to NFKC
 * (ریال): a reader who types ريال looks for it.  It is the only symbol of
 * the Arabic presentation forms whose decomposition is letters (a unit
 * test checks the blocks). */
#define RIAL_SIGN 0xFDFCu
static const char rial_utf8[] = "\xEF\xB7\xBC";

static enum cls classify(unsigned c)
{
	if (c < 0x80) {
		if ((c | 32) >= 'a' && (c | 32) <= 'z')
			return C_OTHER;
		if (c >= '0' && c <= '9')
			return C_DIGIT;
		return C_PUNCT;
	}
	if (c >= 0x0600 && c <= 0x06FF) {
		unsigned f = fold_arabic(c);
		if (f == DEL || (c >= 0x0653 && c <= 0x0655))
			return C_MARK;
		if (f >= '0' && f <= '9')
			return C_DIGIT;
		if (c == 0x066B || c == 0x066C)
			return C_PUNCT; /* joins digits, see below */
		if (u_isalpha((UChar32)c))
			return C_ARABIC;
		return C_PUNCT;
	}
	if (c == RIAL_SIGN)
		return C_ARABIC;
	switch (u_charType((UChar32)c)) {
	case U_NON_SPACING_MARK:
	case U_ENCLOSING_MARK:
	case U_COMBINING_SPACING_MARK:
	case U_FORMAT_CHAR:
		return C_MARK;
	case U_DECIMAL_DIGIT_NUMBER:
		return C_DIGIT;
	case U_UPPERCASE_LETTER:
	case U_LOWERCASE_LETTER:
	case U_TITLECASE_LETTER:
	case U_MODIFIER_LETTER:
	case U_OTHER_LETTER:
		return _naqib_is_arabic(c) ? C_ARABIC : C_OTHER;
	default:
		return C_PUNCT;
	}
}

static int push_token(naqib_analyzer_t *a, size_t start, size_t end,
		      const char *norm, size_t norm_len, unsigned flags)
{
	const char *stem;
	size_t stem_len;
	int st;

	if ((st = NAQIB_GROW(a->tokens, a->cap, a->count + 1)) ||
	    (st = NAQIB_GROW(a->offsets, a->offsets_cap, 2 * a->count + 2)))
		return st;
	if (norm_len > NAQIB_MAX_TERM || a->no_stems) {
		if (norm_len > NAQIB_MAX_TERM)
			flags |= NAQIB_TOKEN_TOO_LONG;
		stem = norm;
		stem_len = norm_len;
	} else if ((st = naqib_analyzer_stem(a, norm, norm_len, &stem,
					     &stem_len))) {
		return st;
	}
	if ((flags & NAQIB_TOKEN_ARABIC) && naqib_is_stopword(norm, norm_len))
		flags |= NAQIB_TOKEN_STOPWORD;

	naqib_token_t *t = &a->tokens[a->count];
	t->start = start;
	t->end = end;
	t->flags = flags;
	t->norm_len = norm_len;
	t->stem_len = stem_len;
	a->offsets[2 * a->count] = a->arena.len;
	/* The stem may point into a->norm or the stemmer: copy both. */
	if ((st = _naqib_buf_add(&a->arena, norm, norm_len)) ||
	    (st = _naqib_buf_addc(&a->arena, '\0')))
		return st;
	a->offsets[2 * a->count + 1] = a->arena.len;
	if ((st = _naqib_buf_add(&a->arena, stem, stem_len)) ||
	    (st = _naqib_buf_addc(&a->arena, '\0')))
		return st;
	a->count++;
	return NAQIB_OK;
}

/* Normalizes text[start..end), a run of one class, and adds its token(s). */
static int emit_run(naqib_analyzer_t *a, const char *text, size_t start,
		    size_t end, enum cls cls, int acronym)
{
	int st = normalize_word(a, text + start, end - start);
	unsigned flags;

	if (st)
		return st;
	char *n = a->norm.data;
	size_t len = a->norm.len;
	if (acronym) {
		/* U.M.T and ك.د.ش are the words UMT and كدش. */
		size_t o = 0;
		for (size_t i = 0; i < len; i++)
			if (n[i] != '.')
				n[o++] = n[i];
		len = o;
		n[len] = '\0';
	}
	flags = cls == C_DIGIT ? NAQIB_TOKEN_NUMBER
		: cls == C_ARABIC ? NAQIB_TOKEN_ARABIC
				  : NAQIB_TOKEN_LATIN;
	/* NFKC turns a few ligatures (ﷺ) into several words: each becomes a
	 * token over the same original bytes. */
	size_t i = 0;
	while (i < len) {
		while (i < len && n[i] == ' ')
			i++;
		size_t j = i;
		while (j < len && n[j] != ' ')
			j++;
		if (j > i && (st = push_token(a, start, end, n + i, j - i,
					      flags)))
			return st;
		i = j;
	}
	return NAQIB_OK;
}

static int is_number_joiner(unsigned c)
{
	return c == '.' || c == ',' || c == 0x066B || c == 0x066C;
}

/* Splits one ICU word, text[start..end), into runs of letters of one script
 * or of digits.  Marks and format characters stay with the run they are in.
 * A separator between digits (3,650 or ٣٫٥) stays in the number, and dots
 * between single letters (U.M.T, ك.د.ش) make one acronym. */
static int split_word(naqib_analyzer_t *a, const char *text, size_t start,
		      size_t end)
{
	size_t i = start, run_start = start;
	enum cls run = C_PUNCT;
	size_t seg_letters = 0; /* letters since the run's start or last dot */
	int acronym = 0;
	int st;

	while (i < end) {
		size_t at = i;
		unsigned c = _naqib_utf8_next(text, &i);
		enum cls k = classify(c);

		if (k == C_MARK) {
			if (run == C_PUNCT) {
				run_start = at;
				run = C_MARK;
			}
			continue;
		}
		if (k == C_PUNCT) {
			size_t j = i;
			unsigned next = j < end ? _naqib_utf8_next(text, &j) : 0;
			enum cls nk = j > i ? classify(next) : C_PUNCT;
			if (run == C_DIGIT && is_number_joiner(c) &&
			    nk == C_DIGIT)
				continue;
			if (c == '.' && (run == C_ARABIC || run == C_OTHER) &&
			    seg_letters == 1 && nk == run) {
				/* Joins only if the next segment is a single
				 * letter too. */
				size_t m = j;
				unsigned after = m < end
					? _naqib_utf8_next(text, &m) : '.';
				if (m == j || after == '.' ||
				    classify(after) != run) {
					acronym = 1;
					seg_letters = 0;
					continue;
				}
			}
			if (run != C_PUNCT && run != C_MARK &&
			    (st = emit_run(a, text, run_start, at, run,
					   acronym)))
				return st;
			run = C_PUNCT;
			acronym = 0;
			continue;
		}
		if (k == run) {
			seg_letters++;
			continue;
		}
		if (run != C_PUNCT && run != C_MARK) {
			if ((st = emit_run(a, text, run_start, at, run,
					   acronym)))
				return st;
			run_start = at;
		} else if (run == C_PUNCT) {
			run_start = at;
		}
		run = k;
		seg_letters = 1;
		acronym = 0;
	}
	if (run != C_PUNCT && run != C_MARK)
		return emit_run(a, text, run_start, end, run, acronym);
	return NAQIB_OK;
}

naqib_status_t naqib_analyze(naqib_analyzer_t *a, const char *text, size_t len,
			     const naqib_token_t **tokens, size_t *count)
{
	return _naqib_analyze_stoppable(a, text, len, NULL, NULL, tokens,
					count);
}

naqib_status_t _naqib_analyze_stoppable(naqib_analyzer_t *a, const char *text,
					size_t len, int (*stop)(void *ctx),
					void *ctx, const naqib_token_t **tokens,
					size_t *count)
{
	UErrorCode err = U_ZERO_ERROR;
	size_t bad, pieces = 0;
	int st;

	*tokens = NULL;
	*count = 0;
	a->count = 0;
	a->arena.len = 0;
	if ((st = naqib_utf8_check(text, len, &bad)))
		return st;
	if (len > INT64_MAX)
		return _naqib_fail(NAQIB_E_INVALID, "text too long");
	a->utext = utext_openUTF8(a->utext, text, (int64_t)len, &err);
	ubrk_setUText(a->words, a->utext, &err);
	if (U_FAILURE(err))
		return _naqib_fail(NAQIB_E_ICU, "ICU word break: %s",
				   u_errorName(err));
	int32_t from = ubrk_first(a->words);
	for (int32_t to = ubrk_next(a->words); to != UBRK_DONE;
	     from = to, to = ubrk_next(a->words)) {
		/* Words and the spaces between them: 8192 pieces, 4096
		 * words, are about 2 ms of analysis. */
		if (stop && ++pieces % 8192 == 0 &&
		    (st = _naqib_asked_to_stop(stop, ctx))) {
			a->count = 0;
			return st;
		}
		if (ubrk_getRuleStatus(a->words) < UBRK_WORD_NONE_LIMIT &&
		    !memmem(text + from, (size_t)(to - from), rial_utf8, 3))
			continue; /* spaces and punctuation */
		if ((st = split_word(a, text, (size_t)from, (size_t)to)))
			return st;
	}
	for (size_t k = 0; k < a->count; k++) {
		a->tokens[k].norm = a->arena.data + a->offsets[2 * k];
		a->tokens[k].stem = a->arena.data + a->offsets[2 * k + 1];
	}
	*tokens = a->tokens;
	*count = a->count;
	return NAQIB_OK;
}

void naqib_analyzer_set_thesaurus(naqib_analyzer_t *a, naqib_thesaurus_t *th)
{
	if (a->thesaurus != th)
		naqib_thesaurus_destroy(a->thesaurus);
	a->thesaurus = th;
}

naqib_thesaurus_t *naqib_analyzer_thesaurus(const naqib_analyzer_t *a)
{
	return a->thesaurus;
}

int _naqib_analyzer_stemming(naqib_analyzer_t *a, int on)
{
	int was = !a->no_stems;

	a->no_stems = !on;
	return was;
}
