#pragma once
// Evaluation of a run folder, shared by `mnad evaluate` and `mnad demo`.

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

EvaluationOutcome runEvaluation(const EvaluationOptions& options);

} // namespace mnad::cli
