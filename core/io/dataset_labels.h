#pragma once
// Finds and loads a dataset's ground truth for its test split, in any of the formats users have
// (conventions §3.1): the MNAD concatenated frame_labels_<name>.npy, per-video test_frame_mask/<video>.npy,
// the ano_pred <name>.mat intervals, or a labels CSV. Checked against the frame counts.

#include "core/data/dataset_layout.h"
#include "core/data/frame_provider.h"

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace mnad {

// Where the labels of a dataset would be: the first candidate that exists, or nullopt.
// Looks in <root>, <root>/.., <root>/../data and <root>/testing for frame_labels_<name>.npy, <name>.mat,
// labels.csv, and the folder test_frame_mask/.
std::optional<std::filesystem::path> findLabels(const Dataset& dataset);

// Per test video, one 0/1 per frame. `file` may be a .npy (concatenated), a .mat, a .csv or a mask folder.
// Throws DataError naming the file when it does not fit the videos (counts named).
std::vector<std::vector<uint8_t>> loadLabels(const std::filesystem::path& file, const FrameProvider& testFrames);

} // namespace mnad
