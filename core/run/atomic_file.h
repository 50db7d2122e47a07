#pragma once
// Crash-safe file replacement: write a temporary file beside the target, fsync it, rename it over the target,
// fsync the folder. A crash at any moment leaves either the old file or the new one, never a torn one.

#include <filesystem>
#include <string>

namespace mnad {

// Throws std::runtime_error naming the file and the system's reason (disk full, permission denied, …); the
// previous file, if any, is left untouched.
void writeFileAtomically(const std::filesystem::path& file, const std::string& bytes);

// Reads a whole file; throws DataError naming it when it cannot be read.
std::string readWholeFile(const std::filesystem::path& file);

} // namespace mnad
