/* naqib.cgi: the search page and JSON API for a web server.
 *
 * The same binary runs as a plain CGI program (one request a process) or,
 * when the server starts it as a FastCGI application, as a long-lived
 * process that keeps the database open between requests and reopens it
 * when the index has changed.  The database comes from the server's
 * configuration (NAQIB_DB or naqib.conf), never from the request.
 *
 * Status codes: 200 results or the empty form, 400 a bad parameter or a
 * query that cannot be understood, 405 a method other than GET/HEAD, 500 an
 * internal error (a plain message; details go to the server's error log),
 * 503 the database is unavailable (missing, damaged, changing). */
#include <fcgiapp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "cgi.h"
#include "cli.h"
#include "html.h"
#include "internal.h"
#include "naqib.h"
#include "search.h"

#define SNIPPET_CHARS 200
/* Values shown for each facet, and the matches they are counted over at
 * least: counting every match of a broad query would cost the page more
 * than the search itself (bench/cgi, FastCGI: 525 requests/s down to 114),
 * so the page counts a sample and scales the counts up. */
#define FACETS 8
#define FACET_SAMPLE 500

typedef struct app {
	naqib_db_t *db;
	naqib_analyzer_t *an;
} app_t;

typedef struct response {
	int status;
	const char *type;   /* Content-Type */
	const char *extra;  /* more header lines, each ending in \r\n */
	_naqib_buf_t body;
} response_t;

static const char *reason(int status)
{
	switch (status) {
	case 200: return "OK";
	case 400: return "Bad Request";
	case 405: return "Method Not Allowed";
	case 503: return "Service Unavailable";
	default: return "Internal Server Error";
	}
}

/* A plain-text answer: for 500, with nothing of our internals in it. */
static void plain(response_t *r, int status, const char *msg)
{
	r->status = status;
	r->type = "text/plain; charset=utf-8";
	_naqib_buf_reset(&r->body);
	_naqib_buf_add(&r->body, msg, strlen(msg));
	_naqib_buf_add(&r->body, "\n", 1);
}

static void json_error(response_t *r, int status, const char *msg)
{
	json_t *o = json_pack("{s:s}", "error", msg);
	char *s = o ? json_dumps(o, JSON_COMPACT) : NULL;

	json_decref(o);
	if (!s) {
		plain(r, 500, "internal error");
		return;
	}
	r->status = status;
	r->type = "application/json";
	_naqib_buf_reset(&r->body);
	_naqib_buf_add(&r->body, s, strlen(s));
	_naqib_buf_add(&r->body, "\n", 1);
	free(s);
}

static void html(response_t *r, int status, const html_page_t *page)
{
	r->status = status;
	r->type = "text/html; charset=utf-8";
	_naqib_buf_reset(&r->body);
	if (html_render(&r->body, page))
		plain(r, 500, "internal error");
}

/* An error the user caused (400) or the database's state (503), in the
 * format asked for. */
static void fail(response_t *r, int status, int json, const char *query,
		 const char *title, const char *detail)
{
	if (json) {
		json_error(r, status, detail && *detail ? detail : title);
		return;
	}
	html_page_t page = { query ? query : "", NULL, title, detail ? detail : "",
			     1, CGI_DEFAULT_LIMIT, NAQIB_SORT_RELEVANCE };
	html(r, status, &page);
}

static int db_unavailable(int st)
{
	return st == NAQIB_E_DB_LOCKED || st == NAQIB_E_DB_NOT_FOUND ||
	       st == NAQIB_E_DB_CORRUPT || st == NAQIB_E_DB_MODIFIED ||
	       st == NAQIB_E_DB_VERSION || st == NAQIB_E_DB || st == NAQIB_E_IO;
}

static void drop_db(app_t *a)
{
	naqib_analyzer_destroy(a->an);
	naqib_db_close(a->db);
	a->an = NULL;
	a->db = NULL;
}

/* Opens the database, or makes an open one see the latest commit (cheap
 * when nothing changed).  Returns a status; 503 material on failure. */
static int ensure_db(app_t *a, const char *server_db)
{
	int st;

	if (a->db) {
		if (!(st = naqib_db_reopen(a->db)) &&
		    !(st = naqib_db_check_analyzer(a->db, a->an, 0)))
			return NAQIB_OK;
		/* Replaced, re-created with other settings, or gone: start
		 * again from the path. */
		drop_db(a);
	}
	char *path = cgi_db_path(server_db);
	if (!path)
		return _naqib_fail(NAQIB_E_INVALID,
				   "no database configured: set NAQIB_DB in "
				   "the server's environment, or db = PATH in "
				   "naqib.conf");
	st = naqib_db_open(path, NAQIB_DB_READ, &a->db);
	free(path);
	if (!st && (st = naqib_db_analyzer_new(a->db, &a->an)))
		drop_db(a);
	return st;
}

/* A failure on our side: the detail goes to the server's error log; the
 * reader gets 503 when the database is unavailable (and the next request
 * opens it again), else a plain 500. */
static void server_error(app_t *a, response_t *r, int st, int json,
			 const char *query)
{
	cli_error("%s", naqib_last_error());
	if (!db_unavailable(st)) {
		plain(r, 500, "internal error");
		return;
	}
	drop_db(a);
	r->extra = "Retry-After: 30\r\n";
	fail(r, 503, json, query,
	     "قاعدة البيانات غير متاحة حاليا، حاول بعد قليل.",
	     "the database is unavailable, try again later");
}

static void handle(app_t *a, const char *method, const char *qs,
		   const char *server_db, response_t *r)
{
	char err[256];
	cgi_params_t p;
	/* Before the parameters are known good, a guess at the format of the
	 * answer: a program that asked for JSON gets its 400 as JSON. */
	int json = qs && strstr(qs, "format=json") != NULL;

	r->extra = "";
	if (!method || (strcmp(method, "GET") && strcmp(method, "HEAD"))) {
		r->extra = "Allow: GET, HEAD\r\n";
		plain(r, 405, "only GET and HEAD are supported");
		return;
	}
	if (cgi_parse(qs, &p, err, sizeof err)) {
		fail(r, 400, json, NULL, "طلب غير صالح.", err);
		return;
	}
	json = p.json;
	if (!p.q[strspn(p.q, " \t\r\n")]) {
		if (json) {
			json_error(r, 400, "no query: give it in the q parameter");
		} else {
			html_page_t page = { "", NULL, NULL, NULL, 1, p.limit,
					     p.sort };
			html(r, 200, &page);
		}
		cgi_params_free(&p);
		return;
	}

	int st = ensure_db(a, server_db);
	if (st) {
		server_error(a, r, st, json, p.q);
		cgi_params_free(&p);
		return;
	}

	search_request_t req = {
		.query = p.q,
		.opts = {
			.offset = p.offset,
			.limit = p.limit,
			.bm25_k1 = NAQIB_DEFAULT_BM25_K1,
			.bm25_b = NAQIB_DEFAULT_BM25_B,
			.exact_bonus = -1,
			.proximity = -1,
			.sort = p.sort,
			.facets = json ? (p.facets ? FACETS : 0) : FACETS,
			.facet_sample = FACET_SAMPLE,
		},
		.snippet_chars = SNIPPET_CHARS,
		.suggest = 1,
	};
	search_result_t res;
	st = search_run(a->db, a->an, &req, &res);
	if (st == NAQIB_E_QUERY || st == NAQIB_E_UTF8 || st == NAQIB_E_INVALID) {
		fail(r, 400, json, p.q, "تعذّر فهم هذا الاستعلام.",
		     naqib_last_error());
	} else if (st) {
		server_error(a, r, st, json, p.q);
	} else if (json) {
		char *buf = NULL;
		size_t len = 0;
		FILE *f = open_memstream(&buf, &len);
		if (!f || out_json(f, &res.out) || fclose(f)) {
			plain(r, 500, "internal error");
		} else {
			r->status = 200;
			r->type = "application/json";
			_naqib_buf_reset(&r->body);
			_naqib_buf_add(&r->body, buf, len);
		}
		free(buf);
	} else {
		html_page_t page = { p.q, &res.out, NULL, NULL, p.page, p.limit,
				     p.sort };
		html(r, 200, &page);
	}
	if (!st)
		search_result_free(&res);
	cgi_params_free(&p);
}

/* The header block of a response. */
static void headers(const response_t *r, _naqib_buf_t *h)
{
	_naqib_buf_printf(h,
			  "Status: %d %s\r\n"
			  "Content-Type: %s\r\n"
			  "Content-Length: %zu\r\n"
			  "Cache-Control: no-store\r\n"
			  "X-Content-Type-Options: nosniff\r\n"
			  "Referrer-Policy: no-referrer\r\n"
			  "Content-Security-Policy: default-src 'none'; "
			  "style-src 'unsafe-inline'; form-action 'self'; "
			  "base-uri 'none'; frame-ancestors 'none'\r\n"
			  "%s\r\n",
			  r->status, reason(r->status), r->type, r->body.len,
			  r->extra);
}

static void respond(app_t *a, const char *method, const char *qs,
		    const char *server_db, FCGX_Stream *out)
{
	response_t r = { 500, "text/plain", "", NAQIB_BUF_INIT };
	_naqib_buf_t h = NAQIB_BUF_INIT;

	handle(a, method, qs, server_db, &r);
	headers(&r, &h);
	int head = method && !strcmp(method, "HEAD");
	if (out) {
		FCGX_PutStr(h.data, (int)h.len, out);
		if (!head && r.body.len)
			FCGX_PutStr(r.body.data, (int)r.body.len, out);
	} else {
		fwrite(h.data, 1, h.len, stdout);
		if (!head && r.body.len)
			fwrite(r.body.data, 1, r.body.len, stdout);
		fflush(stdout);
	}
	_naqib_buf_free(&h);
	_naqib_buf_free(&r.body);
}

int main(int argc, char **argv)
{
	app_t a = { NULL, NULL };

	cli_prog = "naqib.cgi";
	/* Apache turns a query string without '=' into arguments: under a web
	 * server, arguments are never options. */
	if (getenv("GATEWAY_INTERFACE") || getenv("REQUEST_METHOD"))
		argc = 1;
	if (argc > 1 && (!strcmp(argv[1], "--version") || !strcmp(argv[1], "-V"))) {
		printf("naqib.cgi %s\n", NAQIB_VERSION);
		return EXIT_OK;
	}
	if (argc > 1) {
		int help = !strcmp(argv[1], "--help") || !strcmp(argv[1], "-h");
		fprintf(help ? stdout : stderr, "usage: naqib.cgi\n\n"
		       "A CGI and FastCGI program, run by a web server: see "
		       "naqib.cgi(8).\nThe database is $NAQIB_DB, or the db = "
		       "PATH line of $NAQIB_CONFIG or %s/naqib.conf.\n",
		       SYSCONFDIR);
		return help ? EXIT_OK : EXIT_USAGE;
	}
	if (FCGX_IsCGI()) {
		respond(&a, getenv("REQUEST_METHOD"), getenv("QUERY_STRING"),
			NULL, NULL);
		drop_db(&a);
		return EXIT_OK;
	}
	FCGX_Request req;
	if (FCGX_Init() || FCGX_InitRequest(&req, 0, 0)) {
		cli_error("cannot start FastCGI");
		return EXIT_INTERNAL;
	}
	while (FCGX_Accept_r(&req) >= 0) {
		respond(&a, FCGX_GetParam("REQUEST_METHOD", req.envp),
			FCGX_GetParam("QUERY_STRING", req.envp),
			FCGX_GetParam("NAQIB_DB", req.envp), req.out);
		FCGX_Finish_r(&req);
	}
	drop_db(&a);
	return EXIT_OK;
}
