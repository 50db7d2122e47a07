// Architecture facts of spec §1.2–1.3: shapes through the network and parameter counts at full width.

#include "core/model/mnad_model.h"

#include <gtest/gtest.h>
#include <torch/torch.h>

namespace mnad {
namespace {

int64_t parameterCount(torch::nn::Module& module)
{
    int64_t n = 0;
    for (const auto& p : module.parameters())
        n += p.numel();
    return n;
}

TEST(ModelShapes, FullWidthParameterCountsMatchTheOfficialModels)
{
    MnadModel pred(ModelConfig::paper(Method::Prediction));
    MnadModel recon(ModelConfig::paper(Method::Reconstruction));
    // Counted from the official layer lists: encoder 4.69 M; decoders 10.96 M (pred) and 12.51 M (recon).
    EXPECT_NEAR(parameterCount(*pred.network()->encoder) / 1e6, 4.69, 0.01);
    EXPECT_NEAR(parameterCount(*pred.network()->decoder) / 1e6, 10.96, 0.01);
    EXPECT_NEAR(parameterCount(*recon.network()->decoder) / 1e6, 12.51, 0.01);
}

TEST(ModelShapes, NarrowPredictionModelShapes)
{
    ModelConfig config = ModelConfig::paper(Method::Prediction);
    config.imageSize = 32;
    config.width = 8;
    config.memorySize = 6;
    MnadModel model(config);
    torch::NoGradGuard noGrad;
    auto out = model.evalForward(torch::rand({3, 12, 32, 32}) * 2 - 1);
    EXPECT_EQ(out.output.sizes(), (std::vector<int64_t>{3, 3, 32, 32}));
    EXPECT_EQ(out.features.sizes(), (std::vector<int64_t>{3, 64, 4, 4}));
    EXPECT_EQ(out.decoderInput.sizes(), (std::vector<int64_t>{3, 128, 4, 4}));
    EXPECT_EQ(out.attention().sizes(), (std::vector<int64_t>{3, 6, 4, 4}));
    EXPECT_EQ(out.top1Map().sizes(), (std::vector<int64_t>{3, 4, 4}));
    EXPECT_EQ(out.featureDistance.sizes(), (std::vector<int64_t>{3}));
    EXPECT_TRUE(torch::allclose(out.attention().sum(1), torch::ones({3, 4, 4}), 1e-5));
    EXPECT_LE(out.output.abs().max().item<float>(), 1.f); // Tanh
}

TEST(ModelShapes, SplitClipTakesOldestFramesAsInput)
{
    MnadModel model(ModelConfig::paper(Method::Prediction));
    auto clip = torch::arange(15).view({1, 15, 1, 1}).expand({1, 15, 8, 8}).to(torch::kFloat);
    auto [input, target] = model.splitClip(clip);
    EXPECT_EQ(input.size(1), 12);
    EXPECT_EQ(target[0][0][0][0].item<float>(), 12.f);
    EXPECT_THROW(model.splitClip(torch::zeros({1, 12, 8, 8})), c10::Error);
}

TEST(ModelShapes, InvalidConfigurationsAreRefused)
{
    ModelConfig config = ModelConfig::paper(Method::Prediction);
    config.imageSize = 60;
    EXPECT_THROW(MnadModel{config}, std::invalid_argument);
    config = ModelConfig::paper(Method::Reconstruction);
    config.tLength = 5;
    EXPECT_THROW(MnadModel{config}, std::invalid_argument);
    EXPECT_THROW(methodFromName("diffusion"), std::invalid_argument);
}

} // namespace
} // namespace mnad
