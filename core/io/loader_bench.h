#pragma once
// Throughput of reading training data from disk: decoded + resized frames/s from a folder of JPEG frames and from
// MP4 files, through the clip loader with a given number of decoding threads. The data is generated (the demo
// scene at `sourceSize`) into a temporary folder and removed afterwards. Needs MNAD_WITH_IO.

#include <string>
#include <vector>

namespace mnad {

struct LoaderBenchOptions {
    int sourceSize = 360; // side of the frames on disk (Avenue is 640×360, Ped2 360×240)
    int modelSize = 256;  // side after resizing
    int videos = 2;
    int framesPerVideo = 120;
    std::vector<int> threads{1, 2};
};

struct LoaderBenchRow {
    std::string source; // "jpg" or "mp4"
    int threads = 0;
    double framesPerSecond = 0;
};

std::vector<LoaderBenchRow> runLoaderBench(const LoaderBenchOptions& options);

} // namespace mnad
