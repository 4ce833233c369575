/* naqib-index: reads text, JSON Lines and TREC files into a naqib database.
 *
 * Every document goes through the analysis pipeline (normalization, words,
 * stems) and is written under its id, replacing any document with the same
 * id, so that indexing again is harmless.  Files that did not change since
 * the last run (same size and modification time) are skipped.  Changes are
 * committed every --batch documents and at the end: a run that is killed
 * loses at most the current batch, and running again completes the job. */
#include <dirent.h>
#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"
#include "formats.h"
#include "knowledge.h"
#include "naqib.h"
#include "walk.h"

/* Positions between the title and the body, so that no phrase spans both. */
#define FIELD_GAP 100
/* The words at the start of a body that count three times: news items and
 * communiqués state their subject in the lead (measured in bench/eval: the
 * first 15 words three times beat 30 twice on both query sets). */
#define DEFAULT_LEAD_WORDS 15
/* Documents a commit.  Small batches index faster as well as losing less in
 * a crash: Xapian's in-memory changes grow slow to update when large
 * (bench/index-speed: 55 s at 1000, 81 s at 10000 on the eval corpus). */
#define DEFAULT_BATCH 1000

typedef struct stats {
	unsigned long added, replaced, unchanged, failed;
	unsigned long long bytes;
} stats_t;

typedef struct indexer {
	naqib_db_t *db;
	naqib_analyzer_t *an;
	knowledge_t *know;
	const char *db_path;
	char **thesauri;	/* --thesaurus files */
	int n_thesauri;
	char root[PATH_MAX];
	fmt_kind_t format;
	unsigned batch;
	unsigned lead_words;
	int force, quiet, progress;
	stats_t st;
	unsigned long pending;	/* documents since the last commit */
	unsigned long in_file;	/* documents read from the current file */
	const char *file;	/* the file being read, for messages */
	int fatal;		/* a database error: stop */
	double started, last_progress;
} indexer_t;

/* The signal that asked us to stop, or 0. */
static volatile sig_atomic_t interrupted;

static void on_signal(int sig)
{
	interrupted = sig;
}

static void usage(FILE *f)
{
	fprintf(f,
		"usage: naqib-index [options] PATH...\n"
		"       naqib-index --delete [options] ID...\n"
		"\n"
		"Indexes text (.txt), JSON Lines (.jsonl) and TREC <DOC> files,\n"
		"and directories of them, into a naqib database.\n"
		"\n"
		"  -d, --db DIR            the database (default: $NAQIB_DB, else ./naqib.db)\n"
		"  -f, --format FORMAT     auto, txt, jsonl or trec (default: auto)\n"
		"      --root DIR          ids of text files are their paths relative to DIR\n"
		"                          (default: the current directory)\n"
		"  -s, --stemmer NAME      Arabic stemmer of a new database: light, snowball\n"
		"                          or none (default: %s)\n"
		"      --latin-stemmer L   Latin-script words: a Snowball language (french,\n"
		"                          english, ...) or none (default: %s)\n"
		"      --force             read files again even if they did not change\n"
		"      --batch N           commit every N documents (default: %d)\n"
		"      --lead-words N      the first N words of a body count three times\n"
		"                          in the ranking, as the title does (default: %d)\n"
		"      --thesaurus FILE    more unions, places and terms, added to the\n"
		"                          built-in thesaurus (repeatable; see naqib(7))\n"
		"      --delete            the arguments are ids of documents to delete\n"
		"  -q, --quiet             no progress and no summary\n"
		"  -h, --help              this help\n"
		"      --version           the version\n",
		NAQIB_DEFAULT_STEMMER, NAQIB_DEFAULT_LATIN_STEMMER, DEFAULT_BATCH,
		DEFAULT_LEAD_WORDS);
}

static void show_progress(indexer_t *x, int final)
{
	double now = cli_now();

	if (!x->progress || (!final && now - x->last_progress < 0.2))
		return;
	x->last_progress = now;
	double mb = (double)x->st.bytes / 1e6, secs = now - x->started;
	fprintf(stderr, "\r\033[Knaqib-index: %lu documents, %.1f MB, %.1f MB/s",
		x->st.added + x->st.replaced + x->st.unchanged, mb,
		secs > 0 ? mb / secs : 0.0);
	if (final)
		fputs("\r\033[K", stderr);
	fflush(stderr);
}

static int commit(indexer_t *x)
{
	int st = naqib_db_commit(x->db);

	if (st) {
		cli_error("%s", naqib_last_error());
		x->fatal = st;
	}
	x->pending = 0;
	return st;
}

/* Analyses text and adds its words to doc; the first `boosted` count
 * NAQIB_LEAD_WEIGHT times.  Its names and dates go to x->know. */
static int index_text(indexer_t *x, naqib_doc_t *doc, const char *text,
		      size_t boosted, unsigned *pos)
{
	const naqib_token_t *t;
	size_t n, len;
	int st;

	if (!text || !*text)
		return NAQIB_OK;
	len = strlen(text);
	if ((st = naqib_analyze(x->an, text, len, &t, &n)) ||
	    (st = naqib_doc_index_tokens(doc, t, n, boosted, pos)))
		return st;
	return knowledge_collect(x->know, t, n, text, len);
}

static int on_doc(const fmt_doc_t *d, void *ctx)
{
	indexer_t *x = ctx;
	naqib_record_t rec = d->rec;
	naqib_doc_t *doc = NULL;
	char *data = NULL, date[11];
	size_t len;
	unsigned pos = 0;
	int replaced = 0, st;

	if (interrupted)
		return NAQIB_E_IO;
	x->in_file++;
	naqib_date_normalize(rec.date, date);
	knowledge_start(x->know, date);
	if ((st = naqib_doc_new(&doc)) ||
	    (st = index_text(x, doc, rec.title, SIZE_MAX, &pos)))
		goto out;
	pos += FIELD_GAP;
	if ((st = index_text(x, doc, rec.body, x->lead_words, &pos)) ||
	    (st = knowledge_apply(x->know, doc, rec.source)))
		goto out;
	/* The date shown: the metadata's as YYYY-MM-DD, else the first date
	 * of the text; a metadata date naqib cannot read stays as given when
	 * the text has none. */
	if (*knowledge_date(x->know))
		rec.date = knowledge_date(x->know);
	if ((st = naqib_record_encode(&rec, &data, &len)) ||
	    (st = naqib_doc_set_data(doc, data, len)))
		goto out;
	st = naqib_db_replace(x->db, rec.id, doc, &replaced);
out:
	naqib_doc_destroy(doc);
	free(data);
	if (st == NAQIB_E_INVALID || st == NAQIB_E_UTF8) {
		/* This document only: say which and go on. */
		cli_error("%s:%zu: %s; document skipped", x->file, d->line,
			  naqib_last_error());
		x->st.failed++;
		return NAQIB_OK;
	}
	if (st) {
		cli_error("%s", naqib_last_error());
		x->fatal = st;
		return st;
	}
	if (replaced)
		x->st.replaced++;
	else
		x->st.added++;
	if (++x->pending >= x->batch)
		st = commit(x);
	show_progress(x, 0);
	return st;
}

static void on_bad(size_t line, const char *message, void *ctx)
{
	indexer_t *x = ctx;

	if (line)
		cli_error("%s:%zu: %s", x->file, line, message);
	else
		cli_error("%s: %s", x->file, message);
	x->st.failed++;
}

/* The id of a text file: its path relative to --root when it is under it,
 * else its absolute path, so that the same file gets the same id whatever
 * path named it. */
static int file_id(indexer_t *x, const char *path, char *out, size_t cap)
{
	char real[PATH_MAX];

	if (!strcmp(path, "-")) {
		snprintf(out, cap, "stdin");
		return 0;
	}
	if (!realpath(path, real))
		return errno;
	size_t rl = strlen(x->root);
	if (!strncmp(real, x->root, rl) && real[rl] == '/')
		snprintf(out, cap, "%s", real + rl + 1);
	else if (!strcmp(x->root, "/"))
		snprintf(out, cap, "%s", real + 1);
	else
		snprintf(out, cap, "%s", real);
	return 0;
}

/* What a file was like when it was indexed, to skip it when unchanged. */
static void signature(const struct stat *sb, unsigned long docs, char *out,
		      size_t cap)
{
	snprintf(out, cap, "%lld %lld.%09ld %lu", (long long)sb->st_size,
		 (long long)sb->st_mtim.tv_sec, (long)sb->st_mtim.tv_nsec, docs);
}

static void file_key(const char *id, char *out, size_t cap)
{
	static const char prefix[] = "naqib.file:";
	size_t n = strlen(id);

	/* Xapian keys are short: long paths are hashed (FNV-1a). */
	if (n < 180 && sizeof prefix + n <= cap) {
		memcpy(out, prefix, sizeof prefix - 1);
		memcpy(out + sizeof prefix - 1, id, n + 1);
		return;
	}
	unsigned long long h = 1469598103934665603ULL;
	for (const unsigned char *p = (const unsigned char *)id; *p; p++)
		h = (h ^ *p) * 1099511628211ULL;
	snprintf(out, cap, "naqib.file#%016llx", h);
}

static int on_file(const char *path, void *ctx)
{
	indexer_t *x = ctx;
	char id[PATH_MAX + 16], key[256], sig[128];
	char *data = NULL, *old = NULL;
	size_t len;
	struct stat sb;
	int err, st;

	if (interrupted)
		return NAQIB_E_IO;
	x->file = path;
	if ((err = file_id(x, path, id, sizeof id))) {
		cli_error("cannot open '%s': %s", path, strerror(err));
		x->st.failed++;
		return 0;
	}
	int is_stdin = !strcmp(path, "-");
	int known = !is_stdin && stat(path, &sb) == 0;
	if (known) {
		file_key(id, key, sizeof key);
		if (!x->force && !naqib_db_get_metadata(x->db, key, &old) &&
		    *old) {
			const char *sp = strrchr(old, ' ');
			unsigned long docs = sp ? strtoul(sp + 1, NULL, 10) : 0;
			signature(&sb, docs, sig, sizeof sig);
			if (!strcmp(old, sig)) {
				x->st.unchanged += docs;
				free(old);
				return 0;
			}
		}
		free(old);
	}
	if ((err = cli_read_file(path, &data, &len))) {
		cli_error("cannot read '%s': %s", path, strerror(err));
		x->st.failed++;
		return 0;
	}
	int kind = x->format;
	if (kind == FMT_AUTO && !is_stdin)
		kind = fmt_from_name(path);
	if (kind < 0)
		kind = FMT_AUTO;
	fmt_callbacks_t cb = { on_doc, on_bad, x };
	unsigned long failed_before = x->st.failed;
	x->in_file = 0;
	st = fmt_read((fmt_kind_t)kind, id, data, len, &cb);
	free(data);
	x->st.bytes += len;
	if (st)
		return st;
	if (x->in_file == 0 && x->st.failed == failed_before) {
		cli_error("%s: empty, nothing to index", path);
	}
	if (known && x->st.failed == failed_before) {
		/* Only a file read without a failure is marked done: one with
		 * bad documents is read again next time. */
		signature(&sb, x->in_file, sig, sizeof sig);
		if ((st = naqib_db_set_metadata(x->db, key, sig))) {
			cli_error("%s", naqib_last_error());
			x->fatal = st;
		}
	}
	return st;
}

static void on_walk_error(const char *path, int err, void *ctx)
{
	indexer_t *x = ctx;

	cli_error("cannot open '%s': %s", path, strerror(err));
	x->st.failed++;
}

/* Whether path is a directory with files in it but no Xapian database:
 * Xapian would create its files among them, so we refuse. */
static int foreign_directory(const char *path)
{
	static const char *const marks[] = { "iamglass", "iamchert",
					     "iamhoney", "iamflint" };
	struct stat sb;
	DIR *d;
	struct dirent *e;
	int entries = 0;

	if (stat(path, &sb) != 0 || !S_ISDIR(sb.st_mode) || !(d = opendir(path)))
		return 0;
	while ((e = readdir(d)) != NULL) {
		if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
			continue;
		entries++;
		for (size_t i = 0; i < sizeof marks / sizeof *marks; i++)
			if (!strcmp(e->d_name, marks[i])) {
				closedir(d);
				return 0;
			}
	}
	closedir(d);
	return entries > 0;
}

/* The built-in thesaurus and the --thesaurus files, for analyser an. */
static int load_thesaurus(indexer_t *x, naqib_analyzer_t *an,
			  naqib_thesaurus_t **out)
{
	naqib_thesaurus_t *th = NULL;
	const char *text;
	size_t len;
	int st;

	*out = NULL;
	text = naqib_thesaurus_builtin(&len);
	if ((st = naqib_thesaurus_new(an, &th)) ||
	    (st = naqib_thesaurus_load(th, text, len, "built-in"))) {
		cli_error("%s", naqib_last_error());
		naqib_thesaurus_destroy(th);
		return EXIT_INTERNAL;
	}
	for (int i = 0; i < x->n_thesauri; i++) {
		char *data;
		int err = cli_read_file(x->thesauri[i], &data, &len);
		if (err) {
			cli_error("--thesaurus: cannot read '%s': %s",
				  x->thesauri[i], strerror(err));
			naqib_thesaurus_destroy(th);
			return EXIT_USAGE;
		}
		st = naqib_thesaurus_load(th, data, len, x->thesauri[i]);
		free(data);
		if (st) {
			cli_error("%s", naqib_last_error());
			naqib_thesaurus_destroy(th);
			return EXIT_USAGE;
		}
	}
	*out = th;
	return EXIT_OK;
}

/* Gives the new analyser x->an its thesaurus.  An existing database keeps
 * the one it was indexed with, unless --force re-reads the files with a
 * different one. */
static int use_thesaurus(indexer_t *x, int existing)
{
	naqib_thesaurus_t *th;
	char *have = NULL;
	int status = load_thesaurus(x, x->an, &th), st;

	if (status != EXIT_OK)
		return status;
	if (!existing) {
		naqib_analyzer_set_thesaurus(x->an, th);
		return EXIT_OK;
	}
	if ((st = naqib_db_thesaurus_text(x->db, &have))) {
		cli_error("%s", naqib_last_error());
		naqib_thesaurus_destroy(th);
		return cli_exit_for(st);
	}
	size_t len;
	const char *text = naqib_thesaurus_text(th, &len);
	if (strlen(have) == len && memcmp(have, text, len) == 0) {
		naqib_analyzer_set_thesaurus(x->an, th);
	} else if (!x->force) {
		/* Keep the database's own, loaded with its analyser. */
		naqib_thesaurus_destroy(th);
		if (x->n_thesauri) {
			cli_error("database '%s' was indexed with another "
				  "thesaurus: add --force to index every file "
				  "given again with this one",
				  x->db_path);
			free(have);
			return EXIT_USAGE;
		}
	} else if ((st = naqib_db_set_thesaurus(x->db, th))) {
		cli_error("%s", naqib_last_error());
		naqib_thesaurus_destroy(th);
		free(have);
		return cli_exit_for(st);
	} else {
		naqib_analyzer_set_thesaurus(x->an, th);
	}
	free(have);
	return EXIT_OK;
}

static int open_db(indexer_t *x, const char *stemmer, const char *latin)
{
	char *have = NULL;
	int st;

	if (foreign_directory(x->db_path)) {
		cli_error("'%s' is a directory of other files, not a database: "
			  "give a new or a database directory with --db",
			  x->db_path);
		return EXIT_USAGE;
	}
	st = naqib_db_open(x->db_path, NAQIB_DB_WRITE, &x->db);

	if (st) {
		cli_error("%s", naqib_last_error());
		return cli_exit_for(st);
	}
	if ((st = naqib_db_get_metadata(x->db, "naqib.stemmer", &have)))
		goto fail;
	if (*have) {
		/* An existing database: its settings, and the options, if
		 * given, must agree. */
		if ((st = naqib_db_analyzer_new(x->db, &x->an)))
			goto fail;
		if ((stemmer &&
		     strcmp(stemmer, naqib_analyzer_stemmer(x->an))) ||
		    (latin && strcmp(latin, naqib_analyzer_latin_stemmer(x->an)))) {
			cli_error("database '%s' was indexed with --stemmer=%s "
				  "--latin-stemmer=%s; use the same, or a new "
				  "database",
				  x->db_path, naqib_analyzer_stemmer(x->an),
				  naqib_analyzer_latin_stemmer(x->an));
			free(have);
			return EXIT_USAGE;
		}
	} else {
		naqib_analyzer_options_t o = { stemmer, latin };
		if ((st = naqib_analyzer_new(&o, &x->an))) {
			cli_error("%s", naqib_last_error());
			free(have);
			return EXIT_USAGE;
		}
	}
	int status = use_thesaurus(x, *have != '\0');
	free(have);
	have = NULL;
	if (status != EXIT_OK)
		return status;
	if ((st = naqib_db_check_analyzer(x->db, x->an, 1)))
		goto fail;
	if ((st = knowledge_new(x->an, &x->know))) {
		cli_error("out of memory");
		return EXIT_INTERNAL;
	}
	return EXIT_OK;
fail:
	free(have);
	cli_error("%s", naqib_last_error());
	return cli_exit_for(st);
}

/* Forgets that the file a document came from was indexed, so that the next
 * run reads it again (and the document comes back if the file is still
 * there): the index follows the files. */
static void forget_file_of(indexer_t *x, const char *id)
{
	char *data = NULL, key[256];
	size_t len;
	naqib_record_t rec;

	if (naqib_db_get_data(x->db, id, &data, &len) == NAQIB_OK &&
	    naqib_record_decode(data, len, &rec) == NAQIB_OK && *rec.path) {
		/* JSON Lines paths end in :LINE. */
		char *path = strdup(rec.path);
		char *colon = path ? strrchr(path, ':') : NULL;
		if (colon && colon[1] && strspn(colon + 1, "0123456789") ==
						 strlen(colon + 1))
			*colon = '\0';
		if (path) {
			file_key(path, key, sizeof key);
			naqib_db_set_metadata(x->db, key, "");
		}
		free(path);
	}
	free(data);
}

static int delete_ids(indexer_t *x, char **ids, int n)
{
	int status = EXIT_OK;
	unsigned long deleted = 0;

	for (int i = 0; i < n; i++) {
		forget_file_of(x, ids[i]);
		int found, st = naqib_db_delete(x->db, ids[i], &found);
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
	if (commit(x))
		return cli_exit_for(x->fatal);
	if (!x->quiet)
		fprintf(stderr, "naqib-index: %lu document%s deleted\n", deleted,
			deleted == 1 ? "" : "s");
	return status;
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
		{ "quiet", no_argument, NULL, 'q' },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 },
	};
	indexer_t x;
	const char *db_opt = NULL, *root = ".", *stemmer = NULL, *latin = NULL;
	int del = 0, c, status;

	cli_prog = "naqib-index";
	memset(&x, 0, sizeof x);
	x.batch = DEFAULT_BATCH;
	x.lead_words = DEFAULT_LEAD_WORDS;
	while ((c = getopt_long(argc, argv, ":d:f:s:qh", longopts, NULL)) != -1) {
		switch (c) {
		case 'd':
			db_opt = optarg;
			break;
		case 'f':
			if ((int)(x.format = fmt_from_string(optarg)) < 0) {
				cli_error("--format: unknown format '%s' (auto, "
					  "txt, jsonl, trec)", optarg);
				return EXIT_USAGE;
			}
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
		case 'T': {
			char **v = realloc(x.thesauri, (size_t)(x.n_thesauri + 1) *
							       sizeof *v);
			if (!v) {
				cli_error("out of memory");
				return EXIT_INTERNAL;
			}
			x.thesauri = v;
			x.thesauri[x.n_thesauri++] = optarg;
			break;
		}
		case 'D':
			del = 1;
			break;
		case 'q':
			x.quiet = 1;
			break;
		case 'h':
			usage(stdout);
			return EXIT_OK;
		case 'V':
			printf("naqib-index %s\n", NAQIB_VERSION);
			return EXIT_OK;
		default:
			return cli_bad_option(argv, c);
		}
	}
	if (optind == argc) {
		cli_error("no %s given (see --help)", del ? "ids" : "paths");
		return EXIT_USAGE;
	}
	if (!realpath(root, x.root)) {
		cli_error("--root: cannot use '%s': %s", root, strerror(errno));
		return EXIT_USAGE;
	}
	/* Check the names before a database is made for them. */
	if (stemmer || latin) {
		naqib_analyzer_options_t o = { stemmer, latin };
		naqib_analyzer_t *probe;
		if (naqib_analyzer_new(&o, &probe)) {
			cli_error("%s", naqib_last_error());
			return EXIT_USAGE;
		}
		naqib_analyzer_destroy(probe);
	}
	x.db_path = cli_db_path(db_opt);
	if ((status = open_db(&x, stemmer, latin)) != EXIT_OK || del) {
		if (status == EXIT_OK)
			status = delete_ids(&x, argv + optind, argc - optind);
		knowledge_destroy(x.know);
		naqib_analyzer_destroy(x.an);
		naqib_db_close(x.db);
		free(x.thesauri);
		return status;
	}

	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_signal;
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	x.progress = !x.quiet && isatty(2);
	x.started = cli_now();
	walk_callbacks_t wcb = { on_file, on_walk_error, &x };
	for (int i = optind; i < argc && !x.fatal && !interrupted; i++)
		walk_path(argv[i], &wcb);
	if (!x.fatal)
		commit(&x);
	show_progress(&x, 1);

	double secs = cli_now() - x.started;
	if (!x.quiet) {
		double mb = (double)x.st.bytes / 1e6;
		unsigned long docs = x.st.added + x.st.replaced;
		fprintf(stderr,
			"naqib-index: %lu added, %lu replaced, %lu unchanged "
			"(skipped), %lu failed; %.1f MB in %.1f s (%.2f MB/s, "
			"%.0f documents/s)\n",
			x.st.added, x.st.replaced, x.st.unchanged, x.st.failed,
			mb, secs, secs > 0 ? mb / secs : 0.0,
			secs > 0 ? (double)docs / secs : 0.0);
	}
	knowledge_destroy(x.know);
	naqib_analyzer_destroy(x.an);
	naqib_db_close(x.db);
	free(x.thesauri);
	if (x.fatal)
		return cli_exit_for(x.fatal);
	if (interrupted) {
		cli_error("interrupted; what was read so far is committed");
		return 128 + interrupted;
	}
	return x.st.failed ? EXIT_INPUT : EXIT_OK;
}
