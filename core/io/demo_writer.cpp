#include "core/io/demo_writer.h"

#include "core/data/npy_writer.h"
#include "core/run/atomic_file.h"

#include <opencv2/imgcodecs.hpp>

#include <cstdio>
#include <stdexcept>
#include <system_error>

namespace mnad {
namespace fs = std::filesystem;

namespace {
std::string specJson(const DemoSpec& spec, int size)
{
    return "{\"generator\": " + std::to_string(kDemoGeneratorVersion) + ", \"seed\": " + std::to_string(spec.seed) + ", \"train_videos\": " + std::to_string(spec.trainVideos) +
           ", \"test_videos\": " + std::to_string(spec.testVideos) + ", \"normal_test_videos\": " +
           std::to_string(spec.normalTestVideos) + ", \"frames_per_video\": " + std::to_string(spec.framesPerVideo) +
           ", \"size\": " + std::to_string(size) + "}\n";
}

void writeSplit(const DemoDataset& dataset, const std::vector<DemoVideo>& videos, const fs::path& dir, int size)
{
    std::vector<uint8_t> bgr(static_cast<size_t>(size) * size * 3);
    for (const auto& video : videos) {
        const fs::path folder = dir / video.name;
        fs::create_directories(folder);
        for (size_t f = 0; f < video.labels.size(); ++f) {
            dataset.render(video, static_cast<int>(f), size, bgr.data());
            char name[32];
            std::snprintf(name, sizeof name, "%03zu.jpg", f);
            const cv::Mat image(size, size, CV_8UC3, bgr.data());
            if (!cv::imwrite((folder / name).string(), image, {cv::IMWRITE_JPEG_QUALITY, 95}))
                throw std::runtime_error((folder / name).string() + ": cannot write the frame");
        }
    }
}
} // namespace

fs::path writeDemoDataset(const DemoDataset& dataset, const fs::path& root, int size)
{
    const fs::path dir = root / "demo";
    const std::string spec = specJson(dataset.spec(), size);
    std::error_code ec;
    if (fs::exists(dir / "demo.json") && readWholeFile(dir / "demo.json") == spec)
        return dir;
    fs::remove_all(dir, ec);
    fs::create_directories(dir, ec);
    if (ec)
        throw std::runtime_error(dir.string() + ": cannot create the demo dataset folder: " + ec.message());
    writeSplit(dataset, dataset.training(), dir / "training" / "frames", size);
    writeSplit(dataset, dataset.testing(), dir / "testing" / "frames", size);
    std::vector<uint8_t> all;
    for (const auto& video : dataset.testing())
        all.insert(all.end(), video.labels.begin(), video.labels.end());
    writeLabelsNpy(dir / "frame_labels_demo.npy", all);
    writeFileAtomically(dir / "demo.json", spec); // last: marks the dataset complete
    return dir;
}

} // namespace mnad
