#!/usr/bin/env bash
# Installs every build, run and test dependency of MNAD Studio from Debian 12's packages.
# Idempotent: when everything is already there it prints one line and exits.
# Usage: tools/install-deps.sh [--core-only]   (--core-only: no Qt/GUI packages)
set -euo pipefail

core_pkgs=(
  build-essential cmake ninja-build pkg-config git ccache
  libtorch-dev libopenblas0-pthread libdnnl-dev
  libopencv-dev
  libavformat-dev libavcodec-dev libavutil-dev libswscale-dev
  nlohmann-json3-dev libcli11-dev libgtest-dev python3-sklearn python3-torch
  libmatio-dev
)
gui_pkgs=(
  qt6-base-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools libqcustomplot-dev
  libqt6svg6 libgl-dev xvfb xauth imagemagick
)

pkgs=("${core_pkgs[@]}")
[ "${1:-}" = "--core-only" ] || pkgs+=("${gui_pkgs[@]}")

missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#pkgs[@]} packages present"
  exit 0
fi

sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
echo "install-deps: installing ${#missing[@]} packages: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
echo "install-deps: done"
