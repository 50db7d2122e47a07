#include "core/model/cpu_kernels.h"

#include <stdexcept>

namespace mnad {

std::string cpuKernelsName(CpuKernels kernels)
{
    switch (kernels) {
    case CpuKernels::LibTorch: return "libtorch";
    case CpuKernels::OneDnn: return "onednn";
    case CpuKernels::Winograd: return "winograd";
    }
    return "winograd";
}

CpuKernels cpuKernelsFromName(const std::string& name)
{
    for (const auto kernels : {CpuKernels::LibTorch, CpuKernels::OneDnn, CpuKernels::Winograd})
        if (cpuKernelsName(kernels) == name)
            return kernels;
    throw std::invalid_argument("unknown CPU kernels '" + name + "' (libtorch, onednn or winograd)");
}

} // namespace mnad
