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
# on PATH until the README puts them there, nor any database.  The man pages
# are read as by a user who installed naqib and ran make demo: the tools are
# on PATH and NAQIB_DB is the demo database (the sample corpus), for the
# examples that do not make a database of their own.  naqib.cgi(8)'s
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
# The shell the page's commands run in: the database given or none, no
# colours (the output is a file), and `make demo` as the README means it.
prelude() { # dir path [database]
	cat >"$1/run/prelude.sh" <<EOF
cd '$1'
HOME='$1'
export HOME
unset NAQIB_DB NAQIB_BIDI NAQIB_CONF
${3:+NAQIB_DB='$3'; export NAQIB_DB}
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

# The runner itself: what it must catch, and what it must let by.
test_case 'examples.pl: a wrong output, a failing command, a stale mark and outputs that should be one fail; a marked figure does not' <<'EOF'
d=$(page_dir self)
prelude "$d" "$bare_path"
cat >"$d/good.7" <<'PAGE'
.\" example: varies 0.25
.EX
$ echo "took 0.25 s"; echo done
took 0.25 s
done
$ false
$ echo $?
1
.EE
.\" example: output not shown
.EX
$ echo anything
.EE
PAGE
sed 's/^done$/finished/' "$d/good.7" >"$d/wrong.7"
sed 's/^\$ echo \$?$/$ true/; /^1$/d' "$d/good.7" >"$d/status.7"
sed 's/varies 0.25/varies 0.5/' "$d/good.7" >"$d/stale.7"
printf '%s\n' '<!-- example: varies 7 -->' '```' '$ echo 7 items' '7 items' '```' '' '    echo ok' >"$d/good.md"
sed 's/^    echo ok$/    exit 3/' "$d/good.md" >"$d/fails.md"
printf '%s\n' '.\" example: same output' .EX '$ echo "3 results (0.1 s)"' '$ echo "3 results (0.25 s)"' .EE >"$d/same.7"
sed 's/^\$ echo "3 results (0.25 s)"$/$ echo "4 results (0.1 s)"/' "$d/same.7" >"$d/notsame.7"
for page in good.7 good.md same.7; do
	perl tests/examples.pl --dir "$d/run" --prelude "$d/run/prelude.sh" "$d/$page" 2>"$T/err" ||
		fail "$page: $(cat "$T/err")"
done
sed -i 's/echo "took 0.25 s"/echo "took 12.5 s"/' "$d/good.7"
perl tests/examples.pl --dir "$d/run" --prelude "$d/run/prelude.sh" "$d/good.7" 2>"$T/err" ||
	fail "the marked figure, as another figure: $(cat "$T/err")"
for page in wrong.7 status.7 stale.7 fails.md notsame.7; do
	status=0
	perl tests/examples.pl --dir "$d/run" --prelude "$d/run/prelude.sh" "$d/$page" 2>"$T/err" || status=$?
	[ "$status" = 1 ] || fail "$page: exit status $status, want 1: $(cat "$T/err")"
done
perl tests/examples.pl --dir "$d/run" --prelude "$d/run/prelude.sh" "$d/wrong.7" 2>"$T/err" || :
expect_in "$T/err" "wrong.7:3: the output differs from the page's" "the difference, at the command's line"
expect_in "$T/err" "-finished" "the page's line"
expect_in "$T/err" "+done" "the run's line"
perl tests/examples.pl --dir "$d/run" --prelude "$d/run/prelude.sh" "$d/stale.7" 2>"$T/err" || :
expect_in "$T/err" "'varies 0.5': no output of the block has it" "a stale mark"
# --update writes the run's output into the page, and then it matches.
perl tests/examples.pl --update --dir "$d/run" --prelude "$d/run/prelude.sh" "$d/wrong.7" 2>"$T/err"
expect_eq "$(sed -n 5p "$d/wrong.7")" "done" "the page's output, rewritten"
perl tests/examples.pl --dir "$d/run" --prelude "$d/run/prelude.sh" "$d/wrong.7" 2>"$T/err" ||
	fail "after --update: $(cat "$T/err")"
EOF

test_case 'README.md: the commands work pasted from the top, and print what it shows' <<'EOF'
d=$(page_dir readme)
prelude "$d" "$bare_path"
run_page README.md "$d"
EOF

# The demo database, as make demo makes it.
"$NAQIB_BIN/naqib-index" -q -d "$T/demo.db" corpus/texts corpus/seeds \
	corpus/samples.jsonl corpus/samples.trec

# make demo prints its commands as a shell takes them: each line pasted
# into bash runs and prints what the demo printed under it.
test_case 'make demo: each command it prints, pasted into bash, prints what the demo showed' <<'EOF'
d=$(page_dir demo)
cd "$d"
scripts/demo build >"$T/demo.out" 2>&1 || fail "scripts/demo: $(tail -n 5 "$T/demo.out")"
perl -e '
	local $/; my $t = <STDIN>;
	$t =~ s/\n\nThe database is in .*\z/\n/s;
	my @parts = split(/^\$ (.*)\n/m, $t);
	shift @parts;
	my $n = 0;
	while (@parts) {
		my ($cmd, $out) = splice(@parts, 0, 2);
		$out =~ s/\n\n\z/\n/;
		open(my $c, ">", "$ARGV[0]/cmd.$n") or die; print $c "$cmd\n"; close $c;
		open(my $o, ">", "$ARGV[0]/want.$n") or die; print $o $out; close $o;
		$n++;
	}
	print "$n\n";
' "$T" <"$T/demo.out" >"$T/n"
n=$(cat "$T/n")
[ "$n" -ge 10 ] || fail "only $n commands in the demo's output"
rm -rf build/demo.db build/demo-files.db
i=0
while [ "$i" -lt "$n" ]; do
	bash "$T/cmd.$i" >"$T/got.$i" 2>&1 || fail "exit status $? for: $(cat "$T/cmd.$i")"
	# The commands that index are not compared (their figures vary);
	# the others search.  The time a search took varies: not compared.
	for f in want got; do
		# Blank lines at the end are the demo's spacing.
		sed -e 's/([0-9.]* s)$/(TIME s)/' -e 's/"seconds": [0-9.e-]*/"seconds": TIME/' \
			"$T/$f.$i" | sed -e :a -e '/^\n*$/{$d;N;ba' -e '}' >"$T/$f.$i.cmp"
	done
	case $(cat "$T/cmd.$i") in *naqib-index\ *) i=$((i + 1)); continue ;; esac
	if ! cmp -s "$T/want.$i.cmp" "$T/got.$i.cmp"; then
		diff "$T/want.$i.cmp" "$T/got.$i.cmp" | sed 's/^/    /' | head -n 20 >&2
		fail "pasted, $(cat "$T/cmd.$i") prints something else"
	fi
	i=$((i + 1))
done
EOF

for page in man/naqib-index.1 man/naqib-search.1 man/naqib-analyze.1 man/naqib.7; do
	test_case "$page: every example runs and prints what the page shows" <<'EOF'
name=$(basename "$page")
d=$(page_dir "$name")
cp -R "$T/demo.db" "$d/demo.db"
prelude "$d" "$d/build:$bare_path" "$d/demo.db"
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
