#include "core/model/blocks.h"

#include <torch/nn/modules/activation.h>
#include <torch/nn/modules/batchnorm.h>
#include <torch/nn/modules/conv.h>

namespace mnad::blocks {
namespace nn = torch::nn;

namespace {
nn::Conv2d conv3x3(int in, int out)
{
    return nn::Conv2d(nn::Conv2dOptions(in, out, 3).stride(1).padding(1).bias(true));
}
} // namespace

nn::Sequential basic(int in, int out)
{
    return nn::Sequential(conv3x3(in, out), nn::BatchNorm2d(out), nn::ReLU(),
                          conv3x3(out, out), nn::BatchNorm2d(out), nn::ReLU());
}

nn::Sequential basicOpen(int in, int out)
{
    return nn::Sequential(conv3x3(in, out), nn::BatchNorm2d(out), nn::ReLU(), conv3x3(out, out));
}

nn::Sequential upsample(int in, int out)
{
    auto options = nn::ConvTranspose2dOptions(in, out, 3).stride(2).padding(1).output_padding(1).bias(true);
    return nn::Sequential(nn::ConvTranspose2d(options), nn::BatchNorm2d(out), nn::ReLU());
}

nn::Sequential generator(int in, int out, int hidden)
{
    return nn::Sequential(conv3x3(in, hidden), nn::BatchNorm2d(hidden), nn::ReLU(),
                          conv3x3(hidden, hidden), nn::BatchNorm2d(hidden), nn::ReLU(),
                          conv3x3(hidden, out), nn::Tanh());
}

} // namespace mnad::blocks
