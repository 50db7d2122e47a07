#pragma once
// What this build of MNAD Studio is made of and what it would run on. Torch-free header: the GUI uses it too.

#include <string>
#include <vector>

namespace mnad {

struct BuildInfo {
    std::string mnadVersion;
    std::string libtorchVersion;
    std::string opencvVersion;   // empty when built without I/O
    std::string ffmpegVersion;   // empty when built without I/O
    bool torchHasCuda = false;   // LibTorch was built with CUDA
    bool cudaAvailable = false;  // and a usable GPU is present
    std::vector<std::string> gpuNames;
    std::string defaultDevice;   // "cuda:0" or "cpu"
    int torchThreads = 0;
    std::string blasLibrary;     // the BLAS shared object actually loaded
    std::string openblasThreads; // OPENBLAS_NUM_THREADS as the process sees it
};

BuildInfo collectBuildInfo();

// Human-readable multi-line report, as printed by `mnad info`.
std::string formatBuildInfo(const BuildInfo& info);

} // namespace mnad
