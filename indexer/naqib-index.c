/* naqib-index: reads text, JSON Lines and TREC files into a naqib database.
 *
 * Every document goes through the analysis pipeline (normalization, words,
 * stems) and is written under its id, replacing any document with the same
 * id, so that indexing again is harmless.  Files that did not change since
 * the last run (same size and modification time) are skipped.  Changes are
 * committed every --batch documents and at the end: a run that is killed
 * loses at most the current batch, and running again completes the job.
 *
 * A sharded database (--shards N) is a directory of N databases and a Xapian
 * stub file that lists them.  Each shard has a writer thread of its own,
 * with its own analyser: the main thread reads the files and hands each
 * document to the shard its id hashes to, so that N shards index on N
 * cores. */
#include <errno.h>
#include <getopt.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"
#include "indexer.h"
#include "list.h"
#include "progress.h"
#include "util/util.h"
#include "walk.h"

/* A first SIGINT or SIGTERM asks the run to stop: the reader, and the
 * analysis of a long text, see it within moments, and what is indexed is
 * committed (index_paths()).  A second one leaves at once: the database
 * stays as its last commit left it, as after SIGKILL. */
static volatile sig_atomic_t progress_shown;	/* a progress line to clear */

static void on_signal(int sig)
{
	static const char clear[] = "\r\033[K";
	static const char again[] = "naqib-index: interrupted again: leaving "
		"at once; the database stays as its last commit left it\n";

	if (ingest_interrupted) {
		ssize_t w = progress_shown
			? write(STDERR_FILENO, clear, sizeof clear - 1) : 0;
		w = write(STDERR_FILENO, again, sizeof again - 1);
		(void)w;
		_exit(128 + sig);
	}
	ingest_interrupted = sig;
}

static const cli_list_t lists[] = {
	{ "format", fmt_item },
	{ "stemmer", cli_stemmer_item },
	{ "latin-stemmer", cli_latin_stemmer_item },
	{ NULL, NULL },
};

static void usage(FILE *f)
{
	_naqib_buf_t b = NAQIB_BUF_INIT;

	fprintf(f,
		"usage: naqib-index [options] PATH...\n"
		"       naqib-index --delete [options] ID...\n"
		"\n"
		"Indexes text, JSON Lines, TREC, PDF, Word, OpenDocument, HTML, e-mail\n"
		"and image files, and directories of them, into a naqib database\n"
		"(--list format names them).\n"
		"\n"
		"  -d, --db DIR            the database (default: $NAQIB_DB, else ./naqib.db)\n");
	cli_help(f, "-f, --format FORMAT", "%s (default: auto)",
		 cli_list_join(fmt_item, " or ", &b));
	fprintf(f,
		"      --root DIR          ids of files are their paths relative to DIR\n"
		"                          (default: the database's, which its first run\n"
		"                          records: --root, else the current directory)\n"
		"      --encoding NAME     the encoding of texts that are not UTF-8\n"
		"                          (default: detected; windows-1256, iso-8859-6,\n"
		"                          utf-16le, ...)\n"
		"      --ocr               read the text of images and of PDF pages\n"
		"                          without one by OCR (slow; off by default)\n"
		"      --ocr-lang LANGS    OCR's languages, Tesseract's names joined by +\n"
		"                          (default: ara+fra)\n"
		"      --extract           print the documents read from the paths as\n"
		"                          JSON Lines, and index nothing\n");
	cli_help(f, "-s, --stemmer NAME", "Arabic stemmer of a new database: %s "
		 "(default: %s)", cli_list_join(cli_stemmer_item, " or ", &b),
		 NAQIB_DEFAULT_STEMMER);
	fprintf(f,
		"      --latin-stemmer L   Latin-script words: a Snowball language (french,\n"
		"                          english, ...) or none (default: %s)\n"
		"      --force             read files again even if they did not change\n"
		"      --batch N           commit every N documents (default: %d)\n"
		"      --read-block N      read JSON Lines and TREC files N bytes at a\n"
		"                          time (default: %uM)\n"
		"      --max-doc-size N    index at most the first N bytes of a document's\n"
		"                          text (default: %uM)\n"
		"      --max-file-size N   leave out PDF, Office, e-mail and image files\n"
		"                          larger than N bytes (default: %uM)\n"
		"      --worker-memory MB  the memory of the process that reads such a\n"
		"                          file (default: %u; 0: no limit)\n"
		"      --worker-time S     its CPU time a file (default: %u s, %u with\n"
		"                          --ocr; 0: no limit)\n"
		"      --lead-words N      the first N words of a body count three times\n"
		"                          in the ranking, as the title does (default: %d)\n"
		"      --thesaurus FILE    more unions, places and terms, added to the\n"
		"                          built-in thesaurus (repeatable; see naqib(7))\n"
		"      --delete            the arguments are ids of documents to delete\n"
		"      --shards N          a new database as N shards, indexed in\n"
		"                          parallel (1 to 64; default: 1)\n"
		"      --compact DEST      write the database (all its shards) as one\n"
		"                          compact database DEST, then stop\n"
		"  -q, --quiet             no progress and no summary\n"
		"  -v, --verbose           name every file and what became of it\n"
		"      --summary-format F  text (default) or json: the summary as one JSON\n"
		"                          object on standard output\n"
		"      --list NAME         the values of an option (format, stemmer,\n"
		"                          latin-stemmer), one a line\n"
		"  -h, --help              this help\n"
		"      --version           the version\n",
		NAQIB_DEFAULT_LATIN_STEMMER, DEFAULT_BATCH,
		DEFAULT_READ_BLOCK >> 20, DEFAULT_MAX_DOC >> 20,
		DEFAULT_MAX_FILE >> 20, DEFAULT_WORKER_MEMORY,
		DEFAULT_WORKER_CPU, DEFAULT_WORKER_CPU_OCR,
		NAQIB_DEFAULT_LEAD_WORDS);
	_naqib_buf_free(&b);
}

static int delete_ids(indexer_t *x, char **ids, int n)
{
	int status = EXIT_OK;
	unsigned long deleted = 0;

	for (int i = 0; i < n; i++) {
		/* The id in any form naqib shows it (naqib_id_parse()): its
		 * shard is that of the id as the index knows it. */
		char *id;
		int found, st = naqib_id_parse(ids[i], &id);
		if (!st) {
			marks_forget(x, id);
			st = naqib_db_delete(ingest_shard_of(x, id)->db, id,
					     &found);
			free(id);
		}
		if (st) {
			cli_error("%s", naqib_last_error());
			return cli_exit_for(st);
		}
		if (!found) {
			cli_error("no document with id '%s'", ids[i]);
			status = EXIT_INPUT;
		}
		deleted += (unsigned long)found;
	}
	for (int i = 0; i < x->n_shards; i++)
		if (ingest_commit(&x->shards[i]))
			return cli_exit_for(x->fatal);
	if (!x->quiet)
		fprintf(stderr, "naqib-index: %lu document%s deleted\n", deleted,
			deleted == 1 ? "" : "s");
	return status;
}

/* --compact: writes the database at from (one database or the shards of
 * one) as one compact database at to, which must not exist. */
static int compact(const char *from, const char *to, int quiet)
{
	struct stat sb;
	double t0 = cli_now();

	if (stat(to, &sb) == 0) {
		cli_error("--compact: '%s' exists: give a new path", to);
		return EXIT_USAGE;
	}
	int st = naqib_db_compact(from, to);
	if (st) {
		cli_error("%s", naqib_last_error());
		return cli_exit_for(st);
	}
	if (!quiet)
		fprintf(stderr, "naqib-index: '%s' compacted into '%s' in %.1f s\n",
			from, to, cli_now() - t0);
	return EXIT_OK;
}

/* The summary of a run, and its exit status, once the writers are done;
 * closes the database. */
static int report(indexer_t *x)
{
	/* Documents count once committed: after a database error, those of
	 * the batch that failed are not in the database. */
	stats_t sum = x->st;
	unsigned long lost = 0;
	for (int i = 0; i < x->n_shards; i++) {
		sum.added += x->shards[i].done_added;
		sum.replaced += x->shards[i].done_replaced;
		lost += x->shards[i].st.added + x->shards[i].st.replaced -
			x->shards[i].done_added - x->shards[i].done_replaced;
		sum.failed += x->shards[i].st.failed;
		sum.truncated += x->shards[i].st.truncated;
		sum.left_out += x->shards[i].st.left_out;
	}
	double secs = cli_now() - x->started;
	if (!x->quiet && !x->summary_json) {
		/* The text indexed; and, when --max-doc-size left some out,
		 * of how much (the files' whole size, read or not).  After a
		 * signal, what was read: part of it was left out. */
		double mb = (double)(sum.bytes - sum.left_out) / 1e6;
		double of = (double)(sum.bytes + sum.unread) / 1e6;
		unsigned long docs = sum.added + sum.replaced;
		char size[64], rate[32];
		if (ingest_interrupted) {
			mb = (double)sum.bytes / 1e6;
			snprintf(size, sizeof size, "%.1f MB read", mb);
		} else if (sum.left_out || sum.unread) {
			snprintf(size, sizeof size, "%.1f MB indexed of %.1f MB",
				 mb, of);
		} else {
			snprintf(size, sizeof size, "%.1f MB", mb);
		}
		fprintf(stderr,
			"naqib-index: %lu added, %lu replaced, %lu unchanged "
			"(skipped), %lu failed; %s in %.1f s (%.2f MB/s, "
			"%s documents/s)\n",
			sum.added, sum.replaced, sum.unchanged, sum.failed,
			size, secs, secs > 0 ? mb / secs : 0.0,
			cli_rate(secs > 0 ? (double)docs / secs : 0.0, rate,
				 sizeof rate));
	}
	worker_stop();
	summary_print(x, &sum, secs);
	summary_free(x);
	if (!x->quiet && !x->summary_json && sum.truncated)
		cli_error("%lu document%s cut at --max-doc-size (%u bytes)",
			  sum.truncated, sum.truncated == 1 ? "" : "s",
			  x->max_doc);
	shards_close(x);
	free(x->thesauri);
	if (x->fatal) {
		if (lost)
			cli_error("stopped: what was read after the last "
				  "commit is not in the database; run the same "
				  "command again once the cause is fixed");
		return cli_exit_for(x->fatal);
	}
	if (ingest_interrupted) {
		cli_error("interrupted; what was indexed is committed: the same "
			  "command again indexes the rest");
		return 128 + ingest_interrupted;
	}
	return sum.failed ? EXIT_INPUT : EXIT_OK;
}

/* Whether any of paths[0..n) is there to read ("-" is standard input).
 * When none is, each is told as the walk would tell it. */
static int any_input(char **paths, int n)
{
	struct stat sb;

	for (int i = 0; i < n; i++)
		if (!strcmp(paths[i], "-") || stat(paths[i], &sb) == 0)
			return 1;
	for (int i = 0; i < n; i++) {
		int err = stat(paths[i], &sb) ? errno : ENOENT;
		cli_error("cannot open '%s': %s", paths[i], strerror(err));
	}
	return 0;
}

/* SIGINT and SIGTERM stop an indexing run as on_signal() says, from before
 * the database is opened and locked: a signal that comes meanwhile stops
 * the run as it begins, and one that comes once the lock is held is never
 * lost (a background job of a shell ignores SIGINT until then).  No
 * SA_RESTART: a read of standard input ends with EINTR. */
static void catch_signals(void)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_signal;
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
}

/* Says, once a signal has stopped the reader and the writers, what is to
 * be committed: the documents indexed in this run, and those given to a
 * writer but left out (the one being analysed, those waiting in a
 * shard's queue), which the next run indexes. */
static void say_interrupted(indexer_t *x)
{
	unsigned long indexed = 0, dropped = x->st.dropped;

	for (int i = 0; i < x->n_shards; i++) {
		indexed += x->shards[i].st.added + x->shards[i].st.replaced;
		dropped += x->shards[i].st.dropped;
	}
	if (x->progress)
		fputs("\r\033[K", stderr);
	if (dropped)
		cli_error("interrupted; committing the %lu document%s indexed so "
			  "far, without the %lu read but not indexed yet...",
			  indexed, indexed == 1 ? "" : "s", dropped);
	else
		cli_error("interrupted; committing the %lu document%s indexed so "
			  "far...", indexed, indexed == 1 ? "" : "s");
}

/* Reads the files and directories of paths[0..n), until a database error
 * or a signal stops the run: indexing or --extract. */
static void read_paths(indexer_t *x, char **paths, int n)
{
	walk_callbacks_t wcb = { .file = ingest_file, .error = ingest_walk_error,
				 .skip = ingest_walk_skip, .ctx = x };

	for (int i = 0; i < n && !x->fatal && !ingest_interrupted; i++)
		walk_path(paths[i], &wcb);
}

/* Indexes the files and directories of paths[0..n) into the database x
 * has open: a signal stops the run within moments, even in the middle of
 * a long text, and what was indexed is committed. */
static int index_paths(indexer_t *x, char **paths, int n)
{
	x->progress = !x->quiet && isatty(2);
	progress_shown = x->progress;
	if (x->progress) {
		/* The size of the job, for the progress line: a walk that only
		 * adds up sizes (the real one reports what cannot be read). */
		walk_callbacks_t scb = { .file = ingest_add_size,
					 .error = ingest_ignore_error, .ctx = x };
		for (int i = 0; i < n && x->total_bytes != INGEST_UNKNOWN; i++)
			walk_path(paths[i], &scb);
		if (x->total_bytes == INGEST_UNKNOWN)
			x->total_bytes = 0;
	}
	x->started = cli_now();
	cli_eta_init(&x->eta);
	for (int i = 0; x->sharded && i < x->n_shards; i++) {
		shard_t *s = &x->shards[i];
		if ((errno = pthread_create(&s->thread, NULL, ingest_writer, s))) {
			cli_error("cannot start a writer thread: %s",
				  strerror(errno));
			ingest_fatal(x, NAQIB_E_NOMEM);
			break;
		}
		s->running = 1;
	}
	read_paths(x, paths, n);
	if (x->sharded) {
		pthread_mutex_lock(&x->mu);
		x->closing = 1;
		pthread_cond_broadcast(&x->changed);
		pthread_mutex_unlock(&x->mu);
		for (int i = 0; i < x->n_shards; i++)
			if (x->shards[i].running)
				pthread_join(x->shards[i].thread, NULL);
		/* The writers leave their commits to us after a signal. */
		if (ingest_interrupted && !x->fatal) {
			say_interrupted(x);
			for (int i = 1; i < x->n_shards && !x->fatal; i++)
				ingest_commit(&x->shards[i]);
		}
		ingest_record_files(x);
	} else if (!x->fatal) {
		if (ingest_interrupted)
			say_interrupted(x);
		ingest_commit(&x->shards[0]);
	}
	ingest_progress(x, 1);

	return report(x);
}

/* The root the ids of files are relative to is the database's: the first
 * run records its own (--root, else the current directory), and every
 * later one takes it, so that indexing the same folder from another
 * directory replaces its documents instead of adding them again under
 * other ids.  A --root that is not the recorded one is refused: every file
 * would come in again. */
static int keep_root(indexer_t *x, int given)
{
	naqib_db_t *db = x->shards[0].db;
	char *old = NULL;
	int st = naqib_db_get_metadata(db, ROOT_KEY, &old);

	if (st && st != NAQIB_E_NOT_FOUND) {
		cli_error("%s", naqib_last_error());
		return cli_exit_for(st);
	}
	if (old && *old) {
		if (given && strcmp(old, x->root)) {
			cli_error("--root: the ids of '%s' are paths relative "
				  "to '%s' (its first run's); with '%s' every "
				  "file would come in again under a new id: "
				  "give --root '%s', or index into a new "
				  "database", x->db_path, old, x->root, old);
			free(old);
			shards_close(x);
			return EXIT_USAGE;
		}
		snprintf(x->root, sizeof x->root, "%s", old);
		free(old);
		return EXIT_OK;
	}
	free(old);
	if ((st = naqib_db_set_metadata(db, ROOT_KEY, x->root))) {
		cli_error("%s", naqib_last_error());
		shards_close(x);
		return cli_exit_for(st);
	}
	return EXIT_OK;
}

/* --extract: the documents of the paths as JSON Lines on standard output,
 * read as indexing reads them (the worker process, the limits), with no
 * database; the summary on standard error. */
static int extract_paths(indexer_t *x, char **paths, int n)
{
	x->started = cli_now();
	catch_signals();
	read_paths(x, paths, n);
	if (fflush(stdout) != 0 && !x->fatal) {
		if (errno == EPIPE) {
			worker_stop(); /* | head had enough: as SIGPIPE does */
			_exit(128 + SIGPIPE);
		}
		cli_error("cannot write the documents: %s", strerror(errno));
		x->fatal = NAQIB_E_IO;
	}
	worker_stop();
	summary_print(x, &x->st, cli_now() - x->started);
	summary_free(x);
	free(x->thesauri);
	if (x->fatal)
		return cli_exit_for(x->fatal);
	if (ingest_interrupted)
		return 128 + ingest_interrupted;
	return x->st.failed ? EXIT_INPUT : EXIT_OK;
}

int main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "db", required_argument, NULL, 'd' },
		{ "format", required_argument, NULL, 'f' },
		{ "root", required_argument, NULL, 'R' },
		{ "stemmer", required_argument, NULL, 's' },
		{ "latin-stemmer", required_argument, NULL, 'L' },
		{ "force", no_argument, NULL, 'F' },
		{ "batch", required_argument, NULL, 'b' },
		{ "lead-words", required_argument, NULL, 'l' },
		{ "thesaurus", required_argument, NULL, 'T' },
		{ "delete", no_argument, NULL, 'D' },
		{ "shards", required_argument, NULL, 'S' },
		{ "read-block", required_argument, NULL, 'B' },
		{ "max-doc-size", required_argument, NULL, 'M' },
		{ "compact", required_argument, NULL, 'C' },
		{ "quiet", no_argument, NULL, 'q' },
		{ "list", required_argument, NULL, 'I' },
		{ "extract", no_argument, NULL, 'X' },
		{ "verbose", no_argument, NULL, 'v' },
		{ "summary-format", required_argument, NULL, 'j' },
		{ "max-file-size", required_argument, NULL, 'm' },
		{ "ocr", no_argument, NULL, 'O' },
		{ "ocr-lang", required_argument, NULL, 'o' },
		{ "encoding", required_argument, NULL, 'E' },
		{ "worker-memory", required_argument, NULL, 'W' },
		{ "worker-time", required_argument, NULL, 'w' },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 },
	};
	indexer_t x;
	const char *db_opt = NULL, *root = NULL, *stemmer = NULL, *latin = NULL;
	const char *compact_to = NULL;
	unsigned shards = 0;
	int del = 0, c, status;

	cli_prog = "naqib-index";
	memset(&x, 0, sizeof x);
	x.lock_fd = -1;
	x.batch = DEFAULT_BATCH;
	x.read_block = DEFAULT_READ_BLOCK;
	x.max_doc = DEFAULT_MAX_DOC;
	x.lead_words = NAQIB_DEFAULT_LEAD_WORDS;
	x.max_file = DEFAULT_MAX_FILE;
	x.worker_memory = DEFAULT_WORKER_MEMORY;
	x.worker_output = DEFAULT_WORKER_OUTPUT;
	int cpu_given = 0;	/* --worker-time: 0 is no limit */
	summary_init(&x);
	while ((c = getopt_long(argc, argv, ":d:f:s:qvh", longopts, NULL)) != -1) {
		switch (c) {
		case 'd':
			db_opt = optarg;
			break;
		case 'f':
			if (strcmp(optarg, "auto") &&
			    cli_list_find(fmt_item, optarg, "--format",
					  "format") < 0)
				return EXIT_USAGE;
			x.format = fmt_named(optarg);
			break;
		case 'R':
			root = optarg;
			break;
		case 's':
			stemmer = optarg;
			break;
		case 'L':
			latin = optarg;
			break;
		case 'F':
			x.force = 1;
			break;
		case 'b':
			if (cli_parse_uint("--batch", optarg, 1, 10000000,
					   &x.batch))
				return EXIT_USAGE;
			break;
		case 'l':
			if (cli_parse_uint("--lead-words", optarg, 0, 100000,
					   &x.lead_words))
				return EXIT_USAGE;
			break;
		case 'T':
			if (NAQIB_GROW(x.thesauri, x.cap_thesauri,
				       x.n_thesauri + 1)) {
				cli_error("out of memory");
				return EXIT_INTERNAL;
			}
			x.thesauri[x.n_thesauri++] = optarg;
			break;
		case 'D':
			del = 1;
			break;
		case 'S':
			if (cli_parse_uint("--shards", optarg, 1, MAX_SHARDS,
					   &shards))
				return EXIT_USAGE;
			break;
		case 'C':
			compact_to = optarg;
			break;
		case 'B':
			if (cli_parse_size("--read-block", optarg, 1024,
					   1u << 30, &x.read_block))
				return EXIT_USAGE;
			break;
		case 'M':
			if (cli_parse_size("--max-doc-size", optarg, 1024,
					   1u << 30, &x.max_doc))
				return EXIT_USAGE;
			break;
		case 'q':
			x.quiet = 1;
			break;
		case 'v':
			x.verbose = 1;
			break;
		case 'X':
			x.extract = 1;
			break;
		case 'j':
			if (strcmp(optarg, "text") && strcmp(optarg, "json")) {
				cli_error("--summary-format: '%s' is not text "
					  "or json", optarg);
				return EXIT_USAGE;
			}
			x.summary_json = !strcmp(optarg, "json");
			break;
		case 'm':
			if (cli_parse_size("--max-file-size", optarg, 1024,
					   4095u << 20, &x.max_file))
				return EXIT_USAGE;
			break;
		case 'O':
			fmt_options.ocr = 1;
			break;
		case 'o':
			if (!*optarg || strspn(optarg, "abcdefghijklmnopqrstuvwxyz"
					       "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
					       "0123456789_+-") != strlen(optarg)) {
				cli_error("--ocr-lang: '%s' is not a list of "
					  "Tesseract languages (ara+fra)",
					  optarg);
				return EXIT_USAGE;
			}
			fmt_options.ocr_lang = optarg;
			break;
		case 'E':
			if (fmt_check_encoding(optarg))
				return EXIT_USAGE;
			fmt_options.encoding = optarg;
			break;
		case 'W':
			if (cli_parse_uint("--worker-memory", optarg, 0, 1u << 20,
					   &x.worker_memory))
				return EXIT_USAGE;
			break;
		case 'w':
			if (cli_parse_uint("--worker-time", optarg, 0, 86400,
					   &x.worker_cpu))
				return EXIT_USAGE;
			cpu_given = 1;
			break;
		case 'I':
			return cli_list_print(lists, optarg, stdout);
		case 'h':
			usage(stdout);
			return EXIT_OK;
		case 'V':
			printf("naqib-index %s\n", NAQIB_VERSION);
			return EXIT_OK;
		default:
			return cli_bad_option(argv, c, longopts);
		}
	}
	if (compact_to) {
		if (optind < argc || del || shards) {
			cli_error("--compact takes no paths, ids or --shards");
			return EXIT_USAGE;
		}
		return compact(cli_db_path(db_opt), compact_to, x.quiet);
	}
	if (optind == argc) {
		cli_error("no %s given (see --help)", del ? "ids" : "paths");
		return EXIT_USAGE;
	}
	if (!cpu_given)
		x.worker_cpu = fmt_options.ocr ? DEFAULT_WORKER_CPU_OCR
					       : DEFAULT_WORKER_CPU;
	if (!realpath(root ? root : ".", x.root)) {
		cli_error("--root: cannot use '%s': %s", root ? root : ".",
			  strerror(errno));
		return EXIT_USAGE;
	}
	if (x.extract) {
		if (del || shards || x.summary_json) {
			cli_error("--extract prints documents: it takes no "
				  "--delete, --shards or --summary-format json");
			return EXIT_USAGE;
		}
		return extract_paths(&x, argv + optind, argc - optind);
	}
	/* Check the names before a database is made for them. */
	if (cli_check_stemmers(stemmer, latin))
		return EXIT_USAGE;
	x.db_path = cli_db_path(db_opt);
	/* A path that is not there is told and the others are indexed; when
	 * none is there, nothing is, and no database is made for nothing
	 * (a typo made an empty one) nor an existing one opened. */
	if (!del && !any_input(argv + optind, argc - optind)) {
		struct stat sb;
		cli_error("nothing to index: database '%s' %s", x.db_path,
			  stat(x.db_path, &sb) == 0 ? "left as it was"
						    : "not created");
		free(x.thesauri);
		return EXIT_INPUT;
	}
	/* Xapian commits by itself once this many documents have changed
	 * (10000 unless told): above --batch, so that it never commits in
	 * the middle of one of ours, and a killed run keeps whole batches. */
	char threshold[32];
	snprintf(threshold, sizeof threshold, "%u", x.batch + 1);
	setenv("XAPIAN_FLUSH_THRESHOLD", threshold, 1);
	pthread_mutex_init(&x.mu, NULL);
	pthread_cond_init(&x.changed, NULL);
	if (!del)
		catch_signals();
	if ((status = shards_open(&x, stemmer, latin, shards)) == EXIT_OK &&
	    !del)
		status = keep_root(&x, root != NULL);
	if (status != EXIT_OK || del) {
		if (status == EXIT_OK)
			status = delete_ids(&x, argv + optind, argc - optind);
		shards_close(&x);
		free(x.thesauri);
		return status;
	}

	return index_paths(&x, argv + optind, argc - optind);
}
