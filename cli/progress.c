/* Rates and the time left, for naqib-index's progress line and summary
 * (progress.h). */
#include <stdio.h>

#include "progress.h"

const char *cli_rate(double per_second, char *out, size_t cap)
{
	if (per_second >= 9.95 || per_second <= 0)
		snprintf(out, cap, "%.0f", per_second > 0 ? per_second : 0.0);
	else
		snprintf(out, cap, "%.2g", per_second);
	return out;
}
