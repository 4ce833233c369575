/* The CGI front end's request parsing and configuration, kept apart from
 * the transport (CGI or FastCGI) so that both, and the tests, share it. */
#ifndef NAQIB_CGI_H
#define NAQIB_CGI_H

#include <stddef.h>

#include "outputs/outputs.h"

/* Bounds on what a request may ask. */
#define CGI_MAX_QUERY 2048  /* bytes of the decoded query */
#define CGI_MAX_LIMIT 50    /* hits a page */
#define CGI_DEFAULT_LIMIT 10
#define CGI_MAX_PAGE 1000
#define CGI_MAX_QUERY_STRING 16384

typedef struct cgi_params {
	char *q;         /* the query, decoded UTF-8; "" when absent */
	unsigned page;   /* 1-based page of results */
	unsigned offset; /* first hit, 0-based (from page or offset) */
	unsigned limit;  /* hits a page */
	const out_format_t *format; /* format=NAME of the formats offered on
				       the web (default: the first, html) */
	int sort;        /* sort=relevance|newest|oldest: NAQIB_SORT_* */
	int facets;      /* facets=1 (JSON; the page always shows them) */
	char *like;      /* like=ID: the documents like that one (the query,
			    if any, selects among them); NULL when absent */
} cgi_params_t;

/* Parses a GET query string (NULL is the empty one).  Returns 0, or -1
 * with a message for the user in err (for a 400 response): bad
 * percent-encoding, a NUL byte, invalid UTF-8, a repeated parameter, a
 * value out of bounds or not one of its words, a query too long.  Unknown parameters are ignored.
 * Free with cgi_params_free(). */
int cgi_parse(const char *qs, cgi_params_t *p, char *err, size_t errlen);
void cgi_params_free(cgi_params_t *p);

/* Appends s percent-encoded for a URL query component to buf.  Returns 0
 * or a status. */
naqib_status_t cgi_url_encode(_naqib_buf_t *buf, const char *s);

/* The database path from the server's configuration: $NAQIB_DB of the
 * process, else server_set (the NAQIB_DB the server adds to a FastCGI
 * request's parameters; clients cannot set it), else the "db = PATH" line
 * of $NAQIB_CONFIG or SYSCONFDIR/naqib.conf.  NULL when none is set.
 * Caller frees. */
char *cgi_db_path(const char *server_set);

/* What a request may cost, from the server's configuration: each setting
 * from its environment variable (NAQIB_TIME_LIMIT ...), else its
 * "key = value" line in the configuration file, else its default. */
#define CGI_DEFAULT_TIME_LIMIT 2.0     /* seconds of a match */
#define CGI_DEFAULT_MAX_REQUESTS 10000 /* of a FastCGI process, then it
					  starts afresh */
typedef struct cgi_config {
	double time_limit;                /* time_limit (0: none) */
	unsigned long long max_requests;  /* max_requests (0: no end) */
	unsigned long long wildcard_words;    /* max_wildcard_words */
	unsigned long long wildcard_postings; /* max_wildcard_postings */
	unsigned long long rerank_depth;  /* rerank_depth: the first hits the
					     built-in reranker reorders (0:
					     none; default
					     NAQIB_DEFAULT_RERANK_DEPTH) */
} cgi_config_t;

/* Reads the settings into c.  Returns 0, or -1 with what is wrong (the
 * setting, its value, where it was found) in err. */
int cgi_config_load(cgi_config_t *c, char *err, size_t errlen);

/* The environment variable of setting i (NULL past the last): for
 * --help. */
const char *cgi_setting_env(size_t i);

#endif
