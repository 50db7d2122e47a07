#include "core/run/config_json.h"

#include "core/data/data_error.h"
#include "core/runtime/build_info.h"

#include <nlohmann/json.hpp>

#include <fstream>
#include <limits>
#include <sstream>
#include <type_traits>

namespace mnad {
using nlohmann::json;

std::string trainConfigToJson(const TrainConfig& c, const std::string& device)
{
    const auto build = collectBuildInfo();
    json j;
    j["model"] = {{"method", methodName(c.model.method)},
                  {"t_length", c.model.tLength},
                  {"image_channels", c.model.imageChannels},
                  {"width", c.model.width},
                  {"memory_size", c.model.memorySize},
                  {"feature_dim", c.model.featureDim()},
                  {"image_size", c.model.imageSize},
                  {"update_normalization",
                   c.model.updateNormalization == UpdateNormalization::AllQueries ? "official" : "paper"}};
    j["training"] = {{"epochs", c.epochs},
                     {"batch_size", c.batchSize},
                     {"learning_rate", c.learningRate},
                     {"lambda_compact", c.lambdaCompact},
                     {"lambda_separate", c.lambdaSeparate},
                     {"seed", c.seed},
                     {"device", c.device},
                     {"precision", precisionName(c.precision)},
                     {"cpu_kernels", cpuKernelsName(c.cpuKernels)},
                     {"loader_threads", c.loaderThreads},
                     {"checkpoint_every_steps", c.checkpointEverySteps},
                     {"keep_checkpoints", c.keepCheckpoints}};
    j["dataset"] = {{"path", c.datasetPath}, {"name", c.datasetName}};
    j["environment"] = {{"mnad_studio", build.mnadVersion},
                        {"libtorch", build.libtorchVersion},
                        {"device", device},
                        {"gpus", build.gpuNames},
                        {"torch_threads", build.torchThreads}};
    return j.dump(2) + "\n";
}

namespace {

// nlohmann's get<int>() casts a float or an out-of-range integer without a check (undefined behaviour, found by
// fuzzing): integer fields must be JSON integers within the field's range.
template <typename T>
T integer(const json& object, const char* key)
{
    const json& value = object.at(key);
    const bool fits = value.is_number_unsigned()
                          ? value.get<uint64_t>() <= static_cast<uint64_t>(std::numeric_limits<T>::max())
                          : value.is_number_integer() && std::is_signed_v<T> &&
                                value.get<int64_t>() >= static_cast<int64_t>(std::numeric_limits<T>::min()) &&
                                value.get<int64_t>() <= static_cast<int64_t>(std::numeric_limits<T>::max());
    if (!fits)
        throw std::invalid_argument(std::string("'") + key + "' must be an integer in range, not " + value.dump());
    return value.get<T>();
}

template <typename T>
T integerOr(const json& object, const char* key, T fallback)
{
    return object.contains(key) ? integer<T>(object, key) : fallback;
}

} // namespace

TrainConfig trainConfigFromJson(const std::string& text, const std::filesystem::path& file)
{
    json j;
    try {
        j = json::parse(text);
    } catch (const json::exception& e) { // parse errors, and numbers out of range (found by fuzzing)
        throw DataError(file, std::string("malformed JSON: ") + e.what());
    }
    TrainConfig c;
    try {
        const auto& m = j.at("model");
        c.model.method = methodFromName(m.at("method").get<std::string>());
        c.model.tLength = integer<int>(m, "t_length");
        c.model.imageChannels = integer<int>(m, "image_channels");
        c.model.width = integer<int>(m, "width");
        c.model.memorySize = integer<int>(m, "memory_size");
        c.model.imageSize = integer<int>(m, "image_size");
        c.model.updateNormalization = m.value("update_normalization", std::string("official")) == "paper"
                                          ? UpdateNormalization::AssignedQueries
                                          : UpdateNormalization::AllQueries;
        const auto& t = j.at("training");
        c.epochs = integer<int>(t, "epochs");
        c.batchSize = integer<int>(t, "batch_size");
        c.learningRate = t.at("learning_rate").get<double>();
        c.lambdaCompact = t.at("lambda_compact").get<double>();
        c.lambdaSeparate = t.at("lambda_separate").get<double>();
        c.seed = integer<uint64_t>(t, "seed");
        c.device = t.at("device").get<std::string>();
        c.precision = precisionFromName(t.value("precision", std::string("fp32")));
        c.cpuKernels = cpuKernelsFromName(t.value("cpu_kernels", std::string("libtorch")));
        c.loaderThreads = integerOr<int>(t, "loader_threads", 2);
        c.checkpointEverySteps = integerOr<int>(t, "checkpoint_every_steps", 0);
        c.keepCheckpoints = integerOr<int>(t, "keep_checkpoints", 3);
        if (j.contains("dataset")) {
            c.datasetPath = j["dataset"].value("path", std::string());
            c.datasetName = j["dataset"].value("name", std::string());
        }
        c.validate();
    } catch (const json::exception& e) {
        throw DataError(file, std::string("not a valid run configuration: ") + e.what());
    } catch (const std::invalid_argument& e) {
        throw DataError(file, e.what());
    }
    return c;
}

TrainConfig readTrainConfig(const std::filesystem::path& file)
{
    std::ifstream in(file);
    if (!in)
        throw DataError(file, "cannot open the run configuration");
    std::stringstream text;
    text << in.rdbuf();
    return trainConfigFromJson(text.str(), file);
}

} // namespace mnad
