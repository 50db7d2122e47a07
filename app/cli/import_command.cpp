// mnad import: turn a checkpoint file (official MNAD weights converted by tools/mnad-convert.py, or an MNAD Studio
// checkpoint) into a run folder, so that `mnad evaluate`, `mnad inspect` and the GUI, which work on run folders,
// accept it. The file is checked against the architecture its meta describes before anything is written.

#include "app/cli/commands.h"
#include "app/cli/exit_codes.h"
#include "core/jobs/import_checkpoint.h"

#include <CLI/CLI.hpp>

#include <cstdio>
#include <memory>
#include <stdexcept>
#include <string>

namespace mnad::cli {

namespace {
struct ImportOptions {
    std::string checkpoint, data, runs = "runs", name = "imported";
    int size = 0; // 0: the checkpoint's image_size, else 256 (the official training size)
};

int runImport(const ImportOptions& o)
{
    ImportedRun imported;
    try {
        imported = importCheckpoint({o.checkpoint, o.data, o.runs, o.name, o.size});
    } catch (const std::invalid_argument& e) {
        throw std::runtime_error(std::string("--") + e.what());
    }
    const ModelConfig& model = imported.model;
    std::printf("checkpoint %s: %s model, width %d, t_length %d, memory %d x %d, input %d x %d\n",
                o.checkpoint.c_str(), methodName(model.method).c_str(), model.width, model.tLength,
                model.memorySize, model.featureDim(), model.imageSize, model.imageSize);
    std::printf("run folder %s\n", imported.runRoot.string().c_str());
    std::printf("evaluate with: mnad evaluate --run '%s'\n", imported.runRoot.string().c_str());
    return ExitOk;
}
} // namespace

void addImportCommand(CLI::App& app, int& exitCode)
{
    auto o = std::make_shared<ImportOptions>();
    auto* cmd = app.add_subcommand("import", "Make a run folder from a checkpoint file (official MNAD weights "
                                             "converted by tools/mnad-convert.py, or an MNAD Studio checkpoint), "
                                             "for mnad evaluate, mnad inspect and the GUI");
    cmd->add_option("checkpoint", o->checkpoint, "Checkpoint file (.pt)")->required()->check(CLI::ExistingFile);
    cmd->add_option("--data", o->data, "Dataset folder to evaluate on (its testing split)")->required();
    cmd->add_option("--runs", o->runs, "Where the run folder goes")->capture_default_str();
    cmd->add_option("--name", o->name, "Suffix of the run folder's name")->capture_default_str();
    cmd->add_option("--size", o->size, "Model input size, a multiple of 8 (default: the checkpoint's, else 256)")
        ->check(CLI::PositiveNumber);
    cmd->callback([o, &exitCode] { exitCode = runImport(*o); });
}

} // namespace mnad::cli
