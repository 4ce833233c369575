/* The index schema (schema.h): the one table of what a document holds. */
#include <string.h>

#include "schema/schema.h"

static const char *const no_names[] = { NULL };
static const char *const union_ar[] = { "نقابة", "نقابه", NULL };
static const char *const place_ar[] = { "مكان", NULL };
static const char *const year_ar[] = { "سنة", "سنه", NULL };
static const char *const date_ar[] = { "تاريخ", NULL };
static const char *const source_ar[] = { "مصدر", NULL };
static const char *const title_ar[] = { "عنوان", NULL };

const _naqib_field_t _naqib_fields[_NAQIB_F_COUNT] = {
	[_NAQIB_F_ID] = {
		_NAQIB_F_ID, "id", no_names, "Q", -1, _NAQIB_BOOLEAN,
		_NAQIB_FILTER_ID, _NAQIB_FACET_NONE, -1, -1,
		"the document with this id (as every output shows it)",
		NULL, NULL },
	[_NAQIB_F_WORD] = {
		_NAQIB_F_WORD, NULL, no_names, "", -1, _NAQIB_POSITIONS,
		_NAQIB_FILTER_NONE, _NAQIB_FACET_NONE, -1, -1,
		"every word, normalized", NULL, NULL },
	[_NAQIB_F_STEM] = {
		_NAQIB_F_STEM, NULL, no_names, "Z", -1, 0,
		_NAQIB_FILTER_NONE, _NAQIB_FACET_NONE, -1, -1,
		"the stem of every word but numbers", NULL, NULL },
	[_NAQIB_F_UNION] = {
		_NAQIB_F_UNION, "union", union_ar, "XU", 1, _NAQIB_WDF,
		_NAQIB_FILTER_THESAURUS, _NAQIB_FACET_LIST, NAQIB_FACET_UNION,
		NAQIB_THES_UNION,
		"documents naming this union, by any of its names",
		"unions", "النقابات" },
	[_NAQIB_F_PLACE] = {
		_NAQIB_F_PLACE, "place", place_ar, "XP", 2, _NAQIB_WDF,
		_NAQIB_FILTER_THESAURUS, _NAQIB_FACET_LIST, NAQIB_FACET_PLACE,
		NAQIB_THES_PLACE, "documents naming this place",
		"places", "الأماكن" },
	[_NAQIB_F_TERM] = {
		_NAQIB_F_TERM, NULL, no_names, "XT", -1, _NAQIB_WDF,
		_NAQIB_FILTER_NONE, _NAQIB_FACET_NONE, -1, NAQIB_THES_TERM,
		"the domain terms of the thesaurus a document uses", NULL,
		NULL },
	[_NAQIB_F_YEAR] = {
		_NAQIB_F_YEAR, "year", year_ar, NULL, 0, 0,
		_NAQIB_FILTER_YEARS, _NAQIB_FACET_YEAR, NAQIB_FACET_YEAR, -1,
		"documents dated in these years", "years", "السنوات" },
	[_NAQIB_F_DATE] = {
		_NAQIB_F_DATE, "date", date_ar, "XE", 0, 0,
		_NAQIB_FILTER_DAYS, _NAQIB_FACET_NONE, -1, -1,
		"documents dated between these days", NULL, NULL },
	[_NAQIB_F_MENTIONS] = {
		_NAQIB_F_MENTIONS, "mentions", no_names, "XD", -1, 0,
		_NAQIB_FILTER_MENTIONS, _NAQIB_FACET_NONE, -1, -1,
		"documents whose text gives one of these days", NULL, NULL },
	[_NAQIB_F_MONTH] = {
		_NAQIB_F_MONTH, NULL, no_names, "XM", -1, 0,
		_NAQIB_FILTER_NONE, _NAQIB_FACET_NONE, -1, -1,
		"the months (YYYYMM) the text gives, by a day or alone "
		"(«أكتوبر 2025»), and the document date's", NULL, NULL },
	[_NAQIB_F_SOURCE] = {
		_NAQIB_F_SOURCE, "source", source_ar, "XS", 3, _NAQIB_BOOLEAN,
		_NAQIB_FILTER_PREFIX, _NAQIB_FACET_VALUE, NAQIB_FACET_SOURCE, -1,
		"documents from this source (or one whose name starts so)",
		"sources", "المصادر" },
	/* The stem terms of the title's words once more, at their
	 * positions: Xapian's parser writes a stemmed word of the prefix S
	 * as Z, S and the stem (lib/xapian/parse.cc). */
	[_NAQIB_F_TITLE] = {
		_NAQIB_F_TITLE, "title", title_ar, "ZS", -1, _NAQIB_POSITIONS,
		_NAQIB_FILTER_NONE, _NAQIB_FACET_NONE, -1, -1,
		"documents whose title has these words", NULL, NULL },
	[_NAQIB_F_COPY] = {
		_NAQIB_F_COPY, NULL, no_names, "XF", 4, _NAQIB_BOOLEAN,
		_NAQIB_FILTER_NONE, _NAQIB_FACET_NONE, -1, -1,
		"the fingerprint of the body's words (copies collapse on "
		"it)", NULL, NULL },
};

const _naqib_field_t *_naqib_field_named(const char *s, size_t n)
{
	for (size_t i = 0; i < _NAQIB_F_COUNT; i++) {
		const _naqib_field_t *f = &_naqib_fields[i];
		if (!f->name)
			continue;
		if (strlen(f->name) == n && memcmp(f->name, s, n) == 0)
			return f;
		for (const char *const *a = f->arabic; *a; a++)
			if (strlen(*a) == n && memcmp(*a, s, n) == 0)
				return f;
	}
	return NULL;
}

const _naqib_field_t *_naqib_field_of_facet(int facet)
{
	for (size_t i = 0; i < _NAQIB_F_COUNT; i++)
		if (_naqib_fields[i].facet_kind != _NAQIB_FACET_NONE &&
		    _naqib_fields[i].facet == facet)
			return &_naqib_fields[i];
	return NULL;
}

const _naqib_field_t *_naqib_field_of_thes_kind(int kind)
{
	for (size_t i = 0; i < _NAQIB_F_COUNT; i++)
		if (_naqib_fields[i].thes_kind == kind)
			return &_naqib_fields[i];
	return _NAQIB_FIELD(_NAQIB_F_TERM);
}

naqib_status_t _naqib_term(_naqib_buf_t *b, _naqib_field_id_t id,
			   const char *value, size_t len)
{
	naqib_status_t st;

	_naqib_buf_reset(b);
	if ((st = _naqib_buf_adds(b, _naqib_fields[id].prefix)))
		return st;
	return _naqib_buf_add(b, value, len);
}

/* ---------------------------------------------------------------- public */

size_t naqib_field_count(void)
{
	size_t n = 0;

	for (size_t i = 0; i < _NAQIB_F_COUNT; i++)
		n += _naqib_fields[i].name != NULL;
	return n;
}

naqib_status_t naqib_field_info(size_t i, naqib_field_info_t *out)
{
	for (size_t k = 0; k < _NAQIB_F_COUNT; k++) {
		const _naqib_field_t *f = &_naqib_fields[k];
		if (!f->name || i--)
			continue;
		out->name = f->name;
		out->arabic = f->arabic;
		out->help = f->help;
		out->facet = f->facet_kind != _NAQIB_FACET_NONE ? f->facet : -1;
		out->facet_label = f->facet_label;
		out->facet_label_ar = f->facet_label_ar;
		return NAQIB_OK;
	}
	return _naqib_fail(NAQIB_E_INVALID, "no field %zu", i);
}

const char *naqib_facet_name(int facet)
{
	const _naqib_field_t *f = _naqib_field_of_facet(facet);

	return f ? f->name : "?";
}

const char *naqib_facet_label(int facet, int arabic)
{
	const _naqib_field_t *f = _naqib_field_of_facet(facet);

	return !f ? "?" : arabic ? f->facet_label_ar : f->facet_label;
}
