#include "core/model/folded_block.h"

#include <torch/nn/functional/conv.h>
#include <torch/nn/modules/activation.h>
#include <torch/nn/modules/batchnorm.h>
#include <torch/nn/modules/conv.h>

#include <stdexcept>

namespace mnad {

namespace {

// Folds `bn` into (weight, bias) of the convolution before it: w' = w·γ/√(σ²+ε) per output channel,
// b' = (b − μ)·γ/√(σ²+ε) + β. Output channels are dim 0 of a Conv2d weight, dim 1 of a ConvTranspose2d one.
void fold(torch::Tensor& weight, torch::Tensor& bias, const torch::nn::BatchNorm2dImpl& bn, int64_t outputDim)
{
    const auto scale = bn.weight / torch::sqrt(bn.running_var + bn.options.eps());
    std::vector<int64_t> shape(4, 1);
    shape[static_cast<size_t>(outputDim)] = -1;
    weight = weight * scale.view(shape);
    bias = (bias - bn.running_mean) * scale + bn.bias;
}

} // namespace

FoldedBlock::FoldedBlock(const torch::nn::Sequential& block, bool channelsLast)
{
    torch::NoGradGuard noGrad;
    const auto children = block->children();
    for (size_t i = 0; i < children.size(); ++i) {
        const auto& child = children[i];
        if (auto* conv = child->as<torch::nn::Conv2d>()) {
            steps_.push_back({Step::Conv, conv->weight.detach().clone(), conv->bias.detach().clone()});
        } else if (auto* deconv = child->as<torch::nn::ConvTranspose2d>()) {
            steps_.push_back({Step::ConvTranspose, deconv->weight.detach().clone(), deconv->bias.detach().clone()});
        } else if (auto* bn = child->as<torch::nn::BatchNorm2d>()) {
            if (steps_.empty() || (steps_.back().kind != Step::Conv && steps_.back().kind != Step::ConvTranspose))
                throw std::logic_error("a BatchNorm that does not follow a convolution cannot be folded");
            Step& last = steps_.back();
            fold(last.weight, last.bias, *bn, last.kind == Step::Conv ? 0 : 1);
        } else if (child->as<torch::nn::ReLU>()) {
            steps_.push_back({Step::ReLU, {}, {}});
        } else if (child->as<torch::nn::Tanh>()) {
            steps_.push_back({Step::Tanh, {}, {}});
        } else {
            throw std::logic_error("FoldedBlock: unexpected layer " + child->name());
        }
    }
    for (Step& step : steps_) {
        if (channelsLast && step.weight.defined())
            step.weight = step.weight.contiguous(torch::MemoryFormat::ChannelsLast);
    }
}

torch::Tensor FoldedBlock::forward(torch::Tensor x) const
{
    namespace F = torch::nn::functional;
    for (const Step& step : steps_) {
        switch (step.kind) {
        case Step::Conv:
            x = F::conv2d(x, step.weight, F::Conv2dFuncOptions().bias(step.bias).padding(1));
            break;
        case Step::ConvTranspose:
            x = F::conv_transpose2d(
                x, step.weight, F::ConvTranspose2dFuncOptions().bias(step.bias).stride(2).padding(1).output_padding(1));
            break;
        case Step::ReLU:
            x = torch::relu(x);
            break;
        case Step::Tanh:
            x = torch::tanh(x);
            break;
        }
    }
    return x;
}

} // namespace mnad
