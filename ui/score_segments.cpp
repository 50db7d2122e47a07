#include "ui/score_segments.h"

#include <stdexcept>

namespace mnad::ui {

namespace {
template <typename Inside>
std::vector<FrameSegment> runsWhere(int count, Inside inside)
{
    std::vector<FrameSegment> segments;
    int start = -1;
    for (int f = 0; f <= count; ++f) {
        const bool in = f < count && inside(f);
        if (in && start < 0)
            start = f;
        else if (!in && start >= 0) {
            segments.push_back({start, f - 1});
            start = -1;
        }
    }
    return segments;
}
} // namespace

std::vector<FrameSegment> segmentsAbove(const std::vector<double>& anomaly, const std::vector<bool>& scored,
                                        double threshold)
{
    if (!scored.empty() && scored.size() != anomaly.size())
        throw std::invalid_argument("segmentsAbove: scored and anomaly differ in size");
    return runsWhere(static_cast<int>(anomaly.size()), [&](int f) {
        return (scored.empty() || scored[static_cast<size_t>(f)]) && anomaly[static_cast<size_t>(f)] > threshold;
    });
}

std::vector<FrameSegment> labelledSegments(const std::vector<int>& labels)
{
    return runsWhere(static_cast<int>(labels.size()), [&](int f) { return labels[static_cast<size_t>(f)] == 1; });
}

int nextSegment(const std::vector<FrameSegment>& segments, int frame)
{
    for (size_t i = 0; i < segments.size(); ++i)
        if (segments[i].first > frame)
            return static_cast<int>(i);
    return -1;
}

int previousSegment(const std::vector<FrameSegment>& segments, int frame)
{
    for (size_t i = segments.size(); i-- > 0;)
        if (segments[i].first < frame)
            return static_cast<int>(i);
    return -1;
}

} // namespace mnad::ui
