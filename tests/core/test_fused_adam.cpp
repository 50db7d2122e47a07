// The fused Adam step computes what torch::optim::Adam computes, in the optimizer's own state, and hands what it
// cannot fuse to the optimizer.

#include "core/train/fused_adam.h"

#include <gtest/gtest.h>
#include <torch/torch.h>

#include <vector>

namespace mnad {
namespace {

std::vector<torch::Tensor> parameters(int seed)
{
    torch::manual_seed(seed);
    return {torch::randn({64, 3, 3, 3}).requires_grad_(true), torch::randn({70001}).requires_grad_(true),
            torch::randn({5}).requires_grad_(true)};
}

void setGradients(std::vector<torch::Tensor>& params, int step)
{
    torch::manual_seed(100 + step);
    for (auto& p : params)
        p.mutable_grad() = torch::randn_like(p) * (step + 1);
    params.back().mutable_grad() *= 1e-9; // √v near ε: where ε enters the formula shows
}

// Equal to float rounding: a few units in the last place of the weights.
bool sameWeights(const torch::Tensor& a, const torch::Tensor& b)
{
    return torch::allclose(a, b, /*rtol=*/2e-6, /*atol=*/1e-7);
}

TEST(FusedAdam, SameParametersAndStateAsTorchAdam)
{
    auto fused = parameters(1), reference = parameters(1);
    torch::optim::Adam fusedOptimizer(fused, torch::optim::AdamOptions(2e-3));
    torch::optim::Adam referenceOptimizer(reference, torch::optim::AdamOptions(2e-3));
    for (int step = 0; step < 6; ++step) {
        setGradients(fused, step);
        setGradients(reference, step);
        adamStep(fusedOptimizer);
        referenceOptimizer.step();
    }
    const auto start = parameters(1);
    for (size_t i = 0; i < fused.size(); ++i) {
        EXPECT_TRUE(sameWeights(fused[i], reference[i])) << i;
        EXPECT_FALSE(sameWeights(fused[i], start[i])) << "the steps must move the weights";
    }
    // The state lives where torch's Adam keeps it: a reference optimizer can go on from it.
    ASSERT_EQ(fusedOptimizer.state().size(), fused.size());
    for (auto& [key, state] : fusedOptimizer.state()) {
        const auto& s = static_cast<const torch::optim::AdamParamState&>(*state);
        EXPECT_EQ(s.step(), 6);
        const auto& r = static_cast<const torch::optim::AdamParamState&>(*referenceOptimizer.state().begin()->second);
        EXPECT_EQ(r.step(), 6);
    }
    setGradients(fused, 6);
    setGradients(reference, 6);
    fusedOptimizer.step(); // torch's own step on the fused optimizer's state
    referenceOptimizer.step();
    for (size_t i = 0; i < fused.size(); ++i)
        EXPECT_TRUE(sameWeights(fused[i], reference[i])) << i;
}

TEST(FusedAdam, WeightDecayGoesThroughTorchAdam)
{
    auto fused = parameters(2), reference = parameters(2);
    torch::optim::Adam fusedOptimizer(fused, torch::optim::AdamOptions(1e-3).weight_decay(0.1));
    torch::optim::Adam referenceOptimizer(reference, torch::optim::AdamOptions(1e-3).weight_decay(0.1));
    for (int step = 0; step < 3; ++step) {
        setGradients(fused, step);
        setGradients(reference, step);
        adamStep(fusedOptimizer);
        referenceOptimizer.step();
    }
    for (size_t i = 0; i < fused.size(); ++i)
        EXPECT_TRUE(torch::equal(fused[i], reference[i])) << i;
}

} // namespace
} // namespace mnad

namespace mnad {
namespace {

TEST(FusedAdam, ChannelsLastWeightsAndMomentsReadBackContiguous)
{
    torch::manual_seed(3);
    const auto start = torch::randn({8, 6, 3, 3});
    auto fused = std::vector<torch::Tensor>{start.contiguous(torch::MemoryFormat::ChannelsLast).requires_grad_(true)};
    auto reference = std::vector<torch::Tensor>{start.clone().requires_grad_(true)};
    torch::optim::Adam fusedOptimizer(fused, torch::optim::AdamOptions(1e-2));
    torch::optim::Adam referenceOptimizer(reference, torch::optim::AdamOptions(1e-2));
    for (int step = 0; step < 4; ++step) {
        torch::manual_seed(200 + step);
        const auto gradient = torch::randn({8, 6, 3, 3});
        fused[0].mutable_grad() = gradient.contiguous(torch::MemoryFormat::ChannelsLast);
        reference[0].mutable_grad() = gradient.clone();
        if (step == 2) { // as after resuming: the moments come back from the checkpoint contiguous
            auto& s = static_cast<torch::optim::AdamParamState&>(*fusedOptimizer.state().begin()->second);
            s.exp_avg(s.exp_avg().contiguous());
            s.exp_avg_sq(s.exp_avg_sq().contiguous());
        }
        adamStep(fusedOptimizer);
        referenceOptimizer.step();
    }
    EXPECT_TRUE(fused[0].is_contiguous(torch::MemoryFormat::ChannelsLast));
    // Steps of 1e-2 four times: a few units in the last place of the weights.
    EXPECT_TRUE(torch::allclose(fused[0], reference[0], 2e-6, 1e-6));
    EXPECT_FALSE(torch::allclose(fused[0], start, 2e-6, 1e-6));
    const auto& s = static_cast<const torch::optim::AdamParamState&>(*fusedOptimizer.state().begin()->second);
    EXPECT_EQ(s.exp_avg().strides(), fused[0].strides());
}

} // namespace
} // namespace mnad
