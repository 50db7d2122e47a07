#pragma once
// Writes NumPy .npy files (format 1.0): label vectors in the layout the official files use, and the header any
// other array needs.

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace mnad {

// Magic, version and the header dict padded to 64 bytes, for a C-order array of `descr` ("<f4", "|u1", …).
std::string npyHeader(const std::string& descr, const std::vector<int64_t>& shape);

// A (1, N) int64 array, like the MNAD ped2 labels (frame_labels_ped2.npy). Written atomically.
void writeLabelsNpy(const std::filesystem::path& file, const std::vector<uint8_t>& labels);

} // namespace mnad
