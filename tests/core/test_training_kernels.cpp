// The oneDNN training convolutions compute conv2d's output and gradients (Winograd and direct, any layout of the
// input and the weight), and a model trained through them follows the modules' training step.

#include "core/model/mnad_model.h"
#include "core/model/training_kernels.h"
#include "core/run/config_json.h"
#include "core/train/train_config.h"

#include <gtest/gtest.h>
#include <torch/torch.h>

namespace mnad {
namespace {

double relativeError(const torch::Tensor& actual, const torch::Tensor& expected)
{
    return (actual - expected).abs().max().item<double>() / expected.abs().max().item<double>();
}

bool isChannelsLast(const torch::Tensor& t)
{
    return t.is_contiguous(torch::MemoryFormat::ChannelsLast) && !t.is_contiguous();
}

struct ConvCase {
    int64_t batch, in, out, height, width;
};

class TrainingConv : public ::testing::TestWithParam<std::tuple<CpuKernels, ConvCase>> {};

TEST_P(TrainingConv, SameValuesAndGradientsAsConv2d)
{
    if (!haveTrainingKernels())
        GTEST_SKIP() << "built without oneDNN (MNAD_WITH_DNNL)";
    const auto [kernels, c] = GetParam();
    torch::manual_seed(11);
    const auto x0 = torch::randn({c.batch, c.in, c.height, c.width});
    const auto w0 = torch::randn({c.out, c.in, 3, 3}) / std::sqrt(9.0 * static_cast<double>(c.in));
    const auto b0 = torch::randn({c.out}) * 0.1;
    const auto gradOutput = torch::randn({c.batch, c.out, c.height, c.width});

    auto xRef = x0.clone().requires_grad_(true), wRef = w0.clone().requires_grad_(true),
         bRef = b0.clone().requires_grad_(true);
    const auto yRef = torch::conv2d(xRef, wRef, bRef, 1, 1);
    yRef.backward(gradOutput);

    for (const bool channelsLast : {true, false}) { // the input's and the weight's layout
        const auto format = channelsLast ? torch::MemoryFormat::ChannelsLast : torch::MemoryFormat::Contiguous;
        auto x = x0.clone(format).requires_grad_(true), w = w0.clone(format).requires_grad_(true),
             b = b0.clone().requires_grad_(true);
        const auto y = trainingConv3x3(x, w, b, kernels);
        EXPECT_TRUE(isChannelsLast(y) || c.out == 1);
        y.backward(gradOutput);
        EXPECT_LT(relativeError(y, yRef), 1e-5) << channelsLast;
        EXPECT_LT(relativeError(x.grad(), xRef.grad()), 1e-5) << channelsLast;
        EXPECT_LT(relativeError(w.grad(), wRef.grad()), 1e-5) << channelsLast;
        EXPECT_LT(relativeError(b.grad(), bRef.grad()), 1e-5) << channelsLast;
        // The weight's gradient keeps the weight's layout (the fused Adam step wants them alike).
        EXPECT_EQ(isChannelsLast(w.grad()), channelsLast);
    }
}

// 16×16 and larger with 8+ channels: Winograd where the CPU has it; 8×8 and 3-channel outputs: direct.
INSTANTIATE_TEST_SUITE_P(
    Shapes, TrainingConv,
    ::testing::Combine(::testing::Values(CpuKernels::Winograd, CpuKernels::OneDnn),
                       ::testing::Values(ConvCase{2, 16, 32, 16, 16}, ConvCase{3, 12, 16, 24, 20},
                                         ConvCase{2, 32, 16, 8, 8}, ConvCase{2, 16, 3, 16, 16})));

// The decoder's upsampling: conv_transpose2d with stride 2, padding 1, output padding 1, weight in × out × 3 × 3.
class TrainingUpsample : public ::testing::TestWithParam<ConvCase> {};

TEST_P(TrainingUpsample, SameValuesAndGradientsAsConvTranspose2d)
{
    if (!haveTrainingKernels())
        GTEST_SKIP() << "built without oneDNN (MNAD_WITH_DNNL)";
    const auto c = GetParam();
    torch::manual_seed(17);
    const auto x0 = torch::randn({c.batch, c.in, c.height, c.width});
    const auto w0 = torch::randn({c.in, c.out, 3, 3}) / std::sqrt(9.0 * static_cast<double>(c.in));
    const auto b0 = torch::randn({c.out}) * 0.1;
    const auto gradOutput = torch::randn({c.batch, c.out, 2 * c.height, 2 * c.width});
    auto xRef = x0.clone().requires_grad_(true), wRef = w0.clone().requires_grad_(true),
         bRef = b0.clone().requires_grad_(true);
    const auto yRef = torch::conv_transpose2d(xRef, wRef, bRef, 2, 1, 1);
    yRef.backward(gradOutput);
    // clone, not contiguous: a 1×1 map is both layouts at once, and contiguous() would hand back x0 itself, whose
    // gradient the second pass would then add to.
    for (const bool channelsLast : {true, false}) {
        const auto format = channelsLast ? torch::MemoryFormat::ChannelsLast : torch::MemoryFormat::Contiguous;
        auto x = x0.clone(format).requires_grad_(true), w = w0.clone(format).requires_grad_(true),
             b = b0.clone().requires_grad_(true);
        const auto y = trainingUpsample3x3(x, w, b, CpuKernels::Winograd);
        ASSERT_EQ(y.sizes(), yRef.sizes());
        y.backward(gradOutput);
        EXPECT_LT(relativeError(y, yRef), 1e-5) << channelsLast;
        EXPECT_LT(relativeError(x.grad(), xRef.grad()), 1e-5) << channelsLast;
        EXPECT_LT(relativeError(w.grad(), wRef.grad()), 1e-5) << channelsLast;
        EXPECT_LT(relativeError(b.grad(), bRef.grad()), 1e-5) << channelsLast;
        EXPECT_EQ(isChannelsLast(w.grad()), channelsLast);
    }
}

INSTANTIATE_TEST_SUITE_P(Shapes, TrainingUpsample,
                         ::testing::Values(ConvCase{2, 16, 8, 8, 8}, ConvCase{3, 32, 16, 6, 10},
                                           ConvCase{1, 8, 8, 1, 1}));

TEST(TrainingKernels, InputWithoutGradientStillTrainsTheWeight)
{
    if (!haveTrainingKernels())
        GTEST_SKIP() << "built without oneDNN (MNAD_WITH_DNNL)";
    torch::manual_seed(12);
    const auto x = torch::randn({2, 12, 16, 16}); // the first layer's input: frames, no gradient
    auto w = torch::randn({16, 12, 3, 3}).requires_grad_(true), b = torch::zeros({16}).requires_grad_(true);
    trainingConv3x3(x, w, b, CpuKernels::Winograd).square().sum().backward();
    auto wRef = w.detach().clone().requires_grad_(true), bRef = b.detach().clone().requires_grad_(true);
    torch::conv2d(x, wRef, bRef, 1, 1).square().sum().backward();
    EXPECT_LT(relativeError(w.grad(), wRef.grad()), 1e-5);
    EXPECT_LT(relativeError(b.grad(), bRef.grad()), 1e-5);
}

TEST(TrainingKernels, LibTorchIsTheModulesThemselves)
{
    torch::manual_seed(13);
    auto block = torch::nn::Sequential(torch::nn::Conv2d(torch::nn::Conv2dOptions(4, 8, 3).padding(1)),
                                       torch::nn::BatchNorm2d(8), torch::nn::ReLU());
    const auto x = torch::randn({2, 4, 8, 8});
    EXPECT_TRUE(torch::equal(runTrainingBlock(block, x, CpuKernels::LibTorch), block->forward(x)));
}

// A few training steps of a whole model through the kernels follow the modules' steps: the losses to float
// rounding (which training amplifies a little each step), the first step's nearest items alike, and each gradient
// within 2 % or within 3× what a 1e-7 jitter of the input moves it by. Measured against a float64 run of the same
// step: LibTorch's float32 gradients are 0.3–2 % off in most layers (they sum many cancelling terms: the layers
// feed BatchNorms), Winograd's alike; in the generator, where LibTorch is within 1e-5, Winograd is within 0.5 %
// (its 4×4 tiles amplify rounding in those sums: TF32 convolutions, PyTorch's default on Ampere GPUs until 1.12,
// are about as coarse). A 1e-7 jitter moves the chaotic ones (reconstruction's encoder) by up to 5 %. Convolution
// biases before a BatchNorm are left out: their exact gradient is zero, what they get is rounding noise.
class TrainingKernelsPerMethod : public ::testing::TestWithParam<Method> {};

TEST_P(TrainingKernelsPerMethod, StepsFollowTheModules)
{
    if (!haveTrainingKernels())
        GTEST_SKIP() << "built without oneDNN (MNAD_WITH_DNNL)";
    ModelConfig config = ModelConfig::paper(GetParam());
    config.imageSize = 64; // maps 64² … 8²: Winograd on the larger ones, direct on 8²
    config.width = 8;
    config.memorySize = 6;
    const int64_t clipChannels = config.inputChannels() + (config.method == Method::Prediction ? 3 : 0);
    torch::manual_seed(14);
    const auto clip = torch::rand({4, clipChannels, 64, 64}) * 2 - 1;
    auto train = [&](CpuKernels kernels, const torch::Tensor& clip) {
        torch::manual_seed(15);
        MnadModel model(config);
        model.setChannelsLast(true);
        model.setTrainingKernels(kernels);
        torch::optim::Adam adam(model.network()->parameters(), torch::optim::AdamOptions(2e-4));
        const auto [input, target] = model.splitClip(clip);
        std::vector<double> losses;
        std::vector<torch::Tensor> grads;
        torch::Tensor top1;
        for (int step = 0; step < 3; ++step) {
            adam.zero_grad();
            auto out = model.trainForward(input, target, LossWeights::official(config.method));
            out.totalLoss.backward();
            if (step == 0) {
                for (const auto& p : model.network()->parameters())
                    if (p.grad().defined()) // the encoder's unused moduleBatchNorm gets none
                        grads.push_back(p.grad().clone());
                top1 = out.scores.top1;
            }
            losses.push_back(out.totalLoss.item<double>());
            adam.step();
        }
        return std::make_tuple(losses, grads, top1);
    };
    const auto [expectedLosses, expectedGrads, expectedTop1] = train(CpuKernels::LibTorch, clip);
    const auto [losses, grads, top1] = train(CpuKernels::Winograd, clip);
    torch::manual_seed(16);
    const auto jitteredGrads = std::get<1>(train(CpuKernels::LibTorch, clip * (1 + 1e-7 * torch::randn_like(clip))));
    for (size_t i = 0; i < losses.size(); ++i)
        EXPECT_NEAR(losses[i], expectedLosses[i], 1e-4 * std::abs(expectedLosses[i])) << "step " << i;
    ASSERT_EQ(grads.size(), expectedGrads.size());
    double largest = 0, worst = 0;
    for (const auto& g : expectedGrads)
        largest = std::max(largest, g.abs().max().item<double>());
    for (size_t i = 0; i < grads.size(); ++i) {
        if (expectedGrads[i].abs().max().item<double>() < 1e-5 * largest)
            continue;
        const double error = relativeError(grads[i], expectedGrads[i]);
        const double jitter = relativeError(jitteredGrads[i], expectedGrads[i]);
        EXPECT_LE(error, std::max(2e-2, 3 * jitter)) << "parameter " << i << ", jitter moves it by " << jitter;
        worst = std::max(worst, error);
    }
    EXPECT_GT(worst, 0) << "the kernels were not used";
    EXPECT_TRUE(torch::equal(top1, expectedTop1));
}

// The kernels are part of a run's configuration: stored, read back, and a config.json from before them resumes
// with the modules it was trained with; a name we do not know is refused naming the file.
TEST(TrainingKernels, StoredInTheRunConfiguration)
{
    TrainConfig config = TrainConfig::official(Method::Prediction);
    config.cpuKernels = CpuKernels::OneDnn;
    const std::string json = trainConfigToJson(config, "cpu");
    EXPECT_EQ(trainConfigFromJson(json, "config.json").cpuKernels, CpuKernels::OneDnn);
    const auto at = json.find("\"cpu_kernels\"");
    ASSERT_NE(at, std::string::npos);
    std::string older = json;
    older.erase(at, older.find('\n', at) - at + 1);
    EXPECT_EQ(trainConfigFromJson(older, "config.json").cpuKernels, CpuKernels::LibTorch);
    std::string unknown = json;
    unknown.replace(unknown.find("\"onednn\"", at), 8, "\"cudnn\"");
    try {
        trainConfigFromJson(unknown, "runs/x/config.json");
        FAIL() << "unknown kernels must be refused";
    } catch (const std::exception& e) {
        const std::string message = e.what();
        EXPECT_NE(message.find("runs/x/config.json"), std::string::npos) << message;
        EXPECT_NE(message.find("cudnn"), std::string::npos) << message;
    }
}

INSTANTIATE_TEST_SUITE_P(Methods, TrainingKernelsPerMethod,
                         ::testing::Values(Method::Prediction, Method::Reconstruction));

} // namespace
} // namespace mnad
