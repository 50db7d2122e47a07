// The config reader's object file also holds the config writer, which asks the runtime for versions (torch); the
// fuzz targets never write a config, so the build info is a fixed value here and torch stays out of the fuzzers.

#include "core/runtime/build_info.h"

namespace mnad {
BuildInfo collectBuildInfo()
{
    return {};
}
} // namespace mnad
