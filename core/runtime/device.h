#pragma once
// Device choice: CUDA when present, CPU otherwise, overridable by the user.

#include <torch/types.h>

#include <string>
#include <vector>

namespace mnad {

// "auto" (CUDA if available, else CPU), "cpu", "cuda" or "cuda:N". Throws std::invalid_argument for anything else
// and std::runtime_error when CUDA is asked for but not available.
torch::Device selectDevice(const std::string& request);

// Names of the visible CUDA devices, read from the driver (empty when there is none).
std::vector<std::string> cudaDeviceNames();

// Whether the LibTorch this was compiled against was built with CUDA.
bool torchBuiltWithCuda();

// A host tensor on `device`. To CUDA it goes through pinned memory without blocking, so that the copy overlaps
// the GPU work already queued; elsewhere this is a plain .to(device).
torch::Tensor toDevice(const torch::Tensor& host, torch::Device device);

// Settings for speed on `device`: on CUDA, cuDNN benchmarks its algorithms once per new shape and keeps the
// fastest (the shapes of training and evaluation repeat). Nothing elsewhere.
void tuneForDevice(torch::Device device);

} // namespace mnad
