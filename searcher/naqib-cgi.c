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
#include <errno.h>
#include <fcgiapp.h>
#include <fcntl.h>
#include <malloc.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <unicode/uchar.h>

#include "cgi.h"
#include "cli.h"
#include "internal.h"
#include "naqib.h"
#include "outputs/outputs.h"
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
	cgi_config_t cfg;
	char cfg_error[256]; /* "" when the configuration is good */
	int fd;              /* FastCGI: the request's connection; else -1 */
	naqib_ranker_t *ranker; /* the built-in model, with rerank_depth */
} app_t;

/* Whether the web server closed the connection of the request, as it
 * does when its client went away (nginx does, by default; lighttpd 1.4
 * keeps the connection until the answer comes, so there the budgets and
 * the time limit are what bound the work). */
static int client_gone(void *ctx)
{
	struct pollfd p = { *(const int *)ctx, POLLRDHUP, 0 };

	return poll(&p, 1, 0) > 0 &&
	       (p.revents & (POLLRDHUP | POLLHUP | POLLERR | POLLNVAL));
}

typedef struct response {
	int status;
	const char *type;   /* Content-Type */
	const char *extra;  /* more header lines, each ending in \r\n */
	_naqib_buf_t body;
	_naqib_buf_t disposition; /* a Content-Disposition header line, or "" */
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
	_naqib_buf_adds(&r->body, msg);
	_naqib_buf_add(&r->body, "\n", 1);
}

/* A page in format f: its render() (or error(), for a page with an
 * error). */
static void page(response_t *r, int status, const out_format_t *f,
		 const out_page_t *p)
{
	naqib_status_t (*fn)(_naqib_buf_t *, const out_page_t *) =
		p->error ? f->error : f->render;

	r->status = status;
	r->type = f->mime;
	_naqib_buf_reset(&r->body);
	if (fn(&r->body, p))
		plain(r, 500, "internal error");
}

/* An error the user caused (400) or the database's state (503), in the
 * format asked for when it has a way to say it, else in plain text. */
static void fail(response_t *r, int status, const out_format_t *f,
		 const char *query, const char *title, const char *detail)
{
	if (!f->error) {
		plain(r, status, detail && *detail ? detail : title);
		return;
	}
	out_page_t p = { .query = query ? query : "", .error_title = title,
			 .error = detail ? detail : "", .page = 1,
			 .limit = CGI_DEFAULT_LIMIT,
			 .sort = NAQIB_SORT_RELEVANCE };
	page(r, status, f, &p);
}

/* A download's file name: naqib-QUERY.EXT, the letters and digits of the
 * query (any script) with a dash for what is between them (RFC 6266: an
 * ASCII name, and the UTF-8 one percent-encoded). */
static void attachment(response_t *r, const out_format_t *f, const char *q)
{
	_naqib_buf_t name = NAQIB_BUF_INIT;

	for (size_t i = 0, len = strlen(q); i < len && name.len < 120;) {
		size_t at = i;
		if (u_isalnum((UChar32)_naqib_utf8_next(q, &i)))
			_naqib_buf_add(&name, q + at, i - at);
		else if (name.len && name.data[name.len - 1] != '-')
			_naqib_buf_addc(&name, '-');
	}
	while (name.len && name.data[name.len - 1] == '-')
		name.data[--name.len] = '\0';
	_naqib_buf_reset(&r->disposition);
	_naqib_buf_printf(&r->disposition,
			  "Content-Disposition: attachment; "
			  "filename=\"naqib.%s\"",
			  f->extension);
	if (name.len) {
		_naqib_buf_adds(&r->disposition, "; filename*=UTF-8''naqib-");
		cgi_url_encode(&r->disposition, name.data);
		_naqib_buf_printf(&r->disposition, ".%s", f->extension);
	}
	_naqib_buf_adds(&r->disposition, "\r\n");
	_naqib_buf_free(&name);
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
		int replaced = 0;
		if (!(st = naqib_db_refresh(a->db, &replaced)) && !replaced &&
		    !(st = naqib_db_check_analyzer(a->db, a->an, 0)))
			return NAQIB_OK;
		/* Replaced (its analysis and thesaurus may differ), re-created
		 * with other settings, or gone: start again from the path. */
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
static void server_error(app_t *a, response_t *r, int st,
			 const out_format_t *f, const char *query)
{
	cli_error("%s", naqib_last_error());
	if (!db_unavailable(st)) {
		plain(r, 500, "internal error");
		return;
	}
	drop_db(a);
	r->extra = "Retry-After: 30\r\n";
	fail(r, 503, f, query,
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
	const out_format_t *f = out_named(out_web_item(0, NULL), OUT_WEB);
	for (size_t i = 0; qs && out_web_item(i, NULL); i++) {
		char want[64];
		snprintf(want, sizeof want, "format=%s", out_web_item(i, NULL));
		if (strstr(qs, want))
			f = out_named(out_web_item(i, NULL), OUT_WEB);
	}

	r->extra = "";
	if (!method || (strcmp(method, "GET") && strcmp(method, "HEAD"))) {
		r->extra = "Allow: GET, HEAD\r\n";
		plain(r, 405, "only GET and HEAD are supported");
		return;
	}
	if (a->cfg_error[0]) {
		cli_error("%s", a->cfg_error);
		plain(r, 500, "internal error");
		return;
	}
	if (cgi_parse(qs, &p, err, sizeof err)) {
		fail(r, 400, f, NULL, "طلب غير صالح.", err);
		return;
	}
	f = p.format;
	if (!p.q[strspn(p.q, " \t\r\n")] && !p.like) {
		/* The search page's empty form; other formats need a query. */
		if (f->flags & OUT_FORM) {
			out_page_t empty = { .query = "", .page = 1,
					     .limit = p.limit, .sort = p.sort };
			page(r, 200, f, &empty);
		} else {
			fail(r, 400, f, NULL, "لا استعلام.",
			     "no query: give it in the q parameter");
		}
		cgi_params_free(&p);
		return;
	}

	if (a->fd >= 0 && client_gone(&a->fd)) {
		/* Nobody reads the answer: no search for it. */
		cli_error("the client went away before the search of a "
			  "query of %zu bytes", strlen(p.q));
		plain(r, 503, "the client went away");
		cgi_params_free(&p);
		return;
	}
	int st = ensure_db(a, server_db);
	if (st) {
		server_error(a, r, st, f, p.q);
		cgi_params_free(&p);
		return;
	}

	/* The search computes what the format shows: the search page always
	 * has its facets, JSON when asked for (facets=1). */
	unsigned shows = f->flags;
	search_request_t req = {
		.query = p.q,
		.snippet_chars = shows & OUT_SNIPPETS ? SNIPPET_CHARS : 0,
		.suggest = (shows & OUT_SUGGEST) != 0,
	};
	naqib_search_options_init(&req.opts);
	req.opts.offset = p.offset;
	req.opts.limit = p.limit;
	req.opts.sort = p.sort;
	/* Reposts of one text are one hit, with the ids of the others. */
	req.opts.collapse = 1;
	req.opts.like = p.like;
	req.opts.facets = (shows & OUT_FACETS_ALWAYS) ||
					  ((shows & OUT_FACETS) && p.facets)
				  ? FACETS
				  : 0;
	req.opts.facet_sample = FACET_SAMPLE;
	naqib_query_options_init(&req.qopts);
	req.qopts.wildcard_terms = (unsigned)a->cfg.wildcard_words;
	req.qopts.wildcard_postings = a->cfg.wildcard_postings;
	req.opts.time_limit = a->cfg.time_limit;
	req.opts.ranker = a->ranker;
	req.opts.rerank_depth = (unsigned)a->cfg.rerank_depth;
	if (a->fd >= 0) {
		req.opts.stop = client_gone;
		req.opts.stop_ctx = &a->fd;
	}
	search_result_t res;
	st = search_run(a->db, a->an, &req, &res);
	if (!st && res.out.stopped)
		cli_error(res.out.stopped == NAQIB_STOPPED_ASKED
				  ? "the client went away: the search of a "
				    "query of %zu bytes stopped"
				  : "the search of a query of %zu bytes "
				    "stopped at the time limit",
			  strlen(p.q));
	if (st == NAQIB_E_QUERY || st == NAQIB_E_UTF8 || st == NAQIB_E_INVALID) {
		fail(r, 400, f, p.q, "تعذّر فهم هذا الاستعلام.",
		     naqib_last_error());
	} else if (st) {
		server_error(a, r, st, f, p.q);
	} else {
		out_page_t results = { .result = &res.out, .query = p.q,
				       .page = p.page, .limit = p.limit,
				       .sort = p.sort, .first = 1 };
		page(r, 200, f, &results);
		if (f->extension && r->status == 200)
			attachment(r, f, p.q);
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
			  "%s%s\r\n",
			  r->status, reason(r->status), r->type, r->body.len,
			  r->disposition.data, r->extra);
}

static void respond(app_t *a, const char *method, const char *qs,
		    const char *server_db, FCGX_Stream *out)
{
	response_t r = { 500, "text/plain", "", NAQIB_BUF_INIT,
			 NAQIB_BUF_INIT };
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
	_naqib_buf_free(&r.disposition);
}

/* Gives the heap's free memory back to the system when a request left
 * much of it (the many small blocks of a costly match, which free() keeps
 * for later): a FastCGI process that answered one such request stays
 * small.  Cheap when there is little to give back, and only then is it
 * skipped. */
#define TRIM_FREE (8u << 20)
static void give_back(void)
{
	struct mallinfo2 m = mallinfo2();

	if (m.fordblks > TRIM_FREE)
		malloc_trim(0);
}

/* A FastCGI process starts afresh: the same program, run again in the
 * same process, on the same listening socket (standard input), which
 * stays open meanwhile.  Ending and being started again by the web server
 * would lose requests: lighttpd 1.4.69 sends the next to the socket of
 * the process that ended, is refused, and answers 503 until it has
 * started another ("all handlers ... are down"); spawn-fcgi starts none.
 * Every other descriptor closes on exec.  If exec fails, the process
 * goes on as it is. */
static void recycle(char **argv, unsigned long long served)
{
	cli_error("%llu requests answered: starting afresh", served);
	if (close_range(3, ~0u, CLOSE_RANGE_CLOEXEC)) {
		long max = sysconf(_SC_OPEN_MAX);
		if (max <= 0 || max > 65536)
			max = 65536;
		for (int fd = 3; fd < max; fd++)
			fcntl(fd, F_SETFD, FD_CLOEXEC);
	}
	execv("/proc/self/exe", argv);
	cli_error("cannot start afresh (%s): going on", strerror(errno));
}

int main(int argc, char **argv)
{
	app_t a = { .db = NULL, .an = NULL, .fd = -1 };

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
		FILE *f = help ? stdout : stderr;
		fprintf(f, "usage: naqib.cgi\n\n"
		       "A CGI and FastCGI program, run by a web server: see "
		       "naqib.cgi(8).\nThe database is $NAQIB_DB, or the db = "
		       "PATH line of $NAQIB_CONFIG or %s/naqib.conf.\n"
		       "The bounds of a request: ",
		       SYSCONFDIR);
		for (size_t i = 0; cgi_setting_env(i); i++)
			fprintf(f, "%s$%s", i ? ", " : "", cgi_setting_env(i));
		fprintf(f, ", or their lines in naqib.conf.\n");
		return help ? EXIT_OK : EXIT_USAGE;
	}
	if (cgi_config_load(&a.cfg, a.cfg_error, sizeof a.cfg_error) &&
	    !a.cfg_error[0])
		snprintf(a.cfg_error, sizeof a.cfg_error, "bad configuration");
	if (!a.cfg_error[0] && a.cfg.rerank_depth &&
	    naqib_ranker_open(NULL, &a.ranker))
		snprintf(a.cfg_error, sizeof a.cfg_error, "%s",
			 naqib_last_error());
	if (FCGX_IsCGI()) {
		respond(&a, getenv("REQUEST_METHOD"), getenv("QUERY_STRING"),
			NULL, NULL);
		drop_db(&a);
		naqib_ranker_destroy(a.ranker);
		return EXIT_OK;
	}
	FCGX_Request req;
	if (FCGX_Init() || FCGX_InitRequest(&req, 0, 0)) {
		cli_error("cannot start FastCGI");
		return EXIT_INTERNAL;
	}
	/* After max_requests the process starts afresh (recycle()):
	 * whatever it gathered (Xapian's parser loses about 100 bytes on
	 * some queries it cannot parse) goes with it. */
	unsigned long long served = 0;
	while (FCGX_Accept_r(&req) >= 0) {
		a.fd = req.ipcFd;
		respond(&a, FCGX_GetParam("REQUEST_METHOD", req.envp),
			FCGX_GetParam("QUERY_STRING", req.envp),
			FCGX_GetParam("NAQIB_DB", req.envp), req.out);
		FCGX_Finish_r(&req);
		a.fd = -1;
		give_back();
		if (a.cfg.max_requests && ++served >= a.cfg.max_requests) {
			drop_db(&a);
			recycle(argv, served);
			served = 0;
		}
	}
	drop_db(&a);
	naqib_ranker_destroy(a.ranker);
	return EXIT_OK;
}
