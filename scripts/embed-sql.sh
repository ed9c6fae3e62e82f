#!/bin/sh
# Turns the numbered migrations (NNN_name.sql) into a C source file that
# defines the table the data layer applies in order. Used by the Makefile;
# its output is a build product and is never committed.
# Usage: embed-sql.sh OUT.c FILE.sql...
set -eu
out=$1; shift
tmp="$out.tmp"
{
	echo '/* Generated from src/db/migrations by scripts/embed-sql.sh. Do not edit. */'
	echo '#include "db/migrations.h"'
	echo 'const struct migration migrations[] = {'
	expect=1
	for f in "$@"; do
		base=$(basename "$f" .sql)
		num=$(printf '%s' "$base" | sed -n 's/^\([0-9][0-9][0-9]\)_.*/\1/p')
		[ -n "$num" ] || { echo "embed-sql: $f: name must start with NNN_" >&2; exit 1; }
		num=$(expr "$num" + 0)
		[ "$num" -eq "$expect" ] || { echo "embed-sql: $f: expected migration $expect" >&2; exit 1; }
		expect=$((expect + 1))
		printf '\t{ %d, "%s",\n' "$num" "$base"
		sed -e 's/\\/\\\\/g' -e 's/"/\\"/g' -e 's/^/\t\t"/' -e 's/$/\\n"/' "$f"
		printf '\t},\n'
	done
	echo '};'
	echo "const int migrations_count = $((expect - 1));"
} > "$tmp"
mv "$tmp" "$out"
