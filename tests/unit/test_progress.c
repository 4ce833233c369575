/* naqib-index's figures of progress (cli/progress.c): rates as a person
 * reads them, and the time left, estimated from samples given here (time,
 * work processed, work left) rather than read from a clock. */
#include <math.h>

#include "check.h"
#include "progress.h"

#define MB 1e6

/* A job of `total` bytes processed at `rate` bytes a second after a
 * start of `slow` seconds at a tenth of it, sampled every 0.2 s as the
 * progress line is: the estimate at each sample from 0.2 s to `until`.
 * *worst is the largest error, in seconds, of those shown at `from` or
 * after; *shown the time of the first shown (-1: none). */
static void steady(double total, double rate, double slow, double until,
		   double from, double *worst, double *shown)
{
	cli_eta_t e;

	cli_eta_init(&e);
	*worst = 0;
	*shown = -1;
	for (int k = 1; k * 0.2 <= until + 1e-9; k++) {
		double t = k * 0.2;
		double done = t <= slow ? rate / 10 * t
				       : rate / 10 * slow + rate * (t - slow);
		if (done > total)
			break;
		double eta = cli_eta(&e, t, done, total - done, total);
		if (eta < 0)
			continue;
		if (*shown < 0)
			*shown = t;
		double truth = (total - done) / rate;
		if (t >= from && fabs(eta - truth) > *worst)
			*worst = fabs(eta - truth);
	}
}

/* The first estimate of a run of 102 MB, after its first document
 * (0.05 s in, 2 KB done): it said 35:17 for a run of two minutes. */
static void test_first_document(void)
{
	cli_eta_t e;

	cli_eta_init(&e);
	CHECK(cli_eta(&e, 0.05, 2400, 102 * MB - 2400, 102 * MB) < 0);
}

static void test_not_before_seconds(void)
{
	double worst, shown;

	/* 1 MB/s on 20 MB: 10% done at 2 s, and still nothing to show. */
	steady(20 * MB, 1 * MB, 0, 20, 0, &worst, &shown);
	CHECK_MSG(shown >= CLI_ETA_MIN_SECONDS - 1e-9,
		  "first shown at %.1f s", shown);
	CHECK_MSG(shown < CLI_ETA_MIN_SECONDS + 0.5, "first shown at %.1f s",
		  shown);
}

static void test_not_before_share(void)
{
	double worst, shown;

	/* 10 GB at 1 MB/s: 1% takes 100 s. */
	steady(10000 * MB, 1 * MB, 0, 120, 0, &worst, &shown);
	CHECK_MSG(shown >= 100 - 0.2 - 1e-9 && shown < 101,
		  "first shown at %.1f s, want about 100", shown);
}

/* A start of 2 s at a tenth of the rate (opening, the first block, the
 * first commit): the whole run's average says 2:08 at 5 s where 1:22 are
 * left; the window after the warm-up says it right from the first
 * estimate on. */
static void test_slow_start(void)
{
	double worst, shown;

	steady(102 * MB, 1.2 * MB, 2, 60, 0, &worst, &shown);
	CHECK_MSG(shown > 0, "never shown");
	CHECK_MSG(worst < 1.0, "off by %.1f s (first shown at %.1f s)", worst,
		  shown);
}

/* A rate that halves at 60 s: 40 s after, the estimate is that of the
 * new rate (the window is 30 s), not of the run's average. */
static void test_rate_changes(void)
{
	cli_eta_t e;
	double total = 1000 * MB, done = 0, eta = -1;

	cli_eta_init(&e);
	for (int k = 1; k <= 500; k++) {
		double t = k * 0.2;
		done += (t <= 60 ? 2 * MB : 1 * MB) * 0.2;
		eta = cli_eta(&e, t, done, total - done, total);
	}
	double truth = (total - done) / (1 * MB);
	CHECK_MSG(fabs(eta - truth) < 0.02 * truth, "%.0f s left, want %.0f", eta,
		  truth);
}

/* A file of 500 MB skipped as unchanged at 10 s: the work left falls,
 * the rate does not jump (the work processed did not). */
static void test_skipped(void)
{
	cli_eta_t e;
	double total = 1000 * MB, processed = 0, skipped = 0, eta = -1;

	cli_eta_init(&e);
	for (int k = 1; k <= 100; k++) {
		double t = k * 0.2;
		processed += 1 * MB * 0.2;
		if (k == 50)
			skipped = 500 * MB;
		eta = cli_eta(&e, t, processed, total - processed - skipped,
			      total);
	}
	double truth = (total - processed - skipped) / (1 * MB);
	CHECK_MSG(fabs(eta - truth) < 0.02 * truth, "%.0f s left, want %.0f", eta,
		  truth);
}

/* The progress line is drawn only after each document: a document that
 * takes seconds leaves a gap.  One sample past the warm-up is not a rate. */
static void test_sparse(void)
{
	cli_eta_t e;

	cli_eta_init(&e);
	CHECK(cli_eta(&e, 0.1, 0.1 * MB, 99.9 * MB, 100 * MB) < 0);
	CHECK(cli_eta(&e, 12, 12 * MB, 88 * MB, 100 * MB) < 0);
	double eta = cli_eta(&e, 14, 14 * MB, 86 * MB, 100 * MB);
	CHECK_MSG(fabs(eta - 86) < 0.5, "%.1f s left, want 86", eta);
}

static void test_nothing_moves(void)
{
	cli_eta_t e;

	cli_eta_init(&e);
	for (int k = 1; k <= 50; k++)
		CHECK(cli_eta(&e, k * 0.2, 5 * MB, 50 * MB, 100 * MB) < 0);
	CHECK(cli_eta(&e, 20, 0, 0, 0) < 0); /* a job of unknown size */
}

static const check_case_t eta_cases[] = {
	{ "the time left: none after the first document of 102 MB (was 35:17)",
	  test_first_document },
	{ "the time left: none before 5 s", test_not_before_seconds },
	{ "the time left: none before 1% of the job", test_not_before_share },
	{ "the time left: a slow start does not weigh on it", test_slow_start },
	{ "the time left: it follows a rate that changes", test_rate_changes },
	{ "the time left: files skipped make no jump in the rate", test_skipped },
	{ "the time left: a rate needs two samples a second apart",
	  test_sparse },
	{ "the time left: none while nothing is processed", test_nothing_moves },
};

static const struct {
	const char *name;
	double rate;
	const char *want;
} rates[] = {
	/* One document in 5.2 s was "0 documents/s". */
	{ "one document in 5.2 s", 1 / 5.2, "0.19" },
	{ "one document in 12 s", 1 / 12.0, "0.083" },
	{ "one document in 2.5 s", 0.4, "0.4" },
	{ "a few a second", 5.26, "5.3" },
	{ "just under 10", 9.97, "10" },
	{ "many a second: a whole number", 1452.4, "1452" },
	{ "ten", 10.0, "10" },
	{ "nothing done", 0.0, "0" },
	{ "less than nothing (a clock that went back)", -3.0, "0" },
};

int main(void)
{
	char buf[32];

	for (size_t i = 0; i < CHECK_N(rates); i++) {
		check_begin("cli_rate: %s: %s", rates[i].name, rates[i].want);
		CHECK_STR(cli_rate(rates[i].rate, buf, sizeof buf),
			  rates[i].want, "rate");
		check_end();
	}
	check_run(eta_cases, CHECK_N(eta_cases));
	return check_done();
}
