/* naqib-search: ranked search of a naqib database from the command line.
 *
 * The query is analysed with the settings the database was indexed with
 * (read from the database itself), so that query words and indexed words
 * always agree.  One query from the arguments, or many from a file with
 * --queries (QID<TAB>query a line) answered in one process. */
#include <errno.h>
#include <getopt.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "bidi.h"
#include "cli.h"
#include "internal.h"
#include "list.h"
#include "naqib.h"
#include "outputs/outputs.h"
#include "search.h"

/* --db given several times. */
#define MAX_DBS 64

typedef struct searcher {
	naqib_db_t *db;
	naqib_analyzer_t *an;
	const out_format_t *format;
	naqib_query_options_t qopts;
	naqib_search_options_t opts;
	unsigned snippet_chars;
	int color, show_query, explain;
	const char *tag;
	cli_bidi_t bidi;
	int batch;		/* --queries */
	unsigned results;	/* queries answered so far */
	int collapse;		/* --collapse: COLLAPSE_* */
	FILE *features;		/* --features: the LETOR lines go there */
} searcher_t;

/* --collapse WHEN, in the order of collapse_item(). */
enum { COLLAPSE_AUTO, COLLAPSE_ALWAYS, COLLAPSE_NEVER };

static const char *collapse_item(size_t i, const char **description)
{
	static const cli_choice_t whens[] = {
		{ "auto", "in every format but trec (the default): a run "
			  "is judged document by document" },
		{ "always", "in every format" },
		{ "never", "every copy is a hit of its own" },
	};

	return CLI_CHOICE(whens, i, description);
}

static const char *color_item(size_t i, const char **description)
{
	static const cli_choice_t whens[] = {
		{ "auto", "on a terminal, unless $NO_COLOR is set (the "
			  "default)" },
		{ "always", "even in a pipe or a file" },
		{ "never", "matches between ** markers instead" },
	};

	return CLI_CHOICE(whens, i, description);
}

/* The fields of queries: union, place, ... with their Arabic names. */
static const char *field_item(size_t i, const char **description)
{
	static _Thread_local char line[256];
	naqib_field_info_t f;

	if (naqib_field_info(i, &f))
		return NULL;
	if (description) {
		size_t n = (size_t)snprintf(line, sizeof line, "%s", f.help);
		for (const char *const *a = f.arabic; *a && n < sizeof line; a++)
			n += (size_t)snprintf(line + n, sizeof line - n, "%s%s:",
					      a == f.arabic ? " (also " : ", ", *a);
		if (f.arabic[0] && n < sizeof line)
			snprintf(line + n, sizeof line - n, ")");
		*description = line;
	}
	return f.name;
}

/* --list unions, places and terms: the entries of the thesaurus of the
 * database, which list_thesaurus() opens before they are printed. */
static const naqib_thesaurus_t *list_th;
static _naqib_buf_t list_names = NAQIB_BUF_INIT;
static size_t list_entry; /* the entry thes_item() gave last */

/* The canonical name of the i-th entry of kind, and its other names
 * joined by " | ", as a thesaurus file writes them: a comma is in some
 * names, a bar in none. */
static const char *thes_item(int kind, size_t i, const char **description)
{
	naqib_thes_entry_t e;
	size_t k = 0;

	for (size_t n = 0; list_th && n < naqib_thesaurus_size(list_th); n++) {
		if (naqib_thesaurus_entry(list_th, n, &e) || e.kind != kind ||
		    k++ != i)
			continue;
		list_entry = n;
		if (description) {
			const char *name;
			_naqib_buf_reset(&list_names);
			for (size_t j = 1;
			     (name = naqib_thesaurus_name(list_th, n, j)); j++)
				_naqib_buf_printf(&list_names, "%s%s",
						  j > 1 ? " | " : "", name);
			*description = list_names.data;
		}
		return e.name;
	}
	return NULL;
}

static const char *union_item(size_t i, const char **description)
{
	return thes_item(NAQIB_THES_UNION, i, description);
}

static const char *place_item(size_t i, const char **description)
{
	return thes_item(NAQIB_THES_PLACE, i, description);
}

static const char *term_item(size_t i, const char **description)
{
	return thes_item(NAQIB_THES_TERM, i, description);
}

static const cli_list_t lists[] = {
	{ "format", out_cli_item },
	{ "weighting", naqib_weighting_name },
	{ "features", naqib_feature_name },
	{ "sort", naqib_sort_name },
	{ "color", color_item },
	{ "collapse", collapse_item },
	{ "bidi", cli_bidi_item },
	{ "field", field_item },
	{ "unions", union_item },
	{ "places", place_item },
	{ "terms", term_item },
	{ NULL, NULL },
};

/* Whether list is one of the thesaurus's. */
static int thesaurus_list(const char *list)
{
	return !strcmp(list, "unions") || !strcmp(list, "places") ||
	       !strcmp(list, "terms");
}

static void usage(FILE *f)
{
	_naqib_buf_t b = NAQIB_BUF_INIT;

	fprintf(f, "usage: naqib-search [options] QUERY...\n"
	      "       naqib-search [options] --queries FILE\n"
	      "\n"
	      "Searches a naqib database.  Free text is ranked (InL2, reranked); the\n"
	      "Xapian syntax works too: AND OR NOT, \"phrase\" (any form of its\n"
	      "words), =\"phrase\" and =word (as written), NEAR, word*.\n"
	      "Filters: union:CDT place:الرباط year:2021 date:2021-01-01..2021-06-30\n"
	      "mentions:2025-10-14 source:NAME, or -union:... to exclude; with OR\n"
	      "and AND like words.  title:WORD searches the titles.\n"
	      "\n"
	      "  -d, --db DIR            the database (default: $NAQIB_DB, else ./naqib.db);\n"
	      "                          a stub file of shards, or several --db: searched\n"
	      "                          as one\n"
	      "  -n, --limit N           show N hits (default: 10)\n"
	      "      --offset N          skip the first N hits (default: 0)\n");
	cli_help(f, "-f, --format FORMAT", "%s (default: %s)",
		 cli_list_join(out_cli_item, " or ", &b), out_cli_item(0, NULL));
	fprintf(f,
	      "      --queries FILE      run each QID<TAB>query line of FILE (- for stdin)\n"
	      "      --qid ID            the id of a single query in TREC and JSON output\n"
	      "                          (default: 1 in TREC output, none in JSON)\n"
	      "      --run-tag TAG       the last column of TREC output (default: naqib)\n"
	      "      --snippet-length N  snippets of about N characters; 0: none\n"
	      "                          (default: 200)\n"
	      "      --color WHEN        highlight with colours: auto, always, never\n"
	      "                          (default: auto; NO_COLOR turns auto off)\n"
	      "      --bidi MODE         text output in auto, logical or visual order\n"
	      "                          (default: auto: $NAQIB_BIDI on a terminal, else\n"
	      "                          logical)\n"
	      "      --shape             with visual order, join Arabic letters\n"
	      "                          (presentation forms)\n");
	cli_help(f, "    --weighting NAME", "the ranking: %s (default: %s)",
		 cli_list_join(naqib_weighting_name, " or ", &b),
		 NAQIB_DEFAULT_WEIGHTING);
	fprintf(f,
	      "      --rerank[=FILE]     reorder the first hits with a learned model\n"
	      "                          (default: on, the built-in one)\n"
	      "      --no-rerank         the first ranking's order\n"
	      "      --rerank-depth N    how many first hits it reorders (default: %u)\n"
	      "      --features FILE     write the features of each hit to FILE, a line\n"
	      "                          each: 0 qid:QID 1:V 2:V ... # ID (SVMlight)\n",
	      NAQIB_DEFAULT_RERANK_DEPTH);
	fprintf(f,
	      "      --bm25-k1 K         BM25 term frequency saturation (default: %g)\n"
	      "      --bm25-b B          BM25 length normalization, 0 to 1 (default: %g)\n"
	      "      --exact-bonus W     weight of a word found as written, beside its\n"
	      "                          stem; 0: none (default: %g)\n"
	      "      --proximity W       weight of two query words found next to each\n"
	      "                          other; 0: none (default: %g)\n"
	      "      --prf N             pseudo-relevance feedback: the best terms of the\n"
	      "                          first N hits rank the matches again (default: 0,\n"
	      "                          none)\n"
	      "      --prf-terms M       how many terms --prf adds (default: %u)\n"
	      "      --prf-weight W      their weight, a factor (default: %g)\n"
	      "      --like ID           the documents most like document ID (as a hit\n"
	      "                          shows it), itself left out; a QUERY then only\n"
	      "                          selects (filters, words)\n"
	      "      --like-terms N      how many of its terms --like takes (default: %u)\n"
	      "      --collapse WHEN     copies of one text (the same words) as one hit\n"
	      "                          with their ids: auto (every format but trec),\n"
	      "                          always or never (default: auto)\n"
	      "      --no-collapse       the same as --collapse never\n"
	      "      --sort ORDER        relevance, newest or oldest (default: relevance)\n"
	      "      --facets[=N]        count the N most frequent unions, places, years\n"
	      "                          and sources of all matches (default N: 10)\n"
	      "      --explain           show which form of each query word matched, and\n"
	      "                          how: normalization, stem, thesaurus, date\n"
	      "      --max-wildcard-words N\n"
	      "                          the words all the wildcards of a query stand for\n"
	      "                          together, at most (default: %u)\n"
	      "      --max-wildcard-postings N\n"
	      "                          the documents these words are in, counted word by\n"
	      "                          word, at most (default: %llu)\n"
	      "      --time-limit SECS   stop the match after SECS seconds: the hits are\n"
	      "                          the best it found by then (default: 0, none)\n"
	      "      --show-query        print the parsed query on stderr\n"
	      "      --list NAME         the values of an option (format, weighting,\n"
	      "                          sort, color, collapse, bidi), the query fields\n"
	      "                          (field),\n"
	      "                          or the unions, places or terms of the\n"
	      "                          database's thesaurus (unions, places, terms),\n"
	      "                          one a line; -f json: as JSON\n"
	      "  -h, --help              this help\n"
	      "      --version           the version\n",
	      NAQIB_DEFAULT_BM25_K1, NAQIB_DEFAULT_BM25_B,
	      NAQIB_DEFAULT_EXACT_BONUS, NAQIB_DEFAULT_PROXIMITY,
	      NAQIB_DEFAULT_PRF_TERMS, NAQIB_DEFAULT_PRF_WEIGHT,
	      NAQIB_DEFAULT_LIKE_TERMS, NAQIB_QUERY_WILDCARD_TERMS,
	      (unsigned long long)NAQIB_QUERY_WILDCARD_POSTINGS);
	_naqib_buf_free(&b);
}

/* --features: a line for each hit of r, "0 qid:QID 1:V ... # ID" (the
 * label is for the training script to set from its judgements).  Nine
 * digits give each float back exactly: a tree's thresholds are values of
 * its training data, which must be what the search computes. */
static int write_features(searcher_t *s, const char *qid,
			  const search_result_t *r)
{
	for (size_t i = 0; i < r->out.n; i++) {
		const float *v;
		int st = naqib_mset_features(r->mset, i, &v);
		if (st)
			return st;
		fprintf(s->features, "0 qid:%s", qid ? qid : "1");
		for (size_t k = 0; k < naqib_feature_count(); k++)
			fprintf(s->features, " %zu:%.9g", k + 1, v[k]);
		fprintf(s->features, " # %s\n", r->out.hits[i].rec.id);
	}
	return ferror(s->features)
		       ? _naqib_fail(NAQIB_E_IO, "cannot write the features")
		       : NAQIB_OK;
}

/* Runs one query and prints its results.  Returns the number of hits
 * (>= 0) or a negative library status. */
static long run_query(searcher_t *s, const char *qid, const char *text)
{
	/* The search computes what the format shows (a TREC run is ranks
	 * only: no snippets, facets or explanations). */
	unsigned shows = s->format->flags;
	search_request_t req = {
		.query = text,
		.qid = qid,
		.qopts = s->qopts,
		.opts = s->opts,
		.snippet_chars = shows & OUT_SNIPPETS ? s->snippet_chars : 0,
		.show_query = s->show_query,
		.explain = (shows & OUT_EXPLAIN) && s->explain,
		.suggest = (shows & OUT_SUGGEST) != 0,
		.notes = 1,
	};
	if (!(shows & OUT_FACETS))
		req.opts.facets = 0;
	req.opts.collapse =
		s->collapse == COLLAPSE_ALWAYS ||
		(s->collapse == COLLAPSE_AUTO && s->format != out_named("trec",
									 OUT_CLI));
	search_result_t r;
	naqib_status_t st = search_run(s->db, s->an, &req, &r);

	if (st)
		return -(long)st;
	out_page_t page = {
		.result = &r.out,
		.query = text,
		.color = s->color,
		.tag = s->tag,
		.first = s->results++ == 0,
		.batch = s->batch,
	};
	_naqib_buf_t b = NAQIB_BUF_INIT;
	if (s->features)
		st = write_features(s, qid, &r);
	if (!st && !(st = s->format->render(&b, &page))) {
		/* Text for a terminal is reordered line by line once
		 * written, when asked: the colours stay on their words (see
		 * cli/bidi.c). */
		if (s->format == out_named("text", OUT_CLI))
			st = cli_bidi_write(&s->bidi, stdout, b.data, b.len);
		else
			fwrite(b.data, 1, b.len, stdout);
	}
	_naqib_buf_free(&b);
	long n = (long)r.out.n;
	search_result_free(&r);
	return st ? -(long)st : n;
}

/* Batch mode: every "QID<TAB>query" line of path. */
static int run_batch(searcher_t *s, const char *path)
{
	char *data;
	size_t len;
	int err = cli_read_file(path, &data, &len);
	int failed = 0, answered = 0;

	if (err) {
		cli_error("cannot read '%s': %s", path, strerror(err));
		return EXIT_INPUT;
	}
	size_t line = 0;
	for (char *at = data, *p; (p = cli_next_line(&at, data + len, &line));) {
		char *tab = strchr(p, '\t');
		if (!tab || tab == p) {
			cli_error("%s:%zu: expected QID<TAB>query", path, line);
			if (failed < EXIT_INPUT)
				failed = EXIT_INPUT;
			continue;
		}
		*tab = '\0';
		long r = run_query(s, p, tab + 1);
		if (r < 0) {
			/* Reported, and the batch goes on: the exit status is
			 * that of the gravest failure. */
			int st = cli_exit_for((int)-r);
			cli_error("%s:%zu: query %s: %s", path, line, p,
				  naqib_last_error());
			if (failed < st)
				failed = st;
		} else if (r > 0) {
			answered = 1;
		}
	}
	fflush(stdout);
	free(data);
	return failed ? failed : answered ? EXIT_OK : EXIT_NO_MATCH;
}

/* One query made of the words of the command line; its exit status. */
static int run_words(searcher_t *s, const char *qid, char **words, int n)
{
	char *text = cli_join_args(words, n);
	int status;

	if (!text) {
		cli_error("out of memory");
		return EXIT_INTERNAL;
	}
	long r = run_query(s, qid, text);
	if (r < 0) {
		cli_error("%s", naqib_last_error());
		status = cli_exit_for((int)-r);
	} else {
		status = r > 0 ? EXIT_OK : EXIT_NO_MATCH;
	}
	free(text);
	return status;
}

/* What the command line gives besides the search's own settings. */
typedef struct args {
	const char *db_opt[MAX_DBS]; /* --db, as many as given */
	int n_db;
	const char *queries, *qid, *color;
	int bidi, shape;
	const char *list; /* --list */
	int rerank;       /* 1 unless --no-rerank */
	const char *model; /* --rerank=FILE */
	const char *features; /* --features FILE */
} args_t;

/* The long options, for getopt_long() and the messages of bad ones. */
static const struct option longopts[] = {
	{ "db", required_argument, NULL, 'd' },
	{ "limit", required_argument, NULL, 'n' },
	{ "offset", required_argument, NULL, 'o' },
	{ "format", required_argument, NULL, 'f' },
	{ "queries", required_argument, NULL, 'Q' },
	{ "qid", required_argument, NULL, 'I' },
	{ "run-tag", required_argument, NULL, 'T' },
	{ "snippet-length", required_argument, NULL, 'S' },
	{ "color", required_argument, NULL, 'C' },
	{ "show-query", no_argument, NULL, 'P' },
	{ "bm25-k1", required_argument, NULL, 'K' },
	{ "bm25-b", required_argument, NULL, 'B' },
	{ "weighting", required_argument, NULL, 'W' },
	{ "rerank", optional_argument, NULL, 'R' },
	{ "rerank-depth", required_argument, NULL, 'D' },
	{ "no-rerank", no_argument, NULL, 'z' },
	{ "features", required_argument, NULL, 'F' },
	{ "exact-bonus", required_argument, NULL, 'X' },
	{ "proximity", required_argument, NULL, 'N' },
	{ "prf", required_argument, NULL, 'Y' },
	{ "prf-terms", required_argument, NULL, 'r' },
	{ "prf-weight", required_argument, NULL, 'G' },
	{ "like", required_argument, NULL, 'l' },
	{ "like-terms", required_argument, NULL, 'k' },
	{ "collapse", required_argument, NULL, 'c' },
	{ "no-collapse", no_argument, NULL, 'x' },
	{ "sort", required_argument, NULL, 'O' },
	{ "facets", optional_argument, NULL, 'A' },
	{ "explain", no_argument, NULL, 'E' },
	{ "max-wildcard-words", required_argument, NULL, 'w' },
	{ "max-wildcard-postings", required_argument, NULL, 'p' },
	{ "time-limit", required_argument, NULL, 't' },
	{ "bidi", required_argument, NULL, 'b' },
	{ "shape", no_argument, NULL, 's' },
	{ "list", required_argument, NULL, 'L' },
	{ "help", no_argument, NULL, 'h' },
	{ "version", no_argument, NULL, 'V' },
	{ NULL, 0, NULL, 0 },
};

/* Takes option c (getopt_long's, its value in optarg) into s or o.
 * Returns -1 to go on, or the exit status to end with. */
static int option(searcher_t *s, args_t *o, int c, char **argv)
{
	switch (c) {
	case 'd':
		if (o->n_db == MAX_DBS) {
			cli_error("--db: at most %d databases", MAX_DBS);
			return EXIT_USAGE;
		}
		o->db_opt[o->n_db++] = optarg;
		break;
	case 'n':
		if (cli_parse_uint("--limit", optarg, 1, 10000,
				   &s->opts.limit))
			return EXIT_USAGE;
		break;
	case 'o':
		if (cli_parse_uint("--offset", optarg, 0, 1000000,
				   &s->opts.offset))
			return EXIT_USAGE;
		break;
	case 'f':
		if (cli_list_find(out_cli_item, optarg, "--format",
				  "format") < 0)
			return EXIT_USAGE;
		s->format = out_named(optarg, OUT_CLI);
		break;
	case 'Q':
		o->queries = optarg;
		break;
	case 'I':
		o->qid = optarg;
		break;
	case 'T':
		s->tag = optarg;
		break;
	case 'S':
		if (cli_parse_uint("--snippet-length", optarg, 0, 100000,
				   &s->snippet_chars))
			return EXIT_USAGE;
		break;
	case 'C':
		if (cli_list_find(color_item, optarg, "--color",
				  "value") < 0)
			return EXIT_USAGE;
		o->color = optarg;
		break;
	case 'P':
		s->show_query = 1;
		break;
	case 'K':
		if (cli_parse_double("--bm25-k1", optarg, 0.001, 1000,
				     &s->opts.bm25_k1))
			return EXIT_USAGE;
		break;
	case 'B':
		if (cli_parse_double("--bm25-b", optarg, 0, 1, &s->opts.bm25_b))
			return EXIT_USAGE;
		break;
	case 'W': {
		int w = cli_list_find(naqib_weighting_name, optarg,
				      "--weighting", "scheme");
		if (w < 0)
			return EXIT_USAGE;
		s->opts.weighting = naqib_weighting_name((size_t)w, NULL);
		break;
	}
	case 'R':
		o->rerank = 1;
		o->model = optarg;
		break;
	case 'z':
		o->rerank = 0;
		break;
	case 'D':
		if (cli_parse_uint("--rerank-depth", optarg, 1, 10000,
				   &s->opts.rerank_depth))
			return EXIT_USAGE;
		break;
	case 'F':
		o->features = optarg;
		break;
	case 'X':
		if (cli_parse_double("--exact-bonus", optarg, 0, 100,
				     &s->opts.exact_bonus))
			return EXIT_USAGE;
		break;
	case 'N':
		if (cli_parse_double("--proximity", optarg, 0, 100,
				     &s->opts.proximity))
			return EXIT_USAGE;
		break;
	case 'Y':
		if (cli_parse_uint("--prf", optarg, 0, 1000, &s->opts.prf))
			return EXIT_USAGE;
		break;
	case 'r':
		if (cli_parse_uint("--prf-terms", optarg, 1, 1000,
				   &s->opts.prf_terms))
			return EXIT_USAGE;
		break;
	case 'G':
		if (cli_parse_double("--prf-weight", optarg, 0.001, 100,
				     &s->opts.prf_weight))
			return EXIT_USAGE;
		break;
	case 'l':
		s->opts.like = optarg;
		break;
	case 'k':
		if (cli_parse_uint("--like-terms", optarg, 1, 1000,
				   &s->opts.like_terms))
			return EXIT_USAGE;
		break;
	case 'c':
		if ((s->collapse = cli_list_find(collapse_item, optarg,
						 "--collapse", "value")) < 0)
			return EXIT_USAGE;
		break;
	case 'x':
		s->collapse = COLLAPSE_NEVER;
		break;
	case 'O':
		if ((s->opts.sort = cli_list_find(naqib_sort_name, optarg,
						 "--sort", "order")) < 0)
			return EXIT_USAGE;
		break;
	case 'A':
		s->opts.facets = 10;
		if (optarg && cli_parse_uint("--facets", optarg, 1, 1000,
					     &s->opts.facets))
			return EXIT_USAGE;
		break;
	case 'E':
		s->explain = 1;
		break;
	case 'w':
		if (cli_parse_uint("--max-wildcard-words", optarg, 1, 10000000,
				   &s->qopts.wildcard_terms))
			return EXIT_USAGE;
		break;
	case 't':
		if (cli_parse_double("--time-limit", optarg, 0, 86400,
				     &s->opts.time_limit))
			return EXIT_USAGE;
		break;
	case 'p': {
		unsigned n;
		if (cli_parse_uint("--max-wildcard-postings", optarg, 1,
				   4000000000u, &n))
			return EXIT_USAGE;
		s->qopts.wildcard_postings = n;
		break;
	}
	case 'b':
		if (cli_bidi_parse(optarg, &o->bidi))
			return EXIT_USAGE;
		break;
	case 's':
		o->shape = 1;
		break;
	case 'L':
		/* Printed once every option is read: the thesaurus's lists
		 * are those of the database, which -d may give after. */
		o->list = optarg;
		break;
	case 'h':
		usage(stdout);
		return EXIT_OK;
	case 'V':
		printf("naqib-search %s\n", NAQIB_VERSION);
		return EXIT_OK;
	default:
		return cli_bad_option(argv, c, longopts);
	}
	return -1;
}

/* Opens the databases of o into s, with their analyser; the exit status
 * (reported) on failure. */
static int open_db(searcher_t *s, const args_t *o)
{
	int st = naqib_db_open(cli_db_path(o->db_opt[0]), NAQIB_DB_READ, &s->db);

	for (int i = 1; i < o->n_db && !st; i++)
		st = naqib_db_add(s->db, o->db_opt[i]);
	if (st || (st = naqib_db_analyzer_new(s->db, &s->an))) {
		cli_error("%s", naqib_last_error());
		naqib_db_close(s->db);
		s->db = NULL;
		return cli_exit_for(st);
	}
	return EXIT_OK;
}

/* A list as JSON, one array on a line: {"name", "names": [the others]}
 * an entry of the thesaurus, {"name", "description"} a value. */
static int print_json_list(cli_item_fn item, int thesaurus)
{
	json_t *a = json_array();
	const char *name, *d;
	int err = !a;

	for (size_t i = 0; !err && (d = NULL, name = item(i, &d)); i++) {
		json_t *o = json_object();
		err |= !o || json_array_append_new(a, o) ||
		       json_object_set_new(o, "name", json_string(name));
		if (err || !thesaurus) {
			err |= json_object_set_new(o, "description",
						   json_string(d ? d : ""));
			continue;
		}
		json_t *names = json_array();
		const char *other;
		err |= !names || json_object_set_new(o, "names", names);
		for (size_t j = 1; !err && (other = naqib_thesaurus_name(
						    list_th, list_entry, j));
		     j++)
			err |= json_array_append_new(names, json_string(other));
	}
	char *s = err ? NULL : json_dumps(a, JSON_COMPACT);
	json_decref(a);
	if (!s) {
		cli_error("out of memory");
		return EXIT_INTERNAL;
	}
	puts(s);
	free(s);
	return EXIT_OK;
}

/* --list NAME: the list, as lines or (-f json) JSON; those of the
 * thesaurus from the database's, as a search would open it. */
static int print_list(searcher_t *s, const args_t *o)
{
	const cli_list_t *l = lists;
	int st, thesaurus = thesaurus_list(o->list);

	while (l->name && strcmp(l->name, o->list))
		l++;
	if (!l->name)
		return cli_list_print(lists, o->list, stdout);
	if (thesaurus) {
		if ((st = open_db(s, o)))
			return st;
		list_th = naqib_analyzer_thesaurus(s->an);
	}
	if (s->format == out_named("json", OUT_CLI))
		st = print_json_list(l->item, thesaurus);
	else
		st = cli_list_print(lists, o->list, stdout);
	if (fflush(stdout) != 0 && st == EXIT_OK) {
		cli_error("cannot write the list");
		st = EXIT_INTERNAL;
	}
	_naqib_buf_free(&list_names);
	list_th = NULL;
	naqib_analyzer_destroy(s->an);
	naqib_db_close(s->db);
	return st;
}

int main(int argc, char **argv)
{
	searcher_t s;
	args_t o = { { NULL }, 0, NULL, NULL, "auto", CLI_BIDI_AUTO, 0, NULL, 1, NULL, NULL };
	int c, st, status;

	cli_prog = "naqib-search";
	memset(&s, 0, sizeof s);
	naqib_query_options_init(&s.qopts);
	naqib_search_options_init(&s.opts);
	s.format = out_named(out_cli_item(0, NULL), OUT_CLI);
	s.snippet_chars = 200;
	s.tag = "naqib";
	while ((c = getopt_long(argc, argv, ":d:n:f:h", longopts, NULL)) != -1)
		if ((st = option(&s, &o, c, argv)) >= 0)
			return st;
	if (o.list)
		return print_list(&s, &o);
	if (o.queries && optind < argc) {
		cli_error("give a query or --queries, not both");
		return EXIT_USAGE;
	}
	if (!o.queries && optind == argc && !s.opts.like) {
		cli_error("no query given (see --help)");
		return EXIT_USAGE;
	}
	cli_bidi_setup(o.bidi, o.shape, &s.bidi);
	const char *no_color = getenv("NO_COLOR");
	s.color = !strcmp(o.color, "always") ||
		  (!strcmp(o.color, "auto") && isatty(1) &&
		   !(no_color && *no_color));

	naqib_ranker_t *ranker = NULL;
	if (o.rerank && naqib_ranker_open(o.model, &ranker)) {
		cli_error("%s", naqib_last_error());
		return EXIT_INPUT;
	}
	s.opts.ranker = ranker;
	if (o.features) {
		s.opts.features = 1;
		if (!(s.features = fopen(o.features, "w"))) {
			cli_error("cannot open '%s': %s", o.features,
				  strerror(errno));
			naqib_ranker_destroy(ranker);
			return EXIT_INPUT;
		}
	}
	if ((st = open_db(&s, &o))) {
		naqib_ranker_destroy(ranker);
		if (s.features)
			fclose(s.features);
		return st;
	}

	status = o.queries ? (s.batch = 1, run_batch(&s, o.queries))
			 : run_words(&s, o.qid, argv + optind, argc - optind);
	if (fflush(stdout) != 0 && status == EXIT_OK) {
		cli_error("cannot write the results");
		status = EXIT_INTERNAL;
	}
	if (s.features && fclose(s.features) != 0 && status == EXIT_OK) {
		cli_error("cannot write '%s'", o.features);
		status = EXIT_INTERNAL;
	}
	naqib_ranker_destroy(ranker);
	naqib_analyzer_destroy(s.an);
	naqib_db_close(s.db);
	return status;
}
