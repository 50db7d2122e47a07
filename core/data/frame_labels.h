#pragma once
// Ground-truth frame labels (1 = abnormal, 0 = normal), kept as one std::vector<uint8_t> per test video, from the
// formats users have (conventions §3.1): MNAD's concatenated .npy, ShanghaiTech's per-video masks, a CSV, and
// ano_pred's abnormal intervals. Every problem is a DataError naming the file.

#include "core/data/npy_reader.h"

#include <cstdint>
#include <filesystem>
#include <string>
#include <utility>
#include <vector>

namespace mnad {

// A 1-based inclusive [start, end] range of abnormal frames (ano_pred's `gt` convention).
using FrameInterval = std::pair<int64_t, int64_t>;

// The labels of an array of shape (N,), (1, N) or (N, 1). Values must be exactly 0 or 1 (bool and 0.0/1.0 floats
// included); anything else is an error naming the index and the value.
std::vector<uint8_t> labelVectorFromNpy(const NpyArray& array, const std::filesystem::path& file);

// Cuts MNAD's one vector over all test videos (sorted order) into per-video vectors. A length mismatch is an error
// naming both numbers. frameCounts must be non-negative (std::invalid_argument otherwise).
std::vector<std::vector<uint8_t>> splitConcatenated(const std::vector<uint8_t>& all,
                                                    const std::vector<int64_t>& frameCounts,
                                                    const std::filesystem::path& file);

// readNpy + labelVectorFromNpy + splitConcatenated: MNAD's data/frame_labels_<dataset>.npy.
std::vector<std::vector<uint8_t>> readConcatenatedLabels(const std::filesystem::path& file,
                                                         const std::vector<int64_t>& frameCounts);

// ShanghaiTech's test_frame_mask/: one <dir>/<video>.npy per video, each as long as that video.
std::vector<std::vector<uint8_t>> readMaskDirectory(const std::filesystem::path& dir,
                                                    const std::vector<std::string>& videoNames,
                                                    const std::vector<int64_t>& frameCounts);

// Lines "video,frame,label" (0-based frames, label 0 or 1, optional header line, blank lines ignored, CRLF and a
// UTF-8 BOM tolerated). Every frame of every listed video must appear exactly once; errors name the line.
std::vector<std::vector<uint8_t>> readLabelCsv(const std::filesystem::path& file,
                                               const std::vector<std::string>& videoNames,
                                               const std::vector<int64_t>& frameCounts);

// Per-video abnormal intervals → labels: frames start-1 … end-1 are 1. Intervals may overlap; one that is empty
// (start > end) or reaches outside 1…frameCount is an error, as is a video count mismatch. `file` is named in
// errors. Videos are named in messages by their 1-based position, as MATLAB's gt{i} does.
std::vector<std::vector<uint8_t>> labelsFromIntervals(const std::vector<std::vector<FrameInterval>>& intervalsPerVideo,
                                                      const std::vector<int64_t>& frameCounts,
                                                      const std::filesystem::path& file);

} // namespace mnad
