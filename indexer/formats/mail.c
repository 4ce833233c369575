/* E-mail, read with GMime 3: a message a file (.eml: RFC 5322 headers and
 * MIME parts) and mailboxes (mbox: messages after "From " lines).  A
 * message is a document: its Subject the title, its Date the date, its
 * From the author, its text the body (the text/plain part, else the
 * text/html one's article text as html.c reads a page, in UTF-8 whatever
 * the charset).  Each attachment is read by the format its name says
 * (fmt_read_nested()): a document of its own whose parent is the
 * message.  A message forwarded as an attachment (message/rfc822) is a
 * document of its own too, with its own subject, sender and date (the
 * communiqué's, not the forwarder's), and the message it came in as its
 * parent.
 *
 * Ids: an .eml file's message has the file's id; the N-th message of a
 * mailbox (1-based) has "ID#N", its line the line of its "From ".  The
 * number, not the Message-ID: a mailbox only grows at its end, so the
 * numbers of the messages already indexed stay; a Message-ID may be
 * missing, and the same message is often twice in an archive (sent to two
 * lists, copied to two folders), where it would make one document of two
 * places. */
#include <ctype.h>
#include <errno.h>
#include <iconv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <gmime/gmime.h>

#include "formats/html.h"
#include "formats/reader.h"
#include "formats/workers.h"
#include "util/util.h"

/* What a message may hold before the rest of it is left out (a bomb of
 * parts or of nesting costs these, not the run): parts counted over the
 * message and the messages forwarded in it, levels of multiparts and
 * forwarded messages, and the bytes of one attachment once decoded. */
#define MAIL_MAX_PARTS 1000
#define MAIL_MAX_DEPTH 20
#define MAIL_MAX_PART_BYTES (32u << 20)
/* An attachment's name is cut at this many bytes (at a character). */
#define MAIL_MAX_NAME 200

/* What GMime and GLib might print go nowhere: a reader never prints. */
static void quiet(const gchar *domain, GLogLevelFlags level,
		  const gchar *message, gpointer data)
{
	(void)domain;
	(void)level;
	(void)message;
	(void)data;
}

static void mail_init(void)
{
	static int done;

	if (done)
		return;
	g_mime_init();
	g_log_set_handler("gmime", G_LOG_LEVEL_MASK | G_LOG_FLAG_FATAL |
			  G_LOG_FLAG_RECURSION, quiet, NULL);
	done = 1;
}

/* ---------------------------------------------------------------- text */

/* Appends s[0..n) to b as clean text: line breaks \r\n and \r as \n, no
 * NUL (a broken mailer's padding), each byte that is not part of valid
 * UTF-8 as U+FFFD. */
static void add_clean(_naqib_buf_t *b, const char *s, size_t n)
{
	size_t from = 0, len;

	for (size_t i = 0; i < n; i += len ? len : 1) {
		if (s[i] != '\0' && s[i] != '\r' &&
		    (len = _naqib_utf8_valid_at(s, n, i)))
			continue;
		len = 0;
		_naqib_buf_add(b, s + from, i - from);
		if (s[i] == '\r') {
			_naqib_buf_addc(b, '\n');
			if (i + 1 < n && s[i + 1] == '\n')
				i++;
		} else if (s[i] != '\0') {
			_naqib_buf_adds(b, "\xEF\xBF\xBD");
		}
		from = i + 1;
	}
	_naqib_buf_add(b, s + from, n - from);
}

/* Whether s[0..n) is valid UTF-8, NULs aside. */
static int utf8_valid(const char *s, size_t n)
{
	for (size_t i = 0, len; i < n; i += len) {
		if (s[i] == '\0') {
			len = 1;
			continue;
		}
		if (!(len = _naqib_utf8_valid_at(s, n, i)))
			return 0;
	}
	return 1;
}

/* Converts s[0..n) from charset to UTF-8 into b; a byte the charset does
 * not know is U+FFFD.  Returns 0 when the charset is unknown to iconv. */
static int convert(_naqib_buf_t *b, const char *s, size_t n,
		   const char *charset)
{
	/* iconv itself, with GMime's name for the charset: GMime's
	 * g_mime_iconv_open() opens a converter for a charset iconv does
	 * not know ("x-unknown") that reads it as ASCII. */
	iconv_t cd = iconv_open("UTF-8", g_mime_charset_iconv_name(charset));
	char out[4096];

	if (cd == (iconv_t)-1)
		return 0;
	char *in = (char *)s;
	size_t left = n;
	while (left) {
		char *o = out;
		size_t room = sizeof out;
		size_t r = iconv(cd, &in, &left, &o, &room);
		_naqib_buf_add(b, out, (size_t)(o - out));
		if (r == (size_t)-1 && errno != E2BIG) {
			/* EILSEQ, or EINVAL: a sequence cut at the end. */
			_naqib_buf_adds(b, "\xEF\xBF\xBD");
			in++;
			left--;
		}
	}
	iconv_close(cd);
	return 1;
}

/* Whether charset says UTF-8 or its subset ASCII (as far as our bytes go:
 * 8-bit bytes in a text said to be ASCII are some other charset's). */
static int utf8_name(const char *cs)
{
	return !strcasecmp(cs, "utf-8") || !strcasecmp(cs, "utf8") ||
	       !strcasecmp(cs, "us-ascii") || !strcasecmp(cs, "ascii");
}

/* The text s[0..n) of a part whose charset is cs (NULL: none said) in
 * UTF-8, appended to b; *encoding is the charset it was converted from,
 * when it was not UTF-8.  A charset that iconv does not know ("x-unknown")
 * or that lies (windows-1256 said to be UTF-8) is read as --encoding's,
 * else windows-1256: the archives are Arabic, and windows-1256 holds the
 * French letters of Latin-1 at their places too. */
static void add_text(_naqib_buf_t *b, const char *s, size_t n, const char *cs,
		     const char **encoding)
{
	if (cs && !utf8_name(cs) && convert(b, s, n, cs)) {
		*encoding = cs;
		return;
	}
	if (utf8_valid(s, n)) {
		add_clean(b, s, n);
		return;
	}
	const char *guess = fmt_options.encoding ? fmt_options.encoding
						 : "windows-1256";
	_naqib_buf_t t = NAQIB_BUF_INIT;
	if (convert(&t, s, n, guess)) {
		add_clean(b, t.data, t.len);
		*encoding = guess;
	} else {
		add_clean(b, s, n);
	}
	_naqib_buf_free(&t);
}

/* A header's value (decoded by GMime) as one clean line, malloc'd; NULL
 * for none or an empty one. */
static char *one_line(const char *v)
{
	_naqib_buf_t b = NAQIB_BUF_INIT, c = NAQIB_BUF_INIT;

	if (!v)
		return NULL;
	add_clean(&b, v, strlen(v));
	int space = 1;
	for (size_t i = 0; i < b.len; i++) {
		unsigned char ch = (unsigned char)b.data[i];
		if (ch == ' ' || ch == '\t' || ch == '\n' || ch < 0x20 ||
		    ch == 0x7F) {
			space = 1;
			continue;
		}
		if (space && c.len)
			_naqib_buf_addc(&c, ' ');
		space = 0;
		_naqib_buf_addc(&c, (char)ch);
	}
	_naqib_buf_free(&b);
	if (c.failed || !c.len) {
		_naqib_buf_free(&c);
		return NULL;
	}
	return _naqib_buf_detach(&c, NULL);
}

/* ---------------------------------------------------------------- parts */

/* What is shared by a message and the messages forwarded in it. */
typedef struct limits {
	size_t parts;
	int parts_said, depth_said;
} limits_t;

typedef struct message {
	const fmt_callbacks_t *cb;
	const char *id;		/* the message's document id */
	const char *path;	/* the file's */
	size_t line;		/* its line, for messages */
	limits_t *lim;
	_naqib_buf_t text;
	const char *encoding;
	GPtrArray *attached;	/* GMimeObject: parts and message parts */
	GPtrArray *names;	/* char *: their names, in the same order */
} message_t;

/* The message named in a remark on the file: "" when it is the file's
 * one message, else " of 'ID'" (an mbox's message, a forwarded one). */
static const char *of(const message_t *m, char *buf, size_t n)
{
	if (!strcmp(m->id, m->path))
		return "";
	snprintf(buf, n, " of '%s'", m->id);
	return buf;
}

static int type_is(GMimeObject *o, const char *type, const char *sub)
{
	GMimeContentType *ct = g_mime_object_get_content_type(o);

	return ct && g_mime_content_type_is_type(ct, type, sub);
}

/* The part's bytes, decoded (base64, quoted-printable), in a GByteArray
 * the caller frees (NUL-terminated after its len bytes); NULL when it has
 * none. */
static GByteArray *decoded(GMimePart *part)
{
	GMimeDataWrapper *w = g_mime_part_get_content(part);

	if (!w)
		return NULL;
	GMimeStream *out = g_mime_stream_mem_new();
	g_mime_data_wrapper_write_to_stream(w, out);
	GByteArray *ba = g_mime_stream_mem_get_byte_array(GMIME_STREAM_MEM(out));
	g_mime_stream_mem_set_owner(GMIME_STREAM_MEM(out), FALSE);
	g_object_unref(out);
	g_byte_array_append(ba, (const guint8 *)"", 1);
	ba->len--;
	return ba;
}

/* The bytes of the part once decoded, at most: the encodings GMime decodes
 * only shrink what they encode. */
static gint64 decoded_bound(GMimePart *part)
{
	GMimeDataWrapper *w = g_mime_part_get_content(part);
	GMimeStream *s = w ? g_mime_data_wrapper_get_stream(w) : NULL;
	gint64 n = s ? g_mime_stream_length(s) : 0;

	if (w && g_mime_data_wrapper_get_encoding(w) == GMIME_CONTENT_ENCODING_BASE64)
		n = n / 4 * 3;
	return n < 0 ? 0 : n;
}

/* A text part's text, appended to the message's. */
static void add_part_text(message_t *m, GMimePart *part)
{
	GByteArray *ba = decoded(part);

	if (!ba)
		return;
	GMimeObject *o = GMIME_OBJECT(part);
	const char *cs = g_mime_object_get_content_type_parameter(o, "charset");
	_naqib_buf_t t = NAQIB_BUF_INIT;
	add_text(&t, (const char *)ba->data, ba->len, cs, &m->encoding);
	g_byte_array_free(ba, TRUE);
	if (m->text.len)
		_naqib_buf_adds(&m->text, "\n\n");
	/* An HTML part is read as a page would be: a newsletter's menu,
	 * cookie banner and links to the site are no more the message's
	 * text than a saved page's are the page's. */
	if (!type_is(o, "text", "html"))
		_naqib_buf_add(&m->text, t.data, t.len);
	else if (fmt_html_text(t.data, t.len, &m->text, NULL))
		m->text.failed = 1;
	_naqib_buf_free(&t);
}

/* The ending a name takes for a type, so that fmt_read_nested() reads an
 * attachment without a name by its type. */
static const char *type_ending(GMimeObject *o)
{
	static const struct {
		const char *type, *sub, *ending;
	} t[] = {
		{ "application", "pdf", ".pdf" },
		{ "application", "vnd.openxmlformats-officedocument."
				 "wordprocessingml.document", ".docx" },
		{ "application", "vnd.oasis.opendocument.text", ".odt" },
		{ "application", "msword", ".doc" },
		{ "text", "html", ".html" },
		{ "text", "markdown", ".md" },
		{ "text", "plain", ".txt" },
		{ "message", "rfc822", ".eml" },
	};

	for (size_t i = 0; i < sizeof t / sizeof *t; i++)
		if (type_is(o, t[i].type, t[i].sub))
			return t[i].ending;
	return "";
}

static int name_taken(message_t *m, const char *name)
{
	for (guint i = 0; i < m->names->len; i++)
		if (!strcmp(m->names->pdata[i], name))
			return 1;
	return 0;
}

/* The name of the attached o, the N-th: its file name without a directory
 * (a name is a part of an id, never a path to follow), one clean line, cut
 * at MAIL_MAX_NAME bytes; "attachment-N" and the ending of its type when it
 * has none; a forwarded message's ends in .eml.  The second "bayan.pdf"
 * of a message is "bayan (2).pdf". */
static char *attachment_name(message_t *m, GMimeObject *o, size_t nth)
{
	const char *fn = GMIME_IS_PART(o) ? g_mime_part_get_filename(GMIME_PART(o))
		: g_mime_object_get_content_disposition_parameter(o, "filename");
	char *clean = one_line(fn), *name;

	if (clean) {
		char *base = clean;
		for (char *p = clean; *p; p++)
			if (*p == '/' || *p == '\\')
				base = p + 1;
		memmove(clean, base, strlen(base) + 1);
		size_t n = strlen(clean);
		if (n > MAIL_MAX_NAME)
			clean[_naqib_utf8_cut(clean, n, MAIL_MAX_NAME)] = '\0';
		if (!*clean || !strcmp(clean, ".") || !strcmp(clean, "..")) {
			free(clean);
			clean = NULL;
		}
	}
	if (!clean)
		clean = g_strdup_printf("attachment-%zu%s", nth, type_ending(o));
	else if (GMIME_IS_MESSAGE_PART(o) && !g_str_has_suffix(clean, ".eml")) {
		char *e = g_strconcat(clean, ".eml", NULL);
		free(clean);
		clean = e;
	}
	/* g_strdup_printf's and strdup's memory are both malloc's (GLib
	 * 2.46 and later): one free() for either. */
	name = clean;
	if (name_taken(m, name)) {
		const char *dot = strrchr(clean, '.');
		size_t stem = dot && dot != clean ? (size_t)(dot - clean) : strlen(clean);
		for (unsigned k = 2;; k++) {
			name = g_strdup_printf("%.*s (%u)%s", (int)stem, clean, k,
					       clean + stem);
			if (!name_taken(m, name))
				break;
			free(name);
		}
		free(clean);
	}
	return name;
}

static void attach(message_t *m, GMimeObject *o)
{
	g_ptr_array_add(m->names, attachment_name(m, o, m->attached->len + 1));
	g_ptr_array_add(m->attached, o);
}

static int signature(GMimeObject *o)
{
	return type_is(o, "application", "pgp-signature") ||
	       type_is(o, "application", "pkcs7-signature") ||
	       type_is(o, "application", "x-pkcs7-signature");
}

/* Whether the walk may go into o at depth: a part more than the message
 * may hold, or a level deeper, is left out, said once. */
static int within(message_t *m, int depth)
{
	char buf[600];

	if (++m->lim->parts > MAIL_MAX_PARTS) {
		if (!m->lim->parts_said++)
			fmt_note(m->cb, "more than %d MIME parts in the "
				 "message%s: the rest left out", MAIL_MAX_PARTS,
				 of(m, buf, sizeof buf));
		return 0;
	}
	if (depth > MAIL_MAX_DEPTH) {
		if (!m->lim->depth_said++)
			fmt_note(m->cb, "parts nested more than %d levels "
				 "deep in the message%s: those below left out",
				 MAIL_MAX_DEPTH, of(m, buf, sizeof buf));
		return 0;
	}
	return 1;
}

static void walk(message_t *m, GMimeObject *o, int depth);

/* A multipart/alternative: the same text as plain text and as HTML (and
 * as a multipart/related of HTML and its images); plain text is the one
 * read, as it was written, else the rest in the order given. */
static void walk_alternative(message_t *m, GMimeMultipart *mp, int depth)
{
	int n = g_mime_multipart_get_count(mp);
	GMimeObject *best = NULL;

	for (int i = 0; i < n && !best; i++) {
		GMimeObject *c = g_mime_multipart_get_part(mp, i);
		if (type_is(c, "text", "plain"))
			best = c;
	}
	for (int i = 0; i < n && !best; i++) {
		GMimeObject *c = g_mime_multipart_get_part(mp, i);
		if (GMIME_IS_MULTIPART(c) || type_is(c, "text", "html"))
			best = c;
	}
	if (best)
		walk(m, best, depth + 1);
}

static void walk(message_t *m, GMimeObject *o, int depth)
{
	if (!o || !within(m, depth))
		return;
	if (GMIME_IS_MULTIPART(o)) {
		GMimeMultipart *mp = GMIME_MULTIPART(o);
		int n = g_mime_multipart_get_count(mp);
		if (GMIME_IS_MULTIPART_ENCRYPTED(o) ||
		    type_is(o, "multipart", "encrypted")) {
			char buf[600];
			fmt_note(m->cb, "an encrypted part in the message%s, "
				 "left out", of(m, buf, sizeof buf));
			return;
		}
		if (type_is(o, "multipart", "alternative")) {
			walk_alternative(m, mp, depth);
			return;
		}
		/* multipart/related: the first part is the text, the
		 * others what it shows (images); multipart/signed: the
		 * first is the text, the other its signature. */
		int first_only = type_is(o, "multipart", "related") ||
				 type_is(o, "multipart", "signed");
		for (int i = 0; i < n; i++) {
			GMimeObject *c = g_mime_multipart_get_part(mp, i);
			const char *disp = g_mime_object_get_disposition(c);
			if (i == 0 || !first_only ||
			    (disp && !strcasecmp(disp, "attachment")))
				walk(m, c, depth + 1);
			if (m->lim->parts > MAIL_MAX_PARTS)
				break;
		}
		return;
	}
	if (GMIME_IS_MESSAGE_PART(o)) {
		if (g_mime_message_part_get_message(GMIME_MESSAGE_PART(o)))
			attach(m, o);
		return;
	}
	if (!GMIME_IS_PART(o) || signature(o))
		return;
	GMimePart *part = GMIME_PART(o);
	const char *disp = g_mime_object_get_disposition(o);
	int text = type_is(o, "text", "plain") || type_is(o, "text", "html") ||
		   type_is(o, "text", "enriched");
	int named = g_mime_part_get_filename(part) != NULL;
	if ((disp && !strcasecmp(disp, "attachment")) ||
	    (named && (!text || m->text.len)))
		attach(m, o);
	else if (text)
		add_part_text(m, part);
	/* Else an inline image without a name (an HTML mail's logo): part
	 * of the text's looks, not a document. */
}

/* ---------------------------------------------------------------- messages */

/* "Name <address>, ..." of the From header, decoded; NULL for none. */
static char *from_of(GMimeMessage *msg)
{
	InternetAddressList *l = g_mime_message_get_from(msg);
	_naqib_buf_t b = NAQIB_BUF_INIT;
	int n = l ? internet_address_list_length(l) : 0;

	for (int i = 0; i < n; i++) {
		InternetAddress *a = internet_address_list_get_address(l, i);
		const char *name = internet_address_get_name(a);
		const char *addr = INTERNET_ADDRESS_IS_MAILBOX(a)
			? internet_address_mailbox_get_addr(INTERNET_ADDRESS_MAILBOX(a))
			: NULL;
		if (b.len)
			_naqib_buf_adds(&b, ", ");
		if (name && *name)
			_naqib_buf_adds(&b, name);
		if (addr && *addr)
			_naqib_buf_printf(&b, name && *name ? " <%s>" : "%s",
					  addr);
	}
	char *v = one_line(b.len ? b.data
		: g_mime_object_get_header(GMIME_OBJECT(msg), "From"));
	_naqib_buf_free(&b);
	return v;
}

/* The Date header as ISO 8601 with its offset (2025-10-14T09:30:00+01:00)
 * in out; "" for none GMime can read. */
static void date_of(GMimeMessage *msg, char out[40])
{
	GDateTime *dt = g_mime_message_get_date(msg);
	gchar *s = dt ? g_date_time_format(dt, "%Y-%m-%dT%H:%M:%S%:z") : NULL;

	out[0] = '\0';
	if (s && strlen(s) < 40)
		strcpy(out, s);
	g_free(s);
}

static int read_message(GMimeMessage *msg, const char *id, const char *path,
			const char *parent, size_t line, limits_t *lim,
			int depth, const fmt_callbacks_t *cb);

/* Hands the n-th attachment of m over: a forwarded message as a message,
 * a part decoded and read by its name's format (its text in UTF-8 first
 * when its type says its charset). */
static int hand_over(message_t *m, guint n, const char *path, int depth)
{
	GMimeObject *o = m->attached->pdata[n];
	const char *name = m->names->pdata[n];
	int st;

	if (GMIME_IS_MESSAGE_PART(o)) {
		char *sub = g_strdup_printf("%s#%s", m->id, name);
		st = read_message(g_mime_message_part_get_message(GMIME_MESSAGE_PART(o)),
				  sub, path, m->id, m->line, m->lim, depth + 1,
				  m->cb);
		g_free(sub);
		return st;
	}
	GMimePart *part = GMIME_PART(o);
	gint64 bound = decoded_bound(part);
	if (bound > (gint64)MAIL_MAX_PART_BYTES) {
		char buf[600];
		fmt_note(m->cb, "attachment '%s'%s: about %lld MB decoded, "
			 "more than the %u MB an attachment may have; left out",
			 name, of(m, buf, sizeof buf), (long long)(bound >> 20),
			 MAIL_MAX_PART_BYTES >> 20);
		return NAQIB_OK;
	}
	GByteArray *ba = decoded(part);
	if (!ba)
		return NAQIB_OK;
	const char *cs = g_mime_object_get_content_type_parameter(o, "charset");
	if (type_is(o, "text", "*") && cs && !utf8_name(cs)) {
		_naqib_buf_t t = NAQIB_BUF_INIT;
		const char *enc = NULL;
		add_text(&t, (const char *)ba->data, ba->len, cs, &enc);
		if (t.failed)
			st = _naqib_fail(NAQIB_E_NOMEM, "out of memory");
		else
			st = fmt_read_nested(m->id, name, t.data, t.len, m->cb);
		_naqib_buf_free(&t);
	} else {
		st = fmt_read_nested(m->id, name, (char *)ba->data, ba->len,
				     m->cb);
	}
	g_byte_array_free(ba, TRUE);
	return st;
}

/* Hands message msg to cb as the document id (its attachments after it),
 * line its line in the file. */
static int read_message(GMimeMessage *msg, const char *id, const char *path,
			const char *parent, size_t line, limits_t *lim,
			int depth, const fmt_callbacks_t *cb)
{
	message_t m = { cb, id, path, line, lim, NAQIB_BUF_INIT, NULL,
			g_ptr_array_new(), g_ptr_array_new_with_free_func(free) };
	int st = NAQIB_OK;

	if (!msg)
		goto out;
	if (depth > MAIL_MAX_DEPTH) {
		within(&m, depth);
		goto out;
	}
	walk(&m, g_mime_message_get_mime_part(msg), depth + 1);
	char *subject = one_line(g_mime_message_get_subject(msg));
	char *author = from_of(msg);
	char date[40], *made = NULL;
	date_of(msg, date);

	/* The text, trimmed. */
	size_t from = 0, to = m.text.len;
	fmt_trim(m.text.data, &from, &to);
	m.text.data[to] = '\0';
	const char *body = m.text.data + from;

	if (m.text.failed) {
		st = _naqib_fail(NAQIB_E_NOMEM, "out of memory");
	} else if (!subject && !*body && !m.attached->len) {
		fmt_bad(cb, line, "message '%s' has no subject, no text and no "
			"attachment; left out", id);
	} else {
		fmt_doc_t d = { .line = line ? line : 1, .encoding = m.encoding };
		d.rec.id = id;
		d.rec.path = path;
		d.rec.body = body;
		d.rec.date = date;
		d.rec.author = author;
		d.rec.format = "mail";
		d.rec.parent = parent;
		if (subject && fmt_title_usable(subject)) {
			d.rec.title = subject;
		} else if (!(st = fmt_title_from_text(body, strlen(body), &made))) {
			d.rec.title = made;
			d.rec.flags |= NAQIB_RECORD_TITLE_FROM_TEXT;
		}
		if (!st)
			st = cb->doc(&d, cb->ctx);
	}
	free(made);
	free(subject);
	free(author);
	for (guint i = 0; i < m.attached->len && !st; i++)
		st = hand_over(&m, i, path, depth);
out:
	_naqib_buf_free(&m.text);
	g_ptr_array_free(m.attached, TRUE);
	g_ptr_array_free(m.names, TRUE);
	return st;
}

/* What the parser saw that a user should hear of: GMime's guard against
 * deep nesting, which leaves the rest of the message as text. */
typedef struct parse_ctx {
	int nesting;
} parse_ctx_t;

static void on_warning(gint64 offset, GMimeParserWarning code,
		       const gchar *item, gpointer data)
{
	parse_ctx_t *p = data;

	(void)offset;
	(void)item;
	if (code == GMIME_CRIT_NESTING_OVERFLOW)
		p->nesting = 1;
}

/* A parser over data[0..len), without a copy of it: the stream reads the
 * caller's bytes through *ba, which the caller frees with
 * g_byte_array_free(*ba, FALSE) (the head, not the bytes) once the parser
 * and its messages are gone. */
static GMimeParser *parser_of(char *data, size_t len, GMimeFormat format,
			      parse_ctx_t *pc, GMimeParserOptions **opts,
			      GByteArray **ba)
{
	const char *fallback[4] = { "UTF-8", "windows-1256", NULL, NULL };

	*ba = g_byte_array_new_take((guint8 *)data, len);
	GMimeStream *s = g_mime_stream_mem_new_with_byte_array(*ba);
	/* The stream does not own the array, nor the bytes. */
	g_mime_stream_mem_set_owner(GMIME_STREAM_MEM(s), FALSE);
	GMimeParser *p = g_mime_parser_new_with_stream(s);
	g_object_unref(s);
	g_mime_parser_set_format(p, format);
	*opts = g_mime_parser_options_new();
	/* Headers in raw 8-bit (no encoded words): --encoding's, else
	 * UTF-8, else windows-1256. */
	if (fmt_options.encoding) {
		fallback[0] = fmt_options.encoding;
		fallback[1] = "UTF-8";
		fallback[2] = "windows-1256";
	}
	g_mime_parser_options_set_fallback_charsets(*opts, fallback);
	g_mime_parser_options_set_warning_callback(*opts, on_warning, pc);
	return p;
}

static void nesting_said(const fmt_callbacks_t *cb, parse_ctx_t *pc)
{
	if (pc->nesting)
		fmt_note(cb, "MIME parts nested deeper than GMime reads: "
			 "the parts below read as text");
	pc->nesting = 0;
}

int fmt_mail_read(const char *id, char *data, size_t len,
		     const fmt_callbacks_t *cb)
{
	size_t i = fmt_skip_bom(data, len);
	parse_ctx_t pc = { 0 };
	GMimeParserOptions *opts;
	limits_t lim = { 0, 0, 0 };

	mail_init();
	while (i < len && isspace((unsigned char)data[i]))
		i++;
	if (i == len)
		return NAQIB_OK; /* empty: the caller says so */
	/* A message saved with its mailbox's "From " line. */
	if (len - i > 5 && !memcmp(data + i, "From ", 5)) {
		char *eol = memchr(data + i, '\n', len - i);
		i = eol ? (size_t)(eol - data) + 1 : len;
	}
	GByteArray *ba;
	GMimeParser *p = parser_of(data + i, len - i, GMIME_FORMAT_MESSAGE,
				   &pc, &opts, &ba);
	GMimeMessage *msg = g_mime_parser_construct_message(p, opts);
	int st = NAQIB_OK;
	if (!msg)
		fmt_skip(cb, "not an e-mail message GMime can read");
	else
		st = read_message(msg, id, id, NULL, 1, &lim, 0, cb);
	nesting_said(cb, &pc);
	if (msg)
		g_object_unref(msg);
	g_object_unref(p);
	g_mime_parser_options_free(opts);
	g_byte_array_free(ba, FALSE);
	return st;
}

int fmt_mbox_read(const char *id, char *data, size_t len,
		     const fmt_callbacks_t *cb)
{
	size_t i = fmt_skip_bom(data, len), line = 1, counted = 0, n = 0;
	parse_ctx_t pc = { 0 };
	GMimeParserOptions *opts;
	int st = NAQIB_OK;

	mail_init();
	/* The lines before the first "From " (white space; a sniffed
	 * file starts there). */
	while (i < len && isspace((unsigned char)data[i]))
		i++;
	if (i == len)
		return NAQIB_OK;
	line = fmt_line_of(data, i, 0, 1);
	counted = i;
	GByteArray *ba;
	GMimeParser *p = parser_of(data + i, len - i, GMIME_FORMAT_MBOX, &pc,
				   &opts, &ba);
	while (!st && !g_mime_parser_eos(p)) {
		GMimeMessage *msg = g_mime_parser_construct_message(p, opts);
		if (!msg)
			break;
		n++;
		gint64 off = g_mime_parser_get_mbox_marker_offset(p);
		if (off >= 0 && i + (size_t)off <= len &&
		    i + (size_t)off >= counted) {
			line = fmt_line_of(data, i + (size_t)off, counted, line);
			counted = i + (size_t)off;
		}
		char *mid = g_strdup_printf("%s#%zu", id, n);
		limits_t lim = { 0, 0, 0 };
		st = read_message(msg, mid, id, NULL, line, &lim, 0, cb);
		nesting_said(cb, &pc);
		g_free(mid);
		g_object_unref(msg);
	}
	if (!n)
		fmt_skip(cb, "no message in the mailbox (no line starting "
			 "'From ' followed by headers)");
	g_object_unref(p);
	g_mime_parser_options_free(opts);
	g_byte_array_free(ba, FALSE);
	return st;
}
