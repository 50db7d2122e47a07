#pragma once
// metrics.csv of a run: one row per optimizer step. On resume, rows past the checkpoint's step (written before a
// crash) are dropped so the file continues exactly where the resumed run does.

#include "core/train/training_observer.h"

#include <filesystem>
#include <fstream>

namespace mnad {

class MetricsLog {
public:
    static constexpr const char* kHeader =
        "step,epoch,pixel,compactness,separateness,total,lr,samples_per_s,wall_time_s";

    // fresh: start a new file; else keep the rows with step <= keepUpToStep.
    MetricsLog(const std::filesystem::path& file, bool fresh, int64_t keepUpToStep);
    void append(const StepReport& report);

private:
    std::filesystem::path file_;
    std::ofstream out_;
};

} // namespace mnad
