#pragma once
// Ground truth from ano_pred_cvpr2018's MATLAB files (ped2.mat, avenue.mat): variable `gt`, a 1×V cell array whose
// cells are 2×K numeric matrices of 1-based inclusive [start; end] abnormal intervals. Needs libmatio.

#include "core/data/frame_labels.h"

#include <cstdint>
#include <filesystem>
#include <vector>

namespace mnad {

// The intervals of every video, in cell order. `gt` may also be V×1; cells may be of any real numeric class
// (double, single, int*, uint*) but must hold whole numbers; an empty cell means no abnormal frame.
// Throws DataError naming the file (missing variable, not a cell array, wrong shapes, bad values).
std::vector<std::vector<FrameInterval>> readMatIntervals(const std::filesystem::path& file);

// readMatIntervals + labelsFromIntervals: per-video labels, checked against the test videos' frame counts.
std::vector<std::vector<uint8_t>> readMatLabels(const std::filesystem::path& file,
                                                const std::vector<int64_t>& frameCounts);

} // namespace mnad
