#pragma once
// Checkpoints: one zip-format torch file (readable by Python's torch.load) holding a plain dict:
//   "format": "mnad-studio", "version": 1,
//   "state_dict": {official key → tensor}, "m_items": M×D memory, "meta": {method, t_length, memory_size, …},
//   and for resuming: "optimizer" (Adam's state as a LibTorch archive), "epoch", "step", "batch_in_epoch",
//   "config_json".
// Written atomically (temporary file, fsync, rename). Loading checks the architecture key by key and never runs
// code from the file.

#include "core/model/mnad_model.h"

#include <torch/optim/adam.h>

#include <filesystem>
#include <string>

namespace mnad {

struct TrainingPosition {
    int epoch = 0;            // the epoch in progress (0-based)
    int64_t batchInEpoch = 0; // batches of that epoch already done
    int64_t step = 0;         // optimizer steps done in total
};

void saveCheckpoint(const std::filesystem::path& file, MnadModel& model, torch::optim::Adam* optimizer,
                    const TrainingPosition& position, const std::string& configJson);

struct LoadedCheckpoint {
    TrainingPosition position;
    std::string configJson; // empty for files that did not come from a training run (e.g. converted official)
    bool hasOptimizer = false;
};

// The architecture a checkpoint's "meta" entry describes (method, t_length, memory_size, feature_dim; width,
// image_channels and image_size where present, else 8·width = feature_dim, 3 and 256). Throws DataError naming the
// file when it is unreadable or the meta is missing or inconsistent. Converted official files come through here.
ModelConfig checkpointModelConfig(const std::filesystem::path& file);

// Loads weights, BatchNorm statistics and memory into `model` (and the optimizer state when given and present).
// Throws DataError naming the file: not a torch file, truncated, or another architecture (each key named).
LoadedCheckpoint loadCheckpoint(const std::filesystem::path& file, MnadModel& model,
                                torch::optim::Adam* optimizer = nullptr);

} // namespace mnad
