/* bench/query-speed: how long a query takes, phase by phase, over query
 * files of "QID<TAB>query" lines (bench/query-speed and bench/scale run it):
 *
 *   parse     naqib_query_parse()
 *   match     naqib_db_search() for the top 10 with naqib-search's default
 *             options, then naqib_mset_hit() and naqib_record_decode() for
 *             each hit
 *   snippets  naqib_snippet_make() of 200 characters on the body of each
 *             hit, as naqib-search shows them by default
 *
 * The "did you mean" that naqib-search adds when a query has fewer than
 * three hits is not run: it is not one of the three phases.
 *
 * The whole list of queries runs R times (-r, default 3).  The first pass
 * warms the caches and is not counted, unless R is 1.  A query's latency is
 * the median of its counted passes (the mean of the middle two for an even
 * number), so that one disturbance of the machine does not move a query;
 * p50, p90, p99 and max are then taken over the queries (nearest rank), and
 * the mean is that of the medians.  The shares of the phases are of the
 * time of every counted pass of every query.
 *
 * A query that fails (parse or search) is counted under "errors", its
 * message printed once on stderr, and left out of the figures.  A line
 * without a tab is counted the same way.
 *
 * Output: a line naming the database, its number of documents and its
 * stemmers, a line of column names, then one line per file (named by the
 * file's name without ".tsv" and ".queries") and a line "all" over every
 * file:
 *
 *   set  queries  errors  p50  p90  p99  max  mean  parse%  match%  snippets%
 *
 * latencies in milliseconds.  Exit status: 0 the figures were printed (even
 * with errors), 2 usage, 3 a file could not be read, 5 the database could
 * not be opened, 6 out of memory. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "naqib.h"

#define HITS 10
#define SNIPPET_CHARS 200

enum { PARSE, MATCH, SNIPPETS, PHASES };

typedef struct query {
	const char *qid;
	const char *text;
	size_t file;   /* index into the list of files */
	size_t line;
	int failed;    /* failed in some pass, or a malformed line */
	double *secs;  /* [pass * PHASES + phase] */
} query_t;

static naqib_db_t *db;
static naqib_analyzer_t *an;
static naqib_search_options_t opts;
static unsigned snippet_chars = SNIPPET_CHARS; /* -s; 0: none */

static void usage(FILE *f)
{
	fprintf(f, "usage: query-speed -d DB [-r R] [-t SECS] [-s CHARS] [-R] FILE.tsv...\n"
		   "\n"
		   "Times the parse, match (top %d) and snippets (%d characters)\n"
		   "of every QID<TAB>query line of the files, R times (default 3;\n"
		   "the first pass is a warm-up when R > 1), and prints the\n"
		   "latency percentiles and the share of each phase.  With -t,\n"
		   "each match has a time limit of SECS seconds, as naqib.cgi\n"
		   "sets one.  -s sets the snippets' length; -s 0: none.  -R reorders\n"
		   "the first hits with the built-in reranker model.\n",
		HITS, SNIPPET_CHARS);
}

/* Runs one query once, storing the seconds of each phase in secs.  Returns
 * a library status; the work of a failed phase is not timed. */
static int run(const char *text, double secs[PHASES])
{
	naqib_query_t *q = NULL;
	naqib_mset_t *m = NULL;
	naqib_record_t rec[HITS];
	size_t n = 0;
	int st;

	double t0 = cli_now();
	if ((st = naqib_query_parse(db, an, text, &q)))
		return st;
	double t1 = cli_now();
	if ((st = naqib_db_search(db, q, &opts, &m)))
		goto done;
	n = naqib_mset_size(m);
	if (n > HITS)
		n = HITS;
	for (size_t i = 0; i < n; i++) {
		naqib_hit_t hit;
		if ((st = naqib_mset_hit(m, i, &hit)) ||
		    (st = naqib_record_decode(hit.data, hit.data_len, &rec[i])))
			goto done;
	}
	double t2 = cli_now();
	for (size_t i = 0; i < n && snippet_chars; i++) {
		naqib_snippet_t *s;
		if ((st = naqib_snippet_make(an, q, rec[i].body,
					     strlen(rec[i].body),
					     snippet_chars, &s)))
			goto done;
		naqib_snippet_destroy(s);
	}
	double t3 = cli_now();
	secs[PARSE] = t1 - t0;
	secs[MATCH] = t2 - t1;
	secs[SNIPPETS] = t3 - t2;
done:
	naqib_mset_destroy(m);
	naqib_query_destroy(q);
	return st;
}

/* Adds the "QID<TAB>query" lines of data (which the queries point into) to
 * *qs.  Returns 0 or -1 when out of memory. */
static int read_queries(char *data, size_t len, size_t file, const char *path,
			query_t **qs, size_t *nq)
{
	size_t line = 0;

	for (char *at = data, *p; (p = cli_next_line(&at, data + len, &line));) {
		query_t *v = realloc(*qs, (*nq + 1) * sizeof *v);
		if (!v)
			return -1;
		*qs = v;
		query_t *q = &v[(*nq)++];
		memset(q, 0, sizeof *q);
		q->file = file;
		q->line = line;
		char *tab = strchr(p, '\t');
		if (!tab || tab == p) {
			cli_error("%s:%zu: expected QID<TAB>query", path, line);
			q->failed = 1;
			continue;
		}
		*tab = '\0';
		q->qid = p;
		q->text = tab + 1;
	}
	return 0;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return x < y ? -1 : x > y;
}

/* The value at percentile p of the n (> 0) sorted values v, by nearest
 * rank: the smallest value with at least p% of the values at or below it. */
static double pct(const double *v, size_t n, unsigned p)
{
	size_t k = (p * n + 99) / 100;
	return v[k < 1 ? 0 : k - 1];
}

/* Prints the figures of the queries of one file (file (size_t)-1: all). */
static int report(const char *name, const query_t *qs, size_t nq,
		  size_t file, unsigned first, unsigned passes)
{
	unsigned counted = passes - first;
	double *lat = malloc((nq + 1) * sizeof *lat);
	double *one = malloc(counted * sizeof *one);
	double phase[PHASES] = { 0 }, total = 0, sum = 0;
	size_t n = 0, errors = 0;

	if (!lat || !one) {
		free(lat);
		free(one);
		return -1;
	}
	for (size_t i = 0; i < nq; i++) {
		const query_t *q = &qs[i];
		if (file != (size_t)-1 && q->file != file)
			continue;
		if (q->failed) {
			errors++;
			continue;
		}
		for (unsigned p = first; p < passes; p++) {
			const double *s = &q->secs[p * PHASES];
			one[p - first] = s[PARSE] + s[MATCH] + s[SNIPPETS];
			for (int k = 0; k < PHASES; k++)
				phase[k] += s[k];
		}
		qsort(one, counted, sizeof *one, cmp_double);
		lat[n] = counted % 2 ? one[counted / 2]
				     : (one[counted / 2 - 1] + one[counted / 2]) / 2;
		sum += lat[n++];
	}
	for (int k = 0; k < PHASES; k++)
		total += phase[k];
	if (total <= 0)
		total = 1;
	qsort(lat, n, sizeof *lat, cmp_double);
	printf("%-12s %7zu %6zu", name, n + errors, errors);
	if (n)
		printf(" %7.2f %7.2f %7.2f %7.2f %7.2f", 1e3 * pct(lat, n, 50),
		       1e3 * pct(lat, n, 90), 1e3 * pct(lat, n, 99),
		       1e3 * lat[n - 1], 1e3 * sum / (double)n);
	else
		printf(" %7s %7s %7s %7s %7s", "-", "-", "-", "-", "-");
	printf(" %6.1f %6.1f %9.1f\n", 100 * phase[PARSE] / total,
	       100 * phase[MATCH] / total, 100 * phase[SNIPPETS] / total);
	free(lat);
	free(one);
	return 0;
}

/* "../shared/eval/union-dev.queries.tsv" -> "union-dev". */
static void set_name(const char *path, char *out, size_t size)
{
	const char *base = strrchr(path, '/');
	base = base ? base + 1 : path;
	snprintf(out, size, "%s", base);
	size_t l = strlen(out);
	if (l > 4 && !strcmp(out + l - 4, ".tsv"))
		out[l -= 4] = '\0';
	if (l > 8 && !strcmp(out + l - 8, ".queries"))
		out[l - 8] = '\0';
}

int main(int argc, char **argv)
{
	const char *db_path = NULL;
	unsigned passes = 3, docs = 0;
	char **data;
	query_t *qs = NULL;
	size_t nq = 0;
	int c, st, status = EXIT_OK;
	naqib_ranker_t *ranker = NULL;

	cli_prog = "query-speed";
	naqib_search_options_init(&opts);
	while ((c = getopt(argc, argv, ":d:r:t:s:w:Rh")) != -1) {
		switch (c) {
		case 'd':
			db_path = optarg;
			break;
		case 'r':
			if (cli_parse_uint("-r", optarg, 1, 1000, &passes))
				return EXIT_USAGE;
			break;
		case 't':
			if (cli_parse_double("-t", optarg, 0, 86400,
					     &opts.time_limit))
				return EXIT_USAGE;
			break;
		case 's':
			if (cli_parse_uint("-s", optarg, 0, 100000,
					   &snippet_chars))
				return EXIT_USAGE;
			break;
		case 'w':
			/* naqib-search --weighting (to time the default
			 * before, DLH). */
			opts.weighting = optarg;
			break;
		case 'R':
			/* naqib-search --rerank: the built-in model. */
			if (naqib_ranker_open(NULL, &ranker)) {
				cli_error("%s", naqib_last_error());
				return EXIT_INPUT;
			}
			break;
		case 'h':
			usage(stdout);
			return EXIT_OK;
		default:
			return cli_bad_option(argv, c, NULL);
		}
	}
	if (!db_path || optind == argc) {
		usage(stderr);
		return EXIT_USAGE;
	}
	size_t nfiles = (size_t)(argc - optind);
	if (!(data = calloc(nfiles, sizeof *data))) {
		cli_error("out of memory");
		return EXIT_INTERNAL;
	}
	if ((st = naqib_db_open(db_path, NAQIB_DB_READ, &db)) ||
	    (st = naqib_db_analyzer_new(db, &an)) ||
	    (st = naqib_db_doc_count(db, &docs))) {
		cli_error("%s", naqib_last_error());
		status = cli_exit_for(st);
		goto out;
	}
	for (size_t f = 0; f < nfiles; f++) {
		const char *path = argv[optind + (int)f];
		size_t len;
		int err = cli_read_file(path, &data[f], &len);
		if (err) {
			cli_error("cannot read '%s': %s", path, strerror(err));
			status = EXIT_INPUT;
			goto out;
		}
		if (read_queries(data[f], len, f, path, &qs, &nq)) {
			cli_error("out of memory");
			status = EXIT_INTERNAL;
			goto out;
		}
	}
	/* What naqib-search passes when given no option. */
	opts.limit = HITS;
	opts.bm25_k1 = NAQIB_DEFAULT_BM25_K1;
	opts.bm25_b = NAQIB_DEFAULT_BM25_B;
	opts.exact_bonus = NAQIB_DEFAULT_EXACT_BONUS;
	opts.proximity = NAQIB_DEFAULT_PROXIMITY;
	opts.ranker = ranker;

	for (size_t i = 0; i < nq; i++)
		if (!(qs[i].secs = calloc((size_t)passes * PHASES,
					  sizeof *qs[i].secs))) {
			cli_error("out of memory");
			status = EXIT_INTERNAL;
			goto out;
		}
	for (unsigned p = 0; p < passes; p++)
		for (size_t i = 0; i < nq; i++) {
			query_t *q = &qs[i];
			if (q->failed)
				continue;
			if ((st = run(q->text, &q->secs[p * PHASES]))) {
				cli_error("%s:%zu: %s: %s",
					  argv[optind + (int)q->file], q->line,
					  q->qid, naqib_last_error());
				q->failed = 1;
			}
		}

	unsigned first = passes > 1;
	printf("query-speed: %s, %u documents (stemmers %s, %s), %u pass%s%s, "
	       "top %d with %d-character snippets; median per query, ms\n",
	       db_path, docs, naqib_analyzer_stemmer(an),
	       naqib_analyzer_latin_stemmer(an), passes - first,
	       passes - first > 1 ? "es" : "", first ? " after a warm-up" : "",
	       HITS, snippet_chars);
	printf("%-12s %7s %6s %7s %7s %7s %7s %7s %6s %6s %9s\n", "set",
	       "queries", "errors", "p50", "p90", "p99", "max", "mean",
	       "parse%", "match%", "snippets%");
	for (size_t f = 0; f < nfiles; f++) {
		char name[64];
		set_name(argv[optind + (int)f], name, sizeof name);
		if (report(name, qs, nq, f, first, passes))
			goto nomem;
	}
	if (report("all", qs, nq, (size_t)-1, first, passes))
		goto nomem;
	if (fflush(stdout) != 0) {
		cli_error("cannot write the figures");
		status = EXIT_INTERNAL;
	}
	goto out;
nomem:
	cli_error("out of memory");
	status = EXIT_INTERNAL;
out:
	for (size_t i = 0; i < nq; i++)
		free(qs[i].secs);
	free(qs);
	for (size_t f = 0; f < nfiles; f++)
		free(data[f]);
	free(data);
	naqib_analyzer_destroy(an);
	naqib_db_close(db);
	naqib_ranker_destroy(ranker);
	return status;
}
