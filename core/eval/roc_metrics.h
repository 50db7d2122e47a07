#pragma once
// Ranking metrics for frame-level anomaly detection: ROC AUC (micro and macro), ROC points, EER and average
// precision, matching scikit-learn's definitions so our numbers equal the official evaluation's.

#include <cstdint>
#include <vector>

namespace mnad {

// Conventions shared by every function here:
// - `scores`: HIGHER = MORE ANOMALOUS. MNAD's fused score is a normality score, so pass 1 − normality (AUC
//   against 1 − labels with the normality score, as Evaluate.py does, gives the same value).
// - `labels`: 1 = abnormal (the positive class), 0 = normal; any other value is an error.
// - std::invalid_argument (message names the function and the problem) when the sizes differ, the input is
//   empty, a score is NaN (±inf is allowed: it is ordered), or only one class is present.

// Area under the ROC curve, exact: a tied positive/negative pair counts 1/2 (= sklearn roc_auc_score).
// O(n log n).
double rocAuc(const std::vector<double>& scores, const std::vector<uint8_t>& labels);

// ROC points as sklearn roc_curve(drop_intermediate=False): one point per distinct score, thresholds
// descending, a frame is predicted abnormal when score >= threshold. The first point is (0, 0) with
// threshold +inf; the last is (1, 1) at the lowest score.
struct RocCurve {
    std::vector<double> fpr, tpr, thresholds;
};
RocCurve rocCurve(const std::vector<double>& scores, const std::vector<uint8_t>& labels);

// Equal error rate: where FPR = FNR = 1 − TPR on the ROC polyline, i.e. the crossing of the straight segments
// between consecutive ROC points with the line TPR = 1 − FPR (ano_pred's brentq on interp1d(fpr, tpr)
// finds the same point). The crossing is unique because the curve is monotone; on a vertical segment
// (one threshold flips several positives at once) it is that segment's FPR.
double equalErrorRate(const std::vector<double>& scores, const std::vector<uint8_t>& labels);

// Average precision as sklearn average_precision_score: Σ_n (R_n − R_{n−1}) P_n over the distinct thresholds
// taken in descending order (a step sum, no interpolation), with R_0 = 0.
double averagePrecision(const std::vector<double>& scores, const std::vector<uint8_t>& labels);

// Mean of the per-video AUCs. A video whose frames are all one class (e.g. Avenue test videos 8 and 18 with
// the first frames dropped) has no AUC: it is skipped and counted in videosSkipped, as is an empty video.
// value is NaN when no video has both classes. Throws std::invalid_argument when the number of videos differ,
// a video's score and label counts differ (the message gives the video index), or a score is NaN.
struct MacroAuc {
    double value = 0;
    int videosUsed = 0;
    int videosSkipped = 0;
};
MacroAuc macroAuc(const std::vector<std::vector<double>>& scoresPerVideo,
                  const std::vector<std::vector<uint8_t>>& labelsPerVideo);

} // namespace mnad
