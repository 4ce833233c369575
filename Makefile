# naqib - full-text search for Arabic union texts.
#
#   make            build the tools into $(BUILD)/
#   make demo       install missing dependencies, index corpus/, run queries
#   make check      install missing dependencies, run the whole test suite,
#                   again under AddressSanitizer + UBSan, three end-to-end
#                   tests under valgrind beside two minutes of fuzzing
#   make install    PREFIX=/usr/local DESTDIR= BINDIR= LIBDIR= INCLUDEDIR=
#                   MANDIR= CGIDIR= DATADIR= BASHCOMPDIR= LIBEXECDIR=: the
#                   tools and naqib-index's worker, libnaqib
#                   (shared and static), naqib.h, naqib.pc; nothing outside
#                   DESTDIR and PREFIX
#   make bench      benchmarks and the retrieval evaluation (bench/)
#   make examples-update  rewrite the outputs README.md and the man pages
#                   show from a run of their examples (make check runs
#                   them and fails on a difference)

PREFIX ?= /usr/local
BINDIR ?= $(PREFIX)/bin
LIBDIR ?= $(PREFIX)/lib
INCLUDEDIR ?= $(PREFIX)/include
PKGCONFIGDIR ?= $(LIBDIR)/pkgconfig
MANDIR ?= $(PREFIX)/share/man
# The built-in thesaurus, as a reference for users who write their own.
DATADIR ?= $(PREFIX)/share/naqib
# Where the bash-completion package loads a command's completion from, on
# demand: completion/naqib.bash under each tool's name.
BASHCOMPDIR ?= $(PREFIX)/share/bash-completion/completions
# Where naqib.cgi goes; a web server's cgi-bin is elsewhere (Debian's
# lighttpd and Apache use /usr/lib/cgi-bin: make install CGIDIR=...).
CGIDIR ?= $(PREFIX)/lib/cgi-bin
# Where naqib.cgi looks for naqib.conf (compiled in; nothing is installed
# there).
SYSCONFDIR ?= /etc
# Where naqib-worker goes, the process naqib-index reads PDF, Office,
# HTML, e-mail and images in (compiled in: naqib-index looks beside
# itself first, as in build/).
LIBEXECDIR ?= $(PREFIX)/libexec/naqib
DESTDIR ?=
BUILD ?= build

CC ?= cc
CXX ?= c++
PKG_CONFIG ?= pkg-config
CFLAGS ?= -O2 -g
CXXFLAGS ?= -O2 -g
LDFLAGS ?=

# What libnaqib needs (naqib.pc says so), and what the tools need besides.
LIB_PKGS = icu-uc icu-i18n xapian-core zlib
LIB_OTHER = -lstemmer -lpthread
PKGS = $(LIB_PKGS) jansson
# What naqib-index's readers of documents need (indexer/formats/): only
# naqib-index and what links its readers link them, so that naqib-search
# and naqib.cgi start without loading them.
FORMAT_PKGS = poppler-glib libxml-2.0 libzip gmime-3.0 tesseract lept
WARN = -Wall -Wextra -Werror
# Recursive (=) on purpose: pkg-config runs when a recipe needs the flags,
# after `deps` has installed what was missing.
PKG_CFLAGS = $(shell $(PKG_CONFIG) --cflags $(PKGS) $(FORMAT_PKGS))
FORMAT_LIBS = $(shell $(PKG_CONFIG) --libs $(FORMAT_PKGS))
PKG_LIBS = $(shell $(PKG_CONFIG) --libs $(PKGS)) $(LIB_OTHER)
LIB_LIBS = $(shell $(PKG_CONFIG) --libs $(LIB_PKGS)) $(LIB_OTHER)
# -fPIC: the same objects make the static and the shared library;
# -fno-semantic-interposition keeps the calls between our own functions
# direct and inlinable (the shared library's version script makes them
# local anyway).
PIC = -fPIC -fno-semantic-interposition
# Our own directories come before the packages': leptonica's -I holds a
# list.h, which would hide cli/list.h.
ALL_CFLAGS = -std=c11 -D_GNU_SOURCE -DSYSCONFDIR='"$(SYSCONFDIR)"' \
	-DLIBEXECDIR='"$(LIBEXECDIR)"' $(WARN) \
	$(PIC) $(CFLAGS) $(INCLUDES) $(PKG_CFLAGS)
ALL_CXXFLAGS = -std=c++11 $(WARN) $(PIC) $(CXXFLAGS) $(INCLUDES) $(PKG_CFLAGS)

# libnaqib's version, read from naqib.h's NAQIB_VERSION, and the soname's
# number, raised when the ABI changes.
VERSION := $(shell sed -n 's/^\#define NAQIB_VERSION "\(.*\)"/\1/p' lib/naqib.h)
SOVERSION = 1

# Sources are found by directory: a new file in one of these directories is
# built and linked without a change here.  Dependencies point one way:
# util <- stemmers <- analysis <- schema <- query <- xapian <- match <- tools.
LIB_DIRS = lib/util stemmers lib/analysis lib/schema lib/query lib/rank lib/match
LIB_C = $(foreach d,$(LIB_DIRS),$(wildcard $(d)/*.c))
LIB_CXX = $(wildcard lib/xapian/*.cc)
LIB_OBJ = $(LIB_C:%.c=$(BUILD)/%.o) $(LIB_CXX:%.cc=$(BUILD)/%.o) \
	$(BUILD)/lib/builtin.o $(BUILD)/lib/builtin-model.o
LIB = $(BUILD)/libnaqib.a
SHLIB = $(BUILD)/libnaqib.so.$(VERSION)
# The command-line helpers (options, messages, terminal bidi): linked into
# the tools, not part of libnaqib.
CLI_OBJ = $(patsubst %.c,$(BUILD)/%.o,$(wildcard cli/*.c))
CLI = $(BUILD)/libnaqib-cli.a

# What the tools share besides their main(): the indexer's readers and
# documents, the searcher's search and outputs (the fuzzers link them too).
# The readers of documents and what only they use are READER_OBJ: linked
# into naqib-worker (with FORMAT_LIBS), not into naqib-index
# (indexer/formats/rows.c).
READER_SRC = $(addprefix indexer/formats/,pdf.c image.c office.c html.c \
	mail.c layout.c arabic.c xmltext.c)
READER_OBJ = $(READER_SRC:%.c=$(BUILD)/%.o)
INDEXER_OBJ = $(patsubst %.c,$(BUILD)/%.o,$(filter-out \
	indexer/naqib-index.c indexer/naqib-worker.c $(READER_SRC),\
	$(wildcard indexer/*.c indexer/formats/*.c)))
SEARCHER_OBJ = $(patsubst %.c,$(BUILD)/%.o,$(filter-out \
	searcher/naqib-search.c searcher/naqib-cgi.c,\
	$(wildcard searcher/*.c searcher/outputs/*.c)))
INDEX_OBJ = $(BUILD)/indexer/naqib-index.o $(INDEXER_OBJ)
SEARCH_OBJ = $(BUILD)/searcher/naqib-search.o $(SEARCHER_OBJ)
CGI_OBJ = $(BUILD)/searcher/naqib-cgi.o $(SEARCHER_OBJ)
ANALYZE_OBJ = $(patsubst %.c,$(BUILD)/%.o,$(wildcard analyzer/*.c))
TOOLS = $(BUILD)/naqib-index $(BUILD)/naqib-search $(BUILD)/naqib-analyze
WORKER = $(BUILD)/naqib-worker
CGI = $(BUILD)/naqib.cgi
TOOL_LIBS = $(CLI) $(LIB) $(PKG_LIBS)

UNIT_SRC = $(wildcard tests/unit/test_*.c)
UNIT_BIN = $(UNIT_SRC:tests/unit/%.c=$(BUILD)/tests/%)

MAN1 = man/naqib-index.1 man/naqib-search.1 man/naqib-analyze.1
MAN3 = man/naqib.3
MAN7 = man/naqib.7
MAN8 = man/naqib.cgi.8

# Our directories come before the libraries' (pkg-config's -I) on each
# command line: leptonica's include directory holds a list.h, array.h and
# more that would hide cli/list.h.
INCLUDES = -Ilib -Istemmers -Icli -Iindexer -Isearcher -Ianalyzer

.PHONY: all deps deps-check demo check test examples-update test-asan test-valgrind install uninstall \
	clean bench rerank-train

all: $(TOOLS) $(WORKER) $(CGI) $(UNIT_BIN) $(SHLIB)

# -MMD: each object's header dependencies, found by the compiler.
$(BUILD)/%.o: %.c
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -MMD -MP -c -o $@ $<

$(BUILD)/%.o: %.cc
	@mkdir -p $(@D)
	$(CXX) $(ALL_CXXFLAGS) -MMD -MP -c -o $@ $<

-include $(wildcard $(BUILD)/*/*.d $(BUILD)/*/*/*.d)

# The built-in thesaurus, compiled into the library.
$(BUILD)/lib/builtin.c: data/thesaurus data/places scripts/embed
	@mkdir -p $(@D)
	scripts/embed data/thesaurus data/places > $@.tmp && mv $@.tmp $@

$(BUILD)/lib/builtin.o: $(BUILD)/lib/builtin.c lib/naqib.h
	$(CC) $(ALL_CFLAGS) -c -o $@ $<

# The built-in reranker model (naqib-search --rerank), likewise.
$(BUILD)/lib/builtin-model.c: data/rerank/model scripts/embed
	@mkdir -p $(@D)
	scripts/embed -f naqib_ranker_builtin data/rerank/model > $@.tmp && mv $@.tmp $@

$(BUILD)/lib/builtin-model.o: $(BUILD)/lib/builtin-model.c lib/naqib.h
	$(CC) $(ALL_CFLAGS) -c -o $@ $<

$(LIB): $(LIB_OBJ)
	rm -f $@
	$(AR) rcs $@ $(LIB_OBJ)

# The shared library exports naqib_* only (lib/naqib.map): the layers'
# _naqib_ functions and the C++ inside stay private.
$(SHLIB): $(LIB_OBJ) lib/naqib.map
	$(CXX) -shared $(LDFLAGS) $(CXXFLAGS) -Wl,-soname,libnaqib.so.$(SOVERSION) \
		-Wl,--version-script=lib/naqib.map -Wl,--no-undefined \
		-o $@ $(LIB_OBJ) $(LIB_LIBS)
	ln -sf libnaqib.so.$(VERSION) $(BUILD)/libnaqib.so.$(SOVERSION)
	ln -sf libnaqib.so.$(VERSION) $(BUILD)/libnaqib.so

$(CLI): $(CLI_OBJ)
	rm -f $@
	$(AR) rcs $@ $(CLI_OBJ)

# Linked by the C++ compiler: libnaqib holds the Xapian wrapper.
$(BUILD)/naqib-index: $(INDEX_OBJ) $(CLI) $(LIB)
	$(CXX) $(LDFLAGS) $(CXXFLAGS) -o $@ $(INDEX_OBJ) $(TOOL_LIBS)

$(WORKER): $(BUILD)/indexer/naqib-worker.o $(INDEXER_OBJ) $(READER_OBJ) $(CLI) \
		$(LIB)
	$(CXX) $(LDFLAGS) $(CXXFLAGS) -o $@ $(BUILD)/indexer/naqib-worker.o \
		$(INDEXER_OBJ) $(READER_OBJ) $(TOOL_LIBS) $(FORMAT_LIBS)

$(BUILD)/naqib-search: $(SEARCH_OBJ) $(CLI) $(LIB)
	$(CXX) $(LDFLAGS) $(CXXFLAGS) -o $@ $(SEARCH_OBJ) $(TOOL_LIBS)

$(BUILD)/naqib-analyze: $(ANALYZE_OBJ) $(CLI) $(LIB)
	$(CXX) $(LDFLAGS) $(CXXFLAGS) -o $@ $(ANALYZE_OBJ) $(TOOL_LIBS)

$(CGI): $(CGI_OBJ) $(CLI) $(LIB)
	$(CXX) $(LDFLAGS) $(CXXFLAGS) -o $@ $(CGI_OBJ) $(TOOL_LIBS) -lfcgi

$(BUILD)/tests/%: tests/unit/%.c tests/unit/check.h $(CLI) $(LIB)
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -Itests/unit -c -o $@.o $<
	$(CXX) $(LDFLAGS) $(CXXFLAGS) -o $@ $@.o $(TOOL_LIBS)

# test_outputs renders hits through the searcher's search and outputs.
$(BUILD)/tests/test_outputs: tests/unit/test_outputs.c tests/unit/check.h \
		$(SEARCHER_OBJ) $(CLI) $(LIB)
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -Itests/unit -c -o $@.o $<
	$(CXX) $(LDFLAGS) $(CXXFLAGS) -o $@ $@.o $(SEARCHER_OBJ) $(TOOL_LIBS)

# test_layout lays out glyphs with the PDF reader's layout pass.
$(BUILD)/tests/test_layout: tests/unit/test_layout.c tests/unit/check.h \
		$(BUILD)/indexer/formats/layout.o $(CLI) $(LIB)
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -Itests/unit -c -o $@.o $<
	$(CXX) $(LDFLAGS) $(CXXFLAGS) -o $@ $@.o \
		$(BUILD)/indexer/formats/layout.o $(TOOL_LIBS)

# bench/knowledge-report's helper: the indexer's findings, document by
# document (not part of `all`).
$(BUILD)/bench/knowledge: bench/knowledge.c $(INDEXER_OBJ) $(READER_OBJ) $(CLI) $(LIB)
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -c -o $@.o bench/knowledge.c
	$(CXX) $(LDFLAGS) $(CXXFLAGS) -o $@ $@.o $(INDEXER_OBJ) $(READER_OBJ) \
		$(TOOL_LIBS) $(FORMAT_LIBS)

# bench/stem-merges' helper: the normalized form and stem of every word
# (not part of `all`).
$(BUILD)/bench/stems: bench/stems.c $(LIB)
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -c -o $@.o bench/stems.c
	$(CXX) $(LDFLAGS) $(CXXFLAGS) -o $@ $@.o $(TOOL_LIBS)

# bench/doc-date's helper: the document date inferred from each text
# against its metadata (not part of `all`).
$(BUILD)/bench/doc-date: bench/doc-date.c $(LIB)
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -c -o $@.o bench/doc-date.c
	$(CXX) $(LDFLAGS) $(CXXFLAGS) -o $@ $@.o $(TOOL_LIBS)

# bench/extract-quality's helper: the readers' text of a file, the Arabic
# repairs one by one, the character error rate (not part of `all`).
$(BUILD)/bench/extract: bench/extract.c $(INDEXER_OBJ) $(READER_OBJ) $(CLI) $(LIB)
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -c -o $@.o bench/extract.c
	$(CXX) $(LDFLAGS) $(CXXFLAGS) -o $@ $@.o $(INDEXER_OBJ) $(READER_OBJ) \
		$(TOOL_LIBS) $(FORMAT_LIBS)

# bench/query-speed's and bench/scale's helper: the latency of each phase of
# a query (not part of `all`).
$(BUILD)/bench/query-speed: bench/query-speed.c $(CLI) $(LIB)
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -c -o $@.o bench/query-speed.c
	$(CXX) $(LDFLAGS) $(CXXFLAGS) -o $@ $@.o $(TOOL_LIBS)

deps:
	@scripts/deps build

# What the tests need as well as the build.
deps-check:
	@scripts/deps check

demo: deps
	@$(MAKE) --no-print-directory all
	@scripts/demo $(BUILD)

# The suite runs twice: on the normal build, then on a build with
# AddressSanitizer and UndefinedBehaviorSanitizer, where any report fails.
# Its three builds use every core (CHECK_JOBS), and so do its tests: as
# many run at a time (TEST_JOBS; tests/run tells them in order), the
# longest first.
CHECK_JOBS ?= $(shell nproc 2>/dev/null || echo 2)
# The valgrind pass (its tests as many at a time as there are cores) and
# the two minutes of fuzzing run side by side; the fuzzing's output
# follows the valgrind pass's.
check: deps-check
	@$(MAKE) --no-print-directory -j$(CHECK_JOBS) all
	@$(MAKE) --no-print-directory test TEST_JOBS=$(CHECK_JOBS)
	@$(MAKE) --no-print-directory test-asan SAN_JOBS=-j$(CHECK_JOBS) \
		TEST_JOBS=$(CHECK_JOBS)
	@$(MAKE) --no-print-directory fuzz-build FUZZ_JOBS=-j$(CHECK_JOBS)
	@mkdir -p $(FUZZ_BUILD); \
	$(MAKE) --no-print-directory fuzz-run >$(FUZZ_BUILD)/check.out 2>&1 & \
	fuzz=$$!; \
	$(MAKE) --no-print-directory test-valgrind TEST_JOBS=$(CHECK_JOBS); \
		valgrind=$$?; \
	wait $$fuzz; fuzzed=$$?; \
	cat $(FUZZ_BUILD)/check.out; \
	[ $$valgrind -eq 0 ] && [ $$fuzzed -eq 0 ]

# Tests at a time (tests/run's NAQIB_TEST_JOBS).
TEST_JOBS ?= 1
test: all
	@NAQIB_TEST_JOBS=$(TEST_JOBS) tests/run $(BUILD)

# The examples of README.md and the man pages are run by make check
# (tests/t0210-examples.sh); this rewrites the outputs they show from a run
# of them, for review with git diff.
examples-update: all
	@NAQIB_EXAMPLES_UPDATE=1 tests/run $(BUILD) t0210-examples

SAN = -fsanitize=address,undefined -fno-sanitize-recover=all \
	-fno-omit-frame-pointer
test-asan:
	@$(MAKE) --no-print-directory $(SAN_JOBS) BUILD=build-asan \
		CFLAGS="-O1 -g $(SAN)" CXXFLAGS="-O1 -g $(SAN)" \
		LDFLAGS="$(SAN)" all
	@d=build-asan/test-logs/durations; \
	[ -f $$d ] || d=$(BUILD)/test-logs/durations; \
	ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 \
		UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
		NAQIB_TEST_JOBS=$(TEST_JOBS) NAQIB_TEST_DURATIONS=$$d \
		tests/run build-asan

# The end-to-end tests with the tools under valgrind's memcheck (errors and
# definite leaks fail a test).  `make check` runs VALGRIND_TESTS, the ones
# that cover indexing every format, searching with every output and the
# bad input; `make test-valgrind VALGRIND_TESTS=` runs them all (about 25
# minutes on 2 cores).
VALGRIND_TESTS ?= t0010-index-basics t0040-output t0050-bad-input
test-valgrind: all
	@NAQIB_VALGRIND=1 NAQIB_TEST_JOBS=$(TEST_JOBS) tests/run $(BUILD) \
		$(VALGRIND_TESTS)

# The reranker's model, data/rerank/model, trained again on
# ../shared/eval/train-headlines (scripts/rerank/train says how; Debian's
# python3-sklearn and python3-xgboost).  Not part of make check.
rerank-train: all
	scripts/rerank/train

bench: deps
	@scripts/deps bench
	@$(MAKE) --no-print-directory all
	bench/index-speed
	bench/eval
	bench/cgi

# The man pages are written as for PREFIX=/usr/local: installed, they name
# the directories installed to (a path in roff writes - as \-).
roff_path = $(subst -,\\-,$(1))
MAN_PATHS = \
	-e 's|/usr/local/share/bash\\-completion/completions|$(call roff_path,$(BASHCOMPDIR))|g' \
	-e 's|/usr/local/share/naqib/|$(call roff_path,$(DATADIR))/|g' \
	-e 's|/usr/local/lib/cgi\\-bin/|$(call roff_path,$(CGIDIR))/|g' \
	-e 's|/usr/local/lib/libnaqib|$(call roff_path,$(LIBDIR))/libnaqib|g' \
	-e 's|/etc/naqib\.conf|$(call roff_path,$(SYSCONFDIR))/naqib.conf|g' \
	-e 's|/usr/local/libexec/naqib/|$(call roff_path,$(LIBEXECDIR))/|g'

# naqib.pc is written at install time: it names the PREFIX installed to.
install: $(TOOLS) $(WORKER) $(CGI) $(LIB) $(SHLIB)
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(CGIDIR) $(DESTDIR)$(LIBDIR) \
		$(DESTDIR)$(LIBEXECDIR) \
		$(DESTDIR)$(PKGCONFIGDIR) $(DESTDIR)$(INCLUDEDIR) \
		$(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(MANDIR)/man3 \
		$(DESTDIR)$(MANDIR)/man7 $(DESTDIR)$(MANDIR)/man8
	install -m 755 $(TOOLS) $(DESTDIR)$(BINDIR)/
	install -m 755 $(WORKER) $(DESTDIR)$(LIBEXECDIR)/
	install -m 755 $(CGI) $(DESTDIR)$(CGIDIR)/
	install -m 644 $(LIB) $(DESTDIR)$(LIBDIR)/
	install -m 755 $(SHLIB) $(DESTDIR)$(LIBDIR)/
	ln -sf libnaqib.so.$(VERSION) $(DESTDIR)$(LIBDIR)/libnaqib.so.$(SOVERSION)
	ln -sf libnaqib.so.$(VERSION) $(DESTDIR)$(LIBDIR)/libnaqib.so
	install -m 644 lib/naqib.h $(DESTDIR)$(INCLUDEDIR)/
	sed -e 's|@PREFIX@|$(PREFIX)|' -e 's|@LIBDIR@|$(LIBDIR)|' \
		-e 's|@INCLUDEDIR@|$(INCLUDEDIR)|' -e 's|@VERSION@|$(VERSION)|' \
		-e 's|@REQUIRES@|$(LIB_PKGS)|' -e 's|@LIBS@|$(LIB_OTHER)|' \
		lib/naqib.pc.in > $(DESTDIR)$(PKGCONFIGDIR)/naqib.pc
	chmod 644 $(DESTDIR)$(PKGCONFIGDIR)/naqib.pc
	for page in $(MAN1) $(MAN3) $(MAN7) $(MAN8); do \
		to=$(DESTDIR)$(MANDIR)/man$${page##*.}/$${page##*/}; \
		sed $(MAN_PATHS) $$page >$$to && chmod 644 $$to || exit 1; \
	done
	install -d $(DESTDIR)$(DATADIR)
	install -m 644 data/thesaurus $(DESTDIR)$(DATADIR)/thesaurus
	install -m 644 data/places $(DESTDIR)$(DATADIR)/places
	install -d $(DESTDIR)$(BASHCOMPDIR)
	install -m 644 completion/naqib.bash $(DESTDIR)$(BASHCOMPDIR)/naqib-index
	ln -sf naqib-index $(DESTDIR)$(BASHCOMPDIR)/naqib-search
	ln -sf naqib-index $(DESTDIR)$(BASHCOMPDIR)/naqib-analyze

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/naqib-index $(DESTDIR)$(BINDIR)/naqib-search
	rm -f $(DESTDIR)$(BINDIR)/naqib-analyze
	rm -f $(DESTDIR)$(CGIDIR)/naqib.cgi $(MAN8:man/%=$(DESTDIR)$(MANDIR)/man8/%)
	rm -f $(DESTDIR)$(LIBDIR)/libnaqib.a $(DESTDIR)$(LIBDIR)/libnaqib.so \
		$(DESTDIR)$(LIBDIR)/libnaqib.so.$(SOVERSION) \
		$(DESTDIR)$(LIBDIR)/libnaqib.so.$(VERSION)
	rm -f $(DESTDIR)$(INCLUDEDIR)/naqib.h $(DESTDIR)$(PKGCONFIGDIR)/naqib.pc
	rm -f $(MAN1:man/%=$(DESTDIR)$(MANDIR)/man1/%)
	rm -f $(MAN3:man/%=$(DESTDIR)$(MANDIR)/man3/%)
	rm -f $(MAN7:man/%=$(DESTDIR)$(MANDIR)/man7/%)
	rm -f $(DESTDIR)$(DATADIR)/thesaurus $(DESTDIR)$(DATADIR)/places $(DESTDIR)$(LIBEXECDIR)/naqib-worker
	-rmdir $(DESTDIR)$(LIBEXECDIR) 2>/dev/null
	rm -f $(DESTDIR)$(BASHCOMPDIR)/naqib-index \
		$(DESTDIR)$(BASHCOMPDIR)/naqib-search \
		$(DESTDIR)$(BASHCOMPDIR)/naqib-analyze
	-rmdir $(DESTDIR)$(DATADIR) 2>/dev/null

clean:
	rm -rf build build-asan build-fuzz naqib.db

# ---------------------------------------------------------------- fuzzing
# libFuzzer harnesses (fuzz/README.md), built with clang, ASan and UBSan
# into build-fuzz/ with the library and the readers they call.
#   make fuzz-check   every harness for FUZZ_CHECK_SECONDS, then the saved
#                     regressions: part of `make check`
#   make fuzz         every harness for FUZZ_SECONDS, corpus kept in
#                     build-fuzz/corpus/ from one run to the next
FUZZ_BUILD = build-fuzz
FUZZ_CC = clang
FUZZ_CXX = clang++
FUZZ_SECONDS ?= 600
FUZZ_CHECK_SECONDS ?= 12
FUZZ_HARNESSES = analyze stem query formats cgi mail office html pdf
FUZZ_SAN = -fsanitize=address,undefined -fno-sanitize-recover=all \
	-fno-omit-frame-pointer
FUZZ_OBJ = $(INDEXER_OBJ) $(READER_OBJ) $(SEARCHER_OBJ)

.PHONY: fuzz fuzz-check fuzz-run fuzz-build fuzz-bins fuzz-clean

fuzz-build:
	@$(MAKE) --no-print-directory $(FUZZ_JOBS) BUILD=$(FUZZ_BUILD) CC=$(FUZZ_CC) \
		CXX=$(FUZZ_CXX) CFLAGS="-O1 -g $(FUZZ_SAN) -fsanitize=fuzzer-no-link" \
		CXXFLAGS="-O1 -g $(FUZZ_SAN) -fsanitize=fuzzer-no-link" \
		LDFLAGS="$(FUZZ_SAN)" fuzz-bins

fuzz-bins: $(FUZZ_HARNESSES:%=$(BUILD)/fuzz/fuzz_%)

$(BUILD)/fuzz/fuzz_%: fuzz/fuzz_%.c fuzz/fuzz.h $(FUZZ_OBJ) $(CLI) $(LIB)
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -c -o $@.o $<
	$(CXX) $(LDFLAGS) -fsanitize=fuzzer -o $@ $@.o $(FUZZ_OBJ) $(TOOL_LIBS) \
		$(FORMAT_LIBS)

fuzz-check: fuzz-build
	@$(MAKE) --no-print-directory fuzz-run

# The harnesses as fuzz-build left them.
fuzz-run:
	@fuzz/run.sh check $(FUZZ_BUILD) $(FUZZ_CHECK_SECONDS) $(FUZZ_HARNESSES)

fuzz: fuzz-build
	@fuzz/run.sh long $(FUZZ_BUILD) $(FUZZ_SECONDS) $(FUZZ_HARNESSES)

fuzz-clean:
	rm -rf $(FUZZ_BUILD)
