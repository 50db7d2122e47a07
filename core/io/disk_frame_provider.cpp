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
            open->readers.push_back(std::make_unique<VideoReader>(video.path));
            open->nextFrame.push_back(0);
            open->busy.push_back(false);
            frameCounts_.push_back(open->readers.front()->info().frameCount);
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

size_t DiskFrameProvider::acquireReader(OpenVideo& open, const std::filesystem::path& file, int64_t frame)
{
    std::unique_lock<std::mutex> lock(open.mutex);
    for (;;) {
        size_t idle = open.readers.size();
        for (size_t i = 0; i < open.readers.size(); ++i) {
            if (open.busy[i])
                continue;
            if (open.nextFrame[i] == frame) { // continues sequentially: no seek
                idle = i;
                break;
            }
            if (idle == open.readers.size())
                idle = i;
        }
        const bool sequential = idle < open.readers.size() && open.nextFrame[idle] == frame;
        if (!sequential && open.readers.size() < kReadersPerVideo) {
            open.readers.push_back(std::make_unique<VideoReader>(file));
            open.nextFrame.push_back(0);
            open.busy.push_back(false);
            idle = open.readers.size() - 1;
        }
        if (idle < open.readers.size()) {
            open.busy[idle] = true;
            return idle;
        }
        open.released.wait(lock);
    }
}

void DiskFrameProvider::releaseReader(OpenVideo& open, size_t reader, int64_t nextFrame)
{
    {
        std::lock_guard<std::mutex> lock(open.mutex);
        open.busy[reader] = false;
        open.nextFrame[reader] = nextFrame;
    }
    open.released.notify_one();
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
    const size_t chosen = acquireReader(open, entry.path, frame);
    std::vector<uint8_t> decoded;
    auto& reader = *open.readers[chosen];
    try {
        reader.readFrame(frame, decoded);
    } catch (...) {
        releaseReader(open, chosen, -1);
        throw;
    }
    const int width = reader.info().width, height = reader.info().height;
    releaseReader(open, chosen, frame + 1);
    resizeBgr(decoded.data(), width, height, frameSize_, bgr);
}

} // namespace mnad
