/* Dates of the metadata (JSON "date", TREC <TIME>/<DATE>) in the forms the
 * sources use, turned into YYYY-MM-DD for display and sorting. */
#include <ctype.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "naqib.h"
#include "internal.h"

static int num(const char *s, int n, int *out)
{
	int v = 0;

	for (int i = 0; i < n; i++) {
		if (!isdigit((unsigned char)s[i]))
			return 0;
		v = v * 10 + (s[i] - '0');
	}
	*out = v;
	return 1;
}

static int valid(int y, int m, int d)
{
	static const int days[] = { 31, 29, 31, 30, 31, 30,
				    31, 31, 30, 31, 30, 31 };

	if (y < 1000 || y > 9999 || m < 1 || m > 12 || d < 1)
		return 0;
	if (d > days[m - 1])
		return 0;
	if (m == 2 && d == 29 && !(y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)))
		return 0;
	return 1;
}

/* D/M/YYYY with one or two digits for the day and the month, and the same
 * separator (/ - .) twice. */
static int day_first(const char *s, int *y, int *m, int *d)
{
	size_t a = strspn(s, "0123456789");
	if (a < 1 || a > 2 || !strchr("/-.", s[a]) || !s[a])
		return 0;
	size_t b = strspn(s + a + 1, "0123456789");
	if (b < 1 || b > 2 || s[a + 1 + b] != s[a])
		return 0;
	const char *yp = s + a + 1 + b + 1;
	if (strspn(yp, "0123456789") != 4 || isdigit((unsigned char)yp[4]))
		return 0;
	return num(s, (int)a, d) && num(s + a + 1, (int)b, m) && num(yp, 4, y);
}

void _naqib_day_key(int year, int month, int day, char out[9])
{
	snprintf(out, 9, "%04u%02u%02u", (unsigned)year % 10000,
		 (unsigned)month % 100, (unsigned)day % 100);
}

void _naqib_month_key(int year, int month, char out[7])
{
	snprintf(out, 7, "%04u%02u", (unsigned)year % 10000,
		 (unsigned)month % 100);
}

naqib_status_t naqib_date_normalize(const char *s, char out[11])
{
	static const char *const months[] = { "jan", "feb", "mar", "apr",
					      "may", "jun", "jul", "aug",
					      "sep", "oct", "nov", "dec" };
	int y = 0, m = 0, d = 0;

	out[0] = '\0';
	if (!s)
		return NAQIB_E_INVALID;
	while (isspace((unsigned char)*s))
		s++;
	size_t n = strlen(s);
	if (n >= 10 && (s[4] == '-' || s[4] == '/') && s[7] == s[4] &&
	    num(s, 4, &y) && num(s + 5, 2, &m) && num(s + 8, 2, &d)) {
		/* 2017-01-25, 2017-01-25T14:36:00+01:00, 2017/01/25 */
	} else if (day_first(s, &y, &m, &d)) {
		/* 10/10/2016, 1/9/2016: day first, as everywhere in the Arab
		 * world */
	} else {
		/* RFC 822: "Sun, 15 Jul 2018 21:56:56 +0400" or "15 Jul 2018" */
		const char *p = strchr(s, ',');
		p = p ? p + 1 : s;
		char mon[4];
		if (sscanf(p, "%2d %3s %4d", &d, mon, &y) != 3)
			return NAQIB_E_INVALID;
		for (m = 0; m < 12 && strcasecmp(mon, months[m]); m++)
			;
		m++;
	}
	if (!valid(y, m, d))
		return NAQIB_E_INVALID;
	/* valid() bounds every part, so the text is exactly 10 bytes. */
	out[0] = (char)('0' + y / 1000);
	out[1] = (char)('0' + y / 100 % 10);
	out[2] = (char)('0' + y / 10 % 10);
	out[3] = (char)('0' + y % 10);
	out[4] = '-';
	out[5] = (char)('0' + m / 10);
	out[6] = (char)('0' + m % 10);
	out[7] = '-';
	out[8] = (char)('0' + d / 10);
	out[9] = (char)('0' + d % 10);
	out[10] = '\0';
	return NAQIB_OK;
}

/* ---------------------------------------------------------------- dates in text
 *
 * Dates as people write them in Arabic news and communiqués: a day, a month
 * name from any of the Arab world's calendars of month names (or French or
 * English), and a year, with the words that may come between them
 * («14 من شهر أكتوبر سنة 2025»); lists and ranges of days («14 و15 أكتوبر»,
 * «من 14 إلى 16 أكتوبر 2025», «14 أكتوبر إلى 2 نوفمبر 2025»); numeric dates
 * (10/10/2016, 2017-01-25, 25.01.2017).  The matching runs on the analysed
 * words, so Arabic-Indic digits, hamza and diacritics are already folded. */

/* Month names, normalized as the analyser does (a unit test checks it).
 * Two-word Mashriqi names are written with their second word. */
static const struct month_name {
	const char *word;
	const char *second; /* NULL, or the word that must follow */
	int month;
} month_names[] = {
	/* Egypt, the Gulf, the Levant's press; Morocco; Algeria and Tunisia */
	{ "يناير", NULL, 1 }, { "جانفي", NULL, 1 }, { "ينير", NULL, 1 },
	{ "فبراير", NULL, 2 }, { "فيفري", NULL, 2 }, { "فبرير", NULL, 2 },
	{ "مارس", NULL, 3 },
	{ "ابريل", NULL, 4 }, { "افريل", NULL, 4 },
	{ "مايو", NULL, 5 }, { "ماي", NULL, 5 }, { "مايه", NULL, 5 },
	{ "يونيو", NULL, 6 }, { "يونيه", NULL, 6 }, { "جوان", NULL, 6 },
	{ "يوليو", NULL, 7 }, { "يوليه", NULL, 7 }, { "يوليوز", NULL, 7 },
	{ "جويليه", NULL, 7 },
	{ "اغسطس", NULL, 8 }, { "غشت", NULL, 8 }, { "اوت", NULL, 8 },
	{ "سبتمبر", NULL, 9 }, { "شتنبر", NULL, 9 },
	{ "اكتوبر", NULL, 10 },
	{ "نوفمبر", NULL, 11 }, { "نونبر", NULL, 11 },
	{ "ديسمبر", NULL, 12 }, { "دجنبر", NULL, 12 },
	/* Syriac names: the Levant and Iraq */
	{ "كانون", "الثاني", 1 }, { "كانون", "ثاني", 1 },
	{ "شباط", NULL, 2 }, { "اذار", NULL, 3 }, { "نيسان", NULL, 4 },
	{ "ايار", NULL, 5 }, { "حزيران", NULL, 6 }, { "تموز", NULL, 7 },
	{ "اب", NULL, 8 }, { "ايلول", NULL, 9 },
	{ "تشرين", "الاول", 10 }, { "تشرين", "اول", 10 },
	{ "تشرين", "الثاني", 11 }, { "تشرين", "ثاني", 11 },
	{ "كانون", "الاول", 12 }, { "كانون", "اول", 12 },
	/* French and English, for bilingual communiqués */
	{ "janvier", NULL, 1 }, { "fevrier", NULL, 2 }, { "mars", NULL, 3 },
	{ "avril", NULL, 4 }, { "mai", NULL, 5 }, { "juin", NULL, 6 },
	{ "juillet", NULL, 7 }, { "aout", NULL, 8 }, { "septembre", NULL, 9 },
	{ "octobre", NULL, 10 }, { "novembre", NULL, 11 },
	{ "decembre", NULL, 12 },
	{ "january", NULL, 1 }, { "february", NULL, 2 }, { "march", NULL, 3 },
	{ "april", NULL, 4 }, { "may", NULL, 5 }, { "june", NULL, 6 },
	{ "july", NULL, 7 }, { "august", NULL, 8 }, { "september", NULL, 9 },
	{ "october", NULL, 10 }, { "november", NULL, 11 },
	{ "december", NULL, 12 },
};

const char *_naqib_month_word(size_t i, const char **second, int *month)
{
	if (i >= sizeof month_names / sizeof *month_names)
		return NULL;
	*second = month_names[i].second;
	*month = month_names[i].month;
	return month_names[i].word;
}

static int is_word(const naqib_token_t *t, const char *w)
{
	return t->norm_len == strlen(w) && memcmp(t->norm, w, t->norm_len) == 0;
}

/* The month at tokens t[i..n): its number, and in *len how many words it
 * takes; 0 if none. */
static int month_at(const naqib_token_t *t, size_t i, size_t n, size_t *len)
{
	for (size_t k = 0; k < sizeof month_names / sizeof *month_names; k++) {
		const struct month_name *m = &month_names[k];
		if (!is_word(&t[i], m->word))
			continue;
		if (!m->second) {
			*len = 1;
			return m->month;
		}
		if (i + 1 < n && is_word(&t[i + 1], m->second)) {
			*len = 2;
			return m->month;
		}
	}
	return 0;
}

/* The value of a number token of at most `digits` digits, or -1. */
static int number(const naqib_token_t *t, size_t digits)
{
	if (!(t->flags & NAQIB_TOKEN_NUMBER) || t->norm_len > digits)
		return -1;
	int v = 0;
	for (size_t i = 0; i < t->norm_len; i++) {
		if (!isdigit((unsigned char)t->norm[i]))
			return -1;
		v = v * 10 + (t->norm[i] - '0');
	}
	return v;
}

/* A day of the month: 1 to 31, or «فاتح» (the first, as in «فاتح ماي»). */
static int day_at(const naqib_token_t *t)
{
	int d = number(t, 2);
	if (d >= 1 && d <= 31)
		return d;
	if (is_word(t, "فاتح") || is_word(t, "الفاتح"))
		return 1;
	return -1;
}

/* A day written as an ordinal and followed by «من»: «الأول من مايو»,
 * «العاشر من رمضان» (not a date: no month), «الثلاثين من أبريل»; -1 if
 * none.  Only with «من», which an ordinal of anything else rarely has
 * before a month name. */
static int ordinal_at(const naqib_token_t *t, size_t i, size_t n)
{
	static const char *const w[] = { "الاول", "الثاني", "الثالث",
					  "الرابع", "الخامس", "السادس",
					  "السابع", "الثامن", "التاسع",
					  "العاشر" };
	if (i + 1 >= n || !is_word(&t[i + 1], "من"))
		return -1;
	for (size_t k = 0; k < sizeof w / sizeof *w; k++)
		if (is_word(&t[i], w[k]))
			return (int)k + 1;
	if (is_word(&t[i], "العشرين"))
		return 20;
	if (is_word(&t[i], "الثلاثين"))
		return 30;
	return -1;
}

static int year_of(const naqib_token_t *t)
{
	int y = t->norm_len == 4 ? number(t, 4) : -1;
	return y >= 1900 && y <= 2099 ? y : -1;
}

/* Words that may stand between a day and its month or a month and its
 * year: «14 من شهر أكتوبر من سنة 2025». */
static int filler(const naqib_token_t *t)
{
	static const char *const w[] = { "من", "شهر", "لشهر", "سنه", "لسنه",
					  "عام", "لعام", "de", "of" };
	for (size_t i = 0; i < sizeof w / sizeof *w; i++)
		if (is_word(t, w[i]))
			return 1;
	return 0;
}

/* Words before a day and a month that make them a name: a street, a
 * square, a stadium, an airport, a school («المدرسة الابتدائية 2 ماي»), an
 * event.  (Normalized: ة is ه, ى is ي, ئ is ء.) */
static int names_before(const naqib_token_t *t)
{
	static const char *const w[] = { "شارع", "نهج", "ساحه", "ملعب",
					  "مطار", "جامعه", "مدرسه", "معهد",
					  "ثوره", "ملحمه", "احداث", "انتفاضه",
					  "حركه", "تيار", "ذكري", "الابتداءيه",
					  "الاعداديه", "الثانويه", "النموذجيه" };
	/* With a proclitic too: «بشارع», «وملعب». */
	naqib_token_t bare = *t;
	if (t->norm_len > 4 && (!memcmp(t->norm, "\xd8\xa8", 2) ||
				!memcmp(t->norm, "\xd9\x88", 2) ||
				!memcmp(t->norm, "\xd9\x84", 2) ||
				!memcmp(t->norm, "\xd9\x81", 2))) {
		bare.norm += 2;
		bare.norm_len -= 2;
	}
	for (size_t i = 0; i < sizeof w / sizeof *w; i++)
		if (is_word(t, w[i]) || is_word(&bare, w[i]))
			return 1;
	return 0;
}

/* Words joining two days or two dates: 1 for a list, 2 for a range. */
static int joiner(const naqib_token_t *t)
{
	if (is_word(t, "و") || is_word(t, "et") || is_word(t, "and"))
		return 1;
	if (is_word(t, "الي") || is_word(t, "حتي") || is_word(t, "au") ||
	    is_word(t, "to") || is_word(t, "لغايه") || is_word(t, "غايه"))
		return 2;
	return 0;
}

/* Whether only a hyphen or a dash stands between two tokens. */
static int dash_between(const char *text, const naqib_token_t *a,
			const naqib_token_t *b)
{
	int dash = 0;
	for (size_t i = a->end; i < b->start;) {
		unsigned c = _naqib_utf8_next(text, &i);
		if (c == '-' || c == 0x2013 || c == 0x2014)
			dash = 1;
		else if (c != ' ')
			return 0;
	}
	return dash;
}

static long day_number(int y, int m, int d)
{
	/* Days since a fixed epoch (the proleptic Gregorian calendar). */
	if (m <= 2) {
		y--;
		m += 12;
	}
	return 365L * y + y / 4 - y / 100 + y / 400 + (153 * (m - 3) + 2) / 5 +
	       d;
}

static void from_day_number(long n, int *y, int *m, int *d)
{
	/* The inverse of day_number(), by search: ranges are short. */
	int yy = (int)(n / 366);
	while (day_number(yy + 1, 1, 1) <= n)
		yy++;
	int mm = 1;
	while (mm < 12 && day_number(yy, mm + 1, 1) <= n)
		mm++;
	*y = yy;
	*m = mm;
	*d = (int)(n - day_number(yy, mm, 1)) + 1;
}

typedef struct found {
	naqib_date_mention_t *v;
	size_t n, cap;
} found_t;

static int push(found_t *f, naqib_date_mention_t m)
{
	naqib_status_t st = NAQIB_GROW(f->v, f->cap, f->n + 1);

	if (st)
		return st;
	f->v[f->n++] = m;
	return NAQIB_OK;
}

/* A numeric date written in the text from byte `at`: 10/10/2016,
 * 2017-01-25, 25.01.2017 (day first, as everywhere in the Arab world).
 * Returns the byte after it, or 0. */
static size_t numeric_at(const char *text, size_t len, size_t at, int *y,
			 int *m, int *d)
{
	int part[3] = { 0, 0, 0 };
	size_t digits[3] = { 0, 0, 0 }, i = at;
	unsigned sep = 0;

	for (int k = 0; k < 3; k++) {
		while (i < len) {
			size_t j = i;
			unsigned c = _naqib_utf8_next(text, &j);
			int v = c >= '0' && c <= '9'           ? (int)(c - '0')
				: c >= 0x0660 && c <= 0x0669 ? (int)(c - 0x0660)
				: c >= 0x06F0 && c <= 0x06F9 ? (int)(c - 0x06F0)
							     : -1;
			if (v < 0 || digits[k] == 4)
				break;
			part[k] = part[k] * 10 + v;
			digits[k]++;
			i = j;
		}
		if (!digits[k])
			return 0;
		if (k < 2) {
			if (i >= len || !strchr("/-.", text[i]))
				return 0;
			if (k == 1 && (unsigned)text[i] != sep)
				return 0;
			sep = (unsigned)text[i++];
		}
	}
	if (i < len && isdigit((unsigned char)text[i]))
		return 0;
	if (digits[0] <= 2 && digits[1] <= 2 && digits[2] == 4) {
		*d = part[0], *m = part[1], *y = part[2];
	} else if (digits[0] == 4 && digits[1] <= 2 && digits[2] <= 2) {
		*y = part[0], *m = part[1], *d = part[2];
	} else {
		return 0;
	}
	if (*y < 1900 || *y > 2099 || !valid(*y, *m, *d))
		return 0;
	return i;
}

static int by_position(const void *a, const void *b)
{
	const naqib_date_mention_t *p = a, *q = b;
	long dp = day_number(p->year, p->month, p->day);
	long dq = day_number(q->year, q->month, q->day);

	if (p->first != q->first)
		return p->first < q->first ? -1 : 1;
	return dp < dq ? -1 : dp > dq;
}

/* The year that puts day/month nearest to the reference date. */
static int guess_year(int m, int d, int ry, int rm, int rd)
{
	long ref = day_number(ry, rm, rd), best = -1;
	int year = ry;

	for (int y = ry - 1; y <= ry + 1; y++) {
		if (!valid(y, m, d))
			continue;
		long dist = labs(day_number(y, m, d) - ref);
		if (best < 0 || dist < best) {
			best = dist;
			year = y;
		}
	}
	return year;
}

/* A worded date at t[i]: days, month, optional year.  Pushes one mention
 * per day (year 0 when the text gives none) and returns the token after
 * the date, or i when there is none. */
static size_t worded_at(const char *text, const naqib_token_t *t, size_t i,
			size_t n, found_t *f, int *st)
{
	int days[31], range = 0;
	size_t nd = 0, k = i;

	*st = NAQIB_OK;
	int day0 = day_at(&t[k]);
	if (day0 < 0)
		day0 = ordinal_at(t, k, n);
	if (day0 < 0)
		return i;
	/* «شارع 9 أفريل», «ملعب 4 أوت», «ثورة 14 جانفي»: a day and month
	 * that name a street, a place or an event are a date only with a
	 * year. */
	size_t before = i > 0 && is_word(&t[i - 1], "ال") ? i - 1 : i;
	int named = before > 0 && names_before(&t[before - 1]);
	days[nd++] = day0;
	k++;
	/* More days: «14 و15», «من 14 إلى 16», «14-16». */
	while (k + 1 < n && nd < 31) {
		int j = joiner(&t[k]);
		if (j && day_at(&t[k + 1]) > 0) {
			range |= j == 2;
			days[nd++] = day_at(&t[k + 1]);
			k += 2;
		} else if (dash_between(text, &t[k - 1], &t[k]) &&
			   day_at(&t[k]) > 0) {
			range = 1;
			days[nd++] = day_at(&t[k]);
			k++;
		} else {
			break;
		}
	}
	while (k < n && filler(&t[k]) && k - i < 8)
		k++;
	size_t mlen;
	if (k >= n)
		return i;
	int month = month_at(t, k, n, &mlen);
	if (!month)
		return i;
	k += mlen;
	/* «أكتوبر/تشرين الأول»: the same month in a second calendar. */
	size_t m2len;
	if (k < n && month_at(t, k, n, &m2len) == month)
		k += m2len;
	size_t y = k;
	while (y < n && filler(&t[y]) && y - k < 3)
		y++;
	int year = y < n ? year_of(&t[y]) : -1;
	size_t end = year > 0 ? y + 1 : k;
	if (year < 0 && named)
		return k;
	if (year < 0)
		year = 0;
	int from = days[0], to = days[nd - 1];
	for (size_t a = 0; a < nd; a++) {
		if (range && a + 1 == nd && nd == 2 && from < to) {
			for (int d = from + 1; d <= to && !*st; d++)
				*st = push(f, (naqib_date_mention_t){
						      year, month, d, i, end, 0 });
			break;
		}
		*st = push(f, (naqib_date_mention_t){ year, month, days[a], i,
						      end, 0 });
		if (*st)
			break;
	}
	return end;
}

/* The dates of the text; those without a year keep year 0 unless a date
 * joined to them gives one. */
static naqib_status_t find_all(const naqib_token_t *t, size_t n,
			       const char *text, size_t len, found_t *out)
{
	found_t f = { NULL, 0, 0 };
	int st = NAQIB_OK;

	for (size_t i = 0; i < n && !st;) {
		int y, m, d;
		size_t stop = 0;
		if (t[i].flags & NAQIB_TOKEN_NUMBER)
			stop = numeric_at(text, len, t[i].start, &y, &m, &d);
		if (stop) {
			size_t j = i + 1;
			while (j < n && t[j].start < stop)
				j++;
			st = push(&f, (naqib_date_mention_t){ y, m, d, i, j, 0 });
			i = j;
			continue;
		}
		size_t j = worded_at(text, t, i, n, &f, &st);
		i = j == i ? i + 1 : j;
	}
	/* A date without a year joined to the next one takes its year
	 * («14 أكتوبر إلى 16 نوفمبر 2025»), and a range joined that way fills
	 * the days between. */
	for (size_t a = 0; a < f.n && !st; a++) {
		naqib_date_mention_t *m = &f.v[a];
		if (m->year)
			continue;
		size_t b = a + 1;
		while (b < f.n && f.v[b].first == m->first)
			b++;
		if (b < f.n && f.v[b].year && f.v[b].first > m->last &&
		    f.v[b].first - m->last == 1 && joiner(&t[m->last])) {
			naqib_date_mention_t *next = &f.v[b];
			m->year = next->year - (m->month > next->month);
			if (joiner(&t[m->last]) == 2 && m->first != next->first) {
				long lo = day_number(m->year, m->month, m->day);
				long hi = day_number(next->year, next->month,
						     next->day);
				/* Fill a range of up to two months once,
				 * from the last day of the first date. */
				if (b == a + 1 && hi - lo > 1 && hi - lo <= 62) {
					/* push() may move f.v: m and next
					 * point into it. */
					size_t first = m->first, last = next->last;
					for (long x = lo + 1; x < hi && !st; x++) {
						int yy, mm, dd;
						from_day_number(x, &yy, &mm, &dd);
						st = push(&f, (naqib_date_mention_t){
								      yy, mm, dd, first,
								      last, 0 });
					}
				}
			}
		}
	}
	if (st) {
		free(f.v);
		return st;
	}
	if (f.n)
		qsort(f.v, f.n, sizeof *f.v, by_position);
	*out = f;
	return NAQIB_OK;
}

void _naqib_dates_give_year(naqib_date_mention_t *d, size_t *count,
			    const char *ref)
{
	int ry = 0, rm = 0, rd = 0;
	size_t k = 0;

	if (!ref || strlen(ref) != 10 || !num(ref, 4, &ry) ||
	    !num(ref + 5, 2, &rm) || !num(ref + 8, 2, &rd) ||
	    !valid(ry, rm, rd))
		ry = 0;
	/* Dates without a year take the one nearest the reference date;
	 * without one, they are dropped, and so are days that do not
	 * exist. */
	for (size_t a = 0; a < *count; a++) {
		naqib_date_mention_t m = d[a];
		if (!m.year && ry) {
			m.year = guess_year(m.month, m.day, ry, rm, rd);
			m.year_guessed = 1;
		}
		if (m.year && valid(m.year, m.month, m.day))
			d[k++] = m;
	}
	*count = k;
	if (k)
		qsort(d, k, sizeof *d, by_position);
}

naqib_status_t _naqib_dates_find_all(const naqib_token_t *t, size_t n,
				     const char *text, size_t len,
				     naqib_date_mention_t **out, size_t *count)
{
	found_t f;
	naqib_status_t st = find_all(t, n, text, len, &f);

	*out = NULL;
	*count = 0;
	if (st)
		return st;
	*out = f.v;
	*count = f.n;
	return NAQIB_OK;
}

naqib_status_t naqib_dates_find(const naqib_token_t *t, size_t n,
				const char *text, size_t len, const char *ref,
				naqib_date_mention_t **out, size_t *count)
{
	naqib_status_t st = _naqib_dates_find_all(t, n, text, len, out, count);

	if (st)
		return st;
	_naqib_dates_give_year(*out, count, ref);
	if (!*count) {
		free(*out);
		*out = NULL;
	}
	return NAQIB_OK;
}

/* ---------------------------------------------------------------- the text's own date
 *
 * The date a text gives as the day it was written, for a document without
 * a date in its metadata (bench/doc-date measures the rule on news whose
 * metadata gives the day; naqib(7) has the figures). */

static int weekday_of(int y, int m, int d)
{
	/* 0 Monday … 6 Sunday: 14 October 2025 was a Tuesday. */
	long x = day_number(y, m, d) - day_number(2025, 10, 13);
	return (int)(((x % 7) + 7) % 7);
}

/* A weekday's name (0 Monday … 6 Sunday), or -1. */
static int weekday_word(const naqib_token_t *t)
{
	static const char *const w[][3] = {
		{ "الاثنين", "اثنين", "الاتنين" }, { "الثلاثاء", "الثلاثا", NULL },
		{ "الاربعاء", "الاربعا", NULL },    { "الخميس", NULL, NULL },
		{ "الجمعه", NULL, NULL },            { "السبت", NULL, NULL },
		{ "الاحد", NULL, NULL },
	};
	for (int k = 0; k < 7; k++)
		for (int j = 0; j < 3 && w[k][j]; j++)
			if (is_word(t, w[k][j]))
				return k;
	return -1;
}

/* Days between the day a word names and the day it is said: «اليوم» 0,
 * «أمس» 1, «أول أمس» 2, «غدا» -1; 99 if it names none.  *len: its
 * words. */
static int relative_at(const naqib_token_t *t, size_t i, size_t n,
		       size_t *len)
{
	static const char *const today[] = { "اليوم", "لليوم", "واليوم" };
	static const char *const yesterday[] = { "امس", "الامس", "وامس",
						 "بالامس", "البارحه" };
	static const char *const tomorrow[] = { "غدا", "وغدا" };

	*len = 1;
	if ((is_word(&t[i], "اول") || is_word(&t[i], "واول")) && i + 1 < n &&
	    (is_word(&t[i + 1], "امس") || is_word(&t[i + 1], "الامس"))) {
		*len = 2;
		return 2;
	}
	for (size_t k = 0; k < sizeof today / sizeof *today; k++)
		if (is_word(&t[i], today[k]))
			return 0;
	for (size_t k = 0; k < sizeof yesterday / sizeof *yesterday; k++)
		if (is_word(&t[i], yesterday[k]))
			return 1;
	for (size_t k = 0; k < sizeof tomorrow / sizeof *tomorrow; k++)
		if (is_word(&t[i], tomorrow[k]))
			return -1;
	return 99;
}

/* Words that may stand between «أمس» and the date it names: «أمس
 * الثلاثاء 14 أكتوبر», «يوم أمس صباحا», «اليوم الموافق 14 أكتوبر». */
static int relative_filler(const naqib_token_t *t)
{
	static const char *const w[] = { "يوم", "صباح", "صباحا", "مساء",
					  "ليله", "ظهر", "عشيه", "صبيحه",
					  "الموافق", "الماضي" };
	if (weekday_word(t) >= 0)
		return 1;
	for (size_t k = 0; k < sizeof w / sizeof *w; k++)
		if (is_word(t, w[k]))
			return 1;
	return 0;
}

/* Words before a date (or «المقبل» after it) that put it after the day of
 * writing: an announcement, not the day it is written. */
static int future_around(const naqib_token_t *t, size_t n,
			 const naqib_date_mention_t *m)
{
	static const char *const w[] = { "المقبل", "القادم", "المقبله",
					  "القادمه", "غدا", "وغدا", "انطلاقا",
					  "اعتبارا" };
	size_t from = m->first > 3 ? m->first - 3 : 0;
	for (size_t i = from; i <= m->last && i < n; i++) {
		if (i >= m->first && i < m->last)
			continue;
		if (t[i].norm_len >= 10 && !memcmp(t[i].norm, "ابتداء", 10))
			return 1;
		for (size_t k = 0; k < sizeof w / sizeof *w; k++)
			if (is_word(&t[i], w[k]))
				return 1;
	}
	return 0;
}

/* Whether a line of the text (tokens [from, to)) is a dateline: the date
 * alone, or after at most three words (a place) and «في» or «بتاريخ»
 * («الرباط في 12 ماي 2025», «حرر بالدار البيضاء بتاريخ 12/05/2025»), and
 * no weekday (a programme's «الأحد 7 ماي 2017»: a day of it). */
static int dated_line(const naqib_token_t *t, size_t from, size_t to,
		      const naqib_date_mention_t *m)
{
	if (m->last != to || m->first < from || m->first - from > 4)
		return 0;
	for (size_t i = from; i < m->first; i++)
		if (weekday_word(&t[i]) >= 0)
			return 0;
	if (m->first == from)
		return 1;
	const naqib_token_t *b = &t[m->first - 1];
	return is_word(b, "في") || is_word(b, "بتاريخ") || is_word(b, "le");
}

/* The tokens of the lines of text: line k is [start[k], start[k + 1]). */
static size_t line_end(const char *text, size_t len, const naqib_token_t *t,
		       size_t n, size_t from)
{
	if (from >= n)
		return n;
	const char *nl = memchr(text + t[from].start, '\n',
				len - t[from].start);
	size_t at = nl ? (size_t)(nl - text) : len;
	size_t i = from;
	while (i < n && t[i].start < at)
		i++;
	return i;
}

static void put_date(const naqib_date_mention_t *m, long shift, char out[11])
{
	int y, mo, d;
	from_day_number(day_number(m->year, m->month, m->day) + shift, &y, &mo,
			&d);
	snprintf(out, 11, "%04u-%02u-%02u", (unsigned)y % 10000,
		 (unsigned)mo % 100, (unsigned)d % 100);
}

naqib_text_date_t naqib_text_date(const naqib_token_t *t, size_t n,
				  const char *text, size_t len,
				  const naqib_date_mention_t *d, size_t nd,
				  char out[11])
{
	size_t first_line[3][2], last_line[3][2], nf = 0, nl = 0;
	int writing_weekday = -1, long_line = 0;

	out[0] = '\0';
	if (!n)
		return NAQIB_TEXT_DATE_NONE;
	/* The first three lines, and the last three (last_line[0] the
	 * last). */
	for (size_t at = 0; at < n;) {
		size_t e = line_end(text, len, t, n, at);
		/* The top: the lines before the first of the body (more
		 * than 12 words). */
		if (nf < 3 && !long_line) {
			first_line[nf][0] = at;
			first_line[nf++][1] = e;
		}
		long_line |= e - at > 12;
		memmove(last_line[1], last_line[0], 2 * sizeof last_line[0]);
		last_line[0][0] = at;
		last_line[0][1] = e;
		nl += nl < 3;
		at = e;
	}
	/* A dateline at the top, a signature at the bottom, «حرر ب… في». */
	for (size_t i = 0; i < nd; i++) {
		if (!d[i].year || d[i].year_guessed)
			continue;
		for (size_t k = 0; k < nf; k++)
			if (dated_line(t, first_line[k][0], first_line[k][1],
				       &d[i])) {
				put_date(&d[i], 0, out);
				return NAQIB_TEXT_DATE_DATELINE;
			}
	}
	for (size_t i = nd; i-- > 0;) {
		if (!d[i].year || d[i].year_guessed)
			continue;
		for (size_t k = 0; k < nl; k++)
			if (dated_line(t, last_line[k][0], last_line[k][1],
				       &d[i])) {
				put_date(&d[i], 0, out);
				return NAQIB_TEXT_DATE_SIGNATURE;
			}
		size_t from = d[i].first > 8 ? d[i].first - 8 : 0;
		for (size_t j = from; j < d[i].first; j++)
			if (t[j].norm_len >= 6 &&
			    (!memcmp(t[j].norm, "حرر", 6) ||
			     (t[j].norm_len >= 8 && !memcmp(t[j].norm, "وحرر", 8)))) {
				put_date(&d[i], 0, out);
				return NAQIB_TEXT_DATE_SIGNATURE;
			}
	}
	/* «يوم أمس الثلاثاء 14 أكتوبر 2025»: the day after. */
	for (size_t i = 0; i < n; i++) {
		size_t rl;
		int shift = relative_at(t, i, n, &rl);
		if (shift == 99)
			continue;
		size_t j = i + rl;
		int wd = -1;
		while (j < n && j - i < 6 && relative_filler(&t[j])) {
			if (weekday_word(&t[j]) >= 0)
				wd = weekday_word(&t[j]);
			j++;
		}
		if (wd >= 0 && writing_weekday < 0)
			writing_weekday = (wd + shift + 7) % 7;
		for (size_t k = 0; k < nd; k++)
			if (d[k].first == j && d[k].year && !d[k].year_guessed) {
				put_date(&d[k], shift, out);
				return NAQIB_TEXT_DATE_RELATIVE;
			}
	}
	/* Else the first date written with its weekday («الثلاثاء 14
	 * أكتوبر 2025»: a day of the week of writing, more often than a
	 * date without one), else the latest date; neither when the text
	 * announces it («ابتداء من», «المقبل»), nor when the text names
	 * another weekday as the day of writing. */
	for (int with_weekday = 1; with_weekday >= 0; with_weekday--) {
		const naqib_date_mention_t *best = NULL;
		long best_day = 0;
		for (size_t i = 0; i < nd; i++) {
			if (!d[i].year || d[i].year_guessed ||
			    future_around(t, n, &d[i]))
				continue;
			int wd = weekday_of(d[i].year, d[i].month, d[i].day);
			if (with_weekday &&
			    !(d[i].first > 0 && weekday_word(&t[d[i].first - 1]) == wd) &&
			    !(d[i].first > 1 && weekday_word(&t[d[i].first - 2]) == wd))
				continue;
			long x = day_number(d[i].year, d[i].month, d[i].day);
			/* The first with its weekday (bench/doc-date: 28.8 %
			 * to the day, the latest 27.3 %), the latest
			 * without. */
			if (!best || (!with_weekday && x > best_day)) {
				best = &d[i];
				best_day = x;
			}
		}
		if (!best)
			continue;
		if (writing_weekday >= 0 &&
		    weekday_of(best->year, best->month, best->day) !=
			    writing_weekday)
			return NAQIB_TEXT_DATE_NONE;
		put_date(best, 0, out);
		return with_weekday ? NAQIB_TEXT_DATE_WEEKDAY
				    : NAQIB_TEXT_DATE_LATEST;
	}
	return NAQIB_TEXT_DATE_NONE;
}

const char *naqib_text_date_name(naqib_text_date_t how)
{
	switch (how) {
	case NAQIB_TEXT_DATE_DATELINE:
		return "dateline";
	case NAQIB_TEXT_DATE_SIGNATURE:
		return "signature";
	case NAQIB_TEXT_DATE_RELATIVE:
		return "relative";
	case NAQIB_TEXT_DATE_WEEKDAY:
		return "weekday";
	case NAQIB_TEXT_DATE_LATEST:
		return "latest";
	default:
		return "none";
	}
}

/* ---------------------------------------------------------------- months
 *
 * A month and its year without a day: «أكتوبر 2025», «تشرين الأول 2025»,
 * «شهر أكتوبر من سنة 2025», «octobre 2025», «10/2025». */

naqib_status_t _naqib_months_find(const naqib_token_t *t, size_t n,
				  const char *text, size_t len,
				  const naqib_date_mention_t *days, size_t nd,
				  naqib_date_mention_t **out, size_t *count)
{
	found_t f = { NULL, 0, 0 };
	int st = NAQIB_OK;
	size_t next_day = 0;

	*out = NULL;
	*count = 0;
	for (size_t i = 0; i < n && !st; i++) {
		/* Not a word of a day's date (days are sorted by position). */
		while (next_day < nd && days[next_day].last <= i)
			next_day++;
		int covered = 0;
		for (size_t k = next_day; k < nd && days[k].first <= i; k++)
			covered |= i < days[k].last;
		if (covered)
			continue;
		size_t mlen, end = 0;
		int month = month_at(t, i, n, &mlen), year = -1;
		if (month) {
			size_t k = i + mlen, m2len;
			if (k < n && month_at(t, k, n, &m2len) == month)
				k += m2len;
			size_t y = k;
			while (y < n && filler(&t[y]) && y - k < 3)
				y++;
			if (y < n && (year = year_of(&t[y])) > 0)
				end = y + 1;
		} else if (i + 1 < n && (month = number(&t[i], 2)) >= 1 &&
			   month <= 12 && t[i].end < len && text[t[i].end] == '/' &&
			   t[i + 1].start == t[i].end + 1 &&
			   (year = year_of(&t[i + 1])) > 0 &&
			   !(t[i + 1].end < len && strchr("/-.", text[t[i + 1].end]) &&
			     t[i + 1].end + 1 < len &&
			     isdigit((unsigned char)text[t[i + 1].end + 1])) &&
			   !(t[i].start > 0 && strchr("/-.", text[t[i].start - 1])) &&
			   !(i > 0 && (is_word(&t[i - 1], "رقم") ||
				       is_word(&t[i - 1], "عدد")))) {
			/* 10/2025; not a law's number («القانون رقم
			 * 12/2025»), nor a part of 14/10/2025. */
			end = i + 2;
		}
		if (!end || year < 0)
			continue;
		st = push(&f, (naqib_date_mention_t){ year, month, 0, i, end, 0 });
		i = end - 1;
	}
	if (st) {
		free(f.v);
		return st;
	}
	*out = f.v;
	*count = f.n;
	return NAQIB_OK;
}
