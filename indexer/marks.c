/* The ids of files and the marks of the files read (indexer.h): a file
 * whose size, modification time and number of documents did not change
 * since it was read is skipped. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "indexer.h"
#include "util/util.h"

/* The id of a text file: its path relative to --root when it is under it,
 * else its absolute path, so that the same file gets the same id whatever
 * path named it; a path that is not plain text is escaped
 * (naqib_id_from_bytes()), as every output and --delete show it. */
int marks_file_id(indexer_t *x, const char *path, char **out)
{
	char real[PATH_MAX];
	const char *name = "stdin";

	*out = NULL;
	if (strcmp(path, "-") != 0) {
		if (!realpath(path, real))
			return errno;
		size_t rl = strlen(x->root);
		if (!strncmp(real, x->root, rl) && real[rl] == '/')
			name = real + rl + 1;
		else if (!strcmp(x->root, "/"))
			name = real + 1;
		else
			name = real;
	}
	return naqib_id_from_bytes(name, strlen(name), out) ? ENOMEM : 0;
}

/* What a file was like when it was indexed, to skip it when unchanged. */
void marks_signature(const struct stat *sb, unsigned long docs, char *out,
		      size_t cap)
{
	snprintf(out, cap, "%lld %lld.%09ld %lu", (long long)sb->st_size,
		 (long long)sb->st_mtim.tv_sec, (long)sb->st_mtim.tv_nsec, docs);
}

void marks_key(const char *id, char *out, size_t cap)
{
	static const char prefix[] = "naqib.file:";
	size_t n = strlen(id);

	/* Xapian keys are short: long paths are hashed (FNV-1a). */
	if (n < 180 && sizeof prefix + n <= cap) {
		memcpy(out, prefix, sizeof prefix - 1);
		memcpy(out + sizeof prefix - 1, id, n + 1);
		return;
	}
	snprintf(out, cap, "naqib.file#%016llx",
		 (unsigned long long)_naqib_hash(id, strlen(id)));
}

/* Forgets that the file a document came from was indexed, so that the next
 * run reads it again (and the document comes back if the file is still
 * there): the index follows the files. */
void marks_forget(indexer_t *x, const char *id)
{
	char *data = NULL, key[256];
	size_t len;
	naqib_record_t rec;

	if (naqib_db_get_data(ingest_shard_of(x, id)->db, id, &data, &len) ==
		    NAQIB_OK &&
	    naqib_record_decode(data, len, &rec) == NAQIB_OK && *rec.path) {
		/* JSON Lines paths end in :LINE. */
		char *path = strdup(rec.path);
		char *colon = path ? strrchr(path, ':') : NULL;
		if (colon && colon[1] && strspn(colon + 1, "0123456789") ==
						 strlen(colon + 1))
			*colon = '\0';
		if (path) {
			marks_key(path, key, sizeof key);
			naqib_db_set_metadata(x->shards[0].db, key, "");
		}
		free(path);
	}
	free(data);
}
