#pragma once
// The official training procedure (spec §1.5) in a run folder: Adam, cosine annealing per epoch, batches of clips,
// the memory updated every step; metrics.csv, log.txt and checkpoints written as it goes. A stopped or crashed run
// resumes from its last checkpoint and continues the same run (same metrics file, schedule and — on CPU with the
// same seed — the same losses).

#include "core/data/frame_provider.h"
#include "core/run/run_folder.h"
#include "core/train/train_config.h"
#include "core/train/training_observer.h"

#include <memory>
#include <string>

namespace mnad {

enum class TrainingOutcome { Finished, Stopped };

struct TrainingResult {
    TrainingOutcome outcome = TrainingOutcome::Finished;
    std::filesystem::path runFolder;
    std::filesystem::path checkpoint; // the last one written
    int64_t steps = 0;
    double seconds = 0;
    double samplesPerSecond = 0;
};

// Starts a new run in `run` (config.json is written). Throws on bad configuration or data, and
// std::runtime_error when the loss becomes NaN or Inf (the last good checkpoint stays).
TrainingResult trainNewRun(const TrainConfig& config, std::shared_ptr<const FrameProvider> frames,
                           const RunFolder& run, TrainingObserver& observer, const StopToken& stop);

// Continues a run from its latest checkpoint, with the configuration in its config.json.
TrainingResult resumeRun(const RunFolder& run, std::shared_ptr<const FrameProvider> frames,
                         TrainingObserver& observer, const StopToken& stop);

} // namespace mnad
