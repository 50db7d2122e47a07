// Training and evaluation end to end on tiny in-memory data: run folder contents, resume equality, checkpoints,
// batched = frame-by-frame evaluation, and an AUC well above chance on obvious anomalies.

#include "core/data/data_error.h"
#include "core/eval/evaluation_report.h"
#include "core/data/npy_reader.h"
#include "core/eval/evaluator.h"
#include "core/eval/video_inspection.h"
#include "core/run/atomic_file.h"
#include "core/run/config_json.h"
#include "core/train/checkpoint.h"
#include "core/train/trainer.h"
#include "tests/core/temp_dir.h"

#include <gtest/gtest.h>
#include <torch/torch.h>

#include <cmath>
#include <sstream>

namespace mnad {
namespace {
namespace fs = std::filesystem;

// Normal frames: a diagonal stripe pattern sliding one pixel per frame. Abnormal frames (per video, a range):
// seeded noise. A model that learned the sliding pattern predicts normal frames well and noise badly.
class StripeFrames : public FrameProvider {
public:
    StripeFrames(int videos, int frames, int size, std::pair<int, int> abnormal = {-1, -1})
        : videos_(videos), frames_(frames), size_(size), abnormal_(abnormal)
    {
    }
    int64_t videoCount() const override { return videos_; }
    std::string videoName(int64_t v) const override { return "v" + std::to_string(v); }
    int64_t frameCount(int64_t) const override { return frames_; }
    int frameSize() const override { return size_; }
    void readFrame(int64_t v, int64_t f, uint8_t* bgr) const override
    {
        const bool odd = isAbnormal(f);
        uint64_t state = 1234567 + 7919 * static_cast<uint64_t>(v * 1000 + f);
        for (int y = 0; y < size_; ++y)
            for (int x = 0; x < size_; ++x)
                for (int c = 0; c < 3; ++c) {
                    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
                    const int stripe = ((x + y + static_cast<int>(f) + 3 * static_cast<int>(v)) / 3) % 2;
                    bgr[3 * (y * size_ + x) + c] =
                        odd ? static_cast<uint8_t>(state >> 56) : static_cast<uint8_t>(60 + 120 * stripe + 20 * c);
                }
    }
    bool isAbnormal(int64_t f) const { return f >= abnormal_.first && f < abnormal_.second; }
    std::vector<std::vector<uint8_t>> labels() const
    {
        std::vector<std::vector<uint8_t>> out(static_cast<size_t>(videos_));
        for (auto& video : out)
            for (int f = 0; f < frames_; ++f)
                video.push_back(isAbnormal(f) ? 1 : 0);
        return out;
    }

private:
    int videos_, frames_, size_;
    std::pair<int, int> abnormal_;
};

TrainConfig tinyConfig(int epochs)
{
    TrainConfig c = TrainConfig::official(Method::Prediction);
    c.model.imageSize = 16;
    c.model.width = 4;
    c.model.memorySize = 5;
    c.epochs = epochs;
    c.batchSize = 4;
    c.learningRate = 2e-3;
    c.seed = 11;
    c.device = "cpu";
    c.loaderThreads = 2;
    c.datasetName = "stripes";
    return c;
}

class StopAtStep : public TrainingObserver {
public:
    StopAtStep(StopToken& token, int64_t step) : token_(token), step_(step) {}
    void onStep(const StepReport& r) override
    {
        if (r.step == step_)
            token_.requestStop();
    }

private:
    StopToken& token_;
    int64_t step_;
};

std::vector<std::string> lines(const fs::path& file)
{
    std::istringstream in(readWholeFile(file));
    std::vector<std::string> out;
    for (std::string line; std::getline(in, line);)
        out.push_back(line);
    return out;
}

TEST(Training, NewRunWritesItsFolder)
{
    test::TempDir tmp;
    auto frames = std::make_shared<StripeFrames>(2, 14, 16);
    const RunFolder run = RunFolder::create(tmp.path(), "stripes", "pred", "t");
    TrainingObserver quiet;
    StopToken stop;
    const auto result = trainNewRun(tinyConfig(2), frames, run, quiet, stop);
    EXPECT_EQ(result.outcome, TrainingOutcome::Finished);
    EXPECT_EQ(result.steps, 2 * (2 * 10 / 4)); // 10 windows per video, batches of 4, last dropped
    const auto metrics = lines(run.metrics());
    ASSERT_EQ(metrics.size(), 11u);
    EXPECT_EQ(metrics[0], "step,epoch,pixel,compactness,separateness,total,lr,samples_per_s,wall_time_s");
    EXPECT_TRUE(fs::exists(run.finalCheckpoint()));
    EXPECT_FALSE(run.stepCheckpoints().empty());
    const TrainConfig back = readTrainConfig(run.config());
    EXPECT_EQ(back.model.width, 4);
    EXPECT_EQ(back.epochs, 2);
    EXPECT_NE(readWholeFile(run.log()).find("finished after 10 steps"), std::string::npos);
}

TEST(Training, ResumeContinuesWithTheSameLosses)
{
    test::TempDir tmp;
    auto frames = std::make_shared<StripeFrames>(2, 14, 16);
    TrainingObserver quiet;
    StopToken neverStop;
    const RunFolder straight = RunFolder::create(tmp / "a", "stripes", "pred", "");
    trainNewRun(tinyConfig(3), frames, straight, quiet, neverStop);

    const RunFolder interrupted = RunFolder::create(tmp / "b", "stripes", "pred", "");
    StopToken stop;
    StopAtStep stopper(stop, 7); // in the middle of the second epoch
    const auto first = trainNewRun(tinyConfig(3), frames, interrupted, stopper, stop);
    ASSERT_EQ(first.outcome, TrainingOutcome::Stopped);
    EXPECT_EQ(first.steps, 7);
    // A crash after the checkpoint may have logged more rows; resume must drop them.
    std::ofstream(interrupted.metrics(), std::ios::app) << "8,1,9,9,9,9,9,9,9\n";
    StopToken stop2;
    const auto second = resumeRun(interrupted, frames, quiet, stop2);
    EXPECT_EQ(second.outcome, TrainingOutcome::Finished);

    const auto a = lines(straight.metrics()), b = lines(interrupted.metrics());
    ASSERT_EQ(a.size(), b.size());
    for (size_t i = 1; i < a.size(); ++i) {
        std::istringstream ra(a[i]), rb(b[i]);
        std::string fa, fb;
        for (int column = 0; column < 7; ++column) { // step … lr; not the timings
            std::getline(ra, fa, ',');
            std::getline(rb, fb, ',');
            EXPECT_EQ(fa, fb) << "row " << i << " column " << column;
        }
    }
}

TEST(Checkpoint, RoundTripAndRefusals)
{
    test::TempDir tmp;
    const TrainConfig config = tinyConfig(1);
    MnadModel model(config.model);
    model.memory().reset(99);
    torch::optim::Adam adam(model.network()->parameters());
    saveCheckpoint(tmp / "c.pt", model, &adam, {1, 2, 3}, "{}");
    MnadModel other(config.model);
    const auto loaded = loadCheckpoint(tmp / "c.pt", other);
    EXPECT_EQ(loaded.position.step, 3);
    EXPECT_TRUE(torch::equal(model.memory().items(), other.memory().items()));
    auto p = model.network()->named_parameters(), q = other.network()->named_parameters();
    for (const auto& item : p)
        EXPECT_TRUE(torch::equal(item.value(), q[item.key()])) << item.key();

    const std::string bytes = readWholeFile(tmp / "c.pt");
    test::writeFile(tmp / "cut.pt", bytes.substr(0, bytes.size() * 2 / 3));
    EXPECT_THROW(loadCheckpoint(tmp / "cut.pt", other), DataError);
    test::writeFile(tmp / "text.pt", "not a checkpoint");
    EXPECT_THROW(loadCheckpoint(tmp / "text.pt", other), DataError);
    ModelConfig wider = config.model;
    wider.width = 8;
    MnadModel wide(wider);
    try {
        loadCheckpoint(tmp / "c.pt", wide);
        FAIL();
    } catch (const DataError& e) {
        EXPECT_NE(std::string(e.what()).find("c.pt"), std::string::npos);
        EXPECT_NE(std::string(e.what()).find("m_items"), std::string::npos) << e.what();
    }
    ModelConfig recon = ModelConfig::paper(Method::Reconstruction);
    recon.width = 4;
    recon.memorySize = 5;
    MnadModel reconModel(recon);
    try {
        loadCheckpoint(tmp / "c.pt", reconModel);
        FAIL();
    } catch (const DataError& e) {
        EXPECT_NE(std::string(e.what()).find("encoder.moduleConv1.0.weight"), std::string::npos) << e.what();
    }
}

TEST(Evaluation, BatchedEqualsFrameByFrameAndFindsObviousAnomalies)
{
    test::TempDir tmp;
    auto train = std::make_shared<StripeFrames>(3, 30, 16);
    const RunFolder run = RunFolder::create(tmp.path(), "stripes", "pred", "");
    TrainingObserver quiet;
    StopToken stop;
    TrainConfig config = tinyConfig(4);
    trainNewRun(config, train, run, quiet, stop);
    MnadModel model(config.model);
    loadCheckpoint(run.finalCheckpoint(), model);
    const torch::Tensor trained = model.memory().items().clone();

    StripeFrames test(3, 30, 16, {12, 20});
    EvaluationConfig ec = EvaluationConfig::official(Method::Prediction);
    ec.threshold = 0.05; // let normal frames update the memory, so the sequential path is exercised
    // The reference: frame by frame through the model's own modules; against it, batches through the fast kernels.
    ec.encoderBatch = 1;
    ec.cpuKernels = CpuKernels::LibTorch;
    const Evaluation one = evaluateModel(model, test, test.labels(), ec);
    EXPECT_TRUE(torch::equal(model.memory().items(), trained)) << "the trained memory must be restored";
    EXPECT_EQ(one.convolutions, "LibTorch");
    ec.encoderBatch = 7;
    ec.cpuKernels = CpuKernels::Winograd;
    const Evaluation batched = evaluateModel(model, test, test.labels(), ec);
    ASSERT_EQ(one.videos.size(), 3u);
    EXPECT_GT(one.summary.memoryUpdates, 0);
    for (size_t v = 0; v < 3; ++v) {
        for (size_t f = 0; f < 30; ++f) {
            const auto &a = one.videos[v].frames[f], &b = batched.videos[v].frames[f];
            EXPECT_EQ(a.scored, f >= 4u);
            EXPECT_EQ(a.memoryUpdated, b.memoryUpdated);
            EXPECT_NEAR(a.psnr, b.psnr, 1e-4 * std::abs(a.psnr));
            EXPECT_NEAR(a.featureDistance, b.featureDistance, 1e-5);
        }
    }
    EXPECT_EQ(one.summary.scoredFrames, 3 * 26);
    EXPECT_TRUE(one.summary.hasLabels);
    EXPECT_GT(one.summary.microAuc, 0.9) << "obvious anomalies should be found";

    // Inspection of one video: maps per frame, larger errors where the anomalies are, attention that sums to one.
    ec.encoderBatch = 4;
    const VideoInspection inspection = inspectVideo(model, test, 1, ec);
    EXPECT_EQ(inspection.scored.sum().item<int64_t>(), 26);
    EXPECT_EQ(inspection.errorMaps.sizes(), (std::vector<int64_t>{30, 16, 16}));
    EXPECT_EQ(inspection.attention.sizes(), (std::vector<int64_t>{30, 5, 2, 2}));
    const double abnormalError = inspection.errorMaps.slice(0, 12, 20).mean().item<double>();
    const double normalError = inspection.errorMaps.slice(0, 25, 30).mean().item<double>();
    EXPECT_GT(abnormalError, 3 * normalError);
    EXPECT_TRUE(torch::allclose(inspection.attention.slice(0, 4).sum(1), torch::ones({26, 2, 2}), 1e-5));
    EXPECT_TRUE(torch::equal(inspection.top1.slice(0, 4), inspection.attention.slice(0, 4).argmax(1)));
    EXPECT_EQ(inspection.errorMaps[0].abs().sum().item<double>(), 0.0) << "unscored frames hold zeros";
    writeVideoInspection(inspection, tmp / "inspect");
    const NpyArray saved = readNpy(tmp / "inspect" / "error_maps.npy");
    EXPECT_EQ(saved.shape, (std::vector<int64_t>{30, 16, 16}));
    EXPECT_EQ(saved.dtype, "<f4");
    EXPECT_FLOAT_EQ(static_cast<float>(saved.values[12 * 256 + 17]), inspection.errorMaps[12][1][1].item<float>());
    EXPECT_EQ(readNpy(tmp / "inspect" / "top1.npy").shape, (std::vector<int64_t>{30, 2, 2}));

    writeScoresCsv(one, run.scores());
    writeMemoryUsageCsv(one, run.memoryUsage());
    const auto scores = lines(run.scores());
    ASSERT_EQ(scores.size(), 1u + 3 * 30);
    EXPECT_EQ(scores[0], "video,frame,scored,psnr,feature_distance,point_score,score,causal_score,label,updated");
    EXPECT_EQ(scores[1].substr(0, 9), "v0,0,0,,,");
    EXPECT_EQ(lines(run.memoryUsage()).size(), 1u + 3 * 26);
    const std::string report = reportJson(one, {"stripes", run.finalCheckpoint(), "abc", 5});
    for (const char* key : {"\"micro_auc\"", "\"macro_auc\"", "\"eer\"", "\"average_precision\"", "\"memory_reset_policy\"",
                            "\"checkpoint_sha256\"", "\"frames_per_second\""})
        EXPECT_NE(report.find(key), std::string::npos) << key;
}

TEST(RunFiles, AtomicWriteKeepsThePreviousFileOnFailure)
{
    test::TempDir tmp;
    writeFileAtomically(tmp / "a.json", "one");
    EXPECT_EQ(readWholeFile(tmp / "a.json"), "one");
    writeFileAtomically(tmp / "a.json", "two");
    EXPECT_EQ(readWholeFile(tmp / "a.json"), "two");
    EXPECT_THROW(writeFileAtomically(tmp / "missing-folder" / "a.json", "x"), std::runtime_error);
}

TEST(RunFiles, MalformedConfigNamesTheFile)
{
    test::TempDir tmp;
    test::writeFile(tmp / "config.json", "{\"model\": {\"method\": \"pred\"");
    try {
        readTrainConfig(tmp / "config.json");
        FAIL();
    } catch (const DataError& e) {
        EXPECT_NE(std::string(e.what()).find("config.json: malformed JSON"), std::string::npos) << e.what();
    }
    test::writeFile(tmp / "config.json", "{\"model\": {\"method\": \"pred\"}}");
    EXPECT_THROW(readTrainConfig(tmp / "config.json"), DataError);

    // Found by fuzzing: a number too large for a double, and a float where an integer belongs (a plain cast,
    // undefined behaviour, before); both are refused by name.
    const std::string good = trainConfigToJson(tinyConfig(1), "cpu");
    for (const auto& [from, to] : {std::pair<std::string, std::string>{"\"width\": 4", "\"width\": 1E400"},
                                   {"\"width\": 4", "\"width\": 7.7e65"},
                                   {"\"epochs\": 1", "\"epochs\": 2.5"},
                                   {"\"seed\": 11", "\"seed\": -1"}}) {
        std::string text = good;
        ASSERT_NE(text.find(from), std::string::npos) << from << " in " << good;
        text.replace(text.find(from), from.size(), to);
        test::writeFile(tmp / "config.json", text);
        try {
            readTrainConfig(tmp / "config.json");
            ADD_FAILURE() << to << " accepted";
        } catch (const DataError& e) {
            EXPECT_NE(std::string(e.what()).find("config.json"), std::string::npos) << e.what();
        }
    }
}

} // namespace
} // namespace mnad
