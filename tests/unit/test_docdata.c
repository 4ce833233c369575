/* Document data comes back as it was stored, whatever its size: Xapian
 * 1.4.22 could not read back some highly compressible tags of megabytes
 * ("Too few chunks of compressed data"), so lib/xapian/db.cc packs large data
 * itself.  The 16,706,752 bytes of one repeated sentence below are one such
 * tag: stored as they are, Xapian alone fails to read them back. */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check.h"
#include "naqib.h"
#include "schema/document.h"

static char *repeated(size_t len)
{
	static const char s[] = "أعلنت النقابة الوطنية للتعليم إضرابا وطنيا ";
	char *d = malloc(len);

	for (size_t i = 0; d && i < len; i++)
		d[i] = s[i % (sizeof s - 1)];
	return d;
}

/* Stores data of len bytes under id in dir's database, then reads it back
 * through a new handle. */
static void round_trip(const char *dir, const char *id, size_t len)
{
	naqib_db_t *db = NULL;
	naqib_doc_t *doc = NULL;
	char *data = repeated(len), *back = NULL;
	size_t back_len = 0;

	CHECK(data != NULL);
	CHECK(naqib_db_open(dir, NAQIB_DB_WRITE, &db) == NAQIB_OK);
	CHECK(_naqib_doc_with_data(data, len, &doc) == NAQIB_OK);
	CHECK(naqib_db_replace(db, id, doc, NULL) == NAQIB_OK);
	CHECK(naqib_db_commit(db) == NAQIB_OK);
	naqib_doc_destroy(doc);
	naqib_db_close(db);

	db = NULL;
	CHECK(naqib_db_open(dir, NAQIB_DB_READ, &db) == NAQIB_OK);
	int st = naqib_db_get_data(db, id, &back, &back_len);
	if (st)
		check_note("%s: %s", id, naqib_last_error());
	CHECK(st == NAQIB_OK);
	CHECK(back_len == len);
	CHECK(back && memcmp(back, data, len) == 0);
	naqib_db_close(db);
	free(back);
	free(data);
}

int main(void)
{
	char dir[] = "/tmp/naqib-test-docdata.XXXXXX";

	if (!mkdtemp(dir)) {
		printf("Bail out! mkdtemp %s failed\n", dir);
		return 1;
	}
	char path[sizeof dir + 8];
	/* Alone in its database: whether Xapian fails depends on where the
	 * tag's chunks fall, so on its key (the document number 1). */
	check_begin("16,706,752 bytes of one sentence, alone in a database, come back whole");
	snprintf(path, sizeof path, "%s/huge", dir);
	round_trip(path, "huge", 16706752);
	check_end();
	snprintf(path, sizeof path, "%s/db", dir);
	check_begin("100 bytes (stored as they are) come back whole");
	round_trip(path, "small", 100);
	check_end();
	check_begin("64 KB (the first size packed) come back whole");
	round_trip(path, "64k", 64 * 1024);
	check_end();
	char cmd[sizeof path + 16];
	snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
	if (system(cmd) != 0)
		printf("# test_docdata: could not remove %s\n", dir);
	return check_done();
}
