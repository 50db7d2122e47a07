#include "core/model/training_kernels.h"

#include "core/model/subpixel_upsample.h"

#include <torch/nn/modules/conv.h>
#include <torch/torch.h>

#include <variant>

namespace mnad {

namespace {
// The padding is a c10::variant in LibTorch 1.13 and a std::variant in 2.x: get_if is found by ADL.
template <typename Options>
bool hasPadding(const Options& o, int64_t padding)
{
    using std::get_if;
    const auto* explicitPadding = get_if<torch::ExpandingArray<2>>(&o.padding());
    return explicitPadding && (**explicitPadding)[0] == padding && (**explicitPadding)[1] == padding;
}

template <typename Options>
bool isPlain3x3(const torch::Tensor& weight, const torch::Tensor& bias, const Options& o, int64_t stride)
{
    return weight.dim() == 4 && weight.size(2) == 3 && weight.size(3) == 3 && bias.defined() && o.groups() == 1 &&
           (*o.stride())[0] == stride && (*o.stride())[1] == stride && (*o.dilation())[0] == 1 &&
           (*o.dilation())[1] == 1;
}

// Stride 1, padding 1, zero padding: every convolution of blocks.h.
bool isSameSize3x3(const torch::nn::Conv2dImpl& conv)
{
    const auto& o = conv.options;
    return isPlain3x3(conv.weight, conv.bias, o, 1) && hasPadding(o, 1) &&
           o.padding_mode().index() == torch::nn::Conv2dOptions::padding_mode_t(torch::kZeros).index();
}

// Stride 2, padding 1, output padding 1: blocks::upsample's.
bool isUpsample3x3(const torch::nn::ConvTranspose2dImpl& conv)
{
    const auto& o = conv.options;
    return isPlain3x3(conv.weight, conv.bias, o, 2) && hasPadding(o, 1) && (*o.output_padding())[0] == 1 &&
           (*o.output_padding())[1] == 1;
}
} // namespace

torch::Tensor runTrainingBlock(torch::nn::Sequential& block, const torch::Tensor& x, CpuKernels kernels)
{
    auto y = x;
    for (auto& module : *block) {
        if (const auto* conv = module.ptr()->as<torch::nn::Conv2dImpl>(); conv && isSameSize3x3(*conv))
            y = trainingConv3x3(y, conv->weight, conv->bias, kernels);
        else if (const auto* up = module.ptr()->as<torch::nn::ConvTranspose2dImpl>(); up && isUpsample3x3(*up))
            y = trainingUpsample3x3(y, up->weight, up->bias, kernels);
        else
            y = module.forward(y);
    }
    return y;
}

#ifndef MNAD_WITH_DNNL
bool haveTrainingKernels()
{
    return false;
}

void releaseTrainingKernels() {}

torch::Tensor trainingConv3x3(const torch::Tensor& x, const torch::Tensor& weight, const torch::Tensor& bias,
                              CpuKernels)
{
    return torch::conv2d(x, weight, bias, 1, 1);
}

torch::Tensor trainingUpsample3x3(const torch::Tensor& x, const torch::Tensor& weight, const torch::Tensor& bias,
                                  CpuKernels)
{
    return subpixelTransposedConv(x, weight, bias);
}
#endif

} // namespace mnad
