#pragma once
// Thread settings for CPU runs. Torch's intra-op pool and OpenBLAS's own threads fight over the cores when both
// are on (measured: 3.4x slower training on 2 cores), so BLAS runs single-threaded unless the user says otherwise.

#include <string>

namespace mnad {

// Sets OpenBLAS to one thread unless OPENBLAS_NUM_THREADS is set, and torch's intra-op threads to
// `torchThreads`, or to one per logical CPU when 0 (torch's own default counts physical cores only, which
// leaves half of a hyper-threaded machine idle). Call once at program start.
void configureThreads(int torchThreads = 0);

// Real path of the BLAS shared object loaded into this process ("" when none is loaded).
std::string loadedBlasLibrary();

} // namespace mnad
