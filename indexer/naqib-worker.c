/* naqib-worker: the process naqib-index reads PDF, Word, OpenDocument,
 * HTML, e-mail and image files in (indexer/worker.c), under limits on
 * its memory, CPU time and output.  It is a program of its own, linked
 * with the readers and their libraries, so that naqib-index starts
 * without loading them; it is started by naqib-index, not by a user. */
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "indexer.h"

int main(int argc, char **argv)
{
	cli_prog = "naqib-worker";
	if (argc < 2 || strcmp(argv[1], "--worker")) {
		fprintf(stderr, "naqib-worker: naqib-index starts it (see "
				"naqib-index(1), The worker process)\n");
		return EXIT_USAGE;
	}
	worker_main(argc, argv);
}
