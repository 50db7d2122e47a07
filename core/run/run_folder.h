#pragma once
// A run folder (conventions §3.3): runs/<dataset>/<method>/<YYYYmmdd-HHMMSS>_<name>/ holding config.json,
// metrics.csv, log.txt, checkpoints/, and after evaluation scores.csv, report.json, roc.csv, memory_usage.csv.

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace mnad {

class RunFolder {
public:
    explicit RunFolder(std::filesystem::path root) : root_(std::move(root)) {}

    // Makes a new, empty run folder under runsRoot; throws std::runtime_error when it cannot.
    static RunFolder create(const std::filesystem::path& runsRoot, const std::string& dataset,
                            const std::string& method, const std::string& name);

    const std::filesystem::path& root() const { return root_; }
    std::filesystem::path config() const { return root_ / "config.json"; }
    std::filesystem::path metrics() const { return root_ / "metrics.csv"; }
    std::filesystem::path log() const { return root_ / "log.txt"; }
    std::filesystem::path checkpoints() const { return root_ / "checkpoints"; }
    std::filesystem::path finalCheckpoint() const { return checkpoints() / "final.pt"; }
    std::filesystem::path stepCheckpoint(int64_t step) const;
    std::filesystem::path scores() const { return root_ / "scores.csv"; }
    std::filesystem::path report() const { return root_ / "report.json"; }
    std::filesystem::path roc() const { return root_ / "roc.csv"; }
    std::filesystem::path memoryUsage() const { return root_ / "memory_usage.csv"; }

    // Step checkpoints, oldest first.
    std::vector<std::filesystem::path> stepCheckpoints() const;
    // The checkpoint to resume from: the newest step checkpoint, else the final one.
    std::optional<std::filesystem::path> latestCheckpoint() const;
    // Deletes the oldest step checkpoints beyond `keep`.
    void pruneStepCheckpoints(int keep) const;

private:
    std::filesystem::path root_;
};

} // namespace mnad
