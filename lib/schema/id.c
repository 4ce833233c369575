/* Document ids (naqib.h; naqib(7), DOCUMENT IDS): text a person can read,
 * type and paste, and JSON can carry, made of whatever bytes named the
 * document; and the unique term each id has in the index.
 *
 * A name of plain text is its own id, byte for byte, as it always was.
 * Any other name (bytes that are not UTF-8, control characters, or a
 * backslash-x and two hex digits of its own) is written with each of
 * those, and each backslash, as \xHH.  Such an id always holds a \xHH and
 * a name that is its own id never does, so two names never share an id;
 * and it holds no backslash but those of its escapes, so it reads back to
 * its name.  Reading \xHH back as a byte wherever an id is typed lets any
 * form of one (a TREC run writes a space \x20) name its document. */
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "schema/schema.h"

static int hex_digit(unsigned char c)
{
	return c >= '0' && c <= '9' ? c - '0'
	       : c >= 'a' && c <= 'f' ? c - 'a' + 10
	       : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
}

/* Whether s[i..n) starts with \xHH (either case). */
static int escape_at(const char *s, size_t n, size_t i)
{
	return n - i >= 4 && s[i] == '\\' && s[i + 1] == 'x' &&
	       hex_digit((unsigned char)s[i + 2]) >= 0 &&
	       hex_digit((unsigned char)s[i + 3]) >= 0;
}

/* Whether raw[0..n) is its own id. */
static int plain(const char *raw, size_t n)
{
	for (size_t i = 0, len; i < n; i += len) {
		if (!(len = _naqib_utf8_valid_at(raw, n, i)) ||
		    _naqib_utf8_control_at(raw, i, len) || escape_at(raw, n, i))
			return 0;
	}
	return 1;
}

static naqib_status_t put_byte(_naqib_buf_t *b, unsigned char c)
{
	static const char hex[] = "0123456789abcdef";
	char e[4] = { '\\', 'x', hex[c >> 4], hex[c & 15] };

	return _naqib_buf_add(b, e, 4);
}

naqib_status_t _naqib_id_escape(_naqib_buf_t *b, const char *raw, size_t n)
{
	naqib_status_t st = NAQIB_OK;

	if (plain(raw, n))
		return _naqib_buf_add(b, raw, n);
	for (size_t i = 0, len; i < n && !st; i += len) {
		len = _naqib_utf8_valid_at(raw, n, i);
		if (!len || _naqib_utf8_control_at(raw, i, len) ||
		    raw[i] == '\\') {
			for (size_t k = 0; k < (len ? len : 1) && !st; k++)
				st = put_byte(b, (unsigned char)raw[i + k]);
			len = len ? len : 1;
		} else {
			st = _naqib_buf_add(b, raw + i, len);
		}
	}
	return st;
}

/* Appends typed[0..n) with each \xHH read as its byte. */
static naqib_status_t unescape(_naqib_buf_t *b, const char *typed, size_t n)
{
	naqib_status_t st = NAQIB_OK;

	for (size_t i = 0; i < n && !st;) {
		if (escape_at(typed, n, i)) {
			st = _naqib_buf_addc(
				b, (char)(hex_digit((unsigned char)typed[i + 2]) * 16 +
					  hex_digit((unsigned char)typed[i + 3])));
			i += 4;
		} else {
			st = _naqib_buf_addc(b, typed[i++]);
		}
	}
	return st;
}

naqib_status_t _naqib_id_parse(_naqib_buf_t *b, const char *typed, size_t n)
{
	_naqib_buf_t raw = NAQIB_BUF_INIT;
	naqib_status_t st;

	/* The common case, an id without an escape: itself, if plain. */
	if (!memchr(typed, '\\', n))
		return _naqib_id_escape(b, typed, n);
	if (!(st = unescape(&raw, typed, n)))
		st = _naqib_id_escape(b, raw.data, raw.len);
	_naqib_buf_free(&raw);
	return st;
}

/* ---------------------------------------------------------------- terms */

/* The longest term of an id written as it is: what naqib always took
 * (Xapian's limit is 245 bytes). */
#define ID_TERM_MAX 240
/* The bytes of the id a hashed term keeps: with Q, '#' and 16 hex digits,
 * 242 to 245 bytes, so never the term of an id written as it is. */
#define ID_HASHED_KEEP 227

void _naqib_id_terms_free(_naqib_id_terms_t *t)
{
	_naqib_buf_free(&t->id);
	_naqib_buf_free(&t->term);
	_naqib_buf_free(&t->legacy);
}

naqib_status_t _naqib_id_terms(const char *id, _naqib_id_terms_t *t)
{
	const char *q = _NAQIB_FIELD(_NAQIB_F_ID)->prefix;
	_naqib_buf_t raw = NAQIB_BUF_INIT, again = NAQIB_BUF_INIT;
	naqib_status_t st;

	memset(t, 0, sizeof *t);
	t->id = t->term = t->legacy = (_naqib_buf_t)NAQIB_BUF_INIT;
	if ((st = _naqib_id_parse(&t->id, id, strlen(id))) ||
	    (st = _naqib_buf_adds(&t->term, q)))
		goto out;
	size_t n = t->id.len;
	if (strlen(q) + n <= ID_TERM_MAX) {
		st = _naqib_buf_add(&t->term, t->id.data, n);
	} else {
		t->hashed = 1;
		if (!(st = _naqib_buf_add(&t->term, t->id.data,
					  _naqib_utf8_cut(t->id.data, n,
							  ID_HASHED_KEEP))))
			st = _naqib_buf_printf(&t->term, "#%016llx",
					       (unsigned long long)_naqib_hash(
						       t->id.data, n));
	}
	if (st)
		goto out;
	/* Before ids were escaped, an id was its name's bytes: the term of
	 * those, when they differ and are no id of today (an id that reads
	 * back to itself), whose term it would be. */
	if (!memchr(t->id.data, '\\', n) ||
	    (st = unescape(&raw, t->id.data, n)) ||
	    strlen(q) + raw.len > ID_TERM_MAX ||
	    (st = _naqib_id_parse(&again, raw.data, raw.len)))
		goto out;
	if ((again.len != raw.len || memcmp(again.data, raw.data, raw.len)) &&
	    !(st = _naqib_buf_adds(&t->legacy, q)))
		st = _naqib_buf_add(&t->legacy, raw.data, raw.len);
out:
	_naqib_buf_free(&raw);
	_naqib_buf_free(&again);
	if (st)
		_naqib_id_terms_free(t);
	return st;
}

/* ---------------------------------------------------------------- public */

naqib_status_t naqib_id_from_bytes(const char *raw, size_t len, char **out)
{
	_naqib_buf_t b = NAQIB_BUF_INIT;

	return _naqib_buf_finish(&b, _naqib_id_escape(&b, raw, len), out, NULL);
}

naqib_status_t naqib_id_parse(const char *typed, char **out)
{
	_naqib_buf_t b = NAQIB_BUF_INIT;

	return _naqib_buf_finish(&b, _naqib_id_parse(&b, typed, strlen(typed)),
				 out, NULL);
}
