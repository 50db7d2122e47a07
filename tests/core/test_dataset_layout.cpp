// Dataset discovery on generated folder trees: each layout, natural sort, and the documented skips and errors.

#include "core/data/data_error.h"
#include "core/data/dataset_layout.h"
#include "core/data/natural_sort.h"
#include "tests/core/temp_dir.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace mnad {
namespace {
namespace fs = std::filesystem;
using test::TempDir;
using test::writeFile;

void makeFrames(const fs::path& dir, const std::vector<std::string>& names)
{
    fs::create_directories(dir);
    for (const auto& name : names)
        writeFile(dir / name, "x");
}

std::vector<std::string> frameNames(const VideoEntry& video)
{
    std::vector<std::string> out;
    for (const auto& f : video.frames)
        out.push_back(f.filename().string());
    return out;
}

TEST(NaturalSort, NumbersCompareByValue)
{
    std::vector<std::string> names{"frame10.jpg", "frame2.jpg", "frame1.jpg", "Test010", "Test002", "01_0014", "01_0003"};
    std::sort(names.begin(), names.end(), naturalLess);
    EXPECT_EQ(names, (std::vector<std::string>{"01_0003", "01_0014", "Test002", "Test010", "frame1.jpg", "frame2.jpg",
                                               "frame10.jpg"}));
    EXPECT_FALSE(naturalLess("a", "a"));
    EXPECT_TRUE(naturalLess("a9", "a10"));
    EXPECT_TRUE(naturalLess("x", "x0"));
}

TEST(DatasetLayout, MnadLayoutWithUnpaddedFramesSortedNaturally)
{
    TempDir tmp;
    const fs::path root = tmp / "ped2";
    makeFrames(root / "training/frames/01", {"8.jpg", "9.jpg", "10.jpg", "11.png"});
    makeFrames(root / "training/frames/02", {"000.jpg", "001.jpg"});
    makeFrames(root / "testing/frames/10", {"0.tif"});
    makeFrames(root / "testing/frames/9", {"0.bmp", "Thumbs.db"});
    const Dataset d = discoverDataset(root);
    EXPECT_EQ(d.layout, DatasetLayout::Mnad);
    EXPECT_EQ(d.name, "ped2");
    ASSERT_EQ(d.training.videos.size(), 2u);
    EXPECT_EQ(frameNames(d.training.videos[0]), (std::vector<std::string>{"8.jpg", "9.jpg", "10.jpg", "11.png"}));
    ASSERT_EQ(d.testing.videos.size(), 2u);
    EXPECT_EQ(d.testing.videos[0].name, "9"); // natural order: 9 before 10
    EXPECT_EQ(d.testing.videos[1].name, "10");
    // The non-image file is skipped with a warning naming the folder.
    ASSERT_FALSE(d.warnings.empty());
    EXPECT_NE(d.warnings[0].find("testing/frames/9"), std::string::npos) << d.warnings[0];
}

TEST(DatasetLayout, ParentFolderWithOneDatasetIsOpened)
{
    TempDir tmp;
    makeFrames(tmp / "dataset/avenue/testing/frames/01", {"0000.jpg"});
    const Dataset d = discoverDataset(tmp / "dataset");
    EXPECT_EQ(d.name, "avenue");
    EXPECT_EQ(d.testing.videos.size(), 1u);
}

TEST(DatasetLayout, SeveralDatasetsAreNamedInTheError)
{
    TempDir tmp;
    makeFrames(tmp / "ped2/testing/frames/01", {"0.jpg"});
    makeFrames(tmp / "avenue/testing/frames/01", {"0.jpg"});
    try {
        discoverDataset(tmp.path());
        FAIL() << "expected an error";
    } catch (const DataError& e) {
        EXPECT_NE(std::string(e.what()).find("avenue, ped2"), std::string::npos) << e.what();
    }
}

TEST(DatasetLayout, UcsdLayoutSkipsGroundTruthFolders)
{
    TempDir tmp;
    const fs::path root = tmp / "UCSDped2";
    makeFrames(root / "Train/Train001", {"001.tif", "002.tif"});
    makeFrames(root / "Test/Test001", {"001.tif"});
    makeFrames(root / "Test/Test001_gt", {"001.bmp"});
    const Dataset d = discoverDataset(root);
    EXPECT_EQ(d.layout, DatasetLayout::Ucsd);
    ASSERT_EQ(d.testing.videos.size(), 1u);
    EXPECT_EQ(d.testing.videos[0].name, "Test001");
    EXPECT_EQ(d.training.videos[0].frames.size(), 2u);
}

TEST(DatasetLayout, VideoFilesInSplitsAndFlatFolders)
{
    TempDir tmp;
    makeFrames(tmp / "shanghai/training/videos", {"01_001.avi", "01_002.mp4", "notes.txt"});
    makeFrames(tmp / "shanghai/testing/frames/01_0014", {"000.jpg"});
    const Dataset d = discoverDataset(tmp / "shanghai");
    ASSERT_EQ(d.training.videos.size(), 2u);
    EXPECT_TRUE(d.training.videos[0].isVideoFile);
    EXPECT_EQ(d.training.videos[1].name, "01_002");

    makeFrames(tmp / "clips", {"cam2.MKV", "cam10.avi"});
    const Dataset flat = discoverDataset(tmp / "clips");
    EXPECT_EQ(flat.layout, DatasetLayout::VideoFolder);
    ASSERT_EQ(flat.testing.videos.size(), 2u);
    EXPECT_EQ(flat.testing.videos[0].name, "cam2");
}

TEST(DatasetLayout, GapInNumberingIsWarned)
{
    TempDir tmp;
    makeFrames(tmp / "d/training/frames/01", {"000.jpg", "001.jpg", "003.jpg"});
    const Dataset d = discoverDataset(tmp / "d");
    ASSERT_EQ(d.warnings.size(), 1u);
    EXPECT_NE(d.warnings[0].find("gap in frame numbering between 001.jpg and 003.jpg"), std::string::npos);
}

TEST(DatasetLayout, EmptyOrMissingFoldersAreErrorsNamingThem)
{
    TempDir tmp;
    fs::create_directories(tmp / "empty/training/frames/01");
    try {
        discoverDataset(tmp / "empty");
        FAIL();
    } catch (const DataError& e) {
        EXPECT_NE(std::string(e.what()).find("empty"), std::string::npos);
        EXPECT_NE(std::string(e.what()).find("no videos found"), std::string::npos) << e.what();
    }
    EXPECT_THROW(discoverDataset(tmp / "missing"), DataError);
}

} // namespace
} // namespace mnad
