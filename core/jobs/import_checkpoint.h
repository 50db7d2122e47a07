#pragma once
// Importing a checkpoint file (official MNAD weights converted by tools/mnad-convert.py, or an MNAD Studio
// checkpoint) as a run folder, so that everything that works on runs (evaluate, inspect, the GUI) takes it.
// Torch-free interface: the GUI calls it from a worker thread.

#include "core/model/model_config.h"

#include <filesystem>
#include <string>

namespace mnad {

struct ImportRequest {
    std::filesystem::path checkpoint;
    std::filesystem::path data;     // the dataset to evaluate on (its testing split)
    std::filesystem::path runsRoot; // where the run folder goes
    std::string name = "imported";  // suffix of the run folder's name
    int size = 0;                   // model input size; 0: the checkpoint's own, else 256
};

struct ImportedRun {
    std::filesystem::path runRoot;
    ModelConfig model;
    bool fromTraining = false; // an MNAD Studio checkpoint (its training settings kept) rather than a converted one
};

// Checks the file against the architecture its meta describes (every key, shape and the memory) before anything
// is written, then makes the run folder: config.json, checkpoints/final.pt (the file, byte for byte) and log.txt.
// Throws DataError naming the file, or std::invalid_argument for a bad size.
ImportedRun importCheckpoint(const ImportRequest& request);

} // namespace mnad
