#pragma once
// Reading back what a run folder holds (conventions §3.3), for the GUI's runs list, curves and inspector: the
// training metrics, the run's state, and the evaluation written by `mnad evaluate`. Torch-free. Malformed files
// throw DataError naming the file and the line.

#include "core/eval/evaluation.h"
#include "core/train/train_config.h"

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace mnad {

// One row of metrics.csv (one optimizer step).
struct MetricsRow {
    int64_t step = 0;
    int epoch = 0;
    double pixel = 0, compactness = 0, separateness = 0, total = 0, learningRate = 0;
    double samplesPerSecond = 0, wallTimeSeconds = 0;
};
std::vector<MetricsRow> readMetricsCsv(const std::filesystem::path& file);

enum class RunState {
    NotStarted, // config.json but no checkpoint yet
    Stopped,    // step checkpoints only: stopped or crashed, can be resumed
    Finished,   // checkpoints/final.pt
};

struct RunInfo {
    std::filesystem::path root;
    std::string name;  // the run folder's name
    TrainConfig config;
    RunState state = RunState::NotStarted;
    int epochsDone = 0;   // from metrics.csv: epochs with at least one step
    int64_t steps = 0;    // the last step in metrics.csv
    bool evaluated = false;   // report.json present
    bool hasAuc = false;
    double microAuc = 0;
    std::string problem;  // why the folder could not be read fully ("" when fine)
};

// Never throws for a folder with config.json: problems go to RunInfo::problem.
RunInfo readRunInfo(const std::filesystem::path& runRoot);
// Every run under `runsRoot` (folders holding a config.json, any depth ≤ 4), newest first by folder name.
std::vector<RunInfo> listRuns(const std::filesystem::path& runsRoot);

// The evaluation written into a run folder: scores.csv (per frame), memory_usage.csv (per scored frame, when
// present) and report.json (settings and summary; the ROC is not read back).
Evaluation readEvaluation(const std::filesystem::path& runRoot);

} // namespace mnad
