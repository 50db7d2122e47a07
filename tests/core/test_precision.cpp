// Mixed precision: the autocast scope switches LibTorch's autocast on and restores it, a bf16 model trains and
// evaluates close to float32 with float32 losses and memory, and fp16 training is refused.

#include "core/model/mnad_model.h"
#include "core/run/config_json.h"
#include "core/runtime/autocast_scope.h"
#include "core/train/train_config.h"

#include <ATen/autocast_mode.h>
#include <gtest/gtest.h>
#include <torch/torch.h>

namespace mnad {
namespace {

TEST(Precision, NamesRoundTrip)
{
    for (const auto p : {Precision::Float32, Precision::BFloat16, Precision::Float16})
        EXPECT_EQ(precisionFromName(precisionName(p)), p);
    EXPECT_THROW(precisionFromName("fp8"), std::invalid_argument);
}

TEST(Precision, AutocastScopeSwitchesOnAndRestores)
{
    const auto x = torch::randn({1, 2, 8, 8});
    const auto w = torch::randn({3, 2, 3, 3});
    {
        AutocastScope fp32(torch::kCPU, Precision::Float32);
        EXPECT_FALSE(at::autocast::is_cpu_enabled());
        EXPECT_EQ(torch::conv2d(x, w).scalar_type(), torch::kFloat);
    }
    {
        AutocastScope bf16(torch::kCPU, Precision::BFloat16);
        EXPECT_TRUE(at::autocast::is_cpu_enabled());
        EXPECT_EQ(torch::conv2d(x, w).scalar_type(), torch::kBFloat16);
    }
    EXPECT_FALSE(at::autocast::is_cpu_enabled());
    EXPECT_EQ(torch::conv2d(x, w).scalar_type(), torch::kFloat);
}

ModelConfig tinyModel()
{
    ModelConfig config = ModelConfig::paper(Method::Prediction);
    config.imageSize = 16;
    config.width = 4;
    config.memorySize = 5;
    return config;
}

TEST(Precision, Bf16ModelTrainsAndEvaluatesCloseToFloat32)
{
    torch::manual_seed(5);
    MnadModel model(tinyModel());
    const auto clip = torch::rand({2, 15, 16, 16}) * 2 - 1;
    auto [input, target] = model.splitClip(clip);
    const auto reference = [&] {
        torch::NoGradGuard noGrad;
        return model.evalForward(input);
    }();
    model.setPrecision(Precision::BFloat16);
    {
        torch::NoGradGuard noGrad;
        const auto mixed = model.evalForward(input);
        EXPECT_EQ(mixed.output.scalar_type(), torch::kFloat);
        EXPECT_EQ(mixed.features.scalar_type(), torch::kFloat);
        EXPECT_LT((mixed.output - reference.output).abs().max().item<double>(), 0.05);
        EXPECT_GT((mixed.output - reference.output).abs().max().item<double>(), 0.0) << "bf16 must really run";
    }
    const auto items = model.memory().items().clone();
    auto out = model.trainForward(input, target, LossWeights::official(Method::Prediction));
    EXPECT_EQ(out.totalLoss.scalar_type(), torch::kFloat);
    EXPECT_TRUE(std::isfinite(out.totalLoss.item<double>()));
    out.totalLoss.backward();
    for (const auto& parameter : model.network()->parameters()) {
        EXPECT_EQ(parameter.scalar_type(), torch::kFloat);
        if (parameter.dim() != 4)
            continue; // the encoder's unused BatchNorm (kept for the official keys) gets no gradient
        ASSERT_TRUE(parameter.grad().defined());
        EXPECT_EQ(parameter.grad().scalar_type(), torch::kFloat);
    }
    EXPECT_EQ(model.memory().items().scalar_type(), torch::kFloat);
    EXPECT_FALSE(torch::equal(model.memory().items(), items)) << "the memory is updated in float32";
    EXPECT_FALSE(at::autocast::is_cpu_enabled()) << "autocast ends with the forward pass";
}

TEST(Precision, Fp16TrainingIsRefusedAndBf16IsStored)
{
    TrainConfig config = TrainConfig::official(Method::Prediction);
    config.precision = Precision::Float16;
    try {
        config.validate();
        FAIL() << "fp16 training must be refused";
    } catch (const std::invalid_argument& e) {
        EXPECT_NE(std::string(e.what()).find("bf16"), std::string::npos) << e.what();
    }
    config.precision = Precision::BFloat16;
    const auto read = trainConfigFromJson(trainConfigToJson(config, "cpu"), "config.json");
    EXPECT_EQ(read.precision, Precision::BFloat16);
    std::string older = trainConfigToJson(TrainConfig::official(Method::Prediction), "cpu");
    const auto at = older.find("\"precision\"");
    ASSERT_NE(at, std::string::npos);
    older.erase(at, older.find('\n', at) - at + 1); // a config.json from before precisions existed
    EXPECT_EQ(trainConfigFromJson(older, "config.json").precision, Precision::Float32);
}

} // namespace
} // namespace mnad
