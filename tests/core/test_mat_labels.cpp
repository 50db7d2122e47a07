// ano_pred .mat ground truth (variable gt: 1×V cells of 2×K [start; end] intervals), on files written with matio.

#include "core/io/mat_labels.h"

#include "core/data/data_error.h"
#include "tests/core/npy_fixture.h"
#include "tests/core/temp_dir.h"

#include <gtest/gtest.h>
#include <matio.h>

#include <cstdint>
#include <numeric>
#include <string>
#include <vector>

namespace mnad {
namespace {

using test::dataErrorOf;
using test::expectMentions;

using Intervals = std::vector<FrameInterval>;

// A rows×cols matrix of class c from column-major values; matio copies the data.
template <typename T>
matvar_t* matrix(matio_classes c, matio_types t, std::size_t rows, std::size_t cols, std::vector<T> values,
                 const char* name = nullptr)
{
    std::size_t dims[2] = {rows, cols};
    return Mat_VarCreate(name, c, t, 2, dims, values.empty() ? nullptr : values.data(), 0);
}

matvar_t* doubles(std::size_t rows, std::size_t cols, std::vector<double> values, const char* name = nullptr)
{
    return matrix<double>(MAT_C_DOUBLE, MAT_T_DOUBLE, rows, cols, std::move(values), name);
}

// A rows×cols cell array owning its cells.
matvar_t* cells(std::size_t rows, std::size_t cols, std::vector<matvar_t*> content, const char* name = "gt")
{
    std::size_t dims[2] = {rows, cols};
    return Mat_VarCreate(name, MAT_C_CELL, MAT_T_CELL, 2, dims, content.data(), 0);
}

// Writes the variables to a MAT 5 file and frees them.
void writeMat(const std::filesystem::path& file, const std::vector<matvar_t*>& vars,
              matio_compression compression = MAT_COMPRESSION_NONE)
{
    mat_t* mat = Mat_CreateVer(file.string().c_str(), nullptr, MAT_FT_MAT5);
    ASSERT_NE(mat, nullptr);
    for (matvar_t* var : vars) {
        ASSERT_NE(var, nullptr);
        EXPECT_EQ(Mat_VarWrite(mat, var, compression), 0);
        Mat_VarFree(var);
    }
    Mat_Close(mat);
}

class MatLabels : public ::testing::Test {
protected:
    test::TempDir dir_;
    std::filesystem::path file_ = dir_ / "ped2.mat";
};

TEST_F(MatLabels, Ped2StyleGroundTruth)
{
    // Video 1: [61; 180]; video 2: [1; 5] and [10; 12] (columns); video 3: [] (no anomaly).
    writeMat(file_, {cells(1, 3, {doubles(2, 1, {61, 180}), doubles(2, 2, {1, 5, 10, 12}), doubles(0, 0, {})})});
    EXPECT_EQ(readMatIntervals(file_), (std::vector<Intervals>{{{61, 180}}, {{1, 5}, {10, 12}}, {}}));

    const std::vector<std::vector<uint8_t>> labels = readMatLabels(file_, {180, 12, 4});
    ASSERT_EQ(labels.size(), 3u);
    EXPECT_EQ(std::accumulate(labels[0].begin(), labels[0].begin() + 60, 0), 0);
    EXPECT_EQ(std::accumulate(labels[0].begin() + 60, labels[0].end(), 0), 120);
    EXPECT_EQ(labels[1], (std::vector<uint8_t>{1, 1, 1, 1, 1, 0, 0, 0, 0, 1, 1, 1}));
    EXPECT_EQ(labels[2], (std::vector<uint8_t>{0, 0, 0, 0}));
}

TEST_F(MatLabels, AnyNumericClassAndColumnCellArrayAndCompression)
{
    writeMat(file_,
             {cells(5, 1,
                    {matrix<uint8_t>(MAT_C_UINT8, MAT_T_UINT8, 2, 1, {3, 7}),
                     matrix<int32_t>(MAT_C_INT32, MAT_T_INT32, 2, 2, {1, 2, 300, 400}),
                     matrix<float>(MAT_C_SINGLE, MAT_T_SINGLE, 2, 1, {4.f, 9.f}),
                     matrix<int64_t>(MAT_C_INT64, MAT_T_INT64, 2, 1, {100000, 100001}),
                     matrix<uint16_t>(MAT_C_UINT16, MAT_T_UINT16, 2, 1, {65534, 65535})})},
             MAT_COMPRESSION_ZLIB);
    EXPECT_EQ(readMatIntervals(file_), (std::vector<Intervals>{{{3, 7}}, {{1, 2}, {300, 400}}, {{4, 9}},
                                                                {{100000, 100001}}, {{65534, 65535}}}));
}

TEST_F(MatLabels, MissingOrWrongVariable)
{
    const std::string f = file_.string();
    writeMat(file_, {doubles(2, 1, {1, 2}, "labels")});
    expectMentions(dataErrorOf([&] { readMatIntervals(file_); }), {f, "no variable 'gt'"});

    writeMat(file_, {doubles(2, 1, {1, 2}, "gt")});
    expectMentions(dataErrorOf([&] { readMatIntervals(file_); }), {f, "'gt' is a numeric matrix", "cell array"});

    writeMat(file_, {cells(2, 2, {doubles(2, 1, {1, 2}), doubles(2, 1, {1, 2}), doubles(2, 1, {1, 2}),
                                  doubles(2, 1, {1, 2})})});
    expectMentions(dataErrorOf([&] { readMatIntervals(file_); }), {f, "2x2 cell array", "expected 1xV"});
}

TEST_F(MatLabels, BadCells)
{
    const std::string f = file_.string();
    writeMat(file_, {cells(1, 2, {doubles(2, 1, {1, 2}), doubles(3, 1, {1, 2, 3})})});
    expectMentions(dataErrorOf([&] { readMatIntervals(file_); }), {f, "gt{2}", "is 3x1", "expected 2xK"});

    writeMat(file_, {cells(1, 1, {doubles(2, 1, {1.5, 3})})});
    expectMentions(dataErrorOf([&] { readMatIntervals(file_); }), {f, "gt{1}", "value 1.5 is not a whole"});

    char text[] = "ab";
    std::size_t textDims[2] = {1, 2};
    writeMat(file_, {cells(1, 1, {Mat_VarCreate(nullptr, MAT_C_CHAR, MAT_T_UINT8, 2, textDims, text, 0)})});
    expectMentions(dataErrorOf([&] { readMatIntervals(file_); }), {f, "gt{1}", "char array"});

    double re[2] = {1, 2}, im[2] = {0, 0};
    mat_complex_split_t split = {re, im};
    std::size_t dims[2] = {2, 1};
    writeMat(file_, {cells(1, 1, {Mat_VarCreate(nullptr, MAT_C_DOUBLE, MAT_T_DOUBLE, 2, dims, &split,
                                                MAT_F_COMPLEX)})});
    expectMentions(dataErrorOf([&] { readMatIntervals(file_); }), {f, "gt{1}", "complex"});
}

TEST_F(MatLabels, CountsAndIntervalsAreCheckedAgainstTheVideos)
{
    const std::string f = file_.string();
    writeMat(file_, {cells(1, 2, {doubles(2, 1, {61, 180}), doubles(2, 1, {1, 2})})});
    expectMentions(dataErrorOf([&] { readMatLabels(file_, {180, 10, 10}); }),
                   {f, "ground truth covers 2 videos, the test set has 3"});
    expectMentions(dataErrorOf([&] { readMatLabels(file_, {179, 10}); }),
                   {f, "video 1 of 2", "[61, 180]", "frames 1-179"});
}

TEST_F(MatLabels, NotAMatFile)
{
    expectMentions(dataErrorOf([&] { readMatIntervals(dir_ / "absent.mat"); }), {"absent.mat", "does not exist"});
    const auto text = dir_ / "notes.mat";
    test::writeFile(text, "these are not the labels you are looking for\n");
    expectMentions(dataErrorOf([&] { readMatIntervals(text); }), {text.string()});
}

} // namespace
} // namespace mnad
