#include "core/io/source_frames.h"

#include "core/data/data_error.h"
#include "core/io/frame_image.h"
#include "core/io/video_reader.h"


#include <stdexcept>
#include <string>

namespace mnad {

SourceFrames::SourceFrames(const VideoEntry& video) : video_(video)
{
    if (video_.isVideoFile) {
        reader_ = std::make_unique<VideoReader>(video_.path);
        const auto& info = reader_->info();
        frameCount_ = info.frameCount;
        fps_ = info.fps;
        width_ = info.width;
        height_ = info.height;
    } else {
        frameCount_ = static_cast<int64_t>(video_.frames.size());
        if (frameCount_ == 0)
            throw DataError(video_.path, "no frame images in the folder");
        std::vector<uint8_t> first;
        readFrame(0, first, width_, height_);
    }
}

SourceFrames::~SourceFrames() = default;
SourceFrames::SourceFrames(SourceFrames&&) noexcept = default;
SourceFrames& SourceFrames::operator=(SourceFrames&&) noexcept = default;

void SourceFrames::readFrame(int64_t index, std::vector<uint8_t>& bgr, int& width, int& height)
{
    if (index < 0 || index >= frameCount_)
        throw std::out_of_range("frame " + std::to_string(index) + " of " + video_.path.string() + " (" +
                                std::to_string(frameCount_) + " frames)");
    if (reader_) {
        reader_->readFrame(index, bgr);
        width = reader_->info().width;
        height = reader_->info().height;
        return;
    }
    readFrameImage(video_.frames[static_cast<size_t>(index)], bgr, width, height);
}

} // namespace mnad
