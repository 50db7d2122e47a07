#include "core/bench/model_bench.h"

#include "core/model/frame_metrics.h"
#include "core/model/mnad_model.h"
#include "core/runtime/device.h"
#include "core/train/fused_adam.h"

#include <torch/torch.h>

#include <algorithm>
#include <chrono>

namespace mnad {

namespace {
double median(std::vector<double> values)
{
    std::sort(values.begin(), values.end());
    return values[values.size() / 2];
}

template <typename Fn>
double timedMedian(int repeats, torch::Device device, Fn&& fn)
{
    fn(); // warm-up: allocator, kernels, autotuning
    std::vector<double> seconds;
    for (int i = 0; i < repeats; ++i) {
        if (device.is_cuda())
            torch::cuda::synchronize();
        const auto start = std::chrono::steady_clock::now();
        fn();
        if (device.is_cuda())
            torch::cuda::synchronize();
        seconds.push_back(std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
    }
    return median(seconds);
}
} // namespace

ModelBenchResult runModelBench(const ModelBenchCase& benchCase, const std::string& deviceName, int repeats)
{
    const auto device = selectDevice(deviceName);
    ModelConfig config = ModelConfig::paper(benchCase.method);
    config.imageSize = benchCase.imageSize;
    config.width = benchCase.width;
    MnadModel model(config);
    model.to(device);
    model.setChannelsLast(true); // as the trainer does
    model.setTrainingKernels(benchCase.cpuKernels);
    torch::optim::Adam optimizer(model.network()->parameters(), torch::optim::AdamOptions(2e-4));
    const auto weights = LossWeights::official(config.method);

    const int64_t clipChannels = config.inputChannels() + (config.method == Method::Prediction ? 3 : 0);
    auto clip = torch::rand({benchCase.batch, clipChannels, config.imageSize, config.imageSize},
                            torch::TensorOptions().device(device)) * 2 - 1;
    auto [input, target] = model.splitClip(clip);

    ModelBenchResult result;
    result.benchCase = benchCase;
    result.trainStepSeconds = timedMedian(repeats, device, [&] {
        optimizer.zero_grad();
        auto out = model.trainForward(input, target, weights);
        out.totalLoss.backward();
        adamStep(optimizer);
    });
    result.inferenceSeconds = timedMedian(repeats, device, [&] {
        torch::NoGradGuard noGrad;
        auto out = model.evalForward(input);
        auto psnr = framePsnr(out.output, target);
        auto score = framePointScore(out.output, target);
        (void)psnr.sum().item<double>();
        (void)score.sum().item<double>();
    });
    return result;
}

} // namespace mnad
