#include "core/demo/demo_dataset.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace mnad {

namespace {

// SplitMix64: a tiny, portable generator (std:: distributions differ between standard libraries).
class Random {
public:
    explicit Random(uint64_t seed) : state_(seed) {}
    uint64_t next()
    {
        uint64_t z = (state_ += 0x9E3779B97F4A7C15ULL);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
        return z ^ (z >> 31);
    }
    double uniform(double a = 0, double b = 1) { return a + (b - a) * static_cast<double>(next() >> 11) * 0x1.0p-53; }

private:
    uint64_t state_;
};

uint64_t hash64(uint64_t a, uint64_t b)
{
    Random r(a * 0x100000001B3ULL ^ b);
    return r.next();
}

// Scene layout, in scene units (0..1).
constexpr double kTopPath = 0.33, kBottomPath = 0.72, kPathHalf = 0.07;
constexpr double kWalkW = 0.045, kWalkH = 0.10, kHead = 0.022;
struct Disc { double x, y, r; };
constexpr Disc kTrees[] = {{0.15, 0.12, 0.07}, {0.84, 0.10, 0.06}, {0.42, 0.91, 0.06}};

struct Canvas {
    uint8_t* bgr;
    int size;
    void fillRect(double cx, double cy, double w, double h, const uint8_t c[3]) const
    {
        const int x0 = std::max(0, int(std::floor((cx - w / 2) * size))), x1 = std::min(size, int(std::ceil((cx + w / 2) * size)));
        const int y0 = std::max(0, int(std::floor((cy - h / 2) * size))), y1 = std::min(size, int(std::ceil((cy + h / 2) * size)));
        for (int y = y0; y < y1; ++y)
            for (int x = x0; x < x1; ++x)
                std::copy(c, c + 3, bgr + 3 * (y * size + x));
    }
    void fillDisc(double cx, double cy, double r, const uint8_t c[3]) const
    {
        const int x0 = std::max(0, int((cx - r) * size)), x1 = std::min(size, int((cx + r) * size) + 1);
        const int y0 = std::max(0, int((cy - r) * size)), y1 = std::min(size, int((cy + r) * size) + 1);
        for (int y = y0; y < y1; ++y)
            for (int x = x0; x < x1; ++x) {
                const double dx = (x + 0.5) / size - cx, dy = (y + 0.5) / size - cy;
                if (dx * dx + dy * dy <= r * r)
                    std::copy(c, c + 3, bgr + 3 * (y * size + x));
            }
    }
};

void drawBackground(const Canvas& canvas, uint64_t sceneSeed)
{
    const int s = canvas.size;
    for (int y = 0; y < s; ++y) {
        for (int x = 0; x < s; ++x) {
            const double sx = (x + 0.5) / s, sy = (y + 0.5) / s;
            const double texture = 6 * std::sin(17 * sx + 3 * sy) * std::cos(13 * sy - 5 * sx) +
                                   double(hash64(sceneSeed, uint64_t(y) * 4096 + x) % 13) - 6;
            const bool onPath = std::abs(sy - kTopPath) < kPathHalf || std::abs(sy - kBottomPath) < kPathHalf;
            const double base[3] = {onPath ? 168.0 : 92.0, onPath ? 172.0 : 128.0, onPath ? 176.0 : 104.0};
            for (int c = 0; c < 3; ++c)
                canvas.bgr[3 * (y * s + x) + c] = uint8_t(std::clamp(base[c] + texture, 0.0, 255.0));
        }
    }
    const uint8_t tree[3] = {40, 92, 52}, trunk[3] = {38, 62, 92}, bench[3] = {44, 84, 122};
    for (const auto& t : kTrees) {
        canvas.fillRect(t.x, t.y + t.r, t.r * 0.35, t.r * 0.9, trunk);
        canvas.fillDisc(t.x, t.y, t.r, tree);
    }
    canvas.fillRect(0.66, 0.525, 0.13, 0.035, bench);
}

void drawAgent(const Canvas& canvas, const DemoAgent& a, int frame)
{
    const int t = std::max(frame, a.spawn);
    const bool fallen = a.lyingAt(frame);
    const int moving = a.movedFrames(t);
    const double x = a.x0 + a.vx * moving, y = a.y0 + a.vy * moving;
    const uint8_t skin[3] = {112, 150, 196}, dark[3] = {36, 34, 40};
    switch (a.kind) {
    case DemoAgent::Walker: {
        if (fallen) {
            // Struggling on the ground: the body jerks by a few pixels from frame to frame.
            const double jx = 0.04 * std::sin(2.3 * frame), jy = 0.025 * std::cos(3.1 * frame);
            canvas.fillRect(x + jx, y + 0.035 + jy, kWalkH, kWalkW, a.colour);
            canvas.fillDisc(x + jx + kWalkH / 2 + kHead * 0.8, y + 0.035 - jy, kHead, skin);
            break;
        }
        const double gait = ((moving / 5) % 2 == 0 ? 1 : -1) * 0.008;
        canvas.fillRect(x - 0.011 + gait, y + kWalkH / 2 + 0.012, 0.014, 0.03, dark);
        canvas.fillRect(x + 0.011 - gait, y + kWalkH / 2 + 0.012, 0.014, 0.03, dark);
        canvas.fillRect(x, y, kWalkW, kWalkH, a.colour);
        canvas.fillDisc(x, y - kWalkH / 2 - kHead * 0.7, kHead, skin);
        break;
    }
    case DemoAgent::Cyclist:
        canvas.fillDisc(x - 0.04, y + 0.045, 0.028, dark);
        canvas.fillDisc(x + 0.04, y + 0.045, 0.028, dark);
        canvas.fillRect(x, y + 0.03, 0.08, 0.012, a.colour);
        canvas.fillRect(x, y - 0.02, 0.04, 0.07, a.colour);
        canvas.fillDisc(x, y - 0.065, kHead, skin);
        break;
    case DemoAgent::Cart:
        canvas.fillRect(x, y, 0.26, 0.15, a.colour);
        canvas.fillDisc(x - 0.085, y + 0.08, 0.03, dark);
        canvas.fillDisc(x + 0.085, y + 0.08, 0.03, dark);
        break;
    }
}

// Where an agent is at a frame, and the box around everything drawAgent paints for it.
struct Box {
    double x0, x1, y0, y1;
};

Box agentBox(const DemoAgent& a, int frame)
{
    const bool fallen = a.lyingAt(frame);
    const int moving = a.movedFrames(frame);
    const double x = a.x0 + a.vx * moving, y = a.y0 + a.vy * moving;
    switch (a.kind) {
    case DemoAgent::Walker:
        if (fallen)
            return {x - kWalkH / 2 - 0.04, x + kWalkH / 2 + 1.8 * kHead + 0.04, y + 0.01 - kHead, y + 0.06 + kHead};
        return {x - 0.026, x + 0.026, y - kWalkH / 2 - 1.7 * kHead, y + kWalkH / 2 + 0.027};
    case DemoAgent::Cyclist:
        return {x - 0.068, x + 0.068, y - 0.065 - kHead, y + 0.073};
    case DemoAgent::Cart:
        return {x - 0.13, x + 0.13, y - 0.075, y + 0.11};
    }
    return {x, x, y, y};
}

bool inView(const DemoAgent& a, int frame)
{
    if (frame < a.spawn)
        return false;
    const Box b = agentBox(a, frame);
    return b.x1 > 0 && b.x0 < 1 && b.y1 > 0 && b.y0 < 1;
}

DemoAgent walkerOnPath(Random& rng, bool top, int spawn)
{
    DemoAgent a;
    const double speed = rng.uniform(0.006, 0.009);
    a.vx = top ? speed : -speed;
    a.x0 = top ? -0.06 : 1.06;
    a.y0 = (top ? kTopPath : kBottomPath) - 0.02 + rng.uniform(-0.025, 0.025);
    a.spawn = spawn;
    static const uint8_t palette[][3] = {{160, 60, 40}, {40, 40, 170}, {50, 140, 60}, {150, 150, 150},
                                         {60, 60, 60},  {170, 120, 40}, {100, 40, 120}};
    const auto& c = palette[rng.next() % (sizeof palette / sizeof palette[0])];
    std::copy(c, c + 3, a.colour);
    return a;
}

} // namespace

std::string demoAnomalyName(DemoAnomaly anomaly)
{
    switch (anomaly) {
    case DemoAnomaly::None: return "none";
    case DemoAnomaly::Cyclist: return "cyclist";
    case DemoAnomaly::Cart: return "cart";
    case DemoAnomaly::GrassCrossing: return "grass-crossing";
    case DemoAnomaly::Fall: return "fall";
    }
    return "unknown";
}

DemoVideo DemoDataset::makeVideo(const std::string& name, uint64_t videoSeed, DemoAnomaly anomaly) const
{
    Random rng(videoSeed);
    DemoVideo video;
    video.name = name;
    video.anomaly = anomaly;
    video.flickerPhase = rng.uniform(0, 6.28);
    const int n = spec_.framesPerVideo;
    for (int f = -150; f < n; ++f) { // start 150 frames early so people are already walking at frame 0
        for (bool top : {true, false}) {
            if (rng.uniform() < 0.014)
                video.agents.push_back(walkerOnPath(rng, top, f));
        }
    }
    const int start = int(n * rng.uniform(0.3, 0.45));
    const bool top = rng.uniform() < 0.5;
    DemoAgent odd;
    switch (anomaly) {
    case DemoAnomaly::None:
        break;
    case DemoAnomaly::Cyclist:
        odd = walkerOnPath(rng, top, start);
        odd.kind = DemoAgent::Cyclist;
        odd.vx = (top ? 1 : -1) * rng.uniform(0.04, 0.05);
        break;
    case DemoAnomaly::Cart:
        odd = walkerOnPath(rng, top, start);
        odd.kind = DemoAgent::Cart;
        odd.vx = (top ? 1 : -1) * 0.024;
        odd.x0 = top ? -0.13 : 1.13;
        break;
    case DemoAnomaly::GrassCrossing:
        odd = walkerOnPath(rng, top, start);
        odd.x0 = rng.uniform(0.25, 0.75);
        odd.y0 = -0.08;
        odd.vx = 0;
        odd.vy = 0.02; // running
        break;
    case DemoAnomaly::Fall:
        odd = walkerOnPath(rng, top, start - 45);
        odd.fallFrame = start;
        odd.getUpFrame = start + 20;
        break;
    }
    if (anomaly != DemoAnomaly::None) {
        odd.anomalous = true;
        video.agents.push_back(odd);
    }
    video.labels.assign(static_cast<size_t>(n), 0);
    for (int f = 0; f < n; ++f) {
        for (const auto& a : video.agents) {
            if (a.anomalous && inView(a, f) && (a.fallFrame < 0 || a.lyingAt(f)))
                video.labels[static_cast<size_t>(f)] = 1;
        }
    }
    return video;
}

DemoDataset::DemoDataset(const DemoSpec& spec) : spec_(spec)
{
    if (spec.framesPerVideo < 10 || spec.trainVideos < 1 || spec.testVideos < 1 || spec.normalTestVideos < 0 ||
        spec.normalTestVideos > spec.testVideos)
        throw std::invalid_argument("demo dataset: needs at least 10 frames and one video per split");
    auto name = [](int i) { return (i < 9 ? "0" : "") + std::to_string(i + 1); };
    for (int i = 0; i < spec.trainVideos; ++i)
        training_.push_back(makeVideo(name(i), hash64(spec.seed, 1000 + i), DemoAnomaly::None));
    const DemoAnomaly kinds[] = {DemoAnomaly::Cyclist, DemoAnomaly::Cart, DemoAnomaly::GrassCrossing, DemoAnomaly::Fall};
    // Normal videos are spread evenly among the abnormal ones; the anomaly kinds take turns.
    const int step = spec.normalTestVideos > 0 ? spec.testVideos / spec.normalTestVideos : 0;
    int normals = 0, abnormals = 0;
    for (int i = 0; i < spec.testVideos; ++i) {
        const bool normal = step > 0 && normals < spec.normalTestVideos && i % step == step - 1;
        const DemoAnomaly kind = normal ? DemoAnomaly::None : kinds[abnormals++ % 4];
        normals += normal ? 1 : 0;
        testing_.push_back(makeVideo(name(i), hash64(spec.seed, 2000 + i), kind));
    }
}

void DemoDataset::render(const DemoVideo& video, int frame, int size, uint8_t* bgr) const
{
    const Canvas canvas{bgr, size};
    drawBackground(canvas, spec_.seed);
    for (const auto& a : video.agents) {
        if (inView(a, frame))
            drawAgent(canvas, a, frame);
    }
    const double light = 1 + 0.03 * std::sin(0.07 * frame + video.flickerPhase);
    uint64_t nameHash = 0xcbf29ce484222325ULL; // FNV-1a: std::hash differs between standard libraries
    for (unsigned char c : video.name)
        nameHash = (nameHash ^ c) * 0x100000001b3ULL;
    const uint64_t noiseSeed = hash64(hash64(spec_.seed, nameHash), uint64_t(frame));
    Random noise(noiseSeed);
    for (int i = 0; i < size * size * 3; ++i) {
        const double v = bgr[i] * light + double(noise.next() % 9) - 4;
        bgr[i] = uint8_t(std::clamp(v, 0.0, 255.0));
    }
}

namespace {
class DemoFrames : public FrameProvider {
public:
    DemoFrames(const DemoDataset& dataset, const std::vector<DemoVideo>& videos, int size)
        : dataset_(dataset), videos_(videos), size_(size)
    {
    }
    int64_t videoCount() const override { return static_cast<int64_t>(videos_.size()); }
    std::string videoName(int64_t v) const override { return videos_[v].name; }
    int64_t frameCount(int64_t v) const override { return static_cast<int64_t>(videos_[v].labels.size()); }
    int frameSize() const override { return size_; }
    void readFrame(int64_t v, int64_t f, uint8_t* bgr) const override
    {
        dataset_.render(videos_.at(v), static_cast<int>(f), size_, bgr);
    }

private:
    DemoDataset dataset_; // a copy: the provider stays valid on its own
    std::vector<DemoVideo> videos_;
    int size_;
};
} // namespace

std::shared_ptr<const FrameProvider> DemoDataset::frames(bool testing, int size) const
{
    return std::make_shared<DemoFrames>(*this, testing ? testing_ : training_, size);
}

std::vector<std::vector<uint8_t>> DemoDataset::testLabels() const
{
    std::vector<std::vector<uint8_t>> out;
    for (const auto& v : testing_)
        out.push_back(v.labels);
    return out;
}

} // namespace mnad
