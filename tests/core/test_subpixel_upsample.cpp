// The sub-pixel formulation of the decoder's transposed convolutions computes what conv_transpose2d computes —
// values and gradients — for any size, batch and memory layout.

#include "core/model/subpixel_upsample.h"

#include <gtest/gtest.h>
#include <torch/torch.h>

#include <tuple>

namespace mnad {
namespace {

torch::Tensor reference(const torch::Tensor& x, const torch::Tensor& weight, const torch::Tensor& bias)
{
    return torch::conv_transpose2d(x, weight, bias, /*stride=*/2, /*padding=*/1, /*output_padding=*/1);
}

class SubpixelUpsample : public ::testing::TestWithParam<std::tuple<int, int, int, int, bool>> {};

TEST_P(SubpixelUpsample, EqualsTransposedConvolution)
{
    const auto [batch, in, out, size, channelsLast] = GetParam();
    torch::manual_seed(in * 100 + out);
    auto x = torch::randn({batch, in, size, size + 3});
    if (channelsLast)
        x = x.contiguous(torch::MemoryFormat::ChannelsLast);
    const auto weight = torch::randn({in, out, 3, 3});
    const auto bias = torch::randn({out});
    const auto expected = reference(x, weight, bias);
    const auto actual = subpixelTransposedConv(x, weight, bias);
    ASSERT_EQ(actual.sizes(), expected.sizes());
    EXPECT_LT((actual - expected).abs().max().item<double>(), 1e-4);
}

INSTANTIATE_TEST_SUITE_P(Shapes, SubpixelUpsample,
                         ::testing::Values(std::make_tuple(1, 1, 1, 1, false), std::make_tuple(2, 3, 5, 4, false),
                                           std::make_tuple(3, 8, 4, 7, true), std::make_tuple(1, 16, 8, 5, true),
                                           std::make_tuple(2, 4, 4, 6, false)));

TEST(SubpixelUpsample, OneTapMovesEachInputPixelToItsOutputPixels)
{
    // Only the centre tap: output (2i, 2j) is input (i, j), every other output pixel is zero.
    const auto x = torch::arange(1, 7, torch::kFloat).view({1, 1, 2, 3});
    auto weight = torch::zeros({1, 1, 3, 3});
    weight[0][0][1][1] = 1;
    const auto y = subpixelTransposedConv(x, weight, torch::Tensor());
    ASSERT_EQ(y.sizes(), (std::vector<int64_t>{1, 1, 4, 6}));
    EXPECT_TRUE(torch::equal(y.index({0, 0, torch::indexing::Slice(0, 4, 2), torch::indexing::Slice(0, 6, 2)}),
                             x[0][0]));
    EXPECT_EQ(y.sum().item<float>(), x.sum().item<float>());
}

TEST(SubpixelUpsample, GradientsEqualThoseOfTheTransposedConvolution)
{
    torch::manual_seed(7);
    const auto x0 = torch::randn({2, 6, 5, 4});
    const auto w0 = torch::randn({6, 3, 3, 3});
    const auto b0 = torch::randn({3});
    const auto upstream = torch::randn({2, 3, 10, 8});
    auto gradients = [&](bool subpixel) {
        auto x = x0.clone().requires_grad_(true), w = w0.clone().requires_grad_(true),
             b = b0.clone().requires_grad_(true);
        const auto y = subpixel ? subpixelTransposedConv(x, w, b) : reference(x, w, b);
        (y * upstream).sum().backward();
        return std::make_tuple(x.grad(), w.grad(), b.grad());
    };
    const auto [gx, gw, gb] = gradients(true);
    const auto [rx, rw, rb] = gradients(false);
    EXPECT_LT((gx - rx).abs().max().item<double>(), 1e-4);
    EXPECT_LT((gw - rw).abs().max().item<double>(), 1e-4);
    EXPECT_LT((gb - rb).abs().max().item<double>(), 1e-4);
}

} // namespace
} // namespace mnad
