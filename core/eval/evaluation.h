#pragma once
// Results of evaluating a model on a test split with the official protocol (spec §2). Torch-free: the GUI's
// inspector reads these directly.

#include "core/eval/roc_metrics.h"
#include "core/model/cpu_kernels.h" // what runs a CPU evaluation's convolutions

#include <cstdint>
#include <string>
#include <vector>

namespace mnad {

enum class MemoryPolicy {
    CarryAcrossVideos, // official: the test-time memory is cloned once and carried through the videos in order
    ResetPerVideo,     // each video starts from the trained memory (what a single-video player shows)
};
std::string memoryPolicyName(MemoryPolicy policy);

struct FrameRecord {
    bool scored = false;       // prediction leaves the first t_length−1 frames of each video unscored
    double psnr = 0;
    double featureDistance = 0;
    double pointScore = 0;     // weighted regular score, gates the test-time update
    bool memoryUpdated = false;
    double normality = 0;      // official score: per-video min-max fusion, high = normal
    double causalNormality = 0; // running min-max fusion (live use), high = normal
    int label = -1;            // 1 abnormal, 0 normal, −1 unknown
    std::vector<int32_t> itemUsage; // queries per memory item whose nearest item it is
};

struct VideoEvaluation {
    std::string name;
    std::vector<FrameRecord> frames; // every frame of the video
};

struct EvaluationSummary {
    bool hasLabels = false;
    double microAuc = 0;       // frame-level over all scored frames (the number papers report)
    double causalMicroAuc = 0; // the same with the causal score
    MacroAuc macroAuc;
    double equalErrorRate = 0;
    double averagePrecision = 0;
    RocCurve roc;
    int64_t scoredFrames = 0;
    int64_t memoryUpdates = 0;
    double seconds = 0;
    double framesPerSecond = 0;
};

struct Evaluation {
    std::string method;
    double alpha = 0;
    double threshold = 0;
    MemoryPolicy memoryPolicy = MemoryPolicy::CarryAcrossVideos;
    std::string device;
    std::string convolutions; // what ran them: "LibTorch", "oneDNN (Winograd)", …
    std::string checkpoint; // the file evaluated, when known (run jobs and report.json fill it)
    std::vector<VideoEvaluation> videos;
    EvaluationSummary summary;
};

} // namespace mnad
