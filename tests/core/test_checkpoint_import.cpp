// Checkpoints written by Python (tools/mnad-convert.py's writing code, through tests/core/write_checkpoints.py):
// loaded value for value, refused by key when they do not fit, refused cleanly when they are not checkpoints;
// `mnad import` turning one into a run folder; and tools/mnad-export.py's TorchScript computing what we compute.
// Needs /usr/bin/python3 with PyTorch (Debian's python3-torch); skipped without it unless CI is set.

#include "core/data/data_error.h"
#include "core/data/npy_reader.h"
#include "core/model/mnad_model.h"
#include "core/model/state_dict.h"
#include "core/run/atomic_file.h"
#include "core/train/checkpoint.h"
#include "tests/core/npy_fixture.h"
#include "tests/core/temp_dir.h"

#ifdef MNAD_WITH_IO
#include "core/demo/demo_dataset.h"
#include "core/io/demo_writer.h"
#endif

#include <gtest/gtest.h>
#include <torch/script.h>
#include <torch/torch.h>

#include <array>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <sys/wait.h>

namespace mnad {
namespace {
namespace fs = std::filesystem;

constexpr const char* kPython = "/usr/bin/python3";

struct CommandResult {
    int exitCode = -1;
    std::string output;
};

CommandResult runCommand(const std::string& command)
{
    FILE* pipe = popen((command + " 2>&1").c_str(), "r");
    if (!pipe)
        return {-1, "popen failed"};
    CommandResult result;
    std::array<char, 4096> buffer{};
    for (size_t n; (n = std::fread(buffer.data(), 1, buffer.size(), pipe)) > 0;)
        result.output.append(buffer.data(), n);
    const int status = pclose(pipe);
    result.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return result;
}

std::string quoted(const fs::path& path)
{
    return "'" + path.string() + "'";
}

// Python with torch is a test dependency: missing, the tests skip on a developer's machine and fail under CI.
bool pythonTorchMissing()
{
    static const bool missing = runCommand(std::string(kPython) + " -c 'import torch'").exitCode != 0;
    return missing;
}

#define REQUIRE_PYTHON_TORCH()                                                                               \
    do {                                                                                                     \
        if (pythonTorchMissing()) {                                                                          \
            if (std::getenv("CI"))                                                                           \
                FAIL() << kPython << " cannot import torch: run tools/install-deps.sh (python3-torch)";      \
            GTEST_SKIP() << kPython << " cannot import torch (install python3-torch)";                       \
        }                                                                                                    \
    } while (0)

ModelConfig narrow(Method method, int width = 4, int memorySize = 5)
{
    ModelConfig config = ModelConfig::paper(method);
    config.width = width;
    config.memorySize = memorySize;
    config.imageSize = 32;
    return config;
}

// The fixtures of write_checkpoints.py, written once for the whole suite.
class PythonCheckpoints : public ::testing::Test {
protected:
    static void SetUpTestSuite()
    {
        if (pythonTorchMissing())
            return;
        folder_ = std::make_unique<test::TempDir>("mnad_import");
        const auto run = runCommand(std::string(kPython) + " " MNAD_SOURCE_DIR "/tests/core/write_checkpoints.py " +
                                    quoted(MNAD_SOURCE_DIR) + " " + quoted(folder_->path()));
        writerOutput_ = run.output;
        writerFailed_ = run.exitCode != 0;
    }
    static void TearDownTestSuite() { folder_.reset(); }

    void SetUp() override
    {
        REQUIRE_PYTHON_TORCH();
        ASSERT_FALSE(writerFailed_) << "write_checkpoints.py failed:\n" << writerOutput_;
    }
    static fs::path file(const std::string& name) { return *folder_ / name; }

    static std::unique_ptr<test::TempDir> folder_;
    static std::string writerOutput_;
    static bool writerFailed_;
};
std::unique_ptr<test::TempDir> PythonCheckpoints::folder_;
std::string PythonCheckpoints::writerOutput_;
bool PythonCheckpoints::writerFailed_ = false;

// Every tensor equals, bit for bit, what NumPy wrote from the Python side.
void expectValuesFromNpy(MnadModel& model, const fs::path& npyFolder)
{
    auto compare = [&](const std::string& name, const torch::Tensor& tensor) {
        const NpyArray expected = readNpy(npyFolder / (name + ".npy"));
        ASSERT_EQ(expected.shape, tensor.sizes().vec()) << name;
        const auto values = tensor.to(torch::kDouble).contiguous();
        const double* data = values.data_ptr<double>();
        int64_t different = 0;
        for (int64_t i = 0; i < values.numel(); ++i)
            different += data[i] != expected.values[static_cast<size_t>(i)];
        EXPECT_EQ(different, 0) << name;
    };
    const auto tensors = stateDict(*model.network());
    ASSERT_EQ(tensors.size(), 135u);
    for (const auto& [name, tensor] : tensors)
        compare(name, tensor);
    compare("m_items", model.memory().items());
}

TEST_F(PythonCheckpoints, ConvertedFilesLoadValueForValue)
{
    for (Method method : {Method::Prediction, Method::Reconstruction}) {
        const std::string name = methodName(method);
        const ModelConfig described = checkpointModelConfig(file(name + ".pt"));
        EXPECT_EQ(described.method, method);
        EXPECT_EQ(described.width, 4);
        EXPECT_EQ(described.memorySize, 5);
        EXPECT_EQ(described.tLength, method == Method::Prediction ? 5 : 1);
        EXPECT_EQ(described.imageSize, 256) << "official files carry no size: the official one";
        MnadModel model(narrow(method));
        const LoadedCheckpoint loaded = loadCheckpoint(file(name + ".pt"), model);
        EXPECT_TRUE(loaded.configJson.empty()) << "a converted file is not from a training run";
        EXPECT_FALSE(loaded.hasOptimizer);
        expectValuesFromNpy(model, file(name + "_npy"));
    }
}

// model.pth as the official Train.py writes it (a whole-model pickle, legacy format) of a stand-in official
// repository, converted by the converter's command line.
TEST_F(PythonCheckpoints, OfficialModelPthConvertsValueForValue)
{
    test::expectMentions(readWholeFile(file("without_source.txt")),
                         {"model.pth", "put the MNAD repository on --mnad-src", "exit 1"});
    test::expectMentions(test::dataErrorOf([&] { checkpointModelConfig(file("model.pth")); }),
                         {"model.pth", "convert it with tools/mnad-convert.py"});
    const ModelConfig described = checkpointModelConfig(file("official.pt"));
    EXPECT_EQ(described.method, Method::Prediction);
    EXPECT_EQ(described.width, 4);
    EXPECT_EQ(described.memorySize, 6);
    MnadModel model(narrow(Method::Prediction, 4, 6));
    loadCheckpoint(file("official.pt"), model);
    expectValuesFromNpy(model, file("official_npy"));
}

TEST_F(PythonCheckpoints, ArchitectureMismatchesNameTheKey)
{
    MnadModel pred(narrow(Method::Prediction));
    auto refusal = [&](const std::string& name, MnadModel& model) {
        return test::dataErrorOf([&] { loadCheckpoint(file(name), model); });
    };
    test::expectMentions(refusal("missing_key.pt", pred),
                         {"missing_key.pt", "missing key 'decoder.moduleConv.1.running_var'"});
    test::expectMentions(refusal("extra_key.pt", pred), {"unexpected key 'encoder.moduleExtra.weight'"});
    test::expectMentions(refusal("wrong_shape.pt", pred),
                         {"key 'decoder.moduleDeconv1.6.bias' has shape [4], the model expects [3]"});
    test::expectMentions(refusal("recon.pt", pred), {"recon.pt", "encoder.moduleConv1.0.weight"});
    MnadModel wide(narrow(Method::Prediction, 8));
    test::expectMentions(refusal("pred.pt", wide), {"pred.pt", "'m_items' has shape [5, 32]"});
    // A meta that contradicts the tensors passes the meta check and is refused by the tensors.
    const ModelConfig lying = checkpointModelConfig(file("lying_meta.pt"));
    EXPECT_EQ(lying.width, 8);
    MnadModel described(lying);
    test::expectMentions(refusal("lying_meta.pt", described), {"lying_meta.pt", "m_items"});
}

TEST_F(PythonCheckpoints, WhatIsNotACheckpointIsRefusedWithoutACrash)
{
    MnadModel model(narrow(Method::Prediction));
    std::map<std::string, torch::Tensor> before;
    for (const auto& [name, tensor] : stateDict(*model.network()))
        before[name] = tensor.clone();
    const std::string bytes = readWholeFile(file("pred.pt"));
    test::TempDir tmp;
    for (size_t keep : {bytes.size() / 2, bytes.size() - 100, size_t(30)}) {
        test::writeFile(tmp / "cut.pt", bytes.substr(0, keep));
        test::expectMentions(test::dataErrorOf([&] { loadCheckpoint(tmp / "cut.pt", model); }),
                             {"cut.pt", "not a readable torch file"});
    }
    test::writeFile(tmp / "notes.txt", "state_dict m_items meta\n");
    test::expectMentions(test::dataErrorOf([&] { checkpointModelConfig(tmp / "notes.txt"); }),
                         {"notes.txt", "not a readable torch file"});
    test::expectMentions(test::dataErrorOf([&] { loadCheckpoint(file("legacy.pt"), model); }),
                         {"legacy.pt", "convert"});
    test::expectMentions(test::dataErrorOf([&] { loadCheckpoint(file("whole_module.pt"), model); }),
                         {"whole_module.pt", "not a readable torch file"});
    test::expectMentions(test::dataErrorOf([&] { loadCheckpoint(file("ordered_dict.pt"), model); }),
                         {"ordered_dict.pt", "save dict(model.state_dict())"});
    test::expectMentions(test::dataErrorOf([&] { loadCheckpoint(file("list_state_dict.pt"), model); }),
                         {"list_state_dict.pt", "malformed checkpoint"});
    test::expectMentions(test::dataErrorOf([&] { loadCheckpoint(file("int_memory.pt"), model); }),
                         {"int_memory.pt", "'m_items'", "not floating point"});
    // Nothing of the refused files reached the model.
    for (const auto& [name, tensor] : stateDict(*model.network()))
        EXPECT_TRUE(torch::equal(tensor, before.at(name))) << name;
}

#ifdef MNAD_WITH_IO
// `mnad import` then `mnad evaluate` and `mnad inspect` on the run folder it made.
TEST_F(PythonCheckpoints, ImportMakesARunFolderThatEvaluates)
{
    test::TempDir tmp;
    DemoSpec spec;
    spec.trainVideos = 1;
    spec.testVideos = 2;
    spec.normalTestVideos = 1;
    spec.framesPerVideo = 20;
    const fs::path dataset = writeDemoDataset(DemoDataset(spec), tmp.path(), 32);
    const std::string cli = "'" MNAD_CLI_PATH "' ";
    const std::string where = " --data " + quoted(dataset) + " --runs " + quoted(tmp / "runs");

    const auto imported = runCommand(cli + "import " + quoted(file("pred.pt")) + where + " --size 32");
    ASSERT_EQ(imported.exitCode, 0) << imported.output;
    const fs::path runsOfPred = tmp / "runs" / "demo" / "pred";
    ASSERT_TRUE(fs::is_directory(runsOfPred)) << imported.output;
    const fs::path run = fs::directory_iterator(runsOfPred)->path();
    EXPECT_NE(imported.output.find("pred model, width 4, t_length 5, memory 5 x 32, input 32 x 32"),
              std::string::npos) << imported.output;
    EXPECT_EQ(readWholeFile(run / "checkpoints" / "final.pt"), readWholeFile(file("pred.pt")));
    EXPECT_NE(readWholeFile(run / "config.json").find("\"image_size\": 32"), std::string::npos);
    EXPECT_NE(readWholeFile(run / "log.txt").find("sha256"), std::string::npos);

    const auto evaluated = runCommand(cli + "evaluate --run " + quoted(run) + " --device cpu");
    EXPECT_EQ(evaluated.exitCode, 0) << evaluated.output;
    EXPECT_NE(evaluated.output.find("frame AUC (micro)"), std::string::npos) << evaluated.output;
    EXPECT_TRUE(fs::exists(run / "scores.csv"));
    const auto inspected = runCommand(cli + "inspect --run " + quoted(run) + " --video 01 --device cpu");
    EXPECT_EQ(inspected.exitCode, 0) << inspected.output;

    // Refused files make no run folder, and the message names the file and the problem.
    const auto lying = runCommand(cli + "import " + quoted(file("lying_meta.pt")) + where);
    EXPECT_EQ(lying.exitCode, 1) << lying.output;
    test::expectMentions(lying.output, {"lying_meta.pt", "m_items"});
    const auto badSize = runCommand(cli + "import " + quoted(file("pred.pt")) + where + " --size 30");
    EXPECT_EQ(badSize.exitCode, 1) << badSize.output;
    test::expectMentions(badSize.output, {"--size 30", "multiple of 8"});
    EXPECT_EQ(std::distance(fs::directory_iterator(runsOfPred), fs::directory_iterator()), 1);
}
#endif

// tools/mnad-export.py on a native checkpoint: the TorchScript model's output equals the native eval forward.
class Export : public ::testing::TestWithParam<Method> {
};

TEST_P(Export, TorchScriptComputesWhatTheNativeModelDoes)
{
    REQUIRE_PYTHON_TORCH();
    torch::manual_seed(21);
    MnadModel model(narrow(GetParam()));
    {
        torch::NoGradGuard noGrad; // statistics away from the defaults, so that eval-mode BatchNorm matters
        for (auto& [name, tensor] : stateDict(*model.network())) {
            if (name.find("running_mean") != std::string::npos)
                tensor.copy_(torch::randn_like(tensor) * 0.1);
            else if (name.find("running_var") != std::string::npos)
                tensor.copy_(torch::rand_like(tensor) + 0.5);
        }
    }
    model.memory().reset(3);
    test::TempDir tmp;
    saveCheckpoint(tmp / "native.pt", model, nullptr, {}, "{}");
    const auto exported = runCommand(std::string(kPython) + " " MNAD_SOURCE_DIR "/tools/mnad-export.py " +
                                     quoted(tmp / "native.pt") + " " + quoted(tmp / "scripted.pt"));
    ASSERT_EQ(exported.exitCode, 0) << exported.output;

    torch::jit::ExtraFilesMap extra{{"mnad.json", ""}};
    torch::jit::script::Module scripted = torch::jit::load((tmp / "scripted.pt").string(), torch::kCPU, extra);
    EXPECT_NE(extra["mnad.json"].find("\"method\": \"" + methodName(GetParam()) + "\""), std::string::npos)
        << extra["mnad.json"];
    const auto input = torch::rand({2, model.config().inputChannels(), 32, 32}) * 2 - 1;
    torch::NoGradGuard noGrad;
    const auto expected = model.evalForward(input).output;
    const auto actual = scripted.forward({input}).toTensor();
    ASSERT_EQ(actual.sizes(), expected.sizes());
    EXPECT_LE((actual - expected).abs().max().item<double>(), 1e-5);
    EXPECT_GT(expected.abs().max().item<double>(), 0.01) << "a non-trivial output";
}

INSTANTIATE_TEST_SUITE_P(Methods, Export, ::testing::Values(Method::Prediction, Method::Reconstruction),
                         [](const auto& info) { return methodName(info.param); });

} // namespace
} // namespace mnad
