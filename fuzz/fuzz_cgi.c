/* Fuzzes naqib.cgi's request parsing: cgi_parse() on any QUERY_STRING
 * (a C string: the environment holds no NUL), the promises it makes about
 * what it accepts, cgi_url_encode() (the links of the result pages) and
 * that parsing what it encodes gives the query back, then the pages the CGI
 * renders for that request without a search: the empty form, the error
 * page with cgi_parse()'s message, the error page of a query. */
#include "cgi.h"
#include "fuzz.h"
#include "internal.h"

static const out_format_t *html_format(void)
{
	return out_named("html", OUT_WEB);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *qs = fuzz_cstr(data, size);
	char err[256]; /* as naqib-cgi.c */
	cgi_params_t p;
	_naqib_buf_t b = NAQIB_BUF_INIT, html = NAQIB_BUF_INIT;

	err[0] = '\0';
	if (cgi_parse(qs, &p, err, sizeof err)) {
		FUZZ_ASSERT(err[0] != '\0');
		FUZZ_ASSERT(p.q == NULL);
		out_page_t page = { .query = "", .error_title = "طلب غير صالح.",
				    .error = err, .page = 1,
				    .limit = CGI_DEFAULT_LIMIT };
		FUZZ_OK(html_format()->error(&html, &page));
		FUZZ_ASSERT(fuzz_utf8(html.data, html.len));
		_naqib_buf_free(&html);
		free(qs);
		return 0;
	}
	FUZZ_ASSERT(p.q);
	size_t qlen = strlen(p.q);
	FUZZ_ASSERT(qlen <= CGI_MAX_QUERY);
	FUZZ_ASSERT(fuzz_utf8(p.q, qlen));
	FUZZ_ASSERT(p.limit >= 1 && p.limit <= CGI_MAX_LIMIT);
	FUZZ_ASSERT(p.page >= 1);
	FUZZ_ASSERT(p.offset <= CGI_MAX_PAGE * CGI_MAX_LIMIT);
	FUZZ_ASSERT(p.format && (p.format->flags & OUT_WEB));
	FUZZ_ASSERT(p.sort >= NAQIB_SORT_RELEVANCE &&
		    p.sort <= NAQIB_SORT_OLDEST);
	FUZZ_ASSERT(p.facets == 0 || p.facets == 1);

	/* Encoded, the query comes back whole. */
	FUZZ_OK(_naqib_buf_add(&b, "q=", 2));
	FUZZ_OK(cgi_url_encode(&b, p.q));
	FUZZ_ASSERT(strlen(b.data) == b.len);
	for (size_t i = 2; i < b.len; i++)
		FUZZ_ASSERT(strchr("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopq"
				   "rstuvwxyz0123456789-_.~%", b.data[i]));
	cgi_params_t p2;
	if (cgi_parse(b.data, &p2, err, sizeof err)) {
		fprintf(stderr, "'%s' does not parse: %s\n", b.data, err);
		abort();
	}
	FUZZ_ASSERT(!strcmp(p.q, p2.q));
	cgi_params_free(&p2);
	_naqib_buf_free(&b);

	/* The pages without hits: the empty form, and the error page of a
	 * query that did not parse, which shows it. */
	out_page_t page = { .query = "", .page = 1, .limit = p.limit,
			    .sort = p.sort };
	FUZZ_OK(html_format()->render(&html, &page));
	FUZZ_ASSERT(fuzz_utf8(html.data, html.len));
	_naqib_buf_reset(&html);
	out_page_t bad = { .query = p.q,
			   .error_title = "تعذّر فهم هذا الاستعلام.",
			   .error = "the query is wrong", .page = 1,
			   .limit = CGI_DEFAULT_LIMIT,
			   .sort = NAQIB_SORT_RELEVANCE };
	FUZZ_OK(html_format()->error(&html, &bad));
	FUZZ_ASSERT(fuzz_utf8(html.data, html.len));
	_naqib_buf_free(&html);
	cgi_params_free(&p);
	free(qs);
	return 0;
}
