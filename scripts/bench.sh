#!/bin/sh
# make bench: what a remote user pays, measured on synthetic databases of
# 20,000 and 2,000,000 people made by `taimako demo` (generated once, kept
# in build/bench/). Prints one table; the raw figures stay in build/bench/.
# Usage: bench.sh TAIMAKO BENCH_DATA BENCH_TERM LOCALEDIR [SIZES...]
set -eu
taimako=$1 bench_data=$2 bench_term=$3 localedir=$4
shift 4
sizes=${*:-"20000 2000000"}
out=build/bench
mkdir -p "$out"

for n in $sizes; do
	db="$out/people-$n.db"
	if [ ! -f "$db" ]; then
		echo "Generating $n people (once; kept in $db)..." >&2
		rm -f "$db.new" "$db.new-wal" "$db.new-shm"
		start=$(date +%s.%N)
		# Every module's demo data up to 200,000 people; above, the people
		# and the modules the big-size measures read (the whole demo at
		# 2,000,000 takes more than an hour on two cores).
		modules=""
		if [ "$n" -gt 200000 ]; then
			modules="--modules ${BENCH_BIG_MODULES:-registration,medical,distribution}"
		fi
		# shellcheck disable=SC2086
		TAIMAKO_CONFIG= "$taimako" --db "$db.new" demo --persons "$n" $modules >/dev/null
		end=$(date +%s.%N)
		mv "$db.new" "$db"
		awk -v a="$start" -v b="$end" 'BEGIN { printf "generation_seconds %.2f s\n", b - a }' > "$out/gen-$n.txt"
	fi
	echo "Measuring $n..." >&2
	"$bench_data" "$db" > "$out/data-$n.txt"
	"$bench_term" "$taimako" "$db" "$localedir" > "$out/term-$n.txt"
	if [ -n "${BENCH_COUNTER:-}" ]; then
		"$BENCH_COUNTER" "$taimako" "$db" "$localedir" > "$out/counter-$n.txt"
	fi
	if [ -n "${BENCH_REPORT:-}" ]; then
		"$BENCH_REPORT" "$db" > "$out/report-$n.txt" 2> "$out/report-$n.log"
	fi
done

# One value from a result file, or "-".
val() {
	awk -v k="$2" '$1 == k { print $2; found = 1 } END { if (!found) print "-" }' "$1" 2>/dev/null || echo "-"
}

printf '%-40s' "Measure"
for n in $sizes; do printf '%16s' "$n people"; done
printf '  %s\n' "Target"
row() { # label key file-prefix target
	printf '%-40s' "$1"
	for n in $sizes; do printf '%16s' "$(val "$out/$3-$n.txt" "$2")"; done
	printf '  %s\n' "$4"
}
printf '%-40s' "generation (people/s, with medical)"
for n in $sizes; do
	s=$(val "$out/gen-$n.txt" generation_seconds)
	if [ "$s" = "-" ]; then printf '%16s' "-"; else awk -v n="$n" -v s="$s" 'BEGIN { printf "%16.0f", n / s }'; fi
done
printf '  %s\n' ">= 50,000 (people alone)"
row "database size per person (bytes)" db_bytes_per_person data ""
row "process start to first screen, median (ms)" startup_median term "<= 50"
row "first paint, login (bytes)" first_paint_login_bytes term "<= 3,000"
row "first paint, home menu (bytes)" first_paint_home_bytes term "<= 3,000"
row "first paint, result list (bytes)" first_paint_results_bytes term "<= 3,000"
# 100 Down presses from the top of a long result list, as a user pays them.
row "Down in results, median (bytes)" cursor_move_bytes_median term ""
row "Down in results, mean of 100 (bytes)" cursor_move_bytes_mean term "< 64"
row "Down in results, max (bytes)" cursor_move_bytes_max term ""
# Of the mean, the text that shows (rows coming into view, the arrow, the
# line under the list): what any way of drawing would pay.
row "Down, text shown, mean of 100 (bytes)" cursor_move_bytes_text_mean term ""
for t in vt100 linux screen; do
	row "Down, mean of 100, TERM=$t (bytes)" "cursor_move_bytes_${t}_mean" term "< 64"
done
row "PgDn in results, median (bytes)" page_down_bytes_median term ""
row "PgDn in results, max (bytes)" page_down_bytes_max term ""
row "letter typed in the lookup, median (bytes)" letter_bytes_median term ""
row "letter typed in the lookup, mean (bytes)" letter_bytes_mean term ""
row "letter typed in the lookup, max (bytes)" letter_bytes_max term ""
row "letter, results unchanged (bytes)" letter_same_results_bytes term "echo only"
for kind in prefix two_parts unaccented case_number phone variant; do
	row "lookup $kind p50, page of 64 (ms)" "lookup_${kind}_p50" data ""
	row "lookup $kind p99, page of 64 (ms)" "lookup_${kind}_p99" data "<= 2 at 2M, within 2x of 20k"
done
row "open a case file as its screen (ms)" casefile_open_median data ""
row "open the medical record (ms)" medical_record_open_median data ""
row "peak memory, search + scroll 1,000 (kB)" peak_rss_kb term "<= 16,384"
row "memory after, resident (kB)" rss_after_kb term ""
row "monthly counts, every month (s)" monthly_counts_total data "<= 1 per month"
row "monthly counts, slowest month (ms)" monthly_counts_worst data ""
# The distribution counter (bench_counter): the lookup of a case number
# and the serving of three items through the data layer, then on the
# screen the Enter after the case number and the Enter that serves, until
# the prompt is ready for the next person.
if [ -n "${BENCH_COUNTER:-}" ]; then
	row "counter lookup, data p50 (ms)" counter_lookup_p50 counter ""
	row "counter lookup, data p99 (ms)" counter_lookup_p99 counter ""
	row "counter serve 3 items, data p50 (ms)" counter_serve_p50 counter ""
	row "counter serve 3 items, data p99 (ms)" counter_serve_p99 counter ""
	row "counter Enter to person, p50 (ms)" counter_term_lookup_ms_p50 counter ""
	row "counter Enter to person, p99 (ms)" counter_term_lookup_ms_p99 counter ""
	row "counter Enter to person, p50 (bytes)" counter_term_lookup_bytes_p50 counter ""
	row "counter Enter to person, p99 (bytes)" counter_term_lookup_bytes_p99 counter ""
	row "counter serve to next prompt, p50 (ms)" counter_term_serve_ms_p50 counter ""
	row "counter serve to next prompt, p99 (ms)" counter_term_serve_ms_p99 counter ""
	row "counter serve to next prompt, p50 (B)" counter_term_serve_bytes_p50 counter ""
	row "counter serve to next prompt, p99 (B)" counter_term_serve_bytes_p99 counter ""
fi
# The report tables (bench_report): each table for the busiest year, all
# centres and the busiest one, median of 3, as the demo manager.
if [ -n "${BENCH_REPORT:-}" ]; then
	for t in intake protection trafficking_victims medical training reintegration psychosocial distributions; do
		row "report $t, a year, all centres (ms)" "report_${t}_all_ms" report "< 1,000"
		row "report $t, a year, one centre (ms)" "report_${t}_centre_ms" report ""
	done
fi
# The audit screen's End key on trails of AUDIT_SIZES rows (bench_lists
# makes each trail once, kept in build/bench/): paging by key, End must not
# grow with the trail. The ratio is the largest trail's over the smallest's.
if [ -n "${BENCH_LISTS:-}" ]; then
	audit_sizes=${AUDIT_SIZES:-"1000 1000000"}
	echo "Measuring the audit trail's End ($audit_sizes rows)..." >&2
	"$BENCH_LISTS" "$out" $audit_sizes > "$out/lists.txt"
	first=${audit_sizes%% *}
	last=${audit_sizes##* }
	printf '%-40s' "Audit trail, rows"
	for n in $audit_sizes; do printf '%16s' "$n rows"; done
	printf '%8s  %s\n' "ratio" "Target"
	arow() { # label key target
		printf '%-40s' "$1"
		for n in $audit_sizes; do printf '%16s' "$(val "$out/lists.txt" "$2_$n")"; done
		awk -v a="$(val "$out/lists.txt" "$2_$first")" -v b="$(val "$out/lists.txt" "$2_$last")" \
			'BEGIN { if (a + 0 > 0) printf "%8.2f", b / a; else printf "%8s", "-" }'
		printf '  %s\n' "$3"
	}
	arow "audit End, whole trail, median (ms)" audit_end_ms "ratio <= 2"
	arow "audit End, one account, median (ms)" audit_end_account_ms "ratio <= 2"
	arow "audit Home, median (ms)" audit_home_ms ""
fi
# The attendance roll of a session with 1,500 people staying at its centre
# (bench_roll makes its database once from the smallest demo database).
if [ -n "${BENCH_ROLL:-}" ]; then
	first=${sizes%% *}
	echo "Measuring the attendance roll (1,500 staying)..." >&2
	"$BENCH_ROLL" "$out" "$out/people-$first.db" > "$out/roll.txt"
	rrow() { # label key target
		printf '%-40s%16s  %s\n' "$1" "$(val "$out/roll.txt" "$2")" "$3"
	}
	rrow "roll of 1,500: people listed" roll_people ""
	rrow "roll of 1,500: open, p50 (ms)" roll_open_p50 ""
	rrow "roll of 1,500: open, p99 (ms)" roll_open_p99 "<= 100"
	rrow "roll of 1,500: filter key, p50 (ms)" roll_key_p50 ""
	rrow "roll of 1,500: filter key, p99 (ms)" roll_key_p99 "<= 50"
fi
echo "Machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GB", $2 / 1048576}' /proc/meminfo)."
