#pragma once
// The decoder's transposed convolutions (3×3, stride 2, padding 1, output padding 1) computed as an ordinary 2×2
// convolution with four outputs per pixel followed by a pixel shuffle. Same sums, same values (to float rounding),
// but it runs through the fast convolution kernels (oneDNN, cuDNN) instead of LibTorch's transposed-convolution
// path, which on CPU is an im2col + GEMM four to five times slower (measured at 256²: 76–103 ms a layer against
// 18–26 ms). Gradients flow to the original weight, so training uses it too.

#include <torch/nn/modules/container/sequential.h>
#include <torch/types.h>

namespace mnad {

// The 2×2 weight (4·Cout × Cin × 2 × 2) equivalent to a transposed-convolution weight (Cin × Cout × 3 × 3):
// output channel 4·c + 2·a + b makes output pixel (2i + a, 2j + b) of channel c from input rows i, i+1 and
// columns j, j+1.
torch::Tensor subpixelWeight(const torch::Tensor& transposedWeight);

// conv_transpose2d(x, weight, bias, stride 2, padding 1, output padding 1), computed the sub-pixel way.
torch::Tensor subpixelTransposedConv(const torch::Tensor& x, const torch::Tensor& transposedWeight,
                                     const torch::Tensor& bias);

// Runs an upsampling block (ConvTranspose2d → BatchNorm2d → ReLU, see blocks::upsample) with its transposed
// convolution computed the sub-pixel way.
torch::Tensor upsampleForward(torch::nn::Sequential& block, const torch::Tensor& x);

} // namespace mnad
