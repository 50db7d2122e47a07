#pragma once
// Per-frame maps of one test video, on demand (`mnad inspect`, the GUI inspector): where the error is, which
// memory items each location attends to, and what the model produced. Frames without a score (the first
// t_length−1 of a prediction model) hold zeros.

#include "core/data/frame_provider.h"
#include "core/eval/evaluator.h"

#include <filesystem>

namespace mnad {

struct VideoInspection {
    std::string video;
    torch::Tensor scored;      // F, bool
    torch::Tensor errorMaps;   // F×H×W float32: squared error on [0,1] images, channel mean
    torch::Tensor attention;   // F×M×h×w float32: per location, the weight of each memory item
    torch::Tensor top1;        // F×h×w int64: per location, the most attended item
    torch::Tensor predictions; // F×H×W×3 uint8 BGR: the predicted / reconstructed frames
};

// Runs the evaluation up to `video` (earlier videos too when the memory policy carries it across videos).
VideoInspection inspectVideo(MnadModel& model, const FrameProvider& frames, int64_t video, EvaluationConfig config);

// Writes error_maps.npy, attention.npy, top1.npy, predictions.npy and scored.npy into `folder`.
void writeVideoInspection(const VideoInspection& inspection, const std::filesystem::path& folder);

} // namespace mnad
