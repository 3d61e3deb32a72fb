#!/usr/bin/env bash
# Cross-runtime comparison: runs each workload in bench/compare/ on esrun (Native AOT), node, deno
# and bun, each pinned to one core, RUNS times (default 5) with the runtimes interleaved, and prints
# the median of each as a markdown table with the esrun/node ratio. See bench/README.md.
#
# usage: bench/compare.sh [row ...]        (no row: all rows)
# env:   RUNS=5  CORE=1  ESRUN=artifacts/esrun-aot/esrun  PEERS=/tmp/peers (npm i deno bun there)
# Run it inside the machine's CPU lock so nothing else runs: flock /tmp/esrun-cpu.lock bench/compare.sh
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${RUNS:-5}"
core="${CORE:-1}"
esrun="${ESRUN:-artifacts/esrun-aot/esrun}"
peers="${PEERS:-/tmp/peers}"
work=bench/compare
unset NODE_EXTRA_CA_CERTS   # set on this machine; it slows node's start

# Rows: name | workload file in bench/compare | metric. Metrics: `time` (the workload prints
# `ms <n>`; the last such line counts), `wall` (ms from exec to exit), `rss` (peak RSS, MiB).
# A later area (fs, net, http, fetch) adds its row here and its workload file beside the others;
# a workload that needs files or a server sets them up itself and cleans up.
rows=(
  "compute|compute.mjs|time"
  "json|json.mjs|time"
  "jsonbig|jsonbig.mjs|time"
  "sha256|sha256.mjs|time"
  "crypto|crypto.mjs|time"
  "url|url.mjs|time"
  "encoding|encoding.mjs|time"
  "base64|base64.mjs|time"
  "structured|structured.mjs|time"
  "async|async.mjs|time"
  "timers|timers.mjs|time"
  "streams|streams.mjs|time"
  "start-up, empty module (wall ms)|empty.mjs|wall"
  "peak RSS, empty module (MiB)|empty.mjs|rss"
  "peak RSS, json workload (MiB)|json.mjs|rss"
)

if [ ! -x "$esrun" ]; then
  echo "building the Native AOT esrun into $(dirname "$esrun") (README: Native AOT)" >&2
  dotnet publish src/Cli -c Release -r linux-x64 -p:PublishAot=true -o "$(dirname "$esrun")" >/dev/null
fi

# Runtimes: name and the command that runs a module file.
names=(esrun node)
declare -A run=([esrun]="$esrun" [node]="node")
deno="$(command -v deno || true)"; [ -x "$peers/node_modules/.bin/deno" ] && deno="$peers/node_modules/.bin/deno"
bun="$(command -v bun || true)"; [ -x "$peers/node_modules/bun/bin/bun.exe" ] && bun="$peers/node_modules/bun/bin/bun.exe"
if [ -n "$deno" ]; then names+=(deno); run[deno]="$deno run -A --quiet"; fi
if [ -n "$bun" ]; then names+=(bun); run[bun]="$bun"; fi

rss_file=$(mktemp); trap 'rm -f "$rss_file"' EXIT
# One measurement: prints the metric, or "fail" (with the output on stderr).
measure() {
  local name=$1 file=$2 metric=$3 out start end status=0
  case $metric in
    time)
      out=$(taskset -c "$core" ${run[$name]} "$file" 2>&1) || status=$?
      if [ $status -ne 0 ] || ! grep -qE '^ms [0-9.]+' <<<"$out"; then echo "$name $file: $out" >&2; echo fail; return; fi
      grep -E '^ms [0-9.]+' <<<"$out" | tail -1 | awk '{ print $2 }' ;;
    wall)
      start=$(date +%s%N)
      taskset -c "$core" ${run[$name]} "$file" >/dev/null 2>&1 || status=$?
      end=$(date +%s%N)
      [ $status -ne 0 ] && { echo fail; return; }
      awk -v ns=$((end - start)) 'BEGIN { printf "%.1f", ns / 1e6 }' ;;
    rss)
      /usr/bin/time -o "$rss_file" -f '%M' taskset -c "$core" ${run[$name]} "$file" >/dev/null 2>&1 || status=$?
      [ $status -ne 0 ] && { echo fail; return; }
      awk '{ printf "%.1f", $1 / 1024 }' "$rss_file" ;;
  esac
}

median() { tr ' ' '\n' | grep -v '^$' | sort -g | awk '{ v[NR] = $1 } END { if (NR == 0) print "-"; else if (v[1] == "fail") print "fail"; else print v[int((NR + 1) / 2)] }'; }

selected=("$@")
wanted() { [ ${#selected[@]} -eq 0 ] && return 0; local s; for s in "${selected[@]}"; do [[ $1 == "$s"* ]] && return 0; done; return 1; }

# Warm the OS page cache and esrun's V8 code cache once.
for name in "${names[@]}"; do taskset -c "$core" ${run[$name]} "$work/empty.mjs" >/dev/null 2>&1 || true; done

header="| workload | $(printf '%s | ' "${names[@]}")esrun/node |"
echo "median of $runs, each runtime pinned to core $core; $(node --version) · $("$esrun" --version 2>/dev/null | head -1 || echo esrun)$([ -n "$deno" ] && echo " · $("$deno" --version | head -1)")$([ -n "$bun" ] && echo " · bun $("$bun" --version)")"
echo
echo "$header"
echo "|---|$(printf -- '---:|%.0s' "${names[@]}")---:|"
for row in "${rows[@]}"; do
  IFS='|' read -r label file metric <<<"$row"
  wanted "$label" || continue
  declare -A samples=()
  for ((i = 0; i < runs; i++)); do
    for name in "${names[@]}"; do samples[$name]+="$(measure "$name" "$work/$file" "$metric") "; done
  done
  line="| $label |"
  declare -A med=()
  for name in "${names[@]}"; do med[$name]=$(median <<<"${samples[$name]}"); line+=" ${med[$name]} |"; done
  ratio=$(awk -v a="${med[esrun]}" -v n="${med[node]}" 'BEGIN { if (a + 0 > 0 && n + 0 > 0) printf "%.2f", a / n; else print "-" }')
  echo "$line $ratio |"
  unset samples med
done
