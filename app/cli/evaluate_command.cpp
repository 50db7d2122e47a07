// mnad evaluate: score a run's test split with the official protocol and write scores.csv, report.json, roc.csv
// and memory_usage.csv into the run folder.

#include "app/cli/commands.h"
#include "app/cli/evaluation_job.h"
#include "app/cli/exit_codes.h"

#include <CLI/CLI.hpp>

#include <memory>

namespace mnad::cli {

void addEvaluateCommand(CLI::App& app, int& exitCode)
{
    auto o = std::make_shared<EvaluationOptions>();
    auto* cmd = app.add_subcommand("evaluate", "Evaluate a trained run on its dataset's test split (official protocol)");
    cmd->add_option("--run", o->run, "Run folder (its config.json says the model and dataset)")
        ->required()
        ->check(CLI::ExistingDirectory);
    cmd->add_option("--checkpoint", o->checkpoint, "Checkpoint to evaluate (default: the run's final or latest)");
    cmd->add_option("--data", o->data, "Dataset folder (default: the one the run was trained on)");
    cmd->add_option("--labels", o->labels, "Ground truth: .npy, .mat, .csv or a test_frame_mask folder (default: found "
                                           "beside the dataset)");
    cmd->add_option("--alpha", o->alpha, "PSNR weight in the score (default: 0.6 pred, 0.7 recon)");
    cmd->add_option("--th", o->threshold, "Test-time memory update threshold (default: 0.01 pred, 0.015 recon)");
    cmd->add_option("--memory-policy", o->memoryPolicy,
                    "carry: the memory carries across videos in order (official); reset: each video starts from the "
                    "trained memory")
        ->check(CLI::IsMember({"carry", "reset"}))
        ->capture_default_str();
    cmd->add_option("--encoder-batch", o->encoderBatch, "Frames per encoder pass (results do not depend on it)")
        ->check(CLI::PositiveNumber)
        ->capture_default_str();
    cmd->add_option("--device", o->device, "auto, cpu, cuda or cuda:N")->capture_default_str();
    cmd->add_option("--cpu-kernels", o->cpuKernels,
                    "What runs the convolutions on the CPU: winograd (fastest), onednn, or libtorch (exactly the "
                    "training forward); the scores agree to float rounding")
        ->check(CLI::IsMember({"winograd", "onednn", "libtorch"}))
        ->capture_default_str();
    cmd->add_option("--precision", o->precision,
                    "fp32, or bf16/fp16: mixed precision (autocast) for the convolutions, for GPUs with tensor cores")
        ->check(CLI::IsMember({"fp32", "bf16", "fp16"}))
        ->capture_default_str();
    cmd->callback([o, &exitCode] { exitCode = runEvaluation(*o).exitCode; });
}

} // namespace mnad::cli
