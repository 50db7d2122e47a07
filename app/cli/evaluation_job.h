#pragma once
// Evaluation of a run folder from the command line, shared by `mnad evaluate`, `mnad inspect` and `mnad demo`:
// the options as typed, turned into core's run-job request.

#include "core/jobs/run_jobs.h"

#include <string>

namespace mnad::cli {

struct EvaluationOptions {
    std::string run, checkpoint, data, labels, memoryPolicy = "carry", device = "auto", cpuKernels = "winograd", precision = "fp32";
    double alpha = -1, threshold = -1;
    int encoderBatch = 8;

    RunJobRequest request() const;
};

struct EvaluationOutcome {
    int exitCode = 0;
    bool hasLabels = false;
    double microAuc = 0;
    double framesPerSecond = 0;
};

// Evaluates, writes the results into the run folder and prints the summary; Ctrl+C stops without writing.
EvaluationOutcome runEvaluation(const EvaluationOptions& options);

} // namespace mnad::cli
