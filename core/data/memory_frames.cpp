#include "core/data/memory_frames.h"

#include <cstring>
#include <vector>

namespace mnad {

namespace {
class MemoryFrames : public FrameProvider {
public:
    explicit MemoryFrames(const FrameProvider& source) : size_(source.frameSize())
    {
        const size_t bytes = static_cast<size_t>(size_) * size_ * 3;
        for (int64_t v = 0; v < source.videoCount(); ++v) {
            names_.push_back(source.videoName(v));
            auto& frames = videos_.emplace_back(static_cast<size_t>(source.frameCount(v)), std::vector<uint8_t>(bytes));
            for (size_t f = 0; f < frames.size(); ++f)
                source.readFrame(v, static_cast<int64_t>(f), frames[f].data());
        }
    }
    int64_t videoCount() const override { return static_cast<int64_t>(videos_.size()); }
    std::string videoName(int64_t v) const override { return names_.at(static_cast<size_t>(v)); }
    int64_t frameCount(int64_t v) const override { return static_cast<int64_t>(videos_.at(static_cast<size_t>(v)).size()); }
    int frameSize() const override { return size_; }
    void readFrame(int64_t v, int64_t f, uint8_t* bgr) const override
    {
        const auto& frame = videos_.at(static_cast<size_t>(v)).at(static_cast<size_t>(f));
        std::memcpy(bgr, frame.data(), frame.size());
    }

private:
    int size_;
    std::vector<std::string> names_;
    std::vector<std::vector<std::vector<uint8_t>>> videos_;
};
} // namespace

std::shared_ptr<const FrameProvider> framesInMemory(const FrameProvider& source)
{
    return std::make_shared<MemoryFrames>(source);
}

} // namespace mnad
