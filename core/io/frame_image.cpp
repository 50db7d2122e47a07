#include "core/io/frame_image.h"

#include "core/data/data_error.h"

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

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

void readFrameImage(const std::filesystem::path& file, int size, uint8_t* bgr)
{
    std::error_code ec;
    const auto bytes = std::filesystem::file_size(file, ec);
    if (ec)
        throw DataError(file, "cannot read the frame: " + ec.message());
    if (bytes == 0)
        throw DataError(file, "empty file (0 bytes), not an image");
    cv::Mat image;
    try {
        image = cv::imread(file.string(), cv::IMREAD_COLOR);
    } catch (const cv::Exception& e) {
        throw DataError(file, std::string("cannot decode the image: ") + e.what());
    }
    if (image.empty())
        throw DataError(file, "cannot decode the image (corrupt or not an image format OpenCV reads)");
    if (!image.isContinuous())
        image = image.clone();
    resizeBgr(image.data, image.cols, image.rows, size, bgr);
}

} // namespace mnad
