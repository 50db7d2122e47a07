#pragma once
// Training progress on the terminal: a live bar with losses, samples/s and ETA on a TTY; plain lines (every
// --log-every steps and at each epoch) when the output is a file or a pipe.

#include "core/train/training_observer.h"

#include <chrono>
#include <cstdint>

namespace mnad::cli {

class ProgressPrinter : public TrainingObserver {
public:
    explicit ProgressPrinter(int64_t logEvery);
    void onStarted(const std::filesystem::path& runFolder, int64_t firstStep, int64_t totalSteps) override;
    void onStep(const StepReport& report) override;
    void onEpoch(const EpochReport& report) override;
    void onCheckpoint(const std::filesystem::path& file) override;
    void finish();

private:
    bool tty_;
    int64_t logEvery_;
    bool barShown_ = false;
};

std::string formatDuration(double seconds);

} // namespace mnad::cli
