#pragma once
// What runs the network's convolutions on the CPU. All compute the same values to float rounding: LibTorch is the
// reference (the modules themselves), oneDNN is called directly (evaluation: BatchNorm folded, activations fused),
// Winograd is oneDNN's Winograd algorithm where the CPU has it (AVX-512) and a layer is large enough. Torch-free.

#include <string>

namespace mnad {

enum class CpuKernels { LibTorch, OneDnn, Winograd };
std::string cpuKernelsName(CpuKernels kernels);          // "libtorch", "onednn", "winograd"
CpuKernels cpuKernelsFromName(const std::string& name); // throws std::invalid_argument

} // namespace mnad
