// mnad info: versions, the device that would be used, threads and BLAS.

#include "app/cli/commands.h"
#include "core/model/inference_kernels.h"
#include "core/runtime/build_info.h"

#include <CLI/CLI.hpp>

#include <iostream>

namespace mnad::cli {

void addInfoCommand(CLI::App& app)
{
    auto* info = app.add_subcommand("info", "Print versions (LibTorch, Qt, OpenCV, FFmpeg), the device that would "
                                            "be used, thread count and the BLAS in use");
    info->callback([] {
        std::cout << formatBuildInfo(collectBuildInfo());
        std::cout << "CPU convs:  " << describeCpuInferenceKernels() << " (training and evaluation)\n";
#ifdef MNAD_QT_VERSION
        std::cout << "Qt:         " << MNAD_QT_VERSION << " (mnad-studio)\n";
#else
        std::cout << "Qt:         not built in (MNAD_BUILD_GUI=OFF)\n";
#endif
    });
}

} // namespace mnad::cli
