#include "core/io/frame_image.h"

#include "core/data/data_error.h"

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <fstream>
#include <string>
#include <system_error>

namespace mnad {

void resizeBgr(const uint8_t* source, int width, int height, int size, uint8_t* bgr)
{
    const cv::Mat in(height, width, CV_8UC3, const_cast<uint8_t*>(source));
    cv::Mat out(size, size, CV_8UC3, bgr);
    if (width == size && height == size)
        in.copyTo(out);
    else
        cv::resize(in, out, cv::Size(size, size), 0, 0, cv::INTER_LINEAR);
}

namespace {
// libjpeg fills the rows of a cut-short JPEG with gray and only prints a warning that names no file, so a truncated
// frame would be trained on silently. A whole JPEG ends with its end-of-image marker (FF D9) after its last scan
// (FF DA); neither byte pair can occur inside entropy-coded data. Bytes after the marker are allowed.
void checkJpegEnd(const std::filesystem::path& file, std::uintmax_t bytes)
{
    std::ifstream in(file, std::ios::binary);
    char magic[3] = {};
    if (!in.read(magic, 3) || magic[0] != '\xFF' || magic[1] != '\xD8' || magic[2] != '\xFF')
        return; // not a JPEG: its decoder judges it
    const std::uintmax_t tailBytes = std::min<std::uintmax_t>(bytes, 64 * 1024);
    std::string tail(static_cast<size_t>(tailBytes), '\0');
    in.seekg(static_cast<std::streamoff>(bytes - tailBytes));
    if (!in.read(tail.data(), static_cast<std::streamsize>(tail.size())))
        throw DataError(file, "cannot read the frame");
    const size_t end = tail.rfind("\xFF\xD9"), scan = tail.rfind("\xFF\xDA");
    if (end == std::string::npos || (scan != std::string::npos && scan > end))
        throw DataError(file, "truncated JPEG: the file (" + std::to_string(bytes) +
                                  " bytes) ends before the image's end marker");
}
} // namespace

void checkFrameFile(const std::filesystem::path& file)
{
    std::error_code ec;
    const auto bytes = std::filesystem::file_size(file, ec);
    if (ec)
        throw DataError(file, "cannot read the frame: " + ec.message());
    if (bytes == 0)
        throw DataError(file, "empty file (0 bytes), not an image");
    checkJpegEnd(file, bytes);
}

namespace {
cv::Mat decodeFrameImage(const std::filesystem::path& file)
{
    checkFrameFile(file);
    cv::Mat image;
    try {
        image = cv::imread(file.string(), cv::IMREAD_COLOR);
    } catch (const cv::Exception& e) {
        throw DataError(file, std::string("cannot decode the image: ") + e.what());
    }
    if (image.empty())
        throw DataError(file, "cannot decode the image (corrupt or not an image format OpenCV reads)");
    return image.isContinuous() ? image : image.clone();
}
} // namespace

void readFrameImage(const std::filesystem::path& file, int size, uint8_t* bgr)
{
    const cv::Mat image = decodeFrameImage(file);
    resizeBgr(image.data, image.cols, image.rows, size, bgr);
}

void readFrameImage(const std::filesystem::path& file, std::vector<uint8_t>& bgr, int& width, int& height)
{
    const cv::Mat image = decodeFrameImage(file);
    width = image.cols;
    height = image.rows;
    bgr.assign(image.data, image.data + static_cast<size_t>(width) * height * 3);
}

} // namespace mnad
