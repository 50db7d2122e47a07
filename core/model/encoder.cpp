#include "core/model/encoder.h"

#include "core/model/blocks.h"

#include <torch/nn/functional/pooling.h>

namespace mnad {

EncoderImpl::EncoderImpl(int inChannels, int width)
    : moduleConv1_(register_module("moduleConv1", blocks::basic(inChannels, width))),
      moduleConv2_(register_module("moduleConv2", blocks::basic(width, 2 * width))),
      moduleConv3_(register_module("moduleConv3", blocks::basic(2 * width, 4 * width))),
      moduleConv4_(register_module("moduleConv4", blocks::basicOpen(4 * width, 8 * width))),
      moduleBatchNorm_(register_module("moduleBatchNorm", torch::nn::BatchNorm2d(8 * width)))
{
}

EncoderOutput EncoderImpl::forward(const torch::Tensor& input)
{
    namespace F = torch::nn::functional;
    const auto pool = F::MaxPool2dFuncOptions(2).stride(2);
    EncoderOutput out;
    out.skip1 = runBlock(moduleConv1_, input, kernels_.get(), trainingKernels_);
    out.skip2 = runBlock(moduleConv2_, F::max_pool2d(out.skip1, pool), kernels_.get(), trainingKernels_);
    out.skip3 = runBlock(moduleConv3_, F::max_pool2d(out.skip2, pool), kernels_.get(), trainingKernels_);
    out.features = runBlock(moduleConv4_, F::max_pool2d(out.skip3, pool), kernels_.get(), trainingKernels_);
    return out;
}

} // namespace mnad
