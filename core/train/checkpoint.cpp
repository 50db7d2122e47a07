#include "core/train/checkpoint.h"

#include "core/data/data_error.h"
#include "core/model/state_dict.h"
#include "core/run/atomic_file.h"

#include <torch/serialize.h>
#include <torch/torch.h>

#include <sstream>

namespace mnad {

namespace {
c10::impl::GenericDict stringKeyDict()
{
    return c10::impl::GenericDict(c10::StringType::get(), c10::AnyType::get());
}

torch::Tensor bytesToTensor(const std::string& bytes)
{
    auto t = torch::empty({static_cast<int64_t>(bytes.size())}, torch::kUInt8);
    std::memcpy(t.data_ptr<uint8_t>(), bytes.data(), bytes.size());
    return t;
}

std::string tensorToBytes(const torch::Tensor& t)
{
    auto c = t.contiguous().to(torch::kCPU);
    return std::string(reinterpret_cast<const char*>(c.data_ptr<uint8_t>()), static_cast<size_t>(c.numel()));
}

c10::IValue entry(const c10::impl::GenericDict& dict, const std::string& key, const std::filesystem::path& file)
{
    if (!dict.contains(key))
        throw DataError(file, "not an MNAD checkpoint: no '" + key + "' entry");
    return dict.at(key);
}
} // namespace

void saveCheckpoint(const std::filesystem::path& file, MnadModel& model, torch::optim::Adam* optimizer,
                    const TrainingPosition& position, const std::string& configJson)
{
    c10::Dict<std::string, torch::Tensor> state;
    for (const auto& [name, tensor] : stateDict(*model.network()))
        state.insert(name, tensor.detach().to(torch::kCPU).contiguous());
    const auto& c = model.config();
    auto meta = stringKeyDict();
    meta.insert("method", methodName(c.method));
    meta.insert("t_length", static_cast<int64_t>(c.tLength));
    meta.insert("memory_size", static_cast<int64_t>(c.memorySize));
    meta.insert("feature_dim", static_cast<int64_t>(c.featureDim()));
    meta.insert("width", static_cast<int64_t>(c.width));
    meta.insert("image_size", static_cast<int64_t>(c.imageSize));

    auto dict = stringKeyDict();
    dict.insert("format", std::string("mnad-studio"));
    dict.insert("version", static_cast<int64_t>(1));
    dict.insert("state_dict", state);
    dict.insert("m_items", model.memory().items().to(torch::kCPU));
    dict.insert("meta", meta);
    dict.insert("epoch", static_cast<int64_t>(position.epoch));
    dict.insert("batch_in_epoch", position.batchInEpoch);
    dict.insert("step", position.step);
    dict.insert("config_json", configJson);
    if (optimizer) {
        torch::serialize::OutputArchive archive;
        optimizer->save(archive);
        std::ostringstream bytes;
        archive.save_to(bytes);
        dict.insert("optimizer", bytesToTensor(bytes.str()));
    }
    const std::vector<char> bytes = torch::pickle_save(dict);
    writeFileAtomically(file, std::string(bytes.begin(), bytes.end()));
}

namespace {
// The file's top-level dict; the unpickler knows tensors and plain containers only, so no code from the file runs.
c10::impl::GenericDict readCheckpointDict(const std::filesystem::path& file)
{
    const std::string raw = readWholeFile(file);
    try {
        auto value = torch::pickle_load(std::vector<char>(raw.begin(), raw.end()));
        if (!value.isGenericDict())
            throw DataError(file, "not an MNAD checkpoint: the file holds a " + value.tagKind() + ", not a dict");
        return value.toGenericDict();
    } catch (const c10::Error& e) {
        // LibTorch reads a Python OrderedDict (what model.state_dict() returns) as None and then fails here.
        throw DataError(file, "not a readable torch file (truncated or corrupt; a legacy-format or whole-model "
                              "pickle such as the official model.pth: convert it with tools/mnad-convert.py first; "
                              "or a state dict saved as an OrderedDict: save dict(model.state_dict())): " +
                                  std::string(e.what_without_backtrace()));
    }
}
} // namespace

ModelConfig checkpointModelConfig(const std::filesystem::path& file)
{
    const auto dict = readCheckpointDict(file);
    try {
        const auto meta = entry(dict, "meta", file).toGenericDict();
        auto field = [&](const std::string& key) {
            if (!meta.contains(key))
                throw DataError(file, "the checkpoint's meta has no '" + key + "'");
            return meta.at(key);
        };
        ModelConfig config = ModelConfig::paper(methodFromName(field("method").toStringRef()));
        config.tLength = static_cast<int>(field("t_length").toInt());
        config.memorySize = static_cast<int>(field("memory_size").toInt());
        const int64_t featureDim = field("feature_dim").toInt();
        config.width = static_cast<int>(meta.contains("width") ? meta.at("width").toInt() : featureDim / 8);
        if (config.featureDim() != featureDim)
            throw DataError(file, "the checkpoint's meta says feature_dim " + std::to_string(featureDim) +
                                      ", which is not 8 x width");
        if (meta.contains("image_channels"))
            config.imageChannels = static_cast<int>(meta.at("image_channels").toInt());
        if (meta.contains("image_size"))
            config.imageSize = static_cast<int>(meta.at("image_size").toInt());
        config.validate();
        return config;
    } catch (const c10::Error& e) {
        throw DataError(file, "malformed meta: " + std::string(e.what_without_backtrace()));
    } catch (const std::invalid_argument& e) { // an unknown method or an invalid configuration
        throw DataError(file, std::string("the checkpoint's meta describes no usable model: ") + e.what());
    }
}

LoadedCheckpoint loadCheckpoint(const std::filesystem::path& file, MnadModel& model, torch::optim::Adam* optimizer)
{
    const auto dict = readCheckpointDict(file);
    std::map<std::string, torch::Tensor> state;
    torch::Tensor items;
    try {
        for (const auto& item : entry(dict, "state_dict", file).toGenericDict())
            state[item.key().toStringRef()] = item.value().toTensor();
        items = entry(dict, "m_items", file).toTensor();
    } catch (const c10::Error& e) {
        throw DataError(file, "malformed checkpoint: 'state_dict' must be a dict of tensors and 'm_items' a "
                              "tensor (" + std::string(e.what_without_backtrace()) + ")");
    }
    if (items.dim() != 2 || items.size(0) != model.memory().size() || items.size(1) != model.memory().dim()) {
        throw DataError(file, c10::str("memory 'm_items' has shape ", items.sizes(), ", the model expects [",
                                       model.memory().size(), ", ", model.memory().dim(), "]"));
    }
    if (!items.is_floating_point())
        throw DataError(file, c10::str("memory 'm_items' holds ", items.dtype(), " values, not floating point"));
    try {
        loadStateDict(*model.network(), state, file.string());
    } catch (const std::runtime_error& e) {
        throw DataError(file, std::string(e.what()).substr(file.string().size() + 2));
    }
    model.memory().setItems(items);

    LoadedCheckpoint out;
    if (dict.contains("step")) {
        out.position.epoch = static_cast<int>(dict.at("epoch").toInt());
        out.position.batchInEpoch = dict.at("batch_in_epoch").toInt();
        out.position.step = dict.at("step").toInt();
    }
    if (dict.contains("config_json"))
        out.configJson = dict.at("config_json").toStringRef();
    out.hasOptimizer = dict.contains("optimizer");
    if (optimizer && out.hasOptimizer) {
        std::istringstream bytes(tensorToBytes(dict.at("optimizer").toTensor()));
        torch::serialize::InputArchive archive;
        archive.load_from(bytes);
        optimizer->load(archive);
    }
    return out;
}

} // namespace mnad
