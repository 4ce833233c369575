/* --list, and the lists of values that --help and messages join (list.h). */
#include <string.h>

#include "cli.h"
#include "list.h"
#include "naqib.h"

int cli_list_print(const cli_list_t *lists, const char *what, FILE *f)
{
	for (const cli_list_t *l = lists; l->name; l++) {
		if (strcmp(l->name, what))
			continue;
		const char *name, *d;
		for (size_t i = 0; (d = NULL, name = l->item(i, &d)); i++)
			fprintf(f, "%s\t%s\n", name, d ? d : "");
		return EXIT_OK;
	}
	_naqib_buf_t names = NAQIB_BUF_INIT;
	for (const cli_list_t *l = lists; l->name; l++)
		_naqib_buf_printf(&names, "%s%s", l == lists ? "" : ", ",
				  l->name);
	cli_error("--list: no list '%s' (there are: %s)", what, names.data);
	_naqib_buf_free(&names);
	return EXIT_USAGE;
}

const char *cli_list_join(cli_item_fn item, const char *last, _naqib_buf_t *b)
{
	size_t n = 0;

	_naqib_buf_reset(b);
	while (item(n, NULL))
		n++;
	for (size_t i = 0; i < n; i++)
		_naqib_buf_printf(b, "%s%s",
				  i == 0 ? "" : i + 1 == n ? last : ", ",
				  item(i, NULL));
	return b->data;
}

int cli_list_find(cli_item_fn item, const char *name, const char *opt,
		  const char *what)
{
	const char *v;

	for (size_t i = 0; (v = item(i, NULL)); i++)
		if (!strcmp(v, name))
			return (int)i;
	_naqib_buf_t known = NAQIB_BUF_INIT;
	cli_error("%s: unknown %s '%s' (%s)", opt, what, name,
		  cli_list_join(item, " or ", &known));
	_naqib_buf_free(&known);
	return -1;
}

const char *cli_choice(const cli_choice_t *table, size_t n, size_t i,
		       const char **description)
{
	if (i >= n)
		return NULL;
	if (description)
		*description = table[i].description;
	return table[i].name;
}

const char *cli_stemmer_item(size_t i, const char **description)
{
	return naqib_stemmer_name(i, description);
}

/* The Snowball languages, then none. */
const char *cli_latin_stemmer_item(size_t i, const char **description)
{
	const char *l = naqib_stemmer_language(i);
	size_t n = 0;

	if (l) {
		if (description)
			*description = "Snowball's stemmer of this language";
		return l;
	}
	while (naqib_stemmer_language(n))
		n++;
	if (i != n)
		return NULL;
	if (description)
		*description = "Latin-script words are not stemmed";
	return "none";
}
