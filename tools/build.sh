#!/usr/bin/env bash
# Set-up, configure and build into a build folder.
#   tools/build.sh [BUILD_DIR] [extra cmake arguments...]
# PARLEY_TARGETS="parley ..." builds only those targets (default: everything).
# PARLEY_WERROR=ON turns warnings into errors (CI sets it).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build_dir="${1:-$root/build}"
shift || true

"$root/tools/setup.sh"
cmake -S "$root" -B "$build_dir" -G Ninja -DPARLEY_WERROR="${PARLEY_WERROR:-OFF}" "$@" >/dev/null
targets=()
for target in ${PARLEY_TARGETS:-}; do targets+=(--target "$target"); done
cmake --build "$build_dir" --parallel "$(nproc)" "${targets[@]}"
