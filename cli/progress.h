/* What naqib-index tells of its progress: rates as a person reads them.
 * Pure functions of the figures they are given (no clock), so that the
 * unit tests feed them figures of their own (tests/unit/test_progress.c). */
#ifndef NAQIB_CLI_PROGRESS_H
#define NAQIB_CLI_PROGRESS_H

#include <stddef.h>

/* A rate per second as text in out (cap bytes): a whole number from 10
 * up, two significant digits below (5.3, 0.19, 0.083), so that one
 * document in 5 s reads 0.19, not 0.  Returns out. */
const char *cli_rate(double per_second, char *out, size_t cap);

/* The time left of a job, estimated from samples of the work done as it
 * goes (naqib-index(1), Messages, says the rule to its readers):
 *
 *   - none before CLI_ETA_MIN_SECONDS have passed and CLI_ETA_MIN_SHARE of
 *     the job is done: the first estimate of a run, taken after its first
 *     document, was "35:17 left" for a job of two minutes (the time of
 *     opening the database and reading the first block, over the share of
 *     one document);
 *   - the rate is that of the last CLI_ETA_WINDOW seconds, the first
 *     CLI_ETA_WARMUP seconds (the start, the first commit) left out: it
 *     follows a rate that changes, and no start weighs on it;
 *   - the rate is of the work processed (bytes read), not of the work
 *     found done (files skipped as unchanged, what --max-doc-size leaves
 *     out), which takes no time and would make it jump.
 *
 * A sample is kept a second at most, in a ring that covers the window. */
#define CLI_ETA_MIN_SECONDS 5.0
#define CLI_ETA_MIN_SHARE 0.01
#define CLI_ETA_WARMUP 2.0
#define CLI_ETA_WINDOW 30.0
#define CLI_ETA_SAMPLES 40

typedef struct cli_eta {
	double t[CLI_ETA_SAMPLES], processed[CLI_ETA_SAMPLES];
	size_t n, next;		/* samples kept; where the next goes */
} cli_eta_t;

void cli_eta_init(cli_eta_t *e);

/* Adds the sample of t seconds since the start of the job, when processed
 * units of work were processed and left of the total remain; returns the
 * seconds left at the rate of the window, or a negative number when there
 * is no estimate to show yet. */
double cli_eta(cli_eta_t *e, double t, double processed, double left,
	       double total);

#endif
