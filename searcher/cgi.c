/* Request parsing and configuration of naqib.cgi.  A request only ever
 * chooses what to search for and which page to show: the database comes
 * from the server's configuration, never from the request. */
#include <ctype.h>
#include <errno.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cgi.h"
#include "internal.h"
#include "list.h"
#include "naqib.h"

#ifndef SYSCONFDIR
#define SYSCONFDIR "/etc"
#endif

void cgi_params_free(cgi_params_t *p)
{
	free(p->q);
	p->q = NULL;
	free(p->like);
	p->like = NULL;
}

static int hexval(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	c |= 32;
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	return -1;
}

/* Decodes s[0..n) (+ is a space, %HH a byte) into a new string; NULL with
 * *bad set on malformed input. */
static char *decode(const char *s, size_t n, const char **bad)
{
	char *out = malloc(n + 1);
	size_t o = 0;

	*bad = NULL;
	if (!out) {
		*bad = "out of memory";
		return NULL;
	}
	for (size_t i = 0; i < n; i++) {
		if (s[i] == '+') {
			out[o++] = ' ';
		} else if (s[i] == '%') {
			if (i + 2 >= n || hexval((unsigned char)s[i + 1]) < 0 ||
			    hexval((unsigned char)s[i + 2]) < 0) {
				*bad = "broken percent-encoding";
				free(out);
				return NULL;
			}
			int c = hexval((unsigned char)s[i + 1]) * 16 +
				hexval((unsigned char)s[i + 2]);
			if (c == 0) {
				*bad = "a NUL byte (%00)";
				free(out);
				return NULL;
			}
			out[o++] = (char)c;
			i += 2;
		} else {
			out[o++] = s[i];
		}
	}
	out[o] = '\0';
	return out;
}

/* A whole decimal number of parameter name in [min, max]; -1 with the
 * message for the user in err otherwise. */
static int number(const char *name, const char *v, unsigned min,
		  unsigned max, unsigned *out, char *err, size_t errlen)
{
	char *end;
	unsigned long x;

	errno = 0;
	x = isdigit((unsigned char)v[0]) ? strtoul(v, &end, 10) : 0;
	if (!isdigit((unsigned char)v[0]) || *end || errno || x < min ||
	    x > max) {
		snprintf(err, errlen, "%s must be a number from %u to %u", name,
			 min, max);
		return -1;
	}
	*out = (unsigned)x;
	return 0;
}

/* The index in item's list of the value v of parameter name; -1 with the
 * message for the user in err when it is none of them. */
static int one_of(const char *name, const char *v, cli_item_fn item,
		  int *out, char *err, size_t errlen)
{
	const char *w;
	_naqib_buf_t known = NAQIB_BUF_INIT;

	for (size_t n = 0; (w = item(n, NULL)); n++)
		if (!strcmp(v, w)) {
			*out = (int)n;
			return 0;
		}
	snprintf(err, errlen, "%s must be %s", name,
		 cli_list_join(item, " or ", &known));
	_naqib_buf_free(&known);
	return -1;
}

static const char *flag_item(size_t i, const char **description)
{
	static const char *const flags[] = { "0", "1" };

	(void)description;
	return i < 2 ? flags[i] : NULL;
}

int cgi_parse(const char *qs, cgi_params_t *p, char *err, size_t errlen)
{
	static const char *const names[] = { "q",      "page", "offset",
					     "limit",  "format", "sort",
					     "facets", "like" };
	enum { N_NAMES = sizeof names / sizeof *names };
	int seen[N_NAMES] = { 0 }, format = 0;
	int have_page = 0, have_offset = 0, bad_value = 0;
	size_t len = qs ? strlen(qs) : 0;

	memset(p, 0, sizeof *p);
	p->format = out_named(out_web_item(0, NULL), OUT_WEB);
	p->page = 1;
	p->limit = CGI_DEFAULT_LIMIT;
	if (len > CGI_MAX_QUERY_STRING) {
		snprintf(err, errlen, "the request is too long (%zu bytes, at "
			 "most %d)", len, CGI_MAX_QUERY_STRING);
		return -1;
	}
	for (size_t i = 0; i < len;) {
		size_t end = i;
		while (end < len && qs[end] != '&')
			end++;
		const char *eq = memchr(qs + i, '=', end - i);
		size_t nlen = eq ? (size_t)(eq - (qs + i)) : end - i;
		const char *v = eq ? eq + 1 : qs + end;
		size_t vlen = (size_t)(qs + end - v);
		const char *bad;
		int which = -1;
		for (int k = 0; k < N_NAMES; k++)
			if (strlen(names[k]) == nlen &&
			    !memcmp(names[k], qs + i, nlen))
				which = k;
		i = end + 1;
		if (which < 0)
			continue; /* unknown parameters are ignored */
		if (seen[which]++) {
			snprintf(err, errlen, "the parameter '%s' is given more "
				 "than once", names[which]);
			goto fail;
		}
		char *val = decode(v, vlen, &bad);
		if (!val) {
			snprintf(err, errlen, "the parameter '%s' has %s",
				 names[which], bad);
			goto fail;
		}
		size_t bad_at;
		if (naqib_utf8_check(val, strlen(val), &bad_at)) {
			snprintf(err, errlen, "the parameter '%s' is not valid "
				 "UTF-8 (at byte %zu)", names[which], bad_at);
			free(val);
			goto fail;
		}
		switch (which) {
		case 0:
			if (strlen(val) > CGI_MAX_QUERY) {
				snprintf(err, errlen, "the query is too long "
					 "(%zu bytes, at most %d)", strlen(val),
					 CGI_MAX_QUERY);
				free(val);
				goto fail;
			}
			p->q = val;
			continue;
		case 7:
			/* A document id: the documents like it. */
			if (strlen(val) > CGI_MAX_QUERY) {
				snprintf(err, errlen, "the id is too long "
					 "(%zu bytes, at most %d)", strlen(val),
					 CGI_MAX_QUERY);
				free(val);
				goto fail;
			}
			p->like = val;
			continue;
		case 1:
			have_page = 1;
			bad_value = number("page", val, 1, CGI_MAX_PAGE,
					    &p->page, err, errlen);
			break;
		case 2:
			have_offset = 1;
			bad_value = number("offset", val, 0,
					    CGI_MAX_PAGE * CGI_MAX_LIMIT,
					    &p->offset, err, errlen);
			break;
		case 3:
			bad_value = number("limit", val, 1, CGI_MAX_LIMIT,
					    &p->limit, err, errlen);
			break;
		case 4:
			bad_value = one_of("format", val, out_web_item, &format,
					    err, errlen);
			if (!bad_value)
				p->format = out_named(out_web_item((size_t)format,
								   NULL),
						      OUT_WEB);
			break;
		case 5:
			/* In the order of NAQIB_SORT_*. */
			bad_value = one_of("sort", val, naqib_sort_name,
					    &p->sort, err, errlen);
			break;
		case 6:
			bad_value = one_of("facets", val, flag_item,
					    &p->facets, err, errlen);
			break;
		}
		free(val);
		if (bad_value)
			goto fail;
	}
	if (have_page && have_offset) {
		snprintf(err, errlen, "give page or offset, not both");
		goto fail;
	}
	if (!have_offset)
		p->offset = (p->page - 1) * p->limit;
	else
		p->page = p->offset / p->limit + 1;
	if (!p->q && !(p->q = strdup(""))) {
		snprintf(err, errlen, "out of memory");
		goto fail;
	}
	return 0;
fail:
	cgi_params_free(p);
	return -1;
}

naqib_status_t cgi_url_encode(_naqib_buf_t *b, const char *s)
{
	static const char hex[] = "0123456789ABCDEF";
	int st = 0;

	for (; *s && !st; s++) {
		unsigned char c = (unsigned char)*s;
		if (isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
			st = _naqib_buf_addc(b, (char)c);
		} else {
			char e[3] = { '%', hex[c >> 4], hex[c & 15] };
			st = _naqib_buf_add(b, e, 3);
		}
	}
	return st;
}

/* The value of the first "key = value" line of the configuration file
 * ($NAQIB_CONFIG, else SYSCONFDIR/naqib.conf), white space around it
 * dropped; NULL when the file or the line is not there.  Caller frees. */
static char *conf_lookup(const char *key)
{
	const char *conf = getenv("NAQIB_CONFIG");
	size_t klen = strlen(key);
	char line[4096];
	char *found = NULL;

	FILE *f = fopen(conf && *conf ? conf : SYSCONFDIR "/naqib.conf", "r");
	if (!f)
		return NULL;
	while (!found && fgets(line, sizeof line, f)) {
		char *s = line;
		while (isspace((unsigned char)*s))
			s++;
		if (strncmp(s, key, klen) != 0)
			continue;
		s += klen;
		while (isspace((unsigned char)*s))
			s++;
		if (*s++ != '=')
			continue;
		while (isspace((unsigned char)*s))
			s++;
		size_t n = strlen(s);
		while (n && isspace((unsigned char)s[n - 1]))
			s[--n] = '\0';
		if (n)
			found = strdup(s);
	}
	fclose(f);
	return found;
}

char *cgi_db_path(const char *server_set)
{
	const char *env = getenv("NAQIB_DB");

	if (env && *env)
		return strdup(env);
	if (server_set && *server_set)
		return strdup(server_set);
	return conf_lookup("db");
}

/* The settings besides the database, one row each: the key of naqib.conf,
 * the environment variable that wins over it, the bounds of its value and
 * where it goes. */
static const struct setting {
	const char *key, *env;
	double min, max;
	int is_double;
	size_t offset;
} settings[] = {
	{ "time_limit", "NAQIB_TIME_LIMIT", 0, 86400, 1,
	  offsetof(cgi_config_t, time_limit) },
	{ "max_requests", "NAQIB_MAX_REQUESTS", 0, 4000000000.0, 0,
	  offsetof(cgi_config_t, max_requests) },
	{ "max_wildcard_words", "NAQIB_MAX_WILDCARD_WORDS", 1, 10000000, 0,
	  offsetof(cgi_config_t, wildcard_words) },
	{ "max_wildcard_postings", "NAQIB_MAX_WILDCARD_POSTINGS", 1,
	  4000000000.0, 0, offsetof(cgi_config_t, wildcard_postings) },
	{ "rerank_depth", "NAQIB_RERANK_DEPTH", 0, 10000, 0,
	  offsetof(cgi_config_t, rerank_depth) },
};

const char *cgi_setting_env(size_t i)
{
	return i < sizeof settings / sizeof *settings ? settings[i].env : NULL;
}

int cgi_config_load(cgi_config_t *c, char *err, size_t errlen)
{
	*c = (cgi_config_t){ .time_limit = CGI_DEFAULT_TIME_LIMIT,
			     .max_requests = CGI_DEFAULT_MAX_REQUESTS,
			     .wildcard_words = NAQIB_QUERY_WILDCARD_TERMS,
			     .wildcard_postings =
				     NAQIB_QUERY_WILDCARD_POSTINGS,
			     .rerank_depth = NAQIB_DEFAULT_RERANK_DEPTH };
	for (size_t i = 0; i < sizeof settings / sizeof *settings; i++) {
		const struct setting *t = &settings[i];
		const char *env = getenv(t->env);
		char *conf = env && *env ? NULL : conf_lookup(t->key);
		const char *v = env && *env ? env : conf;
		if (!v)
			continue;
		char *end;
		errno = 0;
		double d = strtod(v, &end);
		int bad = errno || end == v || *end || d < t->min ||
			  d > t->max ||
			  (!t->is_double &&
			   d != (double)(unsigned long long)d);
		if (bad)
			snprintf(err, errlen,
				 "%s '%s' (in %s): not a number from %g to %g",
				 t->key, v, env && *env ? t->env : "naqib.conf",
				 t->min, t->max);
		else if (t->is_double)
			*(double *)((char *)c + t->offset) = d;
		else
			*(unsigned long long *)((char *)c + t->offset) =
				(unsigned long long)d;
		free(conf);
		if (bad)
			return -1;
	}
	return 0;
}
