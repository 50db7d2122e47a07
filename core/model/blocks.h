#pragma once
// The official model's building blocks (spec §1.1). Each is an nn::Sequential so that the children are named
// "0", "1", … exactly as in the official state dict (e.g. encoder.moduleConv1.3.weight).

#include <torch/nn/modules/container/sequential.h>

namespace mnad::blocks {

// Basic: conv3x3 → BN → ReLU → conv3x3 → BN → ReLU.
torch::nn::Sequential basic(int in, int out);

// Basic_: conv3x3 → BN → ReLU → conv3x3, ending on the raw convolution (last encoder stage).
torch::nn::Sequential basicOpen(int in, int out);

// Upsample: ConvTranspose 3x3, stride 2, padding 1, output padding 1 (doubles H and W) → BN → ReLU.
torch::nn::Sequential upsample(int in, int out);

// Gen: conv3x3 → BN → ReLU → conv3x3 → BN → ReLU → conv3x3 → Tanh.
torch::nn::Sequential generator(int in, int out, int hidden);

} // namespace mnad::blocks
