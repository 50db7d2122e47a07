#pragma once
// Writes NumPy .npy files (format 1.0) for label vectors, in the layouts the official files use.

#include <cstdint>
#include <filesystem>
#include <vector>

namespace mnad {

// A (1, N) int64 array, like the MNAD ped2 labels (frame_labels_ped2.npy). Written atomically.
void writeLabelsNpy(const std::filesystem::path& file, const std::vector<uint8_t>& labels);

} // namespace mnad
