/* "Did you mean" (private.h): each word of a query that the index does not
 * hold, in any form, replaced by the nearest word it does hold, as a
 * document writes it. */
#include <cstring>
#include <vector>

#include "xapian/private.h"


/* Code points of a UTF-8 string (valid: it comes from the analyser or the
 * index). */
static std::vector<unsigned> code_points(const std::string &s)
{
	std::vector<unsigned> v;
	for (size_t i = 0; i < s.size();)
		v.push_back(_naqib_utf8_next(s.data(), &i));
	return v;
}

/* The word of the index nearest to norm: within one edit for words of up
 * to five letters, two for longer ones; the most frequent on ties.  The
 * candidates share the first letter (after ال), where few typing errors
 * fall, which keeps the scan to a slice of the vocabulary. */
static std::string nearest_word(Xapian::Database &db, const std::string &norm)
{
	std::vector<unsigned> w = code_points(norm);
	if (w.size() < 3)
		return std::string();
	unsigned max = w.size() <= 5 ? 1 : 2;
	size_t lead = 1;
	if (w.size() > 4 && w[0] == 0x0627 && w[1] == 0x0644) /* ال */
		lead = 3;
	std::string prefix;
	for (size_t i = 0; i < lead; i++) {
		char buf[4];
		prefix.append(buf, _naqib_utf8_put(buf, w[i]));
	}
	std::string best;
	unsigned best_d = max + 1;
	Xapian::doccount best_f = 0;
	for (Xapian::TermIterator t = db.allterms_begin(prefix);
	     t != db.allterms_end(prefix); ++t) {
		const std::string &term = *t;
		/* Byte lengths bound the code points: skip what cannot be
		 * near. */
		if (term.size() + 2 * max < norm.size() ||
		    term.size() > norm.size() + 2 * max + 2)
			continue;
		std::vector<unsigned> c = code_points(term);
		unsigned d = _naqib_edit_distance(w.data(), w.size(), c.data(),
						  c.size(), max);
		if (d == 0 || d > max)
			continue;
		Xapian::doccount f = t.get_termfreq();
		if (d < best_d || (d == best_d && f > best_f)) {
			best = term;
			best_d = d;
			best_f = f;
		}
	}
	return best;
}

/* How the word norm is written in a document of the index, so that the
 * suggestion reads as people write it (with its hamza): the first
 * occurrence in the first document that has it. */
static std::string written_form(naqib_db_t *db, naqib_analyzer_t *a,
				const std::string &norm)
{
	Xapian::PostingIterator p = db->db->postlist_begin(norm);
	if (p == db->db->postlist_end(norm))
		return norm;
	std::string data = _naqib_unpack_data(db->db->get_document(*p).get_data());
	naqib_record_t rec;
	if (naqib_record_decode(data.data(), data.size(), &rec))
		return norm;
	for (const char *field : { rec.title, rec.body }) {
		const naqib_token_t *t;
		size_t n;
		if (naqib_analyze(a, field, strlen(field), &t, &n))
			continue;
		for (size_t i = 0; i < n; i++)
			if (t[i].norm_len == norm.size() &&
			    memcmp(t[i].norm, norm.data(), norm.size()) == 0)
				return std::string(field + t[i].start,
						   t[i].end - t[i].start);
	}
	return norm;
}

extern "C" naqib_status_t naqib_query_suggest(naqib_db_t *db, naqib_analyzer_t *a,
				   const naqib_query_t *q, char **out)
{
	*out = NULL;
	return _naqib_retrying(db, "looking for a suggestion",
			       [&]() -> naqib_status_t {
		std::string text = q->text;
		bool changed = false;
		for (size_t i = 0; i < q->parts.n_words; i++) {
			const _naqib_qword_t *w = &q->parts.words[i];
			if (w->kind != 'w' || !*w->norm ||
			    naqib_is_stopword(w->norm, w->norm_len) ||
			    db->db->term_exists(w->norm) ||
			    db->db->term_exists(
				    _naqib_xterm(_NAQIB_F_STEM, w->stem)))
				continue;
			std::string near = nearest_word(*db->db, w->norm);
			size_t at = text.find(w->typed);
			if (near.empty() || at == std::string::npos)
				continue;
			text.replace(at, w->typed_len,
				     written_form(db, a, near));
			changed = true;
		}
		if (!changed)
			return _naqib_fail(NAQIB_E_NOT_FOUND, "no suggestion");
		if (!(*out = _naqib_dup_string(text)))
			return _naqib_fail(NAQIB_E_NOMEM, "out of memory");
		return NAQIB_OK;
	});
}
