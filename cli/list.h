/* --list NAME, for every tool: the values of an option that takes one of a
 * fixed set (--list format, --list stemmer ...), or a table of the index
 * (--list field), one "value<TAB>what it is" a line.  Bash completion and
 * the man-page check read them, so that a new row in a table (a stemmer, a
 * format) is completed and checked without a change anywhere else; --help
 * joins the same lists. */
#ifndef NAQIB_CLI_LIST_H
#define NAQIB_CLI_LIST_H

#include <stddef.h>
#include <stdio.h>

#include "util/util.h"

/* The i-th value of a list and what it is (*description may be left
 * unset: none); NULL past the last. */
typedef const char *(*cli_item_fn)(size_t i, const char **description);

/* A list of a tool's own: a table of these, and CLI_CHOICE() in its
 * cli_item_fn. */
typedef struct cli_choice {
	const char *name, *description;
} cli_choice_t;

const char *cli_choice(const cli_choice_t *table, size_t n, size_t i,
		       const char **description);
#define CLI_CHOICE(table, i, description)                                   \
	cli_choice((table), sizeof(table) / sizeof *(table), (i), (description))

typedef struct cli_list {
	const char *name; /* what --list takes: an option's long name, or a
			     table's */
	cli_item_fn item;
} cli_list_t;

/* Prints the list named what of lists (ended by a { NULL, NULL } row) on
 * f.  An unknown name is reported (naming the lists there are) and gives
 * EXIT_USAGE; else EXIT_OK. */
int cli_list_print(const cli_list_t *lists, const char *what, FILE *f);

/* The values of item joined for a sentence, "a, b or c", into b (reset
 * first); returns b's text. */
const char *cli_list_join(cli_item_fn item, const char *last, _naqib_buf_t *b);

/* The index of name in item's list, or -1 after reporting "OPT: unknown
 * WHAT 'name' (a, b or c)". */
int cli_list_find(cli_item_fn item, const char *name, const char *opt,
		  const char *what);

/* Lists of every tool. */
const char *cli_stemmer_item(size_t i, const char **description);
const char *cli_latin_stemmer_item(size_t i, const char **description);

#endif
