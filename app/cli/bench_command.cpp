// mnad bench: throughput figures. `mnad bench model` times the model alone.

#include "app/cli/commands.h"
#include "core/bench/model_bench.h"
#include "core/bench/pipeline_bench.h"
#ifdef MNAD_WITH_IO
#include "core/io/loader_bench.h"
#endif

#include <CLI/CLI.hpp>

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
    int batch = 4;
    int repeats = 3;
};

void runModelBenches(const ModelBenchOptions& options)
{
    std::printf("%-6s %6s %6s %6s | %14s %12s | %14s %12s\n", "method", "size", "width", "batch", "train step s",
                "samples/s", "inference s", "frames/s");
    for (int size : options.sizes) {
        for (int width : options.widths) {
            ModelBenchCase benchCase{methodFromName(options.method), size, width, options.batch};
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
    int size = 64, width = 64, batch = 4, steps = 20, frames = 200;
};

void runPipeline(const PipelineOptions& o)
{
    PipelineBenchOptions options;
    options.model = ModelConfig::paper(methodFromName(o.method));
    options.model.imageSize = o.size;
    options.model.width = o.width;
    options.batch = o.batch;
    options.trainSteps = o.steps;
    options.evalFrames = o.frames;
    options.device = o.device;
    const auto r = runPipelineBench(options);
    std::printf("%s %dx%d width %d on %s: training %.2f samples/s (batch %d, %d steps, %.1f s) | evaluation %.2f "
                "frames/s (%d frames, %.1f s)\n",
                o.method.c_str(), o.size, o.size, o.width, r.device.c_str(), r.trainSamplesPerSecond, o.batch, o.steps,
                r.trainSeconds, r.evalFramesPerSecond, o.frames, r.evalSeconds);
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
    model->callback([options] { runModelBenches(*options); });

    auto p = std::make_shared<PipelineOptions>();
    auto* pipeline = bench->add_subcommand(
        "pipeline", "Training samples/s and evaluation frames/s end to end (clip loading, model, memory, metrics) on "
                    "generated frames, after a warm-up");
    pipeline->add_option("--method", p->method, "pred or recon")->check(CLI::IsMember({"pred", "recon"}))->capture_default_str();
    pipeline->add_option("--size", p->size, "Input size")->capture_default_str();
    pipeline->add_option("--width", p->width, "First-stage width (64 = full)")->check(CLI::PositiveNumber)->capture_default_str();
    pipeline->add_option("--batch", p->batch, "Training batch size")->check(CLI::PositiveNumber)->capture_default_str();
    pipeline->add_option("--steps", p->steps, "Timed training steps")->check(CLI::PositiveNumber)->capture_default_str();
    pipeline->add_option("--frames", p->frames, "Evaluated frames")->check(CLI::Range(2, 1000000))->capture_default_str();
    pipeline->add_option("--device", p->device, "auto, cpu, cuda or cuda:N")->capture_default_str();
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
