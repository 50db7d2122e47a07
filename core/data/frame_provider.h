#pragma once
// Where frames come from: disk (frame folders, video files) or memory (the generated demo). The model side only
// sees this interface, so training and evaluation need no OpenCV or FFmpeg.

#include <cstdint>
#include <string>

namespace mnad {

class FrameProvider {
public:
    virtual ~FrameProvider() = default;

    virtual int64_t videoCount() const = 0;
    virtual std::string videoName(int64_t video) const = 0;
    virtual int64_t frameCount(int64_t video) const = 0;
    // Side of the square frames this provider delivers (the model's input size).
    virtual int frameSize() const = 0;
    // Frame `frame` of `video` as 8-bit BGR, frameSize()×frameSize()×3, row-major, resized from the source with
    // bilinear interpolation. Safe to call from several threads at once. Throws DataError naming the file.
    virtual void readFrame(int64_t video, int64_t frame, uint8_t* bgr) const = 0;

    int64_t totalFrames() const
    {
        int64_t n = 0;
        for (int64_t v = 0; v < videoCount(); ++v)
            n += frameCount(v);
        return n;
    }
};

} // namespace mnad
