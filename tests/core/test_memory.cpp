// The memory on tiny hand-made tensors; every expected value is worked out with scalar arithmetic here.

#include "core/model/memory.h"

#include <gtest/gtest.h>
#include <torch/torch.h>

#include <cmath>

namespace mnad {
namespace {

// Two orthogonal items in 3-D and three unit queries:
//   q0 = e0            → nearest item 0
//   q1 = (.8, .6, 0)   → nearest item 0, but the highest similarity to item 1 of all queries (0.6)
//   q2 = (.3, .5, √.66)→ nearest item 1 (0.5 > 0.3)
// so item 1's column maximum over all queries lies at q1, a query assigned to item 0: the official and the paper's
// update normalisations differ on it.
struct Case {
    torch::Tensor items = torch::tensor({{1.f, 0.f, 0.f}, {0.f, 1.f, 0.f}});
    torch::Tensor queries = torch::tensor({{1.f, 0.f, 0.f}, {.8f, .6f, 0.f}, {.3f, .5f, float(std::sqrt(.66))}});
    // similarity s[n][m] = q_n · p_m
    double s[3][2] = {{1, 0}, {.8, .6}, {.3, .5}};
};

Memory makeMemory(const Case& c, UpdateNormalization norm = UpdateNormalization::AllQueries)
{
    Memory memory(2, 3, norm);
    memory.setItems(c.items);
    return memory;
}

TEST(Memory, ScoresAreSoftmaxOverItemsAndOverQueries)
{
    Case c;
    auto memory = makeMemory(c);
    auto s = memory.score(c.queries);
    for (int n = 0; n < 3; ++n) {
        const double rowSum = std::exp(c.s[n][0]) + std::exp(c.s[n][1]);
        for (int m = 0; m < 2; ++m) {
            const double colSum = std::exp(c.s[0][m]) + std::exp(c.s[1][m]) + std::exp(c.s[2][m]);
            EXPECT_NEAR(s.scoreMemory[n][m].item<double>(), std::exp(c.s[n][m]) / rowSum, 1e-6);
            EXPECT_NEAR(s.scoreQuery[n][m].item<double>(), std::exp(c.s[n][m]) / colSum, 1e-6);
        }
    }
    EXPECT_EQ(s.top1[0].item<int64_t>(), 0);
    EXPECT_EQ(s.top1[1].item<int64_t>(), 0);
    EXPECT_EQ(s.top1[2].item<int64_t>(), 1);
}

TEST(Memory, ReadConcatenatesQueryThenWeightedItems)
{
    Case c;
    auto memory = makeMemory(c);
    auto s = memory.score(c.queries);
    // One sample with a 1×3 query map: rows n = x.
    auto out = memory.read(s, 1, 1, 3);
    ASSERT_EQ(out.sizes(), (std::vector<int64_t>{1, 6, 1, 3}));
    for (int n = 0; n < 3; ++n) {
        const double w0 = std::exp(c.s[n][0]) / (std::exp(c.s[n][0]) + std::exp(c.s[n][1]));
        const double read[3] = {w0, 1 - w0, 0}; // w0·e0 + w1·e1
        for (int d = 0; d < 3; ++d) {
            EXPECT_NEAR(out[0][d][0][n].item<double>(), c.queries[n][d].item<double>(), 1e-6);
            EXPECT_NEAR(out[0][3 + d][0][n].item<double>(), read[d], 1e-6);
        }
    }
}

// Expected items after an update: item m moves by Σ_{n assigned to m} v[n][m] / norm_m · q_n, then unit length.
torch::Tensor expectedUpdate(const Case& c, bool paper)
{
    double v[3][2];
    for (int m = 0; m < 2; ++m) {
        const double colSum = std::exp(c.s[0][m]) + std::exp(c.s[1][m]) + std::exp(c.s[2][m]);
        for (int n = 0; n < 3; ++n)
            v[n][m] = std::exp(c.s[n][m]) / colSum;
    }
    const int assigned[3] = {0, 0, 1};
    double items[2][3] = {{1, 0, 0}, {0, 1, 0}};
    for (int m = 0; m < 2; ++m) {
        double norm = 0;
        for (int n = 0; n < 3; ++n) {
            if (!paper || assigned[n] == m)
                norm = std::max(norm, v[n][m]);
        }
        double moved[3] = {items[m][0], items[m][1], items[m][2]};
        for (int n = 0; n < 3; ++n) {
            if (assigned[n] != m)
                continue;
            for (int d = 0; d < 3; ++d)
                moved[d] += v[n][m] / norm * c.queries[n][d].item<double>();
        }
        const double length = std::sqrt(moved[0] * moved[0] + moved[1] * moved[1] + moved[2] * moved[2]);
        for (int d = 0; d < 3; ++d)
            items[m][d] = moved[d] / length;
    }
    return torch::tensor({items[0][0], items[0][1], items[0][2], items[1][0], items[1][1], items[1][2]}, torch::kDouble)
        .view({2, 3});
}

TEST(Memory, OfficialUpdateNormalisesByColumnMaxOverAllQueries)
{
    Case c;
    auto memory = makeMemory(c, UpdateNormalization::AllQueries);
    auto updated = memory.updatedItems(memory.score(c.queries));
    EXPECT_TRUE(torch::allclose(updated.to(torch::kDouble), expectedUpdate(c, false), 1e-5, 1e-6))
        << updated << expectedUpdate(c, false);
    EXPECT_TRUE(torch::equal(memory.items(), c.items)) << "updatedItems must not change the memory";
}

TEST(Memory, PaperUpdateNormalisesByMaxOverAssignedQueries)
{
    Case c;
    auto memory = makeMemory(c, UpdateNormalization::AssignedQueries);
    auto updated = memory.updatedItems(memory.score(c.queries));
    EXPECT_TRUE(torch::allclose(updated.to(torch::kDouble), expectedUpdate(c, true), 1e-5, 1e-6));
    // And the two variants really differ on this case (item 1).
    EXPECT_GT((expectedUpdate(c, true) - expectedUpdate(c, false)).abs().max().item<double>(), 1e-3);
}

TEST(Memory, ItemWithoutQueriesStaysPut)
{
    Memory memory(3, 2);
    memory.setItems(torch::tensor({{1.f, 0.f}, {0.f, 1.f}, {-1.f, 0.f}}));
    auto queries = torch::tensor({{1.f, 0.f}, {0.f, 1.f}});
    auto updated = memory.updatedItems(memory.score(queries));
    EXPECT_TRUE(torch::allclose(updated[2], torch::tensor({-1.f, 0.f})));
    EXPECT_FALSE(updated.isnan().any().item<bool>());

    Memory paper(3, 2, UpdateNormalization::AssignedQueries);
    paper.setItems(memory.items());
    EXPECT_FALSE(paper.updatedItems(paper.score(queries)).isnan().any().item<bool>());
}

TEST(Memory, LossesMatchHandComputation)
{
    Case c;
    auto memory = makeMemory(c);
    auto losses = memory.losses(memory.score(c.queries));
    // positive = nearest item, negative = second nearest (items 0/1 per query)
    const int pos[3] = {0, 0, 1}, neg[3] = {1, 1, 0};
    const double items[2][3] = {{1, 0, 0}, {0, 1, 0}};
    double mse = 0, triplet = 0;
    for (int n = 0; n < 3; ++n) {
        double dp = 0, dn = 0;
        for (int d = 0; d < 3; ++d) {
            const double q = c.queries[n][d].item<double>();
            mse += (q - items[pos[n]][d]) * (q - items[pos[n]][d]);
            dp += std::pow(q - items[pos[n]][d] + 1e-6, 2);
            dn += std::pow(q - items[neg[n]][d] + 1e-6, 2);
        }
        triplet += std::max(0.0, std::sqrt(dp) - std::sqrt(dn) + 1.0);
    }
    EXPECT_NEAR(losses.compactness.item<double>(), mse / 9, 1e-6);
    EXPECT_NEAR(losses.separateness.item<double>(), triplet / 3, 1e-6);
}

TEST(Memory, FeatureDistanceIsPerSample)
{
    Case c;
    auto memory = makeMemory(c);
    // Two samples of a 1×1 query map... use 3 queries as 3 samples of one location each.
    auto distance = memory.featureDistance(memory.score(c.queries), 3);
    ASSERT_EQ(distance.size(0), 3);
    EXPECT_NEAR(distance[0].item<double>(), 0.0, 1e-7);
    EXPECT_NEAR(distance[1].item<double>(), (0.04 + 0.36) / 3, 1e-6); // q1 − e0 = (−.2, .6, 0)
    EXPECT_NEAR(distance[2].item<double>(), (0.09 + 0.25 + 0.66) / 3, 1e-6); // q2 − e1 = (.3, −.5, √.66)
}

TEST(Memory, TestTimeUpdateOnlyBelowThreshold)
{
    Case c;
    auto memory = makeMemory(c);
    EXPECT_FALSE(memory.updateIfNormal(c.queries, 0.02, 0.01));
    EXPECT_TRUE(torch::equal(memory.items(), c.items));
    EXPECT_TRUE(memory.updateIfNormal(c.queries, 0.005, 0.01));
    EXPECT_TRUE(torch::allclose(memory.items().to(torch::kDouble), expectedUpdate(c, false), 1e-5, 1e-6));
}

TEST(Memory, ResetGivesUnitNonNegativeRowsAndIsSeeded)
{
    Memory a(10, 16), b(10, 16);
    a.reset(7);
    b.reset(7);
    EXPECT_TRUE(torch::equal(a.items(), b.items()));
    EXPECT_TRUE(torch::allclose(a.items().norm(2, 1), torch::ones({10}), 1e-5));
    EXPECT_GE(a.items().min().item<float>(), 0.f);
    b.reset(8);
    EXPECT_FALSE(torch::equal(a.items(), b.items()));
}

TEST(Memory, SetItemsRejectsWrongShape)
{
    Memory memory(4, 8);
    EXPECT_THROW(memory.setItems(torch::zeros({4, 7})), std::invalid_argument);
    EXPECT_THROW(memory.setItems(torch::zeros({4, 8}, torch::kLong)), std::invalid_argument);
}

TEST(Memory, UsageCountsTopOnePerSample)
{
    auto top1 = torch::tensor({0, 0, 2, 1, 1, 1}, torch::kLong); // 2 samples × 3 locations
    auto usage = itemUsage(top1, 2, 3);
    EXPECT_TRUE(torch::equal(usage, torch::tensor({{2, 0, 1}, {0, 3, 0}}, torch::kLong)));
}

TEST(Memory, SimilarityIsCosineBetweenItems)
{
    Case c;
    auto memory = makeMemory(c);
    EXPECT_TRUE(torch::allclose(memory.itemSimilarity(), torch::eye(2)));
}

} // namespace
} // namespace mnad
