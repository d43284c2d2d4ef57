# Sourced by the scripts: puts the project's tools first on PATH.
# binaryen's wasm-opt from npm must win over any other: Debian's writes broken
# wasm (docs/toolchain.md).
SAMAN_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export PATH="$SAMAN_ROOT/node_modules/.bin:$HOME/.cargo/bin:$PATH"
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1

# cargo and trunk, tried once more when they failed on a cached failed
# probe of the compiler. Cargo asks `rustc -` (or clippy-driver) about each target and
# caches the answer in target/.rustc_info.json, failures included; when
# that probe runs while build scripts probe the compiler too (thiserror's
# and others' nightly-feature checks), it has been seen to read their
# output as its input and fail, and every later build then fails the same
# way. The cache is only an optimisation: removing it is always safe.
retry_after_failed_probe() {
  local status=0
  "$@" || status=$?
  if [ "$status" -ne 0 ] && grep -q '"success":false' "$SAMAN_ROOT/target/.rustc_info.json" 2>/dev/null; then
    echo "saman-stories: cargo cached a failed compiler probe; removing target/.rustc_info.json and trying again" >&2
    rm -f "$SAMAN_ROOT/target/.rustc_info.json"
    status=0
    "$@" || status=$?
  fi
  return "$status"
}
cargo() { retry_after_failed_probe command cargo "$@"; }
# Trunk runs cargo itself.
trunk() { retry_after_failed_probe command trunk "$@"; }
