#!/bin/sh
# The examples of README.md and of the man pages are tests: each page's
# commands run in the order a reader meets them, in one shell, in a
# directory of its own that holds what a reader has (the sample corpus, the
# tools, scripts/demo), and what each prints must be what the page shows
# (tests/examples.pl says how figures that vary are marked).  A page whose
# examples no longer match fails here;
#     make examples-update
# rewrites the pages' outputs from a run, for review with git diff.
#
# README.md is read as a newcomer reads it after cloning: the tools are not
# on PATH until the README puts them there.  The man pages are read as by a
# user who installed naqib: the tools are on PATH.  naqib.cgi(8)'s
# http://localhost is a lighttpd of the test's (tests/httpd.sh), serving
# naqib.cgi over FastCGI under /search, and its /srv/naqib/unions.db is the
# sample corpus indexed in the page's directory.  naqib(3)'s program is
# built and run by t0190 against an installed copy; `make check`, the
# README's second command, is what runs this test, and is not run again.
#
# Run by tests/run from the repository root: tests/run build t0210-examples
. tests/lib.sh
. tests/httpd.sh

update=
[ "${NAQIB_EXAMPLES_UPDATE:-0}" = 1 ] && update=--update
root=$(pwd)
# A scratch directory for a page: what a reader has beside the page.
page_dir() { # name
	d=$T/$1
	mkdir -p "$d/build" "$d/scripts" "$d/run"
	cp -R corpus "$d/corpus"
	cp scripts/demo "$d/scripts/demo"
	for tool in naqib-index naqib-search naqib-analyze naqib.cgi; do
		ln -s "$NAQIB_BIN/$tool" "$d/build/$tool"
	done
	echo "$d"
}
# The shell the page's commands run in: no database chosen, no colours
# (the output is a file), and `make demo` as the README means it.
prelude() { # dir path
	cat >"$1/run/prelude.sh" <<EOF
cd '$1'
HOME='$1'
export HOME
unset NAQIB_DB NAQIB_BIDI NAQIB_CONF
PATH='$2'
export PATH
make() {
	case "\$*" in
	demo) scripts/demo build ;;
	# What runs this test: not run again.
	check) ;;
	*) echo "examples: only 'make demo' is run here, not 'make \$*'" >&2; return 2 ;;
	esac
}
EOF
}
# PATH without the tools: a directory that has naqib-search is left out.
bare_path=
IFS_save=$IFS
IFS=:
for p in $PATH; do
	[ -n "$p" ] && [ ! -e "$p/naqib-search" ] && bare_path=${bare_path:+$bare_path:}$p
done
IFS=$IFS_save

run_page() { # page dir [perl options...]
	page=$1 d=$2
	shift 2
	perl "$root/tests/examples.pl" $update --dir "$d/run" --prelude "$d/run/prelude.sh" "$@" "$page"
}

test_case 'README.md: the commands work pasted from the top, and print what it shows' <<'EOF'
d=$(page_dir readme)
prelude "$d" "$bare_path"
run_page README.md "$d"
EOF

for page in man/naqib-index.1 man/naqib-search.1 man/naqib-analyze.1 man/naqib.7; do
	test_case "$page: every example runs and prints what the page shows" <<'EOF'
name=$(basename "$page")
d=$(page_dir "$name")
prelude "$d" "$d/build:$bare_path"
run_page "$page" "$d"
EOF
done

# naqib.cgi(8): a server with a database, as its examples suppose.
cgi=$(page_dir naqib.cgi.8)
mkdir -p "$cgi/srv/naqib"
"$NAQIB_BIN/naqib-index" -q -d "$cgi/srv/naqib/unions.db" corpus/texts corpus/samples.jsonl corpus/samples.trec
start_httpd "$cgi/srv/naqib/unions.db"
test_case 'man/naqib.cgi.8: every example runs and prints what the page shows' <<'EOF'
prelude "$cgi" "$cgi/build:$bare_path"
cat >>"$cgi/run/prelude.sh" <<EOF2
# The page's server is the test's.
curl() {
	for a; do
		shift
		case \$a in http://localhost/*) a="$HTTP/\${a#http://localhost/}" ;; esac
		set -- "\$@" "\$a"
	done
	command curl "\$@"
}
EOF2
run_page man/naqib.cgi.8 "$cgi" --map "/srv/naqib/unions.db=$cgi/srv/naqib/unions.db"
EOF

test_done
