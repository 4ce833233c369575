# libnaqib as a library: make install into DESTDIR writes nothing outside
# it and PREFIX, as root or not; the shared library exports the API and
# nothing else; pkg-config finds it; the program of naqib(3) builds against
# the installed copy (shared and static) and prints what the page says.
. tests/lib.sh
build=$(basename "$NAQIB_BIN")
root=$T/root
prefix=/usr
# Under the sanitizers the library needs their runtime: the example is
# built with them too.
san=
if nm "$NAQIB_BIN/naqib-search" 2>/dev/null | grep -q __asan_init; then
	san="-fsanitize=address,undefined -fno-omit-frame-pointer"
fi
export PKG_CONFIG_PATH=$root$prefix/lib/pkgconfig PKG_CONFIG_SYSROOT_DIR=$root
export PKG_CONFIG_LIBDIR=$PKG_CONFIG_PATH
# pkg-config looks at the system's directories for naqib's dependencies.
PKG_CONFIG_LIBDIR=$PKG_CONFIG_PATH:$(pkg-config --variable pc_path pkg-config)

test_case 'make install DESTDIR= PREFIX= puts everything under them' <<'EOF2'
run make -s install BUILD="$build" DESTDIR="$root" PREFIX="$prefix"
expect_status 0 "make install: $(cat "$T/err")"
expect_eq "$(ls "$root")" "usr" "nothing outside DESTDIR/PREFIX"
for f in bin/naqib-index bin/naqib-search bin/naqib-analyze lib/cgi-bin/naqib.cgi \
	libexec/naqib/naqib-worker \
	lib/libnaqib.a lib/libnaqib.so lib/libnaqib.so.1 include/naqib.h \
	lib/pkgconfig/naqib.pc share/man/man3/naqib.3 share/man/man1/naqib-search.1 \
	share/naqib/thesaurus share/bash-completion/completions/naqib-search; do
	[ -e "$root$prefix/$f" ] || fail "$prefix/$f not installed"
done
expect_eq "$(readlink "$root$prefix/lib/libnaqib.so")" "libnaqib.so.$(sed -n 's/^#define NAQIB_VERSION "\(.*\)"/\1/p' lib/naqib.h)" "libnaqib.so names the version"
expect_in "$root$prefix/lib/pkgconfig/naqib.pc" "prefix=$prefix" "naqib.pc names the PREFIX installed to"
# The man pages name the directories installed to, not /usr/local's.
expect_in "$root$prefix/share/man/man7/naqib.7" ".IR $prefix/share/naqib/thesaurus :" "naqib(7) names the installed thesaurus"
expect_in "$root$prefix/share/man/man1/naqib-search.1" "$prefix/share/bash\\-completion/completions/naqib\\-search" "naqib-search(1) names the installed completion"
! grep -l '/usr/local/share\|/usr/local/lib/' "$root$prefix"/share/man/man*/* ||
	fail "an installed man page names /usr/local"
EOF2

test_case 'make install as a user who is not root, PREFIX in a directory of theirs' <<'EOF2'
mkdir -p "$T/user"
if [ "$(id -u)" = 0 ]; then
	command -v setpriv >/dev/null || fail "setpriv is missing (util-linux)"
	chown nobody "$T/user"
	chmod 755 "$T"
	as_user() { setpriv --reuid=nobody --regid=nogroup --clear-groups "$@"; }
else
	as_user() { "$@"; }
fi
run as_user make -s install BUILD="$build" PREFIX="$T/user/naqib"
expect_status 0 "make install as $(as_user id -un): $(cat "$T/err")"
[ -x "$T/user/naqib/bin/naqib-search" ] || fail "no naqib-search"
[ -x "$T/user/naqib/lib/cgi-bin/naqib.cgi" ] || fail "the CGI is not under PREFIX"
expect_eq "$(find "$T/user" -mindepth 1 -maxdepth 1)" "$T/user/naqib" "all under PREFIX"
EOF2

test_case 'the shared library exports naqib_* and every function of naqib.h' <<'EOF2'
so=$root$prefix/lib/libnaqib.so
# Symbols as name@@NAQIB_0: the version node of lib/naqib.map.
nm -D --defined-only "$so" | awk '$2 ~ /^[TDBRW]$/ { sub(/@.*/, "", $3); print $3 }' |
	sort >"$T/exported"
[ -s "$T/exported" ] || fail "nothing exported"
grep -v '^naqib_' "$T/exported" >"$T/other" || true
[ ! -s "$T/other" ] || fail "exported besides naqib_*: $(head -5 "$T/other" | tr '\n' ' ')"
# The functions naqib.h declares (a name before '(' at the start of a
# declaration).
sed -n 's/^[a-z_ ]*[ *]\(naqib_[a-z_0-9]*\)(.*/\1/p' lib/naqib.h | sort -u >"$T/declared"
missing=$(comm -23 "$T/declared" "$T/exported" | tr '\n' ' ')
[ -z "$missing" ] || fail "declared, not exported: $missing"
[ "$(wc -l <"$T/declared")" -ge 80 ] || fail "only $(wc -l <"$T/declared") functions found in naqib.h"
objdump -p "$so" | grep -q 'SONAME *libnaqib\.so\.1$' ||
	fail "soname: $(objdump -p "$so" | grep SONAME)"
EOF2

test_case 'naqib.h stands alone, in C99 and C++' <<'EOF2'
inc=$root$prefix/include
printf '#include <naqib.h>\nint main(void) { return naqib_status_to_string(NAQIB_OK)[0] != 0 ? 0 : 1; }\n' >"$T/h.c"
cc -std=c99 -pedantic -Wall -Wextra -Werror -I"$inc" -c -o "$T/h.o" "$T/h.c" ||
	fail "naqib.h in C99"
cp "$T/h.c" "$T/h.cc"
c++ -std=c++11 -pedantic -Wall -Wextra -Werror -I"$inc" -c -o "$T/hh.o" "$T/h.cc" ||
	fail "naqib.h in C++"
EOF2

test_case 'pkg-config: the flags of the installed copy' <<'EOF2'
expect_eq "$(pkg-config --cflags naqib)" "-I$root$prefix/include " "cflags"
expect_eq "$(pkg-config --libs naqib)" "-L$root$prefix/lib -lnaqib " "libs"
pkg-config --static --libs naqib | grep -q -- '-lxapian' || fail "--static misses Xapian"
pkg-config --static --libs naqib | grep -q -- '-lstemmer' || fail "--static misses libstemmer"
EOF2

# The program of naqib(3)'s EXAMPLES, and the output it shows: the
# page's first .EX block, then the one after "Built and run", roff
# escapes undone.
man3=$root$prefix/share/man/man3/naqib.3
example_block() { # n
	sed -n '/^\.SH EXAMPLES/,/^\.SH /p' "$man3" |
		awk -v want="$1" '/^\.EX$/ { n++; on = (n == want); next } /^\.EE$/ { on = 0 } on' |
		sed -e 's/\\e/\\/g' -e 's/\\-/-/g' -e "s/\\\\(aq/'/g"
}

test_case 'the example of naqib(3) builds against the installed library and runs' <<'EOF2'
example_block 1 >"$T/example.c"
[ "$(wc -l <"$T/example.c")" -gt 30 ] || fail "no program in naqib(3): $(cat "$T/example.c")"
example_block 2 | sed -n '/^\$ \.\/example/,$p' | tail -n +2 >"$T/want"
[ -s "$T/want" ] || fail "naqib(3) shows no output"
# shellcheck disable=SC2046
cc -std=c99 -Wall -Wextra -Werror $san -o "$T/example" "$T/example.c" \
	$(pkg-config --cflags --libs naqib) || fail "cc with pkg-config --cflags --libs naqib"
LD_LIBRARY_PATH=$root$prefix/lib "$T/example" "$T/example.db" >"$T/got" ||
	fail "the example failed: $(cat "$T/got")"
expect_eq "$(cat "$T/got")" "$(cat "$T/want")" "what the example prints is what naqib(3) shows"
# Again on the same database: the documents are replaced, not doubled.
LD_LIBRARY_PATH=$root$prefix/lib "$T/example" "$T/example.db" >"$T/got2" || fail "second run"
expect_eq "$(cat "$T/got2")" "$(cat "$T/want")" "a second run"
EOF2

test_case 'the example links statically too' <<'EOF2'
[ -z "$san" ] || { echo "(the sanitizers' build: the static link is checked without them)"; exit 0; }
example_block 1 >"$T/example.c"
pkg-config --exists uuid || fail "uuid-dev is missing (Xapian's -luuid): scripts/deps check installs it"
# shellcheck disable=SC2046
cc -std=c99 -o "$T/example-static" "$T/example.c" $(pkg-config --cflags naqib) \
	"$root$prefix/lib/libnaqib.a" $(pkg-config --static --libs naqib | sed 's/-lnaqib//') ||
	fail "static link with pkg-config --static"
! ldd "$T/example-static" | grep -q libnaqib || fail "linked to libnaqib.so"
"$T/example-static" "$T/static.db" | head -n 1 | grep -q '^1\. ' || fail "the static example printed no hit"
EOF2

test_done
