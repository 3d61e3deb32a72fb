#!/usr/bin/env bash
# Startup time of esrun (Native AOT, and the JIT build) against node on a hello script:
# median wall time of N runs each, and the ratio esrun/node.
# Usage: bench/startup.sh [runs]   (default 15)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-15}
unset NODE_EXTRA_CA_CERTS   # set on this machine; it adds ~40 ms to node's start

aot_dir=artifacts/esrun-aot
if [ ! -x "$aot_dir/esrun" ]; then
  dotnet publish src/Cli -c Release -r linux-x64 -p:PublishAot=true -o "$aot_dir" >/dev/null
fi
dotnet build src/Cli -c Release >/dev/null
jit=src/Cli/bin/Release/net10.0/esrun
hello=examples/hello.js

# Warm the V8 code cache and the OS page cache once.
"$aot_dir/esrun" "$hello" >/dev/null; "$jit" "$hello" >/dev/null; node "$hello" >/dev/null

median_ms() {
  local samples=()
  for _ in $(seq "$runs"); do
    local start end
    start=$(date +%s%N)
    "$@" >/dev/null
    end=$(date +%s%N)
    samples+=($(( (end - start) / 1000 )))
  done
  printf '%s\n' "${samples[@]}" | sort -n | awk '{a[NR]=$1} END {m=(NR%2)?a[(NR+1)/2]:(a[NR/2]+a[NR/2+1])/2; printf "%.1f", m/1000}'
}

node_ms=$(median_ms node "$hello")
aot_ms=$(median_ms "$aot_dir/esrun" "$hello")
jit_ms=$(median_ms "$jit" "$hello")
echo "hello.js, median of $runs runs"
echo "  node $(node --version):  ${node_ms} ms"
echo "  esrun (Native AOT): ${aot_ms} ms   ratio esrun/node = $(awk -v a="$aot_ms" -v n="$node_ms" 'BEGIN{printf "%.2f", a/n}')"
echo "  esrun (JIT):        ${jit_ms} ms   ratio esrun/node = $(awk -v a="$jit_ms" -v n="$node_ms" 'BEGIN{printf "%.2f", a/n}')"
