#pragma once
// Frames of one dataset split read from disk: frame folders through OpenCV, video files through libav*.

#include "core/data/dataset_layout.h"
#include "core/data/frame_provider.h"

#include <condition_variable>
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
    // A video file decodes sequentially best. Each video keeps a few readers; a read takes the idle reader whose next
    // frame is the wanted one (no seek), so threads reading different parts of one video do not make each other seek.
    struct OpenVideo {
        std::vector<std::unique_ptr<VideoReader>> readers;
        std::vector<int64_t> nextFrame; // per reader
        std::vector<bool> busy;         // per reader
        std::mutex mutex;
        std::condition_variable released;
    };
    // Picks (or opens) an idle reader for `frame`, waiting while all are busy; marks it busy.
    static size_t acquireReader(OpenVideo& open, const std::filesystem::path& file, int64_t frame);
    static void releaseReader(OpenVideo& open, size_t reader, int64_t nextFrame);
    static constexpr size_t kReadersPerVideo = 4;

    std::vector<VideoEntry> videos_;
    std::vector<int64_t> frameCounts_;
    std::vector<std::unique_ptr<OpenVideo>> open_;
    int frameSize_;
};

} // namespace mnad
