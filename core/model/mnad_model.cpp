#include "core/model/mnad_model.h"

#include "core/runtime/autocast_scope.h"
#include "core/runtime/device.h"

#include <torch/torch.h>

namespace mnad {

LossWeights LossWeights::official(Method method)
{
    const double weight = method == Method::Prediction ? 0.1 : 0.01;
    return {weight, weight};
}

torch::Tensor EvalForward::attention() const
{
    return scores.scoreMemory.view({batch, height, width, -1}).permute({0, 3, 1, 2});
}

torch::Tensor EvalForward::top1Map() const
{
    return scores.top1.view({batch, height, width});
}

torch::Tensor EvalForward::sampleQueries(int64_t sample) const
{
    const int64_t perSample = height * width;
    return scores.queries.narrow(0, sample * perSample, perSample);
}

MnadModel::MnadModel(const ModelConfig& config)
    : config_(config), network_(config), memory_(config.memorySize, config.featureDim(), config.updateNormalization)
{
}

void MnadModel::to(torch::Device device)
{
    network_->to(device);
    memory_.to(device);
    tuneForDevice(device);
}

void MnadModel::setChannelsLast(bool channelsLast)
{
    torch::NoGradGuard noGrad;
    const auto format = channelsLast ? torch::MemoryFormat::ChannelsLast : torch::MemoryFormat::Contiguous;
    for (auto& parameter : network_->parameters()) {
        if (parameter.dim() == 4)
            parameter.set_data(parameter.contiguous(format));
    }
}

bool MnadModel::channelsLast() const
{
    for (const auto& parameter : network_->parameters())
        if (parameter.dim() == 4)
            return parameter.is_contiguous(torch::MemoryFormat::ChannelsLast) && !parameter.is_contiguous();
    return false;
}

torch::Device MnadModel::device() const
{
    return memory_.items().device();
}

EncoderOutput MnadModel::encode(const torch::Tensor& input)
{
    AutocastScope autocast(input.device(), precision_);
    auto encoded = network_->encode(input);
    encoded.features = encoded.features.to(torch::kFloat);
    return encoded;
}

torch::Tensor MnadModel::decode(const torch::Tensor& decoderInput, const EncoderOutput& skips)
{
    AutocastScope autocast(decoderInput.device(), precision_);
    return network_->decode(decoderInput, skips).to(torch::kFloat);
}

std::pair<torch::Tensor, torch::Tensor> MnadModel::splitClip(const torch::Tensor& clip) const
{
    if (config_.method == Method::Reconstruction)
        return {clip, clip};
    const int64_t inputChannels = config_.inputChannels();
    TORCH_CHECK(clip.size(1) == inputChannels + config_.imageChannels, "a prediction clip needs ",
                inputChannels + config_.imageChannels, " channels, got ", clip.size(1));
    return {clip.narrow(1, 0, inputChannels), clip.narrow(1, inputChannels, config_.imageChannels)};
}

TrainForward MnadModel::trainForward(const torch::Tensor& input, const torch::Tensor& target,
                                     const LossWeights& weights)
{
    network_->train();
    auto encoded = encode(input);
    const auto& f = encoded.features;
    TrainForward out;
    out.scores = memory_.score(Memory::queriesFromFeatures(f));
    auto decoderInput = memory_.read(out.scores, f.size(0), f.size(2), f.size(3));
    auto losses = memory_.losses(out.scores);
    memory_.update(out.scores);
    out.output = decode(decoderInput, encoded);
    out.pixelLoss = torch::mse_loss(out.output, target);
    out.compactnessLoss = losses.compactness;
    out.separatenessLoss = losses.separateness;
    out.totalLoss = out.pixelLoss + weights.compactness * out.compactnessLoss +
                    weights.separateness * out.separatenessLoss;
    return out;
}

EvalForward MnadModel::evalForward(const torch::Tensor& input)
{
    network_->eval();
    auto encoded = encode(input);
    EvalForward out;
    out.features = encoded.features;
    out.batch = encoded.features.size(0);
    out.height = encoded.features.size(2);
    out.width = encoded.features.size(3);
    out.scores = memory_.score(Memory::queriesFromFeatures(encoded.features));
    out.decoderInput = memory_.read(out.scores, out.batch, out.height, out.width);
    out.featureDistance = memory_.featureDistance(out.scores, out.batch);
    out.output = decode(out.decoderInput, encoded);
    return out;
}

} // namespace mnad
