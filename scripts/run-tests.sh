#!/bin/sh
# Runs test binaries (cmocka), shows their output, and ends with one line
# "N passed, N failed" over all of them. A binary that crashes or exits
# non-zero without saying how many tests failed counts as one failure.
# A binary still running after TEST_TIMEOUT seconds (default 300) is
# stopped and counts as one failure: a hang fails the run, never stalls it.
# Exit status: 0 only when nothing failed.
set -u
limit=${TEST_TIMEOUT:-300}
passed=0
failed=0
log=$(mktemp)
trap 'rm -f "$log"' EXIT
for t in "$@"; do
	echo "== $t"
	timeout -k 10 "$limit" "$t" >"$log" 2>&1
	rc=$?
	cat "$log"
	if [ "$rc" -eq 124 ] || [ "$rc" -eq 137 ]; then
		echo "!! $t still running after $limit s: stopped"
	fi
	p=$(sed -n 's/^\[  PASSED  \] \([0-9][0-9]*\) test.*/\1/p' "$log" | awk '{s+=$1} END {print s+0}')
	f=$(sed -n 's/^\[  FAILED  \] \([0-9][0-9]*\) test.*/\1/p' "$log" | awk '{s+=$1} END {print s+0}')
	if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then
		echo "!! $t exited with status $rc"
		f=1
	fi
	passed=$((passed + p))
	failed=$((failed + f))
done
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
