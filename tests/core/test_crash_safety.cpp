// Crash safety: `mnad train` killed with SIGKILL at random moments, several times; every checkpoint left on disk
// loads, each resume continues from the last one, and the finished run's losses equal an uninterrupted run's.

#include "core/data/dataset_layout.h"
#include "core/demo/demo_dataset.h"
#include "core/io/demo_writer.h"
#include "core/model/mnad_model.h"
#include "core/run/config_json.h"
#include "core/run/run_folder.h"
#include "core/train/checkpoint.h"
#include "tests/core/temp_dir.h"

#include <gtest/gtest.h>

#include <chrono>
#include <csignal>
#include <cstdio>
#include <fstream>
#include <random>
#include <thread>
#include <sys/wait.h>
#include <unistd.h>

namespace mnad::test {
namespace {

using namespace std::chrono_literals;

pid_t startCli(const std::string& arguments)
{
    const pid_t pid = fork();
    if (pid == 0) {
        const std::string command = "exec '" MNAD_CLI_PATH "' " + arguments + " >/dev/null 2>&1";
        execl("/bin/sh", "sh", "-c", command.c_str(), static_cast<char*>(nullptr));
        _exit(127);
    }
    return pid;
}

int waitExit(pid_t pid)
{
    int status = 0;
    waitpid(pid, &status, 0);
    return WIFEXITED(status) ? WEXITSTATUS(status) : -WTERMSIG(status);
}

std::filesystem::path onlyRun(const std::filesystem::path& runs)
{
    for (const auto& entry : std::filesystem::recursive_directory_iterator(runs)) {
        if (entry.path().filename() == "config.json")
            return entry.path().parent_path();
    }
    return {};
}

// Metrics rows without the timing columns (samples/s, wall time), which differ between runs.
std::vector<std::string> lossRows(const std::filesystem::path& metrics)
{
    std::ifstream in(metrics);
    std::vector<std::string> rows;
    std::string line;
    while (std::getline(in, line)) {
        size_t cut = 0;
        for (int comma = 0; comma < 7 && cut != std::string::npos; ++comma)
            cut = line.find(',', cut + 1);
        rows.push_back(line.substr(0, cut));
    }
    return rows;
}

void expectEveryCheckpointLoads(const std::filesystem::path& runRoot)
{
    const RunFolder run(runRoot);
    const TrainConfig config = readTrainConfig(run.config());
    for (const auto& entry : std::filesystem::directory_iterator(run.checkpoints())) {
        if (entry.path().filename().string().front() == '.')
            continue; // a temporary file the kill interrupted: never renamed, so never taken for a checkpoint
        MnadModel model(config.model);
        EXPECT_NO_THROW(loadCheckpoint(entry.path(), model)) << entry.path();
    }
}

TEST(CrashSafety, KilledTrainingResumesWithNothingLost)
{
    TempDir dir("mnad_crash");
    DemoSpec spec;
    spec.trainVideos = 3;
    spec.testVideos = 1;
    spec.normalTestVideos = 0;
    spec.framesPerVideo = 40;
    const auto data = writeDemoDataset(DemoDataset(spec), dir.path() / "datasets", 24);
    const std::string common = "--data '" + data.string() + "' --epochs 8 --size 24 --width 2 --memory-size 4 "
                               "--checkpoint-every 3 --keep-checkpoints 2 --device cpu --loader-threads 1";

    ASSERT_EQ(waitExit(startCli("--threads 1 train " + common + " --runs '" + (dir.path() / "straight").string() + "'")), 0);
    const auto straight = onlyRun(dir.path() / "straight");

    std::mt19937 rng(2020);
    std::uniform_int_distribution<int> delayMs(0, 300);
    pid_t pid = startCli("--threads 1 train " + common + " --runs '" + (dir.path() / "killed").string() + "'");
    int kills = 0;
    bool finished = false;
    for (int attempt = 0; attempt < 5 && !finished; ++attempt) {
        // Wait for a checkpoint to exist (so the run can be resumed), then kill at a random moment after it.
        std::filesystem::path run;
        for (int i = 0; i < 600 && (run.empty() || !RunFolder(run).latestCheckpoint()); ++i) {
            std::this_thread::sleep_for(10ms);
            run = std::filesystem::exists(dir.path() / "killed") ? onlyRun(dir.path() / "killed") : run;
        }
        ASSERT_FALSE(run.empty()) << "no run folder appeared";
        std::this_thread::sleep_for(std::chrono::milliseconds(delayMs(rng)));
        kill(pid, SIGKILL);
        const int exit = waitExit(pid);
        finished = exit == 0; // it may have finished before the kill landed
        kills += exit == -SIGKILL ? 1 : 0;
        expectEveryCheckpointLoads(run);
        if (!finished && attempt < 4)
            pid = startCli("--threads 1 train --resume '" + run.string() + "'");
    }
    const auto killed = onlyRun(dir.path() / "killed");
    if (!finished) {
        ASSERT_EQ(waitExit(startCli("--threads 1 train --resume '" + killed.string() + "'")), 0);
    }
    EXPECT_GE(kills, 3) << "the run finished too fast to be killed: make it longer";
    std::printf("killed %d times\n", kills);
    EXPECT_TRUE(std::filesystem::exists(RunFolder(killed).finalCheckpoint()));
    expectEveryCheckpointLoads(killed);
    EXPECT_EQ(lossRows(RunFolder(killed).metrics()), lossRows(RunFolder(straight).metrics()));
}

} // namespace
} // namespace mnad::test
