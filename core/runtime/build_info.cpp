#include "core/runtime/build_info.h"

#include "core/runtime/device.h"
#include "core/runtime/threads.h"

#include <torch/torch.h>
#include <torch/version.h>

#include <cstdlib>
#include <sstream>

#ifdef MNAD_WITH_IO
#include "core/io/io_versions.h"
#endif

namespace mnad {

BuildInfo collectBuildInfo()
{
    BuildInfo info;
    info.mnadVersion = MNAD_VERSION;
    info.libtorchVersion = TORCH_VERSION;
#ifdef MNAD_WITH_IO
    info.opencvVersion = opencvVersion();
    info.ffmpegVersion = ffmpegVersion();
#endif
    info.torchHasCuda = torch::cuda::is_available() || torchBuiltWithCuda();
    info.cudaAvailable = torch::cuda::is_available();
    if (info.cudaAvailable)
        info.gpuNames = cudaDeviceNames();
    info.defaultDevice = selectDevice("auto").str();
    info.torchThreads = torch::get_num_threads();
    info.blasLibrary = loadedBlasLibrary();
    const char* blasThreads = std::getenv("OPENBLAS_NUM_THREADS");
    info.openblasThreads = blasThreads ? blasThreads : "unset";
    return info;
}

std::string formatBuildInfo(const BuildInfo& info)
{
    auto orNone = [](const std::string& s) { return s.empty() ? std::string("not built in") : s; };
    std::ostringstream out;
    out << "MNAD Studio " << info.mnadVersion << "\n"
        << "LibTorch:   " << info.libtorchVersion << (info.torchHasCuda ? " (CUDA)" : " (CPU)") << "\n"
        << "OpenCV:     " << orNone(info.opencvVersion) << "\n"
        << "FFmpeg:     " << orNone(info.ffmpegVersion) << "\n"
        << "Device:     " << info.defaultDevice << "\n";
    if (info.gpuNames.empty()) {
        out << "GPUs:       none\n";
    } else {
        for (size_t i = 0; i < info.gpuNames.size(); ++i)
            out << "GPU " << i << ":      " << info.gpuNames[i] << "\n";
    }
    out << "Threads:    " << info.torchThreads << " (torch intra-op)\n"
        << "BLAS:       " << (info.blasLibrary.empty() ? std::string("unknown") : info.blasLibrary)
        << " (OPENBLAS_NUM_THREADS=" << info.openblasThreads << ")\n";
    return out.str();
}

} // namespace mnad
