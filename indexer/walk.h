/* Walking the paths given to naqib-index: files as they are, directories
 * recursively in a stable (sorted) order. */
#ifndef NAQIB_WALK_H
#define NAQIB_WALK_H

typedef struct walk_callbacks {
	/* A file to read: one named on the command line (named 1), whatever
	 * its name, or one found in a directory whose name is of a format
	 * naqib knows (named 0).  Returns 0 to go on. */
	int (*file)(const char *path, int named, void *ctx);
	/* A path that cannot be read; err is an errno value. */
	void (*error)(const char *path, int err, void *ctx);
	void *ctx;
	/* A file found in a directory whose name is of no format naqib
	 * reads (counted, not read); NULL: none wanted. */
	void (*skip)(const char *path, void *ctx);
} walk_callbacks_t;

/* Returns 0, or what a file callback stopped with. */
int walk_path(const char *path, const walk_callbacks_t *cb);

#endif
