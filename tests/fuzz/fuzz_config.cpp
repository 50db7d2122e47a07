// libFuzzer target: config.json of a run on arbitrary text. Any input gives a configuration that validates, or a
// DataError / std::invalid_argument naming the problem; nothing else.

#include "core/data/data_error.h"
#include "core/run/config_json.h"

#include <cstdint>
#include <stdexcept>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    try {
        const mnad::TrainConfig config =
            mnad::trainConfigFromJson(std::string(reinterpret_cast<const char*>(data), size), "config.json");
        config.validate();
    } catch (const mnad::DataError&) {
    } catch (const std::invalid_argument&) {
    }
    return 0;
}
