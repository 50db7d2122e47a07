// slidingClips builds every window of consecutive frames at once, with exactly clipTensor's values.

#include "core/data/clip_loader.h"

#include <gtest/gtest.h>
#include <torch/torch.h>

#include <vector>

namespace mnad {
namespace {

TEST(SlidingClips, EqualClipTensorWindowByWindow)
{
    constexpr int kSize = 6, kFrames = 7;
    torch::manual_seed(2);
    const auto bytes = torch::randint(0, 256, {kFrames, kSize, kSize, 3}, torch::kUInt8);
    std::vector<const uint8_t*> frames;
    for (int i = 0; i < kFrames; ++i)
        frames.push_back(bytes[i].data_ptr<uint8_t>());
    for (const int t : {1, 5, 7}) {
        const auto batch = slidingClips(frames, t, kSize, torch::kCPU);
        ASSERT_EQ(batch.sizes(), (std::vector<int64_t>{kFrames - t + 1, 3 * t, kSize, kSize}));
        for (int w = 0; w + t <= kFrames; ++w) {
            const std::vector<const uint8_t*> window(frames.begin() + w, frames.begin() + w + t);
            EXPECT_TRUE(torch::equal(batch[w], clipTensor(window, kSize))) << "t " << t << " window " << w;
        }
    }
    EXPECT_THROW(slidingClips(frames, kFrames + 1, kSize, torch::kCPU), std::invalid_argument);
}

} // namespace
} // namespace mnad
