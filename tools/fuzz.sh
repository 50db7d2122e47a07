#!/usr/bin/env bash
# Builds and runs the libFuzzer targets (tests/fuzz/) with clang, AddressSanitizer and UBSan. They cover the parsers
# of untrusted files that need no torch: the .npy reader, the label parsers and the run config reader.
# Usage: tools/fuzz.sh [--build-only] [TARGET...] [-- SECONDS]     TARGET: npy labels config (default: all), SECONDS
# per target (default 60). Builds into build-fuzz/, keeps each target's corpus in build-fuzz/corpus/<target>/, and
# prints libFuzzer's final statistics (executions, coverage) per target. A crash stops with its reproducer file.
# Needs clang and its runtime: `apt-get install clang libclang-rt-14-dev` (not part of install-deps.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
out=build-fuzz
seconds=60
build_only=0
targets=()
while [ $# -gt 0 ]; do
  case "$1" in
    --build-only) build_only=1 ;;
    --) shift; seconds="${1:?seconds}" ;;
    *) targets+=("$1") ;;
  esac
  shift
done
[ ${#targets[@]} -gt 0 ] || targets=(npy labels config)
command -v clang++ >/dev/null || { echo "fuzz.sh: clang++ not found (apt-get install clang libclang-rt-14-dev)"; exit 2; }

# Sources each target needs besides its harness (all torch-free).
declare -A sources=(
  [npy]="core/data/npy_reader.cpp"
  [labels]="core/data/npy_reader.cpp core/data/frame_labels.cpp"
  [config]="core/run/config_json.cpp core/train/train_config.cpp core/model/model_config.cpp"
)
flags=(-std=c++17 -O1 -g -I. -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined
       -ffunction-sections -fdata-sections -Wl,--gc-sections)
[ -d third_party/nlohmann_json/include ] && flags+=(-isystem third_party/nlohmann_json/include)
mkdir -p "$out"
for t in "${targets[@]}"; do
  [ -n "${sources[$t]:-}" ] || { echo "fuzz.sh: unknown target $t (npy, labels, config)"; exit 2; }
  echo "== building fuzz_$t"
  # shellcheck disable=SC2086
  clang++ "${flags[@]}" "tests/fuzz/fuzz_$t.cpp" ${sources[$t]} tests/fuzz/fuzz_stubs.cpp -o "$out/fuzz_$t"
done
[ "$build_only" = 1 ] && exit 0
for t in "${targets[@]}"; do
  corpus="$out/corpus/$t"
  mkdir -p "$corpus" "$out/crashes"
  cp -n tests/fuzz/seeds/"$t"/* "$corpus"/ 2>/dev/null || true
  echo "== fuzz_$t for ${seconds}s"
  "$out/fuzz_$t" "$corpus" -max_total_time="$seconds" -rss_limit_mb=2048 -max_len=4096 \
      -artifact_prefix="$out/crashes/$t-" -print_final_stats=1 2>&1 | grep -E "^(stat::|#[0-9]+ +DONE|==|SUMMARY)" || true
  if ls "$out/crashes/$t-"* >/dev/null 2>&1; then
    echo "fuzz_$t: FOUND a failing input: $(ls "$out/crashes/$t-"*)"
    exit 1
  fi
done
