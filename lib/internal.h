/* The private headers of libnaqib's layers, for its own files and the unit
 * tests: util (buffer, arrays, UTF-8, hash, messages), analysis.  The
 * layers above have headers of their own: schema/schema.h,
 * query/query.h, xapian/private.h. */
#ifndef NAQIB_INTERNAL_H
#define NAQIB_INTERNAL_H

#include "analysis/analysis.h"
#include "naqib.h"
#include "util/util.h"

#endif
