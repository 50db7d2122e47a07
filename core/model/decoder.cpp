#include "core/model/decoder.h"

#include "core/model/blocks.h"

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
    auto x = block(0, moduleConv_, input);
    x = block(2, moduleDeconv3_, join(skips.skip3, block(1, moduleUpsample4_, x)));
    x = block(4, moduleDeconv2_, join(skips.skip2, block(3, moduleUpsample3_, x)));
    return block(6, moduleDeconv1_, join(skips.skip1, block(5, moduleUpsample2_, x)));
}

torch::Tensor DecoderImpl::block(size_t index, torch::nn::Sequential& module, const torch::Tensor& x)
{
    return folded_.empty() ? module->forward(x) : folded_[index].forward(x);
}

void DecoderImpl::setFolded(bool folded, bool channelsLast)
{
    folded_.clear();
    if (folded) {
        for (const auto* module : {&moduleConv_, &moduleUpsample4_, &moduleDeconv3_, &moduleUpsample3_,
                                   &moduleDeconv2_, &moduleUpsample2_, &moduleDeconv1_})
            folded_.emplace_back(*module, channelsLast);
    }
}

} // namespace mnad
