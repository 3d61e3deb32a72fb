#!/usr/bin/env bash
# Times the crypto benchmarks on esrun, node and deno in one session: each runtime runs each script
# RUNS times (default 5), interleaved; prints the median in-script time and the median wall time
# (process start to exit).
# usage: bench/crypto/run.sh [path/to/esrun] [path/to/deno]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
esrun="${1:-$here/../../src/Cli/bin/Release/net10.0/esrun}"
deno="${2:-$(command -v deno || true)}"
runs="${RUNS:-5}"
unset NODE_EXTRA_CA_CERTS
declare -A cmd=([esrun]="$esrun" [node]="node")
names=(esrun node)
if [ -n "$deno" ]; then cmd[deno]="$deno run --quiet"; names+=(deno); fi
median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
for script in digest.mjs hmac_gcm.mjs; do
  declare -A inner=() wall=()
  for ((i = 0; i < runs; i++)); do
    for name in "${names[@]}"; do
      start=$(date +%s%N)
      out=$(${cmd[$name]} "$here/$script")
      end=$(date +%s%N)
      inner[$name]+="$(sed -E 's/.* in ([0-9.]+) ms.*/\1/' <<<"$out") "
      wall[$name]+="$(( (end - start) / 1000000 )) "
    done
  done
  echo "== $script (median of $runs)"
  for name in "${names[@]}"; do
    printf "  %-6s in-script %8s ms   wall %6s ms\n" "$name" "$(tr ' ' '\n' <<<"${inner[$name]}" | grep . | median)" "$(tr ' ' '\n' <<<"${wall[$name]}" | grep . | median)"
  done
  unset inner wall
done
