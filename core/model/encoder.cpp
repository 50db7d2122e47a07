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
    out.skip1 = stage(0, moduleConv1_, input);
    out.skip2 = stage(1, moduleConv2_, F::max_pool2d(out.skip1, pool));
    out.skip3 = stage(2, moduleConv3_, F::max_pool2d(out.skip2, pool));
    out.features = stage(3, moduleConv4_, F::max_pool2d(out.skip3, pool));
    return out;
}

torch::Tensor EncoderImpl::stage(size_t index, torch::nn::Sequential& block, const torch::Tensor& x)
{
    return folded_.empty() ? block->forward(x) : folded_[index].forward(x);
}

void EncoderImpl::setFolded(bool folded, bool channelsLast)
{
    folded_.clear();
    if (folded) {
        for (const auto* block : {&moduleConv1_, &moduleConv2_, &moduleConv3_, &moduleConv4_})
            folded_.emplace_back(*block, channelsLast);
    }
}

} // namespace mnad
