#pragma once
// Writes the generated demo dataset to disk in the MNAD layout, so that it is opened like any real dataset:
//   <root>/demo/{training,testing}/frames/<video>/<frame>.jpg   (0-based, zero-padded, as ano_pred distributes)
//   <root>/demo/frame_labels_demo.npy                            ((1, N) int64, concatenated in video order)
//   <root>/demo/demo.json                                        (the spec it was made from; reused when equal)

#include "core/demo/demo_dataset.h"

#include <filesystem>

namespace mnad {

// Returns the dataset folder (<root>/demo). Does nothing when a dataset with the same spec and size is there.
std::filesystem::path writeDemoDataset(const DemoDataset& dataset, const std::filesystem::path& root, int size);

} // namespace mnad
