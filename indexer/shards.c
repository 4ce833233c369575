/* The database of a run (indexer.h): one, or the shards of a sharded one,
 * each with the analysis and the thesaurus it keeps. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"
#include "indexer.h"
#include "util/util.h"

/* Whether directory dir holds an entry called name. */
static int has_entry(const char *dir, const char *name)
{
	char path[PATH_MAX];
	struct stat sb;

	return snprintf(path, sizeof path, "%s/%s", dir, name) <
		       (int)sizeof path &&
	       stat(path, &sb) == 0;
}

/* Whether name is that of a file Xapian makes in a glass database
 * directory, other than iamglass (so never a user's). */
static int xapian_file(const char *name)
{
	static const char *const files[] = {
		"flintlock", "v.tmp", "postlist.glass", "termlist.glass",
		"position.glass", "docdata.glass", "spelling.glass",
		"synonym.glass", "postlist.tmp", "termlist.tmp",
		"position.tmp", "docdata.tmp", "spelling.tmp", "synonym.tmp"
	};

	for (size_t i = 0; i < sizeof files / sizeof *files; i++)
		if (!strcmp(name, files[i]))
			return 1;
	return 0;
}

/* Whether path is a directory with files in it but no Xapian database:
 * Xapian would create its files among them, so we refuse. */
static int foreign_directory(const char *path)
{
	static const char *const marks[] = { "iamglass", "iamchert",
					     "iamhoney", "iamflint",
					     STUB_NAME };
	struct stat sb;
	DIR *d;
	struct dirent *e;
	int entries = 0;

	if (stat(path, &sb) != 0 || !S_ISDIR(sb.st_mode) || !(d = opendir(path)))
		return 0;
	while ((e = readdir(d)) != NULL) {
		/* The stub, or the database, that a run killed while
		 * writing it left half done (clear_unborn()). */
		if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, "..") ||
		    !strcmp(e->d_name, STUB_NAME ".new") ||
		    xapian_file(e->d_name))
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
	for (size_t i = 0; i < x->n_thesauri; i++) {
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
static int use_thesaurus(indexer_t *x, shard_t *s, int existing)
{
	naqib_thesaurus_t *th;
	char *have = NULL;
	int status = load_thesaurus(x, s->an, &th), st;

	if (status != EXIT_OK)
		return status;
	if (!existing) {
		naqib_analyzer_set_thesaurus(s->an, th);
		return EXIT_OK;
	}
	if ((st = naqib_db_thesaurus_text(s->db, &have))) {
		cli_error("%s", naqib_last_error());
		naqib_thesaurus_destroy(th);
		return cli_exit_for(st);
	}
	size_t len;
	const char *text = naqib_thesaurus_text(th, &len);
	if (strlen(have) == len && memcmp(have, text, len) == 0) {
		naqib_analyzer_set_thesaurus(s->an, th);
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
	} else if ((st = naqib_db_set_thesaurus(s->db, th))) {
		cli_error("%s", naqib_last_error());
		naqib_thesaurus_destroy(th);
		free(have);
		return cli_exit_for(st);
	} else {
		naqib_analyzer_set_thesaurus(s->an, th);
	}
	free(have);
	return EXIT_OK;
}

/* A run killed while Xapian made a database leaves its table files and no
 * iamglass, which Xapian then neither opens ("no database") nor makes
 * again: nothing was ever committed there.  Such a directory, holding
 * only the files Xapian makes, is emptied for Xapian to make it anew.
 * Runs under the lock of the run (lock_db()). */
static int clear_unborn(const char *path)
{
	char file[PATH_MAX];
	DIR *d;
	struct dirent *e;
	int n = 0, err = 0;

	if (has_entry(path, "iamglass") || !(d = opendir(path)))
		return 0;
	while ((e = readdir(d)) != NULL) {
		if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
			continue;
		if (xapian_file(e->d_name)) {
			n++;
			continue;
		}
		closedir(d);
		return 0; /* not Xapian's alone: left as it is */
	}
	rewinddir(d);
	while (n && (e = readdir(d)) != NULL) {
		if (!xapian_file(e->d_name))
			continue;
		snprintf(file, sizeof file, "%s/%s", path, e->d_name);
		if (unlink(file) && errno != ENOENT && !err)
			err = errno;
	}
	closedir(d);
	if (err)
		cli_error("cannot clear '%s', left half made by a run that was "
			  "stopped: %s",
			  path, strerror(err));
	return err ? EXIT_DB : EXIT_OK;
}

/* Opens (creating it if new) the database of shard s. */
static int open_shard(indexer_t *x, shard_t *s, const char *stemmer,
		      const char *latin)
{
	int st, existing;

	s->x = x;
	if ((st = clear_unborn(s->path)) != EXIT_OK)
		return st;
	st = naqib_db_open(s->path, NAQIB_DB_WRITE, &s->db);

	if (st) {
		cli_error("%s", naqib_last_error());
		return cli_exit_for(st);
	}
	if ((st = naqib_db_has_settings(s->db, &existing)))
		goto fail;
	if (existing) {
		/* An existing database: its settings, and the options, if
		 * given, must agree. */
		if ((st = naqib_db_analyzer_new(s->db, &s->an)))
			goto fail;
		if ((stemmer &&
		     strcmp(stemmer, naqib_analyzer_stemmer(s->an))) ||
		    (latin && strcmp(latin, naqib_analyzer_latin_stemmer(s->an)))) {
			cli_error("database '%s' was indexed with --stemmer=%s "
				  "--latin-stemmer=%s; use the same, or a new "
				  "database",
				  x->db_path, naqib_analyzer_stemmer(s->an),
				  naqib_analyzer_latin_stemmer(s->an));
			return EXIT_USAGE;
		}
	} else {
		naqib_analyzer_options_t o = { stemmer, latin };
		/* A shard that a killed first run did not reach takes the
		 * analysis of the first, whatever options this run has. */
		if (s != &x->shards[0] && x->shards[0].an) {
			o.stemmer = naqib_analyzer_stemmer(x->shards[0].an);
			o.latin_stemmer =
				naqib_analyzer_latin_stemmer(x->shards[0].an);
		}
		if ((st = naqib_analyzer_new(&o, &s->an))) {
			cli_error("%s", naqib_last_error());
			return EXIT_USAGE;
		}
	}
	int status = use_thesaurus(x, s, existing);
	if (status != EXIT_OK)
		return status;
	if ((st = naqib_db_check_analyzer(s->db, s->an, 1)))
		goto fail;
	return EXIT_OK;
fail:
	cli_error("%s", naqib_last_error());
	return cli_exit_for(st);
}


/* Reads the stub of a sharded database into *n, 0 when dir has none.
 * Returns 0, an errno, or -1 for a stub naqib did not write (one line
 * "auto shardK" per shard, in order). */
static int read_stub(const char *dir, int *n)
{
	char path[PATH_MAX], line[256], want[64];
	FILE *f;

	*n = 0;
	snprintf(path, sizeof path, "%s/" STUB_NAME, dir);
	if (!(f = fopen(path, "r")))
		return errno == ENOENT || errno == ENOTDIR ? 0 : errno;
	while (fgets(line, sizeof line, f)) {
		snprintf(want, sizeof want, "auto " SHARD_NAME "\n", *n);
		if (strcmp(line, want) || *n == MAX_SHARDS) {
			fclose(f);
			return -1;
		}
		(*n)++;
	}
	fclose(f);
	return *n ? 0 : -1;
}

/* Writes the stub of a sharded database, whole or not at all. */
static int write_stub(const char *dir, int n)
{
	char path[PATH_MAX], tmp[PATH_MAX + 8];
	FILE *f;
	int err = 0;

	snprintf(path, sizeof path, "%s/" STUB_NAME, dir);
	snprintf(tmp, sizeof tmp, "%s.new", path);
	if (!(f = fopen(tmp, "w")))
		return errno;
	for (int i = 0; i < n; i++)
		fprintf(f, "auto " SHARD_NAME "\n", i);
	if (fflush(f) || fsync(fileno(f)))
		err = errno;
	if (fclose(f) && !err)
		err = errno;
	if (!err && rename(tmp, path))
		err = errno;
	if (err)
		unlink(tmp);
	return err;
}

/* Locks the database directory for the whole run, making it first if
 * need be, before anything looks at what it holds: two first runs at once
 * (one with --shards, one without) would otherwise both find it new, and
 * make a plain database and shards side by side.  Xapian's own lock
 * covers only a database already open, not the choice of what to make. */
static int lock_db(indexer_t *x)
{
	int fd;

	if (mkdir(x->db_path, 0777) && errno != EEXIST) {
		cli_error("cannot create the database directory '%s': %s",
			  x->db_path, strerror(errno));
		return EXIT_DB;
	}
	if ((fd = open(x->db_path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)) < 0) {
		if (errno == ENOTDIR) {
			cli_error("'%s' is a file, not a database directory: "
				  "give a new or a database directory with --db",
				  x->db_path);
			return EXIT_USAGE;
		}
		cli_error("cannot open the database directory '%s': %s",
			  x->db_path, strerror(errno));
		return EXIT_DB;
	}
	if (flock(fd, LOCK_EX | LOCK_NB)) {
		int err = errno;
		if (err == EWOULDBLOCK) {
			close(fd);
			cli_error("database '%s' is locked: another process "
				  "(another naqib-index?) is writing to it",
				  x->db_path);
			return EXIT_LOCKED;
		}
		/* A file system without flock(2): Xapian's lock still keeps
		 * two writers of one database apart. */
	}
	x->lock_fd = fd;
	return EXIT_OK;
}

/* Opens the database at x->db_path: one database, or the shards of a
 * sharded one.  want is --shards (0: not given): a new database gets that
 * many shards; an existing one keeps what it has. */
int shards_open(indexer_t *x, const char *stemmer, const char *latin,
		   unsigned want)
{
	int n, err, status;

	if ((status = lock_db(x)) != EXIT_OK)
		return status;
	if ((err = read_stub(x->db_path, &n))) {
		if (err < 0)
			cli_error("'%s/" STUB_NAME "' is not a stub file that "
				  "naqib-index wrote",
				  x->db_path);
		else
			cli_error("cannot read '%s/" STUB_NAME "': %s",
				  x->db_path, strerror(err));
		return EXIT_DB;
	}
	int single = !n && has_entry(x->db_path, "iamglass");
	if (!n && !single && foreign_directory(x->db_path)) {
		cli_error("'%s' is a directory of other files, not a database: "
			  "give a new or a database directory with --db",
			  x->db_path);
		return EXIT_USAGE;
	}
	if (want && n && (unsigned)n != want) {
		cli_error("database '%s' has %d shards, not %u: leave out "
			  "--shards to add to it",
			  x->db_path, n, want);
		return EXIT_USAGE;
	}
	if (want > 1 && single) {
		cli_error("database '%s' is not sharded: --shards makes a new "
			  "database",
			  x->db_path);
		return EXIT_USAGE;
	}
	/* A new sharded database: the stub first, then the shards, so that
	 * a run killed on the way leaves a database that names its shards,
	 * and running the same command again makes those still missing. */
	if (!n && want > 1) {
		if ((err = write_stub(x->db_path, (int)want))) {
			cli_error("cannot write '%s/" STUB_NAME "': %s",
				  x->db_path, strerror(err));
			return EXIT_DB;
		}
		n = (int)want;
	}
	x->sharded = n > 0;
	x->n_shards = n ? n : 1;
	if (!(x->shards = calloc((size_t)x->n_shards, sizeof *x->shards))) {
		cli_error("out of memory");
		return EXIT_INTERNAL;
	}
	for (int i = 0; i < x->n_shards; i++) {
		shard_t *s = &x->shards[i];
		if (x->sharded)
			snprintf(s->path, sizeof s->path, "%s/" SHARD_NAME,
				 x->db_path, i);
		else
			snprintf(s->path, sizeof s->path, "%s", x->db_path);
		if ((status = open_shard(x, s, stemmer, latin)) != EXIT_OK)
			return status;
		/* Its settings on disk, for the reader of the marks and for
		 * searches (nothing to do in a shard that has them). */
		if (x->sharded && ingest_commit(s))
			return cli_exit_for(x->fatal);
	}
	if (x->sharded &&
	    (err = naqib_db_open(x->shards[0].path, NAQIB_DB_READ, &x->marks))) {
		cli_error("%s", naqib_last_error());
		return cli_exit_for(err);
	}
	return EXIT_OK;
}

void shards_close(indexer_t *x)
{
	for (int i = 0; x->shards && i < x->n_shards; i++) {
		naqib_analyzer_destroy(x->shards[i].an);
		naqib_db_close(x->shards[i].db);
	}
	free(x->shards);
	x->shards = NULL;
	naqib_db_close(x->marks);
	x->marks = NULL;
	if (x->lock_fd >= 0)
		close(x->lock_fd);
	x->lock_fd = -1;
	while (x->files) {
		file_rec_t *f = x->files;
		x->files = f->next;
		free(f->name);
		free(f);
	}
}
