#include "core/runtime/autocast_scope.h"

#include <ATen/autocast_mode.h>
#include <torch/version.h>

namespace mnad {

namespace {
// LibTorch 2.4 replaced the per-device autocast functions by ones that take the device type.
#if TORCH_VERSION_MAJOR > 2 || (TORCH_VERSION_MAJOR == 2 && TORCH_VERSION_MINOR >= 4)
c10::DeviceType typeOf(bool cuda) { return cuda ? c10::DeviceType::CUDA : c10::DeviceType::CPU; }
bool autocastEnabled(bool cuda) { return at::autocast::is_autocast_enabled(typeOf(cuda)); }
void setAutocastEnabled(bool cuda, bool on) { at::autocast::set_autocast_enabled(typeOf(cuda), on); }
at::ScalarType autocastType(bool cuda) { return at::autocast::get_autocast_dtype(typeOf(cuda)); }
void setAutocastType(bool cuda, at::ScalarType type) { at::autocast::set_autocast_dtype(typeOf(cuda), type); }
#else
bool autocastEnabled(bool cuda) { return cuda ? at::autocast::is_enabled() : at::autocast::is_cpu_enabled(); }
void setAutocastEnabled(bool cuda, bool on)
{
    cuda ? at::autocast::set_enabled(on) : at::autocast::set_cpu_enabled(on);
}
at::ScalarType autocastType(bool cuda)
{
    return cuda ? at::autocast::get_autocast_gpu_dtype() : at::autocast::get_autocast_cpu_dtype();
}
void setAutocastType(bool cuda, at::ScalarType type)
{
    cuda ? at::autocast::set_autocast_gpu_dtype(type) : at::autocast::set_autocast_cpu_dtype(type);
}
#endif
} // namespace

AutocastScope::AutocastScope(torch::Device device, Precision precision)
{
    if (precision == Precision::Float32)
        return;
    active_ = true;
    cuda_ = device.is_cuda();
    wasEnabled_ = autocastEnabled(cuda_);
    previousType_ = autocastType(cuda_);
    setAutocastType(cuda_, precision == Precision::BFloat16 ? at::kBFloat16 : at::kHalf);
    setAutocastEnabled(cuda_, true);
    at::autocast::increment_nesting();
}

AutocastScope::~AutocastScope()
{
    if (!active_)
        return;
    // Casts of the weights are cached while autocast is on; drop them when the outermost scope ends.
    if (at::autocast::decrement_nesting() == 0)
        at::autocast::clear_cache();
    setAutocastEnabled(cuda_, wasEnabled_);
    setAutocastType(cuda_, previousType_);
}

} // namespace mnad
