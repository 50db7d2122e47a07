// mnad demo: MNAD Studio's whole job on a generated, labelled surveillance-like dataset: generate it (once),
// train a CPU-sized prediction model, evaluate it, and say where the results are.

#include "app/cli/commands.h"
#include "app/cli/evaluation_job.h"
#include "app/cli/exit_codes.h"
#include "app/cli/interrupt.h"
#include "app/cli/progress_printer.h"
#include "core/data/dataset_layout.h"
#include "core/demo/demo_dataset.h"
#include "core/io/demo_writer.h"
#include "core/io/disk_frame_provider.h"
#include "core/train/trainer.h"

#include <CLI/CLI.hpp>

#include <chrono>
#include <cstdio>
#include <memory>

namespace mnad::cli {

namespace {
struct DemoOptions {
    std::string root = "mnad-demo", device = "auto", cpuKernels = "winograd";
    int epochs = 10, size = 64, width = 16, frames = 120;
    double lr = 1e-3; // higher than the official 2e-4 so that the small model converges in a few epochs
    uint64_t seed = 7;
};

int runDemo(const DemoOptions& o)
{
    const auto start = std::chrono::steady_clock::now();
    DemoSpec spec;
    spec.seed = o.seed;
    spec.framesPerVideo = o.frames;
    const DemoDataset generated(spec);
    std::printf("demo dataset: %d training and %d test videos of %d frames (cyclist, cart, grass crossing, fall; "
                "%d test videos all normal)\n",
                spec.trainVideos, spec.testVideos, spec.framesPerVideo, spec.normalTestVideos);
    const auto datasetDir = writeDemoDataset(generated, std::filesystem::path(o.root) / "datasets", o.size);
    std::printf("dataset folder: %s\n", datasetDir.string().c_str());
    const Dataset dataset = discoverDataset(datasetDir);

    TrainConfig config = TrainConfig::official(Method::Prediction);
    config.model.imageSize = o.size;
    config.model.width = o.width;
    config.epochs = o.epochs;
    config.learningRate = o.lr;
    config.seed = o.seed;
    config.device = o.device;
    config.cpuKernels = cpuKernelsFromName(o.cpuKernels);
    config.datasetPath = dataset.root.string();
    config.datasetName = dataset.name;
    auto frames = std::make_shared<DiskFrameProvider>(dataset.training, o.size);
    const RunFolder run = RunFolder::create(std::filesystem::path(o.root) / "runs", dataset.name, "pred", "demo");
    StopToken stop;
    TrainingResult result;
    {
        InterruptGuard interrupts(stop);
        ProgressPrinter printer(100);
        result = trainNewRun(config, frames, run, printer, stop);
        printer.finish();
    }
    if (result.outcome == TrainingOutcome::Stopped) {
        std::printf("stopped; resume with: mnad train --resume %s\n", run.root().string().c_str());
        return ExitStopped;
    }
    std::printf("trained %lld steps in %s (%.1f samples/s)\n", static_cast<long long>(result.steps),
                formatDuration(result.seconds).c_str(), result.samplesPerSecond);

    EvaluationOptions eval;
    eval.run = run.root().string();
    eval.device = o.device;
    const EvaluationOutcome outcome = runEvaluation(eval);
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::printf("demo done in %s: frame AUC %.4f; run folder %s\n", formatDuration(seconds).c_str(), outcome.microAuc,
                run.root().string().c_str());
    return outcome.exitCode;
}
} // namespace

void addDemoCommand(CLI::App& app, int& exitCode)
{
    auto o = std::make_shared<DemoOptions>();
    auto* cmd = app.add_subcommand("demo", "Generate a labelled surveillance-like dataset (once), train a quick "
                                           "prediction model on it, evaluate it and print the frame AUC");
    cmd->add_option("--root", o->root, "Folder for the generated dataset and the runs")->capture_default_str();
    cmd->add_option("--epochs", o->epochs, "Training epochs")->check(CLI::PositiveNumber)->capture_default_str();
    cmd->add_option("--lr", o->lr, "Adam learning rate (the official 2e-4 needs many more epochs)")->capture_default_str();
    cmd->add_option("--size", o->size, "Frame and model input size")->capture_default_str();
    cmd->add_option("--width", o->width, "Model width (64 = the paper's)")->check(CLI::PositiveNumber)->capture_default_str();
    cmd->add_option("--frames", o->frames, "Frames per video")->check(CLI::Range(20, 100000))->capture_default_str();
    cmd->add_option("--seed", o->seed, "Seed of the dataset and the training")->capture_default_str();
    cmd->add_option("--device", o->device, "auto, cpu, cuda or cuda:N")->capture_default_str();
    cmd->add_option("--cpu-kernels", o->cpuKernels, "What runs training's convolutions on the CPU (as mnad train)")
        ->check(CLI::IsMember({"winograd", "onednn", "libtorch"}))
        ->capture_default_str();
    cmd->callback([o, &exitCode] { exitCode = runDemo(*o); });
}

} // namespace mnad::cli
