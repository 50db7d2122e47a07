#!/usr/bin/env bash
# Runs MNAD Studio on its bundled demo from the build folder. The first time, `mnad demo` generates the labelled
# demo dataset, trains a quick model and evaluates it (about 4 minutes on 2 cores); with a display the GUI then
# opens on the demo run in the inspector (the dataset page holds the demo dataset); without one the CLI's results are
# the output.
# Usage: tools/studio.sh [build-dir]
set -euo pipefail
build="${1:-build}"
export OPENBLAS_NUM_THREADS="${OPENBLAS_NUM_THREADS:-1}"
demo_root="mnad-demo"
if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ] && [ -x "$build/bin/mnad-studio" ]; then
  if ! ls "$demo_root"/runs/demo/pred/*/report.json >/dev/null 2>&1; then
    "$build/bin/mnad" demo --root "$demo_root"
  fi
  # The dataset page shows the demo dataset; the inspector opens on the newest evaluated demo run.
  run="$(dirname "$(ls -d "$demo_root"/runs/demo/pred/*/report.json | sort | tail -n 1)")"
  exec "$build/bin/mnad-studio" "$demo_root/datasets/demo" "$run"
fi
echo "No display: running the headless demo (mnad demo) instead of the GUI."
exec "$build/bin/mnad" demo --root "$demo_root"
