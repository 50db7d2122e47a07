#pragma once
// An MNAD model: the network (encoder + decoder) and the memory it reads, with the official training-mode and
// test-mode forward passes (spec §1.4–1.5, §2.1).

#include "core/model/conv_ae.h"
#include "core/model/memory.h"
#include "core/model/model_config.h"
#include "core/runtime/precision.h"

#include <torch/types.h>

#include <utility>

namespace mnad {

struct LossWeights {
    double compactness = 0.1;
    double separateness = 0.1;
    // Official defaults: prediction 0.1 / 0.1, reconstruction 0.01 / 0.01.
    static LossWeights official(Method method);
};

struct TrainForward {
    torch::Tensor output;      // B×C×H×W in [-1, 1]
    torch::Tensor pixelLoss;   // MSE on [-1, 1] images
    torch::Tensor compactnessLoss;
    torch::Tensor separatenessLoss;
    torch::Tensor totalLoss;   // pixel + λc·compactness + λs·separateness
    MemoryScores scores;       // computed with the items from before the update
};

struct EvalForward {
    torch::Tensor output;          // B×C×H×W in [-1, 1]
    torch::Tensor features;        // raw encoder output, B×D×h×w
    torch::Tensor decoderInput;    // [normalised query ‖ read], B×2D×h×w
    MemoryScores scores;
    torch::Tensor featureDistance; // per sample (B)
    int64_t batch = 0, height = 0, width = 0; // of the query map

    torch::Tensor attention() const;   // B×M×h×w: each location's weights over the items
    torch::Tensor top1Map() const;     // B×h×w: the most attended item per location
    torch::Tensor sampleQueries(int64_t sample) const; // h·w×D queries of one sample
};

class MnadModel {
public:
    explicit MnadModel(const ModelConfig& config);

    const ModelConfig& config() const { return config_; }
    ConvAE& network() { return network_; }
    Memory& memory() { return memory_; }
    const Memory& memory() const { return memory_; }

    void to(torch::Device device);
    // Lays the convolution weights out channels-last (NHWC), or back to the default: oneDNN and cuDNN run
    // channels-last convolutions faster (measured on this CPU at 64²: inference 13–33 % less time, a training
    // step's forward pass ~15 % and the whole step ~9 %). Values do not
    // change; the state dict keeps its shapes. Checkpoints are written from contiguous copies either way.
    void setChannelsLast(bool channelsLast);
    bool channelsLast() const;
    torch::Device device() const;
    // Mixed precision for the network's convolutions (autocast); the memory, losses and scores stay float32.
    void setPrecision(Precision precision)
    {
        precision_ = precision;
        applyTrainingKernels();
    }
    Precision precision() const { return precision_; }
    // What runs the convolutions of a CPU training step (and of a forward outside evaluation's inference kernels):
    // LibTorch (the modules, the default), or oneDNN called directly, by Winograd where it pays
    // (training_kernels.h). They are float32 kernels: with mixed precision autocast runs the convolutions.
    void setTrainingKernels(CpuKernels kernels)
    {
        trainingKernels_ = kernels;
        applyTrainingKernels();
    }
    CpuKernels trainingKernels() const { return trainingKernels_; }

    // The network's halves at the model's precision; the features and the output come back as float32.
    EncoderOutput encode(const torch::Tensor& input);
    torch::Tensor decode(const torch::Tensor& decoderInput, const EncoderOutput& skips);

    // Splits a clip batch B×(C·T)×H×W (frames oldest first) into the model input and the frame to produce.
    std::pair<torch::Tensor, torch::Tensor> splitClip(const torch::Tensor& clip) const;

    // Training mode (BatchNorm on batch statistics); the memory is updated with this batch's queries after the
    // read and the losses have used the old items, as in the official code.
    TrainForward trainForward(const torch::Tensor& input, const torch::Tensor& target, const LossWeights& weights);

    // Test mode (BatchNorm on running statistics); the memory is left as it is.
    EvalForward evalForward(const torch::Tensor& input);

private:
    ModelConfig config_;
    ConvAE network_;
    Memory memory_;
    Precision precision_ = Precision::Float32;
    CpuKernels trainingKernels_ = CpuKernels::LibTorch;

    void applyTrainingKernels()
    {
        network_->setTrainingKernels(precision_ == Precision::Float32 ? trainingKernels_ : CpuKernels::LibTorch);
    }
};

} // namespace mnad
