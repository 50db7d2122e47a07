#pragma once
// Reading one frame image the way the official loader does (model/utils.py np_load_frame): decoded as 3-channel
// 8-bit BGR (grayscale and 16-bit images converted as cv2.imread does), resized with bilinear interpolation.

#include <cstdint>
#include <filesystem>
#include <vector>

namespace mnad {

// Throws DataError naming the file when it is missing, empty, or a JPEG cut short (which OpenCV decodes without an
// error, the missing rows gray). Reads at most the file's last 64 KiB; does not decode.
void checkFrameFile(const std::filesystem::path& file);

// Writes size×size×3 BGR bytes to `bgr`. Throws DataError naming the file when it fails checkFrameFile or cannot be
// decoded.
void readFrameImage(const std::filesystem::path& file, int size, uint8_t* bgr);
// The same frame at its own size: width×height×3 BGR bytes into `bgr` (resized to fit).
void readFrameImage(const std::filesystem::path& file, std::vector<uint8_t>& bgr, int& width, int& height);

// Resizes a BGR image (width×height×3, row-major) to size×size×3 with cv2.resize's INTER_LINEAR.
void resizeBgr(const uint8_t* source, int width, int height, int size, uint8_t* bgr);

} // namespace mnad
