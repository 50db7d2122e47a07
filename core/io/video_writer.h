#pragma once
// Writing BGR24 frames to a video file (libav* behind a pimpl, so this header is free of FFmpeg).

#include <cstdint>
#include <filesystem>
#include <memory>

namespace mnad {

enum class VideoCodecChoice {
    Lossless,      // FFV1 (level 3, slice CRCs), bgr0: decodes to exactly the bytes written. Use .mkv or .avi.
    LosslessGray,  // FFV1 gray8: stores the luma of each frame (exact for frames whose 3 channels are equal)
    H264OrMpeg4,   // libx264 when FFmpeg has it, else FFmpeg's mpeg4; yuv420p, so width and height must be even
};

// The container follows the file extension (.mkv, .avi, .mp4, …; MP4/MOV are written index-first). Frames
// get timestamps 0, 1, 2, … in units of 1/fps and a keyframe every 12 frames (cheap random access).
// Not thread-safe. Errors throw std::invalid_argument (bad size, fps, extension or container/codec pair) or
// std::runtime_error (FFmpeg failed), both starting with the file name; write() after finish() throws
// std::logic_error. A moved-from writer may only be destroyed or assigned to.
class VideoWriter {
public:
    VideoWriter(const std::filesystem::path& file, int width, int height, double fps, VideoCodecChoice codec);
    ~VideoWriter(); // finishes the file if finish() was not called; never throws (errors are lost then)
    VideoWriter(VideoWriter&&) noexcept;
    VideoWriter& operator=(VideoWriter&&) noexcept;
    VideoWriter(const VideoWriter&) = delete;
    VideoWriter& operator=(const VideoWriter&) = delete;

    // One frame, BGR24 row-major height × width × 3, tightly packed.
    void write(const uint8_t* bgr);
    // Flushes the encoder and writes the trailer. Call it to see errors; later calls do nothing.
    void finish();

    int64_t framesWritten() const;
    const char* encoderName() const; // the FFmpeg encoder in use, e.g. "ffv1", "libx264", "mpeg4"

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

} // namespace mnad
