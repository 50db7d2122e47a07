#include "core/model/decoder.h"

#include "core/model/blocks.h"
#include "core/model/subpixel_upsample.h"
#include "core/model/training_kernels.h"

namespace mnad {

namespace {
// With skips an upsampling halves the channels (the skip brings the other half); without, it keeps them.
int upsampled(int channels, bool withSkips)
{
    return withSkips ? channels / 2 : channels;
}
} // namespace

DecoderImpl::DecoderImpl(int width, int outChannels, bool withSkips)
    : withSkips_(withSkips),
      moduleConv_(register_module("moduleConv", blocks::basic(16 * width, 8 * width))),
      moduleUpsample4_(register_module("moduleUpsample4", blocks::upsample(8 * width, upsampled(8 * width, withSkips)))),
      moduleDeconv3_(register_module("moduleDeconv3", blocks::basic(8 * width, 4 * width))),
      moduleUpsample3_(register_module("moduleUpsample3", blocks::upsample(4 * width, upsampled(4 * width, withSkips)))),
      moduleDeconv2_(register_module("moduleDeconv2", blocks::basic(4 * width, 2 * width))),
      moduleUpsample2_(register_module("moduleUpsample2", blocks::upsample(2 * width, upsampled(2 * width, withSkips)))),
      moduleDeconv1_(register_module("moduleDeconv1", blocks::generator(2 * width, outChannels, width)))
{
}

torch::Tensor DecoderImpl::forward(const torch::Tensor& input, const EncoderOutput& skips)
{
    auto join = [this](const torch::Tensor& skip, const torch::Tensor& up) {
        return withSkips_ ? torch::cat({skip, up}, 1) : up;
    };
    // The transposed convolutions: the sub-pixel way, or by oneDNN's with the training kernels.
    auto upsample = [this](torch::nn::Sequential& block, const torch::Tensor& x) {
        return trainingKernels_ != CpuKernels::LibTorch && x.device().is_cpu()
                   ? runTrainingBlock(block, x, trainingKernels_)
                   : upsampleForward(block, x);
    };
    auto block = [this](torch::nn::Sequential& b, const torch::Tensor& x) {
        return runBlock(b, x, kernels_.get(), trainingKernels_);
    };
    auto x = block(moduleConv_, input);
    x = block(moduleDeconv3_, join(skips.skip3, upsample(moduleUpsample4_, x)));
    x = block(moduleDeconv2_, join(skips.skip2, upsample(moduleUpsample3_, x)));
    return block(moduleDeconv1_, join(skips.skip1, upsample(moduleUpsample2_, x)));
}

} // namespace mnad
