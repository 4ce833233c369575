/* Word files (.docx, .dotx, .docm: Office Open XML) and OpenDocument
 * texts (.odt, .ott): ZIP archives of XML parts, read from memory with
 * libzip and libxml2.  One document a file: the paragraphs a line each,
 * a table's cells apart by tabs and its rows a line each, then the notes,
 * then the headers and footers (after the text, so that a letterhead does
 * not make the lead of every letter); the title, author and date of its
 * metadata.  Both formats read either kind of file: what is inside says
 * which it is, not the name.
 *
 * The archive is the file's to make: a part is refused when it says it
 * is larger than PART_MAX uncompressed or compresses better than a text
 * does (RATIO_MAX), and the bytes are counted as they come out, whatever
 * the archive says; all parts together are at most FILE_MAX.  The XML is
 * parsed without entity substitution and within libxml2's limits
 * (xmltext.h), and walked without recursion. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libxml/parser.h>
#include <zip.h>

#include "formats/reader.h"
#include "formats/workers.h"
#include "formats/xmltext.h"

#define PART_MAX (64u << 20)
#define FILE_MAX (256u << 20)
/* Word's XML compresses about 10:1, a table of repeated cells 50:1; a zip
 * bomb a thousand to one.  Small parts are let be whatever they are. */
#define RATIO_MAX 200
#define RATIO_FROM (1u << 20)
#define HEADERS_MAX 64	/* header and footer parts read at most */
#define META_MAX 1024	/* bytes of a title or an author */
#define STYLES_MAX 128	/* heading styles remembered (a paragraph's
				 * style is looked for among them) */

/* ---------------------------------------------------------------- archive */

typedef struct archive {
	zip_t *za;
	size_t read;	/* bytes of parts read so far */
	char why[320];	/* why the file cannot be read */
} archive_t;

static const char encrypted_msg[] =
	"encrypted (password-protected): it cannot be read without its "
	"password";

/* Reads part i (named name) whole.  1 with *out (malloc'd,
 * NUL-terminated) and *len; -1 when it is refused or cannot be read
 * (a->why says why). */
static int part_at(archive_t *a, zip_uint64_t i, const char *name,
		   char **out, size_t *len)
{
	zip_stat_t st;

	*out = NULL;
	*len = 0;
	zip_stat_init(&st);
	if (zip_stat_index(a->za, i, 0, &st)) {
		snprintf(a->why, sizeof a->why, "part '%s': %s", name,
			 zip_strerror(a->za));
		return -1;
	}
	if ((st.valid & ZIP_STAT_ENCRYPTION_METHOD) &&
	    st.encryption_method != ZIP_EM_NONE) {
		snprintf(a->why, sizeof a->why, "%s", encrypted_msg);
		return -1;
	}
	int sized = (st.valid & ZIP_STAT_SIZE) != 0;
	if (sized && st.size > PART_MAX) {
		snprintf(a->why, sizeof a->why, "part '%s' is %llu bytes "
			 "uncompressed, more than %u MiB (a zip bomb?)", name,
			 (unsigned long long)st.size, PART_MAX >> 20);
		return -1;
	}
	if (sized && (st.valid & ZIP_STAT_COMP_SIZE) && st.size > RATIO_FROM &&
	    st.size / (st.comp_size ? st.comp_size : 1) > RATIO_MAX) {
		snprintf(a->why, sizeof a->why, "part '%s' compresses %llu to "
			 "1, more than a text does (a zip bomb?)", name,
			 (unsigned long long)(st.size /
					      (st.comp_size ? st.comp_size : 1)));
		return -1;
	}
	zip_file_t *f = zip_fopen_index(a->za, i, 0);
	if (!f) {
		snprintf(a->why, sizeof a->why, "part '%s': %s", name,
			 zip_strerror(a->za));
		return -1;
	}
	/* The size said is only a hint: the buffer grows as bytes come. */
	size_t cap = sized && st.size < (1u << 20) ? (size_t)st.size + 1
						   : (1u << 20);
	size_t n = 0;
	char *buf = malloc(cap + 1);
	int ok = buf != NULL;
	if (!ok)
		snprintf(a->why, sizeof a->why, "out of memory");
	while (ok) {
		if (n == cap) {
			size_t c2 = cap * 2;
			char *b2 = realloc(buf, c2 + 1);
			if (!b2) {
				snprintf(a->why, sizeof a->why, "out of memory");
				ok = 0;
				break;
			}
			buf = b2;
			cap = c2;
		}
		zip_int64_t r = zip_fread(f, buf + n, cap - n);
		if (r < 0) {
			snprintf(a->why, sizeof a->why, "part '%s' is damaged: "
				 "%s", name, zip_file_strerror(f));
			ok = 0;
			break;
		}
		if (r == 0)
			break;
		n += (size_t)r;
		if (n > PART_MAX || a->read + n > FILE_MAX ||
		    (sized && n > st.size)) {
			snprintf(a->why, sizeof a->why, "part '%s' gives more "
				 "than %s (a zip bomb?)", name,
				 sized && n > st.size
					 ? "the size the archive says"
					 : "a document's parts may have");
			ok = 0;
			break;
		}
	}
	zip_fclose(f);
	if (!ok) {
		free(buf);
		return -1;
	}
	a->read += n;
	buf[n] = '\0';
	*out = buf;
	*len = n;
	return 1;
}

/* The part named name: as part_at(), and 0 when there is none. */
static int part(archive_t *a, const char *name, char **out, size_t *len)
{
	zip_int64_t i = zip_name_locate(a->za, name, 0);

	*out = NULL;
	*len = 0;
	if (i < 0)
		return 0;
	return part_at(a, (zip_uint64_t)i, name, out, len);
}

/* The part named name parsed: NULL when it is not there, or cannot be read
 * (*err then says why, when err is given). */
static xmlDocPtr part_xml(archive_t *a, const char *name, int *err)
{
	char *data, why[240];
	size_t len;
	int r = part(a, name, &data, &len);

	if (err)
		*err = r < 0;
	if (r <= 0)
		return NULL;
	xmlDocPtr doc = xt_parse_xml(data, len, why, sizeof why);
	free(data);
	if (!doc) {
		snprintf(a->why, sizeof a->why, "part '%s' is not well-formed "
			 "XML (%s)", name, why);
		if (err)
			*err = 1;
	}
	return doc;
}

/* ---------------------------------------------------------------- names */

/* A small set of strings: the heading styles of a document, the headers
 * already read. */
typedef struct names {
	char **v;
	size_t n, cap;
} names_t;

static int names_has(const names_t *s, const char *name)
{
	for (size_t i = 0; i < s->n; i++)
		if (!strcmp(s->v[i], name))
			return 1;
	return 0;
}

static void names_add(names_t *s, const char *name)
{
	if (s->n >= STYLES_MAX || names_has(s, name) ||
	    NAQIB_GROW(s->v, s->cap, s->n + 1))
		return;
	if ((s->v[s->n] = strdup(name)))
		s->n++;
}

static void names_free(names_t *s)
{
	for (size_t i = 0; i < s->n; i++)
		free(s->v[i]);
	free(s->v);
}

/* Whether a paragraph style's name or id says heading: Heading1,
 * "heading 1", Title, Titre, "Titre 1" (Word's French styles), LibreOffice's
 * Heading_20_1. */
static int heading_name(const char *s)
{
	return s && (!strncasecmp(s, "heading", 7) ||
		     !strncasecmp(s, "titre", 5) || !strcasecmp(s, "title"));
}

/* ---------------------------------------------------------------- text */

/* The state of a walk over the text of a part. */
typedef struct words {
	xt_text_t *out;		/* where the text goes */
	xt_text_t *main;	/* the document's text */
	xt_text_t *notes;	/* OpenDocument: notes, found inline */
	const names_t *styles;	/* heading styles */
	int odt;
	int cells;		/* table cells we are in */
	int paras;		/* OpenDocument: paragraphs we are in */
	int heading;		/* the paragraph being read is a heading */
	size_t para_at;		/* where its text starts in out */
	int saved_heading;	/* the paragraph a note is in */
	size_t saved_para_at;
	int notes_in;		/* notes we are in */
	char *first_heading;	/* the text of the first heading, malloc'd */
} words_t;

static void para_begin(words_t *w)
{
	if (!w->cells)
		xt_line(w->out);
	w->heading = 0;
	w->para_at = w->out->b.len;
}

static void para_end(words_t *w)
{
	if (w->heading && !w->first_heading && !w->cells && !w->notes_in &&
	    w->out == w->main && w->para_at <= w->out->b.len)
		w->first_heading = xt_clean(w->out->b.data + w->para_at,
					    w->out->b.len - w->para_at, 4096);
	if (w->cells)
		xt_addc(w->out, ' ', 0);
	else
		xt_line(w->out);
}

static void line_break(words_t *w)
{
	if (w->cells)
		xt_addc(w->out, ' ', 0);
	else
		xt_line(w->out);
}

static void cell_end(words_t *w)
{
	if (w->cells == 1) {
		xt_rtrim(w->out);
		xt_addc(w->out, '\t', 1);
	}
	w->cells--;
}

/* Tables: a row a line, only for the outermost table (one in a cell is
 * part of the cell's text). */
static void row_edge(words_t *w)
{
	if (!w->cells)
		xt_line(w->out);
}

static void add_text(words_t *w, xmlNodePtr n)
{
	if (n->content)
		xt_add(w->out, (const char *)n->content,
		       strlen((const char *)n->content));
}

/* Word: w:p paragraphs of w:r runs of w:t texts. */
static int docx_enter(xmlNodePtr n, void *ctx)
{
	words_t *w = ctx;
	const char *name = (const char *)n->name;

	if (n->type == XML_TEXT_NODE) {
		/* Only the text of w:t (and m:t, a:t) is the document's: the
		 * rest is the white space between elements. */
		if (xt_is(n->parent, "t"))
			add_text(w, n);
		return 0;
	}
	if (n->type != XML_ELEMENT_NODE)
		return 0;
	switch (name[0]) {
	case 'b':
		if (!strcmp(name, "br")) {
			line_break(w);
			return 0;
		}
		break;
	case 'c':
		if (!strcmp(name, "cr")) {
			line_break(w);
			return 0;
		}
		break;
	case 'd':
		/* Deleted text of tracked changes. */
		if (!strcmp(name, "delText") || !strcmp(name, "delInstrText"))
			return 0;
		break;
	case 'e':
	case 'f':
	case 'F':
		/* A note's paragraphs (footnotes.xml, endnotes.xml), but
		 * not the separator lines Word keeps there. */
		if (!strcmp(name, "footnote") || !strcmp(name, "endnote")) {
			const char *type = xt_attr(n, "type");
			if (type && strcmp(type, "normal"))
				return 0;
			xt_line(w->out);
		}
		/* mc:Fallback repeats mc:Choice (a text box twice). */
		if (!strcmp(name, "Fallback"))
			return 0;
		break;
	case 'i':
		/* A field's code: its result is in the text. */
		if (!strcmp(name, "instrText"))
			return 0;
		break;
	case 'n':
		if (!strcmp(name, "noBreakHyphen")) {
			xt_add(w->out, "-", 1);
			return 0;
		}
		break;
	case 'p':
		if (!strcmp(name, "p")) {
			para_begin(w);
			return 1;
		}
		if (!strcmp(name, "pPr")) {
			/* The paragraph's style, and an outline level: a
			 * heading.  Nothing of a pPr is text. */
			for (xmlNodePtr c = n->children; c; c = c->next) {
				const char *v = xt_attr(c, "val");
				if (xt_is(c, "pStyle") && v &&
				    (heading_name(v) || names_has(w->styles, v)))
					w->heading = 1;
				if (xt_is(c, "outlineLvl") && v && v[0] >= '0' &&
				    v[0] <= '8' && !v[1])
					w->heading = 1;
			}
			return 0;
		}
		break;
	case 'r':
		if (!strcmp(name, "rPr"))
			return 0;
		break;
	case 's':
		if (!strcmp(name, "sectPr"))
			return 0;
		break;
	case 't':
		if (!strcmp(name, "tab")) {
			xt_addc(w->out, '\t', 0);
			return 0;
		}
		if (!strcmp(name, "tc"))
			w->cells++;
		else if (!strcmp(name, "tr") || !strcmp(name, "tbl"))
			row_edge(w);
		break;
	}
	return 1;
}

static void docx_leave(xmlNodePtr n, void *ctx)
{
	words_t *w = ctx;

	if (n->type != XML_ELEMENT_NODE)
		return;
	if (xt_is(n, "p"))
		para_end(w);
	else if (xt_is(n, "tc"))
		cell_end(w);
	else if (xt_is(n, "tr") || xt_is(n, "tbl"))
		row_edge(w);
}

/* OpenDocument: text:p and text:h paragraphs of text and text:span. */
static int odt_enter(xmlNodePtr n, void *ctx)
{
	words_t *w = ctx;
	const char *name = (const char *)n->name;

	if (n->type == XML_TEXT_NODE) {
		if (w->paras)
			add_text(w, n);
		return 0;
	}
	if (n->type != XML_ELEMENT_NODE)
		return 0;
	if (!strcmp(name, "p") || !strcmp(name, "h")) {
		para_begin(w);
		const char *style = xt_attr(n, "style-name");
		w->heading = name[0] == 'h' || heading_name(style) ||
			     (style && names_has(w->styles, style));
		w->paras++;
		return 1;
	}
	if (!strcmp(name, "s")) {
		/* c spaces, one when it does not say (at most 64). */
		const char *c = xt_attr(n, "c");
		int k = c ? atoi(c) : 1;
		k = k < 1 ? 1 : k > 64 ? 64 : k;
		xt_add(w->out, "                                                                ",
		       (size_t)k);
		return 0;
	}
	if (!strcmp(name, "tab")) {
		xt_addc(w->out, '\t', 0);
		return 0;
	}
	if (!strcmp(name, "line-break")) {
		line_break(w);
		return 0;
	}
	if (!strcmp(name, "note-body") && w->notes) {
		w->saved_heading = w->heading;
		w->saved_para_at = w->para_at;
		w->notes_in++;
		w->out = w->notes;
		xt_line(w->out);
		return 1;
	}
	if (!strcmp(name, "table-cell")) {
		w->cells++;
		return 1;
	}
	if (!strcmp(name, "table-row") || !strcmp(name, "table")) {
		row_edge(w);
		return 1;
	}
	/* The number of a note, the deleted text of tracked changes,
	 * comments, a frame's title and description, a table of contents
	 * (the headings again), a covered cell (merged into another). */
	if (!strcmp(name, "note-citation") || !strcmp(name, "tracked-changes") ||
	    !strcmp(name, "annotation") || !strcmp(name, "title") ||
	    !strcmp(name, "desc") || !strcmp(name, "table-of-content") ||
	    !strcmp(name, "covered-table-cell") ||
	    !strcmp(name, "sequence-decls") || !strcmp(name, "forms") ||
	    !strcmp(name, "binary-data"))
		return 0;
	return 1;
}

static void odt_leave(xmlNodePtr n, void *ctx)
{
	words_t *w = ctx;

	if (n->type != XML_ELEMENT_NODE)
		return;
	if (xt_is(n, "p") || xt_is(n, "h")) {
		para_end(w);
		w->paras--;
	} else if (xt_is(n, "note-body") && w->notes_in) {
		xt_line(w->out);
		w->notes_in--;
		w->out = w->main;
		w->heading = w->saved_heading;
		w->para_at = w->saved_para_at;
	} else if (xt_is(n, "table-cell"))
		cell_end(w);
	else if (xt_is(n, "table-row") || xt_is(n, "table"))
		row_edge(w);
}

static const xt_walk_ops_t docx_ops = { docx_enter, docx_leave };
static const xt_walk_ops_t odt_ops = { odt_enter, odt_leave };

/* The text of the tree under root into out (a header, a footer, a part
 * of notes), as w's kind of file. */
static void words_into(xt_text_t *out, xmlNodePtr root, int odt,
		       const names_t *styles)
{
	words_t w = { .out = out, .main = out, .styles = styles, .odt = odt };

	xt_walk(root, odt ? &odt_ops : &docx_ops, &w);
	free(w.first_heading);
}

/* Appends a header's or footer's text to all, unless the same text came
 * already (Word keeps a header for the first page, odd and even pages:
 * often the same). */
static void add_once(xt_text_t *all, names_t *seen, xt_text_t *t)
{
	if (!xt_has_words(t) || names_has(seen, t->b.data))
		return;
	names_add(seen, t->b.data);
	xt_line(all);
	xt_add(all, t->b.data, t->b.len);
}

/* ---------------------------------------------------------------- the file */

typedef struct office {
	archive_t a;
	const fmt_callbacks_t *cb;
	int odt;
	names_t styles;		/* the heading styles */
	names_t seen;		/* the headers and footers read */
	xt_text_t main, notes, chrome;
	char *title, *author;
	char date[32];
	char *heading;		/* the first heading's text */
} office_t;

static char *first_text(xmlNodePtr n)
{
	return xt_node_text(n, META_MAX);
}

/* docProps/core.xml: Dublin Core as OPC has it. */
static void docx_meta(office_t *o)
{
	xmlDocPtr doc = part_xml(&o->a, "docProps/core.xml", NULL);
	xmlNodePtr root = doc ? xmlDocGetRootElement(doc) : NULL;
	char created[32] = "", modified[32] = "";

	for (xmlNodePtr c = root ? root->children : NULL; c; c = c->next) {
		if (c->type != XML_ELEMENT_NODE)
			continue;
		char *v = NULL;
		if (xt_is(c, "title") && !o->title)
			o->title = first_text(c);
		else if (xt_is(c, "creator") && !o->author)
			o->author = first_text(c);
		else if ((xt_is(c, "created") || xt_is(c, "modified")) &&
			 (v = first_text(c)))
			xt_iso_date(v, xt_is(c, "created") ? created : modified);
		free(v);
	}
	memcpy(o->date, *created ? created : modified, sizeof o->date);
	xmlFreeDoc(doc);
}

/* meta.xml: office:meta. */
static void odt_meta(office_t *o)
{
	xmlDocPtr doc = part_xml(&o->a, "meta.xml", NULL);
	xmlNodePtr root = doc ? xmlDocGetRootElement(doc) : NULL;
	char created[32] = "", dated[32] = "";
	char *creator = NULL, *initial = NULL;

	for (xmlNodePtr m = root ? root->children : NULL; m; m = m->next) {
		if (!xt_is(m, "meta"))
			continue;
		for (xmlNodePtr c = m->children; c; c = c->next) {
			char *v = NULL;
			if (xt_is(c, "title") && !o->title)
				o->title = first_text(c);
			else if (xt_is(c, "initial-creator") && !initial)
				initial = first_text(c);
			else if (xt_is(c, "creator") && !creator)
				creator = first_text(c);
			else if ((xt_is(c, "creation-date") ||
				  xt_is(c, "date")) && (v = first_text(c)))
				xt_iso_date(v, xt_is(c, "date") ? dated : created);
			free(v);
		}
	}
	/* Who wrote it first, rather than who saved it last. */
	o->author = initial ? initial : creator;
	if (initial)
		free(creator);
	memcpy(o->date, *created ? created : dated, sizeof o->date);
	xmlFreeDoc(doc);
}

/* Word's heading styles: paragraph styles named so, or with an outline
 * level. */
static void docx_styles(office_t *o)
{
	xmlDocPtr doc = part_xml(&o->a, "word/styles.xml", NULL);
	xmlNodePtr root = doc ? xmlDocGetRootElement(doc) : NULL;

	for (xmlNodePtr s = root ? root->children : NULL; s; s = s->next) {
		const char *id = xt_attr(s, "styleId");
		if (!xt_is(s, "style") || !id)
			continue;
		int yes = heading_name(id);
		for (xmlNodePtr c = s->children; c && !yes; c = c->next) {
			if (xt_is(c, "name"))
				yes = heading_name(xt_attr(c, "val"));
			for (xmlNodePtr p = xt_is(c, "pPr") ? c->children : NULL;
			     p; p = p->next) {
				const char *v = xt_attr(p, "val");
				if (xt_is(p, "outlineLvl") && v && v[0] >= '0' &&
				    v[0] <= '8' && !v[1])
					yes = 1;
			}
		}
		if (yes)
			names_add(&o->styles, id);
	}
	xmlFreeDoc(doc);
}

/* OpenDocument's paragraph styles that are headings, or made from one
 * (LibreOffice writes P1 for a Title paragraph with a change of its
 * own), under office:styles or office:automatic-styles of root. */
static void odt_styles(office_t *o, xmlNodePtr root)
{
	for (xmlNodePtr g = root ? root->children : NULL; g; g = g->next) {
		if (!xt_is(g, "styles") && !xt_is(g, "automatic-styles"))
			continue;
		for (xmlNodePtr s = g->children; s; s = s->next) {
			const char *name = xt_attr(s, "name");
			const char *parent = xt_attr(s, "parent-style-name");
			if (!xt_is(s, "style") || !name)
				continue;
			if (heading_name(name) || heading_name(parent) ||
			    (parent && names_has(&o->styles, parent)) ||
			    xt_attr(s, "default-outline-level"))
				names_add(&o->styles, name);
		}
	}
}

/* Word's headers and footers (word/header1.xml, word/footer2.xml), in the
 * archive's order. */
static void docx_chrome(office_t *o)
{
	zip_int64_t n = zip_get_num_entries(o->a.za, 0);
	int parts = 0;

	for (zip_int64_t i = 0; i < n && parts < HEADERS_MAX; i++) {
		const char *name = zip_get_name(o->a.za, (zip_uint64_t)i, 0);
		size_t l = name ? strlen(name) : 0;
		if (!name || l < 15 || strcmp(name + l - 4, ".xml") ||
		    strchr(name + 5, '/') ||
		    (strncmp(name, "word/header", 11) &&
		     strncmp(name, "word/footer", 11)))
			continue;
		parts++;
		char *data, why[64];
		size_t len;
		if (part_at(&o->a, (zip_uint64_t)i, name, &data, &len) <= 0)
			continue;
		xmlDocPtr doc = xt_parse_xml(data, len, why, sizeof why);
		free(data);
		if (!doc)
			continue;
		xt_text_t t;
		xt_init(&t, XT_TEXT_MAX, 0);
		words_into(&t, xmlDocGetRootElement(doc), 0, &o->styles);
		add_once(&o->chrome, &o->seen, &t);
		xt_free(&t);
		xmlFreeDoc(doc);
	}
}

/* Footnotes and endnotes: footnotes.xml, endnotes.xml. */
static void docx_notes(office_t *o)
{
	static const char *const parts[] = { "word/footnotes.xml",
					     "word/endnotes.xml" };

	for (size_t i = 0; i < 2; i++) {
		xmlDocPtr doc = part_xml(&o->a, parts[i], NULL);
		if (doc)
			words_into(&o->notes, xmlDocGetRootElement(doc), 0,
				   &o->styles);
		xmlFreeDoc(doc);
	}
}

/* OpenDocument's headers and footers: those of the master pages of
 * styles.xml. */
static void odt_chrome(office_t *o, xmlNodePtr root)
{
	int parts = 0;

	for (xmlNodePtr g = root ? root->children : NULL; g; g = g->next) {
		if (!xt_is(g, "master-styles"))
			continue;
		for (xmlNodePtr m = g->children; m; m = m->next) {
			if (!xt_is(m, "master-page"))
				continue;
			for (xmlNodePtr h = m->children; h && parts < HEADERS_MAX;
			     h = h->next) {
				if (!xt_is(h, "header") && !xt_is(h, "footer") &&
				    !xt_is(h, "header-left") &&
				    !xt_is(h, "footer-left") &&
				    !xt_is(h, "header-first") &&
				    !xt_is(h, "footer-first"))
					continue;
				parts++;
				xt_text_t t;
				xt_init(&t, XT_TEXT_MAX, 0);
				words_into(&t, h, 1, &o->styles);
				add_once(&o->chrome, &o->seen, &t);
				xt_free(&t);
			}
		}
	}
}

/* The part Word's text is in: word/document.xml, or where _rels/.rels
 * says (a file some other program wrote). *name is malloc'd. */
static int docx_main(office_t *o, char **name)
{
	*name = NULL;
	if (zip_name_locate(o->a.za, "word/document.xml", 0) >= 0) {
		*name = strdup("word/document.xml");
		return *name != NULL;
	}
	xmlDocPtr doc = part_xml(&o->a, "_rels/.rels", NULL);
	xmlNodePtr root = doc ? xmlDocGetRootElement(doc) : NULL;
	for (xmlNodePtr r = root ? root->children : NULL; r; r = r->next) {
		const char *type = xt_attr(r, "Type");
		const char *target = xt_attr(r, "Target");
		size_t tl = type ? strlen(type) : 0;
		if (xt_is(r, "Relationship") && target && tl > 15 &&
		    !strcmp(type + tl - 15, "/officeDocument")) {
			*name = strdup(target + (target[0] == '/'));
			break;
		}
	}
	xmlFreeDoc(doc);
	return *name != NULL;
}

/* What kind of file the archive holds: 0 Word, 1 OpenDocument text, -1
 * neither (why in a->why). */
static int kind(office_t *o)
{
	char *mt;
	size_t len;
	int r = part(&o->a, "mimetype", &mt, &len);

	if (r < 0)
		return -1;
	if (r > 0) {
		while (len && (mt[len - 1] == '\n' || mt[len - 1] == '\r' ||
			       mt[len - 1] == ' '))
			mt[--len] = '\0';
		int text = !strcmp(mt, "application/vnd.oasis.opendocument.text") ||
			   !strcmp(mt, "application/vnd.oasis.opendocument."
				       "text-template");
		if (!text)
			snprintf(o->a.why, sizeof o->a.why, "an archive of type "
				 "'%.100s', not a text document", mt);
		free(mt);
		return text ? 1 : -1;
	}
	if (zip_name_locate(o->a.za, "xl/workbook.xml", 0) >= 0 ||
	    zip_name_locate(o->a.za, "ppt/presentation.xml", 0) >= 0) {
		snprintf(o->a.why, sizeof o->a.why, "an Office Open XML %s, "
			 "not a text document",
			 zip_name_locate(o->a.za, "xl/workbook.xml", 0) >= 0
				 ? "spreadsheet" : "presentation");
		return -1;
	}
	if (zip_name_locate(o->a.za, "word/document.xml", 0) >= 0 ||
	    zip_name_locate(o->a.za, "[Content_Types].xml", 0) >= 0)
		return 0;
	if (zip_name_locate(o->a.za, "content.xml", 0) >= 0)
		return 1;
	snprintf(o->a.why, sizeof o->a.why, "a ZIP archive without a Word or "
		 "OpenDocument text in it");
	return -1;
}

/* The main text, notes, headers and footers, styles and metadata of the
 * file.  0, or -1 when it cannot be read (o->a.why). */
static int office_text(office_t *o)
{
	words_t w = { .main = &o->main, .notes = &o->notes,
		      .styles = &o->styles, .odt = o->odt };
	int err;

	w.out = w.main;
	if (o->odt) {
		/* OpenDocument's own encryption: the parts are stored as
		 * they are in the archive, but encrypted; the manifest says
		 * so. */
		char *mf;
		size_t len;
		if (part(&o->a, "META-INF/manifest.xml", &mf, &len) > 0) {
			int enc = memmem(mf, len, "encryption-data", 15) != NULL;
			free(mf);
			if (enc) {
				snprintf(o->a.why, sizeof o->a.why, "%s",
					 encrypted_msg);
				return -1;
			}
		}
		xmlDocPtr styles = part_xml(&o->a, "styles.xml", NULL);
		xmlNodePtr sroot = styles ? xmlDocGetRootElement(styles) : NULL;
		odt_styles(o, sroot);
		xmlDocPtr doc = part_xml(&o->a, "content.xml", &err);
		if (!doc) {
			if (!err)
				snprintf(o->a.why, sizeof o->a.why, "no "
					 "content.xml in the archive");
			xmlFreeDoc(styles);
			return -1;
		}
		xmlNodePtr root = xmlDocGetRootElement(doc);
		odt_styles(o, root);
		for (xmlNodePtr b = root ? root->children : NULL; b; b = b->next)
			if (xt_is(b, "body"))
				xt_walk(b, &odt_ops, &w);
		xmlFreeDoc(doc);
		odt_chrome(o, sroot);
		xmlFreeDoc(styles);
		odt_meta(o);
	} else {
		char *name;
		if (!docx_main(o, &name)) {
			snprintf(o->a.why, sizeof o->a.why, "no word/document.xml "
				 "in the archive");
			return -1;
		}
		docx_styles(o);
		xmlDocPtr doc = part_xml(&o->a, name, &err);
		if (!doc && !err)
			snprintf(o->a.why, sizeof o->a.why, "no part '%.100s' in "
				 "the archive", name);
		free(name);
		if (!doc)
			return -1;
		xt_walk(xmlDocGetRootElement(doc), &docx_ops, &w);
		xmlFreeDoc(doc);
		docx_notes(o);
		docx_chrome(o);
		docx_meta(o);
	}
	o->heading = w.first_heading;
	xt_line(&o->main);
	return 0;
}

/* The record of the file, handed to the callback. */
static int office_doc(office_t *o, const char *id)
{
	xt_text_t *body = &o->main;
	char *made = NULL;
	const char *title = NULL;
	unsigned flags = 0;
	int st;

	if (!xt_has_words(&o->main) && !xt_has_words(&o->notes) &&
	    !xt_has_words(&o->chrome))
		return NAQIB_OK; /* no text: the caller says so */
	xt_valid_str(&o->title);
	xt_valid_str(&o->author);
	xt_valid_str(&o->heading);
	/* The title: the metadata's, the first heading's (a sentence of it
	 * when it is long), or the text's first sentence. */
	if (o->title && fmt_title_usable(o->title))
		title = o->title;
	else if (o->heading && _naqib_utf8_count(o->heading,
						 strlen(o->heading)) <= TITLE_CHARS)
		title = o->heading;
	else if (o->heading) {
		if ((st = fmt_title_from_text(o->heading, strlen(o->heading),
					      &made)))
			return st;
		title = made;
	} else {
		const xt_text_t *t = xt_has_words(&o->main) ? &o->main
				   : xt_has_words(&o->notes) ? &o->notes
							       : &o->chrome;
		if ((st = fmt_title_from_text(t->b.data, t->b.len, &made)))
			return st;
		title = made;
		flags |= NAQIB_RECORD_TITLE_FROM_TEXT;
	}
	/* The notes, then the headers and footers, after the text. */
	xt_line(body);
	xt_add(body, o->notes.b.data, o->notes.b.len);
	xt_line(body);
	xt_add(body, o->chrome.b.data, o->chrome.b.len);
	xt_line(body);
	xt_valid(body);
	if (body->b.failed) {
		free(made);
		return _naqib_fail(NAQIB_E_NOMEM, "out of memory");
	}
	fmt_doc_t d = { .line = 1 };
	d.rec.id = id;
	d.rec.path = id;
	d.rec.title = title;
	d.rec.date = o->date;
	d.rec.author = o->author;
	d.rec.format = o->odt ? "odt" : "docx";
	d.rec.body = body->b.data;
	d.rec.flags = flags;
	st = o->cb->doc(&d, o->cb->ctx);
	free(made);
	return st;
}

/* The first bytes of a file Word cannot open without a password: an OLE
 * compound file (as .doc files are) holding an EncryptedPackage stream,
 * the encrypted ZIP archive. */
static int ole_file(const char *s, size_t len)
{
	return len >= 8 && !memcmp(s, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8);
}

int fmt_office_read(const char *id, char *data, size_t len,
		       const fmt_callbacks_t *cb)
{
	static const char utf16_name[] = "E\0n\0c\0r\0y\0p\0t\0e\0d\0P\0a\0c\0k\0a\0g\0e";
	office_t o;
	zip_error_t ze;
	int st = NAQIB_OK;

	if (ole_file(data, len)) {
		if (memmem(data, len, utf16_name, sizeof utf16_name - 1))
			fmt_bad(cb, 0, "%s; file skipped", encrypted_msg);
		else
			fmt_bad(cb, 0, "an OLE compound file (Word 97-2003 "
				".doc?), not Office Open XML: not read; file "
				"skipped");
		return NAQIB_OK;
	}
	memset(&o, 0, sizeof o);
	o.cb = cb;
	xt_init(&o.main, XT_TEXT_MAX, 0);
	xt_init(&o.notes, XT_TEXT_MAX, 0);
	xt_init(&o.chrome, XT_TEXT_MAX, 0);
	xt_setup();
	zip_error_init(&ze);
	zip_source_t *src = zip_source_buffer_create(data, len, 0, &ze);
	if (src && !(o.a.za = zip_open_from_source(src, ZIP_RDONLY, &ze)))
		zip_source_free(src);
	if (!o.a.za) {
		fmt_bad(cb, 0, "not a ZIP archive that can be read (%s); file "
			"skipped", zip_error_strerror(&ze));
		zip_error_fini(&ze);
		return NAQIB_OK;
	}
	zip_error_fini(&ze);
	o.odt = kind(&o);
	if (o.odt < 0 || office_text(&o))
		fmt_bad(cb, 0, "%s; file skipped", o.a.why);
	else
		st = office_doc(&o, id);
	zip_discard(o.a.za);
	names_free(&o.styles);
	names_free(&o.seen);
	xt_free(&o.main);
	xt_free(&o.notes);
	xt_free(&o.chrome);
	free(o.title);
	free(o.author);
	free(o.heading);
	return st;
}
