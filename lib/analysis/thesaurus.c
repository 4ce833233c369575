/* The thesaurus: unions, places and domain terms, each with the phrases that
 * name it, read from a text file (data/thesaurus, naqib(7)):
 *
 *     union: CDT | الكونفدرالية الديمقراطية للشغل | ك.د.ش
 *     spelling: الكونفدرالية | الكنفدرالية
 *
 * Phrases are stored as sequences of word ids.  A word id stands for a
 * normalized word and for all its spelling variants, so that matching a
 * phrase is comparing integers.  A word of a text matches a word of a phrase
 * when its normalized form, or that form without the proclitics و ف and then
 * ب ل ك (لل standing for ل + ال), is the phrase's word: «وللاتحاد» matches
 * «الاتحاد».  Matching works on normalized forms, not stems, so that a name
 * is not found in a word that only shares its root («التونسي» is not
 * «تونس»). */
#include <stdlib.h>
#include <string.h>

#include "naqib.h"
#include "internal.h"

typedef struct entry {
	int kind;
	size_t display;   /* offset of the canonical name as written */
	size_t key;       /* offset of its normalized form, words joined by ' ' */
	unsigned line;
	size_t phrase;    /* its first phrase (the canonical name): an entry's
			     phrases are one after the other */
	size_t n_phrases;
	size_t country;   /* the entry of its country (a country's is
			     itself), or NO_ENTRY */
	size_t country_key; /* the normalized name of its `country:` line
			       until resolved, or NO_ENTRY */
} entry_t;

#define NO_ENTRY ((size_t)-1)

typedef struct phrase {
	size_t entry;
	size_t first;     /* index of its first word id in words */
	size_t n;         /* number of words */
	size_t display;   /* offset of the phrase as written */
	size_t key;       /* offset of its normalized form, as entry_t's */
	int generic;      /* written ~phrase: names the entry only in a text
			     of its country (naqib_thesaurus_match()) */
} phrase_t;

struct naqib_thesaurus {
	naqib_analyzer_t *an;	/* used while loading only */
	_naqib_buf_t text;	/* every file read, for naqib_thesaurus_text() */
	_naqib_buf_t strings;	/* displays, keys and words, NUL-terminated */

	entry_t *entries;
	size_t n_entries, cap_entries;
	phrase_t *phrases;
	size_t n_phrases, cap_phrases;
	unsigned *words;	/* word ids of all phrases, end to end */
	size_t n_words, cap_words;

	/* The word table: open addressing over offsets into strings. */
	size_t *slot_str;	/* string offset + 1, 0 for an empty slot */
	unsigned *slot_id;
	size_t n_slots, n_keys;
	unsigned n_ids;

	/* Phrases sorted by first word, longest first; by_word[id] is the
	 * first index into sorted for word id, by_word[id + 1] one past. */
	size_t *sorted;
	size_t *by_word;
	int dirty;		/* phrases added since sorted was built */

	/* Phrases by (kind, words), to find a phrase named twice: open
	 * addressing over phrase index + 1. */
	size_t *pslots;
	size_t n_pslots;

	size_t country_key;	/* the current `country:` line's name while
				   loading, or NO_ENTRY */
	int any_context;	/* naqib_thesaurus_find(): generic phrases
				   name their entry without a context */

	naqib_thes_match_t *matches;	/* the result of the last match */
	size_t n_matches, cap_matches;
	unsigned char *generic;	/* per match: by a generic phrase */
	size_t cap_generic;
	unsigned *cand;		/* per token: candidate word ids */
	size_t cap_cand;
};

#define CANDS 4 /* candidate word ids per token */
#define NO_ID 0xFFFFFFFFu

static const char *const kind_names[] = { "union", "place", "term" };

const char *naqib_thes_kind_name(int kind)
{
	return kind >= 0 && kind < NAQIB_THES_KINDS ? kind_names[kind] : "?";
}

/* The kind named k[0..n) on a thesaurus line, or -1. */
static int kind_of(const char *k, size_t n)
{
	for (int i = 0; i < NAQIB_THES_KINDS; i++)
		if (strlen(kind_names[i]) == n && memcmp(kind_names[i], k, n) == 0)
			return i;
	return -1;
}


static const char *str(const naqib_thesaurus_t *th, size_t off)
{
	return th->strings.data + off;
}

/* The id of word s[0..n), or NO_ID. */
static unsigned word_lookup(const naqib_thesaurus_t *th, const char *s,
			    size_t n)
{
	if (!th->n_slots)
		return NO_ID;
	for (size_t i = _naqib_hash(s, n) & (th->n_slots - 1);;
	     i = (i + 1) & (th->n_slots - 1)) {
		if (!th->slot_str[i])
			return NO_ID;
		const char *w = str(th, th->slot_str[i] - 1);
		if (strncmp(w, s, n) == 0 && w[n] == '\0')
			return th->slot_id[i];
	}
}

static int add_string(naqib_thesaurus_t *th, const char *s, size_t n,
		      size_t *off)
{
	*off = th->strings.len;
	int st = _naqib_buf_add(&th->strings, s, n);
	if (!st)
		st = _naqib_buf_addc(&th->strings, '\0');
	return st;
}

/* The normalized words of tokens t[0..count), a space between two, added
 * to the strings of th with a NUL; *key is where they start. */
static int add_normalized(naqib_thesaurus_t *th, const naqib_token_t *t,
			  size_t count, size_t *key)
{
	int st = NAQIB_OK;

	*key = th->strings.len;
	for (size_t i = 0; i < count && !st; i++) {
		if (i)
			st = _naqib_buf_addc(&th->strings, ' ');
		if (!st)
			st = _naqib_buf_add(&th->strings, t[i].norm,
					    t[i].norm_len);
	}
	if (!st)
		st = _naqib_buf_addc(&th->strings, '\0');
	return st;
}

static void slot_put(naqib_thesaurus_t *th, size_t off1, unsigned id)
{
	const char *w = str(th, off1 - 1);
	size_t i = _naqib_hash(w, strlen(w)) & (th->n_slots - 1);

	while (th->slot_str[i])
		i = (i + 1) & (th->n_slots - 1);
	th->slot_str[i] = off1;
	th->slot_id[i] = id;
}

/* Gives word s[0..n) an id: `id` when not NO_ID (a spelling variant), else
 * a new one.  A word already known keeps its id, returned in *out. */
static int word_add(naqib_thesaurus_t *th, const char *s, size_t n, unsigned id,
		    unsigned *out)
{
	unsigned known = word_lookup(th, s, n);
	if (known != NO_ID) {
		*out = known;
		return NAQIB_OK;
	}
	if ((th->n_keys + 1) * 2 > th->n_slots) {
		size_t old = th->n_slots, *os = th->slot_str;
		unsigned *oi = th->slot_id;
		size_t ns = old ? old * 2 : 256;
		th->slot_str = calloc(ns, sizeof *th->slot_str);
		th->slot_id = calloc(ns, sizeof *th->slot_id);
		if (!th->slot_str || !th->slot_id) {
			free(th->slot_str);
			free(th->slot_id);
			th->slot_str = os;
			th->slot_id = oi;
			return _naqib_fail(NAQIB_E_NOMEM, "out of memory");
		}
		th->n_slots = ns;
		for (size_t i = 0; i < old; i++)
			if (os[i])
				slot_put(th, os[i], oi[i]);
		free(os);
		free(oi);
	}
	size_t off;
	int st = add_string(th, s, n, &off);
	if (st)
		return st;
	*out = id != NO_ID ? id : th->n_ids++;
	slot_put(th, off + 1, *out);
	th->n_keys++;
	return NAQIB_OK;
}

/* The tokens of the whole text being loaded, analysed once (an ICU pass per
 * phrase would cost more than the rest of the loading): each field takes
 * the tokens between its bytes.  No token spans a '|' or a line break. */
typedef struct text_tokens {
	const char *text;
	const naqib_token_t *t;
	size_t n;
	size_t next;	/* the first token not yet given to a field */
} text_tokens_t;

/* The tokens of field s[0..n) (s points into tt->text); fields must be
 * asked for in the order of the text. */
static int analyse(text_tokens_t *tt, const char *s, size_t n,
		   const naqib_token_t **t, size_t *count)
{
	size_t from = (size_t)(s - tt->text), to = from + n;

	while (tt->next < tt->n && tt->t[tt->next].start < from)
		tt->next++;
	*t = tt->t + tt->next;
	*count = 0;
	while (tt->next < tt->n && tt->t[tt->next].start < to) {
		if (tt->t[tt->next].flags & NAQIB_TOKEN_TOO_LONG)
			return _naqib_fail(NAQIB_E_INVALID, "a word is too long");
		tt->next++;
		(*count)++;
	}
	return NAQIB_OK;
}

static int fail_at(const char *name, unsigned line, const char *what,
		   const char *s, size_t n)
{
	return _naqib_fail(NAQIB_E_INVALID, "thesaurus '%s', line %u: %s '%.*s'",
			   name, line, what, (int)_naqib_utf8_cut(s, n, 80), s);
}

/* Trims spaces and tabs around s[0..*n). */
static const char *trim(const char *s, size_t *n)
{
	while (*n && (*s == ' ' || *s == '\t')) {
		s++;
		(*n)--;
	}
	while (*n && (s[*n - 1] == ' ' || s[*n - 1] == '\t' ||
		      s[*n - 1] == '\r'))
		(*n)--;
	return s;
}

/* The '|'-separated fields of a line, one at a time: *p walks the line. */
static int next_field(const char **p, const char *end, const char **f,
		      size_t *n)
{
	if (*p > end)
		return 0;
	const char *bar = memchr(*p, '|', (size_t)(end - *p));
	const char *stop = bar ? bar : end;
	*n = (size_t)(stop - *p);
	*f = trim(*p, n);
	*p = stop + 1;
	return 1;
}

static int load_spelling(naqib_thesaurus_t *th, text_tokens_t *tt,
			 const char *name, unsigned line, const char *p,
			 const char *end)
{
	const char *f;
	size_t n, fields = 0;
	unsigned id = NO_ID;
	const char *start = p;

	for (const char *q = p; next_field(&q, end, &f, &n);)
		fields++;
	if (fields < 2)
		return fail_at(name, line, "a spelling line needs two words or more:",
			       start, (size_t)(end - start));
	/* A group may join a word that earlier lines already gave an id:
	 * then the whole group takes that id. */
	const naqib_token_t *words[64];
	size_t nw = 0;
	for (const char *q = p; next_field(&q, end, &f, &n);) {
		const naqib_token_t *t;
		size_t count;
		if (analyse(tt, f, n, &t, &count) || count != 1)
			return fail_at(name, line, "not one word:", f, n);
		if (nw == sizeof words / sizeof *words)
			return fail_at(name, line, "more than 64 words in", start,
				       (size_t)(end - start));
		words[nw++] = t;
		unsigned known = word_lookup(th, t[0].norm, t[0].norm_len);
		if (known != NO_ID && id == NO_ID)
			id = known;
	}
	size_t k = 0;
	for (const char *q = p; next_field(&q, end, &f, &n); k++) {
		const naqib_token_t *t = words[k];
		unsigned got;
		int st;
		if ((st = word_add(th, t[0].norm, t[0].norm_len, id, &got)))
			return st;
		if (id == NO_ID)
			id = got;
		else if (got != id)
			return fail_at(name, line,
				       "this word is already in another spelling group:",
				       f, n);
	}
	return NAQIB_OK;
}

static size_t phrase_hash(int kind, const unsigned *ids, size_t n)
{
	size_t h = (size_t)kind * 0x9E3779B97F4A7C15u;

	for (size_t i = 0; i < n; i++)
		h = (h ^ ids[i]) * 1099511628211u;
	return h;
}

/* The entry of `kind` that phrase ids[0..n) names, or (size_t)-1; *slot
 * is where a new phrase goes. */
static size_t phrase_owner(const naqib_thesaurus_t *th, int kind,
			   const unsigned *ids, size_t n, size_t *slot)
{
	size_t mask = th->n_pslots - 1;

	for (size_t i = phrase_hash(kind, ids, n) & mask;; i = (i + 1) & mask) {
		*slot = i;
		if (!th->pslots[i])
			return (size_t)-1;
		const phrase_t *p = &th->phrases[th->pslots[i] - 1];
		if (p->n == n && th->entries[p->entry].kind == kind &&
		    memcmp(&th->words[p->first], ids, n * sizeof *ids) == 0)
			return p->entry;
	}
}

/* Keeps the phrase table at most half full. */
static int phrase_table_grow(naqib_thesaurus_t *th)
{
	if ((th->n_phrases + 1) * 2 <= th->n_pslots)
		return NAQIB_OK;
	size_t ns = th->n_pslots ? th->n_pslots * 2 : 1024;
	size_t *slots = calloc(ns, sizeof *slots);
	if (!slots)
		return _naqib_fail(NAQIB_E_NOMEM, "out of memory");
	free(th->pslots);
	th->pslots = slots;
	th->n_pslots = ns;
	for (size_t k = 0; k < th->n_phrases; k++) {
		const phrase_t *p = &th->phrases[k];
		size_t slot;
		phrase_owner(th, th->entries[p->entry].kind, &th->words[p->first],
			     p->n, &slot);
		th->pslots[slot] = k + 1;
	}
	return NAQIB_OK;
}

static int load_entry(naqib_thesaurus_t *th, text_tokens_t *tt,
		      const char *name, unsigned line, int kind, const char *p,
		      const char *end)
{
	const char *f;
	size_t n;
	int st, first = 1;
	size_t e = th->n_entries;

	if ((st = NAQIB_GROW(th->entries, th->cap_entries, e + 1)))
		return st;
	for (const char *q = p; next_field(&q, end, &f, &n); first = 0) {
		const naqib_token_t *t;
		size_t count;
		int generic = 0;
		if (n && *f == '~') {
			/* ~phrase: a name that other countries' entries
			 * have too ("the local union of labour"). */
			f++;
			n--;
			f = trim(f, &n);
			generic = 1;
			if (first)
				return fail_at(name, line,
					       "the canonical name cannot be "
					       "generic (~):", f, n);
			if (kind == NAQIB_THES_TERM ||
			    th->country_key == NO_ENTRY)
				return fail_at(name, line,
					       "a generic name (~) needs the "
					       "entry's country (a `country:` "
					       "line above it):", f, n);
		}
		if (!n)
			return fail_at(name, line, "empty field in", p,
				       (size_t)(end - p));
		if ((st = analyse(tt, f, n, &t, &count)))
			return fail_at(name, line, naqib_last_error(), f, n);
		if (!count)
			return fail_at(name, line, "no word in", f, n);
		/* Each phrase as written and normalized, for the lists of
		 * names and the nearest names of a name it does not know. */
		size_t display, key;
		if ((st = add_string(th, f, n, &display)))
			return st;
		if ((st = add_normalized(th, t, count, &key)))
			return st;
		if (first) {
			entry_t *en = &th->entries[e];
			en->kind = kind;
			en->line = line;
			en->display = display;
			en->key = key;
			en->phrase = th->n_phrases;
			en->n_phrases = 0;
			en->country = NO_ENTRY;
			en->country_key = kind == NAQIB_THES_TERM
						  ? NO_ENTRY
						  : th->country_key;
			if (strlen(str(th, en->key)) > NAQIB_MAX_TERM)
				return fail_at(name, line, "name too long:", f,
					       n);
		}
		size_t w0 = th->n_words;
		if ((st = NAQIB_GROW(th->words, th->cap_words, w0 + count)) ||
		    (st = NAQIB_GROW(th->phrases, th->cap_phrases, th->n_phrases + 1)))
			return st;
		for (size_t i = 0; i < count; i++) {
			/* word_add() may call the analyser: it does not. */
			if ((st = word_add(th, t[i].norm, t[i].norm_len, NO_ID,
					   &th->words[w0 + i])))
				return st;
		}
		size_t slot;
		if ((st = phrase_table_grow(th)))
			return st;
		size_t owner = phrase_owner(th, kind, &th->words[w0], count,
					    &slot);
		if (owner == e)
			continue; /* the same phrase twice in one entry */
		if (owner != (size_t)-1) {
			_naqib_buf_t m = NAQIB_BUF_INIT;
			st = _naqib_buf_printf(&m, "phrase already names %s '%s' "
					       "(line %u):", kind_names[kind],
					       str(th, th->entries[owner].display),
					       th->entries[owner].line);
			if (!st)
				st = fail_at(name, line, m.data, f, n);
			_naqib_buf_free(&m);
			return st;
		}
		th->n_words += count;
		th->phrases[th->n_phrases++] =
			(phrase_t){ e, w0, count, display, key, generic };
		th->pslots[slot] = th->n_phrases;
		th->entries[e].n_phrases++;
	}
	th->n_entries++;
	th->dirty = 1;
	return NAQIB_OK;
}

/* A `country: NAME` line: the union and place entries below it, up to
 * the next such line or the end of the file, are of the country NAME
 * (a place entry of the thesaurus, found when the file is read); '-' for
 * none. */
static int load_country(naqib_thesaurus_t *th, text_tokens_t *tt,
			const char *name, unsigned line, const char *p,
			const char *end)
{
	size_t n = (size_t)(end - p);
	const char *f = trim(p, &n);
	const naqib_token_t *t;
	size_t count;
	int st;

	th->country_key = NO_ENTRY;
	if (n == 1 && *f == '-')
		return NAQIB_OK;
	if ((st = analyse(tt, f, n, &t, &count)))
		return fail_at(name, line, naqib_last_error(), f, n);
	if (!count)
		return fail_at(name, line, "no country in", p,
			       (size_t)(end - p));
	size_t key;
	if (!(st = add_normalized(th, t, count, &key)))
		th->country_key = key;
	return st;
}

/* Gives the entries read their country: the place entry whose canonical
 * name their `country:` line wrote. */
static int resolve_countries(naqib_thesaurus_t *th, const char *name)
{
	for (size_t i = 0; i < th->n_entries; i++) {
		entry_t *en = &th->entries[i];
		if (en->country_key == NO_ENTRY)
			continue;
		const char *k = str(th, en->country_key);
		size_t c = NO_ENTRY;
		/* The entries of one country are together: the previous
		 * entry's country is most often this one's. */
		if (i && th->entries[i - 1].country != NO_ENTRY &&
		    strcmp(str(th, th->entries[th->entries[i - 1].country].key),
			   k) == 0)
			c = th->entries[i - 1].country;
		for (size_t j = 0; j < th->n_entries && c == NO_ENTRY; j++)
			if (th->entries[j].kind == NAQIB_THES_PLACE &&
			    strcmp(str(th, th->entries[j].key), k) == 0)
				c = j;
		if (c == NO_ENTRY)
			return _naqib_fail(NAQIB_E_INVALID,
					   "thesaurus '%s', line %u: the "
					   "country '%s' is no place of the "
					   "thesaurus",
					   name, en->line, k);
		en->country = c;
		en->country_key = NO_ENTRY;
		th->entries[c].country = c;
		th->entries[c].country_key = NO_ENTRY;
	}
	return NAQIB_OK;
}

/* Reads one file's text: spelling lines first, since they change what the
 * words of every entry are, then the entries. */
static int load(naqib_thesaurus_t *th, const char *text, size_t len,
		const char *name)
{
	int st;
	size_t bad;

	if (naqib_utf8_check(text, len, &bad))
		return _naqib_fail(NAQIB_E_UTF8,
				   "thesaurus '%s': invalid UTF-8 at byte %zu",
				   name, bad);
	/* Comments blanked out (offsets kept), and no stems: the loading
	 * runs in every search process, and a CGI program is one per
	 * request. */
	char *words = malloc(len + 1);
	if (!words)
		return _naqib_fail(NAQIB_E_NOMEM, "out of memory");
	memcpy(words, text, len);
	words[len] = '\0';
	for (size_t i = 0; i < len;) {
		size_t e = i;
		while (e < len && words[e] != '\n')
			e++;
		size_t f = i;
		while (f < e && (words[f] == ' ' || words[f] == '\t'))
			f++;
		if (f < e && words[f] == '#')
			memset(words + f, ' ', e - f);
		i = e + 1;
	}
	text_tokens_t tt = { text, NULL, 0, 0 };
	int stemming = _naqib_analyzer_stemming(th->an, 0);
	st = naqib_analyze(th->an, words, len, &tt.t, &tt.n);
	_naqib_analyzer_stemming(th->an, stemming);
	free(words);
	if (st)
		return st;
	th->country_key = NO_ENTRY;
	for (int pass = 0; pass < 2; pass++) {
		unsigned line = 0;
		tt.next = 0;
		for (const char *p = text, *end = text + len; p < end;) {
			const char *nl = memchr(p, '\n', (size_t)(end - p));
			const char *stop = nl ? nl : end;
			size_t n = (size_t)(stop - p);
			const char *s = trim(p, &n);
			line++;
			p = stop + 1;
			if (!n || *s == '#')
				continue;
			const char *colon = memchr(s, ':', n);
			if (!colon)
				return fail_at(name, line,
					       "expected 'KIND: phrase | ...', got",
					       s, n);
			size_t kn = (size_t)(colon - s);
			const char *k = trim(s, &kn);
			int kind = kind_of(k, kn);
			int spelling = kn == 8 && memcmp(k, "spelling", 8) == 0;
			int country = kn == 7 && memcmp(k, "country", 7) == 0;
			if (kind < 0 && !spelling && !country)
				return fail_at(name, line,
					       "unknown kind (union, place, term, "
					       "spelling or country):",
					       k, kn);
			if (pass == 0 && spelling)
				st = load_spelling(th, &tt, name, line,
						   colon + 1, s + n);
			else if (pass == 1 && country)
				st = load_country(th, &tt, name, line,
						  colon + 1, s + n);
			else if (pass == 1 && !spelling && !country)
				st = load_entry(th, &tt, name, line, kind,
						colon + 1, s + n);
			else
				st = NAQIB_OK;
			if (st)
				return st;
		}
	}
	return resolve_countries(th, name);
}

naqib_status_t naqib_thesaurus_new(naqib_analyzer_t *a, naqib_thesaurus_t **out)
{
	*out = calloc(1, sizeof **out);
	if (!*out)
		return _naqib_fail(NAQIB_E_NOMEM, "out of memory");
	(*out)->an = a;
	(*out)->text = (*out)->strings = (_naqib_buf_t)NAQIB_BUF_INIT;
	return NAQIB_OK;
}

naqib_status_t naqib_thesaurus_load(naqib_thesaurus_t *th, const char *text,
				    size_t len, const char *name)
{
	int st = load(th, text, len, name);
	if (st)
		return st;
	if ((st = _naqib_buf_add(&th->text, text, len)))
		return st;
	if (len && text[len - 1] != '\n')
		st = _naqib_buf_addc(&th->text, '\n');
	return st;
}

void naqib_thesaurus_destroy(naqib_thesaurus_t *th)
{
	if (!th)
		return;
	_naqib_buf_free(&th->text);
	_naqib_buf_free(&th->strings);
	free(th->entries);
	free(th->phrases);
	free(th->words);
	free(th->slot_str);
	free(th->slot_id);
	free(th->sorted);
	free(th->by_word);
	free(th->pslots);
	free(th->matches);
	free(th->generic);
	free(th->cand);
	free(th);
}

const char *naqib_thesaurus_text(const naqib_thesaurus_t *th, size_t *len)
{
	*len = th->text.len;
	return th->text.len ? th->text.data : "";
}

size_t naqib_thesaurus_size(const naqib_thesaurus_t *th)
{
	return th->n_entries;
}

naqib_status_t naqib_thesaurus_entry(const naqib_thesaurus_t *th, size_t i,
				     naqib_thes_entry_t *e)
{
	if (i >= th->n_entries)
		return _naqib_fail(NAQIB_E_INVALID, "no thesaurus entry %zu", i);
	e->kind = th->entries[i].kind;
	e->name = str(th, th->entries[i].display);
	e->key = str(th, th->entries[i].key);
	return NAQIB_OK;
}

/* A phrase's place in the index: by first word, longest first. */
typedef struct phrase_key {
	unsigned word;
	size_t n, phrase;
} phrase_key_t;

static int by_first_word(const void *a, const void *b)
{
	const phrase_key_t *p = a, *q = b;

	if (p->word != q->word)
		return p->word < q->word ? -1 : 1;
	if (p->n != q->n)
		return p->n > q->n ? -1 : 1;
	return p->phrase < q->phrase ? -1 : p->phrase > q->phrase;
}

/* Builds the index of phrases by first word (once, after loading). */
static int build_index(naqib_thesaurus_t *th)
{
	phrase_key_t *keys = malloc((th->n_phrases + 1) * sizeof *keys);

	free(th->sorted);
	free(th->by_word);
	th->sorted = malloc((th->n_phrases + 1) * sizeof *th->sorted);
	th->by_word = calloc(th->n_ids + 1, sizeof *th->by_word);
	if (!keys || !th->sorted || !th->by_word) {
		free(keys);
		return _naqib_fail(NAQIB_E_NOMEM, "out of memory");
	}
	for (size_t i = 0; i < th->n_phrases; i++)
		keys[i] = (phrase_key_t){ th->words[th->phrases[i].first],
					  th->phrases[i].n, i };
	qsort(keys, th->n_phrases, sizeof *keys, by_first_word);
	for (size_t i = 0; i < th->n_phrases; i++)
		th->sorted[i] = keys[i].phrase;
	size_t k = 0;
	for (unsigned id = 0; id <= th->n_ids; id++) {
		th->by_word[id] = k;
		while (k < th->n_phrases && keys[k].word == id)
			k++;
	}
	free(keys);
	th->dirty = 0;
	return NAQIB_OK;
}

static void add_cand(unsigned *c, unsigned id)
{
	if (id == NO_ID)
		return;
	for (int i = 0; i < CANDS; i++) {
		if (c[i] == id)
			return;
		if (c[i] == NO_ID) {
			c[i] = id;
			return;
		}
	}
}

static int starts(const char *s, size_t n, const char *p)
{
	size_t k = strlen(p);
	return n > k && memcmp(s, p, k) == 0;
}

/* The word ids a token may stand for: its normalized form, then without
 * و/ف, then without ب/ل/ك (and لل as ل + ال). */
static void candidates(const naqib_thesaurus_t *th, const naqib_token_t *t,
		       unsigned *c)
{
	static const char *const conj[] = { "\xd9\x88", "\xd9\x81" }; /* و ف */
	static const char *const prep[] = { "\xd8\xa8", "\xd9\x84",
					     "\xd9\x83" }; /* ب ل ك */
	const char *s = t->norm;
	size_t n = t->norm_len;

	for (int i = 0; i < CANDS; i++)
		c[i] = NO_ID;
	add_cand(c, word_lookup(th, s, n));
	if (!(t->flags & NAQIB_TOKEN_ARABIC) || n < 6)
		return;
	for (int pass = 0; pass < 2; pass++) {
		if (pass == 1) {
			int strip = 0;
			for (int i = 0; i < 2; i++)
				strip |= starts(s, n, conj[i]) && n >= 6;
			if (!strip)
				return;
			s += 2;
			n -= 2;
			add_cand(c, word_lookup(th, s, n));
		}
		if (starts(s, n, "\xd9\x84\xd9\x84") && n >= 6) {
			/* لل + word: the word with ال. */
			char buf[NAQIB_MAX_TERM + 8];
			if (n - 2 + 4 <= sizeof buf) {
				memcpy(buf, "\xd8\xa7\xd9\x84", 4);
				memcpy(buf + 4, s + 4, n - 4);
				add_cand(c, word_lookup(th, buf, n));
			}
		}
		for (int i = 0; i < 3; i++)
			if (starts(s, n, prep[i]) && n >= 6)
				add_cand(c, word_lookup(th, s + 2, n - 2));
	}
}

static int has_cand(const unsigned *c, unsigned id)
{
	for (int i = 0; i < CANDS && c[i] != NO_ID; i++)
		if (c[i] == id)
			return 1;
	return 0;
}

#define MAX_CONTEXT 32 /* countries a text names, at most, that count */

/* Keeps of the matches by a generic phrase (~) those whose entry is of a
 * country the text names otherwise: the country itself, a place of it, or
 * an entry of it named by a phrase that is not generic.  «الاتحاد المحلي
 * للشغل بطنجة» is not UGTT's: طنجة is of المغرب. */
static void keep_in_context(naqib_thesaurus_t *th)
{
	size_t ctx[MAX_CONTEXT], n_ctx = 0, kept = 0;
	int any = 0;

	for (size_t i = 0; i < th->n_matches; i++) {
		size_t c = th->entries[th->matches[i].entry].country;
		if (th->generic[i]) {
			any = 1;
			continue;
		}
		if (c == NO_ENTRY)
			continue;
		size_t k = 0;
		while (k < n_ctx && ctx[k] != c)
			k++;
		if (k == n_ctx && n_ctx < MAX_CONTEXT)
			ctx[n_ctx++] = c;
	}
	if (!any)
		return;
	for (size_t i = 0; i < th->n_matches; i++) {
		int keep = !th->generic[i];
		size_t c = th->entries[th->matches[i].entry].country;
		for (size_t k = 0; !keep && k < n_ctx; k++)
			keep = ctx[k] == c;
		if (keep) {
			th->generic[kept] = th->generic[i];
			th->matches[kept++] = th->matches[i];
		}
	}
	th->n_matches = kept;
}

naqib_status_t naqib_thesaurus_match(naqib_thesaurus_t *th,
				     const naqib_token_t *tokens, size_t count,
				     const naqib_thes_match_t **matches,
				     size_t *n_matches)
{
	int st;

	*matches = NULL;
	*n_matches = 0;
	th->n_matches = 0;
	if (!th->n_phrases || !count)
		return NAQIB_OK;
	if (th->dirty && (st = build_index(th)))
		return st;
	if ((st = NAQIB_GROW(th->cand, th->cap_cand, count * CANDS)))
		return st;
	for (size_t i = 0; i < count; i++)
		candidates(th, &tokens[i], &th->cand[i * CANDS]);
	for (size_t i = 0; i < count;) {
		const unsigned *c = &th->cand[i * CANDS];
		size_t best = (size_t)-1, best_n = 0, best_phrase = 0;
		for (int k = 0; k < CANDS && c[k] != NO_ID; k++) {
			unsigned id = c[k];
			for (size_t j = th->by_word[id]; j < th->by_word[id + 1];
			     j++) {
				const phrase_t *p = &th->phrases[th->sorted[j]];
				if (p->n <= best_n || i + p->n > count)
					continue;
				size_t w = 1;
				while (w < p->n &&
				       has_cand(&th->cand[(i + w) * CANDS],
						th->words[p->first + w]))
					w++;
				if (w == p->n) {
					best = p->entry;
					best_n = p->n;
					best_phrase = th->sorted[j];
				}
			}
		}
		if (!best_n) {
			i++;
			continue;
		}
		if ((st = NAQIB_GROW(th->matches, th->cap_matches, th->n_matches + 1)) ||
		    (st = NAQIB_GROW(th->generic, th->cap_generic, th->n_matches + 1)))
			return st;
		th->generic[th->n_matches] = th->phrases[best_phrase].generic;
		th->matches[th->n_matches++] =
			(naqib_thes_match_t){ best, i, i + best_n };
		i += best_n;
	}
	if (!th->any_context)
		keep_in_context(th);
	*matches = th->matches;
	*n_matches = th->n_matches;
	return NAQIB_OK;
}

naqib_status_t naqib_thesaurus_find(naqib_thesaurus_t *th, int kind,
				    const char *name, size_t *entry)
{
	const naqib_token_t *t;
	const naqib_thes_match_t *m;
	size_t count, n;
	int st;

	/* A name given alone is of its entry, generic or not: union:"الاتحاد
	 * الجهوي للشغل" is UGTT. */
	th->any_context = 1;
	if ((st = naqib_analyze(th->an, name, strlen(name), &t, &count)) ||
	    (st = naqib_thesaurus_match(th, t, count, &m, &n))) {
		th->any_context = 0;
		return st;
	}
	th->any_context = 0;
	for (size_t i = 0; i < n; i++)
		if (m[i].first == 0 && m[i].last == count &&
		    th->entries[m[i].entry].kind == kind) {
			*entry = m[i].entry;
			return NAQIB_OK;
		}
	/* The phrase of another kind may hide this one ("تونس" as a place
	 * inside a union's name): compare the keys as well. */
	_naqib_buf_t key = NAQIB_BUF_INIT;
	for (size_t i = 0; i < count && !st; i++) {
		if (i)
			st = _naqib_buf_addc(&key, ' ');
		if (!st)
			st = _naqib_buf_add(&key, t[i].norm, t[i].norm_len);
	}
	if (!st)
		st = NAQIB_E_NOT_FOUND;
	for (size_t i = 0; i < th->n_entries && st == NAQIB_E_NOT_FOUND; i++)
		if (th->entries[i].kind == kind && key.data &&
		    strcmp(str(th, th->entries[i].key), key.data) == 0) {
			*entry = i;
			st = NAQIB_OK;
		}
	_naqib_buf_free(&key);
	if (st == NAQIB_E_NOT_FOUND)
		return _naqib_fail(NAQIB_E_NOT_FOUND,
				   "no %s '%s' in the thesaurus", kind_names[kind],
				   name);
	return st;
}

const char *naqib_thesaurus_name(const naqib_thesaurus_t *th, size_t i,
				 size_t j)
{
	if (i >= th->n_entries || j >= th->entries[i].n_phrases)
		return NULL;
	return str(th, th->phrases[th->entries[i].phrase + j].display);
}


naqib_status_t naqib_thesaurus_nearest(naqib_thesaurus_t *th, int kind,
				       const char *name, size_t max,
				       naqib_thes_name_t *out, size_t *n)
{
	enum { MAX_CP = NAQIB_MAX_TERM };
	unsigned a[MAX_CP], b[MAX_CP];
	const naqib_token_t *t;
	size_t count;
	int st;

	*n = 0;
	if ((st = naqib_analyze(th->an, name, strlen(name), &t, &count)))
		return st;
	/* The name normalized as the phrases are: its words' forms joined
	 * by spaces (ك.د.ش is كدش, CDT cdt). */
	_naqib_buf_t key = NAQIB_BUF_INIT;
	for (size_t i = 0; i < count; i++) {
		if (i)
			_naqib_buf_addc(&key, ' ');
		_naqib_buf_add(&key, t[i].norm, t[i].norm_len);
	}
	if (key.failed) {
		_naqib_buf_free(&key);
		return _naqib_fail(NAQIB_E_NOMEM, "out of memory");
	}
	size_t la = _naqib_utf8_code_points(key.data, a, MAX_CP);
	_naqib_buf_free(&key);
	if (!la || la > MAX_CP || !max)
		return NAQIB_OK;
	/* A slip of one letter in four, two in up to eight, a quarter of
	 * the letters beyond; of names as near, those that begin most like
	 * it (_naqib_nearest_take()). */
	unsigned limit = la <= 4 ? 1 : la <= 8 ? 2 : (unsigned)(la / 4);
	_naqib_nearest_t near = _NAQIB_NEAREST_INIT(limit);
	for (size_t e = 0; e < th->n_entries; e++) {
		const entry_t *en = &th->entries[e];
		if (en->kind != kind)
			continue;
		/* The entry's nearest phrase stands for it. */
		unsigned d = limit + 1;
		size_t which = en->phrase, prefix = 0;
		for (size_t p = en->phrase; p < en->phrase + en->n_phrases; p++) {
			size_t lb = _naqib_utf8_code_points(str(th, th->phrases[p].key), b,
						MAX_CP);
			if (lb > MAX_CP)
				continue;
			unsigned dp = _naqib_edit_distance(a, la, b, lb, limit);
			size_t pp = _naqib_common_prefix(a, la, b, lb);
			if (dp < d || (dp == d && pp > prefix)) {
				d = dp;
				which = p;
				prefix = pp;
			}
		}
		int took = _naqib_nearest_take(&near, d, prefix);
		if (!took)
			continue;
		if (took == 2)
			*n = 0;
		if (*n < max)
			out[(*n)++] = (naqib_thes_name_t){
				e, str(th, th->phrases[which].display)
			};
	}
	return NAQIB_OK;
}
