#pragma once
// Evaluation of a run folder, shared by `mnad evaluate` and `mnad demo`.

#include "core/data/dataset_layout.h"
#include "core/eval/evaluator.h"
#include "core/io/disk_frame_provider.h"
#include "core/run/run_folder.h"
#include "core/train/train_config.h"

#include <memory>
#include <string>

namespace mnad::cli {

struct EvaluationOptions {
    std::string run, checkpoint, data, labels, memoryPolicy = "carry", device = "auto";
    double alpha = -1, threshold = -1;
    int encoderBatch = 8;
};

struct EvaluationOutcome {
    int exitCode = 0;
    bool hasLabels = false;
    double microAuc = 0;
    double framesPerSecond = 0;
};

// A run opened for evaluation or inspection: its model with the checkpoint loaded, and its test split.
struct OpenRun {
    RunFolder run{""};
    TrainConfig config;
    std::filesystem::path checkpoint;
    std::unique_ptr<MnadModel> model;
    Dataset dataset;
    std::unique_ptr<DiskFrameProvider> frames;
    EvaluationConfig evaluation;
};
OpenRun openRun(const EvaluationOptions& options);

EvaluationOutcome runEvaluation(const EvaluationOptions& options);

} // namespace mnad::cli
