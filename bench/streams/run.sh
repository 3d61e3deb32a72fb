#!/usr/bin/env bash
# Times bench/streams/*.mjs on esrun, node and (when present) deno, in one session.
# Usage: bench/streams/run.sh [path/to/esrun]   (default: the Release build under src/Cli/bin)
# deno is looked up on PATH, then at /tmp/deno-bench/node_modules/.bin/deno (npm install deno).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
esrun="${1:-$here/../../src/Cli/bin/Release/net10.0/esrun}"
deno="$(command -v deno || true)"
[ -z "$deno" ] && [ -x /tmp/deno-bench/node_modules/.bin/deno ] && deno=/tmp/deno-bench/node_modules/.bin/deno
unset NODE_EXTRA_CA_CERTS

wall() { # prints the wall time of a command in ms, its output to stderr
  local start end
  start=$(date +%s%N)
  "$@" >&2
  end=$(date +%s%N)
  echo $(( (end - start) / 1000000 ))
}

echo "== start-up (an empty script)"
echo "" > /tmp/esrun-bench-empty.mjs
e=$(wall "$esrun" /tmp/esrun-bench-empty.mjs)
n=$(wall node /tmp/esrun-bench-empty.mjs)
echo "esrun wall ${e} ms, node wall ${n} ms"
if [ -n "$deno" ]; then echo "deno wall $(wall "$deno" run --quiet /tmp/esrun-bench-empty.mjs) ms"; fi

for script in pipe.mjs gzip.mjs; do
  echo "== $script"
  e=$(wall "$esrun" "$here/$script")
  n=$(wall node "$here/$script")
  echo "esrun wall ${e} ms, node wall ${n} ms, esrun/node $(awk "BEGIN { printf \"%.2f\", $e / $n }")"
  if [ -n "$deno" ]; then
    d=$(wall "$deno" run --quiet "$here/$script")
    echo "deno wall ${d} ms, esrun/deno $(awk "BEGIN { printf \"%.2f\", $e / $d }")"
  fi
done
