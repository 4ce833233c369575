# Bash completion for naqib-index, naqib-search and naqib-analyze.
#
# The options are read from the tool's own --help each time, so that they
# are always those of the tool that runs: its long options, its short ones
# and which of them take a value.  The values of an option that takes one
# of a fixed set (formats, stemmers, --bidi, --color, --weighting, --sort)
# are the tool's own "--list OPTION", read from its tables; databases and
# --root are completed as directories, --thesaurus, --queries, --file,
# --features and --rerank=
# as files, and naqib-index's arguments as files and directories.
#
# In naqib-search's queries, a word that begins a field name completes to
# the field ("uni" to "union:", from --list field, the Arabic names too),
# and the value of union: and place: to the names of the thesaurus of the
# database (--list unions, --list places, with the -d of the command line
# or $NAQIB_DB): "union:C" to union:CDT.  The replies replace readline's
# word (the text after the last ':' of COMP_WORDBREAKS, or after an open
# quote), and a name of several words comes out as the query needs it and
# the shell passes it on: place:'"الدار البيضاء"' in a bare word,
# 'إضراب place:"الدار البيضاء"' inside quotes.
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

# The shell's reading of RAW, the start of a word typed so far: its text
# in _naqib_text, and the quote still open at its end (' or ", or none)
# in _naqib_open.
_naqib_unquote()
{
	local raw=$1 c q= i
	_naqib_text=
	for ((i = 0; i < ${#raw}; i++)); do
		c=${raw:i:1}
		if [[ $q == "'" ]]; then
			if [[ $c == "'" ]]; then q=; else _naqib_text+=$c; fi
		elif [[ $c == \\ ]]; then
			((i++))
			c=${raw:i:1}
			# In double quotes a backslash escapes $ ` " \ only.
			[[ $q == '"' && $c != [\$\`\"\\] ]] && _naqib_text+=\\
			_naqib_text+=$c
		elif [[ $q == '"' ]]; then
			if [[ $c == '"' ]]; then q=; else _naqib_text+=$c; fi
		elif [[ $c == [\'\"] ]]; then
			q=$c
		else
			_naqib_text+=$c
		fi
	done
	_naqib_open=$q
}

# The start of the shell word at the end of LINE (after its last blank
# outside quotes), in _naqib_start.
_naqib_word_start()
{
	local line=$1 c q= i
	_naqib_start=0
	for ((i = 0; i < ${#line}; i++)); do
		c=${line:i:1}
		if [[ $q == "'" ]]; then
			[[ $c == "'" ]] && q=
		elif [[ $c == \\ ]]; then
			((i++))
		elif [[ $q == '"' ]]; then
			[[ $c == '"' ]] && q=
		elif [[ $c == [\'\"] ]]; then
			q=$c
		elif [[ $c == [[:blank:]] ]]; then
			_naqib_start=$((i + 1))
		fi
	done
}

# TEXT as typed after a quote OPEN (' or ", or none), in _naqib_quoted.
# Bare, what the shell would take apart goes in single quotes; in double
# quotes the quote is closed after a " of the query (readline closes it
# only after other endings).
_naqib_quote()
{
	local s=$1 q
	case $2 in
	"'")
		_naqib_quoted=${s//\'/\'\\\'\'}
		;;
	'"')
		s=${s//\\/\\\\}
		s=${s//\"/\\\"}
		s=${s//\$/\\\$}
		s=${s//\`/\\\`}
		_naqib_quoted=$s
		[[ $s == *\" ]] && _naqib_quoted+=\"
		;;
	*)
		printf -v q %q "$s"
		if [[ $q == "$s" ]]; then
			_naqib_quoted=$s
		else
			_naqib_quoted="'${s//\'/\'\\\'\'}'"
		fi
		;;
	esac
}

# COMPREPLY for the query word that ends at the cursor, whose end readline
# replaces, TEXT: a field name, or a name of the thesaurus after union: or
# place:.  DB... are the -d options of the command line.
_naqib_query_word()
{
	local cmd=$1 text=$2
	shift 2
	local line=${COMP_LINE:0:COMP_POINT}
	_naqib_word_start "$line"
	local word=${line:_naqib_start}
	[[ $word == *"$text" ]] || return 0
	_naqib_unquote "$word"
	local all=$_naqib_text
	_naqib_unquote "${word:0:${#word}-${#text}}"
	local kept=$_naqib_text open=$_naqib_open

	# The query's last word: after its last blank outside "...".
	local c q= i start=0
	for ((i = 0; i < ${#all}; i++)); do
		c=${all:i:1}
		if [[ $c == '"' ]]; then
			if [[ $q ]]; then q=; else q=1; fi
		elif [[ ! $q && $c == [[:blank:]] ]]; then
			start=$((i + 1))
		fi
	done
	local before=${all:0:start} qword=${all:start}
	local sign=${qword%%[!+-]*}
	qword=${qword#"$sign"}
	[[ $qword ]] || return 0

	# The fields, from the tool's --list field: "union" and its Arabic
	# names ("(also نقابة:, نقابه:)" in its description), each with the
	# field it names.
	local -a names=() fields=()
	local f d n
	while IFS=$'\t' read -r f d; do
		names+=("$f")
		fields+=("$f")
		[[ $d == *"(also "*")" ]] || continue
		d=${d##*"(also "}
		for n in ${d//[,:)]/ }; do
			names+=("$n")
			fields+=("$f")
		done
	done < <("$cmd" --list field 2>/dev/null)

	local -a made=()
	local nospace=
	if [[ $qword == *:* ]]; then
		# A value: the names of the field's list in the thesaurus
		# (--list unions for union:, places for place:; the other
		# fields have none): the canonical names that begin with
		# what is typed (all of them when nothing is), else the other
		# names that do (الكو: "الكونفدرالية الديمقراطية للشغل").
		local field=${qword%%:*} value=${qword#*:} dq= list=
		[[ $value == \"* ]] && dq=\" value=${value#\"}
		[[ $value == *\"* ]] && return 0
		for i in "${!names[@]}"; do
			[[ ${names[i]} == "$field" ]] && list=${fields[i]}s
		done
		[[ $list ]] || return 0
		local name others
		local -a canonical=() other=()
		while IFS=$'\t' read -r name others; do
			[[ ${name,,} == "${value,,}"* ]] && canonical+=("$name")
			while [[ $value && $others ]]; do
				name=${others%% | *}
				[[ ${name,,} == "${value,,}"* ]] && other+=("$name")
				[[ $others == *" | "* ]] || break
				others=${others#* | }
			done
		done < <("$cmd" "$@" --list "$list" 2>/dev/null)
		((${#canonical[@]})) || canonical=("${other[@]}")
		for name in "${canonical[@]}"; do
			if [[ $dq || $name == *[[:blank:]]* ]]; then
				made+=("$before$sign$field:\"$name\"")
			else
				made+=("$before$sign$field:$name")
			fi
		done
	elif [[ $qword != *\"* ]]; then
		# A field name, Latin or Arabic, and its colon.
		for n in "${names[@]}"; do
			[[ $n == "$qword"* ]] && made+=("$before$sign$n:")
		done
		nospace=1
	fi
	# Each as typed after what readline keeps.
	local m
	for m in "${made[@]}"; do
		[[ $m == "$kept"* ]] || continue
		_naqib_quote "${m:${#kept}}" "$open"
		COMPREPLY+=("$_naqib_quoted")
	done
	[[ $nospace && ${#COMPREPLY[@]} -gt 0 ]] && compopt -o nospace 2>/dev/null
	return 0
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
		--thesaurus | --queries | --file | --features | --rerank)
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
	# --delete); naqib-search's field names and the thesaurus's names
	# (the rest of a query, and texts, are the user's).
	if [[ $tool == naqib-search ]]; then
		local -a db=()
		for ((i = 1; i < cword; i++)); do
			local v=
			case ${words[i]} in
			-d | --db)
				v=${words[i + 1]-}
				[[ $v == = ]] && v=${words[i + 2]-}
				;;
			--db=?*) v=${words[i]#--db=} ;;
			-d?*) v=${words[i]#-d} ;;
			esac
			[[ $v == \~/* ]] && v=$HOME/${v#\~/}
			[[ $v ]] && db+=(-d "$v")
		done
		_naqib_query_word "$cmd" "${2-$cur}" "${db[@]}"
		return
	fi
	if [[ $tool == naqib-index ]]; then
		for ((i = 1; i < cword; i++)); do
			[[ ${words[i]} == --delete ]] && return
		done
		_naqib_files
	fi
}

complete -F _naqib naqib-index naqib-search naqib-analyze
