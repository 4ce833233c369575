# Bash completion (completion/naqib.bash): the options come from each
# tool's --help, the values of --format, --bidi, --weighting... are
# completed, -d completes directories and naqib-index's arguments files,
# and in naqib-search's queries the field names and the names of the
# thesaurus after union: and place: (in a real bash under tmux too, for
# readline's words and quotes); without the bash-completion package and,
# when it is installed, with it.
# `make install` puts the script under the three command names.
# NAQIB_BASH_COMPLETION: the bash_completion script to test with (default:
# /usr/share/bash-completion/bash_completion, if it exists).
. tests/lib.sh
command -v bash >/dev/null 2>&1 || fail "bash is not installed"
repo=$(pwd)

# A directory to complete in: a subdirectory and a file.
mkdir -p "$T/here/dbdir" "$T/here/texts" "$T/home"
: >"$T/here/notes.txt"
# A database whose thesaurus the names come from: the built-in one and
# an entry of ours.
printf 'union: XCW | عمال الحراسة\n' >"$T/user.ths"
index_corpus "$T/db" --thesaurus "$T/user.ths"

# complete_line LINE: COMPREPLY for the cursor at the end of LINE, one a line.
# The words are split as bash splits them (LINE has no quotes): at blanks,
# and around "=" and ":", which COMP_WORDBREAKS has.
cat >"$T/complete.bash" <<'EOF'
set -u
[ -n "${BASH_COMPLETION_SCRIPT:-}" ] && . "$BASH_COMPLETION_SCRIPT"
. "$REPO/completion/naqib.bash"
complete_line() {
	local line=$1 w
	local -a split words=()
	read -ra split <<<"$line"
	for w in "${split[@]}"; do
		while [[ $w == *[=:]* ]]; do
			local head=${w%%[=:]*}
			[[ $head ]] && words+=("$head")
			w=${w:${#head}}
			words+=("${w:0:1}")
			w=${w:1}
		done
		[[ $w ]] && words+=("$w")
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
	# Readline's word, which bash passes: nothing after a word break.
	local text=${words[COMP_CWORD]}
	[[ $text == [=:] ]] && text=
	_naqib "${words[0]}" "$text" "${words[COMP_CWORD - 1]}"
	((${#COMPREPLY[@]})) && printf '%s\n' "${COMPREPLY[@]}"
	return 0
}
complete_line "$1"
EOF

# The replies, sorted, in $T/reply (one a line) and $reply (on one line).
# With NAQIB_DB set in the completing shell to $complete_db, if set.
complete_db=
complete_at() { # line
	(cd "$T/here" && PATH="$NAQIB_BIN:$PATH" REPO=$repo \
		env ${complete_db:+NAQIB_DB="$complete_db"} \
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
	# Every format of the table (the readers come and go by their row).
	expect_completion 'naqib-index --format ' "$(naqib_index --list format | cut -f 1 | sort | tr '\n' ' ' | sed 's/ $//')"
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

	# A query word: a field name (from --list field), or a name of the
	# database's thesaurus after union: and place: (--list unions,
	# places), the -d of the line or $NAQIB_DB.
	test_case "$mode: naqib-search's query words: field names, Latin and Arabic" <<'EOF'
	expect_completion 'naqib-search uni' 'union:'
	expect_completion 'naqib-search -n 3 pl' 'place:'
	expect_completion 'naqib-search إضراب نق' 'نقابة: نقابه:'
	expect_completion 'naqib-search م' 'مصدر: مكان:'
	expect_completion 'naqib-search -- -uni' '-union:'
	expect_completion 'naqib-search unionx' ''
	expect_completion 'naqib-search إضراب' ''
EOF
	test_case "$mode: union: and place: complete to the names of the database's thesaurus" <<'EOF'
	canonical=$("$NAQIB_BIN/naqib-search" -d "$T/db" --list unions | cut -f1 | LC_ALL=C sort | tr '\n' ' ' | sed 's/ $//')
	expect_completion "naqib-search -d $T/db union:" "$canonical"
	expect_completion "naqib-search -d $T/db union:C" \
		"$(printf '%s\n' $canonical | grep '^C' | tr '\n' ' ' | sed 's/ $//')"
	expect_completion "naqib-search -d $T/db union:ugtt" 'UGTT'
	expect_completion "naqib-search -d $T/db union:XC" 'XCW'
	expect_completion "naqib-search --db=$T/db union:XC" 'XCW'
	expect_completion "naqib-search -d $T/db نقابة:عمال" "'\"عمال الحراسة\"'"
	expect_completion "naqib-search -d $T/db place:الدار" "'\"الدار البيضاء\"'"
	expect_completion "naqib-search -d $T/db مكان:الربا" 'الرباط'
	expect_completion "naqib-search -d $T/db union:ك.د" 'ك.د.ش'
	expect_completion "naqib-search -d $T/db year:20" ''
	expect_completion "naqib-search -d $T/db union:NOPE" ''
	# No database: nothing to offer.
	expect_completion 'naqib-search union:C' ''
EOF
	test_case "$mode: union: with \$NAQIB_DB" <<'EOF'
	complete_db=$T/db
	expect_completion 'naqib-search union:XC' 'XCW'
EOF
	# Readline's own words and quotes, in a real interactive bash: the
	# line as it is after TAB, and what the shell then passes on.
	test_case "$mode: in a real bash (tmux): the line after TAB, quoted for the shell and the query" <<'EOF'
	command -v tmux >/dev/null || fail "tmux is not installed (scripts/deps check installs it)"
	tmux_complete 'naqib-search union:CD' 'naqib-search union:CDT '
	tmux_complete 'naqib-search uni' 'naqib-search union:'
	tmux_complete 'naqib-search مكان:الربا' 'naqib-search مكان:الرباط '
	tmux_complete 'naqib-search place:الدار' "naqib-search place:'\"الدار البيضاء\"' "
	tmux_complete 'naqib-search place:"الدار' 'naqib-search place:"\"الدار البيضاء\"" '
	tmux_complete "naqib-search place:'الدار" "naqib-search place:'\"الدار البيضاء\"' "
	tmux_complete "naqib-search 'إضراب place:الدار" "naqib-search 'إضراب place:\"الدار البيضاء\"' "
	tmux_complete "naqib-search -n 3 'إضراب -union:XC" "naqib-search -n 3 'إضراب -union:XCW' "
	tmux_complete "naqib-search --limit=3 union:ك.د" "naqib-search --limit=3 union:ك.د.ش "
	# What the shell makes of the lines: a query that finds the place.
	for line in "naqib-search place:'\"الدار البيضاء\"'" 'naqib-search place:"\"الدار البيضاء\""' \
		"naqib-search 'إضراب place:\"الدار البيضاء\"'"; do
		eval "set -- ${line#naqib-search }"
		run naqib_search -d "$T/db" -f trec "$@"
		expect_status 0 "the completed line $line"
	done
EOF
}

# tmux_complete LINE WANT: types LINE and TAB in an interactive bash
# under tmux (the mode's bash-completion or none, completion/naqib.bash,
# NAQIB_DB=$T/db) and compares the line then (READLINE_LINE, written by
# a key bound to do so) with WANT.
tmux_complete() { # line want
	if [ -z "${tmux_sock:-}" ]; then
		tmux_sock=naqib-test-$$-$(printf '%s' "$mode" | tr -cd a-z)
		at_exit "tmux -L $tmux_sock kill-server 2>/dev/null || true"
		cat >"$T/rc.bash" <<RC
PS1='\$ '
[ -n "$BASH_COMPLETION_SCRIPT" ] && . "$BASH_COMPLETION_SCRIPT"
. "$repo/completion/naqib.bash"
bind -x '"\\C-x\\C-p": printf "%s\\n" "\$READLINE_LINE" >>"$T/tmux.lines"'
: >"$T/tmux.ready"
RC
		: >"$T/tmux.lines"
		rm -f "$T/tmux.ready"
		tmux -L "$tmux_sock" -f /dev/null new-session -d -x 200 -y 20 \
			"cd '$T/here' && env -i HOME='$T/home' HISTFILE=/dev/null TERM=screen LANG=C.UTF-8 \
			INPUTRC=/dev/null NAQIB_DB='$T/db' PATH='$NAQIB_BIN:/usr/bin:/bin' \
			bash --norc --noprofile -i" ||
			fail "tmux did not start"
		# No startup file of the system's: ours, typed.
		tmux -L "$tmux_sock" send-keys ". '$T/rc.bash'" Enter
		# Keys typed before readline runs may be lost: up to a minute
		# for the shell to start (a guard: it takes well under a second).
		i=0
		while [ ! -e "$T/tmux.ready" ]; do
			[ $i -lt 600 ] || fail "$mode: tmux: the shell did not start"
			sleep 0.1
			i=$((i + 1))
		done
	fi
	n=$(wc -l <"$T/tmux.lines")
	tmux -L "$tmux_sock" send-keys C-u "$1" Tab C-x C-p
	# Up to a minute for the line (a guard: it takes well under a second).
	i=0
	while [ "$(wc -l <"$T/tmux.lines")" -le "$n" ]; do
		[ $i -lt 600 ] || fail "$mode: tmux: no line after completing '$1'"
		sleep 0.1
		i=$((i + 1))
	done
	expect_eq "$(sed -n "$((n + 1))p" "$T/tmux.lines")" "$2" "$mode: tmux: completing '$1'"
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
