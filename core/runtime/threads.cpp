#include "core/runtime/threads.h"

#include <torch/torch.h>

#include <dlfcn.h>
#include <link.h>

#include <algorithm>
#include <climits>
#include <cstdlib>
#include <cstring>
#include <thread>

namespace mnad {

void configureThreads(int torchThreads)
{
    if (!std::getenv("OPENBLAS_NUM_THREADS")) {
        // OpenBLAS reads the variable when it is loaded, which happened before main(); ask it directly too.
        setenv("OPENBLAS_NUM_THREADS", "1", 0);
        using SetThreads = void (*)(int);
        if (auto set = reinterpret_cast<SetThreads>(dlsym(RTLD_DEFAULT, "openblas_set_num_threads")))
            set(1);
    }
    if (torchThreads <= 0)
        torchThreads = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
    torch::set_num_threads(torchThreads);
}

namespace {
int findBlas(dl_phdr_info* info, size_t, void* data)
{
    const char* name = info->dlpi_name;
    if (!name || !*name)
        return 0;
    const char* base = std::strrchr(name, '/');
    base = base ? base + 1 : name;
    if (std::strstr(base, "blas") == nullptr || std::strstr(base, "cublas") != nullptr)
        return 0;
    char resolved[PATH_MAX];
    *static_cast<std::string*>(data) = realpath(name, resolved) ? resolved : name;
    return 1;
}
} // namespace

std::string loadedBlasLibrary()
{
    std::string path;
    dl_iterate_phdr(findBlas, &path);
    return path;
}

} // namespace mnad
