#pragma once
// A generated, labelled surveillance-like dataset for the demo and for benchmarks: a static textured scene (grass,
// two footpaths, trees, a bench) with lighting flicker and sensor noise, pedestrians walking along the paths
// (top path left→right, bottom path right→left) at walking speed. Test videos carry labelled anomalies of the kinds
// the benchmarks have: a cyclist (much faster), a cart (wrong shape and size, faster), a person running across the
// grass where nobody walks, a person who falls, struggles on the ground and gets up. Some test videos are all normal.
// Deterministic for a seed; needs neither OpenCV nor torch (frames render straight into BGR buffers).

#include "core/data/frame_provider.h"

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace mnad {

// Bumped whenever the generator draws differently, so that cached copies on disk are regenerated.
constexpr int kDemoGeneratorVersion = 5;

struct DemoSpec {
    uint64_t seed = 7;
    int trainVideos = 6;
    int testVideos = 8;
    int normalTestVideos = 2; // test videos without an anomaly
    int framesPerVideo = 120;
};

enum class DemoAnomaly { None, Cyclist, Cart, GrassCrossing, Fall };
std::string demoAnomalyName(DemoAnomaly anomaly);

struct DemoAgent {
    enum Kind { Walker, Cyclist, Cart } kind = Walker;
    double x0 = 0, y0 = 0;   // position at `spawn`, in scene units (0..1)
    double vx = 0, vy = 0;   // scene units per frame
    int spawn = 0;           // frame it starts moving (may be negative: already walking at frame 0)
    int fallFrame = -1;      // frame from which the walker lies on the ground, struggling (and stops)
    int getUpFrame = -1;     // frame from which the walker walks on again

    bool lyingAt(int frame) const { return fallFrame >= 0 && frame >= fallFrame && frame < getUpFrame; }
    // Frames of movement up to `frame` (time spent lying does not move the walker on).
    int movedFrames(int frame) const
    {
        if (fallFrame < 0 || frame < fallFrame)
            return frame - spawn;
        return frame < getUpFrame ? fallFrame - spawn : frame - spawn - (getUpFrame - fallFrame);
    }
    uint8_t colour[3] = {0, 0, 0}; // clothing / body, BGR
    bool anomalous = false;
};

struct DemoVideo {
    std::string name;
    DemoAnomaly anomaly = DemoAnomaly::None;
    double flickerPhase = 0;
    std::vector<DemoAgent> agents;
    std::vector<uint8_t> labels; // per frame: 1 while an anomalous agent is in view
};

class DemoDataset {
public:
    explicit DemoDataset(const DemoSpec& spec);

    const DemoSpec& spec() const { return spec_; }
    const std::vector<DemoVideo>& training() const { return training_; }
    const std::vector<DemoVideo>& testing() const { return testing_; }

    // Renders frame `frame` of `video` at size×size into `bgr` (size·size·3 bytes).
    void render(const DemoVideo& video, int frame, int size, uint8_t* bgr) const;

    // Frames of one split as a FrameProvider at the given size (renders on demand, thread-safe).
    std::shared_ptr<const FrameProvider> frames(bool testing, int size) const;
    // The testing split's labels, per video.
    std::vector<std::vector<uint8_t>> testLabels() const;

private:
    DemoVideo makeVideo(const std::string& name, uint64_t videoSeed, DemoAnomaly anomaly) const;

    DemoSpec spec_;
    std::vector<DemoVideo> training_, testing_;
};

} // namespace mnad
