// The dataset summary a UI shows: videos with frames and resolution, labels found / missing / mismatched.

#include "core/data/npy_writer.h"
#include "core/io/dataset_summary.h"
#include "tests/core/temp_dir.h"

#include <gtest/gtest.h>
#include <opencv2/imgcodecs.hpp>

namespace mnad {
namespace {
namespace fs = std::filesystem;

void writeVideo(const fs::path& dir, int frames, int width, int height)
{
    fs::create_directories(dir);
    for (int f = 0; f < frames; ++f) {
        const cv::Mat image(height, width, CV_8UC3, cv::Scalar(f, 2 * f, 3 * f));
        cv::imwrite((dir / (std::to_string(f) + ".png")).string(), image);
    }
}

TEST(DatasetSummary, ReportsVideosAndLabelStatus)
{
    test::TempDir tmp;
    const fs::path root = tmp / "toy";
    writeVideo(root / "training/frames/01", 4, 20, 10);
    writeVideo(root / "testing/frames/01", 3, 20, 10);
    writeVideo(root / "testing/frames/02", 2, 20, 10);

    DatasetSummary missing = summarizeDataset(discoverDataset(root));
    EXPECT_EQ(missing.layout, "mnad");
    EXPECT_EQ(missing.training.frames, 4);
    ASSERT_EQ(missing.testing.videos.size(), 2u);
    EXPECT_EQ(missing.testing.videos[0].width, 20);
    EXPECT_EQ(missing.testing.videos[0].height, 10);
    EXPECT_EQ(missing.labels.state, LabelStatus::Missing);

    writeLabelsNpy(root / "frame_labels_toy.npy", {0, 1, 1, 0, 1});
    DatasetSummary found = summarizeDataset(discoverDataset(root));
    EXPECT_EQ(found.labels.state, LabelStatus::Found);
    EXPECT_EQ(found.labels.detail, "3 of 5 test frames abnormal");

    writeLabelsNpy(root / "frame_labels_toy.npy", {0, 1, 1, 0});
    DatasetSummary wrong = summarizeDataset(discoverDataset(root));
    EXPECT_EQ(wrong.labels.state, LabelStatus::Mismatched);
    EXPECT_NE(wrong.labels.detail.find("4"), std::string::npos) << wrong.labels.detail;
    EXPECT_NE(wrong.labels.detail.find("5"), std::string::npos) << wrong.labels.detail;
    EXPECT_NE(formatDatasetSummary(wrong).find("labels: MISMATCHED"), std::string::npos);
}

TEST(DatasetSummary, MixedResolutionsAndUnreadableFramesAreShown)
{
    test::TempDir tmp;
    const fs::path root = tmp / "odd";
    writeVideo(root / "testing/frames/01", 2, 20, 10);
    writeVideo(root / "testing/frames/02", 1, 8, 8);
    cv::imwrite((root / "testing/frames/01/9.png").string(), cv::Mat(12, 16, CV_8UC3, cv::Scalar(0, 0, 0)));
    test::writeFile(root / "testing/frames/02/0.png", "not a png");
    const DatasetSummary s = summarizeDataset(discoverDataset(root));
    ASSERT_EQ(s.testing.videos.size(), 2u);
    EXPECT_NE(s.testing.videos[0].problem.find("mixed resolutions: 20x10 and 16x12"), std::string::npos)
        << s.testing.videos[0].problem;
    EXPECT_NE(s.testing.videos[1].problem.find("0.png"), std::string::npos) << s.testing.videos[1].problem;
}

} // namespace
} // namespace mnad
