#include "core/io/io_versions.h"

#include <opencv2/core/version.hpp>

extern "C" {
#include <libavcodec/avcodec.h>
#include <libavformat/avformat.h>
#include <libavutil/avutil.h>
}

namespace mnad {

std::string opencvVersion()
{
    return CV_VERSION;
}

std::string ffmpegVersion()
{
    auto dotted = [](unsigned v) {
        return std::to_string(v >> 16) + "." + std::to_string((v >> 8) & 0xff) + "." + std::to_string(v & 0xff);
    };
    return std::string(av_version_info()) + " (libavformat " + dotted(avformat_version()) + ", libavcodec " +
           dotted(avcodec_version()) + ")";
}

} // namespace mnad
