/* The search page of naqib.cgi: Arabic, right to left, one self-contained
 * HTML document with its CSS inline and no JavaScript, readable on a phone.
 * Everything that comes from a document or a request is HTML-escaped. */
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "cgi.h"
#include "outputs/outputs.h"

static const char style[] =
	":root{color-scheme:light dark;--fg:#1d2330;--muted:#5b6475;"
	"--accent:#0b6e4f;--bg:#fff;--mark:#ffe58a;--line:#e3e6eb}"
	"@media (prefers-color-scheme:dark){:root{--fg:#e8eaee;--muted:#a4acba;"
	"--accent:#5fd3a7;--bg:#16181d;--mark:#6b5a12;--line:#2c313a}}"
	"*{box-sizing:border-box}"
	"body{margin:0;background:var(--bg);color:var(--fg);"
	"font-family:\"Noto Naskh Arabic\",\"Noto Sans Arabic\",\"Amiri\","
	"\"Segoe UI\",Tahoma,\"Arial\",sans-serif;font-size:1.1rem;"
	"line-height:1.75}"
	"header,main,footer{max-width:46rem;margin:0 auto;padding:0 1rem}"
	"header{padding-top:1rem;border-bottom:1px solid var(--line)}"
	"h1{margin:0 0 .5rem;font-size:1.6rem}h1 a{color:var(--accent);"
	"text-decoration:none}h1 small{color:var(--muted);font-size:.9rem;"
	"font-weight:normal;margin-inline-start:.5rem}"
	"form{display:flex;gap:.5rem;margin:0 0 1rem}"
	"input[type=search]{flex:1;min-width:0;font:inherit;padding:.45rem .7rem;"
	"border:1px solid var(--muted);border-radius:.4rem;background:var(--bg);"
	"color:var(--fg)}"
	"button{font:inherit;padding:.45rem 1.1rem;border:0;border-radius:.4rem;"
	"background:var(--accent);color:#fff;cursor:pointer}"
	".summary,.meta{color:var(--muted);font-size:.9rem}"
	"ol.hits{list-style:none;padding:0;margin:0}"
	"ol.hits li{padding:.8rem 0;border-bottom:1px solid var(--line)}"
	"ol.hits h2{font-size:1.15rem;margin:0;line-height:1.5}"
	"ol.hits h2 a{color:var(--accent)}"
	".meta{margin:.1rem 0}"
	".id{unicode-bidi:isolate;direction:ltr}"
	"ol.hits h2.derived{font-weight:normal}"
	".badge{unicode-bidi:isolate;direction:ltr;display:inline-block;"
	"padding:0 .4em;border:1px solid var(--muted);border-radius:.3em;"
	"font-size:.8rem;line-height:1.5;cursor:help}"
	".snippet{margin:.3rem 0 0}"
	"mark{background:var(--mark);color:inherit;padding:0 .1em;"
	"border-radius:.2em}"
	"nav.pages{display:flex;flex-wrap:wrap;gap:.4rem;margin:1rem 0}"
	"nav.pages a,nav.pages b{padding:.2rem .6rem;border:1px solid "
	"var(--line);border-radius:.3rem;text-decoration:none}"
	"nav.pages b{background:var(--accent);color:#fff}"
	"select{font:inherit;padding:.4rem;border:1px solid var(--muted);"
	"border-radius:.4rem;background:var(--bg);color:var(--fg)}"
	".facets{display:flex;flex-wrap:wrap;gap:.3rem 1.2rem;margin:.4rem 0;"
	"font-size:.9rem}"
	".facets p{margin:0}.facets b{color:var(--muted);font-weight:normal}"
	".facets a{color:var(--accent);text-decoration:none;white-space:nowrap}"
	".facets a span{color:var(--muted)}"
	".notice{padding:.8rem 1rem;border-inline-start:4px solid var(--accent);"
	"background:rgba(127,127,127,.08)}"
	"code{unicode-bidi:isolate;direction:ltr;font-size:.9em}"
	"footer{color:var(--muted);font-size:.85rem;padding-top:1rem;"
	"padding-bottom:2rem}"
	"@media (max-width:30rem){body{font-size:1rem}h1 small{display:block;"
	"margin:0}}";

static int esc(_naqib_buf_t *b, const char *s)
{
	return out_html_escape(b, s, strlen(s));
}

/* Appends markup of our own, unescaped. */
static int lit(_naqib_buf_t *b, const char *s)
{
	return _naqib_buf_adds(b, s);
}

/* The parameters after q that every link of this search keeps. */
static int keep_params(_naqib_buf_t *b, const out_page_t *p)
{
	int st = 0;

	if (p->limit != CGI_DEFAULT_LIMIT)
		st |= _naqib_buf_printf(b, "&amp;limit=%u", p->limit);
	if (p->sort != NAQIB_SORT_RELEVANCE)
		st |= _naqib_buf_printf(b, "&amp;sort=%s",
					naqib_sort_name((size_t)p->sort, NULL));
	return st;
}

/* A link to another page of the same search, relative to this one. */
static int page_link(_naqib_buf_t *b, const out_page_t *p, unsigned page,
		     const char *label, int current)
{
	int st = 0;

	if (current)
		return _naqib_buf_printf(b, "<b aria-current=\"page\">%s</b>",
					 label);
	st |= lit(b, "<a href=\"?q=");
	st |= cgi_url_encode(b, p->query);
	if (page > 1)
		st |= _naqib_buf_printf(b, "&amp;page=%u", page);
	st |= keep_params(b, p);
	st |= _naqib_buf_printf(b, "\">%s</a>", label);
	return st;
}

/* The facets: each value a link that narrows the search to it (the query
 * with the filter added). */
static int render_facets(_naqib_buf_t *b, const out_page_t *p)
{
	const out_result_t *r = p->result;
	_naqib_buf_t q = NAQIB_BUF_INIT, fl = NAQIB_BUF_INIT;
	int st = 0, any = 0;

	for (int f = 0; f < NAQIB_FACETS && !any; f++)
		any = naqib_mset_facet_size(r->mset, f) > 0;
	if (!any)
		return 0;
	st |= lit(b, "<nav class=\"facets\" aria-label=\"تضييق البحث\">");
	for (int f = 0; f < NAQIB_FACETS; f++) {
		size_t n = naqib_mset_facet_size(r->mset, f);
		if (!n)
			continue;
		st |= _naqib_buf_printf(b, "<p><b>%s%s:</b> ",
					naqib_facet_label(f, 1),
					naqib_mset_facets_exact(r->mset)
						? ""
						: " (تقديرا)");
		int shown = 0;
		for (size_t i = 0; i < n; i++) {
			const char *v;
			unsigned c;
			if (naqib_mset_facet(r->mset, f, i, &v, &c))
				continue;
			/* The filter, "+field:value" (a value with a space
			 * in guillemets, which no name holds); a value the
			 * query already asks for narrows nothing. */
			_naqib_buf_reset(&fl);
			st |= _naqib_buf_printf(&fl, "+%s:", naqib_facet_name(f));
			st |= _naqib_buf_printf(&fl, strchr(v, ' ') ? "«%s»" : "%s",
						v);
			if (st || strstr(p->query, fl.data + 1))
				continue;
			_naqib_buf_reset(&q);
			st |= _naqib_buf_printf(&q, "%s%s%s", p->query,
						*p->query ? " " : "", fl.data);
			st |= lit(b, shown++ ? " · <a href=\"?q=" : "<a href=\"?q=");
			st |= cgi_url_encode(b, q.data);
			st |= keep_params(b, p);
			st |= lit(b, "\">");
			st |= esc(b, v);
			st |= _naqib_buf_printf(b, " <span>(%u)</span></a>", c);
		}
		st |= lit(b, "</p>");
	}
	st |= lit(b, "</nav>\n");
	_naqib_buf_free(&q);
	_naqib_buf_free(&fl);
	return st;
}

static int is_web_url(const char *u)
{
	return !strncasecmp(u, "http://", 7) || !strncasecmp(u, "https://", 8);
}

static int is_iso_date(const char *d)
{
	return strlen(d) == 10 && d[4] == '-' && d[7] == '-';
}

/* "3 صفحات": the number, and the word in the form Arabic gives it after
 * that number. */
static int pages_ar(_naqib_buf_t *b, unsigned n)
{
	if (n == 1)
		return lit(b, "صفحة واحدة");
	if (n == 2)
		return lit(b, "صفحتان");
	unsigned last = n % 100;
	return _naqib_buf_printf(b, "%u %s", n,
				 last >= 3 && last <= 10 ? "صفحات" : "صفحة");
}

/* Where the hit's text came from, a line under its date and id: the
 * format and its pages, the OCR badge, the author, the message an
 * attachment came in (a link to it, by the id: filter).  Nothing for a
 * hit of text that came as text. */
static int render_origin(_naqib_buf_t *b, const naqib_record_t *rec)
{
	char up[32];
	int st = 0, parts = 0;
	const char *sep = " · ";

	if (!*rec->format && !*rec->author && !*rec->parent && !rec->pages &&
	    !(rec->flags & NAQIB_RECORD_OCR))
		return 0;
	st |= lit(b, "<p class=\"meta origin\">");
	/* The format isolated: "PDF" before "3 صفحات" would otherwise take
	 * the number into its left-to-right run ("PDF · 3", read backwards
	 * in an Arabic line). */
	if (*rec->format) {
		st |= lit(b, "<bdi>");
		st |= esc(b, out_format_label(rec->format, 1, up, sizeof up));
		st |= lit(b, "</bdi>");
		parts++;
	}
	if (rec->pages) {
		st |= lit(b, parts++ ? sep : "");
		st |= pages_ar(b, rec->pages);
	}
	if (rec->flags & NAQIB_RECORD_OCR) {
		st |= lit(b, parts++ ? sep : "");
		st |= _naqib_buf_printf(b, "<span class=\"badge\" title=\"قُرئ "
					   "النص بالتعرف الضوئي على الحروف "
					   "(OCR): قد يحوي أخطاء\">OCR "
					   "%u%%</span>",
					rec->ocr_confidence);
	}
	if (*rec->author) {
		st |= lit(b, parts++ ? sep : "");
		st |= lit(b, !strcmp(rec->format, "mail") ? "من: <bdi>"
							  : "المؤلف: <bdi>");
		st |= esc(b, rec->author);
		st |= lit(b, "</bdi>");
	}
	if (*rec->parent) {
		_naqib_buf_t q = NAQIB_BUF_INIT;
		st |= lit(b, parts++ ? sep : "");
		st |= lit(b, "مرفق بالرسالة <a class=\"id\" href=\"?q=");
		st |= out_id_query(&q, rec->parent);
		st |= q.failed;
		st |= cgi_url_encode(b, q.data);
		st |= lit(b, "\">");
		st |= esc(b, rec->parent);
		st |= lit(b, "</a>");
		_naqib_buf_free(&q);
	}
	return st | lit(b, "</p>");
}

static int render_hit(_naqib_buf_t *b, const out_hit_t *h)
{
	int st = 0;
	const char *title = *h->rec.title ? h->rec.title : h->rec.id;

	/* A title naqib made from the first sentence of the text, in a
	 * lighter type: it reads as the hit's title, and is not the
	 * document's own, which a person citing it should know. */
	if (h->rec.flags & NAQIB_RECORD_TITLE_FROM_TEXT)
		st |= lit(b, "<li><h2 class=\"derived\" title=\"ليس للوثيقة "
			     "عنوان: هذه أول جملة من نصها\">");
	else
		st |= lit(b, "<li><h2>");
	/* Only web addresses become links: a javascript: or data: URL in a
	 * document must not run in the reader's browser. */
	if (is_web_url(h->rec.url)) {
		st |= lit(b, "<a href=\"");
		st |= esc(b, h->rec.url);
		st |= lit(b, "\" rel=\"noopener noreferrer\">");
		st |= esc(b, title);
		st |= lit(b, "</a>");
	} else {
		st |= esc(b, title);
	}
	st |= lit(b, "</h2><p class=\"meta\">");
	/* The separators are text between the fields, outside the id's
	 * left-to-right isolate. */
	if (*h->rec.date) {
		if (is_iso_date(h->rec.date)) {
			st |= lit(b, "<time datetime=\"");
			st |= esc(b, h->rec.date);
			st |= lit(b, "\">");
		} else {
			st |= lit(b, "<time>");
		}
		st |= esc(b, h->rec.date);
		st |= lit(b, "</time> · ");
	}
	if (*h->rec.source) {
		st |= lit(b, "<span>");
		st |= esc(b, h->rec.source);
		st |= lit(b, "</span> · ");
	}
	st |= lit(b, "<span class=\"id\">");
	st |= esc(b, h->rec.id);
	st |= lit(b, "</span> · <a class=\"like\" href=\"?like=");
	st |= cgi_url_encode(b, h->rec.id);
	st |= lit(b, "\">وثائق مشابهة</a></p>");
	st |= render_origin(b, &h->rec);
	if (h->snippet) {
		st |= lit(b, "<p class=\"snippet\">");
		st |= out_snippet(b, h->snippet, "<mark>", "</mark>",
				  out_html_escape);
		st |= lit(b, "</p>");
	}
	/* The copies collapsed into it: the count in figures between
	 * brackets, which needs no agreement of the noun with it. */
	if (h->n_copies) {
		_naqib_buf_printf(b, "<p class=\"copies\">نسخ أخرى من النص "
				     "نفسه (%zu): ",
				  h->n_copies);
		for (size_t k = 0; k < h->n_copies; k++) {
			_naqib_buf_t q = NAQIB_BUF_INIT;
			st |= lit(b, k ? " · <a class=\"id\" href=\"?q="
				       : "<a class=\"id\" href=\"?q=");
			st |= out_id_query(&q, h->copies[k]);
			st |= q.failed;
			st |= cgi_url_encode(b, q.data);
			st |= lit(b, "\">");
			st |= esc(b, h->copies[k]);
			st |= lit(b, "</a>");
			_naqib_buf_free(&q);
		}
		st |= lit(b, "</p>");
	}
	st |= lit(b, "</li>\n");
	return st;
}

static int render_pages(_naqib_buf_t *b, const out_page_t *p)
{
	const out_result_t *r = p->result;
	unsigned last = (r->estimate + p->limit - 1) / p->limit;
	int st = 0;

	if (last > CGI_MAX_PAGE)
		last = CGI_MAX_PAGE;
	if (last <= 1 && p->page <= 1)
		return 0;
	unsigned from = p->page > 4 ? p->page - 4 : 1;
	unsigned to = from + 8 < last ? from + 8 : last;
	st |= lit(b, "<nav class=\"pages\" aria-label=\"الصفحات\">");
	if (p->page > 1)
		st |= page_link(b, p, p->page - 1, "السابق", 0);
	for (unsigned n = from; n <= to; n++) {
		char label[16];
		snprintf(label, sizeof label, "%u", n);
		st |= page_link(b, p, n, label, n == p->page);
	}
	if (p->page < last)
		st |= page_link(b, p, p->page + 1, "التالي", 0);
	st |= lit(b, "</nav>\n");
	return st;
}

/* The results of a search: a "did you mean", then the hits with their
 * facets and pages, or a notice that there are none. */
static int render_results(_naqib_buf_t *b, const out_page_t *p)
{
	const out_result_t *r = p->result;
	const char *cut;
	int st = 0;

	/* What the search left out of the query. */
	if (r->q && naqib_query_dropped_words(r->q))
		st |= _naqib_buf_printf(b, "<p class=\"notice\">الاستعلام طويل: "
					   "بُحث بأول %u كلمة منه فقط.</p>\n",
					NAQIB_QUERY_MAX_WORDS);
	unsigned share = r->q ? naqib_query_wildcard_share(r->q) : 0;
	if (share) {
		st |= lit(b, "<p class=\"notice\">في الاستعلام بحث بأجزاء "
			     "كلمات (*) كثيرة تطابق معًا كلمات أكثر مما يُبحث "
			     "به في استعلام واحد: بُحث لكل منها ");
		if (share == 1)
			st |= lit(b, "بكلمته الأكثر تكرارًا فقط.</p>\n");
		else
			st |= _naqib_buf_printf(b, "بأكثر %u من كلماته تكرارًا "
						   "فقط.</p>\n",
						share);
	}
	for (size_t i = 0;
	     !share && r->q && (cut = naqib_query_cut_wildcard(r->q, i));
	     i++) {
		st |= lit(b, "<p class=\"notice\">«");
		st |= esc(b, cut);
		st |= _naqib_buf_printf(b, "*» يطابق أكثر من %u كلمة: بُحث "
					   "بأكثرها تكرارًا فقط.</p>\n",
					NAQIB_WILDCARD_MAX_TERMS);
	}
	for (size_t i = 0; (cut = naqib_query_place_as_words(r->q, i)); i++) {
		st |= lit(b, "<p class=\"notice\">«");
		st |= esc(b, cut);
		st |= lit(b, "» ليس من أماكن المعجم: بُحث عنه بكلماته.</p>\n");
	}
	if (r->stopped)
		st |= lit(b, "<p class=\"notice\">توقف البحث قبل نهايته لأنه "
			     "طال أكثر مما يُسمح به: النتائج أفضل ما وُجد في "
			     "الوثائق التي فُحصت. جرّب كلمات أقل أو أدق.</p>\n");
	if (r->suggestion) {
		st |= lit(b, "<p class=\"notice\">هل تقصد: <a href=\"?q=");
		st |= cgi_url_encode(b, r->suggestion);
		st |= keep_params(b, p);
		st |= lit(b, "\" rel=\"nofollow\">");
		st |= esc(b, r->suggestion);
		st |= lit(b, "</a>؟</p>\n");
	}
	if (r->n == 0) {
		st |= lit(b, "<p class=\"notice\">لا توجد نتائج لـ«");
		st |= esc(b, p->query);
		st |= lit(b, r->offset ? "». لقد تجاوزت آخر صفحة من النتائج."
				       : "». تأكد من الإملاء، أو جرّب كلمات أخرى "
					 "أو أقل، أو ابحث بجزء من الكلمة مثل "
					 "نقاب*.");
		return st | lit(b, "</p>\n");
	}
	/* "About" only when the count is Xapian's estimate (past the
	 * matches the search looked at), as naqib-search says it. */
	st |= _naqib_buf_printf(b, "<p class=\"summary\">%s%u نتيجة، "
				   "من %u إلى %zu (%.0f ميلي ثانية)</p>\n",
				r->exact ? "" : "نحو ", r->estimate,
				r->offset + 1, r->offset + r->n,
				r->seconds * 1000);
	st |= render_facets(b, p);
	st |= _naqib_buf_printf(b, "<ol class=\"hits\" start=\"%u\">\n",
				r->offset + 1);
	for (size_t i = 0; i < r->n; i++)
		st |= render_hit(b, &r->hits[i]);
	st |= lit(b, "</ol>\n");
	return st | render_pages(b, p);
}

static naqib_status_t render_html(_naqib_buf_t *b, const out_page_t *p)
{
	const out_result_t *r = p->result;
	int st = 0;

	st |= lit(b, "<!DOCTYPE html>\n<html lang=\"ar\" dir=\"rtl\">\n<head>\n"
		     "<meta charset=\"utf-8\">\n<meta name=\"viewport\" "
		     "content=\"width=device-width, initial-scale=1\">\n<title>");
	if (*p->query) {
		st |= esc(b, p->query);
		st |= lit(b, " — ");
	}
	st |= lit(b, "نقيب: بحث في النصوص النقابية</title>\n<style>");
	st |= lit(b, style);
	st |= lit(b, "</style>\n</head>\n<body>\n<header>\n<h1><a href=\"?\">"
		     "نقيب</a><small>بحث في البلاغات والأخبار النقابية</small>"
		     "</h1>\n<form method=\"get\" action=\"\" role=\"search\">\n"
		     "<input type=\"search\" name=\"q\" dir=\"auto\" value=\"");
	st |= esc(b, p->query);
	st |= lit(b, "\" aria-label=\"كلمات البحث\" placeholder=\"مثال: الإضراب "
		     "العام، «الحوار الاجتماعي»، UMT\"");
	if (!*p->query)
		st |= lit(b, " autofocus");
	st |= lit(b, ">\n");
	if (p->limit != CGI_DEFAULT_LIMIT)
		/* A search from this page keeps its page size. */
		st |= _naqib_buf_printf(b, "<input type=\"hidden\" name=\"limit\" "
					   "value=\"%u\">\n", p->limit);
	static const char *const sort_labels[] = { "الأنسب", "الأحدث",
						   "الأقدم" };
	st |= lit(b, "<select name=\"sort\" aria-label=\"الترتيب\">");
	for (int i = 0; i < 3; i++)
		st |= _naqib_buf_printf(b, "<option value=\"%s\"%s>%s</option>",
					naqib_sort_name((size_t)i, NULL),
					i == p->sort ? " selected" : "",
					sort_labels[i]);
	st |= lit(b, "</select>\n");
	st |= lit(b, "<button type=\"submit\">بحث</button>\n</form>\n</header>\n"
		     "<main>\n");

	if (p->error) {
		st |= lit(b, "<p class=\"notice\" role=\"alert\">");
		st |= esc(b, p->error_title);
		if (*p->error) {
			st |= lit(b, "<br><code>");
			st |= esc(b, p->error);
			st |= lit(b, "</code>");
		}
		st |= lit(b, "</p>\n");
	} else if (r) {
		st |= render_results(b, p);
	}
	st |= lit(b, "</main>\n<footer>\nيجد نقيب كل صيغ الكلمة، بالهمزة أو "
		     "بدونها وبالتشكيل أو بدونه. العبارة بين علامتي تنصيص: "
		     "<code>«الحوار الاجتماعي»</code> (وتجد «بالحوار الاجتماعي» "
		     "أيضا)، وكما كُتبت: <code>=«بالحوار الاجتماعي»</code>؛ "
		     "وأدوات البحث: "
		     "<code>AND</code> و<code>OR</code> و<code>NOT</code> "
		     "و<code>NEAR</code>؛ وجزء الكلمة: <code>نقاب*</code>؛ "
		     "والتصفية: <code>union:CDT</code> و<code>place:الرباط</code> "
		     "و<code>year:2025</code> و<code>date:2025-01..2025-06</code>.\n"
		     "</footer>\n</body>\n</html>\n");
	return st ? NAQIB_E_NOMEM : NAQIB_OK;
}

const out_format_t out_html = {
	"html", "the search page: Arabic, right to left, readable on a phone",
	"text/html; charset=utf-8", NULL,
	OUT_WEB | OUT_SNIPPETS | OUT_FACETS | OUT_FACETS_ALWAYS | OUT_SUGGEST |
		OUT_FORM,
	render_html, render_html,
};
