#include "core/model/frame_metrics.h"

#include <torch/torch.h>

namespace mnad {

namespace {
// Squared error on [0,1] images, flattened per sample (B×CHW), in float32 as the official code computes it.
torch::Tensor squaredError01(const torch::Tensor& output, const torch::Tensor& target)
{
    TORCH_CHECK(output.sizes() == target.sizes(), "output ", output.sizes(), " and target ", target.sizes(),
                " differ in shape");
    auto diff = (output.to(torch::kFloat) + 1) / 2 - (target.to(torch::kFloat) + 1) / 2;
    return diff.pow(2).reshape({output.size(0), -1});
}
} // namespace

torch::Tensor frameMse(const torch::Tensor& output, const torch::Tensor& target)
{
    return squaredError01(output, target).mean(1).to(torch::kDouble);
}

torch::Tensor framePsnr(const torch::Tensor& output, const torch::Tensor& target)
{
    return 10 * torch::log10(1 / frameMse(output, target));
}

torch::Tensor framePointScore(const torch::Tensor& output, const torch::Tensor& target)
{
    auto error = squaredError01(output, target);
    auto weight = 1 - torch::exp(-error);
    return ((weight * error).sum(1) / weight.sum(1)).to(torch::kDouble);
}

torch::Tensor errorMap(const torch::Tensor& output, const torch::Tensor& target)
{
    auto diff = (output.to(torch::kFloat) - target.to(torch::kFloat)) / 2;
    return diff.pow(2).mean(1);
}

} // namespace mnad
