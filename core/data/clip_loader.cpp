#include "core/data/clip_loader.h"

#include "core/runtime/device.h"

#include <torch/torch.h>

#include <cstring>
#include <random>
#include <stdexcept>

namespace mnad {

std::vector<ClipWindow> clipWindows(const FrameProvider& frames, int tLength)
{
    std::vector<ClipWindow> windows;
    for (int64_t v = 0; v < frames.videoCount(); ++v) {
        for (int64_t start = 0; start + tLength <= frames.frameCount(v); ++start)
            windows.push_back({v, start});
    }
    return windows;
}

namespace {
// Writes T frames of H×W×3 BGR bytes as 3T×H×W floats, exactly the official x / 127.5 − 1 in float32. A plain
// loop, not torch ops: the loader's threads would each start an intra-op thread team of their own and fight the
// training's for the cores.
void writeClip(const std::vector<const uint8_t*>& frames, int size, float* out)
{
    const int64_t pixels = int64_t{size} * size;
    for (const uint8_t* frame : frames) {
        for (int c = 0; c < 3; ++c, out += pixels)
            for (int64_t i = 0; i < pixels; ++i)
                out[i] = static_cast<float>(frame[i * 3 + c]) / 127.5f - 1.0f;
    }
}
} // namespace

torch::Tensor clipTensor(const std::vector<const uint8_t*>& frames, int size)
{
    auto clip = torch::empty({static_cast<int64_t>(frames.size()) * 3, size, size}, torch::kFloat);
    writeClip(frames, size, clip.data_ptr<float>());
    return clip;
}

torch::Tensor slidingClips(const std::vector<const uint8_t*>& frames, int tLength, int size, torch::Device device)
{
    const auto n = static_cast<int64_t>(frames.size());
    if (n < tLength)
        throw std::invalid_argument("sliding clips need at least t_length frames");
    const size_t bytes = static_cast<size_t>(size) * size * 3;
    auto host = torch::empty({n, size, size, 3}, torch::kUInt8);
    for (int64_t i = 0; i < n; ++i)
        std::memcpy(host.data_ptr<uint8_t>() + i * bytes, frames[static_cast<size_t>(i)], bytes);
    // Exactly the official x / 127.5 − 1 in float32, as clipTensor.
    const auto chw = toDevice(host, device).permute({0, 3, 1, 2}).to(torch::kFloat).div(127.5).sub(1.0);
    const int64_t windows = n - tLength + 1;
    return chw.unfold(0, tLength, 1)            // windows × 3 × H × W × T
        .permute({0, 4, 1, 2, 3})               // windows × T × 3 × H × W
        .reshape({windows, 3 * tLength, size, size})
        .contiguous();
}

ClipLoader::ClipLoader(std::shared_ptr<const FrameProvider> frames, ClipLoaderOptions options)
    : frames_(std::move(frames)), options_(options), windows_(clipWindows(*frames_, options.tLength))
{
    if (options_.batchSize < 1 || options_.tLength < 1 || options_.threads < 1 || options_.prefetchBatches < 1)
        throw std::invalid_argument("clip loader: batch size, t_length, threads and prefetch must be positive");
}

ClipLoader::~ClipLoader()
{
    stopWorkers();
}

int64_t ClipLoader::batchesPerEpoch() const
{
    const int64_t n = windowCount(), b = options_.batchSize;
    return options_.dropLast ? n / b : (n + b - 1) / b;
}

std::vector<int64_t> ClipLoader::epochOrder(int epoch) const
{
    std::vector<int64_t> order(windows_.size());
    for (size_t i = 0; i < order.size(); ++i)
        order[i] = static_cast<int64_t>(i);
    if (options_.shuffle) {
        std::mt19937_64 rng(options_.seed * 1000003ULL + static_cast<uint64_t>(epoch));
        for (size_t i = order.size(); i > 1; --i) {
            const size_t j = static_cast<size_t>(rng() % i); // own Fisher–Yates: std::shuffle differs by library
            std::swap(order[i - 1], order[j]);
        }
    }
    return order;
}

void ClipLoader::stopWorkers()
{
    {
        std::lock_guard<std::mutex> lock(mutex_);
        stopping_ = true;
    }
    changed_.notify_all();
    for (auto& w : workers_)
        w.join();
    workers_.clear();
}

void ClipLoader::startEpoch(int epoch, int64_t firstBatch)
{
    stopWorkers();
    order_ = epochOrder(epoch);
    ready_.clear();
    failed_.clear();
    stopping_ = false;
    nextToBuild_ = nextToReturn_ = firstBatch;
    endBatch_ = batchesPerEpoch();
    for (int i = 0; i < options_.threads; ++i)
        workers_.emplace_back([this] { workerLoop(); });
}

void ClipLoader::workerLoop()
{
    for (;;) {
        int64_t batch;
        {
            std::unique_lock<std::mutex> lock(mutex_);
            changed_.wait(lock, [this] {
                return stopping_ || nextToBuild_ >= endBatch_ ||
                       nextToBuild_ < nextToReturn_ + options_.prefetchBatches;
            });
            if (stopping_ || nextToBuild_ >= endBatch_)
                return;
            batch = nextToBuild_++;
        }
        try {
            ClipBatch built = assemble(batch);
            std::lock_guard<std::mutex> lock(mutex_);
            ready_.emplace(batch, std::move(built));
        } catch (...) {
            std::lock_guard<std::mutex> lock(mutex_);
            failed_.emplace(batch, std::current_exception());
        }
        changed_.notify_all();
    }
}

ClipLoader::Frame ClipLoader::frame(int64_t video, int64_t index) const
{
    const uint64_t key = static_cast<uint64_t>(video) << 32 | static_cast<uint64_t>(index);
    {
        std::lock_guard<std::mutex> lock(cacheMutex_);
        if (auto it = cache_.find(key); it != cache_.end())
            return it->second;
    }
    const int size = frames_->frameSize();
    auto decoded = std::make_shared<std::vector<uint8_t>>(static_cast<size_t>(size) * size * 3);
    frames_->readFrame(video, index, decoded->data());
    std::lock_guard<std::mutex> lock(cacheMutex_);
    if (decoded->size() <= options_.cacheBytes && cache_.emplace(key, decoded).second) {
        cacheOrder_.push_back(key);
        cacheUsed_ += decoded->size();
        while (cacheUsed_ > options_.cacheBytes) {
            cacheUsed_ -= cache_.at(cacheOrder_.front())->size();
            cache_.erase(cacheOrder_.front());
            cacheOrder_.pop_front();
        }
    }
    return decoded;
}

ClipBatch ClipLoader::assemble(int64_t batch) const
{
    const int size = frames_->frameSize();
    const int64_t begin = batch * options_.batchSize;
    const int64_t end = std::min<int64_t>(begin + options_.batchSize, windowCount());
    // Frames shared by several windows of the batch are fetched once, and from the cache across batches.
    std::map<std::pair<int64_t, int64_t>, Frame> fetched;
    ClipBatch out;
    out.clips = torch::empty({end - begin, int64_t{3} * options_.tLength, size, size}, torch::kFloat);
    const int64_t clipValues = out.clips[0].numel();
    for (int64_t i = begin; i < end; ++i) {
        const ClipWindow w = windows_[order_[i]];
        std::vector<const uint8_t*> frames;
        for (int t = 0; t < options_.tLength; ++t) {
            auto key = std::make_pair(w.video, w.start + t);
            auto it = fetched.find(key);
            if (it == fetched.end())
                it = fetched.emplace(key, frame(w.video, w.start + t)).first;
            frames.push_back(it->second->data());
        }
        writeClip(frames, size, out.clips.data_ptr<float>() + (i - begin) * clipValues);
        out.windows.push_back(w);
    }
    return out;
}

std::optional<ClipBatch> ClipLoader::next()
{
    std::unique_lock<std::mutex> lock(mutex_);
    if (nextToReturn_ >= endBatch_)
        return std::nullopt;
    const int64_t wanted = nextToReturn_;
    changed_.wait(lock, [&] { return ready_.count(wanted) || failed_.count(wanted); });
    if (auto f = failed_.find(wanted); f != failed_.end()) {
        auto error = f->second;
        failed_.erase(f);
        ++nextToReturn_;
        lock.unlock();
        changed_.notify_all();
        std::rethrow_exception(error);
    }
    ClipBatch batch = std::move(ready_.at(wanted));
    ready_.erase(wanted);
    ++nextToReturn_;
    lock.unlock();
    changed_.notify_all();
    return batch;
}

} // namespace mnad
