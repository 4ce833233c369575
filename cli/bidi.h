/* Arabic on terminals, for the command-line tools that print it
 * (naqib-search, naqib-analyze): text reordered for terminals that draw
 * every line left to right, the columns text takes, and --bidi, the choice
 * between logical and visual order.  Helpers of the tools, like cli.h,
 * linked into them and not part of libnaqib. */
#ifndef NAQIB_BIDI_H
#define NAQIB_BIDI_H

#include <stdio.h>

#include "naqib.h"

/* The paragraph direction of a line. */
#define CLI_DIR_AUTO 0 /* from its first strong letter; none: left to right */
#define CLI_DIR_LTR  1
#define CLI_DIR_RTL  2

typedef struct cli_bidi_options {
	int direction;  /* CLI_DIR_* */
	int shape;      /* Arabic letters to their joined presentation forms
			   (U+FB50..U+FEFF), for terminals that do not join
			   them */
	unsigned width; /* > 0: break lines longer than width columns (at
			   spaces) before reordering, and align right-to-left
			   lines right in width columns */
} cli_bidi_options_t;

/* Auto direction, no shaping, no width. */
void cli_bidi_options_init(cli_bidi_options_t *o);

/* Writes text[0..len) (UTF-8, one or more lines separated by \n) in
 * visual order, for a terminal that draws every line left to right: each
 * line reordered by the Unicode bidirectional algorithm (ICU ubidi),
 * mirrored characters (brackets) mirrored in right-to-left runs, combining
 * marks kept after their letters.  ANSI escape sequences (colours) stay on
 * the characters they apply to.  opts may be NULL for the defaults.  *out
 * is malloc'd and NUL-terminated, *out_len (may be NULL) its length;
 * caller frees. */
naqib_status_t cli_bidi_visual(const char *text, size_t len,
			       const cli_bidi_options_t *opts, char **out,
			       size_t *out_len);

/* The columns a terminal gives the UTF-8 text s[0..len): combining marks
 * and format characters none, East Asian wide characters two, ANSI escape
 * sequences none. */
size_t cli_text_width(const char *s, size_t len);

/* The values of --bidi. */
enum { CLI_BIDI_AUTO, CLI_BIDI_LOGICAL, CLI_BIDI_VISUAL };

typedef struct cli_bidi {
	int visual;                 /* reorder what is written */
	cli_bidi_options_t opts;  /* shape; width: the terminal's */
} cli_bidi_t;

/* The values of --bidi, for --list bidi (list.h). */
const char *cli_bidi_item(size_t i, const char **description);

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
naqib_status_t cli_bidi_write(const cli_bidi_t *b, FILE *f, const char *text,
			      size_t len);

#endif
