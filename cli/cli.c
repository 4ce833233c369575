/* Helpers shared by the command-line tools. */
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "cli.h"
#include "naqib.h"
#include "util/util.h"

const char *cli_prog = "naqib";

void cli_error(const char *fmt, ...)
{
	va_list ap;
	char *m = NULL;
	_naqib_buf_t b = NAQIB_BUF_INIT;

	fflush(stdout);
	va_start(ap, fmt);
	int n = vasprintf(&m, fmt, ap);
	va_end(ap);
	/* A message names files, ids and DOCNOs, which are anybody's
	 * bytes: their control characters are shown, not obeyed. */
	if (n < 0 || _naqib_buf_add_visible(&b, m, (size_t)n, 0))
		fprintf(stderr, "%s: out of memory\n", cli_prog);
	else
		fprintf(stderr, "%s: %s\n", cli_prog, b.data);
	if (n >= 0)
		free(m);
	_naqib_buf_free(&b);
}

/* The long options of table that the user may have meant by name[0..n):
 * those it is the beginning of when there are several (an ambiguous
 * abbreviation), else those at the smallest edit distance, if it is small
 * for the length of the name (one edit in up to four letters, two in up
 * to eight, three beyond), and of those the ones that begin most like it
 * (_naqib_nearest_take()).  Joined "--a, --b or --c" into b; how many. */
static size_t near_options(const struct option *table, const char *name,
			   size_t n, _naqib_buf_t *b)
{
	enum { MAX_NAME = 64, MAX_HITS = 8 };
	unsigned a[MAX_NAME], o[MAX_NAME];
	_naqib_nearest_t near = _NAQIB_NEAREST_INIT(n <= 4 ? 1 : n <= 8 ? 2 : 3);
	size_t count = 0;
	const struct option *hits[MAX_HITS];

	_naqib_buf_reset(b);
	if (!table || !n || n > MAX_NAME)
		return 0;
	for (size_t i = 0; i < n; i++)
		a[i] = (unsigned char)name[i];
	for (const struct option *t = table; t->name; t++)
		if (!strncmp(t->name, name, n) && count < MAX_HITS)
			hits[count++] = t;
	if (count < 2) {
		count = 0;
		for (const struct option *t = table; t->name; t++) {
			size_t m = strlen(t->name);
			if (m > MAX_NAME)
				continue;
			for (size_t i = 0; i < m; i++)
				o[i] = (unsigned char)t->name[i];
			int took = _naqib_nearest_take(
				&near,
				_naqib_edit_distance(a, n, o, m, near.limit),
				_naqib_common_prefix(a, n, o, m));
			if (!took)
				continue;
			if (took == 2)
				count = 0;
			if (count < MAX_HITS)
				hits[count++] = t;
		}
	}
	for (size_t i = 0; i < count; i++)
		_naqib_buf_printf(b, "%s--%s",
				  i == 0 ? "" : i + 1 == count ? " or " : ", ",
				  hits[i]->name);
	return count;
}

int cli_bad_option(char **argv, int c, const struct option *longopts)
{
	const char *arg = argv[optind - 1];

	if (c == ':') {
		cli_error("option '%s' needs a value (see --help)", arg);
		return EXIT_USAGE;
	}
	/* getopt_long() says no more than '?': with the option's optopt for
	 * a value given to a long option that takes none, and for an
	 * unknown short option (arg may then be an earlier argument, the
	 * cluster of letters going on); 0 for an unknown long option. */
	const char *name = arg + 2;
	size_t n = strcspn(name, "=");
	int is_long = !strncmp(arg, "--", 2) && n;
	for (const struct option *t = longopts; is_long && t && t->name; t++)
		if (name[n] && optopt && t->val == optopt &&
		    t->has_arg == no_argument && !strncmp(t->name, name, n)) {
			cli_error("option '--%s' takes no value (see --help)",
				  t->name);
			return EXIT_USAGE;
		}
	if (optopt || !is_long) {
		cli_error("unknown option '-%c' (see --help)", optopt);
		return EXIT_USAGE;
	}
	_naqib_buf_t near = NAQIB_BUF_INIT;
	size_t prefix = 0;
	for (const struct option *t = longopts; t && t->name; t++)
		prefix += !strncmp(t->name, name, n);
	if (near_options(longopts, name, n, &near))
		cli_error("%s option '--%.*s' (did you mean %s?); see --help",
			  prefix > 1 ? "ambiguous" : "unknown", (int)n, name,
			  near.data);
	else
		cli_error("unknown option '--%.*s' (see --help)", (int)n, name);
	_naqib_buf_free(&near);
	return EXIT_USAGE;
}

int cli_exit_for(int status)
{
	switch (status) {
	case NAQIB_OK:
		return EXIT_OK;
	case NAQIB_E_DB_LOCKED:
		return EXIT_LOCKED;
	case NAQIB_E_DB_NOT_FOUND:
	case NAQIB_E_DB_CORRUPT:
	case NAQIB_E_DB_MODIFIED:
	case NAQIB_E_DB_VERSION:
	case NAQIB_E_DB:
	case NAQIB_E_IO:
		return EXIT_DB;
	case NAQIB_E_QUERY:
	case NAQIB_E_UTF8:
	case NAQIB_E_INVALID:
		return EXIT_INPUT;
	default:
		return EXIT_INTERNAL;
	}
}

int cli_parse_uint(const char *opt, const char *s, unsigned min,
		   unsigned max, unsigned *out)
{
	char *end;
	unsigned long v;

	errno = 0;
	v = strtoul(s, &end, 10);
	if (!*s || *end || errno || s[0] == '-' || v < min || v > max) {
		cli_error("%s: '%s' is not a number from %u to %u", opt, s, min,
			  max);
		return -1;
	}
	*out = (unsigned)v;
	return 0;
}

int cli_parse_size(const char *opt, const char *s, unsigned min,
		   unsigned max, unsigned *out)
{
	char *end;
	unsigned long long v;
	unsigned shift = 0;

	errno = 0;
	v = strtoull(s, &end, 10);
	if (end != s && *end && !end[1]) {
		const char *units = "kMG";
		const char *u = strchr(units, *end == 'K' ? 'k' : *end);
		if (u) {
			shift = 10 * (unsigned)(u - units + 1);
			end++;
		}
	}
	if (!*s || *end || errno || s[0] == '-' || v > (max >> shift) ||
	    (v << shift) < min) {
		cli_error("%s: '%s' is not a size from %u to %u bytes (a "
			  "number, or with k, M or G after it)",
			  opt, s, min, max);
		return -1;
	}
	*out = (unsigned)(v << shift);
	return 0;
}

int cli_parse_double(const char *opt, const char *s, double min, double max,
		     double *out)
{
	char *end;
	double v;

	errno = 0;
	v = strtod(s, &end);
	if (!*s || *end || errno || !(v >= min && v <= max)) {
		cli_error("%s: '%s' is not a number from %g to %g", opt, s, min,
			  max);
		return -1;
	}
	*out = v;
	return 0;
}

int cli_check_stemmers(const char *stemmer, const char *latin)
{
	naqib_analyzer_options_t o = { stemmer, latin };
	naqib_analyzer_t *probe;

	if (!stemmer && !latin)
		return 0;
	if (naqib_analyzer_new(&o, &probe)) {
		cli_error("%s", naqib_last_error());
		return -1;
	}
	naqib_analyzer_destroy(probe);
	return 0;
}

const char *cli_db_path(const char *opt)
{
	const char *env = getenv("NAQIB_DB");

	if (opt)
		return opt;
	return env && *env ? env : "naqib.db";
}

void cli_help(FILE *f, const char *option, const char *fmt, ...)
{
	char text[1024];
	va_list ap;
	size_t col = (size_t)fprintf(f, "  %s", option);

	va_start(ap, fmt);
	vsnprintf(text, sizeof text, fmt, ap);
	va_end(ap);
	if (col > 25) {
		fputc('\n', f);
		col = 0;
	}
	for (const char *w = text; *w;) {
		size_t n = strcspn(w, " ");
		if (col + (col > 26 ? 1 : 0) + n > 79 && col > 26) {
			fputc('\n', f);
			col = 0;
		}
		if (col < 26) {
			fprintf(f, "%*s", (int)(26 - col), "");
			col = 26;
		} else {
			fputc(' ', f);
			col++;
		}
		/* Columns, not bytes: Arabic letters take two bytes. */
		fwrite(w, 1, n, f);
		for (size_t i = 0; i < n; i++)
			col += ((unsigned char)w[i] & 0xC0) != 0x80;
		w += n;
		while (*w == ' ')
			w++;
	}
	fputc('\n', f);
}

char *cli_join_args(char **args, int n)
{
	_naqib_buf_t b = NAQIB_BUF_INIT;
	char *text;

	for (int i = 0; i < n; i++) {
		if (i)
			_naqib_buf_addc(&b, ' ');
		_naqib_buf_adds(&b, args[i]);
	}
	return _naqib_buf_finish(&b, NAQIB_OK, &text, NULL) ? NULL : text;
}

double cli_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

int cli_read_file(const char *path, char **data, size_t *len)
{
	int fd = strcmp(path, "-") ? open(path, O_RDONLY | O_CLOEXEC) : 0;
	struct stat sb;
	size_t cap, n = 0;
	char *buf;

	*data = NULL;
	if (fd < 0)
		return errno;
	cap = fstat(fd, &sb) == 0 && S_ISREG(sb.st_mode) ? (size_t)sb.st_size
							: 65536;
	if (!(buf = malloc(cap + 1))) {
		if (fd)
			close(fd);
		return ENOMEM;
	}
	for (;;) {
		if (n == cap) {
			/* The file grew, or it is a pipe. */
			char *b = realloc(buf, cap * 2 + 4096 + 1);
			if (!b) {
				free(buf);
				if (fd)
					close(fd);
				return ENOMEM;
			}
			buf = b;
			cap = cap * 2 + 4096;
		}
		ssize_t r = read(fd, buf + n, cap - n);
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0) {
			int e = errno;
			free(buf);
			if (fd)
				close(fd);
			return e;
		}
		if (r == 0)
			break;
		n += (size_t)r;
	}
	if (fd)
		close(fd);
	buf[n] = '\0';
	*data = buf;
	*len = n;
	return 0;
}

char *cli_next_line(char **p, char *end, size_t *line)
{
	while (*p < end) {
		char *s = *p, *nl = memchr(s, '\n', (size_t)(end - s));
		*p = nl ? nl + 1 : end;
		if (nl)
			*nl = '\0';
		++*line;
		size_t l = strlen(s);
		if (l && s[l - 1] == '\r')
			s[--l] = '\0';
		if (l)
			return s;
	}
	return NULL;
}
