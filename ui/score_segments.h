#pragma once
// Turning per-frame values into runs of frames: the segments whose anomaly score is over a threshold (what the
// inspector lists and jumps between) and the ground-truth abnormal segments (shaded under the score strip).

#include <vector>

namespace mnad::ui {

// Frames first..last, inclusive.
struct FrameSegment {
    int first = 0;
    int last = 0;
    int length() const { return last - first + 1; }
    bool contains(int frame) const { return frame >= first && frame <= last; }
    bool operator==(const FrameSegment& other) const { return first == other.first && last == other.last; }
};

// Maximal runs of frames with anomaly[f] > threshold. Frames with scored[f] == false never belong to a segment
// (and split one). `scored` may be empty (all frames scored); otherwise its size must equal anomaly's.
std::vector<FrameSegment> segmentsAbove(const std::vector<double>& anomaly, const std::vector<bool>& scored,
                                        double threshold);

// Maximal runs of frames with labels[f] == 1.
std::vector<FrameSegment> labelledSegments(const std::vector<int>& labels);

// The first segment starting after `frame`, or the last one starting before it; -1 when there is none.
int nextSegment(const std::vector<FrameSegment>& segments, int frame);
int previousSegment(const std::vector<FrameSegment>& segments, int frame);

} // namespace mnad::ui
