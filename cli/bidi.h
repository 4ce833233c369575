/* --bidi for the command-line tools that print Arabic (naqib-search,
 * naqib-analyze): the choice between logical and visual order and the
 * writing of text in it.  Helpers of the tools, like cli.h, not part of the
 * library API; the reordering itself is naqib_bidi_visual() (naqib.h). */
#ifndef NAQIB_BIDI_H
#define NAQIB_BIDI_H

#include <stdio.h>

#include "naqib.h"

/* The values of --bidi. */
enum { CLI_BIDI_AUTO, CLI_BIDI_LOGICAL, CLI_BIDI_VISUAL };

typedef struct cli_bidi {
	int visual;                 /* reorder what is written */
	naqib_bidi_options_t opts;  /* shape; width: the terminal's */
} cli_bidi_t;

/* Reads the value of --bidi into *mode; a bad value is reported (house
 * format) and gives -1. */
int cli_bidi_parse(const char *value, int *mode);

/* Decides the order of standard output for mode: logical and visual are
 * what they say; auto is logical when standard output is not a terminal,
 * and on a terminal what $NAQIB_BIDI says (visual or logical), logical
 * when it is unset (most terminal emulators of today reorder themselves,
 * and would reorder visual text a second time).  shape: --shape.  In
 * visual order on a terminal, long lines are broken at its width. */
void cli_bidi_setup(int mode, int shape, cli_bidi_t *out);

/* Writes text[0..len) to f in the chosen order.  Returns 0, or a library
 * status (the message in naqib_last_error()). */
int cli_bidi_write(const cli_bidi_t *b, FILE *f, const char *text,
		   size_t len);

#endif
