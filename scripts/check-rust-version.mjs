// Keeps the workspace's minimum Rust (`rust-version` in Cargo.toml) true.
//
// The number is the highest of two needs: what our own code uses from std
// (clippy's `incompatible_msrv` lint, run by scripts/test with -D warnings,
// fails on any std item newer than `rust-version`), and what our locked
// dependencies declare. This script checks the second half and that every
// crate of the workspace inherits the number:
//
//   - every workspace member has `rust-version.workspace = true`;
//   - no package in Cargo.lock declares a `rust-version` newer than the
//     workspace's (a dependency update that raises it fails here, naming the
//     package, instead of failing later for someone on an older Rust).
//
//   node scripts/check-rust-version.mjs     (exit 0 clean, 1 with the problems)
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

/** "1.89" or "1.89.0" → [1, 89, 0], comparable part by part. */
function parseVersion(text) {
  const parts = text.split('.').map(Number);
  if (parts.length < 2 || parts.length > 3 || parts.some((n) => !Number.isInteger(n) || n < 0)) {
    throw new Error(`not a Rust version: "${text}"`);
  }
  return [parts[0], parts[1], parts[2] ?? 0];
}

/** Negative, zero or positive as `a` is older than, equal to or newer than `b`. */
function compareVersions(a, b) {
  const [x, y] = [parseVersion(a), parseVersion(b)];
  return x[0] - y[0] || x[1] - y[1] || x[2] - y[2];
}

/**
 * The problems with the workspace's `rust-version`, as sentences; empty when
 * all is well. `metadata` is `cargo metadata --format-version 1` output;
 * `manifestText(path)` returns a member's Cargo.toml.
 */
export function rustVersionProblems(metadata, manifestText) {
  const members = new Set(metadata.workspace_members);
  const workspacePackages = metadata.packages.filter((p) => members.has(p.id));
  const problems = [];

  for (const member of workspacePackages) {
    if (!/^\s*rust-version\.workspace\s*=\s*true\s*$/m.test(manifestText(member.manifest_path))) {
      problems.push(`${member.name} (${member.manifest_path}) does not say rust-version.workspace = true`);
    }
  }
  const declared = [...new Set(workspacePackages.map((p) => p.rust_version).filter(Boolean))];
  if (declared.length !== 1) {
    problems.push(`the workspace crates should share one rust-version, found: ${declared.join(', ') || 'none'}`);
    return problems;
  }
  const [workspaceVersion] = declared;

  const newer = metadata.packages
    .filter((p) => !members.has(p.id) && p.rust_version && compareVersions(p.rust_version, workspaceVersion) > 0)
    .sort((a, b) => compareVersions(b.rust_version, a.rust_version) || a.name.localeCompare(b.name));
  for (const p of newer) {
    problems.push(`${p.name} ${p.version} needs Rust ${p.rust_version}, newer than the workspace's ${workspaceVersion}`);
  }
  if (newer.length > 0) {
    problems.push(
      `raise [workspace.package] rust-version in Cargo.toml to ${newer[0].rust_version}, ` +
        'or keep the dependency at a version that supports the current minimum',
    );
  }
  return problems;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const metadata = JSON.parse(
    execFileSync('cargo', ['metadata', '--format-version', '1'], { encoding: 'utf8', maxBuffer: 64 << 20 }),
  );
  const problems = rustVersionProblems(metadata, (path) => readFileSync(path, 'utf8'));
  if (problems.length > 0) {
    for (const problem of problems) console.error(`rust-version: ${problem}`);
    process.exit(1);
  }
  const members = new Set(metadata.workspace_members);
  const version = metadata.packages.find((p) => members.has(p.id)).rust_version;
  const locked = metadata.packages.filter((p) => !members.has(p.id)).length;
  console.log(`rust-version ${version}: every workspace crate inherits it, and none of ${locked} locked packages needs newer`);
}
