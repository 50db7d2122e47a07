#include "core/jobs/import_checkpoint.h"

#include "core/data/dataset_layout.h"
#include "core/model/mnad_model.h"
#include "core/run/atomic_file.h"
#include "core/run/config_json.h"
#include "core/run/run_folder.h"
#include "core/run/sha256.h"
#include "core/train/checkpoint.h"
#include "core/train/train_config.h"

#include <chrono>
#include <ctime>
#include <stdexcept>

namespace mnad {

namespace {

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

} // namespace

ImportedRun importCheckpoint(const ImportRequest& request)
{
    const std::filesystem::path& file = request.checkpoint;
    ImportedRun imported;
    imported.model = checkpointModelConfig(file);
    if (request.size > 0)
        imported.model.imageSize = request.size;
    try {
        imported.model.validate();
    } catch (const std::invalid_argument& e) {
        throw std::invalid_argument("size " + std::to_string(request.size) + ": " + e.what());
    }
    MnadModel network(imported.model);
    const LoadedCheckpoint loaded = loadCheckpoint(file, network); // every key, shape and the memory checked
    imported.fromTraining = !loaded.configJson.empty();
    const Dataset dataset = discoverDataset(request.data);
    const TrainConfig config = importedConfig(loaded, imported.model, dataset, file);

    const std::string bytes = readWholeFile(file);
    const RunFolder run =
        RunFolder::create(request.runsRoot, dataset.name, methodName(imported.model.method), request.name);
    writeFileAtomically(run.config(), trainConfigToJson(config, "none (imported)"));
    writeFileAtomically(run.finalCheckpoint(), bytes);
    writeFileAtomically(run.log(), nowText() + " imported " +
                                       std::filesystem::absolute(file).lexically_normal().string() + " (sha256 " +
                                       sha256Hex(bytes) + ", " +
                                       (imported.fromTraining ? "an MNAD Studio checkpoint"
                                                              : "not from an MNAD Studio training run") + ")\n");
    imported.runRoot = run.root();
    return imported;
}

} // namespace mnad
