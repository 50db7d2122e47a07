// The generated demo dataset: deterministic for a seed, counts as asked, and labels exactly where anomalies are drawn.

#include "core/demo/demo_dataset.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>

namespace mnad {
namespace {

std::vector<uint8_t> frame(const DemoDataset& d, const DemoVideo& video, int f, int size = 48)
{
    std::vector<uint8_t> bgr(static_cast<size_t>(size) * size * 3);
    d.render(video, f, size, bgr.data());
    return bgr;
}

TEST(DemoDataset, CountsFollowTheSpec)
{
    DemoSpec spec;
    spec.trainVideos = 3;
    spec.testVideos = 5;
    spec.normalTestVideos = 1;
    spec.framesPerVideo = 40;
    DemoDataset d(spec);
    EXPECT_EQ(d.training().size(), 3u);
    ASSERT_EQ(d.testing().size(), 5u);
    int normal = 0;
    for (const auto& v : d.testing()) {
        EXPECT_EQ(v.labels.size(), 40u);
        const bool anyAbnormal = std::any_of(v.labels.begin(), v.labels.end(), [](uint8_t l) { return l == 1; });
        EXPECT_EQ(anyAbnormal, v.anomaly != DemoAnomaly::None) << v.name;
        normal += v.anomaly == DemoAnomaly::None;
    }
    EXPECT_EQ(normal, 1);
    for (const auto& v : d.training())
        EXPECT_TRUE(std::all_of(v.labels.begin(), v.labels.end(), [](uint8_t l) { return l == 0; }));
    auto frames = d.frames(true, 32);
    EXPECT_EQ(frames->videoCount(), 5);
    EXPECT_EQ(frames->frameCount(0), 40);
    EXPECT_EQ(frames->frameSize(), 32);
}

TEST(DemoDataset, DeterministicForASeed)
{
    DemoSpec spec;
    spec.framesPerVideo = 30;
    DemoDataset a(spec), b(spec);
    EXPECT_EQ(frame(a, a.testing()[1], 17), frame(b, b.testing()[1], 17));
    EXPECT_EQ(a.testLabels(), b.testLabels());
    spec.seed = 8;
    DemoDataset c(spec);
    EXPECT_NE(frame(a, a.testing()[1], 17), frame(c, c.testing()[1], 17));
    EXPECT_NE(frame(a, a.testing()[1], 17), frame(a, a.testing()[1], 18)); // things move, noise changes
}

TEST(DemoDataset, LabelsAreOneExactlyWhereTheAnomalyIsDrawn)
{
    DemoSpec spec;
    spec.testVideos = 4;
    spec.normalTestVideos = 0; // one of each kind
    DemoDataset d(spec);
    std::set<DemoAnomaly> kinds;
    for (const auto& video : d.testing()) {
        kinds.insert(video.anomaly);
        DemoVideo without = video;
        without.agents.erase(std::remove_if(without.agents.begin(), without.agents.end(),
                                            [](const DemoAgent& a) { return a.anomalous; }),
                             without.agents.end());
        int abnormal = 0, labelledNotDrawn = 0;
        for (int f = 0; f < spec.framesPerVideo; ++f) {
            const bool drawn = frame(d, video, f, 64) != frame(d, without, f, 64);
            const bool labelled = video.labels[static_cast<size_t>(f)] == 1;
            // Drawn ⇒ labelled, except the walker who falls, who is normal before the fall and after getting up.
            if (video.anomaly != DemoAnomaly::Fall || video.agents.back().lyingAt(f)) {
                EXPECT_EQ(drawn && !labelled, false) << demoAnomalyName(video.anomaly) << " frame " << f;
            }
            // Labelled ⇒ drawn, but for a sliver at the frame edge too thin to cover a pixel when entering/leaving.
            labelledNotDrawn += labelled && !drawn;
            abnormal += labelled;
        }
        EXPECT_LE(labelledNotDrawn, 2) << demoAnomalyName(video.anomaly);
        EXPECT_GE(abnormal, 15) << video.name;
    }
    EXPECT_EQ(kinds.size(), 4u);
}

} // namespace
} // namespace mnad
