#pragma once
// The MNAD decoders (spec §1.2, §1.3). Prediction concatenates the encoder's skips (skip first) after each
// upsampling; reconstruction has no skips, so its upsampling layers keep the channel count instead of halving it.

#include "core/model/encoder.h"
#include "core/model/inference_kernels.h"

#include <torch/nn/module.h>
#include <torch/nn/modules/container/sequential.h>
#include <torch/nn/pimpl.h>

#include <memory>

namespace mnad {

class DecoderImpl : public torch::nn::Module {
public:
    DecoderImpl(int width, int outChannels, bool withSkips);
    // input: B×16w×h×w, i.e. [normalised query ‖ memory read]. skips are used only when withSkips.
    torch::Tensor forward(const torch::Tensor& input, const EncoderOutput& skips);
    void setInferenceKernels(std::shared_ptr<InferenceKernels> kernels) { kernels_ = std::move(kernels); }
    void setTrainingKernels(CpuKernels kernels) { trainingKernels_ = kernels; }

private:
    bool withSkips_;
    torch::nn::Sequential moduleConv_, moduleUpsample4_, moduleDeconv3_, moduleUpsample3_, moduleDeconv2_,
        moduleUpsample2_, moduleDeconv1_;
    std::shared_ptr<InferenceKernels> kernels_;
    CpuKernels trainingKernels_ = CpuKernels::LibTorch;
};
TORCH_MODULE(Decoder);

} // namespace mnad
