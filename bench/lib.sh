# What the benches share (sourced from the top of the tree): the median of
# figures; for the benches that time runs side by side (bench/lucene,
# bench/layout, bench/index-speed), one timed run, the median of a column,
# a size and a ratio; for the benches of extraction (bench/files,
# bench/extract-quality, bench/mail, bench/extract-speed), the fixtures of
# corpus/files/ with their sources, and the one measure of a document read
# against its source (build/bench/extract cer --source: CER, word
# precision and recall, after naqib's normalization).

# The median of the numbers on standard input, one a line.
median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

# One run of a command, its output thrown away, timed: prints "WALL CPU
# PEAK-KB" (CPU: user + sys seconds).  A failing command stops the bench
# with its error output.  Work files in $TMP.
timed_run() { # command...
	/usr/bin/time -f '%e %U %S %M' -o "$TMP/time" "$@" >/dev/null 2>"$TMP/err" ||
		{ cat "$TMP/err" >&2; exit 1; }
	awk '{ printf "%s %.2f %s\n", $1, $2 + $3, $4 }' "$TMP/time"
}

# The median of column COL of FILE (numbers, a line a run).
median_col() { # file col
	sort -n -k"$2" "$1" | awk -v c="$2" '{ v[NR] = $c } END { print v[int((NR + 1) / 2)] }'
}

# The size of a file or a directory in MB, one decimal; 0 when missing.
size_mb() { # path
	if [ -e "$1" ]; then du -sk "$1" | awk '{ printf "%.1f", $1 / 1024 }'; else echo 0; fi
}

# A / B, two decimals.
ratio() { echo "$1 / $2" | bc -l | awk '{ printf "%.2f", $1 }'; }

# The rows of corpus/files/KIND/SOURCES.tsv for each KIND, as
# "corpus/files/KIND/FILE<TAB>SOURCE<TAB>PRODUCER" (FILE may be FILE#ID,
# a document inside a file: an attachment, a mailbox's message); a header
# row is left out.
fixture_rows() { # kind...
	for k in "$@"; do
		awk -F'\t' -v d="corpus/files/$k" \
			'NF >= 3 && !(NR == 1 && $1 == "file") { print d "/" $1 "\t" $2 "\t" $3 }' \
			"corpus/files/$k/SOURCES.tsv"
	done
}

# The document FILE (its first) or FILE#ID as naqib-index --extract [OPTION...]
# reads it, its JSON object in OUT.json and its body in OUT.txt; 1 when
# there is none.
fixture_extract() { # build file[#id] out [option...]
	_b=$1 _f=$2 _o=$3
	shift 3
	"$_b/naqib-index" --extract "$@" "${_f%%#*}" 2>/dev/null >"$_o.all" || true
	case $_f in
	*#*) jq -c --arg id "$_f" 'select(.id == $id)' "$_o.all" >"$_o.json" ;;
	*) head -n 1 "$_o.all" >"$_o.json" ;;
	esac
	rm -f "$_o.all"
	jq -r '.body' "$_o.json" >"$_o.txt"
	[ -s "$_o.json" ]
}

# The text of HYP (a file) against SOURCE, a source text of the corpus:
# "CER EDITS CHARS PRECISION RECALL" (bench/extract.c says how).
fixture_cer() { # build source hyp
	"$1/bench/extract" cer --source "$2" "$3"
}
