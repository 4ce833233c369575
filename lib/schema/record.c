/* The document data stored in the index: the fields a hit is shown with and
 * the original text the snippets are cut from.  A small binary format: a
 * magic, then each field in a fixed order as a varint length, the bytes and
 * a NUL, so that decoding can hand out pointers into the data itself. */
#include <stdlib.h>
#include <string.h>

#include "naqib.h"
#include "internal.h"

static const char magic[4] = { 'N', 'Q', 'R', '1' };
#define N_FIELDS 7

static const char **field(naqib_record_t *r, int i)
{
	const char **f[N_FIELDS] = { &r->id,	 &r->title, &r->date, &r->url,
				     &r->source, &r->path,  &r->body };
	return f[i];
}

naqib_status_t naqib_record_encode(const naqib_record_t *r, char **out,
				   size_t *out_len)
{
	naqib_record_t copy = *r;
	_naqib_buf_t b = NAQIB_BUF_INIT;
	int st = _naqib_buf_add(&b, magic, sizeof magic);

	*out = NULL;
	for (int i = 0; i < N_FIELDS && !st; i++) {
		const char *s = *field(&copy, i);
		size_t n = s ? strlen(s) : 0;
		unsigned char v[10];
		size_t k = 0;
		for (size_t x = n; ; x >>= 7) {
			v[k++] = (unsigned char)((x & 0x7F) | (x > 0x7F ? 0x80 : 0));
			if (x <= 0x7F)
				break;
		}
		if (!(st = _naqib_buf_add(&b, (const char *)v, k)) &&
		    !(st = _naqib_buf_add(&b, s ? s : "", n)))
			st = _naqib_buf_addc(&b, '\0');
	}
	return _naqib_buf_finish(&b, st, out, out_len);
}

naqib_status_t naqib_record_decode(const char *data, size_t len,
				   naqib_record_t *r)
{
	const unsigned char *d = (const unsigned char *)data;
	size_t i = sizeof magic;

	memset(r, 0, sizeof *r);
	if (len < sizeof magic || memcmp(data, magic, sizeof magic) != 0)
		return _naqib_fail(NAQIB_E_DB_VERSION,
				   "a document's stored data was not written "
				   "by naqib-index: the database is damaged, or "
				   "another program added to it (check it with "
				   "xapian-check)");
	for (int f = 0; f < N_FIELDS; f++) {
		size_t n = 0;
		int shift = 0;
		for (;;) {
			if (i >= len || shift > 56)
				goto bad;
			n |= (size_t)(d[i] & 0x7F) << shift;
			shift += 7;
			if (!(d[i++] & 0x80))
				break;
		}
		if (n >= len - i || d[i + n] != '\0')
			goto bad;
		*field(r, f) = data + i;
		i += n + 1;
	}
	return NAQIB_OK;
bad:
	memset(r, 0, sizeof *r);
	return _naqib_fail(NAQIB_E_DB_CORRUPT,
			   "a document's stored data is cut short: the "
			   "database is damaged (check it with xapian-check, "
			   "or index again)");
}
