/* Dates of the metadata (JSON "date", TREC <TIME>/<DATE>) in the forms the
 * sources use, turned into YYYY-MM-DD for display and sorting. */
#include <ctype.h>
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

int naqib_date_normalize(const char *s, char out[11])
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
	} else if (n >= 10 && (s[2] == '/' || s[2] == '-' || s[2] == '.') &&
		   s[5] == s[2] && num(s, 2, &d) && num(s + 3, 2, &m) &&
		   num(s + 6, 4, &y)) {
		/* 10/10/2016: day first, as everywhere in the Arab world */
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
