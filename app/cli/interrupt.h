#pragma once
// Ctrl-C asks the running job to stop cleanly (a checkpoint is written); a second Ctrl-C kills the process.

#include "core/train/training_observer.h"

namespace mnad::cli {

// Routes SIGINT/SIGTERM to `token` until the returned guard is destroyed.
class InterruptGuard {
public:
    explicit InterruptGuard(StopToken& token);
    ~InterruptGuard();
    InterruptGuard(const InterruptGuard&) = delete;
    InterruptGuard& operator=(const InterruptGuard&) = delete;
};

} // namespace mnad::cli
