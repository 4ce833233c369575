# Bash completion (completion/naqib.bash): the options come from each
# tool's --help, the values of --format, --bidi, --weighting... are
# completed, -d completes directories and naqib-index's arguments files;
# without the bash-completion package and, when it is installed, with it.
# `make install` puts the script under the three command names.
# NAQIB_BASH_COMPLETION: the bash_completion script to test with (default:
# /usr/share/bash-completion/bash_completion, if it exists).
. tests/lib.sh
command -v bash >/dev/null 2>&1 || fail "bash is not installed"
repo=$(pwd)

# A directory to complete in: a subdirectory and a file.
mkdir -p "$T/here/dbdir" "$T/here/texts"
: >"$T/here/notes.txt"

# complete_line LINE: COMPREPLY for the cursor at the end of LINE, one a line.
# The words are split as bash splits them: at blanks, and around "=".
cat >"$T/complete.bash" <<'EOF'
set -u
[ -n "${BASH_COMPLETION_SCRIPT:-}" ] && . "$BASH_COMPLETION_SCRIPT"
. "$REPO/completion/naqib.bash"
complete_line() {
	local line=$1 w
	local -a split words=()
	read -ra split <<<"$line"
	for w in "${split[@]}"; do
		if [[ $w == *=* ]]; then
			words+=("${w%%=*}" =)
			[[ ${w#*=} ]] && words+=("${w#*=}")
		else
			words+=("$w")
		fi
	done
	[[ $line == *' ' ]] && words+=("")
	COMP_WORDS=("${words[@]}")
	COMP_CWORD=$((${#words[@]} - 1))
	COMP_LINE=$line
	COMP_POINT=${#line}
	COMPREPLY=()
	local spec
	# As bash does: the command's compspec, else its last component's.
	spec=$(complete -p "${words[0]}" 2>/dev/null) ||
		spec=$(complete -p "${words[0]##*/}") || return 1
	[[ $spec == *"-F _naqib "* ]] || { echo "not _naqib: $spec" >&2; return 1; }
	_naqib "${words[0]}" "${words[COMP_CWORD]}" "${words[COMP_CWORD - 1]}"
	((${#COMPREPLY[@]})) && printf '%s\n' "${COMPREPLY[@]}"
	return 0
}
complete_line "$1"
EOF

# The replies, sorted, in $T/reply (one a line) and $reply (on one line).
complete_at() { # line
	(cd "$T/here" && PATH="$NAQIB_BIN:$PATH" REPO=$repo \
		bash "$T/complete.bash" "$1") >"$T/reply.raw" 2>"$T/reply.err" ||
		fail "$mode: completing '$1': $(cat "$T/reply.err")"
	[ ! -s "$T/reply.err" ] || fail "$mode: completing '$1': $(cat "$T/reply.err")"
	LC_ALL=C sort "$T/reply.raw" >"$T/reply"
	reply=$(tr '\n' ' ' <"$T/reply" | sed 's/ $//')
}

expect_completion() { # line want
	complete_at "$1"
	expect_eq "$reply" "$2" "$mode: completing '$1'"
}

# The cases, for the mode in $mode.
checks() {
	test_case "$mode: the values of --bidi, --color, --format, --weighting, --sort and the stemmers" <<'EOF'
	expect_completion 'naqib-search --bi' '--bidi'
	expect_completion 'naqib-search --bidi ' 'auto logical visual'
	expect_completion 'naqib-search --bidi v' 'visual'
	expect_completion 'naqib-analyze --bidi ' 'auto logical visual'
	expect_completion 'naqib-search --color ' 'always auto never'
	expect_completion 'naqib-index --format ' 'auto jsonl trec txt'
	expect_completion 'naqib-index -f j' 'jsonl'
	expect_completion 'naqib-search -f ' 'csv json text trec'
	expect_completion 'naqib-search --format=t' 'text trec'
	expect_completion 'naqib-analyze -f ' 'json text'
	expect_completion 'naqib-analyze --format=' 'json text'
	expect_completion 'naqib-search --weighting b' 'bb2 bm25'
	expect_completion 'naqib-search --sort ' 'newest oldest relevance'
	expect_completion 'naqib-index -s ' 'light none snowball'
	expect_completion 'naqib-analyze --stemmer l' 'light'
	expect_completion 'naqib-index --latin-stemmer no' 'none norwegian'
	expect_completion 'naqib-analyze --latin-stemmer en' 'english'
EOF
	# Directories, files, and nothing where the value is the user's.
	test_case "$mode: directories, files, and nothing where the value is the user's" <<'EOF'
	expect_completion 'naqib-index -d ' 'dbdir texts'
	expect_completion 'naqib-index --db d' 'dbdir'
	expect_completion 'naqib-search -d ' 'dbdir texts'
	expect_completion 'naqib-index --root t' 'texts'
	expect_completion 'naqib-index --compact ' 'dbdir texts'
	expect_completion 'naqib-index --thesaurus n' 'notes.txt'
	expect_completion 'naqib-search --queries n' 'notes.txt'
	expect_completion 'naqib-analyze --file n' 'notes.txt'
	expect_completion 'naqib-index -q ' 'dbdir notes.txt texts'
	expect_completion 'naqib-index -d dbdir t' 'texts'
	expect_completion 'naqib-index --delete ' ''
	expect_completion 'naqib-search -n ' ''
	expect_completion 'naqib-search --batch' ''
	expect_completion 'naqib-search الإضراب ' ''
	expect_completion 'naqib-analyze -- --q' ''
	expect_completion 'naqib-search --facets' '--facets'
EOF

	# Every option of every tool's --help, long and short, and no other.
	for tool in naqib-index naqib-search naqib-analyze; do
		test_case "$mode: every option of $tool --help, long and short, and no other" <<'EOF'
		"$NAQIB_BIN/$tool" --help | grep -o -- '--[a-z][a-z0-9-]*' |
			LC_ALL=C sort -u | tr '\n' ' ' | sed 's/ $//' >"$T/long"
		expect_completion "$tool --" "$(cat "$T/long")"
		"$NAQIB_BIN/$tool" --help | grep -o -- '^ *-[A-Za-z0-9],' |
			tr -d ' ,' | LC_ALL=C sort -u >"$T/short"
		[ -s "$T/short" ] || fail "$tool --help has no short option"
		complete_at "$tool -"
		grep -v -- '^--' "$T/reply" >"$T/got.short" || true
		cmp -s "$T/short" "$T/got.short" ||
			fail "$mode: $tool -: short options $(tr '\n' ' ' <"$T/got.short"), want $(tr '\n' ' ' <"$T/short")"
EOF
	done
	# A path to the tool runs that one.
	test_case "$mode: a path to the tool completes for that tool" <<'EOF'
	expect_completion "$NAQIB_BIN/naqib-analyze --fo" '--format'
EOF
}

mode="without bash-completion"
BASH_COMPLETION_SCRIPT=
export BASH_COMPLETION_SCRIPT
checks

# With the bash-completion package, when it is installed.
bc=${NAQIB_BASH_COMPLETION:-/usr/share/bash-completion/bash_completion}
if [ -f "$bc" ]; then
	mode="with bash-completion"
	BASH_COMPLETION_SCRIPT=$bc
	checks
else
	test_skip "with bash-completion: every completion" \
		"no $bc: the bash-completion package is not installed"
fi

# ---------------------------------------------------------------- install

# Only when the tools are up to date: `make install` would build them.
unset MAKEFLAGS MFLAGS MAKELEVEL
if command -v make >/dev/null 2>&1 &&
	make -s -q BUILD="$NAQIB_BIN" "$NAQIB_BIN/naqib-index" \
		"$NAQIB_BIN/naqib-search" "$NAQIB_BIN/naqib-analyze" \
		"$NAQIB_BIN/naqib.cgi" >/dev/null 2>&1; then
	dir=$T/inst/usr/share/bash-completion/completions
	test_case 'make install puts completion/naqib.bash under the three command names' <<'EOF'
	run make -s BUILD="$NAQIB_BIN" DESTDIR="$T/inst" PREFIX=/usr install
	expect_status 0 "make install"
	for tool in naqib-index naqib-search naqib-analyze; do
		[ -f "$dir/$tool" ] || fail "make install: no $dir/$tool"
		cmp -s "$dir/$tool" completion/naqib.bash ||
			fail "make install: $dir/$tool is not completion/naqib.bash"
	done
EOF
	test_case 'make install BASHCOMPDIR= puts them there' <<'EOF'
	run make -s BUILD="$NAQIB_BIN" DESTDIR="$T/inst" PREFIX=/usr \
		BASHCOMPDIR=/etc/bash_completion.d install
	expect_status 0 "make install BASHCOMPDIR="
	[ -f "$T/inst/etc/bash_completion.d/naqib-search" ] ||
		fail "make install: BASHCOMPDIR not used"
EOF
	test_case 'make uninstall takes them away' <<'EOF'
	run make -s BUILD="$NAQIB_BIN" DESTDIR="$T/inst" PREFIX=/usr uninstall
	expect_status 0 "make uninstall"
	for tool in naqib-index naqib-search naqib-analyze; do
		if [ -e "$dir/$tool" ] || [ -L "$dir/$tool" ]; then
			fail "make uninstall left $dir/$tool"
		fi
	done
EOF
else
	for what in 'make install puts completion/naqib.bash under the three command names' \
		'make install BASHCOMPDIR= puts them there' 'make uninstall takes them away'; do
		test_skip "$what" "the tools in $NAQIB_BIN are not up to date: make install not tried"
	done
fi

test_done
