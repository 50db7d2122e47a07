#include "core/bench/pipeline_bench.h"

#include "core/data/clip_loader.h"
#include "core/data/memory_frames.h"
#include "core/demo/demo_dataset.h"
#include "core/eval/evaluator.h"
#include "core/model/mnad_model.h"
#include "core/model/training_kernels.h"
#include "core/runtime/device.h"
#include "core/runtime/peak_memory.h"
#include "core/train/fused_adam.h"

#include <torch/torch.h>

#include <chrono>
#include <stdexcept>

namespace mnad {

namespace {
using Clock = std::chrono::steady_clock;

double trainThroughput(MnadModel& model, const PipelineBenchOptions& o, const DemoDataset& data, double& seconds)
{
    constexpr int kWarmup = 2;
    ClipLoader loader(framesInMemory(*data.frames(false, o.model.imageSize)),
                      ClipLoaderOptions{o.model.tLength, o.batch, true, true, 1, o.loaderThreads, 4});
    if (loader.batchesPerEpoch() < o.trainSteps + kWarmup)
        throw std::invalid_argument("too many benchmark steps for the generated training data");
    torch::optim::Adam optimizer(model.network()->parameters(), torch::optim::AdamOptions(2e-4));
    const auto weights = LossWeights::official(o.model.method);
    loader.startEpoch(0);
    Clock::time_point start;
    for (int step = 0; step < o.trainSteps + kWarmup; ++step) {
        if (step == kWarmup) {
            if (model.device().is_cuda())
                torch::cuda::synchronize();
            start = Clock::now();
        }
        auto batch = loader.next();
        auto [input, target] = model.splitClip(toDevice(batch->clips, model.device()));
        optimizer.zero_grad();
        auto out = model.trainForward(input, target, weights);
        out.totalLoss.backward();
        adamStep(optimizer);
        (void)out.totalLoss.item<double>(); // the trainer reads the loss every step too
    }
    seconds = std::chrono::duration<double>(Clock::now() - start).count();
    return o.trainSteps * o.batch / seconds;
}
} // namespace

PipelineBenchResult runPipelineBench(const PipelineBenchOptions& o)
{
    o.model.validate();
    const auto device = selectDevice(o.device);
    DemoSpec spec;
    spec.trainVideos = 2;
    spec.framesPerVideo = std::max(60, (o.trainSteps + 4) * o.batch / 2 + o.model.tLength);
    spec.testVideos = 2;
    spec.normalTestVideos = 0;
    const DemoDataset data(spec);
    MnadModel model(o.model);
    model.to(device);
    model.setPrecision(o.precision == Precision::Float16 ? Precision::BFloat16 : o.precision); // as training allows
    model.setChannelsLast(true); // as the trainer does
    model.setTrainingKernels(o.cpuKernels);

    PipelineBenchResult result;
    result.device = device.str();
    resetPeakMemory();
    result.trainSamplesPerSecond = trainThroughput(model, o, data, result.trainSeconds);
    result.trainPeakBytes = peakMemoryBytes();

    DemoSpec testSpec = spec;
    testSpec.testVideos = 2;
    testSpec.framesPerVideo = o.evalFrames / 2 + o.model.tLength - 1;
    const DemoDataset test(testSpec);
    const auto frames = framesInMemory(*test.frames(true, o.model.imageSize));
    EvaluationConfig config = EvaluationConfig::official(o.model.method);
    config.encoderBatch = o.encoderBatch;
    config.cpuKernels = o.cpuKernels;
    config.precision = o.precision;
    DemoSpec warmSpec = testSpec;
    warmSpec.testVideos = 1;
    warmSpec.framesPerVideo = 16;
    // Measure evaluation as a process of its own would see it: without training's gradients and freed buffers.
    for (auto& parameter : model.network()->parameters())
        parameter.mutable_grad() = torch::Tensor();
    releaseTrainingKernels();
    releaseFreedMemory();
    evaluateModel(model, *DemoDataset(warmSpec).frames(true, o.model.imageSize), {}, config); // warm-up
    resetPeakMemory();
    const Evaluation evaluation = evaluateModel(model, *frames, test.testLabels(), config);
    result.evalPeakBytes = peakMemoryBytes();
    result.evalSeconds = evaluation.summary.seconds;
    result.evalFramesPerSecond = evaluation.summary.framesPerSecond;
    result.convolutions = evaluation.convolutions;
    return result;
}

} // namespace mnad
