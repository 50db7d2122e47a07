#!/usr/bin/env bash
# Runs MNAD Studio from the build folder: the GUI when there is a display, the headless CLI otherwise.
# Usage: tools/studio.sh [build-dir]
set -euo pipefail
build="${1:-build}"
export OPENBLAS_NUM_THREADS="${OPENBLAS_NUM_THREADS:-1}"
if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ] && [ -x "$build/bin/mnad-studio" ]; then
  exec "$build/bin/mnad-studio"
fi
echo "No display: running the headless CLI instead of the GUI."
"$build/bin/mnad" info
echo
echo "Next: '$build/bin/mnad --help' lists the commands; 'xvfb-run -a $build/bin/mnad-studio' runs the GUI off-screen."
