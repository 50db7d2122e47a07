// ROC AUC, ROC points, EER, average precision and macro AUC: hand-worked cases, a brute-force pair count, and
// scikit-learn's values on random data (needs /usr/bin/python3 with sklearn: Debian's python3-sklearn).

#include "core/eval/roc_metrics.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <limits>
#include <random>
#include <sstream>
#include <stdexcept>
#include <string>
#include <sys/wait.h> // WEXITSTATUS of popen's status
#include <vector>

namespace mnad {
namespace {

using Scores = std::vector<double>;
using Labels = std::vector<uint8_t>;

void expectRelNear(double actual, double expected, double rel, const std::string& what)
{
    EXPECT_LE(std::fabs(actual - expected), rel * std::max(std::fabs(actual), std::fabs(expected)))
        << what << ": ours " << actual << ", reference " << expected;
}

std::string invalidArgumentMessage(const Scores& scores, const Labels& labels)
{
    try {
        rocAuc(scores, labels);
    } catch (const std::invalid_argument& e) {
        return e.what();
    }
    return "(no exception)";
}

// Example of the brief. Sorted by score: 0.8(+) 0.4(−) 0.35(+) 0.1(−).
// AUC: of the 4 (pos, neg) pairs only (0.35, 0.4) is ranked wrong → 3/4.
// ROC: (0,0) → (0,.5) → (.5,.5) → (.5,1) → (1,1).
// AP: 0.8 adds recall .5 at precision 1; 0.35 adds recall .5 at precision 2/3 → 1/2 + 1/3 = 5/6.
// EER: FPR − FNR is −1, −.5, then 0 at (.5,.5) → 0.5.
const Scores kExampleScores{0.1, 0.4, 0.35, 0.8};
const Labels kExampleLabels{0, 0, 1, 1};

TEST(RocMetrics, HandWorkedExample)
{
    EXPECT_DOUBLE_EQ(rocAuc(kExampleScores, kExampleLabels), 0.75);
    EXPECT_DOUBLE_EQ(averagePrecision(kExampleScores, kExampleLabels), 5.0 / 6.0);
    EXPECT_DOUBLE_EQ(equalErrorRate(kExampleScores, kExampleLabels), 0.5);

    const auto curve = rocCurve(kExampleScores, kExampleLabels);
    EXPECT_EQ(curve.fpr, (Scores{0, 0, 0.5, 0.5, 1}));
    EXPECT_EQ(curve.tpr, (Scores{0, 0.5, 0.5, 1, 1}));
    ASSERT_EQ(curve.thresholds.size(), 5u);
    EXPECT_TRUE(std::isinf(curve.thresholds[0]) && curve.thresholds[0] > 0);
    EXPECT_EQ(Scores(curve.thresholds.begin() + 1, curve.thresholds.end()), (Scores{0.8, 0.4, 0.35, 0.1}));
}

TEST(RocMetrics, TiesCountHalf)
{
    // Positives 0.9, 0.5; negatives 0.5, 0.2. Pairs: 0.9 beats both (2), 0.5 vs 0.5 tie (1/2), 0.5 > 0.2 (1)
    // → 3.5/4. ROC: (0,0) → (0,.5) → (.5,1) → (1,1).
    // AP: 0.9 adds recall .5 at precision 1; the tie adds .5 at precision 2/3 → 5/6.
    // EER: on the segment (0,.5)–(.5,1), TPR = .5 + FPR meets TPR = 1 − FPR at FPR = .25.
    const Scores s{0.5, 0.5, 0.2, 0.9};
    const Labels y{1, 0, 0, 1};
    EXPECT_DOUBLE_EQ(rocAuc(s, y), 0.875);
    EXPECT_DOUBLE_EQ(averagePrecision(s, y), 5.0 / 6.0);
    EXPECT_DOUBLE_EQ(equalErrorRate(s, y), 0.25);
    EXPECT_EQ(rocCurve(s, y).fpr, (Scores{0, 0, 0.5, 1}));
    EXPECT_EQ(rocCurve(s, y).tpr, (Scores{0, 0.5, 1, 1}));
}

TEST(RocMetrics, AllScoresTied)
{
    // One threshold: ROC is the diagonal, AUC 1/2, EER 1/2, AP = prevalence (2 of 5).
    const Scores s(5, 0.3);
    const Labels y{1, 0, 0, 1, 0};
    EXPECT_DOUBLE_EQ(rocAuc(s, y), 0.5);
    EXPECT_DOUBLE_EQ(equalErrorRate(s, y), 0.5);
    EXPECT_DOUBLE_EQ(averagePrecision(s, y), 0.4);
    EXPECT_EQ(rocCurve(s, y).fpr.size(), 2u);
}

TEST(RocMetrics, PerfectAndInvertedRankings)
{
    const Scores s{0.1, 0.2, 0.8, 0.9};
    EXPECT_DOUBLE_EQ(rocAuc(s, {0, 0, 1, 1}), 1.0);
    EXPECT_DOUBLE_EQ(averagePrecision(s, {0, 0, 1, 1}), 1.0);
    EXPECT_DOUBLE_EQ(equalErrorRate(s, {0, 0, 1, 1}), 0.0);
    // Inverted: 0.9(−) 0.8(−) 0.2(+) 0.1(+). AP: recall .5 at precision 1/3, then .5 at 2/4 → 1/6 + 1/4 = 5/12.
    // ROC (0,0) → (.5,0) → (1,0) → (1,.5) → (1,1): FPR − FNR reaches 0 at (1,0) → EER 1.
    EXPECT_DOUBLE_EQ(rocAuc(s, {1, 1, 0, 0}), 0.0);
    EXPECT_DOUBLE_EQ(averagePrecision(s, {1, 1, 0, 0}), 5.0 / 12.0);
    EXPECT_DOUBLE_EQ(equalErrorRate(s, {1, 1, 0, 0}), 1.0);
}

TEST(RocMetrics, EerOnAVerticalSegment)
{
    // 0.9(−), then two tied positives at 0.8: the ROC jumps (.5,0) → (.5,2/3) across TPR = 1 − FPR → EER .5.
    EXPECT_DOUBLE_EQ(equalErrorRate({0.9, 0.8, 0.8, 0.3, 0.1}, {0, 1, 1, 1, 0}), 0.5);
}

TEST(RocMetrics, InfiniteScoresAreOrdered)
{
    const double inf = std::numeric_limits<double>::infinity();
    EXPECT_DOUBLE_EQ(rocAuc({-inf, inf, 0.0}, {0, 1, 0}), 1.0);
}

TEST(RocMetrics, NormalityAgainstInvertedLabelsGivesTheSameAuc)
{
    // Evaluate.py scores normality against 1 − labels; that equals anomaly = −normality against labels.
    const Scores normality{0.9, 0.2, 0.55, 0.55, 0.7, 0.1};
    const Labels abnormal{0, 1, 0, 1, 0, 1};
    Scores anomaly;
    Labels normal;
    for (std::size_t i = 0; i < normality.size(); ++i) {
        anomaly.push_back(1.0 - normality[i]);
        normal.push_back(static_cast<uint8_t>(1 - abnormal[i]));
    }
    EXPECT_DOUBLE_EQ(rocAuc(anomaly, abnormal), rocAuc(normality, normal));
}

TEST(RocMetrics, MatchesBruteForcePairCount)
{
    std::mt19937 rng(7);
    for (int round = 0; round < 20; ++round) {
        const std::size_t n = 2 + rng() % 60;
        Scores s(n);
        Labels y(n);
        for (std::size_t i = 0; i < n; ++i) {
            s[i] = static_cast<double>(rng() % 8); // coarse: many ties
            y[i] = static_cast<uint8_t>(i < 2 ? i : rng() % 2);
        }
        double wins = 0, pairs = 0;
        for (std::size_t i = 0; i < n; ++i)
            for (std::size_t j = 0; j < n; ++j)
                if (y[i] == 1 && y[j] == 0) {
                    wins += s[i] > s[j] ? 1.0 : s[i] == s[j] ? 0.5 : 0.0;
                    pairs += 1;
                }
        EXPECT_DOUBLE_EQ(rocAuc(s, y), wins / pairs) << "round " << round;
    }
}

TEST(RocMetrics, BadInputIsRejectedWithAReason)
{
    EXPECT_NE(invalidArgumentMessage({0.1, 0.2}, {1}).find("2 scores but 1 labels"), std::string::npos);
    EXPECT_NE(invalidArgumentMessage({}, {}).find("empty"), std::string::npos);
    EXPECT_NE(invalidArgumentMessage({0.1, 0.2}, {0, 0}).find("only normal"), std::string::npos);
    EXPECT_NE(invalidArgumentMessage({0.1, 0.2}, {1, 1}).find("only abnormal"), std::string::npos);
    EXPECT_NE(invalidArgumentMessage({0.1, std::nan("")}, {0, 1}).find("frame 1 is NaN"), std::string::npos);
    EXPECT_NE(invalidArgumentMessage({0.1, 0.2}, {0, 2}).find("must be 0"), std::string::npos);
    EXPECT_THROW(rocCurve({0.1}, {1}), std::invalid_argument);
    EXPECT_THROW(equalErrorRate({0.1, 0.2}, {0, 0}), std::invalid_argument);
    EXPECT_THROW(averagePrecision({}, {}), std::invalid_argument);
}

TEST(RocMetrics, MacroAucSkipsSingleClassVideos)
{
    // Example (0.75) and a perfect video (1.0) count; an all-abnormal and an empty video are skipped.
    const auto macro =
        macroAuc({kExampleScores, {0.1, 0.9}, {0.3, 0.4}, {}}, {kExampleLabels, {0, 1}, {1, 1}, {}});
    EXPECT_DOUBLE_EQ(macro.value, 0.875);
    EXPECT_EQ(macro.videosUsed, 2);
    EXPECT_EQ(macro.videosSkipped, 2);

    const auto none = macroAuc({{0.3, 0.4}}, {{0, 0}});
    EXPECT_TRUE(std::isnan(none.value));
    EXPECT_EQ(none.videosUsed, 0);
    EXPECT_EQ(none.videosSkipped, 1);
}

TEST(RocMetrics, MacroAucRejectsMismatchedVideos)
{
    EXPECT_THROW(macroAuc({{0.1}}, {}), std::invalid_argument);
    try {
        macroAuc({{0.1, 0.2}, {0.1, 0.2}}, {{0, 1}, {0}});
        FAIL() << "no exception";
    } catch (const std::invalid_argument& e) {
        EXPECT_NE(std::string(e.what()).find("video 1"), std::string::npos) << e.what();
    }
}

// ---- scikit-learn reference ----


constexpr const char* kPython = "/usr/bin/python3";

// One interpreter run for all data sets (starting sklearn takes about a second). roc_curve's first threshold is
// max+1 before sklearn 1.3 and inf after, so thresholds are compared from the second point. The EER is
// ano_pred's: brentq on interp1d(fpr, tpr). No single quotes: the script goes inside '...'.
constexpr const char* kReferenceScript = R"(
import sys
try:
    import numpy as np
    from scipy.interpolate import interp1d
    from scipy.optimize import brentq
    from sklearn.metrics import roc_auc_score, average_precision_score, roc_curve
except ImportError as e:
    print("MISSING_DEPENDENCY:", e)
    sys.exit(3)
for path in sys.argv[1:]:
    d = np.loadtxt(path, ndmin=2)
    s, y = d[:, 0], d[:, 1].astype(int)
    fpr, tpr, thr = roc_curve(y, s, drop_intermediate=False)
    eer = brentq(lambda x: 1.0 - x - interp1d(fpr, tpr)(x), 0.0, 1.0, xtol=1e-15)
    print("%.17g %.17g %.17g %d" % (roc_auc_score(y, s), average_precision_score(y, s), eer, len(fpr)))
    for a, b, c in zip(fpr, tpr, thr):
        print("%.17g %.17g %.17g" % (a, b, c))
)";

// Runs a shell command; returns its exit status and puts stdout+stderr in `output`.
int runCommand(const std::string& command, std::string& output)
{
    FILE* pipe = popen((command + " 2>&1").c_str(), "r");
    if (!pipe)
        return -1;
    char buffer[4096];
    output.clear();
    for (std::size_t got; (got = std::fread(buffer, 1, sizeof buffer, pipe)) > 0;)
        output.append(buffer, got);
    return pclose(pipe);
}

struct DataSet {
    std::string name;
    Scores scores;
    Labels labels;
};

struct SklearnReference {
    double auc = 0, ap = 0, eer = 0;
    RocCurve curve;
};

void readReference(std::istream& in, SklearnReference& ref)
{
    std::size_t points = 0;
    ASSERT_TRUE(in >> ref.auc >> ref.ap >> ref.eer >> points);
    ref.curve.fpr.resize(points);
    ref.curve.tpr.resize(points);
    ref.curve.thresholds.resize(points);
    for (std::size_t k = 0; k < points; ++k) {
        std::string threshold; // may be "inf", which operator>> does not parse
        ASSERT_TRUE(in >> ref.curve.fpr[k] >> ref.curve.tpr[k] >> threshold);
        ref.curve.thresholds[k] = std::stod(threshold);
    }
}

// Fails the test (not skips: sklearn is a declared test dependency) when the interpreter lacks sklearn.
void sklearnReferences(const std::vector<DataSet>& sets, std::vector<SklearnReference>& refs)
{
    std::string paths;
    for (const auto& set : sets) {
        const std::string path = ::testing::TempDir() + "mnad_roc_reference_" + set.name + ".txt";
        std::ofstream file(path);
        file.precision(17);
        for (std::size_t i = 0; i < set.scores.size(); ++i)
            file << set.scores[i] << ' ' << int(set.labels[i]) << '\n';
        ASSERT_TRUE(file.good()) << "cannot write " << path;
        paths += ' ' + path;
    }
    ASSERT_EQ(std::string(kReferenceScript).find('\''), std::string::npos);
    std::string output;
    const int status = runCommand(std::string(kPython) + " -c '" + kReferenceScript + "'" + paths, output);
    for (const auto& set : sets)
        std::remove((::testing::TempDir() + "mnad_roc_reference_" + set.name + ".txt").c_str());
    const bool missing = output.find("MISSING_DEPENDENCY") != std::string::npos ||
                         (WIFEXITED(status) && WEXITSTATUS(status) == 127); // 127: no interpreter
    ASSERT_FALSE(missing) << kPython << " cannot import scikit-learn (with numpy and scipy): run "
                          << "tools/install-deps.sh (Debian package python3-sklearn).\n" << output;
    ASSERT_EQ(status, 0) << "the sklearn reference script failed:\n" << output;

    std::istringstream in(output);
    refs.resize(sets.size());
    for (auto& ref : refs) {
        readReference(in, ref);
        ASSERT_FALSE(::testing::Test::HasFatalFailure()) << "cannot parse the reference output:\n" << output;
    }
}

// `levels` distinct score values (rounding makes ties); abnormal frames score higher on average.
DataSet randomData(const std::string& name, unsigned seed, std::size_t n, double levels, double abnormalRate)
{
    std::mt19937 rng(seed);
    DataSet set{name, Scores(n), Labels(n)};
    for (std::size_t i = 0; i < n; ++i) {
        set.labels[i] = static_cast<uint8_t>(i < 2 ? i : (rng() % 10000) < abnormalRate * 10000);
        const double u = (rng() % 1000000) / 1000000.0 + 0.35 * set.labels[i];
        set.scores[i] = std::round(u * levels) / levels;
    }
    return set;
}

void compareWithSklearn(const DataSet& set, const SklearnReference& ref)
{
    constexpr double kRel = 1e-12;
    const auto& [name, s, y] = set;
    expectRelNear(rocAuc(s, y), ref.auc, kRel, name + " AUC");
    expectRelNear(averagePrecision(s, y), ref.ap, kRel, name + " AP");
    EXPECT_NEAR(equalErrorRate(s, y), ref.eer, 1e-9) << name << " EER (brentq tolerance)";

    const auto curve = rocCurve(s, y);
    ASSERT_EQ(curve.fpr.size(), ref.curve.fpr.size()) << name;
    EXPECT_TRUE(std::isinf(curve.thresholds[0]));
    for (std::size_t k = 0; k < curve.fpr.size(); ++k) {
        expectRelNear(curve.fpr[k], ref.curve.fpr[k], kRel, name + " fpr[" + std::to_string(k) + "]");
        expectRelNear(curve.tpr[k], ref.curve.tpr[k], kRel, name + " tpr[" + std::to_string(k) + "]");
        if (k > 0) {
            EXPECT_EQ(curve.thresholds[k], ref.curve.thresholds[k]) << name << " threshold " << k;
        }
    }
}

TEST(RocMetrics, MatchesSklearnOnRandomData)
{
    const std::vector<DataSet> sets{
        randomData("two_decimals", 1, 400, 100, 0.35),   // ties
        randomData("one_decimal", 2, 300, 10, 0.5),      // heavy ties
        randomData("continuous", 3, 257, 1e6, 0.3),      // nearly no ties
        randomData("rare_positives", 4, 500, 100, 0.02), // as in most test videos
    };
    std::vector<SklearnReference> refs;
    sklearnReferences(sets, refs);
    if (HasFatalFailure())
        return;
    for (std::size_t i = 0; i < sets.size(); ++i)
        compareWithSklearn(sets[i], refs[i]);
}

} // namespace
} // namespace mnad
