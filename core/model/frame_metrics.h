#pragma once
// Per-frame evaluation quantities of the official protocol (spec §2.1), computed per sample of a batch.
// Images are in [-1, 1]; the metrics are taken on [0, 1] images as Evaluate.py does.

#include <torch/types.h>

namespace mnad {

// Mean squared error per sample on [0,1] images (B, float64).
torch::Tensor frameMse(const torch::Tensor& output, const torch::Tensor& target);

// PSNR = 10·log10(1 / MSE) per sample, with the peak taken as 1 (B, float64).
torch::Tensor framePsnr(const torch::Tensor& output, const torch::Tensor& target);

// Weighted regular score of utils.py:point_score per sample: with e the per-element squared error on [0,1]
// images and w = 1 − exp(−e), Σ(w·e) / Σw (B, float64). Gates the test-time memory update.
torch::Tensor framePointScore(const torch::Tensor& output, const torch::Tensor& target);

// Per-pixel squared error on [0,1] images, averaged over channels (B×H×W): the error heatmap.
torch::Tensor errorMap(const torch::Tensor& output, const torch::Tensor& target);

} // namespace mnad
