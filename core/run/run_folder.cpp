#include "core/run/run_folder.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <stdexcept>

namespace mnad {
namespace fs = std::filesystem;

RunFolder RunFolder::create(const fs::path& runsRoot, const std::string& dataset, const std::string& method,
                            const std::string& name)
{
    const std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
    std::tm local{};
    localtime_r(&now, &local);
    char stamp[32];
    std::strftime(stamp, sizeof stamp, "%Y%m%d-%H%M%S", &local);
    const fs::path parent = runsRoot / (dataset.empty() ? "unnamed" : dataset) / method;
    fs::path root = parent / (std::string(stamp) + (name.empty() ? "" : "_" + name));
    for (int i = 2; fs::exists(root); ++i)
        root = parent / (std::string(stamp) + "_" + (name.empty() ? "run" : name) + "-" + std::to_string(i));
    std::error_code ec;
    fs::create_directories(root / "checkpoints", ec);
    if (ec)
        throw std::runtime_error(root.string() + ": cannot create the run folder: " + ec.message());
    return RunFolder(root);
}

fs::path RunFolder::stepCheckpoint(int64_t step) const
{
    char name[40];
    std::snprintf(name, sizeof name, "step_%09lld.pt", static_cast<long long>(step));
    return checkpoints() / name;
}

std::vector<fs::path> RunFolder::stepCheckpoints() const
{
    std::vector<fs::path> out;
    std::error_code ec;
    for (fs::directory_iterator it(checkpoints(), ec), end; !ec && it != end; it.increment(ec)) {
        const std::string name = it->path().filename().string();
        if (name.rfind("step_", 0) == 0 && it->path().extension() == ".pt")
            out.push_back(it->path());
    }
    std::sort(out.begin(), out.end()); // zero-padded step numbers sort by value
    return out;
}

std::optional<fs::path> RunFolder::latestCheckpoint() const
{
    auto steps = stepCheckpoints();
    if (fs::exists(finalCheckpoint()))
        return finalCheckpoint();
    if (!steps.empty())
        return steps.back();
    return std::nullopt;
}

void RunFolder::pruneStepCheckpoints(int keep) const
{
    auto steps = stepCheckpoints();
    for (size_t i = 0; i + static_cast<size_t>(keep) < steps.size(); ++i) {
        std::error_code ec;
        fs::remove(steps[i], ec);
    }
}

} // namespace mnad
