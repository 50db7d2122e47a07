#pragma once
// Fixture helpers for the label tests: .npy files built byte by byte as NumPy's format.py writes them, and a
// check that a call throws a DataError whose message says what it should.

#include "core/data/data_error.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <cstring>
#include <initializer_list>
#include <string>
#include <vector>

namespace mnad::test {

// Magic, version, header length (2 bytes in 1.0, 4 later), then the dict padded with spaces and a final '\n' so
// that the data start on a 64-byte boundary, as NumPy pads.
inline std::string npyFile(const std::string& dict, const std::string& data, int major = 1)
{
    const std::size_t prefix = major == 1 ? 10 : 12;
    std::string header = dict;
    header += std::string((64 - (prefix + header.size() + 1) % 64) % 64, ' ') + "\n";
    std::string out = std::string("\x93NUMPY", 6) + char(major) + char(0);
    for (std::size_t i = 0; i < prefix - 8; ++i)
        out += char((header.size() >> (8 * i)) & 0xff);
    return out + header + data;
}

// The raw bytes of values, little- or big-endian.
template <typename T>
std::string pack(const std::vector<T>& values, bool bigEndian = false)
{
    std::string out;
    for (const T& v : values) {
        unsigned char b[sizeof(T)];
        std::memcpy(b, &v, sizeof(T)); // the test machines are little-endian (x86-64, aarch64)
        for (std::size_t i = 0; i < sizeof(T); ++i)
            out += char(bigEndian ? b[sizeof(T) - 1 - i] : b[i]);
    }
    return out;
}

// The message of the DataError that call() throws; a test failure if it throws none.
template <typename Call>
std::string dataErrorOf(Call&& call)
{
    try {
        call();
    } catch (const DataError& e) {
        return e.what();
    }
    ADD_FAILURE() << "expected a DataError";
    return {};
}

// Every piece must occur in the message.
inline void expectMentions(const std::string& message, std::initializer_list<std::string> pieces)
{
    for (const std::string& piece : pieces)
        EXPECT_NE(message.find(piece), std::string::npos) << "'" << piece << "' not in: " << message;
}

} // namespace mnad::test
