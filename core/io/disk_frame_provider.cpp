#include "core/io/disk_frame_provider.h"

#include "core/data/data_error.h"
#include "core/io/frame_image.h"
#include "core/io/video_reader.h"

#include <stdexcept>

namespace mnad {

DiskFrameProvider::DiskFrameProvider(const DatasetSplit& split, int frameSize)
    : videos_(split.videos), frameSize_(frameSize)
{
    for (const auto& video : videos_) {
        auto open = std::make_unique<OpenVideo>();
        if (video.isVideoFile) {
            open->reader = std::make_unique<VideoReader>(video.path);
            frameCounts_.push_back(open->reader->info().frameCount);
        } else {
            frameCounts_.push_back(static_cast<int64_t>(video.frames.size()));
        }
        open_.push_back(std::move(open));
    }
}

DiskFrameProvider::~DiskFrameProvider() = default;

std::filesystem::path DiskFrameProvider::sourceOf(int64_t video, int64_t frame) const
{
    const auto& entry = videos_.at(video);
    return entry.isVideoFile ? entry.path : entry.frames.at(frame);
}

void DiskFrameProvider::readFrame(int64_t video, int64_t frame, uint8_t* bgr) const
{
    if (video < 0 || video >= videoCount() || frame < 0 || frame >= frameCounts_[video])
        throw std::out_of_range("frame " + std::to_string(frame) + " of video " + std::to_string(video) +
                                " is out of range");
    const auto& entry = videos_[video];
    if (!entry.isVideoFile) {
        readFrameImage(entry.frames[frame], frameSize_, bgr);
        return;
    }
    auto& open = *open_[video];
    std::vector<uint8_t> decoded;
    int width = 0, height = 0;
    {
        std::lock_guard<std::mutex> lock(open.mutex);
        open.reader->readFrame(frame, decoded);
        width = open.reader->info().width;
        height = open.reader->info().height;
    }
    resizeBgr(decoded.data(), width, height, frameSize_, bgr);
}

} // namespace mnad
