/* The rows of the formats whose readers run in the worker process (PDF,
 * images, Word and OpenDocument, HTML, e-mail): their names, endings and
 * first bytes, without their readers.  naqib-index itself is linked
 * without those readers and the libraries they need (poppler, Tesseract,
 * GMime, libzip, libxml2: 99 shared libraries, 30 ms to load at every
 * start); the worker (naqib-worker) is linked with them.  A reader is a
 * weak reference here: NULL in naqib-index, which hands such a file to
 * the worker (ingest.c), the reader in the worker, the fuzzers and the
 * benches. */
#include <ctype.h>
#include <stdint.h>
#include <string.h>
#include <strings.h>

#include "formats/reader.h"
#include "formats/workers.h"

/* ---------------------------------------------------------------- pdf */

static int sniff_pdf(const char *s, size_t len)
{
	return len >= 5 && !memcmp(s, "%PDF-", 5);
}

static const char *const pdf_extensions[] = { "pdf", NULL };

const fmt_format_t fmt_pdf = {
	.name = "pdf",
	.description = "PDF: the text layer, page by page (--ocr: pages "
		       "without one)",
	.extensions = pdf_extensions,
	.sniff = sniff_pdf,
	.read = fmt_pdf_read,
	.flags = FMT_WHOLE | FMT_WORKER,
};

/* ---------------------------------------------------------------- image */

static int sniff_image(const char *s, size_t len)
{
	return (len >= 8 && !memcmp(s, "\x89PNG\r\n\x1a\n", 8)) ||
	       (len >= 3 && !memcmp(s, "\xff\xd8\xff", 3)) ||
	       (len >= 4 && (!memcmp(s, "II*\0", 4) || !memcmp(s, "MM\0*", 4)));
}

static const char *const image_extensions[] = {
	"png", "jpg", "jpeg", "tif", "tiff", NULL,
};

const fmt_format_t fmt_image = {
	.name = "image",
	.description = "images (PNG, JPEG, TIFF): their text by OCR, with "
		       "--ocr only",
	.extensions = image_extensions,
	.sniff = sniff_image,
	.read = fmt_image_read,
	.flags = FMT_WHOLE | FMT_WORKER | FMT_OCR,
};

/* ---------------------------------------------------------------- office */

/* The first entry of a ZIP archive: its name and, stored, its data. */
static int first_entry(const char *s, size_t len, const char **name,
		       size_t *nlen, const char **data, size_t *dlen)
{
	const unsigned char *u = (const unsigned char *)s;

	if (len < 30 || memcmp(s, "PK\3\4", 4))
		return 0;
	*nlen = u[26] | (size_t)u[27] << 8;
	size_t elen = u[28] | (size_t)u[29] << 8;
	*dlen = u[18] | (size_t)u[19] << 8 | (size_t)u[20] << 16 |
		(size_t)u[21] << 24;
	if (30 + *nlen > len)
		return 0;
	*name = s + 30;
	*data = s + 30 + *nlen + elen;
	if (30 + *nlen + elen > len || *dlen > len - (30 + *nlen + elen))
		*dlen = 0;
	return 1;
}

/* OpenDocument: the first entry, stored, is "mimetype", the type. */
static int sniff_odt(const char *s, size_t len)
{
	static const char type[] = "application/vnd.oasis.opendocument.text";
	const char *name, *data;
	size_t nlen, dlen;

	if (!first_entry(s, len, &name, &nlen, &data, &dlen) || nlen != 8 ||
	    memcmp(name, "mimetype", 8) || dlen < sizeof type - 1 ||
	    memcmp(data, type, sizeof type - 1))
		return 0;
	return dlen == sizeof type - 1 ||
	       (dlen == sizeof type - 1 + 9 &&
		!memcmp(data + sizeof type - 1, "-template", 9));
}

/* Word: an archive of Office Open XML ([Content_Types].xml) whose parts
 * are under word/ (the names of the local headers are in the clear). */
static int sniff_docx(const char *s, size_t len)
{
	const char *name, *data;
	size_t nlen, dlen, look = len < (1u << 20) ? len : (1u << 20);

	if (!first_entry(s, len, &name, &nlen, &data, &dlen) ||
	    sniff_odt(s, len))
		return 0;
	return memmem(s, look, "[Content_Types].xml", 19) &&
	       memmem(s, look, "word/", 5);
}

static const char *const docx_extensions[] = { "docx", "dotx", "docm",
					       "dotm", NULL };
static const char *const odt_extensions[] = { "odt", "ott", NULL };

const fmt_format_t fmt_docx = {
	.name = "docx",
	.description = "Word (Office Open XML: .docx, .dotx, .docm): text, "
		       "tables, notes, headers, footers; title, author, date",
	.extensions = docx_extensions,
	.sniff = sniff_docx,
	.read = fmt_office_read,
	.flags = FMT_WHOLE | FMT_WORKER,
};

const fmt_format_t fmt_odt = {
	.name = "odt",
	.description = "OpenDocument text (.odt, .ott): text, tables, notes, "
		       "headers, footers; title, author, date",
	.extensions = odt_extensions,
	.sniff = sniff_odt,
	.read = fmt_office_read,
	.flags = FMT_WHOLE | FMT_WORKER,
};

/* ---------------------------------------------------------------- html */

/* <!DOCTYPE html, <html or <head, in any case, after comments and an XML
 * declaration (fmt_sniff() skipped the byte order mark and white
 * space). */
static int sniff_html(const char *s, size_t len)
{
	size_t i = 0, look = len < 4096 ? len : 4096;

	while (i < look) {
		while (i < look && isspace((unsigned char)s[i]))
			i++;
		if (i + 4 <= look && !memcmp(s + i, "<!--", 4)) {
			const char *e = memmem(s + i + 4, look - i - 4, "-->", 3);
			if (!e)
				return 0;
			i = (size_t)(e - s) + 3;
			continue;
		}
		if (i + 5 <= look && !memcmp(s + i, "<?xml", 5)) {
			const char *e = memmem(s + i, look - i, "?>", 2);
			if (!e)
				return 0;
			i = (size_t)(e - s) + 2;
			continue;
		}
		break;
	}
	static const char *const starts[] = { "<!doctype html", "<html",
					      "<head", NULL };
	for (size_t k = 0; starts[k]; k++) {
		size_t n = strlen(starts[k]);
		if (i + n < look && !strncasecmp(s + i, starts[k], n) &&
		    !isalnum((unsigned char)s[i + n]))
			return 1;
	}
	return 0;
}

static const char *const html_extensions[] = { "html", "htm", "xhtml",
					       "shtml", NULL };

const fmt_format_t fmt_html = {
	.name = "html",
	.description = "HTML pages: the article's text without the page's "
		       "menus and footers; title, date, author, address",
	.extensions = html_extensions,
	.sniff = sniff_html,
	.read = fmt_html_read,
	.flags = FMT_WHOLE | FMT_WORKER,
};

/* ---------------------------------------------------------------- mail */

/* ---------------------------------------------------------------- sniffing */

/* The length of the header field name at s[i..n) followed by ':' (RFC
 * 5322: printable ASCII but the colon), 0 when the line is not one. */
static size_t field_name(const char *s, size_t n, size_t i)
{
	size_t k = i;

	while (k < n && k - i < 77 && s[k] > ' ' && s[k] < 0x7F && s[k] != ':')
		k++;
	return k > i && k < n && s[k] == ':' ? k - i : 0;
}

static int field_is(const char *s, size_t len, const char *name)
{
	return len == strlen(name) && !strncasecmp(s, name, len);
}

/* Whether the name s[0..len) is one that e-mail has and texts do not;
 * *strong: one that only e-mail has (From is strong when its value holds
 * an address). */
static int mail_field(const char *s, size_t len, int *strong)
{
	static const char *const strong_names[] = {
		"received", "return-path", "message-id", "mime-version",
		"delivered-to", "dkim-signature", "x-original-to",
		"authentication-results", "arc-seal", "envelope-to", NULL,
	};
	static const char *const names[] = {
		"from", "date", "subject", "to", "cc", "reply-to", "sender",
		"content-type", "content-transfer-encoding", "references",
		"in-reply-to", "user-agent", "thread-topic", "thread-index",
		"list-id", "precedence", "organization", NULL,
	};

	*strong = 0;
	for (size_t i = 0; strong_names[i]; i++)
		if (field_is(s, len, strong_names[i]))
			return *strong = 1;
	if (len > 2 && !strncasecmp(s, "x-", 2))
		return *strong = 1;
	for (size_t i = 0; names[i]; i++)
		if (field_is(s, len, names[i]))
			return 1;
	return 0;
}

/* Whether s[0..n) starts with a block of header lines (up to a blank
 * line or 64 KB): every line a field or a folded continuation, the first
 * one of e-mail's fields, at least two fields of e-mail's, one of them
 * e-mail's only. */
static int header_block(const char *s, size_t n)
{
	size_t i = 0, fields = 0, known = 0, strong = 0;

	if (n > 65536)
		n = 65536;
	while (i < n) {
		size_t eol = i;
		while (eol < n && s[eol] != '\n')
			eol++;
		size_t end = eol;
		if (end > i && s[end - 1] == '\r')
			end--;
		if (end == i)
			break; /* the blank line after the headers */
		if (s[i] == ' ' || s[i] == '\t') {
			if (!fields)
				return 0;
		} else {
			size_t k = field_name(s, end, i);
			int st;
			if (!k)
				return 0;
			int ok = mail_field(s + i, k, &st);
			if (!fields && !ok)
				return 0;
			if (field_is(s + i, k, "from") &&
			    memchr(s + i, '@', end - i))
				st = 1;
			fields++;
			known += ok;
			strong += st;
		}
		i = eol + 1;
	}
	return known >= 2 && strong >= 1;
}

static int sniff_mail(const char *s, size_t len)
{
	return header_block(s, len);
}

/* "From " and a line holding a digit (the date), then a message's
 * headers. */
static int sniff_mbox(const char *s, size_t len)
{
	if (len < 6 || memcmp(s, "From ", 5))
		return 0;
	const char *eol = memchr(s, '\n', len < 1024 ? len : 1024);
	if (!eol)
		return 0;
	int digit = 0;
	for (const char *p = s; p < eol; p++)
		digit |= isdigit((unsigned char)*p) != 0;
	size_t at = (size_t)(eol - s) + 1;
	return digit && header_block(s + at, len - at);
}

static const char *const mail_extensions[] = { "eml", "mime", NULL };
static const char *const mbox_extensions[] = { "mbox", "mbx", NULL };

const fmt_format_t fmt_mail = {
	.name = "mail",
	.description = "an e-mail message (.eml): Subject, Date, From, its "
		       "text; attachments as documents of their own",
	.extensions = mail_extensions,
	.sniff = sniff_mail,
	.read = fmt_mail_read,
	.flags = FMT_WHOLE | FMT_WORKER,
};

const fmt_format_t fmt_mbox = {
	.name = "mbox",
	.description = "a mailbox of e-mail messages after 'From ' lines: "
		       "each message a document, FILE#N",
	.extensions = mbox_extensions,
	.sniff = sniff_mbox,
	.read = fmt_mbox_read,
	.flags = FMT_WHOLE | FMT_WORKER,
};
