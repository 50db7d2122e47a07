// mnad: the headless command line of MNAD Studio.

#include "app/cli/commands.h"
#include "app/cli/exit_codes.h"
#include "core/runtime/peak_memory.h"
#include "core/runtime/threads.h"

#include <CLI/CLI.hpp>

#include <cstdio>
#include <exception>

int main(int argc, char** argv)
{
    mnad::keepFreedMemoryForReuse();
    CLI::App app{"mnad - train, evaluate and inspect MNAD video anomaly detectors (MNAD Studio " MNAD_VERSION ")",
                 "mnad"};
    app.require_subcommand(1);
    app.set_version_flag("--version", MNAD_VERSION);
    int threads = 0;
    app.add_option("--threads", threads, "Torch intra-op threads (0: one per logical CPU)")
        ->check(CLI::NonNegativeNumber);
    app.parse_complete_callback([&threads] { mnad::configureThreads(threads); });
    int exitCode = mnad::cli::ExitOk;
    mnad::cli::addInfoCommand(app);
    mnad::cli::addBenchCommand(app);
#ifdef MNAD_CLI_DATA_COMMANDS
    mnad::cli::addTrainCommand(app, exitCode);
    mnad::cli::addEvaluateCommand(app, exitCode);
    mnad::cli::addDemoCommand(app, exitCode);
    mnad::cli::addDatasetCommand(app, exitCode);
    mnad::cli::addInspectCommand(app, exitCode);
    mnad::cli::addImportCommand(app, exitCode);
#endif

    try {
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForAllHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForVersion& e) {
        return app.exit(e);
    } catch (const CLI::ParseError& e) {
        app.exit(e);
        return mnad::cli::ExitUsage;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "error: %s\n", e.what());
        return mnad::cli::ExitFailure;
    }
    return exitCode;
}
