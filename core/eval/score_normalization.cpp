#include "core/eval/score_normalization.h"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <stdexcept>
#include <string>

namespace mnad {

namespace {

void requireFinite(const char* where, const std::vector<double>& values)
{
    for (std::size_t i = 0; i < values.size(); ++i)
        if (!std::isfinite(values[i]))
            throw std::invalid_argument(std::string(where) + ": the value of frame " + std::to_string(i) +
                                        " is not finite (" + std::to_string(values[i]) + ")");
}

// (x − lo) / (hi − lo), or 0 when the range is empty, which is what both forms do for a constant stretch.
double scaled(double x, double lo, double hi)
{
    return hi > lo ? (x - lo) / (hi - lo) : 0.0;
}

void checkFusionInput(const char* where, const std::vector<double>& psnr,
                      const std::vector<double>& featureDistance, double alpha)
{
    if (psnr.size() != featureDistance.size())
        throw std::invalid_argument(std::string(where) + ": " + std::to_string(psnr.size()) + " PSNR values but " +
                                    std::to_string(featureDistance.size()) + " feature distances");
    if (!(alpha >= 0.0 && alpha <= 1.0)) // also rejects NaN
        throw std::invalid_argument(std::string(where) + ": alpha " + std::to_string(alpha) +
                                    " is outside [0, 1]");
}

// alpha·p + (1 − alpha)·(1 − f) per frame, on already normalised inputs.
std::vector<double> fuse(const std::vector<double>& psnrNorm, const std::vector<double>& fdNorm, double alpha)
{
    std::vector<double> score(psnrNorm.size());
    for (std::size_t i = 0; i < score.size(); ++i)
        score[i] = alpha * psnrNorm[i] + (1.0 - alpha) * (1.0 - fdNorm[i]);
    return score;
}

} // namespace

std::vector<double> minMaxNormalize(const std::vector<double>& values)
{
    requireFinite("minMaxNormalize", values);
    if (values.empty())
        return {};
    const auto [lo, hi] = std::minmax_element(values.begin(), values.end());
    std::vector<double> out(values.size());
    for (std::size_t i = 0; i < values.size(); ++i)
        out[i] = scaled(values[i], *lo, *hi);
    return out;
}

std::vector<double> normalityScore(const std::vector<double>& psnr, const std::vector<double>& featureDistance,
                                   double alpha)
{
    checkFusionInput("normalityScore", psnr, featureDistance, alpha);
    return fuse(minMaxNormalize(psnr), minMaxNormalize(featureDistance), alpha);
}

std::vector<double> causalMinMaxNormalize(const std::vector<double>& values)
{
    requireFinite("causalMinMaxNormalize", values);
    std::vector<double> out(values.size());
    double lo = 0.0, hi = 0.0;
    for (std::size_t i = 0; i < values.size(); ++i) {
        lo = i == 0 ? values[i] : std::min(lo, values[i]);
        hi = i == 0 ? values[i] : std::max(hi, values[i]);
        out[i] = scaled(values[i], lo, hi);
    }
    return out;
}

std::vector<double> causalNormalityScore(const std::vector<double>& psnr,
                                         const std::vector<double>& featureDistance, double alpha)
{
    checkFusionInput("causalNormalityScore", psnr, featureDistance, alpha);
    return fuse(causalMinMaxNormalize(psnr), causalMinMaxNormalize(featureDistance), alpha);
}

} // namespace mnad
