// The .npy reader on files built byte by byte: every supported dtype and byte order, format versions 1–3,
// Fortran order, and each kind of bad file, whose message must name the file and the numbers involved.

#include "core/data/npy_reader.h"

#include "core/data/data_error.h"
#include "tests/core/npy_fixture.h"
#include "tests/core/temp_dir.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <limits>
#include <string>
#include <vector>

namespace mnad {
namespace {

using test::dataErrorOf;
using test::expectMentions;
using test::npyFile;
using test::pack;

std::string dict(const std::string& descr, const std::string& shape, bool fortran = false)
{
    return "{'descr': '" + descr + "', 'fortran_order': " + (fortran ? "True" : "False") + ", 'shape': " + shape +
           ", }";
}

TEST(NpyReader, Ped2StyleInt64RowVector)
{
    const NpyArray a = parseNpy(npyFile(dict("<i8", "(1, 5)"), pack<int64_t>({0, 0, 1, 1, 0})), "ped2.npy");
    EXPECT_EQ(a.shape, (std::vector<int64_t>{1, 5}));
    EXPECT_EQ(a.dtype, "<i8");
    EXPECT_EQ(a.values, (std::vector<double>{0, 0, 1, 1, 0}));
}

TEST(NpyReader, EveryLittleEndianIntegerType)
{
    EXPECT_EQ(parseNpy(npyFile(dict("|i1", "(3,)"), pack<int8_t>({-128, 0, 127})), "x").values,
              (std::vector<double>{-128, 0, 127}));
    EXPECT_EQ(parseNpy(npyFile(dict("|u1", "(2,)"), pack<uint8_t>({0, 255})), "x").values,
              (std::vector<double>{0, 255}));
    EXPECT_EQ(parseNpy(npyFile(dict("<i2", "(2,)"), pack<int16_t>({-300, 300})), "x").values,
              (std::vector<double>{-300, 300}));
    EXPECT_EQ(parseNpy(npyFile(dict("<u2", "(1,)"), pack<uint16_t>({65535})), "x").values,
              (std::vector<double>{65535}));
    EXPECT_EQ(parseNpy(npyFile(dict("<i4", "(1,)"), pack<int32_t>({-70000})), "x").values,
              (std::vector<double>{-70000}));
    EXPECT_EQ(parseNpy(npyFile(dict("<u4", "(1,)"), pack<uint32_t>({4000000000u})), "x").values,
              (std::vector<double>{4e9}));
    EXPECT_EQ(parseNpy(npyFile(dict("<u8", "(1,)"), pack<uint64_t>({uint64_t(1) << 40})), "x").values,
              (std::vector<double>{1099511627776.0}));
}

TEST(NpyReader, ZeroLengthAxisBesideHugeOnesIsEmpty)
{
    // Found by fuzzing: a Fortran-ordered array with a zero-length axis overflowed computing the other axes' strides.
    const NpyArray a = parseNpy(npyFile(dict("<u2", "(0, 999999999999, 9999999999)", true), ""), "x.npy");
    EXPECT_EQ(a.elementCount(), 0);
    EXPECT_EQ(a.shape, (std::vector<int64_t>{0, 999999999999, 9999999999}));
}

TEST(NpyReader, BigEndianFiles)
{
    // 0x00010000 = 65536 big-endian would read as 256 if the bytes were not swapped.
    NpyArray a = parseNpy(npyFile(dict(">i4", "(3,)"), pack<int32_t>({1, -2, 65536}, true)), "be.npy");
    EXPECT_EQ(a.values, (std::vector<double>{1, -2, 65536}));
    a = parseNpy(npyFile(dict(">f8", "(2,)"), pack<double>({0.5, -1.25}, true)), "be.npy");
    EXPECT_EQ(a.values, (std::vector<double>{0.5, -1.25}));
    a = parseNpy(npyFile(dict(">u2", "(2,)"), pack<uint16_t>({258, 1}, true)), "be.npy");
    EXPECT_EQ(a.values, (std::vector<double>{258, 1}));
    a = parseNpy(npyFile(dict(">i8", "(1,)"), pack<int64_t>({-5}, true)), "be.npy");
    EXPECT_EQ(a.values, (std::vector<double>{-5}));
}

TEST(NpyReader, NativeOrderMarkersAreHostOrder)
{
    EXPECT_EQ(parseNpy(npyFile(dict("=i2", "(1,)"), pack<int16_t>({513})), "x").values, std::vector<double>{513});
    EXPECT_EQ(parseNpy(npyFile(dict("|f4", "(1,)"), pack<float>({2.5f})), "x").values, std::vector<double>{2.5});
}

TEST(NpyReader, FloatsAndBools)
{
    NpyArray a = parseNpy(npyFile(dict("<f4", "(3,)"), pack<float>({0.f, 1.f, 0.25f})), "f.npy");
    EXPECT_EQ(a.values, (std::vector<double>{0, 1, 0.25}));
    a = parseNpy(npyFile(dict("|b1", "(2, 2)"), std::string("\x01\x00\x00\x01", 4)), "b.npy");
    EXPECT_EQ(a.shape, (std::vector<int64_t>{2, 2}));
    EXPECT_EQ(a.values, (std::vector<double>{1, 0, 0, 1}));
}

TEST(NpyReader, HeaderVersions2And3)
{
    const std::string body = dict("|u1", "(4,)");
    for (int major : {2, 3}) {
        const std::string bytes = npyFile(body, pack<uint8_t>({1, 0, 1, 1}), major);
        ASSERT_EQ(bytes[6], char(major));
        EXPECT_EQ(parseNpy(bytes, "v.npy").values, (std::vector<double>{1, 0, 1, 1}));
    }
}

TEST(NpyReader, LenientHeaderSpellings)
{
    // Keys in any order, double quotes, Python 2 'L' dimensions, no trailing comma, a bare "(4)".
    const std::string data = pack<uint8_t>({1, 2, 3, 4});
    for (const std::string d : {"{'shape': (4,), 'fortran_order': False, 'descr': '|u1'}",
                                "{\"descr\": \"|u1\", \"fortran_order\": False, \"shape\": (4L,)}",
                                "{'descr':'|u1','fortran_order':False,'shape':(2L, 2L)}",
                                "{'descr': '|u1', 'fortran_order': False, 'shape': (4)}"}) {
        const NpyArray a = parseNpy(npyFile(d, data), "x");
        EXPECT_EQ(a.values, (std::vector<double>{1, 2, 3, 4})) << d;
    }
}

TEST(NpyReader, ScalarAndEmptyArrays)
{
    NpyArray a = parseNpy(npyFile(dict("<f8", "()"), pack<double>({3.5})), "s.npy");
    EXPECT_TRUE(a.shape.empty());
    EXPECT_EQ(a.values, std::vector<double>{3.5});
    a = parseNpy(npyFile(dict("<i8", "(0,)"), ""), "e.npy");
    EXPECT_EQ(a.shape, std::vector<int64_t>{0});
    EXPECT_TRUE(a.values.empty());
    a = parseNpy(npyFile(dict("<i8", "(3, 0, 5)"), ""), "e.npy");
    EXPECT_TRUE(a.values.empty());
}

TEST(NpyReader, FortranOrderIsTransposedToCOrder)
{
    // [[1, 2, 3], [4, 5, 6]] stored column by column.
    NpyArray a = parseNpy(npyFile(dict("<i8", "(2, 3)", true), pack<int64_t>({1, 4, 2, 5, 3, 6})), "f.npy");
    EXPECT_EQ(a.values, (std::vector<double>{1, 2, 3, 4, 5, 6}));

    // 3-D: element (i, j, k) = 100i + 10j + k, stored with i fastest, then j, then k.
    std::vector<int32_t> stored;
    for (int k = 0; k < 2; ++k)
        for (int j = 0; j < 3; ++j)
            for (int i = 0; i < 2; ++i)
                stored.push_back(100 * i + 10 * j + k);
    a = parseNpy(npyFile(dict("<i4", "(2, 3, 2)", true), pack<int32_t>(stored)), "f.npy");
    EXPECT_EQ(a.values, (std::vector<double>{0, 1, 10, 11, 20, 21, 100, 101, 110, 111, 120, 121}));

    // 1-D Fortran order is the same as C order.
    a = parseNpy(npyFile(dict("<i2", "(3,)", true), pack<int16_t>({7, 8, 9})), "f.npy");
    EXPECT_EQ(a.values, (std::vector<double>{7, 8, 9}));
}

TEST(NpyReader, ShapeStrings)
{
    EXPECT_EQ(npyShapeString({}), "()");
    EXPECT_EQ(npyShapeString({40791}), "(40791,)");
    EXPECT_EQ(npyShapeString({1, 2010}), "(1, 2010)");
}

TEST(NpyReaderErrors, BadMagicAndShortFiles)
{
    expectMentions(dataErrorOf([] { parseNpy("PK\x03\x04 this is a zip", "labels.npy"); }),
                   {"labels.npy", "bad magic"});
    expectMentions(dataErrorOf([] { parseNpy("", "empty.npy"); }), {"empty.npy", "truncated", "0 bytes"});
    expectMentions(dataErrorOf([] { parseNpy(std::string("\x93NUMPY\x01\x00", 8), "short.npy"); }),
                   {"short.npy", "truncated", "8 bytes"});
    // Version 2 needs a 4-byte length: 11 bytes are not enough.
    expectMentions(dataErrorOf([] { parseNpy(std::string("\x93NUMPY\x02\x00\x10\x00\x00", 11), "v2.npy"); }),
                   {"v2.npy", "truncated", "11 bytes"});
}

TEST(NpyReaderErrors, UnsupportedVersion)
{
    std::string bytes = npyFile(dict("<i8", "(1,)"), pack<int64_t>({1}));
    bytes[6] = 4;
    expectMentions(dataErrorOf([&] { parseNpy(bytes, "v4.npy"); }), {"v4.npy", "version 4.0"});
    bytes[6] = 1;
    bytes[7] = 1;
    expectMentions(dataErrorOf([&] { parseNpy(bytes, "v11.npy"); }), {"v11.npy", "version 1.1"});
}

TEST(NpyReaderErrors, HeaderLengthBeyondBoundAndTruncatedHeader)
{
    // Version 2.0 header length 70000 (0x00011170), more than the 65536 bound.
    const std::string huge = std::string("\x93NUMPY\x02\x00\x70\x11\x01\x00", 12) + std::string(100, ' ');
    expectMentions(dataErrorOf([&] { parseNpy(huge, "big.npy"); }), {"big.npy", "70000", "65536"});

    // The full file has a 118-byte header; keep only 50 of them.
    const std::string full = npyFile(dict("<i8", "(1,)"), pack<int64_t>({1}));
    ASSERT_EQ(full.size(), 128u + 8u);
    expectMentions(dataErrorOf([&] { parseNpy(full.substr(0, 60), "cut.npy"); }),
                   {"cut.npy", "truncated header", "118", "50"});
}

TEST(NpyReaderErrors, UnsupportedDtypes)
{
    for (const std::string descr : {"<c16", "<f2", "<U5", "|S3", "<M8[ns]", "i8", "<i3", "<f16"}) {
        const std::string message =
            dataErrorOf([&] { parseNpy(npyFile(dict(descr, "(1,)"), std::string(16, '\0')), "d.npy"); });
        expectMentions(message, {"d.npy", "unsupported dtype '" + descr + "'"});
    }
    expectMentions(dataErrorOf([] { parseNpy(npyFile(dict("|O", "(1,)"), std::string(8, '\0')), "o.npy"); }),
                   {"o.npy", "object arrays"});
    const std::string structured = "{'descr': [('a', '<i4')], 'fortran_order': False, 'shape': (1,), }";
    expectMentions(dataErrorOf([&] { parseNpy(npyFile(structured, std::string(4, '\0')), "s.npy"); }),
                   {"s.npy", "structured"});
}

TEST(NpyReaderErrors, MalformedHeaderDicts)
{
    const std::vector<std::pair<std::string, std::string>> cases = {
        {"{'descr': '<i8', 'fortran_order': False}", "missing key 'shape'"},
        {"{'descr': '<i8', 'shape': (1,)}", "missing key 'fortran_order'"},
        {"{'descr': '<i8', 'descr': '<i8', 'fortran_order': False, 'shape': (1,)}", "duplicate key 'descr'"},
        {"{'descr': '<i8', 'fortran_order': False, 'shape': (1,), 'extra': 1}", "unexpected key 'extra'"},
        {"{'descr': '<i8', 'fortran_order': Maybe, 'shape': (1,)}", "True or False"},
        {"{'descr': '<i8', 'fortran_order': False, 'shape': (-1,)}", "negative dimension"},
        {"{'descr': '<i8', 'fortran_order': False, 'shape': (1.5,)}", "',' or ')'"},
        {"{'descr': '<i8', 'fortran_order': False, 'shape': (99999999999999999999,)}", "too large"},
        {"{'descr': '<i8', 'fortran_order': False, 'shape': (1,)} junk", "after the closing"},
        {"{'descr': '<i8, 'fortran_order': False, 'shape': (1,)}", "malformed header"},
        {"['descr', '<i8']", "start with '{'"},
        {"{'descr': '<i8', 'fortran_order': False, 'shape': (1,)", "',' or '}'"},
    };
    for (const auto& [text, expected] : cases)
        expectMentions(dataErrorOf([&] { parseNpy(npyFile(text, pack<int64_t>({1})), "h.npy"); }),
                       {"h.npy", expected});
}

TEST(NpyReaderErrors, ElementCountOverflowAndLimit)
{
    expectMentions(dataErrorOf([] {
                       parseNpy(npyFile(dict("<i8", "(4294967296, 4294967296, 4)"), ""), "o.npy");
                   }),
                   {"o.npy", "(4294967296, 4294967296, 4)", "overflows"});
    // 2^61 elements of 8 bytes: the count fits, the byte count does not.
    expectMentions(dataErrorOf([] { parseNpy(npyFile(dict("<i8", "(2305843009213693952,)"), ""), "o.npy"); }),
                   {"o.npy", "overflows a 64-bit byte count"});
    expectMentions(
        dataErrorOf([] { parseNpy(npyFile(dict("<i8", "(1, 2010)"), std::string(16080, '\0')), "m.npy", 1000); }),
        {"m.npy", "2010 elements", "limit of 1000"});
    expectMentions(dataErrorOf([] { parseNpy(npyFile(dict("<i8", "(1000000, 1000000)"), ""), "m.npy"); }),
                   {"m.npy", "1000000000000 elements", "limit of 1000000000"});
}

TEST(NpyReaderErrors, DataSizeMustMatchShape)
{
    expectMentions(dataErrorOf([] { parseNpy(npyFile(dict("<i8", "(1, 2010)"), std::string(1200, '\0')), "t.npy"); }),
                   {"t.npy", "truncated", "2010 elements of 8 bytes", "16080 bytes", "1200 data bytes"});
    expectMentions(dataErrorOf([] { parseNpy(npyFile(dict("<i2", "(3,)"), std::string(7, '\0')), "x.npy"); }),
                   {"x.npy", "data size mismatch", "3 elements of 2 bytes", "7 data bytes"});
}

TEST(NpyReaderErrors, BoolBytesOtherThanZeroAndOne)
{
    expectMentions(dataErrorOf([] { parseNpy(npyFile(dict("|b1", "(3,)"), std::string("\x00\x01\x02", 3)), "b.npy"); }),
                   {"b.npy", "bool element 2", "byte value 2"});
}

TEST(NpyReaderErrors, EveryTruncationAndByteFlipFailsCleanly)
{
    // A poor man's fuzzer: no prefix of a valid file parses, and no single corrupted byte crashes the reader.
    const std::string good = npyFile(dict(">i4", "(2, 3)", true), pack<int32_t>({1, 2, 3, 4, 5, 6}, true));
    for (std::size_t n = 0; n < good.size(); ++n)
        EXPECT_THROW(parseNpy(good.substr(0, n), "cut.npy"), DataError) << n;
    for (std::size_t i = 0; i < good.size(); ++i) {
        for (int value : {0x00, 0x22, 0x27, 0x28, 0x29, 0x2c, 0x7b, 0x7d, 0x80, 0xff}) {
            std::string bad = good;
            bad[i] = char(value);
            try {
                const NpyArray a = parseNpy(bad, "flip.npy", 1000);
                EXPECT_LE(a.values.size(), 1000u);
            } catch (const DataError&) {
            }
        }
    }
}

TEST(NpyReaderFile, ReadsAFileAndChecksSizeBeforeReadingData)
{
    test::TempDir dir;
    const auto file = dir / "frame_labels_shanghai.npy";
    test::writeFile(file, npyFile(dict("|u1", "(6,)"), pack<uint8_t>({0, 0, 1, 1, 1, 0})));
    const NpyArray a = readNpy(file);
    EXPECT_EQ(a.shape, std::vector<int64_t>{6});
    EXPECT_EQ(a.dtype, "|u1");
    EXPECT_EQ(a.values, (std::vector<double>{0, 0, 1, 1, 1, 0}));

    const auto cut = dir / "cut.npy";
    test::writeFile(cut, npyFile(dict("<i8", "(1, 2010)"), std::string(1200, '\0')));
    expectMentions(dataErrorOf([&] { readNpy(cut); }),
                   {cut.string(), "truncated", "2010 elements of 8 bytes", "1200 data bytes"});
    expectMentions(dataErrorOf([&] { readNpy(file, 5); }), {file.string(), "6 elements", "limit of 5"});
    expectMentions(dataErrorOf([&] { readNpy(dir / "absent.npy"); }), {"absent.npy", "does not exist"});
    expectMentions(dataErrorOf([&] { readNpy(dir.path()); }), {dir.path().string(), "not a regular file"});
    const auto text = dir / "labels.txt";
    test::writeFile(text, "0,1,1\n");
    expectMentions(dataErrorOf([&] { readNpy(text); }), {text.string(), "bad magic"});
}

} // namespace
} // namespace mnad
