/* Status names and the per-thread message of the last failure. */
#include <stdarg.h>
#include <stdio.h>

#include "naqib.h"
#include "internal.h"

static const char *const status_names[NAQIB_STATUS_COUNT] = {
	[NAQIB_OK] = "success",
	[NAQIB_E_NOMEM] = "out of memory",
	[NAQIB_E_INVALID] = "invalid argument",
	[NAQIB_E_UTF8] = "invalid UTF-8",
	[NAQIB_E_IO] = "input/output error",
	[NAQIB_E_ICU] = "Unicode library error",
	[NAQIB_E_DB_LOCKED] = "database is locked",
	[NAQIB_E_DB_NOT_FOUND] = "database not found",
	[NAQIB_E_DB_CORRUPT] = "database is corrupt",
	[NAQIB_E_DB_MODIFIED] = "database was modified while reading",
	[NAQIB_E_DB_VERSION] = "database format or settings not supported",
	[NAQIB_E_DB] = "database error",
	[NAQIB_E_QUERY] = "bad query",
	[NAQIB_E_NOT_FOUND] = "not found",
	[NAQIB_E_INTERRUPTED] = "interrupted",
};

const char *naqib_status_to_string(int status)
{
	if (status < 0 || status >= NAQIB_STATUS_COUNT)
		return "unknown status";
	return status_names[status];
}

/* One buffer a thread: the indexer's worker threads each keep their own. */
static _Thread_local char last_error[1024];

const char *naqib_last_error(void)
{
	return last_error[0] ? last_error : "no error";
}

naqib_status_t _naqib_fail(naqib_status_t status, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	int n = vsnprintf(last_error, sizeof last_error, fmt, ap);
	va_end(ap);
	/* A message too long for the buffer loses its end, but never half a
	 * character of a name it quotes. */
	if (n >= (int)sizeof last_error)
		last_error[_naqib_utf8_cut(last_error, (size_t)n,
					   sizeof last_error - 1)] = '\0';
	return status;
}

naqib_status_t _naqib_asked_to_stop(int (*stop)(void *ctx), void *ctx)
{
	if (stop && stop(ctx))
		return _naqib_fail(NAQIB_E_INTERRUPTED,
				   "interrupted (the stop callback said so)");
	return NAQIB_OK;
}
