#pragma once
// Peak resident memory of this process (Linux: VmHWM in /proc/self/status), resettable so that a benchmark can
// report the peak of each phase on its own. Host memory only; CUDA memory is not counted.

#include <cstdint>

namespace mnad {

// Resets the peak to the current resident size (writes "5" to /proc/self/clear_refs); false where unsupported.
bool resetPeakMemory();
// Peak resident bytes since start or the last reset; 0 where unknown.
int64_t peakMemoryBytes();
// Hands memory the allocator keeps after frees back to the system (glibc's malloc_trim), so that a phase measured
// after another starts from what is really in use.
void releaseFreedMemory();

} // namespace mnad
