#pragma once
// The frame index of a video stream, built by reading every packet once (no decoding): timestamps in
// presentation order, keyframes, and frames known to be damaged. Internal to core/io (uses libav types).

#include "core/io/av_handles.h"

#include <cstdint>
#include <filesystem>
#include <vector>

namespace mnad {

struct FrameEntry {
    int64_t pts = 0;      // presentation timestamp in stream time base, or the decode ordinal (see ordinal)
    int64_t duration = 0; // in stream time base; 0 when the container does not say
    bool keyframe = false;
    bool damaged = false; // cut short, failing its checksum, or decoded from such a frame
};

struct FrameIndex {
    std::vector<FrameEntry> frames; // presentation order; never empty
    // The container's timestamps were missing or repeated: frames are numbered in decode order instead,
    // and only the first counts as a keyframe (every seek is a rewind).
    bool ordinal = false;
    // The packets stop before the end the container declares, or a read error ended them: the file was cut short.
    bool cutShort = false;
};

// Reads all packets of `stream` from the current position (the start, for a freshly opened file), so the
// demuxer is at the end afterwards. Throws DataError naming `file` when the stream has no frame.
FrameIndex buildFrameIndex(AVFormatContext* format, int stream, const std::filesystem::path& file);

} // namespace mnad
