/* Helpers shared by the command-line tools (not part of the library API):
 * messages in the house format and option values. */
#ifndef NAQIB_CLI_H
#define NAQIB_CLI_H

#include <stddef.h>
#include <stdio.h>

/* Exit statuses, the same for every tool (documented in the man pages). */
enum {
	EXIT_OK = 0,
	EXIT_NO_MATCH = 1,  /* naqib-search: no hits */
	EXIT_USAGE = 2,     /* bad options or arguments */
	EXIT_INPUT = 3,     /* some input could not be used (files, queries) */
	EXIT_LOCKED = 4,    /* the database is locked by a writer */
	EXIT_DB = 5,        /* the database is missing, damaged or failing */
	EXIT_INTERNAL = 6,  /* out of memory or another internal error */
};

extern const char *cli_prog;

/* "prog: message\n" on stderr. */
void cli_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

struct option;

/* Reports a bad option found by getopt_long() (whose option string starts
 * with ':', so that it prints nothing itself) and returns EXIT_USAGE.  An
 * unknown or ambiguous long option names the options of longopts (the
 * table given to getopt_long(); NULL: none) that come nearest, "unknown
 * option '--limt' (did you mean --limit?)", by edit distance. */
int cli_bad_option(char **argv, int c, const struct option *longopts);

/* The exit status for a library status. */
int cli_exit_for(int status);

/* Parses a whole decimal number in [min, max] for option opt; on error
 * prints a message and returns -1. */
int cli_parse_uint(const char *opt, const char *s, unsigned min,
		   unsigned max, unsigned *out);

/* Parses a size in bytes for option opt: a whole number, optionally
 * followed by k, M or G (powers of 1024), in [min, max]. */
int cli_parse_size(const char *opt, const char *s, unsigned min,
		   unsigned max, unsigned *out);

/* Parses a whole decimal number in [min, max] for option opt. */
int cli_parse_double(const char *opt, const char *s, double min, double max,
		     double *out);

/* Checks the names of --stemmer and --latin-stemmer (NULL: not given)
 * with the library before anything is made with them; prints why and
 * returns -1 when one is unknown. */
int cli_check_stemmers(const char *stemmer, const char *latin);

/* The database path: the option if given, else $NAQIB_DB, else naqib.db. */
const char *cli_db_path(const char *opt);

/* A line of --help for an option whose description is made at run time
 * (from a table): "  OPTION" padded to 26 columns, then the description
 * (printf's fmt) broken at spaces to lines of at most 79 columns, each
 * indented 26. */
void cli_help(FILE *f, const char *option, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* The arguments args[0..n) joined with spaces: the words of the command
 * line as one text.  malloc'd, caller frees; NULL when out of memory. */
char *cli_join_args(char **args, int n);

/* Monotonic seconds. */
double cli_now(void);

/* Reads a whole file ("-" is standard input) into a malloc'd buffer with a
 * NUL after the last byte.  Returns 0 or an errno value. */
int cli_read_file(const char *path, char **data, size_t *len);

/* The next non-empty line of the text at *p (up to end), cut out in place
 * (its \n or \r\n replaced by NULs); *p moves past it and *line counts the
 * lines passed.  NULL at the end. */
char *cli_next_line(char **p, char *end, size_t *line);

#endif
