/* naqib-analyze's tables for people (table.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "table.h"

static int has_rtl(const char *s)
{
	for (size_t i = 0; s[i];) {
		unsigned c = _naqib_utf8_next(s, &i);
		if ((c >= 0x0590 && c <= 0x08ff) || (c >= 0xfb1d && c <= 0xfdff) ||
		    (c >= 0xfe70 && c <= 0xfeff))
			return 1;
	}
	return 0;
}

int table_add(table_t *t, const cli_bidi_t *bidi, const char *text)
{
	_naqib_buf_t b = NAQIB_BUF_INIT;
	char *cell, *c;
	int st;

	if (NAQIB_GROW(t->cells, t->cap, t->n + 1))
		return NAQIB_E_NOMEM;
	/* A text's or a query's control characters are shown, not obeyed
	 * (a tab or a line break as a space: a cell is one line). */
	if ((st = _naqib_buf_finish(&b, _naqib_buf_add_visible(&b, text,
							      strlen(text), 1),
				    &cell, NULL)))
		return st;
	if (bidi->visual) {
		cli_bidi_options_t o = bidi->opts;
		o.direction = CLI_DIR_LTR;
		o.width = 0;
		st = cli_bidi_visual(cell, strlen(cell), &o, &c, NULL);
		free(cell);
		if (st)
			return st;
	} else if (has_rtl(cell)) {
		c = realloc(cell, strlen(cell) + 4);
		if (!c) {
			free(cell);
			return NAQIB_E_NOMEM;
		}
		strcat(c, "\u200e");
	} else {
		c = cell;
	}
	t->cells[t->n++] = c;
	return NAQIB_OK;
}

void table_print(table_t *t, const char *indent)
{
	size_t w[16] = { 0 };

	for (size_t i = 0; i < t->n; i++) {
		size_t c = i % t->cols, x = cli_text_width(t->cells[i],
							     strlen(t->cells[i]));
		if (x > w[c])
			w[c] = x;
	}
	for (size_t i = 0; i < t->n; i++) {
		size_t c = i % t->cols;
		if (c == 0)
			fputs(indent, stdout);
		fputs(t->cells[i], stdout);
		if (c + 1 == t->cols || i + 1 == t->n) {
			fputc('\n', stdout);
			continue;
		}
		for (size_t k = cli_text_width(t->cells[i], strlen(t->cells[i]));
		     k < w[c] + 2; k++)
			fputc(' ', stdout);
	}
}

void table_free(table_t *t)
{
	for (size_t i = 0; i < t->n; i++)
		free(t->cells[i]);
	free(t->cells);
}

/* A line "label  value" for people, the value reordered as a cell is. */
int put_field(const cli_bidi_t *bidi, const char *label, const char *value)
{
	table_t t = { NULL, 0, 0, 2 };
	int st = table_add(&t, bidi, label);

	if (!st)
		st = table_add(&t, bidi, value);
	if (!st) {
		/* The labels line up with each other, not with the value. */
		printf("%-11s %s\n", t.cells[0], t.cells[1]);
	}
	table_free(&t);
	return st;
}
