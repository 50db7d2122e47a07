// libFuzzer target: the .npy reader on arbitrary bytes. Any input either parses into an array whose size matches
// its shape, or throws DataError; nothing else (no crash, no other exception, no huge allocation).

#include "core/data/data_error.h"
#include "core/data/npy_reader.h"

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    try {
        const mnad::NpyArray array = mnad::parseNpy(std::string(reinterpret_cast<const char*>(data), size),
                                                    "fuzz.npy", 1 << 20);
        int64_t expected = 1;
        bool overflow = false;
        for (int64_t d : array.shape)
            overflow = __builtin_mul_overflow(expected, d, &expected) || overflow;
        if (std::find(array.shape.begin(), array.shape.end(), 0) != array.shape.end())
            expected = 0, overflow = false;
        if (overflow || expected != array.elementCount())
            std::abort(); // shape and values disagree: a bug
    } catch (const mnad::DataError&) {
    }
    return 0;
}
