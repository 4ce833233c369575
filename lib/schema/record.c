/* The document data stored in the index: the fields a hit is shown with and
 * the original text the snippets are cut from.  A small binary format: a
 * magic, then each string field in a fixed order as a varint length, the
 * bytes and a NUL, so that decoding can hand out pointers into the data
 * itself, then the number fields as varints.  NQR1, the first version,
 * had the first seven strings only: it is still read (the other fields
 * empty), so that a database indexed before stays searchable. */
#include <stdlib.h>
#include <string.h>

#include "naqib.h"
#include "internal.h"

static const char magic[4] = { 'N', 'Q', 'R', '2' };
static const char magic1[4] = { 'N', 'Q', 'R', '1' };
#define N_FIELDS 10
#define N_FIELDS_1 7
#define N_NUMBERS 3

static const char **field(naqib_record_t *r, int i)
{
	const char **f[N_FIELDS] = { &r->id,	 &r->title,  &r->date,
				     &r->url,	 &r->source, &r->path,
				     &r->body,	 &r->author, &r->format,
				     &r->parent };
	return f[i];
}

static unsigned *number(naqib_record_t *r, int i)
{
	unsigned *n[N_NUMBERS] = { &r->pages, &r->ocr_confidence, &r->flags };
	return n[i];
}

static int add_varint(_naqib_buf_t *b, size_t x)
{
	unsigned char v[10];
	size_t k = 0;

	for (;; x >>= 7) {
		v[k++] = (unsigned char)((x & 0x7F) | (x > 0x7F ? 0x80 : 0));
		if (x <= 0x7F)
			break;
	}
	return _naqib_buf_add(b, (const char *)v, k);
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
		if (!(st = add_varint(&b, n)) &&
		    !(st = _naqib_buf_add(&b, s ? s : "", n)))
			st = _naqib_buf_addc(&b, '\0');
	}
	for (int i = 0; i < N_NUMBERS && !st; i++)
		st = add_varint(&b, *number(&copy, i));
	return _naqib_buf_finish(&b, st, out, out_len);
}

/* Reads a varint at d[*i..len) into *n: 0, or -1 when cut short. */
static int get_varint(const unsigned char *d, size_t len, size_t *i, size_t *n)
{
	int shift = 0;

	*n = 0;
	for (;;) {
		if (*i >= len || shift > 56)
			return -1;
		*n |= (size_t)(d[*i] & 0x7F) << shift;
		shift += 7;
		if (!(d[(*i)++] & 0x80))
			return 0;
	}
}

naqib_status_t naqib_record_decode(const char *data, size_t len,
				   naqib_record_t *r)
{
	const unsigned char *d = (const unsigned char *)data;
	size_t i = sizeof magic;
	int fields;

	memset(r, 0, sizeof *r);
	if (len >= sizeof magic && !memcmp(data, magic, sizeof magic))
		fields = N_FIELDS;
	else if (len >= sizeof magic1 && !memcmp(data, magic1, sizeof magic1))
		fields = N_FIELDS_1;
	else
		return _naqib_fail(NAQIB_E_DB_VERSION,
				   "a document's stored data was not written "
				   "by naqib-index: the database is damaged, or "
				   "another program added to it (check it with "
				   "xapian-check)");
	for (int f = 0; f < fields; f++) {
		size_t n;
		if (get_varint(d, len, &i, &n) || n >= len - i ||
		    d[i + n] != '\0')
			goto bad;
		*field(r, f) = data + i;
		i += n + 1;
	}
	for (int f = fields; f < N_FIELDS; f++)
		*field(r, f) = "";
	if (fields == N_FIELDS)
		for (int k = 0; k < N_NUMBERS; k++) {
			size_t n;
			if (get_varint(d, len, &i, &n) || n > ~0u)
				goto bad;
			*number(r, k) = (unsigned)n;
		}
	return NAQIB_OK;
bad:
	memset(r, 0, sizeof *r);
	return _naqib_fail(NAQIB_E_DB_CORRUPT,
			   "a document's stored data is cut short: the "
			   "database is damaged (check it with xapian-check, "
			   "or index again)");
}
