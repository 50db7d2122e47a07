#!/usr/bin/env bash
# House rules a grep can check; run by ctest as lint.conventions. Prints each violation, exits 1 if any.
set -u
cd "$(dirname "$0")/.."
status=0
fail() { echo "convention: $*"; status=1; }

hits=$(grep -rnE '^\s*#\s*include\s*[<"]Q[A-Za-z]+' core 2>/dev/null)
[ -n "$hits" ] && fail "core/ must not include Qt:"$'\n'"$hits"
hits=$(grep -rnE '^\s*#\s*include\s*[<"](torch|ATen|c10)/' ui --include='*.h' 2>/dev/null)
[ -n "$hits" ] && fail "ui/ headers must not include torch:"$'\n'"$hits"
hits=$(grep -rnE '\b(foreach|Q_FOREACH)\s*\(' ui app tests/ui 2>/dev/null)
[ -n "$hits" ] && fail "use range-for, not Qt's foreach (QT_NO_FOREACH cannot be set because of qcustomplot.h):"$'\n'"$hits"
# The model, memory and training must build without OpenCV/FFmpeg: only core/io may include them.
hits=$(grep -rnE '^\s*#\s*include\s*[<"](opencv2|libav[a-z]+|libsw[a-z]+)/' core --exclude-dir=io 2>/dev/null)
[ -n "$hits" ] && fail "only core/io/ may include OpenCV or FFmpeg:"$'\n'"$hits"
exit $status
