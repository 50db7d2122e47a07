#pragma once
// Training-time convolutions through oneDNN directly. LibTorch runs a training convolution through oneDNN too, but
// only by its direct algorithm and with its own overhead on small maps, and our upsampling as a sub-pixel
// convolution; calling oneDNN ourselves lets forward, backward-data and backward-weights of the 3×3 layers use
// Winograd (AVX-512: 2.2–2.5× faster from 16×16 maps, measured at batch 4 with the reorders to and from
// channels-last), and the upsampling use oneDNN's transposed convolution (9 taps a pixel instead of the sub-pixel
// form's 16). Same sums as the modules, to float rounding; tested against conv2d / conv_transpose2d.

#include "core/model/cpu_kernels.h"

#include <torch/nn/modules/container/sequential.h>
#include <torch/types.h>

namespace mnad {

// conv2d(x, weight, bias, stride 1, padding 1) for a 3×3 weight, differentiable in x, weight and bias, computed by
// oneDNN: by Winograd where `kernels` is Winograd and the layer suits it, else directly. Float32 CPU tensors; the
// output is channels-last. torch::conv2d where this build has no oneDNN, kernels is LibTorch or x is not a
// float32 CPU tensor.
torch::Tensor trainingConv3x3(const torch::Tensor& x, const torch::Tensor& weight, const torch::Tensor& bias,
                              CpuKernels kernels);

// conv_transpose2d(x, weight, bias, stride 2, padding 1, output padding 1) for an in × out × 3 × 3 weight (the
// decoder's upsampling), by oneDNN's transposed convolution where trainingConv3x3 would use oneDNN, else by
// subpixelTransposedConv.
torch::Tensor trainingUpsample3x3(const torch::Tensor& x, const torch::Tensor& weight, const torch::Tensor& bias,
                                  CpuKernels kernels);

// Whether the two can use oneDNN in this build (MNAD_WITH_DNNL).
bool haveTrainingKernels();

// Frees the primitives made for the shapes trained so far, and with them oneDNN's scratch memory (Winograd's is
// ~100 MiB at 64², full width): for when training is over. Safe while a step runs; the next step makes them anew.
void releaseTrainingKernels();

// Runs a block (see blocks.h) module by module, its same-size 3×3 convolutions through trainingConv3x3 and its
// upsampling through trainingUpsample3x3. LibTorch: the block's forward, with the upsampling's transposed
// convolution the sub-pixel way (upsampleForward).
torch::Tensor runTrainingBlock(torch::nn::Sequential& block, const torch::Tensor& x, CpuKernels kernels);

} // namespace mnad
