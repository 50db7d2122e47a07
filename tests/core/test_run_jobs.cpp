// Run jobs and reading a run folder back: evaluate a tiny trained run, read its results, inspect one video.

#include "core/data/data_error.h"
#include "core/data/dataset_layout.h"
#include "core/demo/demo_dataset.h"
#include "core/io/demo_writer.h"
#include "core/io/disk_frame_provider.h"
#include "core/jobs/run_jobs.h"
#include "core/run/atomic_file.h"
#include "core/run/run_results.h"
#include "core/train/trainer.h"
#include "tests/core/temp_dir.h"
#include "tests/core/tiny_run.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <numeric>

namespace mnad::test {
namespace {

// A demo dataset (3 test videos of 16 frames, 24²) and a run trained on it for one epoch, shared by the tests.
class RunJobs : public ::testing::Test {
protected:
    static void SetUpTestSuite()
    {
        dir_ = new TempDir("mnad_run_jobs");
        DemoSpec spec;
        spec.trainVideos = 2;
        spec.testVideos = 3;
        spec.normalTestVideos = 1;
        spec.framesPerVideo = 16;
        run_ = new RunFolder(makeTinyRun(dir_->path(), spec, 24, 24).run);
    }
    static void TearDownTestSuite()
    {
        delete run_;
        delete dir_;
    }
    static RunJobRequest request()
    {
        RunJobRequest r;
        r.run = run_->root();
        r.device = "cpu";
        return r;
    }
    static inline TempDir* dir_ = nullptr;
    static inline RunFolder* run_ = nullptr;
};

TEST_F(RunJobs, EvaluationIsWrittenAndReadsBackTheSame)
{
    std::vector<int64_t> progress;
    const RunEvaluation result = evaluateRun(request(), [&](int64_t done, int64_t) { progress.push_back(done); });
    ASSERT_FALSE(result.stopped);
    EXPECT_EQ(progress, (std::vector<int64_t>{1, 2, 3}));
    EXPECT_TRUE(result.evaluation.summary.hasLabels);
    const Evaluation read = readEvaluation(run_->root());
    ASSERT_EQ(read.videos.size(), 3u);
    EXPECT_EQ(read.method, "pred");
    EXPECT_DOUBLE_EQ(read.alpha, result.evaluation.alpha);
    EXPECT_NEAR(read.summary.microAuc, result.evaluation.summary.microAuc, 1e-12);
    for (size_t v = 0; v < read.videos.size(); ++v) {
        const auto& expected = result.evaluation.videos[v];
        const auto& got = read.videos[v];
        EXPECT_EQ(got.name, expected.name);
        ASSERT_EQ(got.frames.size(), 16u);
        for (size_t f = 0; f < got.frames.size(); ++f) {
            EXPECT_EQ(got.frames[f].scored, f >= 4) << got.name << " frame " << f;
            EXPECT_EQ(got.frames[f].label, expected.frames[f].label);
            EXPECT_NEAR(got.frames[f].psnr, expected.frames[f].psnr, 1e-7);
            EXPECT_NEAR(got.frames[f].normality, expected.frames[f].normality, 1e-9);
            EXPECT_EQ(got.frames[f].itemUsage, expected.frames[f].itemUsage);
            if (got.frames[f].scored) { // every query location picks one item: 3×3 locations at 24²
                EXPECT_EQ(std::accumulate(got.frames[f].itemUsage.begin(), got.frames[f].itemUsage.end(), 0), 9);
            }
        }
    }
    const RunInfo info = readRunInfo(run_->root());
    EXPECT_EQ(info.state, RunState::Finished);
    EXPECT_EQ(info.epochsDone, 1);
    EXPECT_TRUE(info.evaluated);
    EXPECT_TRUE(info.hasAuc);
    EXPECT_NEAR(info.microAuc, result.evaluation.summary.microAuc, 1e-12);
    EXPECT_TRUE(info.problem.empty()) << info.problem;
    const auto runs = listRuns(dir_->path() / "runs");
    ASSERT_EQ(runs.size(), 1u);
    EXPECT_EQ(runs[0].root, run_->root());
    EXPECT_GT(readMetricsCsv(run_->metrics()).size(), 0u);
}

TEST_F(RunJobs, InspectionMapsAreConsistent)
{
    RunJobRequest r = request();
    r.memoryPolicy = MemoryPolicy::ResetPerVideo;
    const VideoMaps maps = inspectRunVideo(r, 1);
    ASSERT_EQ(maps.frames, 16);
    EXPECT_EQ(maps.size, 24);
    EXPECT_EQ(maps.items, 4);
    EXPECT_EQ(maps.querySize, 3);
    EXPECT_EQ(std::count(maps.scored.begin(), maps.scored.end(), 1), 12);
    EXPECT_EQ(maps.itemSimilarity.size(), 16u);
    for (int m = 0; m < 4; ++m)
        EXPECT_NEAR(maps.itemSimilarity[m * 4 + m], 1.0, 1e-5);
    for (int64_t f = 4; f < 16; ++f) {
        for (int q = 0; q < 9; ++q) { // top1 is the argmax of the attention, and the weights sum to one
            float best = -1, sum = 0;
            int bestItem = -1;
            for (int m = 0; m < 4; ++m) {
                const float w = maps.attentionMap(f, m)[q];
                sum += w;
                if (w > best)
                    best = w, bestItem = m;
            }
            EXPECT_NEAR(sum, 1.0f, 1e-5);
            EXPECT_EQ(maps.top1Map(f)[q], bestItem);
        }
        const float* error = maps.errorMap(f);
        EXPECT_GT(*std::max_element(error, error + 24 * 24), 0.0f);
    }
    EXPECT_EQ(*std::max_element(maps.errorMap(0), maps.errorMap(0) + 24 * 24), 0.0f); // unscored: zeros

    // Video 0 has no video before it: carrying the memory across videos changes nothing there.
    r.memoryPolicy = MemoryPolicy::CarryAcrossVideos;
    const VideoMaps carried = inspectRunVideo(r, 0);
    r.memoryPolicy = MemoryPolicy::ResetPerVideo;
    const VideoMaps reset = inspectRunVideo(r, 0);
    EXPECT_EQ(carried.errors, reset.errors);
    EXPECT_EQ(carried.top1, reset.top1);
    EXPECT_THROW(inspectRunVideo(r, 3), std::out_of_range);
}

TEST_F(RunJobs, StoppedInspectionReturnsNothing)
{
    StopToken stop;
    stop.requestStop();
    EXPECT_EQ(inspectRunVideo(request(), 0, {}, &stop).frames, 0);
}

TEST(RunResults, MalformedFilesNameTheFileAndLine)
{
    TempDir dir("mnad_run_results");
    const auto metrics = dir.path() / "metrics.csv";
    writeFileAtomically(metrics, "step,epoch,pixel,compactness,separateness,total,lr,samples_per_s,wall_time_s\n"
                                 "1,0,0.5,0.1,0.2,0.6,0.001,10,1\n"
                                 "2,0,0.4,zero,0.2,0.5,0.001,10,2\n");
    try {
        readMetricsCsv(metrics);
        FAIL() << "no error";
    } catch (const DataError& e) {
        EXPECT_EQ(e.file(), metrics.string());
        EXPECT_NE(std::string(e.what()).find("line 3: 'zero' is not a number"), std::string::npos) << e.what();
    }
    writeFileAtomically(metrics, "step,epoch\n1,0\n");
    EXPECT_THROW(readMetricsCsv(metrics), DataError);
    for (const char* step : {"1.5", "nan", "-3", "1e300"}) { // would be undefined behaviour cast to an integer
        writeFileAtomically(metrics, std::string("step,epoch,pixel,compactness,separateness,total,lr,s,w\n") + step +
                                         ",0,0.5,0.1,0.2,0.6,0.001,10,1\n");
        try {
            readMetricsCsv(metrics);
            ADD_FAILURE() << step << " accepted";
        } catch (const DataError& e) {
            EXPECT_NE(std::string(e.what()).find("is not a whole number"), std::string::npos) << e.what();
        }
    }
    EXPECT_THROW(readEvaluation(dir.path()), DataError); // no scores.csv
    EXPECT_TRUE(listRuns(dir.path() / "missing").empty());
}

TEST(RunResults, BrokenRunIsListedWithItsProblem)
{
    TempDir dir("mnad_run_results");
    std::filesystem::create_directories(dir.path() / "a/pred/run1");
    writeFileAtomically(dir.path() / "a/pred/run1/config.json", "{ not json");
    const auto runs = listRuns(dir.path());
    ASSERT_EQ(runs.size(), 1u);
    EXPECT_EQ(runs[0].name, "run1");
    EXPECT_NE(runs[0].problem.find("config.json"), std::string::npos) << runs[0].problem;
}

} // namespace
} // namespace mnad::test
