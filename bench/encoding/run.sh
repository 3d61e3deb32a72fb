#!/usr/bin/env bash
# Times bench/encoding/encoding.mjs on esrun and node.
# usage: bench/encoding/run.sh [path/to/esrun]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
esrun="${1:-$here/../../src/Cli/bin/Release/net10.0/esrun}"
unset NODE_EXTRA_CA_CERTS
echo "== esrun"; "$esrun" "$here/encoding.mjs"
echo "== node $(node --version)"; node "$here/encoding.mjs"
