#include "core/model/inference_kernels.h"

#include "core/model/training_kernels.h"

#include <torch/torch.h>

namespace mnad {

torch::Tensor runBlock(torch::nn::Sequential& block, const torch::Tensor& x, InferenceKernels* kernels,
                       CpuKernels training)
{
    if (kernels && !block->is_training() && !torch::GradMode::is_enabled() && x.device().is_cpu())
        return kernels->runBlock(block, x);
    if (training != CpuKernels::LibTorch && x.device().is_cpu())
        return runTrainingBlock(block, x, training);
    return block->forward(x);
}

#ifndef MNAD_WITH_DNNL
std::shared_ptr<InferenceKernels> makeCpuInferenceKernels(bool)
{
    return nullptr;
}

std::string describeCpuInferenceKernels()
{
    return "LibTorch (built without oneDNN: MNAD_WITH_DNNL off or no libdnnl-dev)";
}
#endif

} // namespace mnad
