/* naqib-index's figures of progress (cli/progress.c): rates as a person
 * reads them. */
#include "check.h"
#include "progress.h"

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
	return check_done();
}
