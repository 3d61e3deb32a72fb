#!/usr/bin/env bash
# fs and net workloads, esrun against node and deno (bench/README.md, "bench/io"): each runtime runs
# its own variant of the same workload (fs-<runtime>.mjs, net-<runtime>.mjs), pinned to core 1, in a
# scratch project folder, RUNS times interleaved; medians of the in-script ms and of peak RSS. The last
# row is esrun's rtt workload on the simulated network (--sim 1).
# usage: flock /tmp/esrun-cpu.lock bench/io/run.sh      env: RUNS=3 ESRUN=artifacts/esrun-aot/esrun PEERS=/tmp/peers
set -euo pipefail
cd "$(dirname "$0")/../.."
runs="${RUNS:-3}"
esrun="$(realpath "${ESRUN:-artifacts/esrun-aot/esrun}")"
deno="${PEERS:-/tmp/peers}/node_modules/.bin/deno"
here="$(pwd)/bench/io"
unset NODE_EXTRA_CA_CERTS
scratch=$(mktemp -d); trap 'rm -rf "$scratch"' EXIT
echo '{}' > "$scratch/package.json"; cp "$here"/*.mjs "$scratch/"; cd "$scratch"
declare -A cmd=([esrun]="$esrun" [node]="node" [deno]="$deno run -A")
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
measure() {   # runtime file arg -> "ms rss"
  local out; out=$( { /usr/bin/time -f "rss %M" taskset -c 1 ${cmd[$1]} "$2" "$3"; } 2>&1 ) || { echo "$1 $2 $3 failed: $out" >&2; echo "0 0"; return; }
  echo "$(grep -o 'ms [0-9.]*' <<<"$out" | tail -1 | cut -d' ' -f2) $(grep -o 'rss [0-9]*' <<<"$out" | cut -d' ' -f2)"
}
echo "| workload | esrun | node | deno | esrun/node | esrun/deno | peak RSS MiB esrun / node / deno |"
echo "|---|---:|---:|---:|---:|---:|---|"
for row in "fs|small|1000 files of 1 KiB, write then read" "fs|write|write 100 MB" "fs|read|read 100 MB (bytes())" "fs|copy|100 MB stream copy" \
           "net|rtt|10 000 round trips of 64 B" "net|bulk|1 GB one way"; do
  IFS='|' read -r area arg label <<<"$row"
  declare -A ms=() rss=()
  [ "$area" = fs ] && for r in esrun node deno; do measure "$r" "fs-$r.mjs" write >/dev/null; done   # big.bin for read/copy
  for _ in $(seq "$runs"); do
    for r in esrun node deno; do
      read -r m k < <(measure "$r" "$area-$r.mjs" "$arg"); ms[$r]+="$m "; rss[$r]+="$k "
      rm -rf small copy.bin
    done
  done
  for r in esrun node deno; do
    eval "m_$r=$(tr ' ' '\n' <<<"${ms[$r]}" | grep . | median)"; eval "k_$r=$(( $(tr ' ' '\n' <<<"${rss[$r]}" | grep . | median) / 1024 ))"
  done
  echo "| $label (ms) | $m_esrun | $m_node | $m_deno | $(awk -v a="$m_esrun" -v b="$m_node" 'BEGIN{printf "%.2f", a/b}') | $(awk -v a="$m_esrun" -v b="$m_deno" 'BEGIN{printf "%.2f", a/b}') | $k_esrun / $k_node / $k_deno |"
done
sims=""; for _ in $(seq "$runs"); do s=$(date +%s%N); taskset -c 1 "$esrun" --sim 1 net-esrun.mjs rtt >/dev/null; sims+="$(( ($(date +%s%N) - s) / 1000000 )) "; done
echo "| 10 000 round trips on the simulated network, esrun --sim (wall ms) | $(tr ' ' '\n' <<<"$sims" | grep . | median) | | | | | |"
