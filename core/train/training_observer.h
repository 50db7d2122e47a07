#pragma once
// How a training run reports progress, and how it is asked to stop. Torch-free: the GUI implements the observer
// (turning calls into Qt signals) and owns the stop token. Calls come from the training thread.

#include <atomic>
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace mnad {

struct StepReport {
    int64_t step = 0;        // optimizer steps done
    int64_t totalSteps = 0;
    int epoch = 0;           // 0-based
    int epochs = 0;
    int64_t batchInEpoch = 0; // batches of this epoch done
    int64_t batchesPerEpoch = 0;
    double pixelLoss = 0, compactnessLoss = 0, separatenessLoss = 0, totalLoss = 0;
    double learningRate = 0;
    double samplesPerSecond = 0;
    double elapsedSeconds = 0;
    double etaSeconds = 0;
};

struct EpochReport {
    int epoch = 0; // 0-based, just finished
    int epochs = 0;
    double meanTotalLoss = 0;
    std::vector<double> itemUsage;      // share of queries whose nearest item is each item, over the epoch
    std::vector<double> itemSimilarity; // M×M cosine similarity of the items at the end of the epoch, row-major
    int memorySize = 0;
};

class TrainingObserver {
public:
    virtual ~TrainingObserver() = default;
    virtual void onStarted(const std::filesystem::path& runFolder, int64_t firstStep, int64_t totalSteps) {}
    virtual void onStep(const StepReport& report) {}
    virtual void onEpoch(const EpochReport& report) {}
    virtual void onCheckpoint(const std::filesystem::path& file) {}
    virtual void onLog(const std::string& message) {}
};

class StopToken {
public:
    void requestStop() { stop_.store(true); }
    bool stopRequested() const { return stop_.load(); }

private:
    std::atomic<bool> stop_{false};
};

} // namespace mnad
