#include "core/model/subpixel_upsample.h"

#include <torch/nn/functional/padding.h>
#include <torch/nn/functional/pixelshuffle.h>
#include <torch/nn/modules/conv.h>
#include <torch/torch.h>

#include <array>

namespace mnad {

namespace {
constexpr int64_t kZeroTap = 9; // index of the appended zero after the nine 3×3 taps

// Which tap of the 3×3 kernel (along one axis) reaches output phase `phase` from input offset `offset`: output
// 2i reads input i through tap 1; output 2i+1 reads input i through tap 2 and input i+1 through tap 0.
int64_t tapOf(int phase, int offset)
{
    if (phase == 0)
        return offset == 0 ? 1 : -1;
    return offset == 0 ? 2 : 0;
}

const torch::Tensor& tapIndex()
{
    static const torch::Tensor index = [] {
        std::array<int64_t, 16> taps{};
        int n = 0;
        for (int a = 0; a < 2; ++a)
            for (int b = 0; b < 2; ++b)
                for (int di = 0; di < 2; ++di)
                    for (int dj = 0; dj < 2; ++dj) {
                        const int64_t row = tapOf(a, di), column = tapOf(b, dj);
                        taps[n++] = row < 0 || column < 0 ? kZeroTap : row * 3 + column;
                    }
        return torch::tensor(std::vector<int64_t>(taps.begin(), taps.end()), torch::kLong);
    }();
    return index;
}
} // namespace

torch::Tensor subpixelWeight(const torch::Tensor& transposedWeight)
{
    TORCH_CHECK(transposedWeight.dim() == 4 && transposedWeight.size(2) == 3 && transposedWeight.size(3) == 3,
                "a sub-pixel upsampling needs a Cin×Cout×3×3 transposed-convolution weight");
    const int64_t in = transposedWeight.size(0), out = transposedWeight.size(1);
    const auto flat = transposedWeight.reshape({in, out, 9});
    const auto withZero = torch::cat({flat, torch::zeros({in, out, 1}, flat.options())}, 2);
    const auto taps = withZero.index_select(2, tapIndex().to(flat.device())); // in × out × (a, b, di, dj)
    return taps.reshape({in, out * 4, 2, 2}).transpose(0, 1).contiguous();
}

torch::Tensor subpixelTransposedConv(const torch::Tensor& x, const torch::Tensor& transposedWeight,
                                     const torch::Tensor& bias)
{
    namespace F = torch::nn::functional;
    auto weight = subpixelWeight(transposedWeight);
    if (x.is_contiguous(torch::MemoryFormat::ChannelsLast) && !x.is_contiguous())
        weight = weight.contiguous(torch::MemoryFormat::ChannelsLast);
    // Inputs i and i+1 feed outputs 2i and 2i+1: pad one zero row and column after the last ones.
    const auto padded = F::pad(x, F::PadFuncOptions({0, 1, 0, 1}));
    const auto phases = torch::conv2d(padded, weight, bias.defined() ? bias.repeat_interleave(4) : bias);
    return F::pixel_shuffle(phases, F::PixelShuffleFuncOptions(2));
}

torch::Tensor upsampleForward(torch::nn::Sequential& block, const torch::Tensor& x)
{
    const auto* conv = block[0]->as<torch::nn::ConvTranspose2dImpl>();
    const auto y = subpixelTransposedConv(x, conv->weight, conv->bias);
    return block[2]->as<torch::nn::ReLUImpl>()->forward(block[1]->as<torch::nn::BatchNorm2dImpl>()->forward(y));
}

} // namespace mnad
