#pragma once
// The official evaluation (spec §2): per frame PSNR and feature distance, the weighted regular score gating the
// test-time memory update, per-video min-max fusion, frame-level AUC over all videos. Exact and fast: no autograd,
// the encoder runs on many frames per pass, and only the inherently sequential part (memory read, decoding, memory
// update — each frame's update changes the next frame's read) runs frame by frame.

#include "core/data/frame_provider.h"
#include "core/eval/evaluation.h"
#include "core/model/mnad_model.h"
#include "core/train/training_observer.h"

#include <cstdint>
#include <functional>
#include <vector>

namespace mnad {

// What the model saw and produced for one scored frame, for the inspector (maps on the model's input grid).
struct FrameInspection {
    torch::Tensor output;    // 1×C×H×W prediction / reconstruction in [-1, 1]
    torch::Tensor target;    // 1×C×H×W the real frame
    torch::Tensor errorMap;  // H×W squared error on [0,1] images, channel mean
    torch::Tensor attention; // M×h×w weight of each memory item at each query location
    torch::Tensor top1;      // h×w most attended item
};
// Called for every scored frame (video index, frame index) before the memory update of that frame.
using FrameInspector = std::function<void(int64_t, int64_t, const FrameInspection&)>;

struct EvaluationConfig {
    double alpha = 0.6;       // weight of PSNR in the fusion (official: 0.6 prediction, 0.7 reconstruction)
    double threshold = 0.01;  // test-time update when the point score is below (0.01 / 0.015)
    MemoryPolicy memoryPolicy = MemoryPolicy::CarryAcrossVideos;
    int encoderBatch = 8;     // frames per encoder pass; 1 = strictly frame by frame
    // On the CPU, what runs the convolutions (oneDNN kernels need a build with MNAD_WITH_DNNL, else LibTorch runs).
    CpuKernels cpuKernels = CpuKernels::Winograd;
    Precision precision = Precision::Float32; // of the convolutions (autocast); bf16/fp16 mainly for CUDA
    int64_t lastVideo = -1;   // stop after this video (-1: all); the earlier ones still run for the carried memory
    FrameInspector inspector; // optional
    static EvaluationConfig official(Method method);
};

// Called after each video with (videos done, videos in all).
using EvaluationProgress = std::function<void(int64_t, int64_t)>;

// `labels`: per video, one 0/1 per frame, or empty when there are none. The model's memory is restored to its
// trained state afterwards. Throws DataError for unreadable frames, std::invalid_argument for label mismatches.
Evaluation evaluateModel(MnadModel& model, const FrameProvider& frames, const std::vector<std::vector<uint8_t>>& labels,
                         const EvaluationConfig& config, const EvaluationProgress& progress = {},
                         const StopToken* stop = nullptr);

// Fills the per-frame scores and the summary from the raw per-frame values (psnr, distance, labels).
void scoreEvaluation(Evaluation& evaluation);

} // namespace mnad
