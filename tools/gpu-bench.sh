#!/usr/bin/env bash
# The GPU check in one go, for a machine whose only dependency is a Python PyTorch with CUDA (no Qt, OpenCV,
# FFmpeg or oneDNN headers): builds core + the CLI against that PyTorch's LibTorch, then measures training and
# evaluation on the GPU at 256² and full width, in float32 and in bf16 mixed precision. Figures go to
# $OUT (or ./gpu-results) as JSON, with the build log and `mnad info`.
# Usage: tools/gpu-bench.sh [SECONDS_LIMIT_PER_BENCH]
set -uo pipefail
cd "$(dirname "$0")/.."
out=${OUT:-gpu-results}
limit=${1:-240}
mkdir -p "$out"
python=${PYTHON:-python3}

for tool in cmake c++ "$python"; do
  command -v "$tool" >/dev/null || { echo "gpu-bench: '$tool' is missing on this machine" | tee "$out/error.txt"; exit 1; }
done
prefix=$("$python" -c 'import torch; print(torch.utils.cmake_prefix_path)') || exit 1
"$python" -c 'import torch; print("torch", torch.__version__, "cuda", torch.version.cuda, torch.cuda.is_available())' \
  | tee "$out/torch.txt"

generator=()
command -v ninja >/dev/null && generator=(-G Ninja)
if ! cmake -S . -B build-cuda "${generator[@]}" -DCMAKE_BUILD_TYPE=Release -DMNAD_BUILD_GUI=OFF -DMNAD_WITH_IO=OFF \
      -DMNAD_WITH_DNNL=OFF -DMNAD_BUILD_TESTS=OFF -DCMAKE_PREFIX_PATH="$prefix" >"$out/configure.log" 2>&1; then
  echo "gpu-bench: configuring failed (see configure.log; PyTorch's CMake files look for the CUDA toolkit)"
  tail -30 "$out/configure.log"
  exit 1
fi
if ! cmake --build build-cuda -j"$(nproc)" >"$out/build.log" 2>&1; then
  echo "gpu-bench: the build failed (see build.log)"
  grep -m 20 -E "error|Error" "$out/build.log"
  exit 1
fi
build-cuda/bin/mnad info | tee "$out/info.txt"

bench() { # output file name, then the bench arguments
  local name=$1; shift
  echo "== $name: mnad bench $*"
  timeout "$limit" build-cuda/bin/mnad bench "$@" >"$out/$name" 2>"$out/$name.err"
  echo "exit $?"; cat "$out/$name"
}
bench pipeline-256-fp32.json pipeline --device cuda --sizes 256 --widths 64 --batch 4 --steps 50 --frames 2000 --encoder-batch 64 --json
bench pipeline-256-bf16.json pipeline --device cuda --sizes 256 --widths 64 --batch 4 --steps 50 --frames 2000 --encoder-batch 64 --precision bf16 --json
bench pipeline-256-fp16.json pipeline --device cuda --sizes 256 --widths 64 --batch 4 --steps 50 --frames 2000 --encoder-batch 64 --precision fp16 --json
bench model-256.txt model --device cuda --sizes 256 --widths 64 --batch 4 --repeats 20
# Training at a batch that fills the GPU (the paper's 4 leaves an H200 mostly idle).
bench pipeline-256-bf16-batch32.json pipeline --device cuda --sizes 256 --widths 64 --batch 32 --steps 20 --frames 400 --encoder-batch 64 --precision bf16 --json
