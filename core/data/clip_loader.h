#pragma once
// Batches of clips for training: windows of t_length consecutive frames (spec §1.6: per video, starts
// 0 … len − t_length), shuffled with a seed, decoded on a pool of threads ahead of the model, as
// B×(3·T)×H×W float tensors in [-1, 1] (x/127.5 − 1), frames oldest first, channels BGR.

#include "core/data/frame_provider.h"

#include <torch/types.h>

#include <condition_variable>
#include <deque>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>
#include <unordered_map>
#include <vector>

namespace mnad {

struct ClipWindow {
    int64_t video = 0;
    int64_t start = 0; // first frame
};

// All windows of `tLength` frames, video by video (the official sample order before shuffling).
std::vector<ClipWindow> clipWindows(const FrameProvider& frames, int tLength);

// Converts H×W×3 BGR bytes of T frames into one 3T×H×W float tensor in [-1, 1].
torch::Tensor clipTensor(const std::vector<const uint8_t*>& frames, int size);

// Every window of `tLength` consecutive frames among `frames` (N ≥ tLength of them, H×W×3 BGR bytes) as a batch
// (N − tLength + 1)×3T×H×W on `device`, the same values as clipTensor's. The bytes go to the device once and each
// frame is converted once, not once per window that holds it (what keeps a GPU fed).
torch::Tensor slidingClips(const std::vector<const uint8_t*>& frames, int tLength, int size, torch::Device device);

struct ClipLoaderOptions {
    int tLength = 5;
    int batchSize = 4;
    bool shuffle = true;
    bool dropLast = true; // the official DataLoader drops the incomplete last batch
    uint64_t seed = 0;
    int threads = 2;
    int prefetchBatches = 4;
    // Decoded frames are kept (8-bit, at the model size) up to this many bytes, so that a frame shared by several
    // windows is decoded once, not once per window; when the split fits, each frame is decoded once per run.
    size_t cacheBytes = size_t(1) << 30;
};

struct ClipBatch {
    torch::Tensor clips; // B×(3·T)×H×W
    std::vector<ClipWindow> windows;
};

class ClipLoader {
public:
    ClipLoader(std::shared_ptr<const FrameProvider> frames, ClipLoaderOptions options);
    ~ClipLoader();
    ClipLoader(const ClipLoader&) = delete;
    ClipLoader& operator=(const ClipLoader&) = delete;

    int64_t windowCount() const { return static_cast<int64_t>(windows_.size()); }
    int64_t batchesPerEpoch() const;

    // Starts decoding the batches of `epoch` (its order depends on seed and epoch only), from batch `firstBatch`.
    void startEpoch(int epoch, int64_t firstBatch = 0);
    // The next batch of the epoch in order, waiting for the workers if needed; nullopt at the end of the epoch.
    // A decoding error (DataError naming the file) is rethrown here.
    std::optional<ClipBatch> next();

    // The window order of an epoch (deterministic Fisher–Yates over a 64-bit Mersenne Twister).
    std::vector<int64_t> epochOrder(int epoch) const;

private:
    void stopWorkers();
    void workerLoop();
    ClipBatch assemble(int64_t batch) const;
    using Frame = std::shared_ptr<const std::vector<uint8_t>>;
    Frame frame(int64_t video, int64_t index) const;

    std::shared_ptr<const FrameProvider> frames_;
    ClipLoaderOptions options_;
    std::vector<ClipWindow> windows_;

    std::vector<int64_t> order_;
    int64_t nextToBuild_ = 0;
    int64_t nextToReturn_ = 0;
    int64_t endBatch_ = 0;
    bool stopping_ = false;
    std::map<int64_t, ClipBatch> ready_;
    std::map<int64_t, std::exception_ptr> failed_;
    std::mutex mutex_;
    std::condition_variable changed_;
    std::vector<std::thread> workers_;

    mutable std::mutex cacheMutex_;
    mutable std::unordered_map<uint64_t, Frame> cache_;
    mutable std::deque<uint64_t> cacheOrder_; // insertion order, for first-in first-out eviction
    mutable size_t cacheUsed_ = 0;
};

} // namespace mnad
