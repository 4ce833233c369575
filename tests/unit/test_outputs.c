/* What every output shows of where a hit's text came from (issue 17): the
 * format and its pages, the author (an e-mail's sender), the OCR
 * confidence, the message an attachment came in, a title made from the
 * text.  Records with those fields are indexed straight through the
 * library (no reader of PDF or e-mail is needed), searched with search.c
 * as naqib-search and naqib.cgi search, and rendered by each format of
 * searcher/outputs; a hit of a .txt file must show as it always did. */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check.h"
#include "cli.h"
#include "naqib.h"
#include "search.h"

static naqib_db_t *db;
static naqib_analyzer_t *an;

/* The documents: a scanned PDF, an e-mail, its attachment (a DOCX with no
 * title of its own), a second e-mail whose id needs quoting, and a text
 * file. */
static const naqib_record_t docs[] = {
	{ .id = "scans/bulletin.pdf", .title = "بلاغ المكتب الوطني",
	  .date = "2025-10-14", .url = "", .source = "", .path = "scans/bulletin.pdf",
	  .body = "أعلن المكتب الوطني للنقابة إضرابا عاما في قطاع التعليم.",
	  .author = "الكاتب العام", .format = "pdf", .parent = "", .pages = 3,
	  .ocr_confidence = 87, .flags = NAQIB_RECORD_OCR },
	{ .id = "mail/a.eml", .title = "دعوة إلى الاجتماع", .date = "2025-10-15",
	  .url = "", .source = "", .path = "mail/a.eml",
	  .body = "تجدون في المرفق بيان النقابة.", .author = "Karim <k@umt.ma>",
	  .format = "mail", .parent = "" },
	{ .id = "mail/a.eml#bayan.docx",
	  .title = "تدعو النقابة إلى إضراب يوم الخميس.", .date = "", .url = "",
	  .source = "", .path = "mail/a.eml#bayan.docx",
	  .body = "تدعو النقابة إلى إضراب يوم الخميس. ويشمل الإضراب كل "
		  "المؤسسات.",
	  .author = "", .format = "docx", .parent = "mail/a.eml",
	  .flags = NAQIB_RECORD_TITLE_FROM_TEXT },
	{ .id = "mail/رسالة (2) »أخيرة«.eml", .title = "رسالة ثانية", .date = "",
	  .url = "", .source = "", .path = "mail/x.eml",
	  .body = "نص الرسالة الثانية.", .author = "", .format = "mail",
	  .parent = "" },
	{ .id = "mail/x.eml#scan.png", .title = "صورة البيان", .date = "",
	  .url = "", .source = "", .path = "mail/x.eml#scan.png",
	  .body = "بيان مصور عن الإضراب.", .author = "", .format = "image",
	  .parent = "mail/رسالة (2) »أخيرة«.eml", .pages = 1,
	  .ocr_confidence = 0, .flags = NAQIB_RECORD_OCR },
	{ .id = "plain.txt", .title = "نص عادي", .date = "", .url = "",
	  .source = "", .path = "plain.txt", .body = "نص عادي عن الاجتماع." },
};

static void make_db(const char *path)
{
	naqib_doc_t *doc;

	CHECK(naqib_db_open(path, NAQIB_DB_WRITE, &db) == NAQIB_OK);
	CHECK(naqib_analyzer_new(NULL, &an) == NAQIB_OK);
	CHECK(naqib_db_check_analyzer(db, an, 1) == NAQIB_OK);
	for (size_t i = 0; i < CHECK_N(docs); i++) {
		CHECK(naqib_doc_from_record(an, &docs[i], NULL, &doc) ==
		      NAQIB_OK);
		CHECK(naqib_db_replace(db, docs[i].id, doc, NULL) == NAQIB_OK);
		naqib_doc_destroy(doc);
	}
	CHECK(naqib_db_commit(db) == NAQIB_OK);
}

/* The output of format name (on the command line, else the web's) for
 * query, malloc'd; r keeps the search's result for more checks when not
 * NULL (the caller frees it). */
static char *render(const char *name, const char *query, int explain,
		    search_result_t *keep)
{
	const out_format_t *f = out_named(name, OUT_CLI);
	search_request_t req = { .query = query, .snippet_chars = 200,
				 .explain = explain };
	search_result_t r;
	_naqib_buf_t b = NAQIB_BUF_INIT;
	char *s = NULL;

	if (!f)
		f = out_named(name, OUT_WEB);
	naqib_query_options_init(&req.qopts);
	naqib_search_options_init(&req.opts);
	if (!f || search_run(db, an, &req, &r)) {
		check_note("%s: %s", query, naqib_last_error());
		return strdup("");
	}
	out_page_t p = { .result = &r.out, .query = query, .page = 1,
			 .limit = 10, .tag = "naqib", .first = 1 };
	CHECK(f->render(&b, &p) == NAQIB_OK);
	CHECK(_naqib_buf_finish(&b, NAQIB_OK, &s, NULL) == NAQIB_OK);
	if (keep)
		*keep = r;
	else
		search_result_free(&r);
	return s ? s : strdup("");
}

#define CHECK_IN(hay, needle)                                               \
	CHECK_MSG(strstr((hay), (needle)) != NULL, "no «%s» in:\n%s",        \
		  (needle), (hay))
#define CHECK_NOT_IN(hay, needle)                                           \
	CHECK_MSG(strstr((hay), (needle)) == NULL, "«%s» in:\n%s", (needle), \
		  (hay))

static void text_line(void)
{
	char *s = render("text", "id:scans/bulletin.pdf", 0, NULL);
	CHECK_IN(s, "\n   scans/bulletin.pdf  2025-10-14\n"
		    "   PDF, 3 pages · by الكاتب العام · OCR 87%\n"
		    "   أعلن المكتب");
	free(s);
	s = render("text", "id:mail/a.eml", 0, NULL);
	CHECK_IN(s, "\n   mail/a.eml  2025-10-15\n"
		    "   e-mail from Karim <k@umt.ma>\n");
	free(s);
	s = render("text", "id:mail/a.eml#bayan.docx", 0, NULL);
	CHECK_IN(s, "1. تدعو النقابة إلى إضراب يوم الخميس.  [");
	CHECK_IN(s, "\n   mail/a.eml#bayan.docx\n"
		    "   DOCX · attachment of mail/a.eml · title from the "
		    "text\n");
	free(s);
	s = render("text", "id:mail/x.eml#scan.png", 0, NULL);
	CHECK_IN(s, "\n   image, 1 page · OCR 0% · attachment of mail/رسالة "
		    "(2) »أخيرة«.eml\n");
	free(s);
}

/* A .txt hit: the title, the id line, the snippet, as before. */
static void text_of_txt_unchanged(void)
{
	char *s = render("text", "id:plain.txt", 0, NULL);
	CHECK_IN(s, "\n   plain.txt\n   نص عادي عن الاجتماع.\n\n");
	free(s);
}

static void json_keys(void)
{
	char *s = render("json", "id:scans/bulletin.pdf", 0, NULL);
	CHECK_IN(s, "\"path\":\"scans/bulletin.pdf\",\"author\":\"الكاتب "
		    "العام\",\"format\":\"pdf\",\"parent\":\"\",\"pages\":3,"
		    "\"ocr_confidence\":87,\"title_from_text\":false,");
	free(s);
	s = render("json", "id:mail/a.eml#bayan.docx", 0, NULL);
	CHECK_IN(s, "\"author\":\"\",\"format\":\"docx\",\"parent\":\"mail/"
		    "a.eml\",\"pages\":null,\"ocr_confidence\":null,"
		    "\"title_from_text\":true,");
	free(s);
	s = render("json", "id:mail/x.eml#scan.png", 0, NULL);
	CHECK_IN(s, "\"pages\":1,\"ocr_confidence\":0,");
	free(s);
	/* Every key in every hit, a text file's too. */
	s = render("json", "id:plain.txt", 0, NULL);
	CHECK_IN(s, "\"author\":\"\",\"format\":\"\",\"parent\":\"\","
		    "\"pages\":null,\"ocr_confidence\":null,"
		    "\"title_from_text\":false,");
	free(s);
}

static void csv_columns(void)
{
	char *s = render("csv", "id:scans/bulletin.pdf", 0, NULL);
	CHECK_IN(s, "\xEF\xBB\xBFrank,score,id,title,date,source,url,path,"
		    "snippet,author,format,parent,pages,ocr_confidence,"
		    "title_from_text,copies\r\n1,");
	CHECK_IN(s, ",الكاتب العام,pdf,,3,87,false,\r\n");
	free(s);
	s = render("csv", "id:mail/a.eml#bayan.docx", 0, NULL);
	CHECK_IN(s, ",,docx,mail/a.eml,,,true,\r\n");
	free(s);
	s = render("csv", "id:plain.txt", 0, NULL);
	CHECK_IN(s, ",نص عادي عن الاجتماع.,,,,,,false,\r\n");
	free(s);
}

/* A run is ranks only: the same line for any document. */
static void trec_unchanged(void)
{
	char *s = render("trec", "id:scans/bulletin.pdf", 0, NULL);
	CHECK_MSG(!strncmp(s, "1 Q0 scans/bulletin.pdf 1 ", 26) &&
			  !strcmp(strchr(s, '\n') - 6, " naqib\n") &&
			  strchr(s, '\n')[1] == '\0',
		  "%s", s);
	free(s);
}

static void html_badge_and_link(void)
{
	char *s = render("html", "id:scans/bulletin.pdf", 0, NULL);
	CHECK_IN(s, "<p class=\"meta origin\"><bdi>PDF</bdi> · 3 صفحات · "
		    "<span class=\"badge\" title=\"قُرئ النص بالتعرف الضوئي على "
		    "الحروف (OCR): قد يحوي أخطاء\">OCR 87%</span> · المؤلف: "
		    "<bdi>الكاتب العام</bdi></p>");
	free(s);
	s = render("html", "id:mail/a.eml", 0, NULL);
	CHECK_IN(s, "<p class=\"meta origin\"><bdi>بريد إلكتروني</bdi> · "
		    "من: <bdi>Karim &lt;k@umt.ma&gt;</bdi></p>");
	free(s);
	/* The attachment links to its message by id:, its title made from
	 * the text in a lighter type. */
	s = render("html", "id:mail/a.eml#bayan.docx", 0, NULL);
	CHECK_IN(s, "<li><h2 class=\"derived\" title=\"ليس للوثيقة عنوان: هذه "
		    "أول جملة من نصها\">تدعو النقابة");
	CHECK_IN(s, "<p class=\"meta origin\"><bdi>DOCX</bdi> · مرفق "
		    "بالرسالة <a class=\"id\" href=\"?q=id%3A%C2%ABmail%2Fa.eml"
		    "%C2%BB\">mail/a.eml</a></p>");
	free(s);
	s = render("html", "id:mail/x.eml#scan.png", 0, NULL);
	CHECK_IN(s, "<bdi>صورة</bdi> · صفحة واحدة · <span class=\"badge\"");
	CHECK_IN(s, ">OCR 0%</span> · مرفق بالرسالة <a class=\"id\" "
		    "href=\"?q=id%3A%22mail%2F");
	free(s);
	/* Nothing of the kind for a text file. */
	s = render("html", "id:plain.txt", 0, NULL);
	CHECK_NOT_IN(s, "origin\">");
	CHECK_NOT_IN(s, "class=\"derived\"");
	free(s);
}

/* The link's query finds the message, however its id must be quoted. */
static void link_finds_the_message(void)
{
	const char *ids[] = { "mail/a.eml", "mail/رسالة (2) »أخيرة«.eml" };

	for (size_t i = 0; i < CHECK_N(ids); i++) {
		_naqib_buf_t q = NAQIB_BUF_INIT;
		search_result_t r;
		CHECK(out_id_query(&q, ids[i]) == NAQIB_OK);
		char *s = render("json", q.data, 0, &r);
		CHECK_MSG(r.out.n == 1 && !strcmp(r.out.hits[0].rec.id, ids[i]),
			  "%s: %zu hits", q.data, r.out.n);
		search_result_free(&r);
		free(s);
		_naqib_buf_free(&q);
	}
}

/* --explain of a title made from the text: its words are the body's first
 * sentence, counted once, from the body. */
static void explain_skips_a_made_title(void)
{
	search_result_t r;
	char *s = render("text", "إضراب id:mail/a.eml#bayan.docx", 1, &r);
	unsigned count = 0;

	CHECK(r.out.n == 1);
	for (size_t k = 0; r.out.n && k < r.out.hits[0].n_why; k++)
		if (!strcmp(r.out.hits[0].why[k].form, "إضراب"))
			count += r.out.hits[0].why[k].count;
	CHECK_MSG(count == 1, "إضراب counted %u times:\n%s", count, s);
	search_result_free(&r);
	free(s);
}

static void format_labels(void)
{
	char up[8];

	CHECK_STR(out_format_label("mail", 0, up, sizeof up), "e-mail", "mail");
	CHECK_STR(out_format_label("mail", 1, up, sizeof up), "بريد إلكتروني",
		  "mail in Arabic");
	CHECK_STR(out_format_label("epub", 0, up, sizeof up), "EPUB",
		  "a format of no row");
	CHECK_STR(out_format_label("spreadsheet", 0, up, sizeof up), "SPREADS",
		  "cut to the buffer");
}

int main(void)
{
	char dir[] = "/tmp/naqib-test-outputs.XXXXXX";
	static const check_case_t cases[] = {
		{ "text: a line of provenance: format, pages, author, OCR, "
		  "parent, a made title", text_line },
		{ "text: a .txt hit prints as it always did", text_of_txt_unchanged },
		{ "json: author, format, parent, pages, ocr_confidence, "
		  "title_from_text in every hit", json_keys },
		{ "csv: the new columns at the end", csv_columns },
		{ "trec: a run line as ever", trec_unchanged },
		{ "html: format, pages, the OCR badge, the author, the "
		  "attachment's link, a made title lighter", html_badge_and_link },
		{ "the attachment's link finds its message, quoted as its id "
		  "needs", link_finds_the_message },
		{ "--explain counts a made title's words once", explain_skips_a_made_title },
		{ "the formats' labels", format_labels },
	};

	cli_prog = "test_outputs";
	if (!mkdtemp(dir)) {
		printf("Bail out! mkdtemp %s failed\n", dir);
		return 1;
	}
	check_begin("the documents are indexed");
	make_db(dir);
	check_end();
	check_run(cases, CHECK_N(cases));
	naqib_analyzer_destroy(an);
	naqib_db_close(db);
	char cmd[sizeof dir + 16];
	snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
	if (system(cmd) != 0)
		printf("# test_outputs: could not remove %s\n", dir);
	return check_done();
}
