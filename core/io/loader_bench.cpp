#include "core/io/loader_bench.h"

#include "core/data/clip_loader.h"
#include "core/data/dataset_layout.h"
#include "core/demo/demo_dataset.h"
#include "core/io/disk_frame_provider.h"
#include "core/io/video_writer.h"

#include <opencv2/imgcodecs.hpp>

#include <chrono>
#include <cstdio>
#include <random>

namespace mnad {
namespace fs = std::filesystem;

namespace {
// The demo's videos at the source size, as JPEG folders under <root>/jpg and MP4 files under <root>/mp4.
void writeSources(const LoaderBenchOptions& o, const fs::path& root)
{
    DemoSpec spec;
    spec.trainVideos = o.videos;
    spec.framesPerVideo = o.framesPerVideo;
    const DemoDataset demo(spec);
    std::vector<uint8_t> bgr(static_cast<size_t>(o.sourceSize) * o.sourceSize * 3);
    fs::create_directories(root / "mp4" / "training" / "videos");
    for (const auto& video : demo.training()) {
        const fs::path folder = root / "jpg" / "training" / "frames" / video.name;
        fs::create_directories(folder);
        VideoWriter writer(root / "mp4" / "training" / "videos" / (video.name + ".mp4"), o.sourceSize, o.sourceSize, 25,
                           VideoCodecChoice::H264OrMpeg4);
        for (int f = 0; f < o.framesPerVideo; ++f) {
            demo.render(video, f, o.sourceSize, bgr.data());
            char name[32];
            std::snprintf(name, sizeof name, "%03d.jpg", f);
            cv::imwrite((folder / name).string(), cv::Mat(o.sourceSize, o.sourceSize, CV_8UC3, bgr.data()));
            writer.write(bgr.data());
        }
        writer.finish();
    }
}

double framesPerSecond(const fs::path& dataset, int modelSize, int threads)
{
    const Dataset d = discoverDataset(dataset);
    auto frames = std::make_shared<DiskFrameProvider>(d.training, modelSize);
    // One-frame windows in order: every frame is decoded and resized exactly once.
    ClipLoader loader(frames, ClipLoaderOptions{1, 8, false, false, 0, threads, 4});
    loader.startEpoch(0);
    const auto start = std::chrono::steady_clock::now();
    int64_t count = 0;
    while (auto batch = loader.next())
        count += batch->clips.size(0);
    return static_cast<double>(count) / std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}
} // namespace

std::vector<LoaderBenchRow> runLoaderBench(const LoaderBenchOptions& o)
{
    const fs::path root = fs::temp_directory_path() / ("mnad_loader_bench_" + std::to_string(std::random_device{}()));
    std::vector<LoaderBenchRow> rows;
    try {
        writeSources(o, root);
        for (const char* source : {"jpg", "mp4"}) {
            for (int threads : o.threads)
                rows.push_back({source, threads, framesPerSecond(root / source, o.modelSize, threads)});
        }
    } catch (...) {
        fs::remove_all(root);
        throw;
    }
    fs::remove_all(root);
    return rows;
}

} // namespace mnad
