# Sourced by the scripts: puts the project's tools first on PATH.
# binaryen's wasm-opt from npm must win over any other: Debian's writes broken
# wasm (docs/toolchain.md).
SAMAN_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export PATH="$SAMAN_ROOT/node_modules/.bin:$HOME/.cargo/bin:$PATH"
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
