// mnad inspect: the per-frame maps of one test video (error heatmaps, memory attention, most attended item,
// predicted frames) as .npy files in <run>/inspect/<video>/, for the GUI's inspector or for NumPy.

#include "app/cli/commands.h"
#include "app/cli/evaluation_job.h"
#include "app/cli/exit_codes.h"
#include "core/eval/video_inspection.h"
#include "core/jobs/opened_run.h"

#include <CLI/CLI.hpp>

#include <cstdio>
#include <memory>

namespace mnad::cli {

namespace {
struct InspectOptions {
    EvaluationOptions run;
    std::string video, out;
};

int runInspect(const InspectOptions& o)
{
    OpenedRun opened = openRun(o.run.request());
    const int64_t index = opened.videoIndex(o.video);
    const auto inspection = inspectVideo(*opened.model, *opened.frames, index, opened.evaluation);
    const std::filesystem::path folder = o.out.empty() ? opened.run.root() / "inspect" / o.video : std::filesystem::path(o.out);
    writeVideoInspection(inspection, folder);
    std::printf("video %s: %lld frames, %lld scored; maps written to %s\n", o.video.c_str(),
                static_cast<long long>(inspection.scored.size(0)),
                static_cast<long long>(inspection.scored.sum().item<int64_t>()), folder.string().c_str());
    return ExitOk;
}
} // namespace

void addInspectCommand(CLI::App& app, int& exitCode)
{
    auto o = std::make_shared<InspectOptions>();
    auto* cmd = app.add_subcommand("inspect", "Write one test video's per-frame error maps, memory attention maps, "
                                              "most attended items and predicted frames (.npy) into the run folder");
    cmd->add_option("--run", o->run.run, "Run folder")->required()->check(CLI::ExistingDirectory);
    cmd->add_option("--video", o->video, "Test video name (as in scores.csv)")->required();
    cmd->add_option("--out", o->out, "Output folder (default: <run>/inspect/<video>)");
    cmd->add_option("--checkpoint", o->run.checkpoint, "Checkpoint (default: the run's final or latest)");
    cmd->add_option("--data", o->run.data, "Dataset folder (default: the run's)");
    cmd->add_option("--memory-policy", o->run.memoryPolicy,
                    "carry: earlier videos update the memory first (official); reset: start from the trained memory")
        ->check(CLI::IsMember({"carry", "reset"}))
        ->capture_default_str();
    cmd->add_option("--device", o->run.device, "auto, cpu, cuda or cuda:N")->capture_default_str();
    cmd->callback([o, &exitCode] { exitCode = runInspect(*o); });
}

} // namespace mnad::cli
