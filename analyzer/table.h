/* naqib-analyze's tables for people (table.c): cells in rows, columns as
 * wide as their widest cell, Arabic kept readable in logical or visual
 * order. */
#ifndef NAQIB_ANALYZER_TABLE_H
#define NAQIB_ANALYZER_TABLE_H

#include <stddef.h>

#include "bidi.h"

/* A table for people: cells in rows, columns as wide as their widest cell.
 * In visual order each cell is reordered on its own, left to right (the
 * columns keep their order, each Arabic word reads right to left); in
 * logical order a cell with right-to-left letters ends with a
 * LEFT-TO-RIGHT MARK, so that a terminal that reorders does not take
 * neighbouring Arabic cells for one right-to-left run and swap them. */
typedef struct table {
	char **cells;
	size_t n, cap, cols;
} table_t;

/* Appends a cell (copied).  Returns 0 or a status. */
int table_add(table_t *t, const cli_bidi_t *bidi, const char *cell);
/* Prints the table, each row after indent. */
void table_print(table_t *t, const char *indent);
void table_free(table_t *t);

/* A line "label  value", the value reordered as a cell is. */
int put_field(const cli_bidi_t *bidi, const char *label, const char *value);

#endif
