/* The index schema (lib/schema): its table is consistent, and the manual
 * documents every field of it, so that a new row cannot go undocumented. */
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "cli.h"
#include "naqib.h"
#include "schema/schema.h"

/* The part of page that follows the line `.SH name` or `.SS name`, up to
 * the next heading of the same level. */
static char *section(const char *page, const char *head)
{
	const char *s = strstr(page, head);

	if (!s)
		return NULL;
	s += strlen(head);
	const char *e = strstr(s, head[2] == 'H' ? "\n.SH " : "\n.S");
	return strndup(s, e ? (size_t)(e - s) : strlen(s));
}

/* Whether a line of text starting "Slot" or "Slots" names slot before its
 * colon ("Slot 0: ...", "Slots 1 and 2: ..."). */
static int slot_documented(const char *text, int slot)
{
	for (const char *l = text; l && (l = strstr(l, "\nSlot")); l++) {
		const char *colon = strchr(l, ':');
		for (const char *c = l; colon && c < colon; c++)
			if (*c >= '0' && *c <= '9' && atoi(c) == slot &&
			    (c[-1] == ' '))
				return 1;
	}
	return 0;
}

/* The manual's sections that document the schema. */
static char *layout, *filters;

/* One field of the table: its id, its prefix, what the manual says of it,
 * and its names. */
static void field_is_consistent(size_t i)
{
	const _naqib_field_t *f = &_naqib_fields[i];
	CHECK(f->id == (_naqib_field_id_t)i);
	/* Prefixes are distinct, and none is the start of another (a term
	 * belongs to one field); only words have none.  The one exception
	 * is Xapian's: the stemmed words of a prefix (ZS, the title's) are
	 * Z and that prefix, which no stem starts (stems are lower case). */
	for (size_t k = 0; k < _NAQIB_F_COUNT && f->prefix; k++) {
		const char *p = _naqib_fields[k].prefix;
		if (k == i || !p || !*p || !*f->prefix)
			continue;
		if (i == _NAQIB_F_STEM && p[0] == 'Z' && p[1] >= 'A' &&
		    p[1] <= 'Z')
			continue;
		CHECK(strncmp(p, f->prefix, strlen(f->prefix)) != 0);
	}
	if (f->prefix && *f->prefix) {
		/* Documented in roff as .B XU, .BR Z , or .BI XU key. */
		char b[32], br[32], bi[32];
		snprintf(b, sizeof b, "\n.B %s\n", f->prefix);
		snprintf(br, sizeof br, "\n.BR %s ", f->prefix);
		snprintf(bi, sizeof bi, "\n.BI %s", f->prefix);
		int doc = layout && (strstr(layout, b) || strstr(layout, br) ||
				     strstr(layout, bi));
		CHECK(doc);
		if (!doc)
			check_note("  prefix %s of %s is not in naqib(7) DATABASE "
				   "LAYOUT", f->prefix, f->help);
	}
	if (f->slot >= 0)
		CHECK(slot_documented(layout, f->slot));
	if (!f->name)
		return;
	/* A user field filters (or, title:, searches words), is found by
	 * all its names, and is in the manual's Filters with them. */
	CHECK(f->filter != _NAQIB_FILTER_NONE || i == _NAQIB_F_TITLE);
	CHECK(_naqib_field_named(f->name, strlen(f->name)) == f);
	char name[64];
	snprintf(name, sizeof name, "%s:", f->name);
	CHECK(filters && strstr(filters, name));
	for (const char *const *a = f->arabic; *a; a++) {
		CHECK(_naqib_field_named(*a, strlen(*a)) == f);
		snprintf(name, sizeof name, "%s:", *a);
		CHECK(filters && strstr(filters, name));
		if (!filters || !strstr(filters, name))
			check_note("  field name %s is not in naqib(7) Filters",
				   name);
	}
}

static void no_such_field_names(void)
{
	CHECK(_naqib_field_named("unions", 6) == NULL);
	CHECK(_naqib_field_named("", 0) == NULL);
}

/* Every facet has a field, in NAQIB_FACET_* order, and its name is that of
 * the field's filter. */
static void facets_have_fields(void)
{
	for (int k = 0; k < NAQIB_FACETS; k++) {
		const _naqib_field_t *f = _naqib_field_of_facet(k);
		CHECK(f && f->name && f->slot >= 0);
		CHECK_STR(naqib_facet_name(k), f ? f->name : "", "facet name");
		CHECK(f && f->facet_label && f->facet_label_ar);
	}
	CHECK_STR(naqib_facet_name(NAQIB_FACET_UNION), "union", "union facet");
	CHECK_STR(naqib_facet_name(NAQIB_FACET_SOURCE), "source", "source");
	CHECK_STR(naqib_facet_name(NAQIB_FACETS), "?", "no such facet");
}

/* The public view: the user fields, in the table's order. */
static void public_view(void)
{
	size_t n = naqib_field_count(), users = 0;
	for (size_t i = 0; i < _NAQIB_F_COUNT; i++)
		users += _naqib_fields[i].name != NULL;
	CHECK(n == users && n == 8);
	naqib_field_info_t info;
	CHECK(naqib_field_info(0, &info) == NAQIB_OK);
	CHECK_STR(info.name, "id", "first field");
	CHECK(info.facet == -1);
	CHECK(naqib_field_info(1, &info) == NAQIB_OK);
	CHECK_STR(info.name, "union", "second field");
	CHECK(info.facet == NAQIB_FACET_UNION);
	CHECK(naqib_field_info(n, &info) == NAQIB_E_INVALID);
}

/* Thesaurus kinds map to their fields' prefixes. */
static void terms_of_entries_and_days(void)
{
	char term[64];
	naqib_thes_entry_t e = { NAQIB_THES_UNION, "CDT", "cdt" };
	CHECK(naqib_entry_term(&e, term, sizeof term) == NAQIB_OK);
	CHECK_STR(term, "XUcdt", "union term");
	e.kind = NAQIB_THES_PLACE;
	CHECK(naqib_entry_term(&e, term, sizeof term) == NAQIB_OK);
	CHECK_STR(term, "XPcdt", "place term");
	e.kind = NAQIB_THES_TERM;
	CHECK(naqib_entry_term(&e, term, sizeof term) == NAQIB_OK);
	CHECK_STR(term, "XTcdt", "domain term");
	CHECK(naqib_entry_term(&e, term, 4) == NAQIB_E_INVALID);
	CHECK(naqib_day_term(2025, 10, 14, term, sizeof term) == NAQIB_OK);
	CHECK_STR(term, "XD20251014", "day term");
}

static const check_case_t cases[] = {
	{ "no field is named \"unions\" or \"\"", no_such_field_names },
	{ "every facet has a field, in NAQIB_FACET_* order, named as its filter",
	  facets_have_fields },
	{ "the public view: the 7 user fields, in the table's order",
	  public_view },
	{ "thesaurus kinds and days map to their fields' prefixes",
	  terms_of_entries_and_days },
};

int main(void)
{
	char *page;
	size_t len;

	check_begin("naqib(7) is read, with its DATABASE LAYOUT and Filters");
	CHECK(cli_read_file("man/naqib.7", &page, &len) == 0);
	if (!page)
		return check_done();
	layout = section(page, ".SH DATABASE LAYOUT\n");
	filters = section(page, ".SS Filters\n");
	CHECK(layout && filters);
	check_end();

	for (size_t i = 0; i < _NAQIB_F_COUNT; i++) {
		const _naqib_field_t *f = &_naqib_fields[i];
		if (f->name)
			check_begin("field %s: a prefix of its own, in naqib(7) "
				    "with its slot and names", f->name);
		else
			check_begin("field '%s': a prefix of its own, in naqib(7)",
				    f->help);
		field_is_consistent(i);
		check_end();
	}
	check_run(cases, CHECK_N(cases));

	free(layout);
	free(filters);
	free(page);
	return check_done();
}
