#include "core/runtime/device.h"

#include <ATen/Context.h>
#include <torch/cuda.h>

#include <dlfcn.h>

#include <stdexcept>

namespace mnad {

torch::Device selectDevice(const std::string& request)
{
    if (request == "auto" || request.empty())
        return torch::cuda::is_available() ? torch::Device(torch::kCUDA, 0) : torch::Device(torch::kCPU);
    if (request == "cpu")
        return torch::Device(torch::kCPU);
    if (request.rfind("cuda", 0) != 0)
        throw std::invalid_argument("unknown device '" + request + "': use auto, cpu, cuda or cuda:N");
    if (!torch::cuda::is_available())
        throw std::runtime_error("device '" + request + "' was asked for, but no CUDA device is available "
                                 "(this LibTorch is " + (torchBuiltWithCuda() ? "CUDA-enabled" : "CPU-only") + ")");
    torch::Device device(request == "cuda" ? std::string("cuda:0") : request);
    if (device.index() >= static_cast<int>(torch::cuda::device_count()))
        throw std::runtime_error("device '" + request + "' does not exist: " +
                                 std::to_string(torch::cuda::device_count()) + " CUDA device(s) visible");
    return device;
}

std::vector<std::string> cudaDeviceNames()
{
    // The driver API is looked up at run time so that the CPU build needs no CUDA headers or libraries.
    std::vector<std::string> names;
    void* driver = dlopen("libcuda.so.1", RTLD_LAZY | RTLD_LOCAL);
    if (!driver)
        return names;
    using InitFn = int (*)(unsigned);
    using CountFn = int (*)(int*);
    using GetFn = int (*)(int*, int);
    using NameFn = int (*)(char*, int, int);
    auto init = reinterpret_cast<InitFn>(dlsym(driver, "cuInit"));
    auto count = reinterpret_cast<CountFn>(dlsym(driver, "cuDeviceGetCount"));
    auto get = reinterpret_cast<GetFn>(dlsym(driver, "cuDeviceGet"));
    auto name = reinterpret_cast<NameFn>(dlsym(driver, "cuDeviceGetName"));
    int n = 0;
    if (init && count && get && name && init(0) == 0 && count(&n) == 0) {
        for (int i = 0; i < n; ++i) {
            int device = 0;
            char buffer[256] = {};
            if (get(&device, i) == 0 && name(buffer, sizeof buffer, device) == 0)
                names.emplace_back(buffer);
        }
    }
    dlclose(driver);
    return names;
}

bool torchBuiltWithCuda()
{
#ifdef MNAD_TORCH_HAS_CUDA
    return true;
#else
    return false;
#endif
}

torch::Tensor toDevice(const torch::Tensor& host, torch::Device device)
{
    if (device.is_cuda() && host.device().is_cpu())
        return host.pin_memory().to(device, /*non_blocking=*/true);
    return host.to(device);
}

void tuneForDevice(torch::Device device)
{
    if (device.is_cuda())
        at::globalContext().setBenchmarkCuDNN(true);
}

} // namespace mnad
