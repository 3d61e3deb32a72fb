#!/usr/bin/env bash
# Recording overhead (wall time with --record vs without) and --sim time compression.
# Usage: bench/replay/overhead.sh [runs]   (default 7)
set -euo pipefail
cd "$(dirname "$0")/../.."
runs=${1:-7}
dotnet build src/Cli -c Release >/dev/null
esrun=src/Cli/bin/Release/net10.0/esrun
trace=$(mktemp)

median_ms() {
  local samples=()
  for _ in $(seq "$runs"); do
    local start end
    start=$(date +%s%N); "$@" >/dev/null; end=$(date +%s%N)
    samples+=($(( (end - start) / 1000 )))
  done
  printf '%s\n' "${samples[@]}" | sort -n | awk '{a[NR]=$1} END {m=(NR%2)?a[(NR+1)/2]:(a[NR/2]+a[NR/2+1])/2; printf "%.1f", m/1000}'
}

plain=$(median_ms "$esrun" bench/replay/timers-random.mjs)
recorded=$(median_ms "$esrun" --record "$trace" bench/replay/timers-random.mjs)
echo "timers-random.mjs (5000 timers, 100k Math.random, 10k clock reads), median of $runs:"
echo "  plain ${plain} ms, --record ${recorded} ms, ratio $(awk -v a="$recorded" -v b="$plain" 'BEGIN{printf "%.2f", a/b}'), trace $(stat -c %s "$trace") bytes"

sim=$(median_ms "$esrun" --sim 1 bench/replay/hour.mjs)
echo "hour.mjs under --sim: ${sim} ms wall for 3600 simulated s = $(awk -v w="$sim" 'BEGIN{printf "%.0f", 3600/(w/1000)}') simulated seconds per wall second"
rm -f "$trace"
