# Sourced by the scripts: puts the project's tools first on PATH.
# binaryen's wasm-opt from npm must win over any other: Debian's writes broken
# wasm (docs/toolchain.md).
SAMAN_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export PATH="$SAMAN_ROOT/node_modules/.bin:$HOME/.cargo/bin:$PATH"
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1

# Cargo asks the compiler (`rustc -`, or clippy-driver) about each target
# and caches the answer in target/.rustc_info.json, failures included. On
# this project's 2-core machines, cargo runs have been seen to find there a
# failed probe whose input was another process's output (a build script's
# compiler check, a test's HTML), after which every build fails the same way;
# the cause is in cargo and was not found. The cache is only an
# optimisation, so cargo and trunk are tried once more without it.
# Removes the cache when it holds a failed probe; says whether it did.
forget_failed_probes() {
  if grep -q '"success":false' "$SAMAN_ROOT/target/.rustc_info.json" 2>/dev/null; then
    echo "saman-stories: cargo cached a failed compiler probe; removing target/.rustc_info.json" >&2
    rm -f "$SAMAN_ROOT/target/.rustc_info.json"
    return 0
  fi
  return 1
}
retry_after_failed_probe() {
  local status=0
  "$@" || status=$?
  if [ "$status" -ne 0 ] && forget_failed_probes; then
    status=0
    "$@" || status=$?
  fi
  return "$status"
}
cargo() { retry_after_failed_probe command cargo "$@"; }
# Trunk runs cargo itself.
trunk() { retry_after_failed_probe command trunk "$@"; }
