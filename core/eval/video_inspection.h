#pragma once
// Per-frame maps of one test video, on demand (`mnad inspect`, the GUI inspector): where the error is, which
// memory items each location attends to, and what the model produced. Frames without a score (the first
// t_length−1 of a prediction model) hold zeros.

#include "core/data/frame_provider.h"
#include "core/eval/evaluator.h"

#include <filesystem>
#include <functional>

namespace mnad {

struct VideoInspection {
    std::string video;
    torch::Tensor scored;      // F, bool
    torch::Tensor errorMaps;   // F×H×W float32: squared error on [0,1] images, channel mean
    torch::Tensor attention;   // F×M×h×w float32: per location, the weight of each memory item
    torch::Tensor top1;        // F×h×w int64: per location, the most attended item
    torch::Tensor predictions; // F×H×W×3 uint8 BGR: the predicted / reconstructed frames
};

// (frames done, frames in all) of an inspection, every few frames.
using InspectionProgress = std::function<void(int64_t, int64_t)>;

// Runs the evaluation up to `video` (earlier videos too when the memory policy carries it across videos; with the
// memory reset per video, that video alone). Stopped: an inspection of 0 frames.
VideoInspection inspectVideo(MnadModel& model, const FrameProvider& frames, int64_t video, EvaluationConfig config,
                             const InspectionProgress& progress = {}, const StopToken* stop = nullptr);

// Writes error_maps.npy, attention.npy, top1.npy, predictions.npy and scored.npy into `folder`.
void writeVideoInspection(const VideoInspection& inspection, const std::filesystem::path& folder);

} // namespace mnad
