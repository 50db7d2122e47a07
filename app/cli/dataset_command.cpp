// mnad dataset: what a dataset folder holds — layout, videos, frame counts, resolution, labels — before training.

#include "app/cli/commands.h"
#include "app/cli/exit_codes.h"
#include "core/io/dataset_summary.h"

#include <CLI/CLI.hpp>

#include <iostream>
#include <memory>

namespace mnad::cli {

void addDatasetCommand(CLI::App& app, int& exitCode)
{
    auto data = std::make_shared<std::string>();
    auto* cmd = app.add_subcommand("dataset", "Show what a dataset folder holds: layout, splits, videos (frames, "
                                              "resolution, fps), ground truth found and whether it fits");
    cmd->add_option("data", *data, "Dataset folder")->required();
    cmd->callback([data, &exitCode] {
        const DatasetSummary summary = summarizeDataset(discoverDataset(*data));
        std::cout << formatDatasetSummary(summary);
        bool problems = summary.labels.state == LabelStatus::Mismatched;
        for (const auto* split : {&summary.training, &summary.testing})
            for (const auto& v : split->videos)
                problems = problems || !v.problem.empty();
        exitCode = problems ? ExitFailure : ExitOk;
    });
}

} // namespace mnad::cli
