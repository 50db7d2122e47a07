#pragma once
// Versions of the image and video libraries (built only with MNAD_WITH_IO).

#include <string>

namespace mnad {

std::string opencvVersion();
std::string ffmpegVersion(); // libavformat/libavcodec versions

} // namespace mnad
