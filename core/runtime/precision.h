#pragma once
// Numeric precision of the network's convolutions: float32 everywhere (the official code), or mixed precision
// (autocast) with bfloat16 or float16 — mainly for CUDA, where tensor cores run them several times faster. The
// memory module, the losses and the scores stay float32 either way. Torch-free.

#include <string>

namespace mnad {

enum class Precision { Float32, BFloat16, Float16 };

std::string precisionName(Precision precision);           // "fp32", "bf16", "fp16"
Precision precisionFromName(const std::string& name);     // throws std::invalid_argument

} // namespace mnad
