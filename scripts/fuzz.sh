#!/bin/sh
# Runs each libFuzzer target for a set time over its corpus and prints one
# line per target: runs made, new inputs kept, and whether it held.
# Usage: fuzz.sh SECONDS BUILD_DIR NAME...
#   BUILD_DIR/fuzz_NAME is the target; the committed seeds are in
#   tests/fuzz/corpus/NAME, the inputs it finds go to BUILD_DIR/corpus/NAME
#   and a failing input to BUILD_DIR/crash-NAME-*.
# Exit status: 0 only when every target held.
set -u
secs=$1
dir=$2
shift 2
failed=0
for name in "$@"; do
	mkdir -p "$dir/corpus/$name"
	log="$dir/fuzz_$name.log"
	"$dir/fuzz_$name" -max_total_time="$secs" -max_len=4096 -timeout=20 -print_final_stats=1 \
		-artifact_prefix="$dir/crash-$name-" "$dir/corpus/$name" "tests/fuzz/corpus/$name" >"$log" 2>&1
	rc=$?
	runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
	found=$(ls "$dir/corpus/$name" | wc -l)
	if [ "$rc" -eq 0 ]; then
		printf '%-10s %10s runs in %ss, corpus %s: held\n' "$name" "${runs:-?}" "$secs" "$found"
	else
		printf '%-10s %10s runs: FAILED (status %s), see %s\n' "$name" "${runs:-?}" "$rc" "$log"
		grep -E 'property failed|ERROR: |runtime error|Test unit written' "$log" | head -n 5
		failed=$((failed + 1))
	fi
done
[ "$failed" -eq 0 ]
