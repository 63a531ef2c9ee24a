#!/usr/bin/env bash
# Start-up time of Speakeasy against a bare Fyne window, under Xvfb.
#
# Builds bin/speakeasy, then runs, one after the other (one warm-up each, not counted):
#   bin/speakeasy --quit-when-shown --data <new empty folder>     RUNS times
#   bin/speakeasy --bare-window --quit-when-shown                 RUNS times
# Each run prints one line "shown after 123.4 ms". Prints the median of each and
# the ratio speakeasy/bare; the target is at most 1.5x (MAX_RATIO). Exits 1 when
# a run fails or prints no time; a ratio over target is reported, and fails the
# script only with STRICT=1 (timings on a shared 2-core machine are noisy).
set -euo pipefail
cd "$(dirname "$0")/.."

RUNS="${RUNS:-5}"
MAX_RATIO="${MAX_RATIO:-1.5}"
export LANG="${LANG:-en_US.UTF-8}"

if [ -z "${STARTUP_BENCH_INNER:-}" ]; then
	make --no-print-directory build >/dev/null
	command -v xvfb-run >/dev/null || { echo "startup-bench: no xvfb-run (make deps)" >&2; exit 1; }
	# One X server for all the runs, so its own start-up is not in the figures.
	STARTUP_BENCH_INNER=1 exec xvfb-run -a -s "-screen 0 1280x800x24" "$0" "$@"
fi

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

# once KIND: runs the binary once, prints the number before "ms" on its "shown after" line.
once() {
	local kind=$1 out
	local args=(--quit-when-shown)
	if [ "$kind" = bare ]; then
		args=(--bare-window --quit-when-shown)
	else
		args+=(--data "$(mktemp -d -p "$tmp")")
	fi
	if ! out="$(timeout 60 ./bin/speakeasy "${args[@]}" 2>&1)"; then
		echo "startup-bench: bin/speakeasy ${args[*]} failed:" >&2
		echo "$out" | tail -n 20 >&2
		return 1
	fi
	local ms
	ms="$(awk '/shown after/ { for (i = 2; i <= NF; i++) if ($i == "ms") v = $(i - 1); else if ($i ~ /^[0-9.]+ms$/) { v = $i; sub(/ms$/, "", v) } } END { print v }' <<<"$out")"
	if ! [[ "$ms" =~ ^[0-9]+(\.[0-9]+)?$ ]]; then
		echo "startup-bench: bin/speakeasy ${args[*]} printed no 'shown after N ms' line:" >&2
		echo "$out" | tail -n 20 >&2
		return 1
	fi
	echo "$ms"
}

median() { sort -g | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else printf "%.1f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

once speakeasy >/dev/null
once bare >/dev/null
app=() bare=()
for ((i = 1; i <= RUNS; i++)); do
	# Alternate the two so that a busy moment on the machine hits both alike.
	app+=("$(once speakeasy)")
	bare+=("$(once bare)")
done

app_med="$(printf '%s\n' "${app[@]}" | median)"
bare_med="$(printf '%s\n' "${bare[@]}" | median)"
echo "startup speakeasy (ms): ${app[*]}"
echo "startup bare      (ms): ${bare[*]}"
awk -v a="$app_med" -v b="$bare_med" -v max="$MAX_RATIO" -v strict="${STRICT:-0}" 'BEGIN {
	r = (b > 0) ? a / b : 0
	printf "startup median: speakeasy %.1f ms, bare window %.1f ms, ratio %.2fx (target <= %.1fx): %s\n",
		a, b, r, max, (r <= max) ? "ok" : "OVER TARGET"
	exit (strict == 1 && r > max) ? 1 : 0
}'
