#pragma once
// A strict, bounded reader for NumPy .npy files (format 1.0, 2.0 and 3.0) holding bool, integer or float arrays.
// No library: the header dict is parsed here, so that a bad or hostile file gives a DataError, never a crash.

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace mnad {

// Generous for label files (ShanghaiTech's is 40,791 frames) and pixel masks; callers may pass less.
constexpr int64_t kDefaultNpyMaxElements = 1'000'000'000;
// NumPy itself refuses headers over 10,000 bytes unless told otherwise; real files are 128 bytes.
constexpr std::size_t kMaxNpyHeaderBytes = 64 * 1024;

struct NpyArray {
    std::vector<int64_t> shape; // empty for a 0-d (scalar) array
    std::string dtype;          // the header's descr as written, e.g. "<i8", "|u1", ">f4"
    // Row-major (C order) whatever the file's fortran_order: Fortran-ordered files are transposed on reading.
    // int64/uint64 values beyond 2^53 lose precision in a double; labels and masks never come close.
    std::vector<double> values;

    int64_t elementCount() const { return static_cast<int64_t>(values.size()); }
};

// Parses a whole .npy file held in memory; nameForErrors is what error messages call it. Throws DataError.
// Supported dtypes: b1, i1, i2, i4, i8, u1, u2, u4, u8, f4, f8, byte order '<', '>', '|' or '=' ('|' and '='
// mean the host's order, as in NumPy). Bool bytes other than 0 and 1 are rejected as corrupt.
NpyArray parseNpy(const std::string& bytes, const std::string& nameForErrors,
                  int64_t maxElements = kDefaultNpyMaxElements);

// Reads a .npy file. The header is checked against the file size before the data are read, so a header that
// claims a huge array costs nothing. Throws DataError naming the file.
NpyArray readNpy(const std::filesystem::path& file, int64_t maxElements = kDefaultNpyMaxElements);

// Python's spelling of a shape, for messages: "()", "(40791,)", "(1, 2010)".
std::string npyShapeString(const std::vector<int64_t>& shape);

} // namespace mnad
