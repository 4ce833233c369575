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

#endif
