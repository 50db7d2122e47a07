// libFuzzer target: the label parsers — a label .npy turned into a label vector and cut per video, and the label
// CSV reader — on arbitrary bytes. Each input is accepted with labels of the right lengths, or refused with
// DataError / std::invalid_argument; nothing else.

#include "core/data/data_error.h"
#include "core/data/frame_labels.h"
#include "core/data/npy_reader.h"

#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <stdexcept>
#include <string>
#include <unistd.h>

namespace {

const std::vector<int64_t> kFrameCounts{3, 5, 2};

void checkLengths(const std::vector<std::vector<uint8_t>>& labels)
{
    if (labels.size() != kFrameCounts.size())
        std::abort();
    for (size_t v = 0; v < labels.size(); ++v) {
        if (static_cast<int64_t>(labels[v].size()) != kFrameCounts[v])
            std::abort();
        for (uint8_t label : labels[v])
            if (label > 1)
                std::abort();
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const std::string bytes(reinterpret_cast<const char*>(data), size);
    try {
        const auto array = mnad::parseNpy(bytes, "labels.npy", 1 << 16);
        checkLengths(mnad::splitConcatenated(mnad::labelVectorFromNpy(array, "labels.npy"), kFrameCounts,
                                             "labels.npy"));
    } catch (const mnad::DataError&) {
    } catch (const std::invalid_argument&) {
    }
    // The CSV reader reads a file: one per process, rewritten for each input.
    static const std::string csv = "/tmp/mnad_fuzz_labels_" + std::to_string(getpid()) + ".csv";
    std::ofstream(csv, std::ios::binary | std::ios::trunc) << bytes;
    try {
        checkLengths(mnad::readLabelCsv(csv, {"a", "b", "c"}, kFrameCounts));
    } catch (const mnad::DataError&) {
    } catch (const std::invalid_argument&) {
    }
    return 0;
}
