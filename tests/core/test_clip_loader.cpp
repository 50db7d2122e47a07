// Clip windows and the loader: official window counts, exact preprocessing, seeded order, decoding errors.

#include "core/data/clip_loader.h"
#include "core/data/data_error.h"
#include "core/data/dataset_layout.h"
#include "core/io/disk_frame_provider.h"
#include "tests/core/temp_dir.h"

#include <gtest/gtest.h>
#include <opencv2/imgcodecs.hpp>
#include <torch/torch.h>

#include <set>

namespace mnad {
namespace {
namespace fs = std::filesystem;

// Frame f of video v is filled with the value 10·v + f (all channels), so clips can be recognised.
class CountingFrames : public FrameProvider {
public:
    explicit CountingFrames(std::vector<int64_t> counts, int size = 4) : counts_(std::move(counts)), size_(size) {}
    int64_t videoCount() const override { return static_cast<int64_t>(counts_.size()); }
    std::string videoName(int64_t v) const override { return std::to_string(v); }
    int64_t frameCount(int64_t v) const override { return counts_[v]; }
    int frameSize() const override { return size_; }
    void readFrame(int64_t v, int64_t f, uint8_t* bgr) const override
    {
        ++reads;
        std::fill(bgr, bgr + size_ * size_ * 3, static_cast<uint8_t>(10 * v + f));
    }
    mutable std::atomic<int> reads{0};

private:
    std::vector<int64_t> counts_;
    int size_;
};

TEST(ClipLoader, OfficialWindowCounts)
{
    CountingFrames frames({12, 7});
    EXPECT_EQ(clipWindows(frames, 5).size(), 8u + 3u); // prediction: len − 4 per video
    EXPECT_EQ(clipWindows(frames, 1).size(), 19u);     // reconstruction: every frame
}

TEST(ClipLoader, ClipsStackFramesOldestFirstScaledToMinusOneOne)
{
    auto frames = std::make_shared<CountingFrames>(std::vector<int64_t>{6});
    ClipLoader loader(frames, {5, 2, false, false, 0, 1, 2});
    loader.startEpoch(0);
    auto batch = loader.next();
    ASSERT_TRUE(batch);
    ASSERT_EQ(batch->clips.sizes(), (std::vector<int64_t>{2, 15, 4, 4}));
    for (int t = 0; t < 5; ++t) {
        // Window 1 starts at frame 1: channels 3t..3t+2 hold frame 1 + t.
        const float expected = static_cast<float>((1 + t) / 127.5 - 1.0);
        EXPECT_FLOAT_EQ(batch->clips[1][3 * t][0][0].item<float>(), expected);
        EXPECT_FLOAT_EQ(batch->clips[1][3 * t + 2][3][3].item<float>(), expected);
    }
    EXPECT_FALSE(loader.next());
}

TEST(ClipLoader, EachFrameDecodedOncePerBatch)
{
    auto frames = std::make_shared<CountingFrames>(std::vector<int64_t>{8});
    ClipLoader loader(frames, {5, 4, false, true, 0, 1, 1});
    loader.startEpoch(0);
    ASSERT_TRUE(loader.next());
    EXPECT_EQ(frames->reads.load(), 8); // 4 windows of 5 frames share 8 distinct frames
}

TEST(ClipLoader, EachFrameDecodedOncePerEpochWhenTheCacheHoldsTheSplit)
{
    auto frames = std::make_shared<CountingFrames>(std::vector<int64_t>{30, 20});
    ClipLoader loader(frames, {5, 4, true, false, 3, 1, 2});
    loader.startEpoch(0);
    while (loader.next()) {
    }
    EXPECT_EQ(frames->reads.load(), 50); // 42 shuffled windows of 5 frames, yet every frame decoded once
    loader.startEpoch(1);
    while (loader.next()) {
    }
    EXPECT_EQ(frames->reads.load(), 50) << "the second epoch comes from the cache";

    auto again = std::make_shared<CountingFrames>(std::vector<int64_t>{30, 20});
    ClipLoader small(again, {5, 4, true, false, 3, 1, 2, 10 * 4 * 4 * 3}); // room for 10 frames only
    small.startEpoch(0);
    while (small.next()) {
    }
    EXPECT_GT(again->reads.load(), 50);
    EXPECT_LT(again->reads.load(), 42 * 5);
}

TEST(ClipLoader, SeededShuffleCoversEveryWindowOnce)
{
    auto frames = std::make_shared<CountingFrames>(std::vector<int64_t>{20, 15});
    ClipLoaderOptions options{1, 3, true, false, 42, 2, 3};
    ClipLoader a(frames, options), b(frames, options);
    EXPECT_EQ(a.epochOrder(3), b.epochOrder(3));
    EXPECT_NE(a.epochOrder(3), a.epochOrder(4));
    a.startEpoch(1);
    std::multiset<int64_t> seen;
    while (auto batch = a.next()) {
        for (const auto& w : batch->windows)
            seen.insert(w.video * 100 + w.start);
    }
    EXPECT_EQ(seen.size(), 35u);
    EXPECT_EQ(std::set<int64_t>(seen.begin(), seen.end()).size(), 35u);
}

TEST(ClipLoader, StartsAnEpochPartWay)
{
    auto frames = std::make_shared<CountingFrames>(std::vector<int64_t>{10});
    ClipLoader loader(frames, {1, 2, true, true, 7, 2, 2});
    loader.startEpoch(2);
    std::vector<ClipWindow> all;
    while (auto batch = loader.next())
        all.insert(all.end(), batch->windows.begin(), batch->windows.end());
    loader.startEpoch(2, 3);
    auto fourth = loader.next();
    ASSERT_TRUE(fourth);
    EXPECT_EQ(fourth->windows[0].start, all[6].start);
}

TEST(ClipLoader, ResizeAndNormaliseMatchAHandComputation)
{
    // A 4×4 image resized to 2×2: OpenCV's bilinear at exactly half size averages each 2×2 block (the values are
    // chosen so that every block sum divides by 4: no rounding to guess).
    test::TempDir tmp;
    const fs::path dir = tmp / "set/training/frames/01";
    fs::create_directories(dir);
    cv::Mat image(4, 4, CV_8UC3);
    for (int y = 0; y < 4; ++y)
        for (int x = 0; x < 4; ++x)
            image.at<cv::Vec3b>(y, x) = cv::Vec3b(uint8_t(10 * (y * 4 + x)), uint8_t(4 * x), uint8_t(200 + 2 * y));
    ASSERT_TRUE(cv::imwrite((dir / "000.png").string(), image));
    const Dataset dataset = discoverDataset(tmp / "set");
    auto frames = std::make_shared<DiskFrameProvider>(dataset.training, 2);
    ClipLoader loader(frames, {1, 1, false, false, 0, 1, 1});
    loader.startEpoch(0);
    auto clip = loader.next()->clips[0];
    for (int y = 0; y < 2; ++y) {
        for (int x = 0; x < 2; ++x) {
            double sum[3] = {0, 0, 0};
            for (int dy = 0; dy < 2; ++dy)
                for (int dx = 0; dx < 2; ++dx)
                    for (int c = 0; c < 3; ++c)
                        sum[c] += image.at<cv::Vec3b>(2 * y + dy, 2 * x + dx)[c];
            for (int c = 0; c < 3; ++c) // channels stay BGR, as cv2.imread gives them
                EXPECT_FLOAT_EQ(clip[c][y][x].item<float>(), static_cast<float>(sum[c] / 4 / 127.5 - 1.0))
                    << "pixel " << y << "," << x << " channel " << c;
        }
    }
}

TEST(ClipLoader, CorruptFrameIsReportedWithItsFile)
{
    test::TempDir tmp;
    const fs::path dir = tmp / "set/training/frames/01";
    fs::create_directories(dir);
    cv::Mat image(8, 8, CV_8UC3, cv::Scalar(1, 2, 3));
    ASSERT_TRUE(cv::imwrite((dir / "000.png").string(), image));
    test::writeFile(dir / "001.png", "\x89PNG\r\n\x1a\n garbage");
    test::writeFile(dir / "002.png", "");
    const Dataset dataset = discoverDataset(tmp / "set");
    auto frames = std::make_shared<DiskFrameProvider>(dataset.training, 8);
    ClipLoader loader(frames, {1, 1, false, false, 0, 2, 2});
    loader.startEpoch(0);
    EXPECT_TRUE(loader.next());
    try {
        loader.next();
        FAIL() << "expected a DataError";
    } catch (const DataError& e) {
        EXPECT_NE(std::string(e.what()).find("001.png"), std::string::npos) << e.what();
    }
    try {
        loader.next();
        FAIL() << "expected a DataError";
    } catch (const DataError& e) {
        EXPECT_NE(std::string(e.what()).find("002.png: empty file"), std::string::npos) << e.what();
    }
}

} // namespace
} // namespace mnad
