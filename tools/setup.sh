#!/usr/bin/env bash
# Installs parley's build and plot dependencies from Debian 12 packages, and the browser tests'
# driver from npm (package-lock.json).
#   tools/setup.sh          everything: the build, the tests, benchmarks, fuzzing, Python package
#   tools/setup.sh --run    only what building and running `parley` needs (tools/run)
# Idempotent: when everything is present it only checks and returns.
set -euo pipefail

# Building `parley` (and the Python package, so that the libraries are compiled alike whether
# tools/run or tools/test builds them first).
packages=(
  build-essential cmake ninja-build ccache pkg-config
  libboost-dev libtbb-dev libyaml-cpp-dev libeigen3-dev libcli11-dev librandom123-dev
  libssl-dev nlohmann-json3-dev libcpp-httplib-dev  # run.json's sha256; report; parley serve
  python3-dev pybind11-dev  # the Python package (sim/python)
)
everything=true
[ "${1:-}" = "--run" ] && everything=false
if $everything; then
  packages+=(
    libgtest-dev libgmock-dev libbenchmark-dev
    clang-format gnuplot-nox
    python3 python3-yaml python3-pandas python3-matplotlib  # the docs test (tests/docs)
    python3-numpy python3-pytest  # the Python package's tests
    clang-14 libclang-rt-14-dev  # tools/fuzz (libFuzzer, ASan, UBSan), tools/test --sanitize
    chromium nodejs  # the report's and the serve page's browser tests (headless)
  )
fi

missing=()
for package in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$package")
  fi
done
# Debian's npm; a Node.js from elsewhere (e.g. NodeSource's nodejs) brings its own.
$everything && ! command -v npm >/dev/null && missing+=(npm)
if [ ${#missing[@]} -gt 0 ]; then
  echo "parley set-up: installing ${missing[*]}" >&2
  sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# The browser tests' driver (playwright-core, pinned by package-lock.json; it drives Debian's
# chromium and downloads no browser). Installed again only when the lock file changed.
$everything || exit 0
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
stamp="$root/node_modules/.parley-package-lock.json"
if ! cmp -s "$root/package-lock.json" "$stamp" 2>/dev/null; then
  echo "parley set-up: npm ci (playwright-core)" >&2
  (cd "$root" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --ignore-scripts --no-audit --no-fund \
    >/dev/null)
  cp "$root/package-lock.json" "$stamp"
fi
