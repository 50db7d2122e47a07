// Per-video min-max normalisation and the PSNR/feature-distance fusion, offline and causal, against values
// worked out by hand.

#include "core/eval/score_normalization.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <stdexcept>
#include <vector>

namespace mnad {
namespace {

void expectAllNear(const std::vector<double>& actual, const std::vector<double>& expected)
{
    ASSERT_EQ(actual.size(), expected.size());
    for (std::size_t i = 0; i < actual.size(); ++i)
        EXPECT_NEAR(actual[i], expected[i], 1e-12) << "frame " << i;
}

TEST(ScoreNormalization, MinMaxScalesToUnitRange)
{
    // min 2, max 6: (x − 2) / 4.
    expectAllNear(minMaxNormalize({2, 4, 3, 6}), {0, 0.5, 0.25, 1});
    expectAllNear(minMaxNormalize({-1, 1}), {0, 1});
}

TEST(ScoreNormalization, MinMaxOfConstantOrTinyInputIsZero)
{
    // The official code divides by zero here (NaN); we return 0.
    expectAllNear(minMaxNormalize({5, 5, 5}), {0, 0, 0});
    expectAllNear(minMaxNormalize({7}), {0});
    EXPECT_TRUE(minMaxNormalize({}).empty());
}

TEST(ScoreNormalization, NonFiniteValuesAreErrors)
{
    const double inf = std::numeric_limits<double>::infinity();
    EXPECT_THROW(minMaxNormalize({1, inf, 2}), std::invalid_argument);
    EXPECT_THROW(minMaxNormalize({1, std::nan(""), 2}), std::invalid_argument);
    EXPECT_THROW(causalMinMaxNormalize({1, inf}), std::invalid_argument);
    try {
        minMaxNormalize({1, 2, inf});
        FAIL() << "no exception";
    } catch (const std::invalid_argument& e) {
        EXPECT_NE(std::string(e.what()).find("frame 2"), std::string::npos) << e.what();
    }
}

TEST(ScoreNormalization, NormalityScoreFusesAsEvaluatePy)
{
    // psnr_n = {0, .5, 1}; fd: min .1, max .4 → fd_n = {1/3, 0, 1}.
    // 0.6·psnr_n + 0.4·(1 − fd_n) = {0.4·2/3, 0.3 + 0.4, 0.6}.
    expectAllNear(normalityScore({30, 32, 34}, {0.2, 0.1, 0.4}, 0.6), {0.4 * 2.0 / 3.0, 0.7, 0.6});
    // alpha 1 is PSNR alone, alpha 0 is 1 − fd_n alone.
    expectAllNear(normalityScore({30, 32, 34}, {0.2, 0.1, 0.4}, 1.0), {0, 0.5, 1});
    expectAllNear(normalityScore({30, 32, 34}, {0.2, 0.1, 0.4}, 0.0), {2.0 / 3.0, 1, 0});
}

TEST(ScoreNormalization, NormalityScoreWithConstantPsnrUsesFeatureDistanceOnly)
{
    // psnr_n = 0 everywhere; fd_n = {0, .5, 1} → 0.3·(1 − fd_n).
    expectAllNear(normalityScore({30, 30, 30}, {1, 2, 3}, 0.7), {0.3, 0.15, 0});
}

TEST(ScoreNormalization, FusionRejectsBadInput)
{
    EXPECT_THROW(normalityScore({1, 2}, {1}, 0.6), std::invalid_argument);
    EXPECT_THROW(normalityScore({1, 2}, {1, 2}, 1.5), std::invalid_argument);
    EXPECT_THROW(normalityScore({1, 2}, {1, 2}, -0.1), std::invalid_argument);
    EXPECT_THROW(normalityScore({1, 2}, {1, 2}, std::nan("")), std::invalid_argument);
    EXPECT_THROW(causalNormalityScore({1, 2}, {1}, 0.6), std::invalid_argument);
    EXPECT_TRUE(normalityScore({}, {}, 0.6).empty());
}

TEST(ScoreNormalization, CausalMinMaxUsesOnlyPastFrames)
{
    // t0: 0 (first frame); t1: [1,3] → 0; t2: [1,3] → .5; t3: [1,5] → 1; t4: [1,5] → .75; t5: [0,5] → 0.
    expectAllNear(causalMinMaxNormalize({3, 1, 2, 5, 4, 0}), {0, 0, 0.5, 1, 0.75, 0});
    // Constant prefix gives 0 until the range opens: t3: [2,4] → 1; t4: [2,4] → .5.
    expectAllNear(causalMinMaxNormalize({2, 2, 2, 4, 3}), {0, 0, 0, 1, 0.5});
    expectAllNear(causalMinMaxNormalize({5, 5}), {0, 0});
    EXPECT_TRUE(causalMinMaxNormalize({}).empty());
}

TEST(ScoreNormalization, CausalValuesDoNotChangeWhenFramesArrive)
{
    const std::vector<double> x{0.3, 0.9, 0.1, 0.5, 0.7, 1.2, 0.4};
    const auto full = causalMinMaxNormalize(x);
    for (std::size_t n = 1; n <= x.size(); ++n) {
        const auto prefix = causalMinMaxNormalize(std::vector<double>(x.begin(), x.begin() + n));
        expectAllNear(prefix, std::vector<double>(full.begin(), full.begin() + n));
    }
    // At the last frame the causal range is the whole video's, so it agrees with the offline form.
    EXPECT_NEAR(full.back(), minMaxNormalize(x).back(), 1e-15);
}

TEST(ScoreNormalization, CausalNormalityScore)
{
    // psnr causal: {0, 1, .5}; fd causal: t0 0, t1 [.3,.5] → 0, t2 [.3,.5] → .5.
    // 0.6·psnr_c + 0.4·(1 − fd_c) = {0.4, 1.0, 0.5}; frame 0 is always 1 − alpha.
    expectAllNear(causalNormalityScore({30, 32, 31}, {0.5, 0.3, 0.4}, 0.6), {0.4, 1.0, 0.5});
}

} // namespace
} // namespace mnad
