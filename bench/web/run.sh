#!/usr/bin/env bash
# Times bench/web/micro.mjs on esrun, node and deno in one run (deno from npm: `npm install deno`
# into a scratch directory and pass its path, or have `deno` on PATH).
# usage: bench/web/run.sh [path/to/esrun] [path/to/deno]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
esrun="${1:-$here/../../src/Cli/bin/Release/net10.0/esrun}"
deno="${2:-$(command -v deno || true)}"
unset NODE_EXTRA_CA_CERTS   # set on this machine; it slows node's start
echo "== esrun"; "$esrun" "$here/micro.mjs"
echo "== node $(node --version)"; node "$here/micro.mjs"
if [ -n "$deno" ]; then echo "== $("$deno" --version | head -1)"; "$deno" run "$here/micro.mjs"; fi
