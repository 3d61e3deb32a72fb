#!/usr/bin/env bash
# HTTP benchmarks, esrun against node, deno and bun (bench/README.md, "bench/http").
#  fetch rows: the workloads fetch-*.mjs run on each runtime (pinned to core 1) against one node
#              server (server.mjs, pinned to core 0); median of RUNS in-script times, peak RSS for the download.
#  serve rows: each runtime's server (serve-<runtime>.mjs, core 0) under autocannon (core 1) for
#              SECONDS s with 64 connections: requests/s and the server's CPU time per request
#              (utime+stime from /proc/<pid>/stat).
# usage: flock /tmp/esrun-cpu.lock bench/http/run.sh [fetch|serve]   env: RUNS=5 SECONDS_PER=8 ESRUN=... PEERS=/tmp/peers
set -euo pipefail
cd "$(dirname "$0")/../.."
runs="${RUNS:-5}"
seconds="${SECONDS_PER:-8}"
esrun="${ESRUN:-artifacts/esrun-aot/esrun}"
peers="${PEERS:-/tmp/peers}"
unset NODE_EXTRA_CA_CERTS
what="${1:-all}"

declare -A cmd=([esrun]="$esrun" [node]="node")
[ -x "$peers/node_modules/.bin/deno" ] && cmd[deno]="$peers/node_modules/.bin/deno run -A"
[ -x "$peers/node_modules/.bin/bun" ] && cmd[bun]="$peers/node_modules/.bin/bun"
order=(esrun node deno bun)
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
wait_port() { for _ in $(seq 100); do (exec 3<>/dev/tcp/127.0.0.1/$1) 2>/dev/null && return 0; sleep 0.05; done; return 1; }

if [ "$what" = all ] || [ "$what" = fetch ]; then
  taskset -c 0 node bench/http/server.mjs & server=$!
  trap 'kill $server 2>/dev/null' EXIT
  wait_port 18080
  echo "| workload | $(for r in "${order[@]}"; do [ -n "${cmd[$r]:-}" ] && printf '%s | ' "$r"; done)esrun/node |"
  echo "|---|$(for r in "${order[@]}"; do [ -n "${cmd[$r]:-}" ] && printf -- '---:|'; done)---:|"
  for w in fetch-seq fetch-concurrent fetch-download; do
    declare -A times=() rss=()
    for _ in $(seq "$runs"); do
      for r in "${order[@]}"; do
        [ -n "${cmd[$r]:-}" ] || continue
        out=$( { /usr/bin/time -f "rss %M" taskset -c 1 ${cmd[$r]} bench/http/$w.mjs; } 2>&1 )
        times[$r]+="$(grep -o 'ms [0-9.]*' <<<"$out" | tail -1 | cut -d' ' -f2) "
        rss[$r]+="$(grep -o 'rss [0-9]*' <<<"$out" | cut -d' ' -f2) "
      done
    done
    row="| $w (ms) |"; rrow="| $w peak RSS (MiB) |"
    for r in "${order[@]}"; do
      [ -n "${cmd[$r]:-}" ] || continue
      m=$(tr ' ' '\n' <<<"${times[$r]}" | grep . | median); row+=" $m |"; eval "m_$r=$m"
      k=$(tr ' ' '\n' <<<"${rss[$r]}" | grep . | median); rrow+=" $((k / 1024)) |"
    done
    echo "$row $(awk -v a="$m_esrun" -v b="$m_node" 'BEGIN {printf "%.2f", a / b}') |"
    [ "$w" = fetch-download ] && echo "$rrow |"
  done
  kill $server; trap - EXIT
fi

if [ "$what" = all ] || [ "$what" = serve ]; then
  ac="$peers/node_modules/.bin/autocannon"
  echo
  echo "| server | requests/s | server CPU µs/request |"
  echo "|---|---:|---:|"
  for r in "${order[@]}"; do
    [ -n "${cmd[$r]:-}" ] || continue
    taskset -c 0 ${cmd[$r]} bench/http/serve-$r.mjs & pid=$!
    wait_port 18081
    sleep 0.5
    # the server is the runtime's process itself (exec'd by taskset)
    before=$(awk '{print $14 + $15}' /proc/$pid/stat)
    json=$(taskset -c 1 "$ac" -c 64 -d "$seconds" -j http://127.0.0.1:18081/ 2>/dev/null)
    after=$(awk '{print $14 + $15}' /proc/$pid/stat)
    kill $pid; wait $pid 2>/dev/null || true
    total=$(node -e 'const j = JSON.parse(process.argv[1]); console.log(j.requests.total)' "$json")
    rps=$(node -e 'const j = JSON.parse(process.argv[1]); console.log(Math.round(j.requests.average))' "$json")
    tick=$(getconf CLK_TCK)
    echo "| $r | $rps | $(awk -v d=$((after - before)) -v t="$tick" -v n="$total" 'BEGIN {printf "%.1f", d / t * 1e6 / n}') |"
  done
fi
