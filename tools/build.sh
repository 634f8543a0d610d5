#!/usr/bin/env bash
# Set-up, configure and build into a build folder.
#   tools/build.sh [BUILD_DIR] [extra cmake arguments...]
# PARLEY_TARGETS="parley ..." builds only those targets (default: everything).
# PARLEY_WERROR=ON turns warnings into errors (CI sets it).
# PARLEY_SETUP=run installs only what building `parley` needs (tools/setup.sh --run).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build_dir="${1:-$root/build}"
shift || true

if [ "${PARLEY_SETUP:-}" = run ]; then "$root/tools/setup.sh" --run; else "$root/tools/setup.sh"; fi
cmake -S "$root" -B "$build_dir" -G Ninja -DPARLEY_WERROR="${PARLEY_WERROR:-OFF}" "$@" >/dev/null
targets=()
for target in ${PARLEY_TARGETS:-}; do targets+=(--target "$target"); done
cmake --build "$build_dir" --parallel "$(nproc)" "${targets[@]}"
