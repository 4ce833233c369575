/* What the index holds for a record (schema.h, naqib_doc_from_record()):
 * the words of its title and body, the unions, places and domain terms of
 * the thesaurus it names, the days it gives, its date and its source, and
 * the record itself as the document's data.  Written through a sink, so
 * that this file knows the schema and not Xapian (lib/xapian/doc.cc gives
 * the sink that writes a Xapian document). */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "schema/document.h"

void naqib_doc_options_init(naqib_doc_options_t *o)
{
	o->lead_words = NAQIB_DEFAULT_LEAD_WORDS;
	o->stop = NULL;
	o->stop_ctx = NULL;
}

/* What a document names and gives, collected field by field. */
typedef struct knowledge {
	naqib_thesaurus_t *th;
	unsigned *mentions;	/* per thesaurus entry */
	size_t *touched;	/* entries with mentions, in order of first */
	size_t n_touched;
	naqib_date_mention_t *found;	/* the dates of the text, year 0 if
					   it gives none */
	size_t n_found, cap_found;
	naqib_date_mention_t *months;	/* its months without a day */
	size_t n_months, cap_months;
	char text_date[2][11];	/* the day the title, the body give as theirs */
	char date[11];		/* the document date, or "" */
	char copy[_NAQIB_COPY_HEX + 1]; /* the body's fingerprint, or "" */
} knowledge_t;

/* field: 0 the title, 1 the body. */
static naqib_status_t knowledge_collect(knowledge_t *k, const naqib_token_t *t,
					size_t n, const char *text, size_t len,
					int field)
{
	naqib_date_mention_t *d, *full;
	size_t nd, nfull = 0;
	naqib_status_t st;

	if (k->th) {
		const naqib_thes_match_t *m;
		size_t nm;
		if ((st = naqib_thesaurus_match(k->th, t, n, &m, &nm)))
			return st;
		for (size_t i = 0; i < nm; i++)
			if (k->mentions[m[i].entry]++ == 0)
				k->touched[k->n_touched++] = m[i].entry;
	}
	/* Dates without a year wait for the document date (the metadata's,
	 * else the one the text gives as its own), which they are given the
	 * year nearest to. */
	if ((st = _naqib_dates_find_all(t, n, text, len, &d, &nd)))
		return st;
	if ((st = NAQIB_GROW(k->found, k->cap_found, k->n_found + nd)) ||
	    !(full = malloc((nd + 1) * sizeof *full))) {
		free(d);
		return st ? st : _naqib_fail(NAQIB_E_NOMEM, "out of memory");
	}
	for (size_t i = 0; i < nd; i++) {
		k->found[k->n_found++] = d[i];
		if (d[i].year)
			full[nfull++] = d[i];
	}
	_naqib_dates_give_year(full, &nfull, NULL);
	naqib_text_date(t, n, text, len, full, nfull, k->text_date[field]);
	free(full);
	naqib_date_mention_t *m;
	size_t nm;
	st = _naqib_months_find(t, n, text, len, d, nd, &m, &nm);
	free(d);
	if (st)
		return st;
	if (!(st = NAQIB_GROW(k->months, k->cap_months, k->n_months + nm)))
		for (size_t i = 0; i < nm; i++)
			k->months[k->n_months++] = m[i];
	free(m);
	return st;
}

/* The canonical names of the entries of one kind, _NAQIB_LIST_SEP between
 * them, in the slot of their field. */
static naqib_status_t names_value(const knowledge_t *k, const _naqib_field_t *f,
				  const _naqib_doc_sink_t *sink)
{
	char buf[4096];
	size_t used = 0;

	for (size_t i = 0; i < k->n_touched; i++) {
		naqib_thes_entry_t e;
		naqib_thesaurus_entry(k->th, k->touched[i], &e);
		size_t n = strlen(e.name);
		if (e.kind != f->thes_kind || used + n + 1 > sizeof buf)
			continue;
		if (used)
			buf[used++] = _NAQIB_LIST_SEP;
		memcpy(buf + used, e.name, n);
		used += n;
	}
	return used ? sink->value(sink->ctx, (unsigned)f->slot, buf, used)
		    : NAQIB_OK;
}

/* Writes what k collected: the thesaurus terms (wdf: mentions) and their
 * names in the slots of their fields, a term a day mentioned, the date's
 * value and term, the source's term and value. */
static naqib_status_t knowledge_write(const knowledge_t *k,
				      naqib_analyzer_t *an, const char *source,
				      const _naqib_doc_sink_t *sink,
				      _naqib_buf_t *term)
{
	naqib_status_t st = NAQIB_OK;

	for (size_t i = 0; i < k->n_touched && !st; i++) {
		naqib_thes_entry_t e;
		naqib_thesaurus_entry(k->th, k->touched[i], &e);
		const _naqib_field_t *f = _naqib_field_of_thes_kind(e.kind);
		/* A key too long for a term (a thesaurus file's) is left
		 * out. */
		if (strlen(f->prefix) + strlen(e.key) >= NAQIB_MAX_TERM + 16 ||
		    (st = _naqib_term(term, f->id, e.key, strlen(e.key))))
			continue;
		st = sink->term(sink->ctx, term->data, term->len,
				k->mentions[k->touched[i]]);
	}
	if (st || (st = names_value(k, _NAQIB_FIELD(_NAQIB_F_UNION), sink)) ||
	    (st = names_value(k, _NAQIB_FIELD(_NAQIB_F_PLACE), sink)))
		return st;
	for (size_t i = 0; i < k->n_found && !st; i++) {
		char day[9];
		_naqib_day_key(k->found[i].year, k->found[i].month,
			       k->found[i].day, day);
		if (!(st = _naqib_term(term, _NAQIB_F_MENTIONS, day, 8)))
			st = sink->term(sink->ctx, term->data, term->len, 1);
	}
	/* The months: of each day, of each month given alone, and of the
	 * document date («أكتوبر 2025» in a query finds them all). */
	for (size_t i = 0; i < k->n_found + k->n_months && !st; i++) {
		const naqib_date_mention_t *m =
			i < k->n_found ? &k->found[i] : &k->months[i - k->n_found];
		char month[7];
		_naqib_month_key(m->year, m->month, month);
		if (!(st = _naqib_term(term, _NAQIB_F_MONTH, month, 6)))
			st = sink->term(sink->ctx, term->data, term->len, 1);
	}
	if (!st && k->date[0]) {
		char month[7] = { k->date[0], k->date[1], k->date[2], k->date[3],
				  k->date[5], k->date[6], 0 };
		if (!(st = _naqib_term(term, _NAQIB_F_MONTH, month, 6)))
			st = sink->term(sink->ctx, term->data, term->len, 1);
	}
	if (!st && k->date[0]) {
		const char *d = k->date;
		char key[9] = { d[0], d[1], d[2], d[3], d[5], d[6], d[8], d[9],
				0 };
		if (!(st = sink->value(sink->ctx,
				       (unsigned)_NAQIB_FIELD(_NAQIB_F_DATE)->slot,
				       key, 8)) &&
		    !(st = _naqib_term(term, _NAQIB_F_DATE, key, 8)))
			st = sink->term(sink->ctx, term->data, term->len, 1);
	}
	if (!st && k->copy[0] &&
	    !(st = sink->value(sink->ctx,
			       (unsigned)_NAQIB_FIELD(_NAQIB_F_COPY)->slot,
			       k->copy, _NAQIB_COPY_HEX)) &&
	    !(st = _naqib_term(term, _NAQIB_F_COPY, k->copy, _NAQIB_COPY_HEX)))
		st = sink->boolean(sink->ctx, term->data, term->len);
	if (!st && source && *source) {
		const char *norm;
		size_t n;
		if ((st = naqib_normalize(an, source, strlen(source), &norm, &n)))
			return st;
		if (n && n <= NAQIB_MAX_TERM &&
		    !(st = _naqib_term(term, _NAQIB_F_SOURCE, norm, n)) &&
		    !(st = sink->boolean(sink->ctx, term->data, term->len)))
			st = sink->value(sink->ctx,
					 (unsigned)_NAQIB_FIELD(_NAQIB_F_SOURCE)->slot,
					 source, strlen(source));
	}
	return st;
}

/* The words of one field, the first `boosted` counting _NAQIB_LEAD_WEIGHT
 * times (the positions go on from *pos); its names and dates go to k. */
typedef struct words_ctx {
	const _naqib_doc_sink_t *sink;
	size_t boosted;
	const naqib_doc_options_t *opts;	/* its stop callback */
	size_t terms;		/* written so far */
	_naqib_buf_t *title;	/* the title's: each stem term once more
				   with the title's prefix (title:) */
} words_ctx_t;

static int write_word(size_t token, const char *term, size_t len, unsigned pos,
		      void *ctx)
{
	words_ctx_t *w = ctx;
	unsigned wdf = token < w->boosted ? _NAQIB_LEAD_WEIGHT : 1;
	naqib_status_t st;

	/* Two terms a word, most words. */
	if (++w->terms % 8192 == 0 &&
	    (st = _naqib_asked_to_stop(w->opts->stop, w->opts->stop_ctx)))
		return st;

	if (!pos)
		return w->sink->term(w->sink->ctx, term, len, wdf);
	if ((st = w->sink->posting(w->sink->ctx, term, len, pos, wdf)))
		return st;
	if (!w->title)
		return NAQIB_OK;
	/* The stem term with a position is the stem's prefix, then the
	 * stem. */
	size_t z = strlen(_NAQIB_FIELD(_NAQIB_F_STEM)->prefix);
	if ((st = _naqib_term(w->title, _NAQIB_F_TITLE, term + z, len - z)))
		return st;
	return w->sink->posting(w->sink->ctx, w->title->data, w->title->len,
				pos, 1);
}

/* The fingerprint of tokens t[0..n) (schema.h, _NAQIB_COPY_HEX) in out,
 * "" when there are none. */
static void fingerprint(const naqib_token_t *t, size_t n,
			char out[_NAQIB_COPY_HEX + 1])
{
	uint64_t h = _naqib_hash("", 0);

	out[0] = 0;
	if (!n)
		return;
	for (size_t i = 0; i < n; i++) {
		/* FNV-1a goes on byte by byte: the hash of the words with a
		 * space after each, without building that string. */
		for (size_t j = 0; j < t[i].norm_len; j++)
			h = (h ^ (unsigned char)t[i].norm[j]) *
			    0x100000001b3ull;
		h = (h ^ (unsigned char)' ') * 0x100000001b3ull;
	}
	snprintf(out, _NAQIB_COPY_HEX + 1, "%016llx", (unsigned long long)h);
}

static naqib_status_t write_field(naqib_analyzer_t *an, knowledge_t *k,
				  const char *text, int field, size_t boosted,
				  unsigned *pos, const naqib_doc_options_t *o,
				  const _naqib_doc_sink_t *sink)
{
	const naqib_token_t *t;
	size_t n, len;
	naqib_status_t st;
	_naqib_buf_t buf = NAQIB_BUF_INIT;
	/* Field 0 is the title, 1 the body. */
	words_ctx_t w = { sink, boosted, o, 0, field == 0 ? &buf : NULL };

	if (!text || !*text)
		return NAQIB_OK;
	len = strlen(text);
	if ((st = _naqib_analyze_stoppable(an, text, len, o->stop, o->stop_ctx,
					   &t, &n)) ||
	    (st = naqib_tokens_terms(t, n, pos, write_word, &w)) ||
	    (st = _naqib_asked_to_stop(o->stop, o->stop_ctx))) {
		_naqib_buf_free(&buf);
		return st;
	}
	_naqib_buf_free(&buf);
	if (field == 1)
		fingerprint(t, n, k->copy);
	return knowledge_collect(k, t, n, text, len, field);
}

/* A field of the record that no analysis reads (NULL: none). */
static naqib_status_t check_utf8(const char *what, const char *s)
{
	size_t at;

	if (s && naqib_utf8_check(s, strlen(s), &at))
		return _naqib_fail(NAQIB_E_UTF8,
				   "the %s is not valid UTF-8 (at byte %zu)",
				   what, at);
	return NAQIB_OK;
}

naqib_status_t _naqib_document_write(naqib_analyzer_t *an,
				     const naqib_record_t *record,
				     const naqib_doc_options_t *opts,
				     const _naqib_doc_sink_t *sink)
{
	naqib_doc_options_t defaults;
	knowledge_t k;
	naqib_record_t rec = *record;
	_naqib_buf_t term = NAQIB_BUF_INIT, id = NAQIB_BUF_INIT;
	_naqib_buf_t path = NAQIB_BUF_INIT;
	char *data = NULL;
	size_t len, entries;
	unsigned pos = 0;
	naqib_status_t st;

	if (!opts) {
		naqib_doc_options_init(&defaults);
		opts = &defaults;
	}
	memset(&k, 0, sizeof k);
	/* The record holds the id as the index knows it, and the path read
	 * the same way (the indexer gives a file's id as its path); the
	 * fields that are not analysed are checked here, so that every
	 * field of a record is UTF-8 that JSON can carry. */
	if ((st = _naqib_id_parse(&id, rec.id ? rec.id : "",
				  rec.id ? strlen(rec.id) : 0)) ||
	    (st = _naqib_id_parse(&path, rec.path ? rec.path : "",
				  rec.path ? strlen(rec.path) : 0)) ||
	    (st = check_utf8("URL", rec.url)) ||
	    (st = check_utf8("date", rec.date)) ||
	    (st = check_utf8("author", rec.author)) ||
	    (st = check_utf8("format", rec.format)) ||
	    (st = check_utf8("parent id", rec.parent)))
		goto out;
	rec.id = id.data;
	rec.path = path.data;
	k.th = naqib_analyzer_thesaurus(an);
	entries = k.th ? naqib_thesaurus_size(k.th) : 0;
	k.mentions = calloc(entries + 1, sizeof *k.mentions);
	k.touched = calloc(entries + 1, sizeof *k.touched);
	if (!k.mentions || !k.touched) {
		st = _naqib_fail(NAQIB_E_NOMEM, "out of memory");
		goto out;
	}
	naqib_date_normalize(rec.date, k.date);
	/* A title made from the text's first sentence is not indexed: its
	 * words would count twice. */
	if (!(rec.flags & NAQIB_RECORD_TITLE_FROM_TEXT) &&
	    (st = write_field(an, &k, rec.title, 0, SIZE_MAX, &pos, opts, sink)))
		goto out;
	/* No phrase spans the title and the body. */
	pos += _NAQIB_FIELD_GAP;
	if ((st = write_field(an, &k, rec.body, 1, opts->lead_words, &pos, opts,
			      sink)))
		goto out;
	/* The document date: the metadata's, else the day the body gives
	 * as its own, else the title's (naqib_text_date()). */
	if (!k.date[0])
		memcpy(k.date, k.text_date[1][0] ? k.text_date[1] : k.text_date[0],
		       sizeof k.date);
	_naqib_dates_give_year(k.found, &k.n_found, k.date);
	if ((st = knowledge_write(&k, an, rec.source, sink, &term)) ||
	    (st = _naqib_asked_to_stop(opts->stop, opts->stop_ctx)))
		goto out;
	/* The record keeps the date the document is filed under: the
	 * metadata's, else the one the text gives as its own; a metadata date
	 * naqib cannot read stays as given when the text has none. */
	if (k.date[0])
		rec.date = k.date;
	if (!(st = naqib_record_encode(&rec, &data, &len)))
		st = sink->data(sink->ctx, data, len);
out:
	free(data);
	free(k.mentions);
	free(k.touched);
	free(k.found);
	free(k.months);
	_naqib_buf_free(&term);
	_naqib_buf_free(&id);
	_naqib_buf_free(&path);
	return st;
}
