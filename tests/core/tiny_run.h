#pragma once
// A tiny demo dataset on disk and a prediction run trained on it for one epoch (width 2, 4 memory items): the
// fixture of the tests that need a real run folder (run jobs, the inspector).

#include "core/data/dataset_layout.h"
#include "core/demo/demo_dataset.h"
#include "core/io/demo_writer.h"
#include "core/io/disk_frame_provider.h"
#include "core/run/run_folder.h"
#include "core/train/trainer.h"

#include <filesystem>
#include <memory>

namespace mnad::test {

struct TinyRun {
    Dataset dataset;
    RunFolder run{""};
};

// Writes the dataset at `diskSize`² under root/datasets and trains at `modelSize`² under root/runs.
inline TinyRun makeTinyRun(const std::filesystem::path& root, const DemoSpec& spec, int diskSize, int modelSize)
{
    TinyRun tiny;
    tiny.dataset = discoverDataset(writeDemoDataset(DemoDataset(spec), root / "datasets", diskSize));
    TrainConfig config = TrainConfig::official(Method::Prediction);
    config.model.imageSize = modelSize;
    config.model.width = 2;
    config.model.memorySize = 4;
    config.epochs = 1;
    config.device = "cpu";
    config.datasetPath = tiny.dataset.root.string();
    config.datasetName = tiny.dataset.name;
    auto frames = std::make_shared<DiskFrameProvider>(tiny.dataset.training, modelSize);
    tiny.run = RunFolder::create(root / "runs", tiny.dataset.name, "pred", "tiny");
    TrainingObserver quiet;
    StopToken stop;
    trainNewRun(config, frames, tiny.run, quiet, stop);
    return tiny;
}

} // namespace mnad::test
