// mnad bench: throughput figures. `mnad bench model` times the model alone.

#include "app/cli/commands.h"
#include "core/bench/model_bench.h"
#include "core/bench/pipeline_bench.h"
#ifdef MNAD_WITH_IO
#include "core/io/loader_bench.h"
#endif

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <cstdio>
#include <memory>
#include <string>
#include <vector>

namespace mnad::cli {

namespace {
struct ModelBenchOptions {
    std::vector<int> sizes{64, 128, 256};
    std::vector<int> widths{64, 16};
    std::string method = "pred";
    std::string device = "auto";
    std::string cpuKernels = "winograd";
    int batch = 4;
    int repeats = 3;
};

void runModelBenches(const ModelBenchOptions& options)
{
    std::printf("%-6s %6s %6s %6s | %14s %12s | %14s %12s\n", "method", "size", "width", "batch", "train step s",
                "samples/s", "inference s", "frames/s");
    for (int size : options.sizes) {
        for (int width : options.widths) {
            ModelBenchCase benchCase{methodFromName(options.method), size, width, options.batch,
                                     cpuKernelsFromName(options.cpuKernels)};
            auto r = runModelBench(benchCase, options.device, options.repeats);
            std::printf("%-6s %6d %6d %6d | %14.4f %12.2f | %14.4f %12.2f\n", options.method.c_str(), size, width,
                        options.batch, r.trainStepSeconds, r.trainSamplesPerSecond(), r.inferenceSeconds,
                        r.inferenceFramesPerSecond());
            std::fflush(stdout);
        }
    }
}
struct PipelineOptions {
    std::string method = "pred", device = "auto";
    std::vector<int> sizes{64}, widths{64};
    int batch = 4, steps = 20, frames = 200, encoderBatch = 8, loaderThreads = 2;
    std::string cpuKernels = "winograd", precision = "fp32";
    bool json = false;
};

double mebibytes(int64_t bytes)
{
    return static_cast<double>(bytes) / (1024.0 * 1024.0);
}

void runPipeline(const PipelineOptions& o)
{
    nlohmann::json rows = nlohmann::json::array();
    if (!o.json)
        std::printf("%-6s %5s %6s %6s | %10s %12s | %10s %12s | %s\n", "method", "size", "width", "batch",
                    "samples/s", "train MiB", "frames/s", "eval MiB", "device");
    for (int size : o.sizes) {
        for (int width : o.widths) {
            PipelineBenchOptions options;
            options.model = ModelConfig::paper(methodFromName(o.method));
            options.model.imageSize = size;
            options.model.width = width;
            options.batch = o.batch;
            options.trainSteps = o.steps;
            options.evalFrames = o.frames;
            options.encoderBatch = o.encoderBatch;
            options.loaderThreads = o.loaderThreads;
            options.device = o.device;
            options.cpuKernels = cpuKernelsFromName(o.cpuKernels);
            options.precision = precisionFromName(o.precision);
            const auto r = runPipelineBench(options);
            rows.push_back({{"method", o.method}, {"size", size}, {"width", width}, {"batch", o.batch},
                            {"train_steps", o.steps}, {"train_samples_per_s", r.trainSamplesPerSecond},
                            {"train_peak_mib", mebibytes(r.trainPeakBytes)}, {"eval_frames", o.frames},
                            {"eval_frames_per_s", r.evalFramesPerSecond},
                            {"eval_peak_mib", mebibytes(r.evalPeakBytes)}, {"device", r.device},
                            {"eval_convolutions", r.convolutions}, {"precision", o.precision}});
            if (!o.json)
                std::printf("%-6s %5d %6d %6d | %10.2f %12.0f | %10.2f %12.0f | %s, %s\n", o.method.c_str(), size,
                            width, o.batch, r.trainSamplesPerSecond, mebibytes(r.trainPeakBytes),
                            r.evalFramesPerSecond, mebibytes(r.evalPeakBytes), r.device.c_str(), r.convolutions.c_str());
            std::fflush(stdout);
        }
    }
    if (o.json)
        std::printf("%s\n", rows.dump(2).c_str());
}
} // namespace

void addBenchCommand(CLI::App& app)
{
    auto* bench = app.add_subcommand("bench", "Measure throughput");
    bench->require_subcommand(1);
    auto options = std::make_shared<ModelBenchOptions>();
    auto* model = bench->add_subcommand(
        "model", "Time one training step (forward, backward, Adam) and one batched inference of the model alone, "
                 "median over --repeats after a warm-up");
    model->add_option("--sizes", options->sizes, "Square input sizes (multiples of 8)")
        ->delimiter(',')
        ->capture_default_str();
    model->add_option("--widths", options->widths, "First-stage widths: 64 is the paper's full width")
        ->delimiter(',')
        ->capture_default_str();
    model->add_option("--method", options->method, "pred or recon")->capture_default_str();
    model->add_option("--batch", options->batch, "Batch size")->capture_default_str()->check(CLI::PositiveNumber);
    model->add_option("--repeats", options->repeats, "Timed repetitions")
        ->capture_default_str()
        ->check(CLI::PositiveNumber);
    model->add_option("--device", options->device, "auto, cpu, cuda or cuda:N")->capture_default_str();
    model->add_option("--cpu-kernels", options->cpuKernels, "What runs the training step's convolutions on the CPU")
        ->check(CLI::IsMember({"winograd", "onednn", "libtorch"}))
        ->capture_default_str();
    model->callback([options] { runModelBenches(*options); });

    auto p = std::make_shared<PipelineOptions>();
    auto* pipeline = bench->add_subcommand(
        "pipeline", "Training samples/s and evaluation frames/s end to end (clip loading, model, memory, metrics) on "
                    "generated frames, after a warm-up");
    pipeline->add_option("--method", p->method, "pred or recon")->check(CLI::IsMember({"pred", "recon"}))->capture_default_str();
    pipeline->add_option("--sizes,--size", p->sizes, "Square input sizes (multiples of 8)")->delimiter(',')->capture_default_str();
    pipeline->add_option("--widths,--width", p->widths, "First-stage widths (64 = full)")->delimiter(',')->capture_default_str();
    pipeline->add_option("--batch", p->batch, "Training batch size")->check(CLI::PositiveNumber)->capture_default_str();
    pipeline->add_option("--steps", p->steps, "Timed training steps")->check(CLI::PositiveNumber)->capture_default_str();
    pipeline->add_option("--frames", p->frames, "Evaluated frames")->check(CLI::Range(2, 1000000))->capture_default_str();
    pipeline->add_option("--device", p->device, "auto, cpu, cuda or cuda:N")->capture_default_str();
    pipeline->add_option("--encoder-batch", p->encoderBatch, "Frames per encoder pass in evaluation")
        ->check(CLI::PositiveNumber)->capture_default_str();
    pipeline->add_option("--loader-threads", p->loaderThreads, "Clip-building threads in training")
        ->check(CLI::PositiveNumber)->capture_default_str();
    pipeline->add_option("--cpu-kernels", p->cpuKernels, "What runs training's and evaluation's convolutions on the CPU")
        ->check(CLI::IsMember({"winograd", "onednn", "libtorch"}))
        ->capture_default_str();
    pipeline->add_option("--precision", p->precision,
                         "fp32, or bf16/fp16 autocast (training runs bf16 when fp16 is asked: it has no loss scaling)")
        ->check(CLI::IsMember({"fp32", "bf16", "fp16"}))
        ->capture_default_str();
    pipeline->add_flag("--json", p->json, "Print the figures as JSON instead of a table");
    pipeline->callback([p] { runPipeline(*p); });

#ifdef MNAD_WITH_IO
    auto l = std::make_shared<LoaderBenchOptions>();
    auto* loader = bench->add_subcommand(
        "loader", "Decoded + resized frames/s from JPEG folders and from MP4 files through the clip loader, per "
                  "number of decoding threads (the data is generated into a temporary folder)");
    loader->add_option("--source-size", l->sourceSize, "Side of the frames on disk")->capture_default_str();
    loader->add_option("--size", l->modelSize, "Side after resizing (the model's input)")->capture_default_str();
    loader->add_option("--videos", l->videos, "Videos")->check(CLI::PositiveNumber)->capture_default_str();
    loader->add_option("--frames", l->framesPerVideo, "Frames per video")->check(CLI::Range(10, 100000))->capture_default_str();
    loader->add_option("--loader-threads", l->threads, "Decoding thread counts to try")->delimiter(',')->capture_default_str();
    loader->callback([l] {
        std::printf("%-6s %8s %12s   (%d videos x %d frames, %d px -> %d px)\n", "source", "threads", "frames/s",
                    l->videos, l->framesPerVideo, l->sourceSize, l->modelSize);
        for (const auto& row : runLoaderBench(*l))
            std::printf("%-6s %8d %12.1f\n", row.source.c_str(), row.threads, row.framesPerSecond);
    });
#endif
}

} // namespace mnad::cli
