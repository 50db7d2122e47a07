// What `mnad info` reports, checked against the facts of this build and machine.

#include "core/runtime/build_info.h"
#include "core/runtime/device.h"
#include "core/runtime/threads.h"

#include <gtest/gtest.h>
#include <torch/torch.h>
#include <torch/version.h>

namespace mnad {
namespace {

TEST(BuildInfo, ReportsTheLinkedLibraries)
{
    const auto info = collectBuildInfo();
    EXPECT_EQ(info.libtorchVersion, TORCH_VERSION);
    EXPECT_EQ(info.mnadVersion, MNAD_VERSION);
#ifdef MNAD_WITH_IO
    EXPECT_FALSE(info.opencvVersion.empty());
    EXPECT_FALSE(info.ffmpegVersion.empty());
#else
    EXPECT_TRUE(info.opencvVersion.empty());
#endif
    EXPECT_EQ(info.torchThreads, torch::get_num_threads());
    EXPECT_GT(info.torchThreads, 0);
}

TEST(BuildInfo, DeviceFollowsCudaAvailability)
{
    const auto info = collectBuildInfo();
    EXPECT_EQ(info.cudaAvailable, torch::cuda::is_available());
    EXPECT_EQ(info.defaultDevice, torch::cuda::is_available() ? "cuda:0" : "cpu");
    EXPECT_EQ(info.gpuNames.empty(), !info.cudaAvailable);
}

TEST(BuildInfo, BlasIsTheOneLoaded)
{
    // LibTorch links a BLAS; the report names the shared object really mapped into the process.
    const auto path = loadedBlasLibrary();
    ASSERT_FALSE(path.empty());
    EXPECT_NE(path.find("blas"), std::string::npos) << path;
    EXPECT_EQ(collectBuildInfo().blasLibrary, path);
}

TEST(Device, SelectionAndErrors)
{
    EXPECT_TRUE(selectDevice("cpu").is_cpu());
    EXPECT_EQ(selectDevice("auto").is_cuda(), torch::cuda::is_available());
    EXPECT_THROW(selectDevice("tpu"), std::invalid_argument);
    if (!torch::cuda::is_available()) {
        EXPECT_THROW(selectDevice("cuda:0"), std::runtime_error);
    }
}

} // namespace
} // namespace mnad
