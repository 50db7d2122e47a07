#include "core/model/subpixel_upsample.h"

#include <torch/nn/functional/padding.h>
#include <torch/nn/functional/pixelshuffle.h>
#include <torch/nn/modules/conv.h>
#include <torch/torch.h>

#include <array>

namespace mnad {

namespace {
// Which tap of the 3×3 kernel (along one axis) reaches output phase `phase` from input offset `offset`: output
// 2i reads input i through tap 1; output 2i+1 reads input i through tap 2 and input i+1 through tap 0.
int tapOf(int phase, int offset)
{
    if (phase == 0)
        return offset == 0 ? 1 : -1;
    return offset == 0 ? 2 : 0;
}

// 9×16 zeros and ones: column (a, b, di, dj) picks the 3×3 tap that output phase (a, b) applies to input offset
// (di, dj), or nothing. A product rather than an index, so that the weight's gradient is a product too (an index's
// backward is a scatter, measured 5 % of a 64² training step).
torch::Tensor tapMatrix(const torch::TensorOptions& options)
{
    static const torch::Tensor cpu = [] {
        auto taps = torch::zeros({9, 16});
        int column = 0;
        for (int a = 0; a < 2; ++a)
            for (int b = 0; b < 2; ++b)
                for (int di = 0; di < 2; ++di)
                    for (int dj = 0; dj < 2; ++dj, ++column) {
                        const int row = tapOf(a, di), col = tapOf(b, dj);
                        if (row >= 0 && col >= 0)
                            taps[row * 3 + col][column] = 1;
                    }
        return taps;
    }();
    return cpu.to(options);
}
} // namespace

torch::Tensor subpixelWeight(const torch::Tensor& transposedWeight)
{
    TORCH_CHECK(transposedWeight.dim() == 4 && transposedWeight.size(2) == 3 && transposedWeight.size(3) == 3,
                "a sub-pixel upsampling needs a Cin×Cout×3×3 transposed-convolution weight");
    const int64_t in = transposedWeight.size(0), out = transposedWeight.size(1);
    // One (Cin·Cout)×9 by 9×16 product: as a batched product over Cin, LibTorch's CPU kernel loops over the batch
    // (a select, a copy and a small GEMM each: ~10 % of a 64² training step).
    const auto taps = transposedWeight.reshape({in * out, 9}).mm(tapMatrix(transposedWeight.options()));
    return taps.reshape({in, out * 4, 2, 2}).transpose(0, 1).contiguous(); // (c, a, b) → output channel 4c + 2a + b
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
