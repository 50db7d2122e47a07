#include "core/data/npy_writer.h"

#include "core/run/atomic_file.h"

#include <cstring>

namespace mnad {

std::string npyHeader(const std::string& descr, const std::vector<int64_t>& shape)
{
    std::string dims;
    for (size_t i = 0; i < shape.size(); ++i)
        dims += (i ? ", " : "") + std::to_string(shape[i]);
    if (shape.size() == 1)
        dims += ","; // Python's one-element tuple
    std::string header = "{'descr': '" + descr + "', 'fortran_order': False, 'shape': (" + dims + "), }";
    // Magic (6) + version (2) + length (2) + header + '\n' must be a multiple of 64.
    while ((10 + header.size() + 1) % 64 != 0)
        header += ' ';
    header += '\n';
    std::string bytes("\x93NUMPY\x01\x00", 8);
    bytes += static_cast<char>(header.size() & 0xff);
    bytes += static_cast<char>(header.size() >> 8);
    return bytes + header;
}

void writeLabelsNpy(const std::filesystem::path& file, const std::vector<uint8_t>& labels)
{
    std::string bytes = npyHeader("<i8", {1, static_cast<int64_t>(labels.size())});
    for (uint8_t label : labels) {
        const int64_t value = label; // little-endian int64
        char raw[8];
        std::memcpy(raw, &value, 8);
        bytes.append(raw, 8);
    }
    writeFileAtomically(file, bytes);
}

} // namespace mnad
