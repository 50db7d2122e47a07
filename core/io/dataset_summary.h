#pragma once
// What a dataset folder holds, as any UI shows it: splits, videos with frame counts, resolution and fps, and
// whether ground truth was found and fits. Problems are reported in the summary, not thrown.

#include "core/data/dataset_layout.h"

#include <cstdint>
#include <string>
#include <vector>

namespace mnad {

struct VideoSummary {
    std::string name;
    bool isVideoFile = false;
    int64_t frames = 0;
    int width = 0, height = 0; // of the first frame
    double fps = 0;            // 0 for frame folders (they carry no rate)
    std::string problem;       // empty when the video is usable
};

struct SplitSummary {
    std::vector<VideoSummary> videos;
    int64_t frames = 0;
};

struct LabelStatus {
    enum State { Found, Missing, Mismatched } state = Missing;
    std::string file;
    std::string detail; // abnormal frame count when found, the reason when mismatched
};

struct DatasetSummary {
    std::string name;
    std::string layout;
    std::string root;
    SplitSummary training, testing;
    LabelStatus labels;
    std::vector<std::string> warnings;
};

DatasetSummary summarizeDataset(const Dataset& dataset);
std::string formatDatasetSummary(const DatasetSummary& summary);

} // namespace mnad
