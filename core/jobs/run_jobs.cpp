#include "core/jobs/run_jobs.h"

#include "core/eval/evaluation_report.h"
#include "core/eval/video_inspection.h"
#include "core/io/dataset_labels.h"
#include "core/jobs/opened_run.h"
#include "core/run/atomic_file.h"

#include <torch/torch.h>

#include <algorithm>
#include <cstring>

namespace mnad {

namespace {

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
    const VideoInspection inspection =
        inspectVideo(*opened.model, *opened.frames, video, opened.evaluation, progress, stop);
    if (inspection.scored.numel() == 0)
        return {}; // stopped

    const ModelConfig& model = opened.config.model;
    VideoMaps maps;
    maps.video = inspection.video;
    maps.frames = inspection.scored.numel();
    maps.size = model.imageSize;
    maps.items = model.memorySize;
    maps.querySize = model.querySize();
    maps.scored.resize(static_cast<size_t>(maps.frames));
    copyTensor(inspection.scored.to(torch::kUInt8), maps.scored.data());
    maps.errors.resize(static_cast<size_t>(inspection.errorMaps.numel()));
    copyTensor(inspection.errorMaps.to(torch::kFloat), maps.errors.data());
    maps.attention.resize(static_cast<size_t>(inspection.attention.numel()));
    copyTensor(inspection.attention.to(torch::kFloat), maps.attention.data());
    maps.top1.resize(static_cast<size_t>(inspection.top1.numel()));
    copyTensor(inspection.top1.to(torch::kShort), maps.top1.data());
    maps.predictions.resize(static_cast<size_t>(inspection.predictions.numel()));
    copyTensor(inspection.predictions, maps.predictions.data());
    maps.itemSimilarity.resize(static_cast<size_t>(maps.items) * maps.items);
    copyTensor(opened.model->memory().itemSimilarity().to(torch::kFloat), maps.itemSimilarity.data());
    return maps;
}

} // namespace mnad
