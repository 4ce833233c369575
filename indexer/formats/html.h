/* What the reader of HTML pages (html.c) lends the other readers: the
 * text of a page, as a file of its own would give it (mail.c reads a
 * message's text/html parts with it). */
#ifndef NAQIB_FORMATS_HTML_H
#define NAQIB_FORMATS_HTML_H

#include <stddef.h>

#include "util/util.h"

/* The text of the HTML s[0..len), in UTF-8 whatever its <meta> tags say,
 * as the reader of .html files makes it: the article's text without the
 * page's chrome (menus, navigation, cookie banners, scripts, blocks that
 * are mostly links), appended to *out (nothing when it has no words).
 * title: NULL, or where the page's own title goes by the same rule
 * (og:title, <title> without the site's name, the first <h1>): malloc'd,
 * NULL when it has none that fmt_title_usable() takes, caller frees.
 * Returns 0, or a status with the message set. */
int fmt_html_text(const char *s, size_t len, _naqib_buf_t *out, char **title);

#endif
