# Bash completion for naqib-index, naqib-search and naqib-analyze.
#
# The options are read from the tool's own --help each time, so that they
# are always those of the tool that runs: its long options, its short ones
# and which of them take a value.  The values of an option that takes one
# of a fixed set (formats, stemmers, --bidi, --color, --weighting, --sort)
# are the tool's own "--list OPTION", read from its tables; databases and
# --root are completed as directories, --thesaurus, --queries and --file
# as files, and naqib-index's arguments as files and directories.
#
# It needs nothing but bash: `. completion/naqib.bash` in ~/.bashrc.  With
# the bash-completion package it uses its helpers (quoting, ~, --opt=value),
# and `make install` puts it where that package loads it on demand,
# $(PREFIX)/share/bash-completion/completions/, under each command's name.

# Reads "$1 --help" into the caller's _naqib_opts (every option, long and
# short), _naqib_valued (the options that take a separate value, each
# between spaces) and _naqib_short (" -d=--db -f=--format ...").  Only
# the lines that begin with an option count, not those that mention one.
_naqib_read_help()
{
	local line
	local re='^ {1,8}(-([A-Za-z0-9]),? +)?(--[a-z][a-z0-9-]*)(\[=[A-Z]+\])?( [A-Z][A-Z0-9_]*)?( |$)'

	_naqib_opts=() _naqib_valued=' ' _naqib_short=' '
	while IFS= read -r line; do
		[[ $line =~ $re ]] || continue
		local short=${BASH_REMATCH[2]:+-${BASH_REMATCH[2]}}
		local long=${BASH_REMATCH[3]}
		_naqib_opts+=("$long")
		if [[ $short ]]; then
			_naqib_opts+=("$short")
			_naqib_short+="$short=$long "
		fi
		if [[ ${BASH_REMATCH[5]} ]]; then
			_naqib_valued+="$long ${short:+$short }"
		fi
	done < <("$1" --help 2>/dev/null)
}

# Fills COMPREPLY with the directories (-d) or the files and directories
# that begin with $cur.
_naqib_files()
{
	COMPREPLY=()
	if declare -F _filedir >/dev/null; then
		_filedir "$@"
		return
	fi
	compopt -o filenames 2>/dev/null
	if [[ ${1-} == -d ]]; then
		mapfile -t COMPREPLY < <(compgen -d -- "$cur")
	else
		mapfile -t COMPREPLY < <(compgen -f -- "$cur")
	fi
}

_naqib()
{
	local cur prev words cword split=false
	if declare -F _init_completion >/dev/null; then
		_init_completion -s || return
	else
		words=("${COMP_WORDS[@]}")
		cword=$COMP_CWORD
		cur=${COMP_WORDS[COMP_CWORD]}
		prev=${COMP_WORDS[COMP_CWORD - 1]}
		# Bash breaks "--format=js" into --format, = and js.
		if [[ $cur == = ]]; then
			cur=
			split=true
		elif [[ $prev == = ]] && ((cword > 1)); then
			prev=${COMP_WORDS[COMP_CWORD - 2]}
			split=true
		fi
	fi

	local cmd=${words[0]} tool=${words[0]##*/}
	[[ $cmd == \~/* ]] && cmd=$HOME/${cmd#\~/}
	local -a _naqib_opts
	local _naqib_valued _naqib_short
	_naqib_read_help "$cmd"
	COMPREPLY=()

	# A short option stands for its long one: -f is --format.
	local opt=$prev
	if [[ $opt == -[A-Za-z0-9] && $_naqib_short == *" $opt="* ]]; then
		opt=${_naqib_short#* "$opt"=}
		opt=${opt%% *}
	fi

	local i end=
	for ((i = 1; i < cword; i++)); do
		[[ ${words[i]} == -- ]] && end=1
	done

	if [[ ! $end && ($split == true || $_naqib_valued == *" $prev "*) ]]; then
		local values=
		case $opt in
		--list)
			# The names of the lists, from the tool's message.
			values=$("$cmd" --list '?' 2>&1 | sed -n 's/.*(there are: \(.*\))$/\1/p' | tr -d ,)
			;;
		--db | --root | --compact)
			_naqib_files -d
			return
			;;
		--thesaurus | --queries | --file)
			_naqib_files
			return
			;;
		esac
		# A value of a fixed set: the tool lists them (a number, an id,
		# a tag has no list: the user's to type).
		[[ $values ]] || values=$("$cmd" --list "${opt#--}" 2>/dev/null | cut -f1)
		[[ $values ]] && mapfile -t COMPREPLY < <(compgen -W "$values" -- "$cur")
		return
	fi

	if [[ ! $end && $cur == -* ]]; then
		mapfile -t COMPREPLY < <(compgen -W "${_naqib_opts[*]}" -- "$cur")
		return
	fi

	# The arguments: naqib-index's files and directories (ids after
	# --delete); queries and texts are the user's.
	if [[ $tool == naqib-index ]]; then
		for ((i = 1; i < cword; i++)); do
			[[ ${words[i]} == --delete ]] && return
		done
		_naqib_files
	fi
}

complete -F _naqib naqib-index naqib-search naqib-analyze
