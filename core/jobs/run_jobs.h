#pragma once
// Whole jobs on a run folder, behind a torch-free interface so the GUI (whose headers must not see torch) and the
// CLI share them: evaluate a run's checkpoint on its test split, and compute the inspection maps of one test video.
// Call them from a worker thread; they report progress and honour a StopToken.

#include "core/eval/evaluation.h"
#include "core/runtime/precision.h"
#include "core/train/training_observer.h"

#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

namespace mnad {

struct RunJobRequest {
    std::filesystem::path run;        // the run folder (config.json gives the model and the dataset)
    std::filesystem::path checkpoint; // "" = the run's latest checkpoint
    std::filesystem::path data;       // "" = the dataset in config.json
    std::filesystem::path labels;     // "" = found next to the dataset (none: scores without AUC)
    MemoryPolicy memoryPolicy = MemoryPolicy::CarryAcrossVideos;
    double alpha = -1, threshold = -1; // < 0: the method's official values
    int encoderBatch = 8;
    CpuKernels cpuKernels = CpuKernels::Winograd;
    Precision precision = Precision::Float32;
    std::string device = "auto";
};

// (done, total) units of work: videos for an evaluation, frames for an inspection.
using JobProgress = std::function<void(int64_t, int64_t)>;

struct RunEvaluation {
    Evaluation evaluation;
    bool stopped = false;
    std::filesystem::path checkpoint;  // the checkpoint evaluated
    std::vector<std::string> warnings; // e.g. no ground truth found
};

// Evaluates and, unless stopped, writes scores.csv, memory_usage.csv, roc.csv and report.json into the run.
// Throws DataError / std::runtime_error with the file and the problem (no checkpoint, no test videos, …).
RunEvaluation evaluateRun(const RunJobRequest& request, const JobProgress& progress = {},
                          const StopToken* stop = nullptr);

// The maps of one test video, on the model's input grid (size × size), for every frame of the video; frames
// without a score (the first t_length−1 of a prediction model) hold zeros.
struct VideoMaps {
    std::string video;
    int64_t frames = 0;
    int size = 0;        // H = W of the model input
    int items = 0;       // memory items M
    int querySize = 0;   // h = w of the query grid (size / 8)
    std::vector<uint8_t> scored;      // F
    std::vector<float> errors;        // F×H×W squared error on [0,1] images, channel mean
    std::vector<float> attention;     // F×M×h×w weight of each item at each query location
    std::vector<int16_t> top1;        // F×h×w most attended item
    std::vector<uint8_t> predictions; // F×H×W×3 BGR: the predicted / reconstructed frames
    std::vector<float> itemSimilarity; // M×M cosine similarity of the trained memory items

    const float* errorMap(int64_t frame) const { return errors.data() + frame * size * size; }
    const float* attentionMap(int64_t frame, int item) const
    {
        return attention.data() + (frame * items + item) * querySize * querySize;
    }
    const int16_t* top1Map(int64_t frame) const { return top1.data() + frame * querySize * querySize; }
    const uint8_t* prediction(int64_t frame) const { return predictions.data() + frame * size * size * 3; }
};

// Runs the run's model over the test split up to `video` (earlier videos too when the memory is carried across
// videos) and returns that video's maps. Empty maps (frames = 0) when stopped.
VideoMaps inspectRunVideo(const RunJobRequest& request, int64_t video, const JobProgress& progress = {},
                          const StopToken* stop = nullptr);

} // namespace mnad
