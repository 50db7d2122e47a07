#pragma once
// config.json of a run: the training configuration, plus the versions and device it ran with.

#include "core/train/train_config.h"

#include <filesystem>
#include <string>

namespace mnad {

std::string trainConfigToJson(const TrainConfig& config, const std::string& device);
// Throws DataError naming the file for malformed JSON, a missing field or a value of the wrong type.
TrainConfig trainConfigFromJson(const std::string& text, const std::filesystem::path& file);
TrainConfig readTrainConfig(const std::filesystem::path& file);

} // namespace mnad
