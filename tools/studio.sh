#!/usr/bin/env bash
# Runs MNAD Studio from the build folder: the GUI when there is a display; without one, the headless demo
# (generate a labelled dataset, train, evaluate, print the AUC) from the CLI.
# Usage: tools/studio.sh [build-dir]
set -euo pipefail
build="${1:-build}"
export OPENBLAS_NUM_THREADS="${OPENBLAS_NUM_THREADS:-1}"
if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ] && [ -x "$build/bin/mnad-studio" ]; then
  exec "$build/bin/mnad-studio"
fi
echo "No display: running the headless demo (mnad demo) instead of the GUI."
exec "$build/bin/mnad" demo
