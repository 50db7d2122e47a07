#pragma once
// Each `mnad` sub-command registers itself on the CLI11 app and runs when chosen.
// A command's run function returns the process exit code (see exit_codes.h).

namespace CLI {
class App;
}

namespace mnad::cli {

void addInfoCommand(CLI::App& app);
void addBenchCommand(CLI::App& app);
// Commands that run jobs set `exitCode` (see exit_codes.h).
void addTrainCommand(CLI::App& app, int& exitCode);
void addEvaluateCommand(CLI::App& app, int& exitCode);
void addDemoCommand(CLI::App& app, int& exitCode);
void addDatasetCommand(CLI::App& app, int& exitCode);
void addInspectCommand(CLI::App& app, int& exitCode);
void addImportCommand(CLI::App& app, int& exitCode);

} // namespace mnad::cli
