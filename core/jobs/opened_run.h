#pragma once
// A run folder opened for evaluation or inspection: its model with the checkpoint loaded, its test split and the
// evaluation settings of the request. Shared by the run jobs and the CLI; needs torch (the GUI uses run_jobs.h).

#include "core/data/dataset_layout.h"
#include "core/eval/evaluator.h"
#include "core/io/disk_frame_provider.h"
#include "core/jobs/run_jobs.h"
#include "core/run/run_folder.h"
#include "core/train/train_config.h"

#include <memory>

namespace mnad {

struct OpenedRun {
    RunFolder run{""};
    TrainConfig config;
    std::filesystem::path checkpoint;
    std::unique_ptr<MnadModel> model;
    Dataset dataset;
    std::unique_ptr<DiskFrameProvider> frames;
    EvaluationConfig evaluation;

    // Index of the test video called `name`; throws naming the videos there are when none is.
    int64_t videoIndex(const std::string& name) const;
};

// Throws std::runtime_error / DataError naming the file: no config.json, no checkpoint, another architecture,
// no test videos.
OpenedRun openRun(const RunJobRequest& request);

} // namespace mnad
