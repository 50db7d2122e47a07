#include "core/run/tensor_npy.h"

#include "core/data/npy_writer.h"
#include "core/run/atomic_file.h"

#include <stdexcept>
#include <string>

namespace mnad {

namespace {
std::string descriptor(torch::ScalarType type)
{
    switch (type) {
    case torch::kBool: return "|b1";
    case torch::kUInt8: return "|u1";
    case torch::kInt: return "<i4";
    case torch::kLong: return "<i8";
    case torch::kFloat: return "<f4";
    case torch::kDouble: return "<f8";
    default: throw std::invalid_argument(std::string("no .npy type for ") + c10::toString(type));
    }
}
} // namespace

void writeTensorNpy(const std::filesystem::path& file, const torch::Tensor& tensor)
{
    const auto t = tensor.to(torch::kCPU).contiguous();
    std::string bytes = npyHeader(descriptor(t.scalar_type()), t.sizes().vec());
    bytes.append(static_cast<const char*>(t.data_ptr()), static_cast<size_t>(t.nbytes()));
    writeFileAtomically(file, bytes);
}

} // namespace mnad
