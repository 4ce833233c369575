/* Dates in Arabic text: every calendar of month names, digits of any
 * script, lists and ranges of days, numeric forms, years guessed from a
 * reference date, and what must not be read as a date. */
#include <stdlib.h>

#include "check.h"
#include "internal.h"
#include "naqib.h"

static naqib_analyzer_t *a;

/* The dates found in text, "YYYY-MM-DD" separated by spaces, a '?' after
 * a guessed year. */
static const char *dates(const char *text, const char *ref)
{
	static char out[1024];
	const naqib_token_t *t;
	naqib_date_mention_t *d;
	size_t n, nd, o = 0;

	out[0] = '\0';
	CHECK(naqib_analyze(a, text, strlen(text), &t, &n) == NAQIB_OK);
	CHECK(naqib_dates_find(t, n, text, strlen(text), ref, &d, &nd) ==
	      NAQIB_OK);
	for (size_t i = 0; i < nd && o + 16 < sizeof out; i++) {
		CHECK(d[i].first < d[i].last && d[i].last <= n);
		o += (size_t)snprintf(out + o, sizeof out - o, "%s%04d-%02d-%02d%s",
				      i ? " " : "", d[i].year, d[i].month,
				      d[i].day, d[i].year_guessed ? "?" : "");
	}
	free(d);
	return out;
}

static const struct {
	const char *text, *ref, *want;
} cases[] = {
	/* Egyptian and Gulf month names, and the press of the Mashriq */
	{ "أعلن الاتحاد يوم 14 أكتوبر 2025 عن إضراب", NULL, "2025-10-14" },
	{ "في 3 يناير 2024", NULL, "2024-01-03" },
	{ "الخميس 29 فبراير 2024", NULL, "2024-02-29" },
	{ "30 فبراير 2024", NULL, "" },
	{ "1 مايو 2023 عيد العمال", NULL, "2023-05-01" },
	{ "12 أغسطس 2019", NULL, "2019-08-12" },
	{ "يوم 8 إبريل 2022", NULL, "2022-04-08" },
	{ "25 يونية 2020", NULL, "2020-06-25" },
	/* Moroccan */
	{ "فاتح ماي 2025", NULL, "2025-05-01" },
	/* Ordinal days, and Eastern digits */
	{ "يوم الخميس الأول من مايو ٢٠٢٥", NULL, "2025-05-01" },
	{ "في العاشر من أكتوبر 2024", NULL, "2024-10-10" },
	{ "الثلاثين من أبريل 2023", NULL, "2023-04-30" },
	{ "المؤتمر الأول من نوعه في مايو 2025", NULL, "" },
	{ "15 كانون الثاني 2025", NULL, "2025-01-15" },
	{ "يوم 20 يوليوز 2021", NULL, "2021-07-20" },
	{ "15 غشت 2018", NULL, "2018-08-15" },
	{ "الثلاثاء 9 شتنبر 2025", NULL, "2025-09-09" },
	{ "ابتداء من 10 نونبر 2016", NULL, "2016-11-10" },
	{ "بتاريخ 31 دجنبر 2020", NULL, "2020-12-31" },
	/* Algerian and Tunisian */
	{ "يوم 5 جانفي 2017", NULL, "2017-01-05" },
	{ "14 فيفري 2016", NULL, "2016-02-14" },
	{ "في 7 أفريل 2015", NULL, "2015-04-07" },
	{ "يوم 26 جوان 2017", NULL, "2017-06-26" },
	{ "5 جويلية 1962", NULL, "1962-07-05" },
	{ "يوم 13 أوت 2016", NULL, "2016-08-13" },
	/* Syriac names */
	{ "14 تشرين الأول 2025", NULL, "2025-10-14" },
	{ "2 تشرين الثاني 2019", NULL, "2019-11-02" },
	{ "1 كانون الثاني 2020", NULL, "2020-01-01" },
	{ "25 كانون الأول 2020", NULL, "2020-12-25" },
	{ "في 17 شباط 2011", NULL, "2011-02-17" },
	{ "8 آذار 2021", NULL, "2021-03-08" },
	{ "أول أيار و1 أيار 2010", NULL, "2010-05-01" },
	{ "6 آب 2020", NULL, "2020-08-06" },
	{ "17 تموز 2022", NULL, "2022-07-17" },
	/* Digits of every script, tashkeel, words between */
	{ "١٤ اكتوبر ٢٠٢٥", NULL, "2025-10-14" },
	{ "۱۴ أكتوبر ۲۰۲۵", NULL, "2025-10-14" },
	{ "14 مِنْ شَهْرِ أُكْتُوبَر مِن سنة 2025", NULL, "2025-10-14" },
	{ "الـ14 من أكتوبر لعام 2025", NULL, "2025-10-14" },
	{ "14 أكتوبر/تشرين الأول 2025", NULL, "2025-10-14" },
	/* Lists and ranges */
	{ "يومي 14 و15 أكتوبر 2025", NULL, "2025-10-14 2025-10-15" },
	{ "من 14 إلى 16 أكتوبر 2025", NULL,
	  "2025-10-14 2025-10-15 2025-10-16" },
	{ "أيام 14-16 أكتوبر 2025", NULL, "2025-10-14 2025-10-15 2025-10-16" },
	{ "من 30 أكتوبر إلى 2 نوفمبر 2025", NULL,
	  "2025-10-30 2025-10-31 2025-11-01 2025-11-02" },
	{ "من 28 دجنبر إلى 2 يناير 2026", NULL,
	  "2025-12-28 2025-12-29 2025-12-30 2025-12-31 2026-01-01 "
	  "2026-01-02" },
	/* Numeric */
	{ "10/10/2016", NULL, "2016-10-10" },
	{ "بتاريخ 2017-01-25T14:36:00", NULL, "2017-01-25" },
	{ "25.01.2017", NULL, "2017-01-25" },
	{ "١٠/١٠/٢٠١٦", NULL, "2016-10-10" },
	{ "13/25/2016 1/2 3.5 2016", NULL, "" },
	/* French and English in bilingual communiqués */
	{ "le 14 octobre 2025", NULL, "2025-10-14" },
	{ "grève du 1er mai", "2025-04-20", "" },
	{ "on 3 March 2024", NULL, "2024-03-03" },
	/* Without a year: the one nearest the reference date */
	{ "يوم 14 أكتوبر", NULL, "" },
	{ "يوم 14 أكتوبر", "2025-10-10", "2025-10-14?" },
	{ "يوم 28 ديسمبر", "2026-01-03", "2025-12-28?" },
	{ "يوم 3 يناير", "2025-12-30", "2026-01-03?" },
	/* Not dates: names of streets, places and events, without a year */
	{ "بشارع 9 أفريل بتونس", "2016-09-20", "" },
	{ "نهج 18 جانفي", "2016-09-20", "" },
	{ "بملعب 4 اوت بواغادوغو", "2017-04-06", "" },
	{ "ذكرى ملحمة 7 مارس", "2017-03-07", "" },
	{ "منذ ثورة 14 جانفي", "2016-01-10", "" },
	{ "أمام المدرسة الابتدائية 2 ماي بمدنين", "2016-11-22", "" },
	{ "ثورة 14 جانفي 2011", NULL, "2011-01-14" },
	{ "الحكومة في 9 أفريل", "2016-09-20", "2016-04-09?" },
	/* Not dates */
	{ "مارس العمال حقهم في الإضراب", NULL, "" },
	{ "14 عاملا في 2025", NULL, "" },
	{ "أكتوبر 2025", NULL, "" },
	{ "1446 هـ 14 رمضان 1446", NULL, "" },
	{ "", NULL, "" },
};

/* The day a text gives as its own: how, and the day ("" none). */
static const struct {
	const char *name, *text, *how, *want;
} own[] = {
	{ "«يوم أمس» and a date: the day after",
	  "عقدت النقابة لقاء يوم أمس الثلاثاء 14 أكتوبر 2025 مع الوزير، "
	  "وستباشر اللجن عملها ابتداء من الخميس 16 أكتوبر 2025.",
	  "relative", "2025-10-15" },
	{ "«اليوم» and a date: that day",
	  "تأسست النقابة في 3 مارس 1999. ونظمت اليوم الجمعة 14 أكتوبر 2016 وقفة.",
	  "relative", "2016-10-14" },
	{ "«أول أمس»: two days after",
	  "قال الوزير أول أمس 12 ماي 2025 إن الحوار مستمر", "relative",
	  "2025-05-14" },
	{ "«غدا»: the day before",
	  "يخوض الأساتذة غدا الأربعاء 15 يناير 2025 إضرابا", "relative",
	  "2025-01-14" },
	{ "an ordinal day after «اليوم الخميس»",
	  "يحتفل العمال اليوم الخميس الأول من مايو ٢٠٢٥ بعيدهم", "relative",
	  "2025-05-01" },
	{ "a dateline at the top",
	  "بلاغ\nالرباط في 12 ماي 2025\nيعلن المكتب الوطني عن إضراب يوم 20 ماي 2025",
	  "dateline", "2025-05-12" },
	{ "a signature at the bottom",
	  "يعلن المكتب عن إضراب يوم 20 ماي 2025 تخليدا لذكرى 3 مارس 1960.\n"
	  "عن المكتب الوطني\nالدار البيضاء في 14/05/2025",
	  "signature", "2025-05-14" },
	{ "«حرر ب… بتاريخ»",
	  "وقد تقرر الإضراب يوم 20 ماي 2025. حرر بطنجة بتاريخ 15 ماي 2025 والسلام",
	  "signature", "2025-05-15" },
	{ "a programme's weekday lines are not a dateline",
	  "البرنامج التالي:\nالأحد 7 ماي 2017\nالساعة 16:00 مباراة", "weekday",
	  "2017-05-07" },
	{ "an old founding date is not the date: the latest is",
	  "بعد تأسيس التنسيقية بتاريخ 27 فبراير 2021 انتقلنا يومه الثلاثاء 30 "
	  "مارس للرباط، ثم في 2 أبريل 2021 عقدنا لقاء",
	  "latest", "2021-04-02" },
	{ "a date announced as to come is not the date",
	  "تقرر في 3 أكتوبر 2025 تنظيم إضراب ابتداء من 20 أكتوبر 2025",
	  "latest", "2025-10-03" },
	{ "«أمس الخميس» and a latest date of another weekday: no date",
	  "قال أمس الخميس إن الاتفاق الموقع في 10 يناير 2017 لم يطبق",
	  "none", "" },
	{ "«أمس الخميس» and a Friday: that date",
	  "قال أمس الخميس إن اجتماع 13 يناير 2017 سيتقرر فيه الإضراب",
	  "latest", "2017-01-13" },
	{ "«أمس» with a weekday and no date: no date",
	  "أعلنت الوزارة أمس الثلاثاء عن نتائج المناظرة", "none", "" },
};

static void text_dates(void)
{
	for (size_t i = 0; i < CHECK_N(own); i++) {
		char text[1024], out[11];
		const naqib_token_t *t;
		naqib_date_mention_t *d;
		size_t n, nd, o = 0;
		/* \n in the table is a line break. */
		for (const char *p = own[i].text; *p && o + 1 < sizeof text; p++)
			if (p[0] == '\\' && p[1] == 'n') {
				text[o++] = '\n';
				p++;
			} else {
				text[o++] = *p;
			}
		text[o] = '\0';
		check_begin("own date: %s", own[i].name);
		CHECK(naqib_analyze(a, text, o, &t, &n) == NAQIB_OK);
		CHECK(naqib_dates_find(t, n, text, o, NULL, &d, &nd) == NAQIB_OK);
		naqib_text_date_t how = naqib_text_date(t, n, text, o, d, nd, out);
		CHECK_STR(naqib_text_date_name(how), own[i].how, "how");
		CHECK_STR(out, own[i].want, "date");
		free(d);
		check_end();
	}
}

/* Months given with their year and without a day. */
static const struct {
	const char *text, *want;
} months[] = {
	{ "في أكتوبر 2025", "2025-10" },
	{ "خلال شهر تشرين الأول من عام 2025", "2025-10" },
	{ "octobre 2025 et October 2024", "2025-10 2024-10" },
	{ "قبل 10/2025 وبعد 3/2026", "2025-10 2026-03" },
	{ "يوم 14 أكتوبر 2025", "" },
	{ "يوم 14/10/2025", "" },
	{ "القانون رقم 12/2025", "" },
	{ "في أكتوبر المقبل", "" },
	{ "13/2025", "" },
};

static void month_cases(void)
{
	for (size_t i = 0; i < CHECK_N(months); i++) {
		const char *text = months[i].text;
		const naqib_token_t *t;
		naqib_date_mention_t *d, *m;
		size_t n, nd, nm, o = 0;
		char got[256] = "";
		check_begin("months of '%s': %s", text,
			    *months[i].want ? months[i].want : "none");
		CHECK(naqib_analyze(a, text, strlen(text), &t, &n) == NAQIB_OK);
		CHECK(_naqib_dates_find_all(t, n, text, strlen(text), &d, &nd) ==
		      NAQIB_OK);
		CHECK(_naqib_months_find(t, n, text, strlen(text), d, nd, &m,
					 &nm) == NAQIB_OK);
		for (size_t k = 0; k < nm && o + 16 < sizeof got; k++) {
			CHECK(m[k].day == 0);
			o += (size_t)snprintf(got + o, sizeof got - o, "%s%04d-%02d",
					      k ? " " : "", m[k].year, m[k].month);
		}
		CHECK_STR(got, months[i].want, text);
		free(d);
		free(m);
		check_end();
	}
}

/* Every month word is written as the analyser normalizes it, or it could
 * never match. */
static void month_words_are_normalized(void)
{
	const char *second;
	int month;
	for (size_t i = 0; _naqib_month_word(i, &second, &month); i++) {
		const char *w = _naqib_month_word(i, &second, &month), *norm;
		size_t n;
		CHECK(month >= 1 && month <= 12);
		CHECK(naqib_normalize(a, w, strlen(w), &norm, &n) == NAQIB_OK);
		CHECK_STR(norm, w, "month word");
		if (second) {
			CHECK(naqib_normalize(a, second, strlen(second), &norm,
					      &n) == NAQIB_OK);
			CHECK_STR(norm, second, "second word");
		}
	}
}

int main(void)
{
	check_begin("the default analyser is made");
	CHECK(naqib_analyzer_new(NULL, &a) == NAQIB_OK);
	check_end();
	for (size_t i = 0; i < CHECK_N(cases); i++) {
		/* "'text' (in a document of REF): WANT". */
		const char *want = *cases[i].want ? cases[i].want : "no date";
		size_t wl = strlen(want);
		int guessed = want[wl - 1] == '?';
		char ref[64] = "";
		if (cases[i].ref)
			snprintf(ref, sizeof ref, " (in a document of %s)",
				 cases[i].ref);
		check_begin("'%s'%s: %.*s%s", cases[i].text, ref,
			    (int)(wl - guessed), want,
			    guessed ? " (year guessed)" : "");
		CHECK_STR(dates(cases[i].text, cases[i].ref), cases[i].want,
			  cases[i].text);
		check_end();
	}
	text_dates();
	month_cases();
	check_begin("every month word is written as the analyser normalizes it");
	month_words_are_normalized();
	check_end();
	naqib_analyzer_destroy(a);
	return check_done();
}
