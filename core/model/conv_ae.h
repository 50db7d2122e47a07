#pragma once
// The trainable network: encoder + decoder under the official names ("encoder.…", "decoder.…"), so that its
// state dict has exactly the official keys. The memory is not part of it (spec §1.4: it is not a parameter).

#include "core/model/decoder.h"
#include "core/model/encoder.h"
#include "core/model/model_config.h"

#include <torch/nn/module.h>
#include <torch/nn/pimpl.h>

namespace mnad {

class ConvAEImpl : public torch::nn::Module {
public:
    explicit ConvAEImpl(const ModelConfig& config);

    EncoderOutput encode(const torch::Tensor& input) { return encoder->forward(input); }
    torch::Tensor decode(const torch::Tensor& decoderInput, const EncoderOutput& skips)
    {
        return decoder->forward(decoderInput, skips);
    }

    // Attaches kernels that run the blocks in test mode without gradients (null detaches them).
    void setInferenceKernels(const std::shared_ptr<InferenceKernels>& kernels)
    {
        encoder->setInferenceKernels(kernels);
        decoder->setInferenceKernels(kernels);
    }
    // What runs the blocks' convolutions on the CPU when not handed to inference kernels (LibTorch: the modules).
    void setTrainingKernels(CpuKernels kernels)
    {
        encoder->setTrainingKernels(kernels);
        decoder->setTrainingKernels(kernels);
    }

    Encoder encoder{nullptr};
    Decoder decoder{nullptr};
};
TORCH_MODULE(ConvAE);

} // namespace mnad
