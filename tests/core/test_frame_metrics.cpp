// Per-frame metrics, per sample, against values worked out by hand.

#include "core/model/frame_metrics.h"

#include <gtest/gtest.h>
#include <torch/torch.h>

#include <cmath>

namespace mnad {
namespace {

TEST(FrameMetrics, PsnrOnZeroOneImagesPerSample)
{
    // Sample 0: output 0 (0.5 in [0,1]) vs target −1 (0): error 0.25 everywhere → PSNR 10·log10(4).
    // Sample 1: half the pixels off by 1 in [-1,1] (0.5 in [0,1]) → MSE 0.125 → PSNR 10·log10(8).
    auto output = torch::zeros({2, 3, 4, 4});
    auto target = torch::full({2, 3, 4, 4}, -1.f);
    target[1].fill_(0.f);
    target[1].narrow(2, 0, 2).fill_(1.f);
    auto psnr = framePsnr(output, target);
    ASSERT_EQ(psnr.scalar_type(), torch::kDouble);
    EXPECT_NEAR(psnr[0].item<double>(), 10 * std::log10(4.0), 1e-6);
    EXPECT_NEAR(psnr[1].item<double>(), 10 * std::log10(8.0), 1e-6);
    EXPECT_NEAR(frameMse(output, target)[1].item<double>(), 0.125, 1e-7);
}

TEST(FrameMetrics, PointScoreWeightsLargeErrors)
{
    // Uniform error e: Σ(w·e)/Σw = e.
    auto output = torch::zeros({1, 3, 2, 2});
    auto target = torch::full({1, 3, 2, 2}, -1.f);
    EXPECT_NEAR(framePointScore(output, target)[0].item<double>(), 0.25, 1e-6);

    // Two pixels of error a = 0.25 and b = 0.01 (one channel): (w_a·a + w_b·b) / (w_a + w_b), w = 1 − e^−e.
    auto o = torch::zeros({1, 1, 1, 2});
    auto t = torch::tensor({-1.f, -0.2f}).view({1, 1, 1, 2}); // [0,1]: 0 and 0.4 vs 0.5 → errors .25, .01
    const double a = 0.25, b = 0.01, wa = 1 - std::exp(-a), wb = 1 - std::exp(-b);
    EXPECT_NEAR(framePointScore(o, t)[0].item<double>(), (wa * a + wb * b) / (wa + wb), 1e-6);
}

TEST(FrameMetrics, ErrorMapAveragesChannels)
{
    auto output = torch::zeros({1, 3, 1, 2});
    auto target = torch::zeros({1, 3, 1, 2});
    target[0][0][0][1] = 2.f; // [0,1] difference of 1 in one channel → mean over 3 channels = 1/3
    auto map = errorMap(output, target);
    ASSERT_EQ(map.sizes(), (std::vector<int64_t>{1, 1, 2}));
    EXPECT_NEAR(map[0][0][0].item<double>(), 0.0, 1e-7);
    EXPECT_NEAR(map[0][0][1].item<double>(), 1.0 / 3, 1e-6);
}

TEST(FrameMetrics, ShapeMismatchIsAnError)
{
    EXPECT_THROW(framePsnr(torch::zeros({1, 3, 4, 4}), torch::zeros({1, 3, 4, 5})), c10::Error);
}

} // namespace
} // namespace mnad
