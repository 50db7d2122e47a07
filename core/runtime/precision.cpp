#include "core/runtime/precision.h"

#include <stdexcept>

namespace mnad {

std::string precisionName(Precision precision)
{
    switch (precision) {
    case Precision::Float32: return "fp32";
    case Precision::BFloat16: return "bf16";
    case Precision::Float16: return "fp16";
    }
    return "fp32";
}

Precision precisionFromName(const std::string& name)
{
    for (const auto precision : {Precision::Float32, Precision::BFloat16, Precision::Float16})
        if (precisionName(precision) == name)
            return precision;
    throw std::invalid_argument("unknown precision '" + name + "' (fp32, bf16 or fp16)");
}

} // namespace mnad
