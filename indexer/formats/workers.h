/* The readers that run in the worker process (rows.c): weak, so that
 * naqib-index, linked without them and their libraries, sees NULL and
 * hands their files to the worker, which is linked with them. */
#ifndef NAQIB_FORMATS_WORKERS_H
#define NAQIB_FORMATS_WORKERS_H

#include "formats/formats.h"

#define FMT_WORKER_READER(name)                                         \
	int fmt_##name##_read(const char *id, char *data, size_t len,   \
			      const fmt_callbacks_t *cb)                \
		__attribute__((weak))

FMT_WORKER_READER(pdf);
FMT_WORKER_READER(image);
FMT_WORKER_READER(office);
FMT_WORKER_READER(html);
FMT_WORKER_READER(mail);
FMT_WORKER_READER(mbox);

#endif
