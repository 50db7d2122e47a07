#pragma once
// A faster way to run the network's convolution blocks at inference time. The model runs each block through
// its modules (the reference, used in training); when kernels are attached and gradients are off, the encoder
// and decoder hand their blocks to the kernels instead. The kernels must compute what the block computes, to
// float rounding.

#include "core/model/cpu_kernels.h"

#include <torch/nn/modules/container/sequential.h>
#include <torch/types.h>

#include <memory>
#include <string>

namespace mnad {

class InferenceKernels {
public:
    virtual ~InferenceKernels() = default;
    // Runs a whole block (see blocks.h) in test mode on x.
    virtual torch::Tensor runBlock(torch::nn::Sequential& block, const torch::Tensor& x) = 0;
    // What ran the convolutions so far, for reports ("oneDNN (Winograd)", …).
    virtual std::string name() const = 0;
};

// The block through the inference kernels when they are attached and no gradient is wanted; else, on the CPU, with
// its convolutions through the training kernels unless those are LibTorch (see training_kernels.h); else through
// its modules.
torch::Tensor runBlock(torch::nn::Sequential& block, const torch::Tensor& x, InferenceKernels* kernels,
                       CpuKernels training = CpuKernels::LibTorch);

// Kernels built on oneDNN: each 3×3 convolution with its BatchNorm folded in and its ReLU/Tanh fused, by
// Winograd where the CPU has an implementation (AVX-512), else directly; activations stay in oneDNN's blocked
// layout inside a block. Measured at 256²: 3×3 convolutions 1.4–2.7× faster than LibTorch's oneDNN path.
// Null when this build has no oneDNN (MNAD_WITH_DNNL off) or the model is not on the CPU.
std::shared_ptr<InferenceKernels> makeCpuInferenceKernels(bool winograd = true);

// What CPU evaluation can run its convolutions with here, for `mnad info`: "oneDNN 2.6.3, Winograd: yes", …
std::string describeCpuInferenceKernels();

} // namespace mnad
