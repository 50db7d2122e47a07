#include "core/eval/video_inspection.h"

#include "core/run/tensor_npy.h"

#include <torch/torch.h>

#include <stdexcept>

namespace mnad {

namespace {

// One video of another provider, as a provider of its own: a video inspected with the memory reset per video
// needs none of the videos before it.
class SingleVideo : public FrameProvider {
public:
    SingleVideo(const FrameProvider& frames, int64_t video) : frames_(frames), video_(video) {}
    int64_t videoCount() const override { return 1; }
    std::string videoName(int64_t) const override { return frames_.videoName(video_); }
    int64_t frameCount(int64_t) const override { return frames_.frameCount(video_); }
    int frameSize() const override { return frames_.frameSize(); }
    void readFrame(int64_t, int64_t frame, uint8_t* bgr) const override { frames_.readFrame(video_, frame, bgr); }

private:
    const FrameProvider& frames_;
    int64_t video_;
};

} // namespace

VideoInspection inspectVideo(MnadModel& model, const FrameProvider& frames, int64_t video, EvaluationConfig config,
                             const InspectionProgress& progress, const StopToken* stop)
{
    if (video < 0 || video >= frames.videoCount())
        throw std::out_of_range("video " + std::to_string(video) + " does not exist: the split has " +
                                std::to_string(frames.videoCount()) + " videos");
    const bool carry = config.memoryPolicy == MemoryPolicy::CarryAcrossVideos;
    const SingleVideo single(frames, video);
    const FrameProvider& source = carry ? frames : static_cast<const FrameProvider&>(single);
    const int64_t target = carry ? video : 0;

    const int64_t count = frames.frameCount(video);
    const int size = model.config().imageSize, grid = model.config().querySize(), m = model.config().memorySize;
    VideoInspection out;
    out.video = frames.videoName(video);
    out.scored = torch::zeros({count}, torch::kBool);
    out.errorMaps = torch::zeros({count, size, size});
    out.attention = torch::zeros({count, m, grid, grid});
    out.top1 = torch::zeros({count, grid, grid}, torch::kLong);
    out.predictions = torch::zeros({count, size, size, 3}, torch::kUInt8);
    int64_t total = 0, done = 0;
    for (int64_t v = 0; v <= target; ++v)
        total += source.frameCount(v);
    config.lastVideo = target;
    config.inspector = [&](int64_t v, int64_t f, const FrameInspection& frame) {
        if (v == target) {
            out.scored[f] = true;
            out.errorMaps[f].copy_(frame.errorMap.to(torch::kCPU));
            out.attention[f].copy_(frame.attention.to(torch::kCPU));
            out.top1[f].copy_(frame.top1.to(torch::kCPU));
            auto bgr = ((frame.output[0].to(torch::kCPU) + 1) * 127.5).round().clamp(0, 255).to(torch::kUInt8);
            out.predictions[f].copy_(bgr.permute({1, 2, 0}));
        }
        if (progress && (++done % 8 == 0 || done == total))
            progress(done, total);
    };
    evaluateModel(model, source, {}, config, {}, stop);
    if (stop && stop->stopRequested())
        return {out.video, torch::zeros({0}, torch::kBool), {}, {}, {}, {}};
    if (progress)
        progress(total, total);
    return out;
}

void writeVideoInspection(const VideoInspection& inspection, const std::filesystem::path& folder)
{
    std::filesystem::create_directories(folder);
    writeTensorNpy(folder / "scored.npy", inspection.scored);
    writeTensorNpy(folder / "error_maps.npy", inspection.errorMaps);
    writeTensorNpy(folder / "attention.npy", inspection.attention);
    writeTensorNpy(folder / "top1.npy", inspection.top1);
    writeTensorNpy(folder / "predictions.npy", inspection.predictions);
}

} // namespace mnad
