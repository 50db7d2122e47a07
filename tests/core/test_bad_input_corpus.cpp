// The bad-input corpus: damaged frames, videos, folders, labels, run files and checkpoints, generated from a tiny
// healthy demo dataset and run through the real `mnad` binary. Each case must end in its documented outcome
// (CONTRIBUTING.md, "Bad input"): refused with exit code 1, or accepted (exit 0) with a warning; the message names
// the file and the problem; the binary never dies from a signal.

#include "core/data/npy_writer.h"
#include "core/demo/demo_dataset.h"
#include "core/io/demo_writer.h"
#include "core/io/video_writer.h"
#include "core/model/mnad_model.h"
#include "core/run/config_json.h"
#include "core/run/run_folder.h"
#include "core/train/checkpoint.h"
#include "tests/core/temp_dir.h"

#include <gtest/gtest.h>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>
#include <torch/serialize.h>
#include <torch/torch.h>

#include <array>
#include <cstdio>
#include <fstream>
#include <functional>
#include <random>
#include <sstream>
#include <string>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

namespace mnad::test {
namespace {
namespace fs = std::filesystem;

constexpr int kSize = 32;
constexpr int kFrames = 20; // per video; 2 test videos, so the labels cover 40 frames
const std::string kTrainArgs = " --epochs 1 --size 32 --width 2 --memory-size 4 --device cpu";

struct CliResult {
    bool exited = false; // false: killed by a signal (a crash)
    int exitCode = -1;
    std::string output;  // stdout and stderr
};

// `shellSetup` runs in the shell first (e.g. a ulimit); `exec` hands its settings to mnad.
CliResult mnad(const std::string& arguments, const std::string& shellSetup = "")
{
    const std::string command = shellSetup + "exec '" MNAD_CLI_PATH "' " + arguments + " 2>&1";
    FILE* pipe = popen(command.c_str(), "r");
    if (!pipe)
        return {false, -1, "popen failed"};
    CliResult result;
    std::array<char, 4096> buffer{};
    size_t n;
    while ((n = fread(buffer.data(), 1, buffer.size(), pipe)) > 0)
        result.output.append(buffer.data(), n);
    const int status = pclose(pipe);
    result.exited = WIFEXITED(status);
    result.exitCode = result.exited ? WEXITSTATUS(status) : -1;
    return result;
}

std::string quoted(const fs::path& path) { return "'" + path.string() + "'"; }

// The documented outcome: no crash, the exit code, and every fragment of the message.
void expectOutcome(const CliResult& run, int exitCode, const std::vector<std::string>& fragments)
{
    ASSERT_TRUE(run.exited) << "mnad was killed by a signal:\n" << run.output;
    EXPECT_EQ(run.exitCode, exitCode) << run.output;
    for (const auto& fragment : fragments)
        EXPECT_NE(run.output.find(fragment), std::string::npos) << "no '" << fragment << "' in:\n" << run.output;
}

std::string readBytes(const fs::path& file)
{
    std::ifstream in(file, std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    return bytes.str();
}

std::string randomBytes(size_t count, unsigned seed)
{
    std::mt19937 random(seed);
    std::string bytes(count, '\0');
    for (char& c : bytes)
        c = static_cast<char>(random() & 0xff);
    return bytes;
}

void truncateFile(const fs::path& file, double keep)
{
    const std::string bytes = readBytes(file);
    writeFile(file, bytes.substr(0, static_cast<size_t>(static_cast<double>(bytes.size()) * keep)));
}

std::string npyFile(const std::string& descr, const std::vector<int64_t>& shape, const std::string& payload)
{
    return npyHeader(descr, shape) + payload;
}

template <typename T>
std::string rawValues(const std::vector<T>& values)
{
    return std::string(reinterpret_cast<const char*>(values.data()), values.size() * sizeof(T));
}

class BadInput : public ::testing::Test {
protected:
    static void SetUpTestSuite()
    {
        tmp_ = new TempDir("mnad_bad_input");
        DemoSpec spec;
        spec.trainVideos = 2;
        spec.testVideos = 2;
        spec.normalTestVideos = 1;
        spec.framesPerVideo = kFrames;
        base_ = writeDemoDataset(DemoDataset(spec), *tmp_ / "base", kSize);
        const auto train = mnad("train --data " + quoted(base_) + " --runs " + quoted(*tmp_ / "runs") +
                                " --name healthy" + kTrainArgs);
        if (train.exitCode != 0) {
            setupError_ = "the healthy base did not train:\n" + train.output;
            return;
        }
        for (const auto& entry : fs::directory_iterator(*tmp_ / "runs/demo/pred"))
            run_ = entry.path();
    }
    static void TearDownTestSuite()
    {
        delete tmp_;
        tmp_ = nullptr;
    }
    void SetUp() override
    {
        if (run_.empty())
            GTEST_FAIL() << setupError_;
    }

    // A copy of the healthy dataset at <tmp>/cases/<name>/demo: it keeps the name "demo", so its labels are found.
    static fs::path copyBase(const std::string& name)
    {
        const fs::path copy = *tmp_ / "cases" / name / "demo";
        fs::create_directories(copy.parent_path());
        fs::copy(base_, copy, fs::copy_options::recursive);
        return copy;
    }
    static fs::path frame(const fs::path& dataset, const std::string& video, int index)
    {
        char name[16];
        std::snprintf(name, sizeof name, "%03d.jpg", index);
        return dataset / "training/frames" / video / name;
    }
    static fs::path copyRun(const std::string& name)
    {
        const fs::path copy = *tmp_ / "run_copies" / name;
        fs::create_directories(copy.parent_path());
        fs::copy(run_, copy, fs::copy_options::recursive);
        return copy;
    }
    // What `mnad dataset` and `mnad train` say about a dataset.
    static std::pair<CliResult, CliResult> datasetAndTrain(const fs::path& dataset)
    {
        return {mnad("dataset " + quoted(dataset)),
                mnad("train --data " + quoted(dataset) + " --runs " + quoted(dataset.parent_path() / "runs") +
                     kTrainArgs)};
    }

    static TempDir* tmp_;
    static fs::path base_, run_;
    static std::string setupError_;
};

TempDir* BadInput::tmp_ = nullptr;
fs::path BadInput::base_, BadInput::run_;
std::string BadInput::setupError_;

TEST_F(BadInput, UnreadableFramesAreRefusedNamingTheFrame)
{
    struct Case {
        std::string name, problem;
        std::function<fs::path(const fs::path&)> damage; // returns the damaged frame
    };
    const std::vector<Case> cases{
        {"corrupt_jpeg", "cannot decode the image", [](const fs::path& d) {
             writeFile(frame(d, "01", 0), randomBytes(3000, 1));
             return frame(d, "01", 0);
         }},
        {"truncated_jpeg", "truncated JPEG", [](const fs::path& d) {
             truncateFile(frame(d, "01", 0), 0.5);
             return frame(d, "01", 0);
         }},
        {"corrupt_png", "cannot decode the image", [](const fs::path& d) {
             const fs::path png = frame(d, "02", 0).replace_extension(".png");
             fs::remove(frame(d, "02", 0));
             cv::imwrite(png.string(), cv::imread(frame(d, "02", 1).string()));
             std::string bytes = readBytes(png);
             for (size_t i = bytes.size() / 2; i < bytes.size() / 2 + 16; ++i)
                 bytes[i] = static_cast<char>(~bytes[i]); // inside the image data: its CRC no longer matches
             writeFile(png, bytes);
             return png;
         }},
        {"truncated_png", "cannot decode the image", [](const fs::path& d) {
             const fs::path png = frame(d, "02", kFrames - 1).replace_extension(".png");
             fs::remove(frame(d, "02", kFrames - 1));
             cv::imwrite(png.string(), cv::imread(frame(d, "02", 1).string()));
             truncateFile(png, 0.6);
             return png;
         }},
        {"zero_byte_frame", "empty file (0 bytes)", [](const fs::path& d) {
             writeFile(frame(d, "01", 7), ""); // in the middle: `mnad dataset` finds it all the same
             return frame(d, "01", 7);
         }},
    };
    for (const auto& c : cases) {
        SCOPED_TRACE(c.name);
        const fs::path dataset = copyBase(c.name);
        const std::string bad = fs::canonical(c.damage(dataset)).string();
        const auto [summary, train] = datasetAndTrain(dataset);
        expectOutcome(summary, 1, {"PROBLEM: " + bad + ": " + c.problem});
        expectOutcome(train, 1, {"error: " + bad + ": " + c.problem});
    }
}

TEST_F(BadInput, DamagedVideoFilesAreRefusedNamingTheFile)
{
    // Video 01 of the training split as a lossless video file instead of a frame folder.
    const auto asVideo = [](const std::string& name) {
        const fs::path dataset = copyBase(name);
        fs::create_directories(dataset / "training/videos");
        const fs::path file = dataset / "training/videos/01.mkv";
        {
            VideoWriter writer(file, kSize, kSize, 25, VideoCodecChoice::Lossless);
            for (int f = 0; f < kFrames; ++f)
                writer.write(cv::imread(frame(dataset, "01", f).string()).data);
            writer.finish();
        }
        fs::remove_all(dataset / "training/frames/01");
        return std::make_pair(dataset, fs::canonical(file).string());
    };

    const auto [garbage, garbageFile] = asVideo("garbage_video");
    writeFile(garbageFile, randomBytes(8192, 2));
    const auto [garbageSummary, garbageTrain] = datasetAndTrain(garbage);
    expectOutcome(garbageSummary, 1, {"PROBLEM: " + garbageFile + ": cannot open as a video"});
    expectOutcome(garbageTrain, 1, {"error: " + garbageFile + ": cannot open as a video"});

    const auto [truncated, truncatedFile] = asVideo("truncated_video");
    truncateFile(truncatedFile, 0.6);
    const auto [truncatedSummary, truncatedTrain] = datasetAndTrain(truncated);
    // The frames before the cut are intact (VideoReader never shifts frames): flagged, and training uses them.
    expectOutcome(truncatedSummary, 1,
                  {"PROBLEM: " + truncatedFile + ": the file ends before the length its container declares"});
    EXPECT_NE(truncatedSummary.output.find("training: 2 videos, 32 frames"), std::string::npos)
        << truncatedSummary.output;
    expectOutcome(truncatedTrain, 0, {"finished after 6 steps"});
}

TEST_F(BadInput, FoldersWithoutFramesAreRefused)
{
    const fs::path empty = *tmp_ / "cases/empty_folder";
    fs::create_directories(empty);
    const fs::path notImages = *tmp_ / "cases/not_images";
    for (const char* file : {"training/frames/01/notes.txt", "training/frames/01/Thumbs.db", "testing/frames/01/a.csv"}) {
        fs::create_directories((notImages / file).parent_path());
        writeFile(notImages / file, "not a frame");
    }
    for (const fs::path& dataset : {empty, notImages}) {
        SCOPED_TRACE(dataset.string());
        const auto [summary, train] = datasetAndTrain(dataset);
        expectOutcome(summary, 1, {"error: " + fs::canonical(dataset).string() + ": no videos found"});
        expectOutcome(train, 1, {"error: " + fs::canonical(dataset).string() + ": no videos found"});
    }
}

TEST_F(BadInput, OddButUsableFramesAreAcceptedWithWarnings)
{
    const fs::path dataset = copyBase("odd_but_usable");
    const fs::path video01 = fs::canonical(dataset / "training/frames/01"), video02 = dataset / "training/frames/02";
    fs::remove(frame(dataset, "01", 10));                        // a gap in the numbering
    writeFile(video01 / "notes.txt", "recorded on a Tuesday");   // files that are not frames
    writeFile(video01 / "Thumbs.db", randomBytes(100, 3));
    cv::imwrite(frame(dataset, "01", kFrames - 1).string(), cv::Mat(40, 48, CV_8UC3, cv::Scalar(90, 120, 60)));
    const cv::Mat colour = cv::imread(frame(dataset, "02", 0).string());
    cv::Mat gray, gray16, colour16;
    cv::cvtColor(colour, gray, cv::COLOR_BGR2GRAY);
    gray.convertTo(gray16, CV_16U, 257);
    colour.convertTo(colour16, CV_16U, 257);
    for (int f : {0, 1, 2})
        fs::remove(frame(dataset, "02", f));
    cv::imwrite((video02 / "000.png").string(), gray);     // 8-bit grayscale
    cv::imwrite((video02 / "001.png").string(), gray16);   // 16-bit grayscale
    cv::imwrite((video02 / "002.png").string(), colour16); // 16-bit colour

    const auto [summary, train] = datasetAndTrain(dataset);
    // `mnad dataset` flags mixed resolutions (exit 1) although training resizes every frame anyway.
    expectOutcome(summary, 1,
                  {"01  19 frames  32x32  PROBLEM: mixed resolutions: 32x32 and 48x40",
                   "02  20 frames  32x32\n",
                   "warning: " + video01.string() + ": ignored 2 file(s) that are not frame images",
                   "warning: " + video01.string() + ": gap in frame numbering between 009.jpg and 011.jpg"});
    EXPECT_EQ(summary.output.find("PROBLEM", summary.output.find("PROBLEM") + 1), std::string::npos)
        << "gray and 16-bit frames are no problem:\n" << summary.output;
    expectOutcome(train, 0,
                  {"warning: " + video01.string() + ": ignored 2 file(s)",
                   "warning: " + video01.string() + ": gap in frame numbering", "finished after"});
}

TEST_F(BadInput, BadLabelFilesAreRefusedNamingTheFile)
{
    const int64_t testFrames = 2 * kFrames;
    const fs::path labels = *tmp_ / "labels";
    fs::create_directories(labels);
    struct Case {
        std::string file, bytes, problem;
    };
    const std::vector<Case> cases{
        {"short.npy", npyFile("<i8", {1, testFrames - 3}, rawValues(std::vector<int64_t>(testFrames - 3, 0))),
         "labels cover 37 frames, the 2 test videos have 40"},
        {"strings.npy", npyFile("<U1", {testFrames}, rawValues(std::vector<char32_t>(testFrames, U'0'))),
         "unsupported dtype '<U1'"},
        {"fractions.npy", npyFile("<f8", {testFrames}, rawValues(std::vector<double>(testFrames, 0.5))),
         "label at index 0 is 0.5 (labels must be 0 = normal or 1 = abnormal)"},
        {"two_rows.npy", npyFile("<i8", {2, testFrames}, rawValues(std::vector<int64_t>(2 * testFrames, 0))),
         "labels must have shape (N,), (1, N) or (N, 1), got (2, 40)"},
        {"text.npy", "0\n1\n0\n", "not a .npy file"},
    };
    for (const auto& c : cases) {
        SCOPED_TRACE(c.file);
        writeFile(labels / c.file, c.bytes);
        const auto run = mnad("evaluate --run " + quoted(run_) + " --labels " + quoted(labels / c.file) +
                              " --device cpu");
        expectOutcome(run, 1, {"error: " + (labels / c.file).string() + ": " + c.problem});
    }
    EXPECT_FALSE(fs::exists(run_ / "scores.csv")) << "a refused evaluation writes nothing";

    // Labels found beside the dataset are checked by `mnad dataset` too.
    const fs::path dataset = copyBase("short_labels");
    writeFile(dataset / "frame_labels_demo.npy", cases[0].bytes);
    expectOutcome(mnad("dataset " + quoted(dataset)), 1,
                  {"labels: MISMATCHED (" + fs::canonical(dataset).string() + "/frame_labels_demo.npy): " +
                   fs::canonical(dataset).string() + "/frame_labels_demo.npy: labels cover 37 frames"});
}

TEST_F(BadInput, BrokenRunFilesAndCheckpointsAreRefused)
{
    const fs::path broken = copyRun("malformed_config");
    writeFile(broken / "config.json", readBytes(run_ / "config.json").substr(0, 100));
    expectOutcome(mnad("evaluate --run " + quoted(broken) + " --device cpu"), 1,
                  {"error: " + (broken / "config.json").string() + ": malformed JSON"});
    expectOutcome(mnad("train --resume " + quoted(broken)), 1,
                  {"error: " + (broken / "config.json").string() + ": malformed JSON"});

    // A checkpoint of another architecture: width 4 where the run has width 2.
    const fs::path checkpoints = *tmp_ / "checkpoints";
    fs::create_directories(checkpoints);
    ModelConfig wider = readTrainConfig(run_ / "config.json").model;
    wider.width = 4;
    MnadModel other(wider);
    saveCheckpoint(checkpoints / "width4.pt", other, nullptr, {}, "");
    expectOutcome(mnad("evaluate --run " + quoted(run_) + " --checkpoint " + quoted(checkpoints / "width4.pt") +
                       " --device cpu"),
                  1, {"error: " + (checkpoints / "width4.pt").string() + ": memory 'm_items' has shape [4, 32], "
                      "the model expects [4, 16]"});
    // A torch file that is no MNAD checkpoint, and one whose meta does not describe its weights.
    auto dict = c10::impl::GenericDict(c10::StringType::get(), c10::AnyType::get());
    dict.insert("weight", torch::ones({3, 3}));
    const auto plain = torch::pickle_save(dict);
    writeFile(checkpoints / "plain.pt", std::string(plain.begin(), plain.end()));
    expectOutcome(mnad("import " + quoted(checkpoints / "plain.pt") + " --data " + quoted(base_) + " --runs " +
                       quoted(*tmp_ / "imported")),
                  1, {"error: " + (checkpoints / "plain.pt").string() + ": not an MNAD checkpoint: no 'meta' entry"});
    const std::string mixed = readBytes(checkpoints / "width4.pt");
    auto lying = torch::pickle_load(std::vector<char>(mixed.begin(), mixed.end())).toGenericDict();
    auto meta = lying.at("meta").toGenericDict();
    meta.insert_or_assign("width", int64_t{2});
    meta.insert_or_assign("feature_dim", int64_t{16});
    lying.insert_or_assign("m_items", torch::zeros({4, 16}));
    const auto lyingBytes = torch::pickle_save(lying);
    writeFile(checkpoints / "lying.pt", std::string(lyingBytes.begin(), lyingBytes.end()));
    expectOutcome(mnad("import " + quoted(checkpoints / "lying.pt") + " --data " + quoted(base_) + " --runs " +
                       quoted(*tmp_ / "imported")),
                  1, {"error: " + (checkpoints / "lying.pt").string() + ": does not fit this model",
                      "key 'encoder.moduleConv1.0.weight' has shape [4, 12, 3, 3], the model expects [2, 12, 3, 3]"});

    // A truncated checkpoint.
    const fs::path truncated = checkpoints / "truncated.pt";
    writeFile(truncated, readBytes(run_ / "checkpoints/final.pt").substr(0, 100000));
    for (const std::string& command :
         {"import " + quoted(truncated) + " --data " + quoted(base_) + " --runs " + quoted(*tmp_ / "imported"),
          "evaluate --run " + quoted(run_) + " --checkpoint " + quoted(truncated) + " --device cpu"}) {
        SCOPED_TRACE(command);
        expectOutcome(mnad(command), 1, {"error: " + truncated.string() + ": not a readable torch file (truncated"});
    }
    EXPECT_FALSE(fs::exists(*tmp_ / "imported/demo")) << "a refused import makes no run folder";
}

TEST_F(BadInput, FullDiskOrUnwritableRunFolderKeepsThePreviousCheckpoint)
{
    // Resuming a finished run for one more epoch writes a new step checkpoint; that write fails.
    const auto oneMoreEpoch = [](const std::string& name) {
        const fs::path run = copyRun(name);
        std::string config = readBytes(run / "config.json");
        const size_t at = config.find("\"epochs\": 1,");
        EXPECT_NE(at, std::string::npos) << config;
        writeFile(run / "config.json", config.replace(at, 12, "\"epochs\": 2,"));
        return run;
    };
    const auto expectIntact = [](const fs::path& run, const std::string& finalBytes) {
        EXPECT_EQ(readBytes(run / "checkpoints/final.pt"), finalBytes);
        MnadModel model(readTrainConfig(run / "config.json").model);
        EXPECT_NO_THROW(loadCheckpoint(run / "checkpoints/final.pt", model));
        for (const auto& entry : fs::directory_iterator(run / "checkpoints"))
            EXPECT_EQ(entry.path().filename().string().find(".tmp-"), std::string::npos) << entry.path();
    };
    const std::string finalBytes = readBytes(run_ / "checkpoints/final.pt");

    // A full disk, as RLIMIT_FSIZE stands in for it (it binds root too): writes past 50 KiB fail with EFBIG.
    const fs::path full = oneMoreEpoch("disk_full");
    expectOutcome(mnad("train --resume " + quoted(full), "trap '' XFSZ; ulimit -f 100; "), 1,
                  {"error: " + (full / "checkpoints").string() + "/step_", ": cannot write: File too large"});
    expectIntact(full, finalBytes);

    // A read-only checkpoints folder: root ignores the permission bits, so this part runs only as another user.
    const fs::path readOnly = oneMoreEpoch("read_only");
    fs::permissions(readOnly / "checkpoints", fs::perms::owner_read | fs::perms::owner_exec);
    const bool enforced = ::access((readOnly / "checkpoints").c_str(), W_OK) != 0;
    if (enforced) {
        expectOutcome(mnad("train --resume " + quoted(readOnly)), 1,
                      {"error: " + (readOnly / "checkpoints").string() + "/step_", ": cannot write: Permission denied"});
        expectIntact(readOnly, finalBytes);
    }
    fs::permissions(readOnly / "checkpoints", fs::perms::owner_all);

    // A runs folder that cannot be made (a file is in the way): refused before any training.
    writeFile(*tmp_ / "runs_is_a_file", "");
    expectOutcome(mnad("train --data " + quoted(base_) + " --runs " + quoted(*tmp_ / "runs_is_a_file") + kTrainArgs),
                  1, {"cannot create the run folder: Not a directory"});
    if (!enforced)
        std::printf("[ note ] running as root: the read-only checkpoints folder was not checked\n");
}

} // namespace
} // namespace mnad::test
