#!/usr/bin/env bash
# Installs parley's build and plot dependencies from Debian 12 packages.
# Idempotent: when everything is present it only checks and returns.
set -euo pipefail

packages=(
  build-essential cmake ninja-build
  libboost-dev libtbb-dev libyaml-cpp-dev libeigen3-dev libcli11-dev librandom123-dev
  libgtest-dev libgmock-dev libbenchmark-dev
  clang-format gnuplot-nox ccache libssl-dev
  python3 python3-yaml python3-pandas python3-matplotlib  # the docs test (tests/docs)
  python3-dev pybind11-dev python3-numpy python3-pytest  # the Python package (sim/python)
  clang-14 libclang-rt-14-dev  # tools/fuzz (libFuzzer, ASan, UBSan)
  nlohmann-json3-dev  # parley report reads result folders
  chromium            # the report's browser tests (headless)
)

missing=()
for package in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$package")
  fi
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "parley set-up: installing ${missing[*]}" >&2
sudo=""
[ "$(id -u)" -ne 0 ] && sudo="sudo"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
