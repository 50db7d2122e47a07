#pragma once
// Exit codes of `mnad`, stable for scripts.

namespace mnad::cli {

enum ExitCode : int {
    ExitOk = 0,
    ExitFailure = 1,  // the work failed: bad data, a broken file, an error while running
    ExitUsage = 2,    // bad command line
    ExitStopped = 3,  // stopped by the user (SIGINT) before it finished
};

} // namespace mnad::cli
