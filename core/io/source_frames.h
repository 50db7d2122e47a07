#pragma once
// Frames of one test video at their original resolution, for display (the GUI's inspector and its MP4 export):
// frame folders through OpenCV, video files through VideoReader. Torch-free and Qt-free.

#include "core/data/dataset_layout.h"

#include <cstdint>
#include <memory>
#include <vector>

namespace mnad {

class VideoReader;

// Not thread-safe (a video file keeps one decoder): use one instance per thread.
class SourceFrames {
public:
    // Throws DataError naming the folder or file when it holds no readable frame.
    explicit SourceFrames(const VideoEntry& video);
    ~SourceFrames();
    SourceFrames(SourceFrames&&) noexcept;
    SourceFrames& operator=(SourceFrames&&) noexcept;

    int64_t frameCount() const { return frameCount_; }
    double fps() const { return fps_; } // 0 when unknown (frame folders)
    int width() const { return width_; }   // of the first frame
    int height() const { return height_; }

    // Frame `index` as BGR24, row-major height × width × 3; `bgr` is resized, width/height set. Throws
    // std::out_of_range for a bad index, DataError for a frame that cannot be decoded.
    void readFrame(int64_t index, std::vector<uint8_t>& bgr, int& width, int& height);

private:
    VideoEntry video_;
    std::unique_ptr<VideoReader> reader_;
    int64_t frameCount_ = 0;
    double fps_ = 0;
    int width_ = 0, height_ = 0;
};

} // namespace mnad
