#pragma once
// The MNAD encoder (spec §1.2): four stages, three max-pools; the last stage's raw output is the query map.

#include "core/model/inference_kernels.h"

#include <torch/nn/module.h>
#include <torch/nn/modules/batchnorm.h>
#include <torch/nn/modules/container/sequential.h>
#include <torch/nn/pimpl.h>

#include <memory>

namespace mnad {

struct EncoderOutput {
    torch::Tensor features; // B×8w×H/8×W/8, before L2 normalisation
    torch::Tensor skip1, skip2, skip3; // stage outputs at full, 1/2 and 1/4 resolution (used by prediction only)
};

class EncoderImpl : public torch::nn::Module {
public:
    EncoderImpl(int inChannels, int width);
    EncoderOutput forward(const torch::Tensor& input);
    void setInferenceKernels(std::shared_ptr<InferenceKernels> kernels) { kernels_ = std::move(kernels); }
    void setTrainingKernels(CpuKernels kernels) { trainingKernels_ = kernels; }

private:
    torch::nn::Sequential moduleConv1_, moduleConv2_, moduleConv3_, moduleConv4_;
    // Declared but never used by the official forward(); kept so that the state dicts match key for key.
    torch::nn::BatchNorm2d moduleBatchNorm_{nullptr};
    std::shared_ptr<InferenceKernels> kernels_;
    CpuKernels trainingKernels_ = CpuKernels::LibTorch;
};
TORCH_MODULE(Encoder);

} // namespace mnad
