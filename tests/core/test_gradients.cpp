// Where gradients flow (spec §1.4): never into the memory, never through the read weights, and from the
// compactness/separateness losses into the encoder only.

#include "core/model/mnad_model.h"

#include <gtest/gtest.h>
#include <torch/torch.h>

namespace mnad {
namespace {

ModelConfig tinyConfig(Method method)
{
    ModelConfig config = ModelConfig::paper(method);
    config.imageSize = 16;
    config.width = 4;
    config.memorySize = 5;
    return config;
}

torch::Tensor randomClip(const MnadModel& model, int batch)
{
    const auto& c = model.config();
    const int channels = c.inputChannels() + (c.method == Method::Prediction ? c.imageChannels : 0);
    return torch::rand({batch, channels, c.imageSize, c.imageSize}) * 2 - 1;
}

TEST(Gradients, MemoryNeverReceivesGradient)
{
    torch::manual_seed(1);
    MnadModel model(tinyConfig(Method::Prediction));
    auto [input, target] = model.splitClip(randomClip(model, 2));
    auto out = model.trainForward(input, target, LossWeights::official(Method::Prediction));
    out.totalLoss.backward();
    EXPECT_FALSE(model.memory().items().requires_grad());
    EXPECT_FALSE(model.memory().items().grad_fn());
}

TEST(Gradients, ReadWeightsPassNoGradient)
{
    torch::manual_seed(2);
    Memory memory(5, 8);
    auto features = torch::randn({2, 8, 3, 3}, torch::requires_grad());
    auto scores = memory.score(Memory::queriesFromFeatures(features));
    auto decoderInput = memory.read(scores, 2, 3, 3);
    auto queryHalf = decoderInput.narrow(1, 0, 8);
    // Through the whole decoder input, the gradient reaching the features is the query half's alone: the read
    // half (attention-weighted items) passes none.
    auto weights = torch::randn_like(decoderInput);
    (decoderInput * weights).sum().backward({}, /*retain_graph=*/true);
    auto viaRead = features.grad().clone();
    features.grad().zero_();
    (queryHalf * weights.narrow(1, 0, 8)).sum().backward();
    EXPECT_TRUE(torch::allclose(viaRead, features.grad()));
    EXPECT_GT(viaRead.abs().sum().item<double>(), 0);
}

TEST(Gradients, MemoryLossesTrainTheEncoderOnly)
{
    torch::manual_seed(3);
    MnadModel model(tinyConfig(Method::Prediction));
    auto [input, target] = model.splitClip(randomClip(model, 2));
    auto out = model.trainForward(input, target, LossWeights::official(Method::Prediction));
    (out.compactnessLoss + out.separatenessLoss).backward();

    double encoderGrad = 0;
    for (const auto& p : model.network()->encoder->named_parameters()) {
        if (p.key().rfind("moduleBatchNorm", 0) == 0) {
            EXPECT_FALSE(p.value().grad().defined()) << "the unused encoder.moduleBatchNorm got a gradient";
            continue;
        }
        ASSERT_TRUE(p.value().grad().defined()) << p.key();
        encoderGrad += p.value().grad().abs().sum().item<double>();
    }
    EXPECT_GT(encoderGrad, 0);
    for (const auto& p : model.network()->decoder->named_parameters()) {
        const bool none = !p.value().grad().defined() || p.value().grad().abs().sum().item<double>() == 0;
        EXPECT_TRUE(none) << "decoder parameter " << p.key() << " got gradient from the memory losses";
    }
}

TEST(Gradients, PixelLossReachesBothHalves)
{
    torch::manual_seed(4);
    MnadModel model(tinyConfig(Method::Reconstruction));
    auto [input, target] = model.splitClip(randomClip(model, 2));
    auto out = model.trainForward(input, target, LossWeights::official(Method::Reconstruction));
    out.pixelLoss.backward();
    auto encoderBias = model.network()->encoder->named_parameters()["moduleConv1.0.bias"];
    auto decoderBias = model.network()->decoder->named_parameters()["moduleDeconv1.6.bias"];
    EXPECT_GT(encoderBias.grad().abs().sum().item<double>(), 0);
    EXPECT_GT(decoderBias.grad().abs().sum().item<double>(), 0);
}

} // namespace
} // namespace mnad
