#!/bin/sh
# Runs the fuzz harnesses built in BUILD/fuzz/ for SECONDS each, then
# replays fuzz/regressions/<harness>/*, and prints a summary a line per
# harness.  Fails if any run found something (crash, leak, timeout, out of
# memory) or any regression input fails again.  Run from the top of the
# source tree (the Makefile does):
#   fuzz/run.sh check BUILD SECONDS HARNESS...   fresh corpus each time
#   fuzz/run.sh long BUILD SECONDS HARNESS...    corpus kept in BUILD/corpus/
set -u
mode=$1 build=$2 seconds=$3
shift 3

# Per harness: the longest input worth trying.
max_len() {
	case $1 in
	analyze) echo 4096 ;;
	stem) echo 256 ;;
	query) echo 512 ;;
	formats) echo 8192 ;;
	mail) echo 16384 ;;
	pdf) echo 65536 ;;
	cgi) echo 4096 ;;
	office) echo 65536 ;;
	html) echo 16384 ;;
	*) echo 4096 ;;
	esac
}

# LeakSanitizer matches fuzz/lsan.supp against function names, which it
# gets from llvm-symbolizer: without one, every frame is a bare address, the
# suppression matches nothing and a known leak fails as a new one.  So the
# symbolizer is looked up here and named to the sanitizers, and its absence
# stops the run before any fuzzing: first ASAN_SYMBOLIZER_PATH if set, then
# the llvm-symbolizer of clang's own version, the one on PATH, any other
# /usr/lib/llvm-*/bin/llvm-symbolizer.
find_symbolizer() {
	if [ -n "${ASAN_SYMBOLIZER_PATH:-}" ]; then
		echo "$ASAN_SYMBOLIZER_PATH"
		return
	fi
	major=$(clang -dumpversion 2>/dev/null | cut -d. -f1)
	for s in ${major:+/usr/lib/llvm-$major/bin/llvm-symbolizer} \
		"$(command -v llvm-symbolizer 2>/dev/null)" \
		/usr/lib/llvm-*/bin/llvm-symbolizer; do
		[ -n "$s" ] && [ -x "$s" ] && { echo "$s"; return; }
	done
}
symbolizer=$(find_symbolizer)
if [ -z "$symbolizer" ] || ! "$symbolizer" --version >/dev/null 2>&1; then
	echo "fuzz: no working llvm-symbolizer${symbolizer:+ ($symbolizer)}:" \
		"LeakSanitizer could not name the frames fuzz/lsan.supp suppresses" >&2
	echo "fuzz: install Debian's llvm-14 (scripts/deps check does, as root)," \
		"or set ASAN_SYMBOLIZER_PATH" >&2
	exit 1
fi
echo "fuzz: symbolizer $symbolizer"
export ASAN_SYMBOLIZER_PATH="$symbolizer"
ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1}
case :$ASAN_OPTIONS: in
*:external_symbolizer_path=*) ;;
*) ASAN_OPTIONS=$ASAN_OPTIONS:external_symbolizer_path=$symbolizer ;;
esac
export ASAN_OPTIONS
# A leak inside Xapian's QueryParser, not ours: see fuzz/lsan.supp.
export LSAN_OPTIONS=${LSAN_OPTIONS:-suppressions=$(pwd)/fuzz/lsan.supp:print_suppressions=0}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}

fuzz/seeds.sh "$build/seeds" || exit 1
mkdir -p "$build/logs"
failed=0
summary=""
start=$(date +%s)
for h in "$@"; do
	bin=$build/fuzz/fuzz_$h
	log=$build/logs/$h.log
	art=$build/artifacts/$h
	if [ "$mode" = long ]; then
		corpus=$build/corpus/$h
	else
		corpus=$build/check-corpus/$h
		rm -rf "$corpus"
	fi
	mkdir -p "$corpus" "$art"
	touch "$build/logs/$h.stamp"
	dict=""
	[ -f "fuzz/dict/$h.dict" ] && dict=-dict=fuzz/dict/$h.dict
	echo "fuzz: $h for ${seconds}s (log: $log)"
	# shellcheck disable=SC2086
	"$bin" -max_total_time="$seconds" -max_len="$(max_len "$h")" \
		-timeout=30 -rss_limit_mb=2048 -print_final_stats=1 \
		-artifact_prefix="$art/" $dict "$corpus" "$build/seeds/$h" \
		>"$log" 2>&1
	rc=$?
	execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
	rss=$(sed -n 's/^stat::peak_rss_mb: *//p' "$log")
	last=$(grep -E '^#[0-9]+' "$log" | tail -n 1)
	cov=$(echo "$last" | sed -n 's/.* cov: \([0-9]*\).*/\1/p')
	ft=$(echo "$last" | sed -n 's/.* ft: \([0-9]*\).*/\1/p')
	corp=$(echo "$last" | sed -n 's/.* corp: \([0-9]*\).*/\1/p')
	rate=$(echo "$last" | sed -n 's/.* exec\/s: \([0-9]*\).*/\1/p')
	found=$(find "$art" -type f -newer "$build/logs/$h.stamp" | wc -l | tr -d ' ')
	if [ "$rc" -ne 0 ]; then
		failed=1
		result="FAILED (exit $rc)"
		echo "fuzz: $h failed; the end of $log:" >&2
		grep -v -E '^#[0-9]+ +(NEW|REDUCE|pulse)' "$log" | tail -n 40 >&2
	else
		result=ok
	fi
	summary="$summary$(printf '%-8s %10s %7s %6s %7s %7s %7s %9s  %s' \
		"$h" "${execs:-?}" "${rate:-?}" "${cov:-?}" "${ft:-?}" \
		"${corp:-?}" "${rss:-?}" "$found" "$result")
"
done

# The inputs that once failed must pass.
regressions=""
for d in fuzz/regressions/*/; do
	[ -d "$d" ] || continue
	h=$(basename "$d")
	bin=$build/fuzz/fuzz_$h
	files=$(find "$d" -type f | sort)
	[ -n "$files" ] || continue
	n=$(echo "$files" | wc -l | tr -d ' ')
	if [ ! -x "$bin" ]; then
		echo "fuzz: no harness $h for $d" >&2
		failed=1
		continue
	fi
	# shellcheck disable=SC2086
	if "$bin" $files >"$build/logs/regress-$h.log" 2>&1; then
		regressions="$regressions $h:$n ok"
	else
		failed=1
		regressions="$regressions $h:$n FAILED"
		echo "fuzz: a regression of $h fails again:" >&2
		tail -n 40 "$build/logs/regress-$h.log" >&2
	fi
done

end=$(date +%s)
echo
printf '%-8s %10s %7s %6s %7s %7s %7s %9s  %s\n' harness execs exec/s \
	cov ft corpus rss_mb artifacts result
printf '%s' "$summary"
echo "regressions replayed:${regressions:- none}"
echo "fuzz: $mode run of $# harnesses, ${seconds}s each, $((end - start))s in all"
[ "$failed" -eq 0 ] || { echo "fuzz: FAILED (artifacts in $build/artifacts/)" >&2; exit 1; }
