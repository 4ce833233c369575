#!/bin/sh
# The man pages: every page formats without a single warning, with mandoc's
# linter and with groff; every page has the sections NAME, SYNOPSIS
# (section 7 aside), DESCRIPTION, EXIT STATUS, EXAMPLES and SEE ALSO, and
# every other page names naqib-analyze(1) in SEE ALSO; the OPTIONS of
# naqib-index(1),
# naqib-search(1) and naqib-analyze(1) agree with what the tools print for
# --help, both ways.
# naqib.cgi(8), whose program has only --help and --version, documents
# those two and the environment variables that its --help names.
#
# Run by tests/run from the repository root, with NAQIB_BIN set to the
# directory of the built tools:  NAQIB_BIN=build sh tests/t0090-man-pages.sh
. tests/lib.sh
# Bytes, not characters, and one sort order for comm(1).
LC_ALL=C
export LC_ALL

# Each case makes every one of its checks and tells each one that fails:
# fail counts here, and checks_passed, at the end of the case, fails it.
fail() {
	echo "FAILED: $*" >&2
	failures=$((failures + 1))
}
checks_passed() {
	[ "$failures" -eq 0 ]
}

for tool in mandoc groff; do
	command -v "$tool" >/dev/null 2>&1 || {
		echo "FAILED: $tool is not installed (scripts/deps check installs it)" >&2
		exit 1
	}
done

pages="man/naqib-index.1 man/naqib-search.1 man/naqib-analyze.1 man/naqib.7 man/naqib.cgi.8"
test_case 'the five man pages are there' <<'EOF'
failures=0
for page in $pages; do
	[ -f "$page" ] || fail "$page is missing"
done
checks_passed
EOF
for page in man/*.[1-9]; do
	[ -f "$page" ] || continue
	case " $pages " in *" $page "*) ;; *) pages="$pages $page" ;; esac
done

# ---------------------------------------------------------------- lint

for page in $pages; do
	[ -f "$page" ] || continue
	test_case "$page: nothing to say from mandoc -Tlint nor groff -ww; tables announced" <<'EOF'
failures=0

	# mandoc: nothing at all to say, at the level of warnings and above.
	status=0
	mandoc -Tlint -Wwarning -K utf-8 "$page" >"$T/lint" 2>&1 || status=$?
	if [ "$status" -ne 0 ] || [ -s "$T/lint" ]; then
		fail "mandoc -Tlint -Wwarning $page (exit $status):"
		sed 's/^/    /' "$T/lint" >&2
	fi

	# groff with every warning on (-ww), tables through tbl (-t).  The
	# pages are UTF-8 with Arabic in them: preconv reads them (-k -K),
	# and the terminal device is the one that has Arabic glyphs (-Tutf8;
	# groff's PostScript fonts have none, and groff-base ships no
	# PostScript device).  This is what man(1) runs on a UTF-8 terminal.
	status=0
	groff -k -K utf-8 -Tutf8 -man -t -ww -z "$page" >"$T/groff" 2>&1 ||
		status=$?
	if [ "$status" -ne 0 ] || [ -s "$T/groff" ]; then
		fail "groff -man -t -ww $page (exit $status):"
		sed 's/^/    /' "$T/groff" >&2
	fi

	# A page with tables must say so on its first line, for man(1).
	if grep -q '^\.TS' "$page" && [ "$(head -n 1 "$page")" != "'\\\" t" ]; then
		fail "$page has tables but its first line is not '\\\" t"
	fi
checks_passed
EOF
done

# ---------------------------------------------------------------- sections

for page in $pages; do
	[ -f "$page" ] || continue
	test_case "$page has every section that a page of its section needs" <<'EOF'
failures=0
	sed -n 's/^\.SH  *//p' "$page" | tr -d '"' >"$T/sections"
	# A library's page (3) says what its functions return, a program's
	# how it exits.
	case $page in
	*.3) want="NAME DESCRIPTION RETURN_VALUE EXAMPLES SEE_ALSO" ;;
	*) want="NAME DESCRIPTION EXIT_STATUS EXAMPLES SEE_ALSO" ;;
	esac
	case $page in *.7) ;; *) want="$want SYNOPSIS" ;; esac
	for section in $want; do
		section=$(echo "$section" | tr _ ' ')
		grep -qx -- "$section" "$T/sections" ||
			fail "$page has no $section section"
	done
checks_passed
EOF
	# The tool that shows what the analysis does, from every other page.
	case $page in man/naqib-analyze.1) continue ;; esac
	test_case "$page: SEE ALSO lists naqib-analyze(1)" <<'EOF'
failures=0
	sed -e '1,/^\.SH "*SEE ALSO"*$/d' -e '/^\.SH/,$d' -e 's/\\-/-/g' "$page" |
		grep -q '^\.BR naqib-analyze (1)' ||
		fail "$page: SEE ALSO does not list naqib-analyze(1)"
checks_passed
EOF
done

# ---------------------------------------------------------------- options

# The page as text: comments dropped, \- as -, font escapes and \& removed.
roff_text() {
	sed -e '/^\.\\"/d' -e "/^'\\\\\"/d" \
	    -e 's/\\-/-/g' -e 's/\\f[BIRP1-4]//g' -e 's/\\f\[[^]]*\]//g' \
	    -e 's/\\f([A-Z][A-Z]//g' -e 's/\\&//g' "$1"
}

# The tag lines (the line after .TP) of the OPTIONS section, as text.
option_tags() {
	roff_text "$1" | awk '
		/^\.SH / { in_options = ($0 ~ /^\.SH "?OPTIONS"?$/); next }
		in_options && tag { print; tag = 0; next }
		in_options && /^\.TP/ { tag = 1 }'
}

long_options() {
	grep -o -- '--[a-z][a-z0-9-]*' | sort -u
}

check_options() { # tool page
	tool=$1
	page=$2
	[ -f "$page" ] || return 0
	status=0
	"$NAQIB_BIN/$tool" --help >"$T/help" 2>&1 || status=$?
	if [ "$status" -ne 0 ]; then
		fail "$tool --help exited with $status"
		return 0
	fi
	long_options <"$T/help" >"$T/help.long"
	[ -s "$T/help.long" ] || {
		fail "$tool --help lists no long options"
		return 0
	}
	option_tags "$page" >"$T/tags"
	long_options <"$T/tags" >"$T/tags.long"
	# An option after the name of another program on its line is that
	# program's ("naqib-index --shards" in naqib-search(1)).
	roff_text "$page" | sed "s/$tool/SELF/g" |
		sed -E "s/(xapian-[a-z]+|naqib-[a-z]+|naqib\.cgi).*//" |
		long_options >"$T/page.long"

	missing=$(comm -23 "$T/help.long" "$T/tags.long" | tr '\n' ' ')
	[ -z "$missing" ] ||
		fail "$page: OPTIONS does not document ${missing}(printed by $tool --help)"
	extra=$(comm -13 "$T/help.long" "$T/page.long" | tr '\n' ' ')
	[ -z "$extra" ] ||
		fail "$page: mentions ${extra}which $tool --help does not print"

	# Short forms: "-d, --db" in --help is "-d, --db" in the OPTIONS tag.
	grep -o -- '^ *-[A-Za-z0-9], --[a-z][a-z0-9-]*' "$T/help" |
		sed 's/^ *//' >"$T/help.pairs" || true
	while IFS= read -r pair; do
		grep -qF -- "$pair" "$T/tags" ||
			fail "$page: OPTIONS has no tag '$pair' (as in $tool --help)"
	done <"$T/help.pairs"
}

for tool in naqib-index naqib-search naqib-analyze; do
	test_case "$tool(1): OPTIONS and $tool --help agree, both ways, short forms too" <<'EOF'
failures=0
check_options $tool man/$tool.1
checks_passed
EOF
done

# The tag lines (the line after .TP) of a section, as text.
section_tags() { # page SECTION
	roff_text "$1" | awk -v want="$2" '
		/^\.SH / {
			name = $0
			sub(/^\.SH +/, "", name)
			gsub(/"/, "", name)
			in_section = (name == want)
			next
		}
		in_section && tag { print; tag = 0; next }
		in_section && /^\.TP/ { tag = 1 }'
}

# A program run by a web server, without arguments: its --help is a short
# text, not a list of options, so the comparison above does not fit.
# OPTIONS documents --help and --version and nothing else, both work, any
# other argument is a usage error, and ENVIRONMENT has every variable that
# --help names.
check_cgi() { # tool page
	tool=$1
	page=$2
	[ -f "$page" ] || return 0
	for opt in --help --version; do
		status=0
		"$NAQIB_BIN/$tool" "$opt" >"$T/out" 2>&1 || status=$?
		[ "$status" -eq 0 ] || fail "$tool $opt exited with $status"
	done
	"$NAQIB_BIN/$tool" --version | grep -q "^$tool [0-9]" ||
		fail "$tool --version does not print '$tool VERSION'"
	status=0
	"$NAQIB_BIN/$tool" --no-such-option >/dev/null 2>&1 || status=$?
	[ "$status" -eq 2 ] ||
		fail "$tool --no-such-option exited with $status, not 2"
	"$NAQIB_BIN/$tool" --help >"$T/help" 2>&1 || true
	name=$(basename "$page")
	grep -qF -- "${name%.*}(${name##*.})" "$T/help" ||
		fail "$tool --help does not name its page ${name%.*}(${name##*.})"

	section_tags "$page" OPTIONS | long_options >"$T/tags.long"
	printf '%s\n' --help --version >"$T/want.long"
	cmp -s "$T/tags.long" "$T/want.long" ||
		fail "$page: OPTIONS documents $(tr '\n' ' ' <"$T/tags.long")instead of --help --version"
	grep -o '\$[A-Z][A-Z0-9_]*' "$T/help" | tr -d '$' | sort -u >"$T/help.env"
	[ -s "$T/help.env" ] || fail "$tool --help names no environment variable"
	section_tags "$page" ENVIRONMENT >"$T/env.tags"
	while IFS= read -r var; do
		grep -qw -- "$var" "$T/env.tags" ||
			fail "$page: ENVIRONMENT does not document $var (named by $tool --help)"
	done <"$T/help.env"
}

test_case 'naqib.cgi(8): --help and --version, documented, and the environment --help names' <<'EOF'
failures=0
check_cgi naqib.cgi man/naqib.cgi.8
checks_passed
EOF

test_done
