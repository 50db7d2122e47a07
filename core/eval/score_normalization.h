#pragma once
// Per-video score normalisation and MNAD's PSNR/feature-distance fusion (spec §2.2): the official offline form,
// which uses each video's own extremes, and a causal form for live scoring that only looks at past frames.

#include <vector>

namespace mnad {

// All functions here throw std::invalid_argument on a non-finite value (a PSNR of +inf from an exact
// prediction would otherwise turn a whole video into NaN); the message gives the frame index.

// (x − min) / (max − min) over the whole vector (utils.py anomaly_score_list). Deviation from the official
// code: a constant vector (max = min) gives all 0 where the official code divides by zero and yields NaN.
// Empty in, empty out.
std::vector<double> minMaxNormalize(const std::vector<double>& values);

// The official fusion on one video: alpha·norm(psnr) + (1 − alpha)·(1 − norm(fd)) with minMaxNormalize.
// A NORMALITY score (high = normal); pass 1 − score to rocAuc. alpha must be in [0, 1] (0.6 for prediction,
// 0.7 for reconstruction); psnr and featureDistance must have the same length.
std::vector<double> normalityScore(const std::vector<double>& psnr, const std::vector<double>& featureDistance,
                                   double alpha);

// Causal min-max: frame t is normalised by the min and max of frames 0..t only, so a live score never changes
// once shown. The first frame, and every frame while the prefix is constant, gives 0. Values stay in [0, 1].
std::vector<double> causalMinMaxNormalize(const std::vector<double>& values);

// normalityScore with causalMinMaxNormalize. Frame 0 (and a constant prefix) therefore scores 1 − alpha.
std::vector<double> causalNormalityScore(const std::vector<double>& psnr,
                                         const std::vector<double>& featureDistance, double alpha);

} // namespace mnad
