// Video reading and writing: lossless round trips, frame-accurate random access, lossy bounds, grayscale
// sources, and damaged or bogus files. Every fixture is written by the test into its own temp directory.

#include "core/data/data_error.h"
#include "core/io/video_reader.h"
#include "core/io/video_writer.h"
#include "tests/core/temp_dir.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <numeric>
#include <random>
#include <stdexcept>
#include <string>
#include <vector>

namespace mnad {
namespace {

namespace fs = std::filesystem;

constexpr int kWidth = 48;
constexpr int kHeight = 32;
constexpr int kFrames = 40;
constexpr double kFps = 25.0;

using Frame = std::vector<uint8_t>;

// Gradients that move with the frame number, plus a white block whose position encodes it: every frame differs.
Frame patternFrame(int f, int width = kWidth, int height = kHeight)
{
    Frame bgr(static_cast<size_t>(width) * height * 3);
    const int blockX = (f % 6) * 8;
    const int blockY = (f / 6 % 4) * 8;
    for (int y = 0; y < height; ++y)
        for (int x = 0; x < width; ++x) {
            uint8_t* p = &bgr[(static_cast<size_t>(y) * width + x) * 3];
            const bool block = x >= blockX && x < blockX + 8 && y >= blockY && y < blockY + 8;
            p[0] = static_cast<uint8_t>(block ? 255 : (x * 5 + f * 3) & 255);
            p[1] = static_cast<uint8_t>(block ? 255 : (y * 7 + f * 11) & 255);
            p[2] = static_cast<uint8_t>(block ? 255 : ((x + y) * 3 + f * 17) & 255);
        }
    return bgr;
}

Frame grayFrame(int f)
{
    Frame bgr(static_cast<size_t>(kWidth) * kHeight * 3);
    for (int y = 0; y < kHeight; ++y)
        for (int x = 0; x < kWidth; ++x) {
            const auto v = static_cast<uint8_t>((x * 4 + y * 3 + f * 13) & 255);
            uint8_t* p = &bgr[(static_cast<size_t>(y) * kWidth + x) * 3];
            p[0] = p[1] = p[2] = v;
        }
    return bgr;
}

double meanAbsoluteError(const Frame& a, const Frame& b)
{
    double sum = 0;
    for (size_t i = 0; i < a.size(); ++i)
        sum += std::abs(int(a[i]) - int(b[i]));
    return sum / static_cast<double>(a.size());
}

class VideoIo : public ::testing::Test {
protected:
    fs::path writeVideo(const std::string& name, VideoCodecChoice codec, int frames, Frame (*make)(int))
    {
        const fs::path file = dir_ / name;
        VideoWriter writer(file, kWidth, kHeight, kFps, codec);
        for (int f = 0; f < frames; ++f)
            writer.write(make(f).data());
        writer.finish();
        EXPECT_EQ(writer.framesWritten(), frames);
        return file;
    }
    static Frame pattern(int f) { return patternFrame(f); }

    fs::path writeBytes(const std::string& name, const std::vector<char>& bytes)
    {
        const fs::path file = dir_ / name;
        test::writeFile(file, std::string(bytes.begin(), bytes.end()));
        return file;
    }

    test::TempDir dir_{"mnad_video_io"};
};

TEST_F(VideoIo, LosslessRoundTripIsExact)
{
    for (const char* name : {"lossless.mkv", "lossless.avi"}) {
        SCOPED_TRACE(name);
        const fs::path file = writeVideo(name, VideoCodecChoice::Lossless, kFrames, pattern);
        VideoReader reader(file);
        const VideoStreamInfo& info = reader.info();
        EXPECT_EQ(info.frameCount, kFrames);
        EXPECT_EQ(info.width, kWidth);
        EXPECT_EQ(info.height, kHeight);
        EXPECT_NEAR(info.fps, kFps, 1e-6);
        EXPECT_EQ(info.codec, "ffv1");
        EXPECT_FALSE(info.grayscaleSource);
        Frame bgr;
        for (int f = 0; f < kFrames; ++f) {
            reader.readFrame(f, bgr);
            ASSERT_EQ(bgr, patternFrame(f)) << "frame " << f;
        }
    }
}

TEST_F(VideoIo, RandomAccessSeeksBothWays)
{
    for (const char* name : {"seek.mkv", "seek.avi"}) {
        SCOPED_TRACE(name);
        VideoReader reader(writeVideo(name, VideoCodecChoice::Lossless, kFrames, pattern));
        Frame bgr;
        for (int f : {37, 3, 3, 20, 0, 39, 21, 22, 11, 12, 13}) {
            reader.readFrame(f, bgr);
            ASSERT_EQ(bgr, patternFrame(f)) << "frame " << f;
        }
    }
}

TEST_F(VideoIo, LossyDecodesWithSmallError)
{
    for (const char* name : {"lossy.mkv", "lossy.mp4", "lossy.avi"}) {
        SCOPED_TRACE(name);
        constexpr int kLossyFrames = 30; // a few keyframes apart, with B-frames where the codec has them
        VideoReader reader(writeVideo(name, VideoCodecChoice::H264OrMpeg4, kLossyFrames, pattern));
        EXPECT_EQ(reader.info().frameCount, kLossyFrames);
        EXPECT_EQ(reader.info().width, kWidth);
        EXPECT_EQ(reader.info().height, kHeight);
        EXPECT_NEAR(reader.info().fps, kFps, 1e-6);
        Frame bgr;
        std::vector<int> order(kLossyFrames);
        std::iota(order.begin(), order.end(), 0);
        order.insert(order.end(), {25, 3, 14, 13, 29, 0, 12});
        for (int f : order) {
            reader.readFrame(f, bgr);
            const double mae = meanAbsoluteError(bgr, patternFrame(f));
            EXPECT_LT(mae, 12.0) << "frame " << f;
            // The frame read is the one asked for, not a neighbour: its own pattern fits better.
            EXPECT_LT(mae, meanAbsoluteError(bgr, patternFrame(f == 0 ? 1 : f - 1))) << "frame " << f;
        }
    }
}

TEST_F(VideoIo, GraySourceGivesThreeEqualChannels)
{
    VideoReader reader(writeVideo("gray.mkv", VideoCodecChoice::LosslessGray, 6, grayFrame));
    EXPECT_TRUE(reader.info().grayscaleSource);
    EXPECT_EQ(reader.info().frameCount, 6);
    Frame bgr;
    for (int f : {0, 5, 2, 3}) {
        reader.readFrame(f, bgr);
        ASSERT_EQ(bgr.size(), size_t(kWidth) * kHeight * 3);
        EXPECT_EQ(bgr, grayFrame(f)) << "frame " << f; // equal channels, and the exact gray levels
    }
}

TEST_F(VideoIo, TruncatedFileNeverGivesWrongFrames)
{
    for (const char* name : {"cut.mkv", "cut.avi"}) {
        SCOPED_TRACE(name);
        const fs::path whole = writeVideo(std::string("whole_") + name, VideoCodecChoice::Lossless, kFrames, pattern);
        std::ifstream in(whole, std::ios::binary);
        std::vector<char> bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        bytes.resize(bytes.size() * 6 / 10);
        const fs::path cut = writeBytes(name, bytes);
        try {
            VideoReader reader(cut);
            const int64_t count = reader.info().frameCount;
            EXPECT_LT(count, kFrames);
            int exact = 0;
            Frame bgr;
            for (int64_t f = 0; f < count; ++f) {
                try {
                    reader.readFrame(f, bgr);
                    ASSERT_EQ(bgr, patternFrame(static_cast<int>(f))) << "frame " << f << " decoded to wrong bytes";
                    ++exact;
                } catch (const DataError& e) {
                    EXPECT_NE(std::string(e.what()).find(cut.string()), std::string::npos);
                    EXPECT_NE(std::string(e.what()).find("frame " + std::to_string(f)), std::string::npos);
                }
            }
            EXPECT_GT(exact, kFrames / 3); // the first half of the file is intact
            EXPECT_THROW(reader.readFrame(count, bgr), std::out_of_range);
        } catch (const DataError& e) {
            ADD_FAILURE() << "a file cut at 60% still holds readable frames: " << e.what();
        }
    }
}

TEST_F(VideoIo, TruncatedLossyFileNeverShiftsFrames)
{
    // With B-frames, a cut can drop frames shown before others that survive: those must not move up.
    const fs::path whole = writeVideo("whole.mkv", VideoCodecChoice::H264OrMpeg4, kFrames, pattern);
    std::ifstream in(whole, std::ios::binary);
    const std::vector<char> bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    for (int permille : {500, 750, 900, 950, 980, 990, 995}) {
        SCOPED_TRACE(permille);
        const fs::path cut = writeBytes("cut_" + std::to_string(permille) + ".mkv",
                                        std::vector<char>(bytes.begin(), bytes.begin() + bytes.size() * permille / 1000));
        VideoReader reader(cut);
        EXPECT_LE(reader.info().frameCount, kFrames); // the last cuts only lose the container's index
        Frame bgr;
        for (int f = static_cast<int>(reader.info().frameCount) - 1; f >= 0; --f) {
            try {
                reader.readFrame(f, bgr);
            } catch (const DataError&) {
                continue;
            }
            const double mae = meanAbsoluteError(bgr, patternFrame(f));
            EXPECT_LT(mae, 12.0) << "frame " << f;
            for (int other : {f - 2, f - 1, f + 1, f + 2}) {
                if (other < 0)
                    continue;
                EXPECT_LT(mae, meanAbsoluteError(bgr, patternFrame(other))) << "frame " << f << " vs " << other;
            }
        }
    }
}

TEST_F(VideoIo, BadFilesThrowDataErrorNamingTheFile)
{
    std::mt19937 random(1234);
    std::vector<char> noise(8192);
    for (char& c : noise)
        c = static_cast<char>(random() & 0xff);
    const fs::path cases[] = {writeBytes("noise.avi", noise), writeBytes("empty.mp4", {}), dir_ / "missing.mkv",
                              dir_.path()};
    for (const fs::path& file : cases) {
        SCOPED_TRACE(file.string());
        try {
            VideoReader reader(file);
            ADD_FAILURE() << "opened a bad file";
        } catch (const DataError& e) {
            EXPECT_EQ(e.file(), file.string());
            EXPECT_EQ(std::string(e.what()).rfind(file.string() + ": ", 0), 0u) << e.what();
        }
    }
}

TEST_F(VideoIo, FrameIndexOutOfRangeThrows)
{
    const fs::path file = writeVideo("range.mkv", VideoCodecChoice::Lossless, 5, pattern);
    VideoReader reader(file);
    Frame bgr;
    EXPECT_THROW(reader.readFrame(-1, bgr), std::out_of_range);
    try {
        reader.readFrame(5, bgr);
        ADD_FAILURE() << "read past the end";
    } catch (const std::out_of_range& e) {
        const std::string message = e.what();
        EXPECT_NE(message.find(file.string()), std::string::npos) << message;
        EXPECT_NE(message.find("5 frames"), std::string::npos) << message;
    }
    reader.readFrame(4, bgr); // still usable afterwards
    EXPECT_EQ(bgr, patternFrame(4));
}

TEST_F(VideoIo, WriterRejectsBadSettings)
{
    EXPECT_THROW(VideoWriter(dir_ / "odd.mkv", 15, 16, kFps, VideoCodecChoice::H264OrMpeg4), std::invalid_argument);
    EXPECT_THROW(VideoWriter(dir_ / "zero.mkv", 16, 16, 0.0, VideoCodecChoice::Lossless), std::invalid_argument);
    EXPECT_THROW(VideoWriter(dir_ / "what.notavideo", 16, 16, kFps, VideoCodecChoice::Lossless),
                 std::invalid_argument);
    // The destructor finishes an unfinished file.
    {
        VideoWriter writer(dir_ / "unfinished.mkv", kWidth, kHeight, kFps, VideoCodecChoice::Lossless);
        writer.write(patternFrame(0).data());
        writer.write(patternFrame(1).data());
    }
    VideoReader reader(dir_ / "unfinished.mkv");
    EXPECT_EQ(reader.info().frameCount, 2);
}

} // namespace
} // namespace mnad
