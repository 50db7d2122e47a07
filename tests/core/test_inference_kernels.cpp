// The oneDNN inference kernels compute what the model's own modules compute (BatchNorm folded, activations
// fused, Winograd where the CPU has it), for both methods, any batch and either memory layout.

#include "core/model/inference_kernels.h"
#include "core/model/mnad_model.h"

#include <gtest/gtest.h>
#include <torch/torch.h>

namespace mnad {
namespace {

// Trained-looking BatchNorm statistics, so that folding them into the convolutions is really exercised.
void randomizeBatchNorms(MnadModel& model)
{
    torch::NoGradGuard noGrad;
    for (auto& module : model.network()->modules(false)) {
        if (auto* bn = module->as<torch::nn::BatchNorm2dImpl>()) {
            bn->running_mean.uniform_(-0.5, 0.5);
            bn->running_var.uniform_(0.5, 2.0);
            bn->weight.uniform_(0.5, 1.5);
            bn->bias.uniform_(-0.2, 0.2);
        }
    }
}

double relativeError(const torch::Tensor& actual, const torch::Tensor& expected)
{
    return (actual - expected).abs().max().item<double>() / expected.abs().max().item<double>();
}

class KernelsPerMethod : public ::testing::TestWithParam<std::tuple<Method, bool>> {};

TEST_P(KernelsPerMethod, SameOutputsAsTheModules)
{
    const auto [method, winograd] = GetParam();
    auto kernels = makeCpuInferenceKernels(winograd);
    if (!kernels)
        GTEST_SKIP() << "built without oneDNN (MNAD_WITH_DNNL)";
    torch::manual_seed(3);
    ModelConfig config = ModelConfig::paper(method);
    config.imageSize = 64; // maps 64² … 8²: Winograd runs on the larger ones where the CPU has it
    config.width = 8;
    config.memorySize = 6;
    MnadModel model(config);
    randomizeBatchNorms(model);
    torch::NoGradGuard noGrad;
    for (const bool channelsLast : {true, false}) {
        model.setChannelsLast(channelsLast);
        for (const int64_t batch : {3, 1}) { // a second shape reuses the prepared weights
            const auto input = torch::rand({batch, config.inputChannels(), 64, 64}) * 2 - 1;
            model.network()->setInferenceKernels(nullptr);
            const auto expected = model.evalForward(input);
            model.network()->setInferenceKernels(kernels);
            const auto actual = model.evalForward(input);
            EXPECT_LT(relativeError(actual.features, expected.features), 1e-4) << batch;
            EXPECT_LT(relativeError(actual.output, expected.output), 1e-4) << batch;
            EXPECT_TRUE(torch::equal(actual.top1Map(), expected.top1Map())) << batch;
        }
    }
    model.network()->setInferenceKernels(nullptr);
    model.setChannelsLast(false);
    EXPECT_NE(kernels->name().find("oneDNN"), std::string::npos);
}

INSTANTIATE_TEST_SUITE_P(All, KernelsPerMethod,
                         ::testing::Combine(::testing::Values(Method::Prediction, Method::Reconstruction),
                                            ::testing::Bool()));

TEST(InferenceKernels, TrainingAndGradientsBypassThem)
{
    auto kernels = makeCpuInferenceKernels();
    if (!kernels)
        GTEST_SKIP() << "built without oneDNN (MNAD_WITH_DNNL)";
    torch::manual_seed(4);
    auto block = torch::nn::Sequential(torch::nn::Conv2d(torch::nn::Conv2dOptions(3, 4, 3).padding(1)),
                                       torch::nn::BatchNorm2d(4), torch::nn::ReLU());
    const auto x = torch::randn({2, 3, 8, 8});
    block->train();
    const auto trainingOutput = runBlock(block, x, kernels.get()); // batch statistics: must be the module's own
    EXPECT_TRUE(torch::equal(trainingOutput, block->forward(x)));
    block->eval();
    const auto withGradient = runBlock(block, x, kernels.get());
    EXPECT_TRUE(withGradient.requires_grad()) << "with gradients on, the modules run (the kernels have no backward)";
    torch::NoGradGuard noGrad;
    EXPECT_LT(relativeError(runBlock(block, x, kernels.get()), block->forward(x)), 1e-5);
}

TEST(InferenceKernels, BlocksTheyDoNotKnowRunThroughTheirModules)
{
    auto kernels = makeCpuInferenceKernels();
    if (!kernels)
        GTEST_SKIP() << "built without oneDNN (MNAD_WITH_DNNL)";
    auto block = torch::nn::Sequential(torch::nn::Conv2d(torch::nn::Conv2dOptions(3, 4, 3).padding(1)),
                                       torch::nn::MaxPool2d(2));
    block->eval();
    torch::NoGradGuard noGrad;
    const auto x = torch::randn({1, 3, 8, 8});
    EXPECT_TRUE(torch::equal(runBlock(block, x, kernels.get()), block->forward(x)));
}

} // namespace
} // namespace mnad
