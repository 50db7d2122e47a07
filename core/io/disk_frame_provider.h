#pragma once
// Frames of one dataset split read from disk: frame folders through OpenCV, video files through libav*.

#include "core/data/dataset_layout.h"
#include "core/data/frame_provider.h"

#include <memory>
#include <mutex>
#include <vector>

namespace mnad {

class VideoReader;

class DiskFrameProvider : public FrameProvider {
public:
    // Opens every video file of the split to count its frames exactly; throws DataError naming a bad file.
    DiskFrameProvider(const DatasetSplit& split, int frameSize);
    ~DiskFrameProvider() override;

    int64_t videoCount() const override { return static_cast<int64_t>(videos_.size()); }
    std::string videoName(int64_t video) const override { return videos_[video].name; }
    int64_t frameCount(int64_t video) const override { return frameCounts_[video]; }
    int frameSize() const override { return frameSize_; }
    void readFrame(int64_t video, int64_t frame, uint8_t* bgr) const override;

    // The source file of a frame (the frame image, or the video file), for messages.
    std::filesystem::path sourceOf(int64_t video, int64_t frame) const;

private:
    // A video file decodes sequentially best; one reader per video, used by one thread at a time.
    struct OpenVideo {
        std::unique_ptr<VideoReader> reader;
        std::mutex mutex;
    };

    std::vector<VideoEntry> videos_;
    std::vector<int64_t> frameCounts_;
    std::vector<std::unique_ptr<OpenVideo>> open_;
    int frameSize_;
};

} // namespace mnad
