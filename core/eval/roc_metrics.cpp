#include "core/eval/roc_metrics.h"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <limits>
#include <numeric>
#include <stdexcept>
#include <string>

namespace mnad {

namespace {

struct ClassCounts {
    int64_t positives = 0;
    int64_t negatives = 0;
};

// Checks sizes, NaN scores and label values; counts the classes. `where` prefixes every message.
ClassCounts checkInput(const std::string& where, const std::vector<double>& scores,
                       const std::vector<uint8_t>& labels)
{
    if (scores.size() != labels.size())
        throw std::invalid_argument(where + ": " + std::to_string(scores.size()) + " scores but " +
                                    std::to_string(labels.size()) + " labels");
    ClassCounts counts;
    for (std::size_t i = 0; i < scores.size(); ++i) {
        if (std::isnan(scores[i]))
            throw std::invalid_argument(where + ": the score of frame " + std::to_string(i) + " is NaN");
        if (labels[i] > 1)
            throw std::invalid_argument(where + ": the label of frame " + std::to_string(i) + " is " +
                                        std::to_string(labels[i]) + "; labels must be 0 (normal) or 1 (abnormal)");
        (labels[i] ? counts.positives : counts.negatives) += 1;
    }
    return counts;
}

void requireBothClasses(const std::string& where, const ClassCounts& counts)
{
    if (counts.positives + counts.negatives == 0)
        throw std::invalid_argument(where + ": no scores (empty input)");
    if (counts.positives == 0)
        throw std::invalid_argument(where + ": only normal frames (label 0); the metric needs both classes");
    if (counts.negatives == 0)
        throw std::invalid_argument(where + ": only abnormal frames (label 1); the metric needs both classes");
}

// Cumulative true/false positive counts at each distinct score, highest score first (sklearn's
// _binary_clf_curve). Counts stay integers so that AUC and AP are exact up to the final division.
struct OperatingPoints {
    std::vector<double> thresholds;
    std::vector<int64_t> tp, fp;
    ClassCounts counts;
};

OperatingPoints operatingPoints(const std::string& where, const std::vector<double>& scores,
                                const std::vector<uint8_t>& labels)
{
    OperatingPoints points;
    points.counts = checkInput(where, scores, labels);
    requireBothClasses(where, points.counts);

    std::vector<std::size_t> order(scores.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return scores[a] > scores[b]; });

    int64_t tp = 0, fp = 0;
    for (std::size_t k = 0; k < order.size(); ++k) {
        (labels[order[k]] ? tp : fp) += 1;
        const bool lastOfTie = k + 1 == order.size() || scores[order[k + 1]] != scores[order[k]];
        if (lastOfTie) {
            points.thresholds.push_back(scores[order[k]]);
            points.tp.push_back(tp);
            points.fp.push_back(fp);
        }
    }
    return points;
}

} // namespace

double rocAuc(const std::vector<double>& scores, const std::vector<uint8_t>& labels)
{
    const auto points = operatingPoints("rocAuc", scores, labels);
    // Trapezoids between consecutive points, doubled so every term is an integer: a tied block contributes
    // dfp·(tp_prev + tp), i.e. its tied pairs at 1/2. Exact in double while P·N < 2^52.
    double twiceArea = 0;
    int64_t tpPrev = 0, fpPrev = 0;
    for (std::size_t k = 0; k < points.tp.size(); ++k) {
        twiceArea += static_cast<double>(points.fp[k] - fpPrev) * static_cast<double>(points.tp[k] + tpPrev);
        tpPrev = points.tp[k];
        fpPrev = points.fp[k];
    }
    return twiceArea / (2.0 * static_cast<double>(points.counts.positives) *
                        static_cast<double>(points.counts.negatives));
}

RocCurve rocCurve(const std::vector<double>& scores, const std::vector<uint8_t>& labels)
{
    const auto points = operatingPoints("rocCurve", scores, labels);
    const double p = static_cast<double>(points.counts.positives);
    const double n = static_cast<double>(points.counts.negatives);
    RocCurve curve;
    const std::size_t size = points.tp.size() + 1;
    curve.fpr.reserve(size);
    curve.tpr.reserve(size);
    curve.thresholds.reserve(size);
    curve.fpr.push_back(0.0);
    curve.tpr.push_back(0.0);
    curve.thresholds.push_back(std::numeric_limits<double>::infinity());
    for (std::size_t k = 0; k < points.tp.size(); ++k) {
        curve.fpr.push_back(static_cast<double>(points.fp[k]) / n);
        curve.tpr.push_back(static_cast<double>(points.tp[k]) / p);
        curve.thresholds.push_back(points.thresholds[k]);
    }
    return curve;
}

double equalErrorRate(const std::vector<double>& scores, const std::vector<uint8_t>& labels)
{
    const auto points = operatingPoints("equalErrorRate", scores, labels);
    const double p = static_cast<double>(points.counts.positives);
    const double n = static_cast<double>(points.counts.negatives);
    // gap = FPR − FNR rises monotonically from −1 at (0,0) to +1 at (1,1); find the segment where it
    // reaches 0 and interpolate linearly along it.
    double fprPrev = 0.0, gapPrev = -1.0;
    for (std::size_t k = 0; k < points.tp.size(); ++k) {
        const double fpr = static_cast<double>(points.fp[k]) / n;
        const double gap = fpr - (1.0 - static_cast<double>(points.tp[k]) / p);
        if (gap >= 0.0) {
            const double t = -gapPrev / (gap - gapPrev); // gapPrev < 0 <= gap, so the denominator is > 0
            return fprPrev + t * (fpr - fprPrev);
        }
        fprPrev = fpr;
        gapPrev = gap;
    }
    return 1.0; // unreachable: the last point is (1, 1), where gap = 1
}

double averagePrecision(const std::vector<double>& scores, const std::vector<uint8_t>& labels)
{
    const auto points = operatingPoints("averagePrecision", scores, labels);
    double sum = 0;
    int64_t tpPrev = 0;
    for (std::size_t k = 0; k < points.tp.size(); ++k) {
        const double precision =
            static_cast<double>(points.tp[k]) / static_cast<double>(points.tp[k] + points.fp[k]);
        sum += static_cast<double>(points.tp[k] - tpPrev) * precision;
        tpPrev = points.tp[k];
    }
    return sum / static_cast<double>(points.counts.positives);
}

MacroAuc macroAuc(const std::vector<std::vector<double>>& scoresPerVideo,
                  const std::vector<std::vector<uint8_t>>& labelsPerVideo)
{
    if (scoresPerVideo.size() != labelsPerVideo.size())
        throw std::invalid_argument("macroAuc: " + std::to_string(scoresPerVideo.size()) +
                                    " videos of scores but " + std::to_string(labelsPerVideo.size()) +
                                    " videos of labels");
    MacroAuc result;
    double sum = 0;
    for (std::size_t v = 0; v < scoresPerVideo.size(); ++v) {
        const std::string where = "macroAuc: video " + std::to_string(v);
        const auto counts = checkInput(where, scoresPerVideo[v], labelsPerVideo[v]);
        if (counts.positives == 0 || counts.negatives == 0) {
            ++result.videosSkipped;
            continue;
        }
        sum += rocAuc(scoresPerVideo[v], labelsPerVideo[v]);
        ++result.videosUsed;
    }
    result.value = result.videosUsed > 0 ? sum / result.videosUsed : std::numeric_limits<double>::quiet_NaN();
    return result;
}

} // namespace mnad
