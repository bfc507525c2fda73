#!/usr/bin/env bash
# The whole test suite: formatting, lints, unit/integration/doc tests and loom models.
# Works on a brand-new machine: it installs what the tests need first.
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n==> %s\n' "$*"; }

# Keep the build small: a CI machine's disk may be nearly full. Debug info and
# incremental caches are most of a debug target's size and no test needs them
# (panic messages carry their file and line without debug info).
export CARGO_INCREMENTAL=0
export CARGO_PROFILE_DEV_DEBUG=0
report_disk() { printf '    target: %s, free: %s\n' "$(du -sh target 2>/dev/null | cut -f1)" "$(df -h . | awk 'NR==2{print $4}')"; }

step "toolchain components"
rustup component add rustfmt clippy >/dev/null 2>&1 || true

step "cargo fmt --check"
cargo fmt --all -- --check

step "cargo clippy --all-targets -D warnings"
cargo clippy --workspace --all-targets --all-features -- -D warnings
report_disk

step "cargo test"
cargo test --workspace --all-features
report_disk

step "loom models (sluice-pool)"
RUSTFLAGS="--cfg loom" LOOM_MAX_PREEMPTIONS=2 \
  cargo test -p sluice-pool --release --target-dir target/loom --test loom -- --test-threads=1
report_disk
