#pragma once
// Writes a CPU tensor as a NumPy .npy file (bool, uint8, int32, int64, float32, float64), so that inspection data
// opens in NumPy as well as in MNAD Studio.

#include <torch/types.h>

#include <filesystem>

namespace mnad {

void writeTensorNpy(const std::filesystem::path& file, const torch::Tensor& tensor);

} // namespace mnad
