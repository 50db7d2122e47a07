// mnad import: turn a checkpoint file (official MNAD weights converted by tools/mnad-convert.py, or an MNAD Studio
// checkpoint) into a run folder, so that `mnad evaluate`, `mnad inspect` and the GUI, which work on run folders,
// accept it. The file is checked against the architecture its meta describes before anything is written.

#include "app/cli/commands.h"
#include "app/cli/exit_codes.h"
#include "core/data/dataset_layout.h"
#include "core/model/mnad_model.h"
#include "core/run/atomic_file.h"
#include "core/run/config_json.h"
#include "core/run/run_folder.h"
#include "core/run/sha256.h"
#include "core/train/checkpoint.h"
#include "core/train/train_config.h"

#include <CLI/CLI.hpp>

#include <chrono>
#include <cstdio>
#include <ctime>
#include <memory>
#include <stdexcept>
#include <string>

namespace mnad::cli {

namespace {
struct ImportOptions {
    std::string checkpoint, data, runs = "runs", name = "imported";
    int size = 0; // 0: the checkpoint's image_size, else 256 (the official training size)
};

std::string nowText()
{
    const std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
    std::tm local{};
    localtime_r(&now, &local);
    char text[32];
    std::strftime(text, sizeof text, "%Y-%m-%d %H:%M:%S", &local);
    return text;
}

// The run's config.json: an MNAD Studio checkpoint keeps the training settings it carries; an official one gets
// the official defaults of its method. Either way the model is what the file holds and the dataset the user's.
TrainConfig importedConfig(const LoadedCheckpoint& loaded, const ModelConfig& model, const Dataset& dataset,
                           const std::filesystem::path& file)
{
    TrainConfig config = loaded.configJson.empty() ? TrainConfig::official(model.method)
                                                   : trainConfigFromJson(loaded.configJson, file);
    const UpdateNormalization normalization = config.model.updateNormalization;
    config.model = model;
    config.model.updateNormalization = normalization;
    config.datasetPath = std::filesystem::absolute(dataset.root).lexically_normal().string();
    config.datasetName = dataset.name;
    return config;
}

int runImport(const ImportOptions& o)
{
    const std::filesystem::path file = o.checkpoint;
    ModelConfig model = checkpointModelConfig(file);
    if (o.size > 0)
        model.imageSize = o.size;
    try {
        model.validate();
    } catch (const std::invalid_argument& e) {
        throw std::runtime_error(std::string("--size ") + std::to_string(o.size) + ": " + e.what());
    }
    MnadModel network(model);
    const LoadedCheckpoint loaded = loadCheckpoint(file, network); // every key, shape and the memory checked
    const Dataset dataset = discoverDataset(o.data);
    const TrainConfig config = importedConfig(loaded, model, dataset, file);

    const std::string bytes = readWholeFile(file);
    const RunFolder run = RunFolder::create(o.runs, dataset.name, methodName(model.method), o.name);
    writeFileAtomically(run.config(), trainConfigToJson(config, "none (imported)"));
    writeFileAtomically(run.finalCheckpoint(), bytes);
    writeFileAtomically(run.log(), nowText() + " imported " +
                                       std::filesystem::absolute(file).lexically_normal().string() + " (sha256 " +
                                       sha256Hex(bytes) + ", " +
                                       (loaded.configJson.empty() ? "not from an MNAD Studio training run"
                                                                  : "an MNAD Studio checkpoint") + ")\n");
    std::printf("checkpoint %s: %s model, width %d, t_length %d, memory %d x %d, input %d x %d\n",
                file.string().c_str(), methodName(model.method).c_str(), model.width, model.tLength,
                model.memorySize, model.featureDim(), model.imageSize, model.imageSize);
    std::printf("run folder %s\n", run.root().string().c_str());
    std::printf("evaluate with: mnad evaluate --run '%s'\n", run.root().string().c_str());
    return ExitOk;
}
} // namespace

void addImportCommand(CLI::App& app, int& exitCode)
{
    auto o = std::make_shared<ImportOptions>();
    auto* cmd = app.add_subcommand("import", "Make a run folder from a checkpoint file (official MNAD weights "
                                             "converted by tools/mnad-convert.py, or an MNAD Studio checkpoint), "
                                             "for mnad evaluate, mnad inspect and the GUI");
    cmd->add_option("checkpoint", o->checkpoint, "Checkpoint file (.pt)")->required()->check(CLI::ExistingFile);
    cmd->add_option("--data", o->data, "Dataset folder to evaluate on (its testing split)")->required();
    cmd->add_option("--runs", o->runs, "Where the run folder goes")->capture_default_str();
    cmd->add_option("--name", o->name, "Suffix of the run folder's name")->capture_default_str();
    cmd->add_option("--size", o->size, "Model input size, a multiple of 8 (default: the checkpoint's, else 256)")
        ->check(CLI::PositiveNumber);
    cmd->callback([o, &exitCode] { exitCode = runImport(*o); });
}

} // namespace mnad::cli
