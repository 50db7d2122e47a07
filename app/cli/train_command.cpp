// mnad train: train a model on a dataset in a new run folder, or resume a run.

#include "app/cli/commands.h"
#include "app/cli/exit_codes.h"
#include "app/cli/interrupt.h"
#include "app/cli/progress_printer.h"
#include "core/data/dataset_layout.h"
#include "core/io/disk_frame_provider.h"
#include "core/run/config_json.h"
#include "core/train/trainer.h"

#include <CLI/CLI.hpp>

#include <cstdio>
#include <memory>

namespace mnad::cli {

namespace {
struct TrainOptions {
    std::string data, runs = "runs", name, resume, method = "pred", device = "auto", precision = "fp32";
    std::string cpuKernels = "winograd";
    int epochs = 60, batch = 4, size = 256, width = 64, memorySize = 10, tLength = 0, loaderThreads = 2;
    int checkpointEvery = 0, keepCheckpoints = 3;
    double lr = 2e-4, lambdaCompact = -1, lambdaSeparate = -1;
    uint64_t seed = 2020;
    int64_t logEvery = 50;
    bool paperUpdate = false;
};

TrainConfig configFrom(const TrainOptions& o, const Dataset& dataset)
{
    TrainConfig c = TrainConfig::official(methodFromName(o.method));
    c.model.imageSize = o.size;
    c.model.width = o.width;
    c.model.memorySize = o.memorySize;
    if (o.tLength > 0)
        c.model.tLength = o.tLength;
    c.model.updateNormalization = o.paperUpdate ? UpdateNormalization::AssignedQueries : UpdateNormalization::AllQueries;
    c.epochs = o.epochs;
    c.batchSize = o.batch;
    c.learningRate = o.lr;
    if (o.lambdaCompact >= 0)
        c.lambdaCompact = o.lambdaCompact;
    if (o.lambdaSeparate >= 0)
        c.lambdaSeparate = o.lambdaSeparate;
    c.seed = o.seed;
    c.device = o.device;
    c.precision = precisionFromName(o.precision);
    c.cpuKernels = cpuKernelsFromName(o.cpuKernels);
    c.loaderThreads = o.loaderThreads;
    c.checkpointEverySteps = o.checkpointEvery;
    c.keepCheckpoints = o.keepCheckpoints;
    c.datasetPath = dataset.root.string();
    c.datasetName = dataset.name;
    return c;
}

int runTrain(const TrainOptions& o)
{
    StopToken stop;
    InterruptGuard interrupts(stop);
    ProgressPrinter printer(o.logEvery);
    TrainingResult result;
    if (!o.resume.empty()) {
        RunFolder run(o.resume);
        const TrainConfig config = readTrainConfig(run.config());
        const Dataset dataset = discoverDataset(o.data.empty() ? config.datasetPath : o.data);
        auto frames = std::make_shared<DiskFrameProvider>(dataset.training, config.model.imageSize);
        result = resumeRun(run, frames, printer, stop);
    } else {
        if (o.data.empty())
            throw CLI::ValidationError("--data", "a dataset folder is needed (or --resume RUN)");
        const Dataset dataset = discoverDataset(o.data);
        for (const auto& warning : dataset.warnings)
            std::fprintf(stderr, "warning: %s\n", warning.c_str());
        if (dataset.training.empty())
            throw std::runtime_error(dataset.root.string() + ": no training videos");
        const TrainConfig config = configFrom(o, dataset);
        config.validate();
        auto frames = std::make_shared<DiskFrameProvider>(dataset.training, config.model.imageSize);
        const RunFolder run = RunFolder::create(o.runs, dataset.name, methodName(config.model.method), o.name);
        result = trainNewRun(config, frames, run, printer, stop);
    }
    printer.finish();
    std::printf("%s after %lld steps in %s (%.2f samples/s); checkpoint %s\n",
                result.outcome == TrainingOutcome::Finished ? "finished" : "stopped",
                static_cast<long long>(result.steps), formatDuration(result.seconds).c_str(), result.samplesPerSecond,
                result.checkpoint.string().c_str());
    if (result.outcome == TrainingOutcome::Stopped)
        std::printf("resume with: mnad train --resume %s\n", result.runFolder.string().c_str());
    return result.outcome == TrainingOutcome::Finished ? ExitOk : ExitStopped;
}
} // namespace

void addTrainCommand(CLI::App& app, int& exitCode)
{
    auto o = std::make_shared<TrainOptions>();
    auto* cmd = app.add_subcommand("train", "Train a model (official MNAD procedure) in a new run folder, or resume one");
    cmd->add_option("--data", o->data, "Dataset folder (MNAD/ano_pred layout, UCSD layout, or video files)");
    cmd->add_option("--resume", o->resume, "Run folder to continue from its last checkpoint")->check(CLI::ExistingDirectory);
    cmd->add_option("--runs", o->runs, "Where new run folders go")->capture_default_str();
    cmd->add_option("--name", o->name, "Suffix of the run folder's name");
    cmd->add_option("--method", o->method, "pred (4 frames predict the 5th) or recon (reconstruct 1 frame)")
        ->check(CLI::IsMember({"pred", "recon"}))->capture_default_str();
    cmd->add_option("--epochs", o->epochs, "Epochs (official: 60)")->check(CLI::PositiveNumber)->capture_default_str();
    cmd->add_option("--batch", o->batch, "Batch size (official: 4)")->check(CLI::PositiveNumber)->capture_default_str();
    cmd->add_option("--lr", o->lr, "Adam learning rate, annealed to 0 by a per-epoch cosine")->check(CLI::PositiveNumber)->capture_default_str();
    cmd->add_option("--lambda-compact", o->lambdaCompact, "Compactness loss weight (default: 0.1 pred, 0.01 recon)");
    cmd->add_option("--lambda-separate", o->lambdaSeparate, "Separateness loss weight (default: 0.1 pred, 0.01 recon)");
    cmd->add_option("--size", o->size, "Square input size, a multiple of 8 (paper: 256)")->capture_default_str();
    cmd->add_option("--width", o->width, "Channels of the first stage; 64 is the paper's model, 16 a quick CPU one")
        ->check(CLI::PositiveNumber)->capture_default_str();
    cmd->add_option("--memory-size", o->memorySize, "Memory items (paper: 10)")->check(CLI::Range(2, 10000))->capture_default_str();
    cmd->add_option("--t-length", o->tLength, "Frames per clip (default: 5 pred, 1 recon)");
    cmd->add_flag("--paper-update", o->paperUpdate,
                  "Normalise memory updates by the max over each item's own queries (paper Eq. 5) instead of the "
                  "official code's max over all queries");
    cmd->add_option("--seed", o->seed, "Seed for the memory, weights and clip order")->capture_default_str();
    cmd->add_option("--device", o->device, "auto, cpu, cuda or cuda:N")->capture_default_str();
    cmd->add_option("--precision", o->precision,
                    "fp32, or bf16: mixed precision (autocast) for the convolutions, for GPUs with tensor cores")
        ->check(CLI::IsMember({"fp32", "bf16"}))
        ->capture_default_str();
    cmd->add_option("--cpu-kernels", o->cpuKernels,
                    "What runs a CPU training step's convolutions: winograd (oneDNN's Winograd where it pays, ~1.4x "
                    "faster), onednn (oneDNN, direct) or libtorch (the modules, exactly LibTorch's arithmetic)")
        ->check(CLI::IsMember({"winograd", "onednn", "libtorch"}))
        ->capture_default_str();
    cmd->add_option("--loader-threads", o->loaderThreads, "Frame decoding threads")->check(CLI::PositiveNumber)->capture_default_str();
    cmd->add_option("--checkpoint-every", o->checkpointEvery, "Also checkpoint every N steps (0: per epoch only)")
        ->check(CLI::NonNegativeNumber)->capture_default_str();
    cmd->add_option("--keep-checkpoints", o->keepCheckpoints, "Step checkpoints kept besides the final one")
        ->check(CLI::PositiveNumber)->capture_default_str();
    cmd->add_option("--log-every", o->logEvery, "Without a terminal, print a line every N steps")->capture_default_str();
    cmd->callback([o, &exitCode] { exitCode = runTrain(*o); });
}

} // namespace mnad::cli
