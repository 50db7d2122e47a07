// Frame labels from every supported format, against hand-built fixtures; each bad input must be a DataError that
// names the file and the line, index, value or counts at fault.

#include "core/data/frame_labels.h"

#include "core/data/data_error.h"
#include "tests/core/npy_fixture.h"
#include "tests/core/temp_dir.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <numeric>
#include <stdexcept>
#include <string>
#include <vector>

namespace mnad {
namespace {

using test::dataErrorOf;
using test::expectMentions;
using test::npyFile;
using test::pack;

using Labels = std::vector<uint8_t>;

// Test-video lengths of UCSD Ped2 (spec §3.2): 2010 frames in all.
const std::vector<int64_t> kPed2Counts = {180, 180, 150, 180, 150, 180, 180, 180, 120, 150, 180, 180};

NpyArray array(std::vector<int64_t> shape, std::vector<double> values, std::string dtype = "<i8")
{
    return NpyArray{std::move(shape), std::move(dtype), std::move(values)};
}

TEST(FrameLabels, VectorFromEveryMnadShape)
{
    EXPECT_EQ(labelVectorFromNpy(array({1, 4}, {0, 1, 1, 0}), "ped2.npy"), (Labels{0, 1, 1, 0}));
    EXPECT_EQ(labelVectorFromNpy(array({4}, {1, 0, 0, 1}, "|u1"), "shanghai.npy"), (Labels{1, 0, 0, 1}));
    EXPECT_EQ(labelVectorFromNpy(array({3, 1}, {0, 0, 1}, "|i1"), "col.npy"), (Labels{0, 0, 1}));
    EXPECT_EQ(labelVectorFromNpy(array({2}, {0.0, 1.0}, "<f4"), "f.npy"), (Labels{0, 1}));
    EXPECT_EQ(labelVectorFromNpy(array({1, 1}, {1}, "|b1"), "b.npy"), (Labels{1}));
}

TEST(FrameLabels, VectorRejectsOtherShapesAndValues)
{
    expectMentions(dataErrorOf([] { labelVectorFromNpy(array({2, 3}, {0, 0, 0, 0, 0, 0}), "m.npy"); }),
                   {"m.npy", "(2, 3)"});
    expectMentions(dataErrorOf([] { labelVectorFromNpy(array({}, {1}), "s.npy"); }), {"s.npy", "()"});
    expectMentions(dataErrorOf([] { labelVectorFromNpy(array({1, 5}, {0, 1, 0, 2, 1}), "ped2.npy"); }),
                   {"ped2.npy", "index 3", "is 2 "});
    expectMentions(dataErrorOf([] { labelVectorFromNpy(array({3}, {0, 0.5, 1}, "<f8"), "f.npy"); }),
                   {"f.npy", "index 1", "is 0.5 "});
    expectMentions(dataErrorOf([] { labelVectorFromNpy(array({3, 1}, {0, 1, -1}, "|i1"), "c.npy"); }),
                   {"c.npy", "index 2", "is -1 "});
    expectMentions(dataErrorOf([] { labelVectorFromNpy(array({2}, {1, 1.0000001}, "<f8"), "f.npy"); }),
                   {"f.npy", "index 1", "is 1.0000001 "});
}

TEST(FrameLabels, Ped2ConcatenatedFileSplitsPerVideo)
{
    // Test001: frames 0–59 normal, 60–179 abnormal (spec §3.2); the other videos all normal except the last
    // frame of the file, so that an off-by-one split would show.
    std::vector<int64_t> all(2010, 0);
    std::fill(all.begin() + 60, all.begin() + 180, 1);
    all.back() = 1;
    test::TempDir dir;
    const auto file = dir / "frame_labels_ped2.npy";
    test::writeFile(file, npyFile("{'descr': '<i8', 'fortran_order': False, 'shape': (1, 2010), }", pack(all)));

    const std::vector<Labels> perVideo = readConcatenatedLabels(file, kPed2Counts);
    ASSERT_EQ(perVideo.size(), 12u);
    for (std::size_t v = 0; v < 12; ++v)
        EXPECT_EQ(static_cast<int64_t>(perVideo[v].size()), kPed2Counts[v]);
    EXPECT_EQ(std::accumulate(perVideo[0].begin(), perVideo[0].begin() + 60, 0), 0);
    EXPECT_EQ(std::accumulate(perVideo[0].begin() + 60, perVideo[0].end(), 0), 120);
    EXPECT_EQ(std::accumulate(perVideo[1].begin(), perVideo[1].end(), 0), 0);
    EXPECT_EQ(perVideo[11].back(), 1);
    EXPECT_EQ(std::accumulate(perVideo[11].begin(), perVideo[11].end(), 0), 1);
}

TEST(FrameLabels, ShanghaiStyleOneDimensionalFile)
{
    test::TempDir dir;
    const auto file = dir / "frame_labels_shanghai.npy";
    test::writeFile(file, npyFile("{'descr': '|u1', 'fortran_order': False, 'shape': (5,), }",
                                  pack<uint8_t>({1, 1, 0, 0, 1})));
    EXPECT_EQ(readConcatenatedLabels(file, {2, 3}), (std::vector<Labels>{{1, 1}, {0, 0, 1}}));
}

TEST(FrameLabels, SplitLengthMismatchNamesBothNumbers)
{
    const Labels all(2000, 0);
    expectMentions(dataErrorOf([&] { splitConcatenated(all, kPed2Counts, "frame_labels_ped2.npy"); }),
                   {"frame_labels_ped2.npy", "labels cover 2000 frames, the 12 test videos have 2010"});
    EXPECT_THROW(splitConcatenated(Labels{0}, {-1, 2}, "x.npy"), std::invalid_argument);
    EXPECT_EQ(splitConcatenated(Labels{1, 0, 1}, {1, 0, 2}, "x.npy"), (std::vector<Labels>{{1}, {}, {0, 1}}));
}

TEST(FrameLabels, MaskDirectoryOneFilePerVideo)
{
    test::TempDir dir;
    test::writeFile(dir / "01_0014.npy",
                    npyFile("{'descr': '|u1', 'fortran_order': False, 'shape': (4,), }", pack<uint8_t>({0, 1, 1, 0})));
    test::writeFile(dir / "01_0015.npy",
                    npyFile("{'descr': '|b1', 'fortran_order': False, 'shape': (3,), }", pack<uint8_t>({1, 1, 0})));
    EXPECT_EQ(readMaskDirectory(dir.path(), {"01_0014", "01_0015"}, {4, 3}),
              (std::vector<Labels>{{0, 1, 1, 0}, {1, 1, 0}}));

    const std::string missing = (dir / "01_0016.npy").string();
    expectMentions(dataErrorOf([&] { readMaskDirectory(dir.path(), {"01_0014", "01_0016"}, {4, 3}); }),
                   {missing, "missing label file", "'01_0016'"});
    expectMentions(dataErrorOf([&] { readMaskDirectory(dir.path(), {"01_0014", "01_0015"}, {4, 5}); }),
                   {(dir / "01_0015.npy").string(), "has 3 labels", "'01_0015' has 5 frames"});
    test::writeFile(dir / "bad.npy",
                    npyFile("{'descr': '<f8', 'fortran_order': False, 'shape': (2,), }", pack<double>({1, 0.25})));
    expectMentions(dataErrorOf([&] { readMaskDirectory(dir.path(), {"bad"}, {2}); }),
                   {(dir / "bad.npy").string(), "index 1", "0.25"});
    expectMentions(dataErrorOf([&] { readMaskDirectory(dir / "nowhere", {"a"}, {1}); }),
                   {"nowhere", "does not exist"});
    EXPECT_THROW(readMaskDirectory(dir.path(), {"a", "b"}, {1}), std::invalid_argument);
}

class LabelCsv : public ::testing::Test {
protected:
    // Two videos: "01" with 3 frames, "02" with 2.
    std::vector<Labels> read(const std::string& text)
    {
        test::writeFile(file_, text);
        return readLabelCsv(file_, {"01", "02"}, {3, 2});
    }
    std::string errorFor(const std::string& text)
    {
        return dataErrorOf([&] { read(text); });
    }
    test::TempDir dir_;
    std::filesystem::path file_ = dir_ / "labels.csv";
};

TEST_F(LabelCsv, HeaderOrderAndFormatting)
{
    const std::vector<Labels> expected = {{0, 1, 1}, {1, 0}};
    EXPECT_EQ(read("video,frame,label\n01,0,0\n01,1,1\n01,2,1\n02,0,1\n02,1,0\n"), expected);
    // No header, any order, CRLF, blanks around fields, quoted names, float labels, blank lines, no final newline.
    EXPECT_EQ(read("02,1,0\r\n\r\n 01 , 2 , 1\r\n\"01\",0,0.0\n02,0,1.0\n01,1,1"), expected);
    EXPECT_EQ(read("\xEF\xBB\xBFvideo,frame,label\n01,0,0\n01,1,1\n01,2,1\n02,0,1\n02,1,0\n"), expected);
}

TEST_F(LabelCsv, ErrorsNameTheLine)
{
    const std::string f = file_.string();
    expectMentions(errorFor("video,frame,label\n01,0,0\n01,0,1\n"),
                   {f, "line 3", "frame 0 of video '01' is already labelled on line 2"});
    expectMentions(errorFor("01,0,0\n03,0,1\n"), {f, "line 2", "unknown video '03'", "2 test videos"});
    expectMentions(errorFor("01,0,0\n01,3,1\n"), {f, "line 2", "frame 3 is out of range", "'01'", "3 frames"});
    expectMentions(errorFor("01,-1,0\n"), {f, "line 1", "frame -1 is out of range"});
    expectMentions(errorFor("01,0,0\n\n01,x1,0\n"), {f, "line 3", "frame 'x1' is not a whole number"});
    expectMentions(errorFor("01,1.5,0\n"), {f, "line 1", "frame '1.5' is not a whole number"});
    expectMentions(errorFor("video,frame,label\n01,0,2\n"), {f, "line 2", "label '2' is not 0 or 1"});
    expectMentions(errorFor("01,0,yes\n"), {f, "line 1", "label 'yes' is not 0 or 1"});
    expectMentions(errorFor("01,0\n"), {f, "line 1", "expected 3 fields", "found 2"});
    expectMentions(errorFor("01,0,0,1\n"), {f, "line 1", "found 4"});
    // A header is only allowed first.
    expectMentions(errorFor("01,0,0\nvideo,frame,label\n"), {f, "line 2", "unknown video 'video'"});
}

TEST_F(LabelCsv, GapsAndMissingVideos)
{
    const std::string f = file_.string();
    expectMentions(errorFor("01,0,0\n01,2,1\n02,0,1\n02,1,0\n"),
                   {f, "no label for frame 1 of video '01'", "1 of its 3 frames"});
    expectMentions(errorFor("01,0,0\n01,1,1\n01,2,1\n"), {f, "video '02' has no labels", "2 frames"});
    expectMentions(dataErrorOf([] { readLabelCsv("/nonexistent/labels.csv", {"01"}, {1}); }),
                   {"/nonexistent/labels.csv", "does not exist"});
    EXPECT_THROW(readLabelCsv(file_, {"01", "01"}, {1, 1}), std::invalid_argument);
}

TEST(FrameLabels, IntervalsAreOneBasedInclusive)
{
    // ano_pred: [61; 180] on a 180-frame video marks frames 60–179 (0-based).
    const std::vector<Labels> one = labelsFromIntervals({{{61, 180}}}, {180}, "ped2.mat");
    ASSERT_EQ(one[0].size(), 180u);
    EXPECT_EQ(std::accumulate(one[0].begin(), one[0].begin() + 60, 0), 0);
    EXPECT_EQ(std::accumulate(one[0].begin() + 60, one[0].end(), 0), 120);

    // Several and overlapping intervals, a single-frame one, and a video without any.
    const std::vector<Labels> many = labelsFromIntervals({{{1, 2}, {2, 3}, {6, 6}}, {}}, {7, 3}, "gt.mat");
    EXPECT_EQ(many, (std::vector<Labels>{{1, 1, 1, 0, 0, 1, 0}, {0, 0, 0}}));
}

TEST(FrameLabels, IntervalErrorsNameTheVideoAndInterval)
{
    expectMentions(dataErrorOf([] { labelsFromIntervals({{{61, 181}}}, {180}, "ped2.mat"); }),
                   {"ped2.mat", "video 1 of 1", "interval 1 [61, 181]", "frames 1-180"});
    expectMentions(dataErrorOf([] { labelsFromIntervals({{}, {{1, 2}, {0, 5}}}, {10, 10}, "gt.mat"); }),
                   {"gt.mat", "video 2 of 2", "interval 2 [0, 5]"});
    expectMentions(dataErrorOf([] { labelsFromIntervals({{{50, 40}}}, {100}, "gt.mat"); }),
                   {"gt.mat", "[50, 40]", "start is after end"});
    expectMentions(dataErrorOf([] { labelsFromIntervals({{}, {}}, {10, 10, 10}, "avenue.mat"); }),
                   {"avenue.mat", "covers 2 videos", "has 3"});
}

} // namespace
} // namespace mnad
