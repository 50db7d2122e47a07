#pragma once
// Micro-benchmark of the model alone (no data loading): one training step (forward, backward, Adam) and one
// batched inference (test-mode forward and the per-frame metrics), median over repeats.

#include "core/model/cpu_kernels.h"
#include "core/model/model_config.h"

#include <string>
#include <vector>

namespace mnad {

struct ModelBenchCase {
    Method method = Method::Prediction;
    int imageSize = 64;
    int width = 64; // 64 = full width
    int batch = 4;
    CpuKernels cpuKernels = CpuKernels::Winograd; // what runs the training step's convolutions on the CPU
};

struct ModelBenchResult {
    ModelBenchCase benchCase;
    double trainStepSeconds = 0; // median
    double inferenceSeconds = 0; // median, whole batch
    double trainSamplesPerSecond() const { return benchCase.batch / trainStepSeconds; }
    double inferenceFramesPerSecond() const { return benchCase.batch / inferenceSeconds; }
};

// `device` as for selectDevice(); `repeats` timed runs after one warm-up.
ModelBenchResult runModelBench(const ModelBenchCase& benchCase, const std::string& device, int repeats);

} // namespace mnad
