/* Directory walking.  Entries are sorted so that document order, and with
 * it Xapian's document ids, are the same on every run; hidden entries
 * (.git, editor files) are left out, and symbolic links to directories are
 * not followed, so that a loop cannot make the walk endless. */
#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "formats/formats.h"
#include "walk.h"

static int walk_dir(const char *dir, const walk_callbacks_t *cb)
{
	struct dirent **names;
	int n = scandir(dir, &names, NULL, alphasort);
	int st = 0;

	if (n < 0) {
		cb->error(dir, errno, cb->ctx);
		return 0;
	}
	for (int i = 0; i < n; i++) {
		const char *name = names[i]->d_name;
		if (st || name[0] == '.')
			goto next;
		size_t dl = strlen(dir);
		char *path = malloc(dl + strlen(name) + 2);
		if (!path) {
			cb->error(dir, ENOMEM, cb->ctx);
			st = 1;
			goto next;
		}
		strcpy(path, dir);
		if (dl && dir[dl - 1] != '/')
			strcat(path, "/");
		strcat(path, name);
		struct stat lst, sb;
		int unknown;
		if (lstat(path, &lst) != 0 || stat(path, &sb) != 0) {
			cb->error(path, errno, cb->ctx);
		} else if (S_ISDIR(sb.st_mode)) {
			if (!S_ISLNK(lst.st_mode))
				st = walk_dir(path, cb);
		} else if (S_ISREG(sb.st_mode)) {
			fmt_for_name(name, &unknown);
			if (!unknown)
				st = cb->file(path, 0, cb->ctx);
			else if (cb->skip)
				cb->skip(path, cb->ctx);
		}
		free(path);
next:
		free(names[i]);
	}
	free(names);
	return st;
}

int walk_path(const char *path, const walk_callbacks_t *cb)
{
	struct stat sb;

	if (strcmp(path, "-") == 0)
		return cb->file(path, 1, cb->ctx);
	if (stat(path, &sb) != 0) {
		cb->error(path, errno, cb->ctx);
		return 0;
	}
	if (S_ISDIR(sb.st_mode))
		return walk_dir(path, cb);
	return cb->file(path, 1, cb->ctx);
}
