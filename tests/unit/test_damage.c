/* A damaged database is called damaged (NAQIB_E_DB_CORRUPT: status 5 in
 * the tools, 503 on the web), not blamed on the user or the thesaurus:
 * the thesaurus a database keeps was read once by naqib-index, so one that
 * does not read back is damage. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "naqib.h"
#include "schema/schema.h"

/* A database of no documents with naqib's settings and thesaurus text
 * thes (as a damaged block would give it back). */
static void make(const char *dir, const char *thes)
{
	naqib_db_t *db = NULL;
	naqib_analyzer_t *an = NULL;
	naqib_analyzer_options_t o = { NULL, NULL };

	CHECK(naqib_db_open(dir, NAQIB_DB_WRITE, &db) == NAQIB_OK);
	CHECK(naqib_analyzer_new(&o, &an) == NAQIB_OK);
	CHECK(naqib_db_check_analyzer(db, an, 1) == NAQIB_OK);
	CHECK(naqib_db_set_metadata(db, _NAQIB_KEY_THESAURUS, thes) == NAQIB_OK);
	CHECK(naqib_db_commit(db) == NAQIB_OK);
	naqib_db_close(db);
	naqib_analyzer_destroy(an);
}

static int opened(const char *dir, const char **message)
{
	naqib_db_t *db = NULL;
	naqib_analyzer_t *an = NULL;
	int st = naqib_db_open(dir, NAQIB_DB_READ, &db);

	if (!st)
		st = naqib_db_analyzer_new(db, &an);
	*message = naqib_last_error();
	naqib_analyzer_destroy(an);
	naqib_db_close(db);
	return st;
}

int main(void)
{
	char dir[] = "/tmp/naqib-test-damage.XXXXXX";
	char path[sizeof dir + 8];
	const char *m;

	if (!mkdtemp(dir)) {
		printf("Bail out! mkdtemp %s failed\n", dir);
		return 1;
	}
	check_begin("a stored thesaurus that is not UTF-8: the database is damaged");
	snprintf(path, sizeof path, "%s/utf8", dir);
	make(path, "union UMT \xff\xfe\n");
	CHECK(opened(path, &m) == NAQIB_E_DB_CORRUPT);
	CHECK(strstr(m, "is damaged: the thesaurus it keeps cannot be read") != NULL);
	CHECK(strstr(m, "invalid UTF-8") != NULL);
	check_note("%s", m);
	check_end();

	check_begin("a stored thesaurus that does not parse: the database is damaged");
	snprintf(path, sizeof path, "%s/parse", dir);
	make(path, "no such kind of line\n");
	CHECK(opened(path, &m) == NAQIB_E_DB_CORRUPT);
	CHECK(strstr(m, "xapian-check") != NULL);
	check_end();

	check_begin("a record cut short is damage");
	naqib_record_t r;
	CHECK(naqib_record_decode("NQR", 3, &r) != NAQIB_OK);
	CHECK(strstr(naqib_last_error(), "the database is damaged") != NULL);
	check_end();

	char cmd[sizeof dir + 16];
	snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
	if (system(cmd) != 0)
		printf("# test_damage: could not remove %s\n", dir);
	return check_done();
}
