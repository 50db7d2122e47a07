#include "core/data/npy_writer.h"

#include "core/run/atomic_file.h"

#include <cstring>
#include <string>

namespace mnad {

void writeLabelsNpy(const std::filesystem::path& file, const std::vector<uint8_t>& labels)
{
    std::string header = "{'descr': '<i8', 'fortran_order': False, 'shape': (1, " + std::to_string(labels.size()) + "), }";
    // Magic (6) + version (2) + length (2) + header + '\n' must be a multiple of 64.
    while ((10 + header.size() + 1) % 64 != 0)
        header += ' ';
    header += '\n';
    std::string bytes("\x93NUMPY\x01\x00", 8);
    bytes += static_cast<char>(header.size() & 0xff);
    bytes += static_cast<char>(header.size() >> 8);
    bytes += header;
    for (uint8_t label : labels) {
        const int64_t value = label; // little-endian int64
        char raw[8];
        std::memcpy(raw, &value, 8);
        bytes.append(raw, 8);
    }
    writeFileAtomically(file, bytes);
}

} // namespace mnad
