#!/bin/sh
# Runs test binaries (cmocka), shows their output, and ends with one line
# "N passed, N failed" over all of them. A binary that crashes or exits
# non-zero without saying how many tests failed counts as one failure.
# A binary still running after TEST_TIMEOUT seconds (default 300) is
# stopped and counts as one failure: a hang fails the run, never stalls it.
# Unit tests, their sanitized builds and the fuzz checks (build/tests/test_*,
# build/asan/*, build/fuzzcheck/*) run TEST_JOBS at a time (default 2: the
# machine's cores); the end-to-end tests and the attacks, which time what
# they see, run one at a time after them. Output comes in the order given.
# Exit status: 0 only when nothing failed.
set -u
# AddressSanitizer keeps freed memory poisoned (its quarantine) to catch a
# use after free; by default 256 MB a process, which every sanitized test
# then maps and touches (460-630 MB resident each): on a machine where page
# faults are dear that doubled their time (build/asan/test_sync 52 s, 24 s
# with 16 MB). A use soon after the free is still caught; one after 16 MB
# of other frees no longer is.
export ASAN_OPTIONS="${ASAN_OPTIONS:-quarantine_size_mb=16}"
limit=${TEST_TIMEOUT:-300}
jobs=${TEST_JOBS:-2}
passed=0
failed=0
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT

# Runs test $1 (number $2) into $dir/$2.log and $dir/$2.rc.
# Its wall time in seconds goes to $dir/$2.time.
run_one() {
	start=$(date +%s.%N)
	timeout -k 10 "$limit" "$1" >"$dir/$2.log" 2>&1
	echo $? >"$dir/$2.rc"
	echo "$start $(date +%s.%N)" >"$dir/$2.time"
}

is_parallel() {
	case "$1" in
	*/tests/test_* | */asan/* | */fuzzcheck/*) return 0 ;;
	*) return 1 ;;
	esac
}

# The ones that may run side by side first, TEST_JOBS at a time (xargs
# keeps every slot busy).
n=0
for t in "$@"; do
	n=$((n + 1))
	if is_parallel "$t"; then
		printf '%s %s\n' "$n" "$t"
	fi
done | RUN_DIR=$dir RUN_LIMIT=$limit xargs -P "$jobs" -n 2 sh -c \
	'start=$(date +%s.%N); timeout -k 10 "$RUN_LIMIT" "$1" >"$RUN_DIR/$0.log" 2>&1; echo $? >"$RUN_DIR/$0.rc"
	 echo "$start $(date +%s.%N)" >"$RUN_DIR/$0.time"'

# Then every test in the order given (the others run now), counted.
n=0
for t in "$@"; do
	n=$((n + 1))
	is_parallel "$t" || run_one "$t" "$n"
	echo "== $t ($(awk '{ printf "%.1f", $2 - $1 }' "$dir/$n.time") s)"
	cat "$dir/$n.log"
	rc=$(cat "$dir/$n.rc")
	if [ "$rc" -eq 124 ] || [ "$rc" -eq 137 ]; then
		echo "!! $t still running after $limit s: stopped"
	fi
	p=$(sed -n 's/^\[  PASSED  \] \([0-9][0-9]*\) test.*/\1/p' "$dir/$n.log" | awk '{s+=$1} END {print s+0}')
	f=$(sed -n 's/^\[  FAILED  \] \([0-9][0-9]*\) test.*/\1/p' "$dir/$n.log" | awk '{s+=$1} END {print s+0}')
	if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then
		echo "!! $t exited with status $rc"
		f=1
	fi
	passed=$((passed + p))
	failed=$((failed + f))
done
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
