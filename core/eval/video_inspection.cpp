#include "core/eval/video_inspection.h"

#include "core/run/tensor_npy.h"

#include <torch/torch.h>

#include <stdexcept>

namespace mnad {

VideoInspection inspectVideo(MnadModel& model, const FrameProvider& frames, int64_t video, EvaluationConfig config)
{
    if (video < 0 || video >= frames.videoCount())
        throw std::out_of_range("video " + std::to_string(video) + " does not exist: the split has " +
                                std::to_string(frames.videoCount()) + " videos");
    const int64_t count = frames.frameCount(video);
    const int size = model.config().imageSize, grid = model.config().querySize(), m = model.config().memorySize;
    VideoInspection out;
    out.video = frames.videoName(video);
    out.scored = torch::zeros({count}, torch::kBool);
    out.errorMaps = torch::zeros({count, size, size});
    out.attention = torch::zeros({count, m, grid, grid});
    out.top1 = torch::zeros({count, grid, grid}, torch::kLong);
    out.predictions = torch::zeros({count, size, size, 3}, torch::kUInt8);
    config.lastVideo = video;
    config.inspector = [&](int64_t v, int64_t f, const FrameInspection& frame) {
        if (v != video)
            return;
        out.scored[f] = true;
        out.errorMaps[f].copy_(frame.errorMap.to(torch::kCPU));
        out.attention[f].copy_(frame.attention.to(torch::kCPU));
        out.top1[f].copy_(frame.top1.to(torch::kCPU));
        auto bgr = ((frame.output[0].to(torch::kCPU) + 1) * 127.5).round().clamp(0, 255).to(torch::kUInt8);
        out.predictions[f].copy_(bgr.permute({1, 2, 0}));
    };
    evaluateModel(model, frames, {}, config);
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
