#pragma once
// Frame-accurate reading of a video file into BGR24 buffers (libav* behind a pimpl, so this header is
// free of FFmpeg and can be included anywhere core/io is built).

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

namespace mnad {

struct VideoStreamInfo {
    int width = 0;
    int height = 0;
    double fps = 0.0;           // 0 when neither the container nor the timestamps tell it
    int64_t frameCount = 0;     // exact: counted from the packets in the file, not the container's estimate
    std::string codec;          // FFmpeg's codec name, e.g. "ffv1", "h264", "mpeg4"
    bool grayscaleSource = false; // the stream stores luma only; frames still come out as 3 equal channels
    bool cutShort = false;      // the file ends before the length its container declares (frameCount: what is left)
};

// Reads the best video stream of a file. The constructor scans the packets once to index every frame
// (timestamps and keyframes), so frameCount is exact and any frame can be read by index.
//
// Not thread-safe: a reader holds one decoder whose state follows the reads. Use one instance per thread;
// each decodes on one thread, so several readers run side by side without oversubscribing the cores.
//
// Errors: a missing, empty or unreadable file, or one without a decodable video stream, throws DataError
// naming the file. readFrame throws std::out_of_range for a bad index, DataError for a frame that is
// in the index but cannot be decoded (damaged or truncated data). A file cut short yields fewer frames,
// never shifted ones. Damage inside the file is caught where the data carries checksums (FFV1 slice CRCs,
// as VideoWriter writes) or the decoder reports it; what a decoder silently conceals (H.264) is not.
class VideoReader {
public:
    explicit VideoReader(const std::filesystem::path& file);
    ~VideoReader();
    VideoReader(VideoReader&&) noexcept;
    VideoReader& operator=(VideoReader&&) noexcept;
    VideoReader(const VideoReader&) = delete;
    VideoReader& operator=(const VideoReader&) = delete;

    // Frame `index` (0-based, presentation order) as BGR24, row-major height × width × 3; `bgr` is resized.
    // Reading the next frame decodes on; any other index seeks to the last keyframe at or before it.
    void readFrame(int64_t index, std::vector<uint8_t>& bgr);

    const VideoStreamInfo& info() const;
    const std::filesystem::path& path() const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

} // namespace mnad
