#pragma once
// End-to-end throughput on generated frames (no disk, no OpenCV, so it runs on a GPU box with LibTorch alone):
// training samples/s (clip loading + forward + backward + Adam) and evaluation frames/s (the official protocol with
// the test-time memory update), after a warm-up.

#include "core/eval/evaluation.h"
#include "core/model/model_config.h"
#include "core/runtime/precision.h"

#include <cstdint>
#include <string>

namespace mnad {

struct PipelineBenchOptions {
    ModelConfig model;
    int batch = 4;
    int trainSteps = 20;
    int evalFrames = 200;
    int encoderBatch = 8; // frames per encoder pass in evaluation (EvaluationConfig::encoderBatch)
    int loaderThreads = 2;
    CpuKernels cpuKernels = CpuKernels::Winograd; // training and evaluation on the CPU
    Precision precision = Precision::Float32;     // training and evaluation
    std::string device = "auto";
};

struct PipelineBenchResult {
    double trainSamplesPerSecond = 0;
    double evalFramesPerSecond = 0;
    double trainSeconds = 0, evalSeconds = 0;
    int64_t trainPeakBytes = 0, evalPeakBytes = 0; // peak resident memory of the process during each phase
    std::string device;
    std::string convolutions; // what ran the evaluation's convolutions
};

PipelineBenchResult runPipelineBench(const PipelineBenchOptions& options);

} // namespace mnad
