#!/bin/sh
# make bench, the import: 100,000 legacy rows (scripts/legacy-csv.sh:
# Windows-1252, ';', accents, ages in words, departures) imported with
# docs/import-example.map into a fresh demo database of 5,000 people, in
# one transaction, duplicates checked for every row (and imported:
# --allow-duplicates, as the generated names repeat). The database and
# the file are made once and kept in build/bench/; each run imports into
# a copy. Prints one table row per measure.
# Usage: bench-import.sh TAIMAKO [ROWS]
set -eu
taimako=$1
rows=${2:-100000}
out=build/bench
mkdir -p "$out"
base="$out/import-base-5000.db"
csv="$out/legacy-$rows.csv"
if [ ! -f "$base" ]; then
	echo "Generating the demo database of 5,000 people for the import (once)..." >&2
	rm -f "$base.new"
	TAIMAKO_CONFIG= "$taimako" --db "$base.new" demo --persons 5000 >/dev/null
	mv "$base.new" "$base"
fi
[ -f "$csv" ] || sh scripts/legacy-csv.sh "$rows" > "$csv"
db="$out/import-run.db"
rm -f "$db" "$db-wal" "$db-shm"
cp "$base" "$db"
echo "Importing $rows legacy rows..." >&2
start=$(date +%s.%N)
# The import, its CPU seconds ("user sys") on the last line of stderr.
run() {
	if [ -x /usr/bin/time ]; then
		/usr/bin/time -f '%U %S' "$@"
	else
		"$@"
		echo "- -" >&2
	fi
}
cpu=$( { LANGUAGE=en run "$taimako" --db "$db" import "$csv" --mapping docs/import-example.map --allow-duplicates \
	> "$out/import-report.txt"; } 2>&1 | tail -1)
end=$(date +%s.%N)
imported=$(sed -n 's/^\([0-9]*\) rows read, \([0-9]*\) imported.*/\2/p' "$out/import-report.txt")
awk -v a="$start" -v b="$end" -v c="$cpu" -v n="$rows" -v i="${imported:-?}" 'BEGIN {
	split(c, t, " ");
	printf "%-40s%16.1f  %s\n", "import " n " legacy rows, wall (s)", b - a, "< 60";
	printf "%-40s%16.1f  %s\n", "import " n " legacy rows, CPU (s)", t[1] + t[2], "";
	printf "%-40s%16s  %s\n", "import: rows imported", i, "";
}'
rm -f "$db" "$db-wal" "$db-shm"
