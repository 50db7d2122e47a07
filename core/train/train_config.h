#pragma once
// Everything that defines a training run; stored in the run folder's config.json so that a run can be reproduced
// and resumed. Plain data, no torch.

#include "core/model/cpu_kernels.h"
#include "core/model/model_config.h"
#include "core/runtime/precision.h"

#include <cstdint>
#include <string>

namespace mnad {

struct TrainConfig {
    ModelConfig model;
    int epochs = 60;
    int batchSize = 4;
    double learningRate = 2e-4;    // Adam; cosine annealing to 0 over the epochs, stepped per epoch
    double lambdaCompact = 0.1;    // official: 0.1 prediction, 0.01 reconstruction
    double lambdaSeparate = 0.1;
    uint64_t seed = 2020;
    std::string device = "auto";   // auto, cpu, cuda, cuda:N
    Precision precision = Precision::Float32; // fp32 or bf16 (autocast); fp16 would need loss scaling
    // What runs the convolutions of a CPU step (core/model/training_kernels.h). A config.json without it is a run
    // from before these kernels: it resumes with LibTorch, as it was trained.
    CpuKernels cpuKernels = CpuKernels::Winograd;
    int loaderThreads = 2;
    int checkpointEverySteps = 0;  // 0: at the end of each epoch only (and when stopped)
    int keepCheckpoints = 3;       // step checkpoints kept besides the final one
    std::string datasetPath;       // what was trained on ("" for generated data)
    std::string datasetName;

    // The official defaults of a method (spec §1.5).
    static TrainConfig official(Method method);
    // Throws std::invalid_argument naming the first bad field.
    void validate() const;
};

} // namespace mnad
