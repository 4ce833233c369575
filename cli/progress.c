/* Rates and the time left, for naqib-index's progress line and summary
 * (progress.h). */
#include <stdio.h>
#include <string.h>

#include "progress.h"

const char *cli_rate(double per_second, char *out, size_t cap)
{
	if (per_second >= 9.95 || per_second <= 0)
		snprintf(out, cap, "%.0f", per_second > 0 ? per_second : 0.0);
	else
		snprintf(out, cap, "%.2g", per_second);
	return out;
}

void cli_eta_init(cli_eta_t *e)
{
	memset(e, 0, sizeof *e);
}

double cli_eta(cli_eta_t *e, double t, double processed, double left,
	       double total)
{
	size_t last = (e->next + CLI_ETA_SAMPLES - 1) % CLI_ETA_SAMPLES;

	if (t >= CLI_ETA_WARMUP && (!e->n || t - e->t[last] >= 1.0)) {
		e->t[e->next] = t;
		e->processed[e->next] = processed;
		e->next = (e->next + 1) % CLI_ETA_SAMPLES;
		if (e->n < CLI_ETA_SAMPLES)
			e->n++;
	}
	if (t < CLI_ETA_MIN_SECONDS || total <= 0 || left < 0 ||
	    total - left < CLI_ETA_MIN_SHARE * total)
		return -1;
	/* The oldest sample of the window, a second before this one at
	 * least. */
	for (size_t k = 0; k < e->n; k++) {
		size_t i = (e->next + CLI_ETA_SAMPLES - e->n + k) % CLI_ETA_SAMPLES;
		if (e->t[i] < t - CLI_ETA_WINDOW)
			continue;
		if (t - e->t[i] < 1.0)
			break;
		double rate = (processed - e->processed[i]) / (t - e->t[i]);
		return rate > 0 ? left / rate : -1;
	}
	return -1;
}
