#pragma once
// SHA-256 (FIPS 180-4), to fingerprint the checkpoint an evaluation used.

#include <string>

namespace mnad {

std::string sha256Hex(const std::string& bytes);

} // namespace mnad
