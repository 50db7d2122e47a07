// The `mnad` executable: real runs of the binary, output and exit codes.

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <torch/version.h>

#include <array>
#include <filesystem>
#include <unistd.h>
#include <cstdio>
#include <regex>
#include <string>
#include <sys/wait.h>

namespace {

struct Run {
    int exitCode;
    std::string output;
};

Run runCli(const std::string& arguments, const std::string& environment = "")
{
    const std::string command = environment + " '" MNAD_CLI_PATH "' " + arguments + " 2>&1";
    FILE* pipe = popen(command.c_str(), "r");
    if (!pipe)
        return {-1, "popen failed"};
    std::string output;
    std::array<char, 4096> buffer{};
    size_t n;
    while ((n = fread(buffer.data(), 1, buffer.size(), pipe)) > 0)
        output.append(buffer.data(), n);
    const int status = pclose(pipe);
    return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, output};
}

TEST(Cli, InfoPrintsVersionsDeviceThreadsAndBlas)
{
    auto run = runCli("info");
    ASSERT_EQ(run.exitCode, 0) << run.output;
    EXPECT_NE(run.output.find("LibTorch:   " TORCH_VERSION), std::string::npos) << run.output;
    EXPECT_TRUE(std::regex_search(run.output, std::regex("Device: +(cpu|cuda:0)"))) << run.output;
    EXPECT_TRUE(std::regex_search(run.output, std::regex("Threads: +[1-9]"))) << run.output;
    EXPECT_TRUE(std::regex_search(run.output, std::regex("BLAS: +/.*blas"))) << run.output;
    EXPECT_NE(run.output.find("OpenCV:"), std::string::npos);
    EXPECT_NE(run.output.find("FFmpeg:"), std::string::npos);
    EXPECT_NE(run.output.find("Qt:"), std::string::npos);
    EXPECT_TRUE(std::regex_search(run.output, std::regex("CPU convs: +(oneDNN [0-9.]+, Winograd: (yes|no)|LibTorch)")))
        << run.output;
}

TEST(Cli, InfoSetsOpenBlasToOneThreadUnlessTheUserChose)
{
    EXPECT_NE(runCli("info", "env -u OPENBLAS_NUM_THREADS").output.find("OPENBLAS_NUM_THREADS=1)"),
              std::string::npos);
    EXPECT_NE(runCli("info", "OPENBLAS_NUM_THREADS=2").output.find("OPENBLAS_NUM_THREADS=2)"), std::string::npos);
}

TEST(Cli, UsageErrorsExitWithTwo)
{
    EXPECT_EQ(runCli("").exitCode, 2);
    EXPECT_EQ(runCli("no-such-command").exitCode, 2);
    EXPECT_EQ(runCli("bench model --batch 0").exitCode, 2);
    auto help = runCli("--help");
    EXPECT_EQ(help.exitCode, 0);
    EXPECT_NE(help.output.find("info"), std::string::npos);
}

TEST(Cli, BenchPipelinePrintsThroughput)
{
    auto run = runCli("bench pipeline --size 16 --width 2 --steps 2 --frames 12 --device cpu");
    ASSERT_EQ(run.exitCode, 0) << run.output;
    EXPECT_TRUE(std::regex_search(run.output, std::regex("pred +16 +2 +4 \\| +[0-9.]+ +[0-9]+ \\| +[0-9.]+ +[0-9]+ \\| cpu")))
        << run.output;

    auto json = runCli("bench pipeline --sizes 16,24 --width 2 --steps 2 --frames 12 --device cpu --json");
    ASSERT_EQ(json.exitCode, 0) << json.output;
    const auto rows = nlohmann::json::parse(json.output);
    ASSERT_EQ(rows.size(), 2u);
    EXPECT_EQ(rows[1]["size"], 24);
    for (const auto& row : rows) {
        EXPECT_GT(row["train_samples_per_s"].get<double>(), 0);
        EXPECT_GT(row["eval_frames_per_s"].get<double>(), 0);
        EXPECT_GT(row["train_peak_mib"].get<double>(), 50) << "LibTorch alone takes more than that";
        EXPECT_GT(row["eval_peak_mib"].get<double>(), 50);
    }
}

TEST(Cli, BenchModelPrintsFigures)
{
    auto run = runCli("bench model --sizes 16 --widths 2 --repeats 1 --device cpu");
    ASSERT_EQ(run.exitCode, 0) << run.output;
    EXPECT_TRUE(std::regex_search(run.output, std::regex("pred +16 +2 +4 \\| +[0-9.]+ +[0-9.]+ \\| +[0-9.]+")))
        << run.output;
}

#ifdef MNAD_WITH_IO
TEST(Cli, DemoRunsTheWholePipeline)
{
    const auto root = std::filesystem::temp_directory_path() / ("mnad_cli_demo_" + std::to_string(getpid()));
    auto run = runCli("demo --root '" + root.string() + "' --epochs 1 --frames 24 --size 32 --width 4 --device cpu");
    ASSERT_EQ(run.exitCode, 0) << run.output;
    EXPECT_TRUE(std::regex_search(run.output, std::regex("frame AUC \\(micro\\) [01]\\.[0-9]{4}"))) << run.output;
    EXPECT_TRUE(std::filesystem::exists(root / "datasets/demo/frame_labels_demo.npy"));
    EXPECT_TRUE(std::filesystem::exists(root / "datasets/demo/testing/frames/01/023.jpg"));
    std::filesystem::path runFolder;
    for (const auto& entry : std::filesystem::directory_iterator(root / "runs/demo/pred"))
        runFolder = entry.path();
    for (const char* file : {"config.json", "metrics.csv", "log.txt", "checkpoints/final.pt", "scores.csv", "report.json",
                             "roc.csv", "memory_usage.csv"})
        EXPECT_TRUE(std::filesystem::exists(runFolder / file)) << file;

    auto summary = runCli("dataset '" + (root / "datasets/demo").string() + "'");
    EXPECT_EQ(summary.exitCode, 0) << summary.output;
    EXPECT_NE(summary.output.find("testing: 8 videos, 192 frames"), std::string::npos) << summary.output;
    EXPECT_NE(summary.output.find("labels: found"), std::string::npos) << summary.output;

    auto inspect = runCli("inspect --run '" + runFolder.string() + "' --video 02 --device cpu");
    EXPECT_EQ(inspect.exitCode, 0) << inspect.output;
    EXPECT_NE(inspect.output.find("video 02: 24 frames, 20 scored"), std::string::npos) << inspect.output;
    for (const char* file : {"error_maps.npy", "attention.npy", "top1.npy", "predictions.npy", "scored.npy"})
        EXPECT_TRUE(std::filesystem::exists(runFolder / "inspect/02" / file)) << file;
    auto noVideo = runCli("inspect --run '" + runFolder.string() + "' --video 99");
    EXPECT_EQ(noVideo.exitCode, 1);
    EXPECT_NE(noVideo.output.find("no test video named '99'"), std::string::npos) << noVideo.output;

    // Evaluating again with another memory policy works from the run folder alone.
    auto again = runCli("evaluate --run '" + runFolder.string() + "' --memory-policy reset --device cpu");
    EXPECT_EQ(again.exitCode, 0) << again.output;
    std::filesystem::remove_all(root);
}

TEST(Cli, BenchLoaderPrintsFramesPerSecond)
{
    auto run = runCli("bench loader --source-size 48 --size 32 --videos 1 --frames 16 --loader-threads 1,2");
    ASSERT_EQ(run.exitCode, 0) << run.output;
    EXPECT_TRUE(std::regex_search(run.output, std::regex("jpg +1 +[0-9.]+"))) << run.output;
    EXPECT_TRUE(std::regex_search(run.output, std::regex("mp4 +2 +[0-9.]+"))) << run.output;
}

TEST(Cli, BadDataAndArgumentsAreExplained)
{
    auto missing = runCli("train --data /nonexistent/dataset --epochs 1");
    EXPECT_EQ(missing.exitCode, 1);
    EXPECT_NE(missing.output.find("/nonexistent/dataset: not a folder"), std::string::npos) << missing.output;
    EXPECT_EQ(runCli("train --epochs 1").exitCode, 2) << "no --data and no --resume";
    EXPECT_EQ(runCli("train --data . --method diffusion").exitCode, 2);
    const auto empty = std::filesystem::temp_directory_path() / ("mnad_cli_empty_" + std::to_string(getpid()));
    std::filesystem::create_directories(empty);
    auto noRun = runCli("evaluate --run '" + empty.string() + "'");
    EXPECT_EQ(noRun.exitCode, 1);
    EXPECT_NE(noRun.output.find("config.json"), std::string::npos) << noRun.output;
    std::filesystem::remove_all(empty);
}
#endif

} // namespace
