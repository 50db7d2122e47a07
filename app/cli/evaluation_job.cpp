#include "app/cli/evaluation_job.h"

#include "app/cli/exit_codes.h"
#include "app/cli/interrupt.h"
#include "core/data/dataset_layout.h"
#include "core/eval/evaluation_report.h"
#include "core/eval/evaluator.h"
#include "core/io/dataset_labels.h"
#include "core/io/disk_frame_provider.h"
#include "core/run/atomic_file.h"
#include "core/run/config_json.h"
#include "core/run/run_folder.h"
#include "core/runtime/device.h"
#include "core/train/checkpoint.h"

#include <cstdio>
#include <stdexcept>

namespace mnad::cli {

OpenRun openRun(const EvaluationOptions& o)
{
    OpenRun r;
    r.run = RunFolder(o.run);
    r.config = readTrainConfig(r.run.config());
    r.checkpoint = o.checkpoint;
    if (r.checkpoint.empty()) {
        const auto latest = r.run.latestCheckpoint();
        if (!latest)
            throw std::runtime_error(r.run.root().string() + ": no checkpoint to evaluate (train it first)");
        r.checkpoint = *latest;
    }
    r.model = std::make_unique<MnadModel>(r.config.model);
    loadCheckpoint(r.checkpoint, *r.model);
    r.model->to(selectDevice(o.device));
    r.dataset = discoverDataset(o.data.empty() ? r.config.datasetPath : o.data);
    if (r.dataset.testing.empty())
        throw std::runtime_error(r.dataset.root.string() + ": no test videos");
    r.frames = std::make_unique<DiskFrameProvider>(r.dataset.testing, r.config.model.imageSize);
    r.evaluation = EvaluationConfig::official(r.config.model.method);
    if (o.alpha >= 0)
        r.evaluation.alpha = o.alpha;
    if (o.threshold >= 0)
        r.evaluation.threshold = o.threshold;
    r.evaluation.memoryPolicy = o.memoryPolicy == "reset" ? MemoryPolicy::ResetPerVideo : MemoryPolicy::CarryAcrossVideos;
    r.evaluation.encoderBatch = o.encoderBatch;
    return r;
}

EvaluationOutcome runEvaluation(const EvaluationOptions& o)
{
    OpenRun opened = openRun(o);
    const RunFolder& run = opened.run;
    const TrainConfig& config = opened.config;
    const auto& checkpoint = opened.checkpoint;
    MnadModel& model = *opened.model;
    const Dataset& dataset = opened.dataset;
    const DiskFrameProvider& frames = *opened.frames;
    const EvaluationConfig& ec = opened.evaluation;
    std::vector<std::vector<uint8_t>> labels;
    const auto labelFile = o.labels.empty() ? findLabels(dataset) : std::optional<std::filesystem::path>(o.labels);
    if (labelFile)
        labels = loadLabels(*labelFile, frames);
    else
        std::fprintf(stderr, "warning: no ground truth found for %s: scores only, no AUC\n", dataset.name.c_str());

    StopToken stop;
    InterruptGuard interrupts(stop);
    const Evaluation evaluation = evaluateModel(model, frames, labels, ec, [](int64_t done, int64_t all) {
        std::printf("evaluated video %lld/%lld\n", static_cast<long long>(done), static_cast<long long>(all));
        std::fflush(stdout);
    }, &stop);
    if (stop.stopRequested()) {
        std::printf("stopped; nothing written\n");
        return {ExitStopped};
    }
    writeScoresCsv(evaluation, run.scores());
    writeMemoryUsageCsv(evaluation, run.memoryUsage());
    if (evaluation.summary.hasLabels)
        writeRocCsv(evaluation, run.roc());
    ReportContext context{dataset.name, checkpoint, sha256File(checkpoint), config.model.tLength};
    writeFileAtomically(run.report(), reportJson(evaluation, context));

    const auto& s = evaluation.summary;
    std::printf("%lld frames scored in %.1f s (%.1f frames/s), %lld memory updates\n",
                static_cast<long long>(s.scoredFrames), s.seconds, s.framesPerSecond,
                static_cast<long long>(s.memoryUpdates));
    if (s.hasLabels)
        std::printf("frame AUC (micro) %.4f | macro %.4f (%d videos, %d skipped) | EER %.4f | AP %.4f | causal AUC %.4f\n",
                    s.microAuc, s.macroAuc.value, s.macroAuc.videosUsed, s.macroAuc.videosSkipped, s.equalErrorRate,
                    s.averagePrecision, s.causalMicroAuc);
    std::printf("results in %s\n", run.root().string().c_str());
    return {ExitOk, s.hasLabels, s.microAuc, s.framesPerSecond};
}

} // namespace mnad::cli
