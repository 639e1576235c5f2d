#!/usr/bin/env bash
# Whole-process speed of tender at national scale (issue 6). Not run by CI:
# the figures depend on the machine. From the repository root:
#
#   testdata/bench.sh            # 5 runs of each measurement
#   RUNS=11 testdata/bench.sh    # more runs, steadier medians
#   OUT=/tmp/tb testdata/bench.sh
#
# It builds the binary, writes synthetic portfolios of 10,000 and 100,000
# milestones with testdata/gen (42 and 417 region files of 20 tenders of 12
# milestones: working-day periods, months, alignments, relative befores,
# closures, meeting bodies), and times
#
#   tender plan DIR -o json           (10k: goal < 100 ms; 100k: < 1 s,
#                                      growth 10k → 100k ≤ 12×, peak RSS < 500 MB)
#   tender check DIR -o json          (for reference)
#   tender overview DIR -o json       (for reference)
#   tender risk FILE --tender t001    (10,000 runs of a 12-milestone tender: < 1 s)
#
# and, as the floor under `tender plan`, testdata/yamlfloor: a process that
# only reads the files and parses them with yaml.v3 on every core, as
# tender's loader does, and exits. What tender takes above that row is its
# own work and start-up; the 10k goal cannot be met by a tender whose floor
# alone is near 100 ms.
#
# printing the median and the fastest wall time of RUNS runs each, and the
# peak RSS of one more run. Wall time is the shell's clock
# around the run; peak RSS comes from /usr/bin/time (GNU time) when it is
# installed.
# With PROFILE=1 it also writes a CPU profile of `tender plan` on the 100k
# portfolio (testdata/prof runs the command in-process under pprof) and
# prints its top entries. The Go benchmarks of each layer:
#   go test ./pkg/source ./pkg/region -bench Load      (load)
#   go test ./pkg/timeline -bench 'PlanAll|Solve'       (plan)
#   go test ./pkg/cmd/overview -bench .                 (check, overview)
#   go test ./pkg/render -bench PlanJSON                (render)
#   go test ./pkg/risk ./pkg/timeline -bench 'Simulate|RiskRun'  (risk)
set -euo pipefail
cd "$(dirname "$0")/.."

runs=${RUNS:-5}
out=${OUT:-$(mktemp -d /tmp/tender-bench.XXXXXX)}
mkdir -p "$out"
bin="$out/tender"

echo "== machine"
echo "$(uname -srm), $(nproc) CPUs, Go $(go env GOVERSION), GOMAXPROCS ${GOMAXPROCS:-default}"
if [ -r /proc/cpuinfo ]; then
	grep -m1 'model name' /proc/cpuinfo | sed 's/.*: /CPU: /'
fi
if command -v uptime >/dev/null; then uptime; fi

echo "== build"
go build -o "$bin" ./cmd/tender
go build -o "$out/yamlfloor" ./testdata/yamlfloor
echo "$bin"

echo "== portfolios"
for n in 10000 100000; do
	if [ ! -d "$out/p$n" ]; then
		go run ./testdata/gen -milestones "$n" -out "$out/p$n"
	fi
done

gnutime=""
if [ -x /usr/bin/time ] && /usr/bin/time -f %e true >/dev/null 2>&1; then
	gnutime=/usr/bin/time
fi

# now_us prints the time in microseconds: bash 5's EPOCHREALTIME costs no
# process (date would add a few ms to every measurement).
now_us() {
	if [ -n "${EPOCHREALTIME:-}" ]; then
		local t=${EPOCHREALTIME/[.,]/}
		echo "$t"
	else
		echo $(($(date +%s%N) / 1000))
	fi
}

# measure LABEL CMD...: runs CMD $runs times (stdout to /dev/null, exit code
# 0 or 1 accepted), prints the median and minimum wall time in ms and the
# largest peak RSS in MB.
measure() {
	local label=$1
	shift
	local walls=() rss=0
	for _ in $(seq "$runs"); do
		local start end
		start=$(now_us)
		"$@" >/dev/null 2>&1 || true
		end=$(now_us)
		walls+=("$(((end - start) / 1000))")
	done
	# Peak RSS from one more run under GNU time (its own clock has 10 ms
	# steps, and it adds a fork to the wall time, so it is not used for that).
	if [ -n "$gnutime" ]; then
		$gnutime -f '%M' -o "$out/rss" "$@" >/dev/null 2>&1 || true
		rss=$(tail -1 "$out/rss")
	fi
	local sorted median min
	sorted=$(printf '%s\n' "${walls[@]}" | sort -n)
	min=$(echo "$sorted" | head -1)
	median=$(echo "$sorted" | sed -n "$(((runs + 1) / 2))p")
	if [ -n "$gnutime" ]; then
		printf '%-44s median %6d ms   min %6d ms   peak RSS %5d MB\n' "$label" "$median" "$min" "$((rss / 1024))"
	else
		printf '%-44s median %6d ms   min %6d ms\n' "$label" "$median" "$min"
	fi
	last_median=$median
	last_rss=$((rss / 1024))
}

# goal TEXT OK: prints whether a goal of issue 6 is met.
goal() {
	if [ "$2" = 1 ]; then echo "  met:     $1"; else echo "  NOT met: $1"; fi
}

echo "== whole process ($runs runs each; wall time, GOMAXPROCS=${GOMAXPROCS:-all CPUs})"
measure "tender version" "$bin" version
measure "yaml.v3 alone: read + parse 10k (floor)" "$out/yamlfloor" "$out/p10000"
f10=$last_median
measure "tender plan 10k -o json" "$bin" plan "$out/p10000" -o json
m10=$last_median
measure "yaml.v3 alone: read + parse 100k (floor)" "$out/yamlfloor" "$out/p100000"
f100=$last_median
measure "tender plan 100k -o json" "$bin" plan "$out/p100000" -o json
m100=$last_median
rss100=$last_rss
measure "tender check 10k -o json" "$bin" check "$out/p10000" -o json
measure "tender overview 10k -o json" "$bin" overview "$out/p10000" -o json
measure "tender risk (12 milestones, 10,000 runs)" "$bin" risk "$out/p10000/region-0001.yaml" --tender t001 -o json
mrisk=$last_median
measure "tender risk (12 milestones, 100,000 runs)" "$bin" risk "$out/p10000/region-0001.yaml" --tender t001 --runs 100000 -o json
awk -v a="$m10" -v b="$m100" 'BEGIN { if (a > 0) printf "growth 10k → 100k (medians): %.1f×\n", b / a }'
echo "tender plan above the yaml.v3 floor (medians): 10k $((m10 - f10)) ms, 100k $((m100 - f100)) ms"
echo "== goals (medians)"
goal "plan 10k < 100 ms ($m10 ms)" "$([ "$m10" -lt 100 ] && echo 1)"
goal "plan 100k < 1 s ($m100 ms)" "$([ "$m100" -lt 1000 ] && echo 1)"
goal "growth 10k → 100k ≤ 12×" "$([ "$m10" -gt 0 ] && [ "$m100" -le $((12 * m10)) ] && echo 1)"
if [ -n "$gnutime" ]; then
	goal "peak RSS at 100k < 500 MB ($rss100 MB)" "$([ "$rss100" -lt 500 ] && echo 1)"
fi
goal "risk, 10,000 runs of 12 milestones < 1 s ($mrisk ms)" "$([ "$mrisk" -lt 1000 ] && echo 1)"

echo "== one core (GOMAXPROCS=1)"
GOMAXPROCS=1 measure "tender plan 100k -o json, one core" "$bin" plan "$out/p100000" -o json

if [ "${PROFILE:-}" = 1 ]; then
	echo "== CPU profile of tender plan 100k -o json ($out/cpu.prof)"
	GOGC=200 go run ./testdata/prof -prof "$out/cpu.prof" plan "$out/p100000" -o json
	go tool pprof -top -cum -nodecount=25 "$out/cpu.prof" 2>/dev/null | sed -n '4,40p'
fi

echo "== TaskJuggler 3.7.1 on ~10,000 tasks (measured elsewhere, not run here: testdata/BENCHMARKS.md)"
echo "schedule only 12.9–13.3 s, with one CSV report 28–32 s, peak RSS 155–188 MiB"
