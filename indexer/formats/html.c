/* HTML pages (.html, .htm, .xhtml, .shtml), as a site's archive or a
 * browser's "save page" keeps them: libxml2's HTML parser, which mends
 * what browsers mend.  One document a page: its article's text, without
 * the page's chrome (menus, navigation, share buttons, footers, cookie
 * banners, scripts); its title, date, author and address from its
 * metadata (Open Graph, <title>, <time>, <link rel=canonical>).
 *
 * The encoding is the page's: its byte order mark, else the charset its
 * <meta> tags (or XML declaration) name, else UTF-8 when the bytes are,
 * else --encoding, else Windows-1256 (Arabic pages that say nothing were
 * written in it).  libxml2 converts through iconv.
 *
 * What is the article: the <article> that holds the most text, if it
 * holds a good part of the page's; else <main> (or role=main); else the
 * body.  Left out of it: elements that are never text (script, style,
 * svg, forms, buttons, frames), the page's chrome (nav, aside, header and
 * footer outside an article), elements whose class, id or role says
 * chrome, and blocks whose text is mostly the text of their links.  The
 * tree is walked without recursion: its depth is the page's to choose
 * (libxml2 stops at 256 levels, short of XML_PARSE_HUGE). */
#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libxml/HTMLparser.h>
#include <libxml/encoding.h>

#include "formats/html.h"
#include "formats/reader.h"
#include "formats/workers.h"
#include "formats/xmltext.h"

#define HTML_OPTIONS (HTML_PARSE_NONET | HTML_PARSE_NOERROR | \
		      HTML_PARSE_NOWARNING | HTML_PARSE_RECOVER)
#define META_MAX 1024	/* bytes of a title, an author, an address */
#define PRESCAN 16384	/* bytes looked at for a charset */

/* ---------------------------------------------------------------- encoding */

/* The charset named at s (after "charset" and '='), into out. */
static int charset_value(const char *s, const char *end, char *out, size_t n)
{
	while (s < end && (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r'))
		s++;
	if (s >= end || *s != '=')
		return 0;
	s++;
	while (s < end && (*s == ' ' || *s == '\t' || *s == '"' || *s == '\''))
		s++;
	size_t k = 0;
	while (s < end && k + 1 < n &&
	       (isalnum((unsigned char)*s) || strchr("-_.:", *s)))
		out[k++] = *s++;
	out[k] = '\0';
	return k > 0;
}

/* The charset the page names: in its XML declaration, or a <meta> tag's
 * charset= (<meta charset=...> and <meta http-equiv=Content-Type
 * content="text/html; charset=...">), in its first bytes. */
static int declared_charset(const char *s, size_t len, char *out, size_t n)
{
	size_t look = len < PRESCAN ? len : PRESCAN;
	const char *end = s + look;

	if (look > 5 && !memcmp(s, "<?xml", 5)) {
		const char *q = memmem(s, look, "?>", 2);
		const char *e = memmem(s, look, "encoding", 8);
		if (q && e && e < q && charset_value(e + 8, q, out, n))
			return 1;
	}
	for (const char *p = s; p + 5 < end; p++) {
		if (p[0] != '<' || strncasecmp(p + 1, "meta", 4))
			continue;
		const char *gt = memchr(p, '>', (size_t)(end - p));
		if (!gt)
			break;
		for (const char *c = p + 5; c + 7 <= gt; c++)
			if (!strncasecmp(c, "charset", 7) &&
			    charset_value(c + 7, gt, out, n))
				return 1;
		p = gt;
	}
	return 0;
}

/* Whether libxml2 (iconv) can convert from name. */
static int known_encoding(const char *name)
{
	xmlCharEncodingHandlerPtr h = xmlFindCharEncodingHandler(name);

	if (!h)
		return 0;
	xmlCharEncCloseFunc(h);
	return 1;
}

/* The page's encoding, as libxml2 names it. */
static const char *page_encoding(const char *s, size_t len, char *buf,
				 size_t n)
{
	if (len >= 3 && !memcmp(s, "\xEF\xBB\xBF", 3))
		return "UTF-8";
	if (len >= 2 && !memcmp(s, "\xFF\xFE", 2))
		return "UTF-16LE";
	if (len >= 2 && !memcmp(s, "\xFE\xFF", 2))
		return "UTF-16BE";
	int valid = naqib_utf8_check(s, len, NULL) == NAQIB_OK;
	if (declared_charset(s, len, buf, n)) {
		/* The names browsers read otherwise (WHATWG's Encoding
		 * standard): Latin-1 is Windows-1252, "arabic" ISO-8859-6. */
		if (!strcasecmp(buf, "utf8") || !strcasecmp(buf, "utf-8"))
			snprintf(buf, n, "UTF-8");
		else if (!strcasecmp(buf, "iso-8859-1") ||
			 !strcasecmp(buf, "latin1") ||
			 !strcasecmp(buf, "us-ascii") ||
			 !strcasecmp(buf, "ascii"))
			snprintf(buf, n, "windows-1252");
		else if (!strcasecmp(buf, "arabic") ||
			 !strncasecmp(buf, "iso-8859-6-", 11))
			snprintf(buf, n, "ISO-8859-6");
		else if (!strcasecmp(buf, "cp1256") ||
			 !strcasecmp(buf, "x-cp1256") ||
			 !strcasecmp(buf, "windows1256"))
			snprintf(buf, n, "windows-1256");
		/* A page that says UTF-8 and is not was saved in another
		 * encoding: guessed below, as if it said nothing. */
		if (strcmp(buf, "UTF-8") ? known_encoding(buf) : valid)
			return buf;
	}
	if (valid)
		return "UTF-8";
	if (fmt_options.encoding && known_encoding(fmt_options.encoding))
		return fmt_options.encoding;
	return "windows-1256";
}

/* ---------------------------------------------------------------- the tree */

/* What the first pass learns of each element: its text and the text of
 * its links (bytes other than white space), and whether the article's
 * marks (<article>, <main>, <h1>) are under it.  Elements point at their
 * stat by index + 1 in _private, which libxml2 leaves to us. */
typedef struct node_stat {
	size_t text, link;
	int marks;
} node_stat_t;

typedef struct page {
	xt_text_t out;
	node_stat_t *stats;
	size_t n_stats, cap_stats;
	xmlNodePtr root;	/* the article, or what holds it */
	xmlNodePtr article;	/* the article with the most text */
	xmlNodePtr main, body;
	int articles;		/* <article>s we are in (the first pass) */
	int in_article;		/* (the second pass) */
	int loose;		/* the second pass takes the class-named chrome */
	/* From the head and the tree. */
	char *og_title, *site, *title, *h1, *og_url, *canonical, *author,
		*og_author;
	char *root_h1;		/* the first <h1> of the article */
	char date[32], time_date[32], meta_date[32], root_time[32];
	int oom;
} page_t;

static node_stat_t *stat_of(page_t *p, xmlNodePtr n)
{
	uintptr_t i = (uintptr_t)n->_private;

	if (!i || i > p->n_stats)
		return NULL;
	return &p->stats[i - 1];
}

static const char *const never_text[] = {
	"script", "style", "noscript", "template", "head", "svg", "math",
	"iframe", "frame", "frameset", "object", "embed", "canvas", "button",
	"form", "select", "textarea", "input", "audio", "video", "map",
	"dialog", NULL,
};

static const char *const chrome[] = { "nav", "aside", "menu", NULL };

/* Words of a class or id that say chrome, as dashes and underscores split
 * them (site-footer, share_buttons, cookie-banner). */
static const char *const chrome_words[] = {
	"nav", "navbar", "navigation", "menu", "menus", "breadcrumb",
	"breadcrumbs", "footer", "sidebar", "share", "sharing", "social",
	"comment", "comments", "cookie", "cookies", "consent", "related",
	"ad", "ads", "advert", "adverts", "advertisement", "banner",
	"promo", "newsletter", "subscribe", "popup", "modal", "masthead",
	"topbar", "toolbar", "pagination", "pager", "skip", NULL,
};

static const char *const chrome_roles[] = {
	"navigation", "banner", "contentinfo", "complementary", "search",
	"menu", "menubar", "dialog", "alertdialog", NULL,
};

static int in_list(const char *const *list, const char *s, size_t n)
{
	for (; *list; list++)
		if (strlen(*list) == n && !strncasecmp(*list, s, n))
			return 1;
	return 0;
}

/* Whether a class or id value has a word of chrome_words. */
static int chrome_value(const char *v)
{
	if (!v)
		return 0;
	while (*v) {
		size_t n = 0;
		while (v[n] && (isalnum((unsigned char)v[n]) ||
				((unsigned char)v[n] & 0x80)))
			n++;
		if (n && in_list(chrome_words, v, n))
			return 1;
		v += n;
		while (*v && !isalnum((unsigned char)*v) &&
		       !((unsigned char)*v & 0x80))
			v++;
	}
	return 0;
}

static int named(xmlNodePtr n, const char *name)
{
	return n->type == XML_ELEMENT_NODE && n->name &&
	       !strcasecmp((const char *)n->name, name);
}

/* Elements that are never the page's text, and those hidden. */
static int never(xmlNodePtr n)
{
	const char *name = (const char *)n->name;
	const char *v;

	if (in_list(never_text, name, strlen(name)))
		return 1;
	if (xt_attr(n, "hidden"))
		return 1;
	if ((v = xt_attr(n, "aria-hidden")) && !strcasecmp(v, "true"))
		return 1;
	if ((v = xt_attr(n, "style"))) {
		char flat[64];
		size_t k = 0;
		for (; *v && k + 1 < sizeof flat; v++)
			if (!isspace((unsigned char)*v))
				flat[k++] = (char)tolower((unsigned char)*v);
		flat[k] = '\0';
		if (strstr(flat, "display:none") ||
		    strstr(flat, "visibility:hidden"))
			return 1;
	}
	return 0;
}

/* The page's chrome, by name, role, class or id; an article's own header
 * (its headline and byline) is its text. */
static int chromy(page_t *p, xmlNodePtr n)
{
	const char *name = (const char *)n->name;
	const char *role = xt_attr(n, "role");

	if (n == p->root || named(n, "body") || named(n, "html") ||
	    named(n, "article") || named(n, "main"))
		return 0;
	if (in_list(chrome, name, strlen(name)))
		return 1;
	if (named(n, "footer") || (named(n, "header") && !p->in_article))
		return 1;
	if (role && in_list(chrome_roles, role, strlen(role)))
		return 1;
	if (p->loose)
		return 0;
	/* A class that says chrome on an element around the article
	 * (<div class="page has-sidebar">) is not this element's. */
	node_stat_t *s = stat_of(p, n);
	if (s && s->marks)
		return 0;
	return chrome_value(xt_attr(n, "class")) ||
	       chrome_value(xt_attr(n, "id"));
}

static const char *const blocks[] = {
	"address", "article", "aside", "blockquote", "body", "caption",
	"center", "dd", "details", "div", "dl", "dt", "fieldset",
	"figcaption", "figure", "footer", "h1", "h2", "h3", "h4", "h5", "h6",
	"header", "hgroup", "hr", "html", "legend", "li", "main", "nav", "ol",
	"p", "pre", "section", "summary", "table", "tbody", "tfoot", "thead",
	"tr", "ul", NULL,
};

/* The blocks that are dropped when their text is mostly their links'. */
static const char *const link_blocks[] = {
	"div", "section", "ul", "ol", "dl", "table", "p", "li", "span",
	"td", NULL,
};

static size_t non_blank(const char *s)
{
	size_t k = 0;

	for (; *s; s++)
		k += !isspace((unsigned char)*s);
	return k;
}

/* ---------------------------------------------------------------- first pass */

static void meta_tag(page_t *p, xmlNodePtr n)
{
	const char *prop = xt_attr(n, "property");
	const char *name = xt_attr(n, "name");
	const char *content = xt_attr(n, "content");
	const char *key = prop && *prop ? prop : name;
	char d[32];

	if (!key || !content)
		return;
#define TAKE(field) \
	do { if (!p->field) p->field = xt_clean(content, strlen(content), \
						META_MAX); } while (0)
	if (!strcasecmp(key, "og:title"))
		TAKE(og_title);
	else if (!strcasecmp(key, "og:site_name"))
		TAKE(site);
	else if (!strcasecmp(key, "og:url"))
		TAKE(og_url);
	else if (!strcasecmp(key, "author") || !strcasecmp(key, "dc.creator"))
		TAKE(author);
	else if (!strcasecmp(key, "article:author"))
		TAKE(og_author);
	else if (!strcasecmp(key, "article:published_time")) {
		if (!*p->date)
			xt_iso_date(content, p->date);
	} else if (!strcasecmp(key, "date") || !strcasecmp(key, "pubdate") ||
		   !strcasecmp(key, "publishdate") ||
		   !strcasecmp(key, "publish-date") ||
		   !strcasecmp(key, "dc.date") ||
		   !strcasecmp(key, "dc.date.issued") ||
		   !strcasecmp(key, "dcterms.date") ||
		   !strcasecmp(key, "dcterms.created") ||
		   !strcasecmp(key, "article.published")) {
		if (!*p->meta_date && xt_iso_date(content, d))
			memcpy(p->meta_date, d, sizeof d);
	}
#undef TAKE
}

static int first_enter(xmlNodePtr n, void *ctx)
{
	page_t *p = ctx;

	if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
		node_stat_t *s = n->parent ? stat_of(p, n->parent) : NULL;
		if (s && n->content)
			s->text += non_blank((const char *)n->content);
		return 0;
	}
	if (n->type != XML_ELEMENT_NODE || !n->name)
		return 0;
	/* The head: its metadata, and nothing of its text. */
	if (named(n, "head"))
		return 1;
	if (named(n, "meta")) {
		meta_tag(p, n);
		return 0;
	}
	if (named(n, "title")) {
		if (!p->title)
			p->title = xt_node_text(n, META_MAX);
		return 0;
	}
	if (named(n, "link")) {
		const char *rel = xt_attr(n, "rel"), *href = xt_attr(n, "href");
		if (rel && href && !strcasecmp(rel, "canonical") && !p->canonical)
			p->canonical = xt_clean(href, strlen(href), META_MAX);
		return 0;
	}
	if (named(n, "time")) {
		const char *dt = xt_attr(n, "datetime");
		if (dt && !*p->time_date)
			xt_iso_date(dt, p->time_date);
	}
	if (never(n))
		return 0;
	if (NAQIB_GROW(p->stats, p->cap_stats, p->n_stats + 1)) {
		p->oom = 1;
		return 0;
	}
	memset(&p->stats[p->n_stats], 0, sizeof *p->stats);
	n->_private = (void *)(uintptr_t)++p->n_stats;
	if (named(n, "body") && !p->body)
		p->body = n;
	const char *role = xt_attr(n, "role");
	if (!p->main && (named(n, "main") || (role && !strcasecmp(role, "main"))))
		p->main = n;
	if (named(n, "h1") && !p->h1)
		p->h1 = xt_node_text(n, META_MAX);
	return 1;
}

static void first_leave(xmlNodePtr n, void *ctx)
{
	page_t *p = ctx;
	node_stat_t *s = n->type == XML_ELEMENT_NODE ? stat_of(p, n) : NULL;

	if (!s)
		return;
	if (named(n, "a") && xt_attr(n, "href"))
		s->link = s->text;
	if (named(n, "article") || named(n, "main") || named(n, "h1"))
		s->marks = 1;
	if (named(n, "article")) {
		node_stat_t *best = p->article ? stat_of(p, p->article) : NULL;
		if (!best || s->text > best->text)
			p->article = n;
	}
	node_stat_t *up = n->parent ? stat_of(p, n->parent) : NULL;
	if (up) {
		up->text += s->text;
		up->link += s->link;
		up->marks |= s->marks;
	}
}

/* ---------------------------------------------------------------- second pass */

static int second_enter(xmlNodePtr n, void *ctx)
{
	page_t *p = ctx;

	if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
		if (n->content)
			xt_add(&p->out, (const char *)n->content,
			       strlen((const char *)n->content));
		return 0;
	}
	if (n->type != XML_ELEMENT_NODE || !n->name)
		return 0;
	node_stat_t *s = stat_of(p, n);
	if (!s || chromy(p, n))
		return 0;
	const char *name = (const char *)n->name;
	/* A block of links: a menu, a list of tags or of other articles. */
	if (n != p->root && !s->marks && s->text &&
	    in_list(link_blocks, name, strlen(name)) && s->link * 2 > s->text)
		return 0;
	if (named(n, "time") && !*p->root_time) {
		const char *dt = xt_attr(n, "datetime");
		if (dt)
			xt_iso_date(dt, p->root_time);
	}
	if (named(n, "h1") && !p->root_h1)
		p->root_h1 = xt_node_text(n, META_MAX);
	if (named(n, "br") || named(n, "hr")) {
		xt_line(&p->out);
		return 0;
	}
	if (named(n, "article"))
		p->in_article++;
	if (in_list(blocks, name, strlen(name)))
		xt_line(&p->out);
	else if (named(n, "img"))
		return 0;
	/* Inline elements are part of the words around them: no space. */
	return 1;
}

static void second_leave(xmlNodePtr n, void *ctx)
{
	page_t *p = ctx;

	if (n->type != XML_ELEMENT_NODE || !n->name)
		return;
	const char *name = (const char *)n->name;
	if (named(n, "td") || named(n, "th")) {
		xt_rtrim(&p->out);
		xt_addc(&p->out, '\t', 1);
		return;
	}
	if (named(n, "article"))
		p->in_article--;
	if (in_list(blocks, name, strlen(name)))
		xt_line(&p->out);
}

/* The text of the tree under p->root (the root's own tag aside). */
static void page_text(page_t *p)
{
	static const xt_walk_ops_t ops = { second_enter, second_leave };

	p->in_article = 0;
	for (xmlNodePtr up = p->root; up; up = up->parent)
		if (named(up, "article"))
			p->in_article = 1;
	xt_walk(p->root, &ops, p);
	xt_line(&p->out);
}

/* ---------------------------------------------------------------- title */

static const char *const separators[] = {
	" | ", " - ", " \xE2\x80\x93 ", " \xE2\x80\x94 ", " :: ", " \xC2\xBB ",
	" \xC2\xAB ", " \xC2\xB7 ", " ~ ", " / ", NULL,
};

/* Cuts the site's name off a title: " - UMT", "UMT | ", when the site
 * says its name (og:site_name) or the title is cut in parts by one
 * separator said twice ("Title | Section | Site") or by " | ": the
 * longest part is the title then. */
static void cut_site(char *t, const char *site)
{
	size_t tl = strlen(t), sl = site ? strlen(site) : 0;

	for (size_t i = 0; separators[i]; i++) {
		const char *sep = separators[i];
		size_t pl = strlen(sep);
		if (sl && tl > sl + pl && !strcmp(t + tl - sl, site) &&
		    !memcmp(t + tl - sl - pl, sep, pl)) {
			t[tl - sl - pl] = '\0';
			return;
		}
		if (sl && tl > sl + pl && !strncmp(t, site, sl) &&
		    !memcmp(t + sl, sep, pl)) {
			memmove(t, t + sl + pl, tl - sl - pl + 1);
			return;
		}
	}
	for (size_t i = 0; separators[i]; i++) {
		const char *sep = separators[i], *q = t, *best = t;
		size_t pl = strlen(sep), parts = 1, best_len = 0;
		const char *at;
		while ((at = strstr(q, sep))) {
			if ((size_t)(at - q) > best_len)
				best = q, best_len = (size_t)(at - q);
			q = at + pl;
			parts++;
		}
		if (parts == 1 || (parts == 2 && i != 0))
			continue;
		if (strlen(q) > best_len)
			best = q, best_len = strlen(q);
		memmove(t, best, best_len);
		t[best_len] = '\0';
		return;
	}
}

/* ---------------------------------------------------------------- read */

static void page_free(page_t *p)
{
	xt_free(&p->out);
	free(p->stats);
	free(p->og_title);
	free(p->site);
	free(p->title);
	free(p->h1);
	free(p->root_h1);
	free(p->og_url);
	free(p->canonical);
	free(p->author);
	free(p->og_author);
}

static int absolute_url(const char *u)
{
	return u && (!strncasecmp(u, "http://", 7) ||
		     !strncasecmp(u, "https://", 8));
}

/* Reads the page s[0..len), in encoding enc, into p: its metadata, and
 * its article's text in p->out (valid UTF-8).  Returns 0; 1 when it holds
 * no HTML that can be read (p is empty then); or a status.  *deep: the
 * page was nested past libxml2's 256 levels (what came before is read).
 * p is freed with page_free() whatever the outcome. */
static int page_read(page_t *p, const char *s, size_t len, const char *enc,
		     int *deep)
{
	static const xt_walk_ops_t first = { first_enter, first_leave };

	memset(p, 0, sizeof *p);
	xt_init(&p->out, XT_TEXT_MAX, 1);
	xt_setup();
	htmlParserCtxtPtr c = htmlNewParserCtxt();
	if (!c)
		return _naqib_fail(NAQIB_E_NOMEM, "out of memory");
	htmlDocPtr doc = htmlCtxtReadMemory(c, s, (int)len, NULL, enc,
					    HTML_OPTIONS);
	/* libxml2 stops at 256 levels of elements (short of
	 * XML_PARSE_HUGE): what came before is read. */
	*deep = c->lastError.message &&
		strstr(c->lastError.message, "Excessive depth");
	htmlFreeParserCtxt(c);
	xmlNodePtr html = doc ? xmlDocGetRootElement(doc) : NULL;
	if (!html) {
		xmlFreeDoc(doc);
		return 1;
	}
	/* The html element itself is a node of the walk: from the document. */
	xt_walk((xmlNodePtr)doc, &first, p);
	if (p->oom) {
		xmlFreeDoc(doc);
		return _naqib_fail(NAQIB_E_NOMEM, "out of memory");
	}
	xmlNodePtr within = p->main ? p->main : p->body ? p->body : html;
	node_stat_t *a = p->article ? stat_of(p, p->article) : NULL;
	node_stat_t *w = stat_of(p, within);
	if (a && w && a->text * 3 >= w->text)
		p->root = p->article;
	else
		p->root = within;
	page_text(p);
	if (!xt_has_words(&p->out) && p->root != (p->body ? p->body : html)) {
		/* The article was not where it seemed. */
		p->root = p->body ? p->body : html;
		xt_free(&p->out);
		xt_init(&p->out, XT_TEXT_MAX, 1);
		page_text(p);
	}
	if (!xt_has_words(&p->out)) {
		/* Chrome by class everywhere? Take the page as it is. */
		p->loose = 1;
		xt_free(&p->out);
		xt_init(&p->out, XT_TEXT_MAX, 1);
		page_text(p);
	}
	/* The nodes go with the tree: nothing of p points into it. */
	p->root = p->article = p->main = p->body = NULL;
	xmlFreeDoc(doc);
	xt_valid(&p->out);
	xt_valid_str(&p->og_title);
	xt_valid_str(&p->title);
	xt_valid_str(&p->h1);
	xt_valid_str(&p->root_h1);
	xt_valid_str(&p->author);
	xt_valid_str(&p->og_author);
	xt_valid_str(&p->canonical);
	xt_valid_str(&p->og_url);
	xt_valid_str(&p->site);
	if (p->out.b.failed)
		return _naqib_fail(NAQIB_E_NOMEM, "out of memory");
	return NAQIB_OK;
}

/* The page's own title: Open Graph's, else <title>'s (without the site's
 * name), else the article's first <h1>, else the page's; NULL when none
 * is usable.  Owned by p. */
static const char *page_title(page_t *p)
{
	if (p->og_title) {
		cut_site(p->og_title, p->site);
		if (fmt_title_usable(p->og_title))
			return p->og_title;
	}
	if (p->title) {
		cut_site(p->title, p->site);
		if (fmt_title_usable(p->title))
			return p->title;
	}
	/* The article's own heading rather than the site's name in the
	 * page's header. */
	if (p->root_h1 && fmt_title_usable(p->root_h1))
		return p->root_h1;
	if (p->h1 && fmt_title_usable(p->h1))
		return p->h1;
	return NULL;
}

int fmt_html_text(const char *s, size_t len, _naqib_buf_t *out, char **title)
{
	page_t p;
	int deep;

	if (title)
		*title = NULL;
	if (len > (size_t)0x7fffffff)
		len = 0x7fffffff;
	int st = page_read(&p, s, len, "UTF-8", &deep);
	if (st == 1)
		st = NAQIB_OK;
	else if (!st && xt_has_words(&p.out) &&
		 _naqib_buf_add(out, p.out.b.data, p.out.b.len))
		st = _naqib_fail(NAQIB_E_NOMEM, "out of memory");
	if (!st && title) {
		const char *t = page_title(&p);
		if (t && !(*title = strdup(t)))
			st = _naqib_fail(NAQIB_E_NOMEM, "out of memory");
	}
	page_free(&p);
	return st;
}

int fmt_html_read(const char *id, char *data, size_t len,
		     const fmt_callbacks_t *cb)
{
	char encbuf[64];
	page_t p;
	int deep, st;

	if (len > (size_t)0x7fffffff) {
		fmt_bad(cb, 0, "larger than 2 GiB; file skipped");
		return NAQIB_OK;
	}
	xt_setup();
	const char *enc = page_encoding(data, len, encbuf, sizeof encbuf);
	st = page_read(&p, data, len, enc, &deep);
	if (st == 1) {
		page_free(&p);
		fmt_bad(cb, 0, "no HTML that can be read; file skipped");
		return NAQIB_OK;
	}
	if (st) {
		page_free(&p);
		return st;
	}

	/* The title: the page's (cut to a line's length), else the first
	 * sentence. */
	char *made = NULL;
	const char *title = page_title(&p);
	unsigned flags = 0;
	if (title && _naqib_utf8_count(title, strlen(title)) > TITLE_CHARS) {
		if ((st = fmt_title_from_text(title, strlen(title), &made)))
			goto out;
		title = made;
	}
	if (!title && xt_has_words(&p.out)) {
		if ((st = fmt_title_from_text(p.out.b.data, p.out.b.len, &made)))
			goto out;
		title = made;
		flags |= NAQIB_RECORD_TITLE_FROM_TEXT;
	}
	if (!title) {
		/* Neither text nor a title: nothing to index (the caller
		 * counts the file as empty, unless it is too deep). */
		if (deep)
			fmt_bad(cb, 0, "elements nested deeper than 256 "
				"levels, and no text before; file skipped");
		goto out;
	}
	fmt_doc_t d = { .line = 1 };
	d.rec.id = id;
	d.rec.path = id;
	d.rec.title = title;
	d.rec.body = p.out.b.data;
	d.rec.date = *p.date ? p.date : *p.root_time ? p.root_time
		   : *p.time_date ? p.time_date : p.meta_date;
	d.rec.url = absolute_url(p.canonical) ? p.canonical
		  : absolute_url(p.og_url) ? p.og_url : "";
	d.rec.author = p.author ? p.author
		     : p.og_author && !absolute_url(p.og_author) ? p.og_author
								 : "";
	d.rec.format = "html";
	d.rec.flags = flags;
	d.encoding = strcasecmp(enc, "UTF-8") ? enc : NULL;
	st = cb->doc(&d, cb->ctx);
out:
	free(made);
	page_free(&p);
	return st;
}
