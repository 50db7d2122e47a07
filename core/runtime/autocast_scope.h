#pragma once
// Mixed precision for a stretch of code: LibTorch's autocast on one device type, restored as it was on exit.

#include "core/runtime/precision.h"

#include <torch/types.h>

namespace mnad {

class AutocastScope {
public:
    // Does nothing for Precision::Float32.
    AutocastScope(torch::Device device, Precision precision);
    ~AutocastScope();
    AutocastScope(const AutocastScope&) = delete;
    AutocastScope& operator=(const AutocastScope&) = delete;

private:
    bool active_ = false;
    bool cuda_ = false;
    bool wasEnabled_ = false;
    at::ScalarType previousType_ = at::kFloat;
};

} // namespace mnad
