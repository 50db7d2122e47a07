#include "core/jobs/run_jobs.h"

#include "core/eval/evaluation_report.h"
#include "core/io/dataset_labels.h"
#include "core/jobs/opened_run.h"
#include "core/run/atomic_file.h"

#include <torch/torch.h>

#include <algorithm>
#include <cstring>

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

template <typename T>
void copyTensor(const torch::Tensor& tensor, T* destination)
{
    const auto cpu = tensor.detach().to(torch::kCPU).contiguous();
    std::memcpy(destination, cpu.data_ptr(), cpu.numel() * sizeof(T));
}

} // namespace

RunEvaluation evaluateRun(const RunJobRequest& request, const JobProgress& progress, const StopToken* stop)
{
    OpenedRun opened = openRun(request);
    RunEvaluation result;
    result.checkpoint = opened.checkpoint;
    std::vector<std::vector<uint8_t>> labels;
    const auto labelFile = request.labels.empty() ? findLabels(opened.dataset)
                                                  : std::optional<std::filesystem::path>(request.labels);
    if (labelFile)
        labels = loadLabels(*labelFile, *opened.frames);
    else
        result.warnings.push_back("no ground truth found for " + opened.dataset.name + ": scores only, no AUC");

    result.evaluation = evaluateModel(*opened.model, *opened.frames, labels, opened.evaluation, progress, stop);
    result.evaluation.checkpoint = opened.checkpoint.string();
    result.stopped = stop && stop->stopRequested();
    if (result.stopped)
        return result;
    const RunFolder& run = opened.run;
    const Evaluation& evaluation = result.evaluation;
    writeScoresCsv(evaluation, run.scores());
    writeMemoryUsageCsv(evaluation, run.memoryUsage());
    if (evaluation.summary.hasLabels)
        writeRocCsv(evaluation, run.roc());
    const ReportContext context{opened.dataset.name, opened.checkpoint, sha256File(opened.checkpoint),
                                opened.config.model.tLength};
    writeFileAtomically(run.report(), reportJson(evaluation, context));
    return result;
}

VideoMaps inspectRunVideo(const RunJobRequest& request, int64_t video, const JobProgress& progress,
                          const StopToken* stop)
{
    OpenedRun opened = openRun(request);
    if (video < 0 || video >= opened.frames->videoCount())
        throw std::out_of_range("video " + std::to_string(video) + " does not exist: " +
                                opened.dataset.root.string() + " has " +
                                std::to_string(opened.frames->videoCount()) + " test videos");
    const bool carry = request.memoryPolicy == MemoryPolicy::CarryAcrossVideos;
    const SingleVideo single(*opened.frames, video);
    const FrameProvider& frames = carry ? static_cast<const FrameProvider&>(*opened.frames) : single;
    const int64_t target = carry ? video : 0;

    const ModelConfig& model = opened.config.model;
    VideoMaps maps;
    maps.video = opened.frames->videoName(video);
    maps.frames = opened.frames->frameCount(video);
    maps.size = model.imageSize;
    maps.items = model.memorySize;
    maps.querySize = model.querySize();
    const int64_t pixels = int64_t{maps.size} * maps.size, queries = int64_t{maps.querySize} * maps.querySize;
    maps.scored.assign(maps.frames, 0);
    maps.errors.assign(maps.frames * pixels, 0.f);
    maps.attention.assign(maps.frames * maps.items * queries, 0.f);
    maps.top1.assign(maps.frames * queries, 0);
    maps.predictions.assign(maps.frames * pixels * 3, 0);
    maps.itemSimilarity.resize(static_cast<size_t>(maps.items) * maps.items);
    copyTensor(opened.model->memory().itemSimilarity().to(torch::kFloat), maps.itemSimilarity.data());

    int64_t total = 0, done = 0;
    for (int64_t v = 0; v <= target; ++v)
        total += frames.frameCount(v);
    EvaluationConfig config = opened.evaluation;
    config.lastVideo = target;
    config.inspector = [&](int64_t v, int64_t f, const FrameInspection& frame) {
        if (v == target) {
            maps.scored[f] = 1;
            copyTensor(frame.errorMap.to(torch::kFloat), maps.errors.data() + f * pixels);
            copyTensor(frame.attention.to(torch::kFloat), maps.attention.data() + f * maps.items * queries);
            copyTensor(frame.top1.to(torch::kShort), maps.top1.data() + f * queries);
            const auto bgr = ((frame.output[0].to(torch::kCPU) + 1) * 127.5).round().clamp(0, 255).to(torch::kUInt8);
            copyTensor(bgr.permute({1, 2, 0}), maps.predictions.data() + f * pixels * 3);
        }
        if (progress && (++done % 8 == 0 || done == total))
            progress(done, total);
    };
    evaluateModel(*opened.model, frames, {}, config, {}, stop);
    if (stop && stop->stopRequested())
        return {};
    if (progress)
        progress(total, total);
    return maps;
}

} // namespace mnad
