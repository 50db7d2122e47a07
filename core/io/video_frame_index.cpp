#include "core/io/video_frame_index.h"

#include "core/data/data_error.h"

extern "C" {
#include <libavutil/crc.h>
#include <libavutil/mathematics.h>
}

#include <algorithm>
#include <string>

namespace mnad {
namespace {

// FFV1 version 3 with slice CRCs ends every slice with a 3-byte size, a status byte and a CRC-32 that
// brings the slice's CRC to zero. Walking the slices back from the end must land on the packet start.
bool ffv1SlicesIntact(const uint8_t* data, int size)
{
    const AVCRC* table = av_crc_get_table(AV_CRC_32_IEEE);
    int left = size;
    while (left > 0) {
        if (left < 8)
            return false;
        const uint8_t* trailer = data + left - 8;
        const int sliceSize = ((trailer[0] << 16) | (trailer[1] << 8) | trailer[2]) + 8;
        if (sliceSize > left || av_crc(table, 0, data + left - sliceSize, static_cast<size_t>(sliceSize)) != 0)
            return false;
        left -= sliceSize;
    }
    return true;
}

class IndexBuilder {
public:
    IndexBuilder(AVFormatContext* format, int stream, const std::filesystem::path& file)
        : format_(format), stream_(format->streams[stream]), file_(file)
    {
    }
    FrameIndex build();

private:
    void markDamaged(const std::vector<size_t>& checksumFailures, size_t checksumPasses);
    void order(bool readError);
    int64_t frameStep(const FrameEntry& entry) const;
    bool endsBeforeDeclared() const;
    size_t reorderDepth(const std::vector<int64_t>& decodeOrder) const;
    void trimAfterGap(bool looksCut, size_t depth);

    AVFormatContext* format_;
    AVStream* stream_;
    const std::filesystem::path& file_;
    std::vector<FrameEntry> frames_;
    bool ordinal_ = false;
};

FrameIndex IndexBuilder::build()
{
    av::PacketPtr packet(av_packet_alloc());
    if (!packet)
        throw std::bad_alloc();
    const bool checkSlices = stream_->codecpar->codec_id == AV_CODEC_ID_FFV1;
    std::vector<size_t> checksumFailures;
    size_t checksumPasses = 0;
    int ret = 0;
    while ((ret = av_read_frame(format_, packet.get())) >= 0) {
        av::PacketUnref unref(packet.get());
        if (packet->stream_index != stream_->index || (packet->flags & AV_PKT_FLAG_DISCARD))
            continue; // discarded packets (edit-list priming) are never shown
        if (packet->size <= 0) { // no picture: the previous one stays on screen (AVI drop frames)
            if (!frames_.empty() && packet->duration > 0)
                frames_.back().duration += packet->duration;
            continue;
        }
        if (checkSlices && ffv1SlicesIntact(packet->data, packet->size))
            ++checksumPasses;
        else if (checkSlices)
            checksumFailures.push_back(frames_.size());
        FrameEntry entry;
        entry.pts = packet->pts != AV_NOPTS_VALUE ? packet->pts : packet->dts;
        entry.duration = packet->duration;
        entry.keyframe = packet->flags & AV_PKT_FLAG_KEY;
        entry.damaged = packet->flags & AV_PKT_FLAG_CORRUPT; // the file ends inside this packet
        frames_.push_back(entry);
    }
    // A read error other than the end (a file cut inside a block) ends the index: the frames after it
    // are not in the file as far as the demuxer can tell.
    if (frames_.empty())
        throw DataError(file_, ret == AVERROR_EOF ? "the video stream has no frames"
                                                  : "no video frame could be read (" + av::errorString(ret) + ")");
    markDamaged(checksumFailures, checksumPasses);
    order(ret != AVERROR_EOF);
    FrameIndex index;
    index.cutShort = ret != AVERROR_EOF || (!ordinal_ && endsBeforeDeclared());
    index.frames = std::move(frames_);
    index.ordinal = ordinal_;
    return index;
}

void IndexBuilder::markDamaged(const std::vector<size_t>& checksumFailures, size_t checksumPasses)
{
    // Slice CRCs are optional in FFV1: a failure counts only when other packets of the stream pass.
    if (checksumPasses > 0)
        for (size_t i : checksumFailures)
            frames_[i].damaged = true;
    // FFmpeg's decoders conceal damage silently (FFV1 copies the previous picture), and the frames that
    // follow up to the next keyframe are decoded from the concealed one. Still in decode order here.
    bool tainted = false;
    for (FrameEntry& entry : frames_) {
        tainted = (tainted && !entry.keyframe) || entry.damaged;
        entry.damaged = tainted;
    }
}

// Sorts the index (decode order so far) into presentation order, or numbers the frames when timestamps
// cannot identify them.
void IndexBuilder::order(bool readError)
{
    bool timestampsUsable = std::none_of(frames_.begin(), frames_.end(),
                                         [](const FrameEntry& e) { return e.pts == AV_NOPTS_VALUE; });
    if (timestampsUsable) {
        std::vector<int64_t> decodeOrder(frames_.size());
        std::transform(frames_.begin(), frames_.end(), decodeOrder.begin(), [](const FrameEntry& e) { return e.pts; });
        std::stable_sort(frames_.begin(), frames_.end(),
                         [](const FrameEntry& a, const FrameEntry& b) { return a.pts < b.pts; });
        for (size_t i = 1; i < frames_.size() && timestampsUsable; ++i)
            timestampsUsable = frames_[i].pts != frames_[i - 1].pts;
        const bool damaged = std::any_of(frames_.begin(), frames_.end(), [](const FrameEntry& e) { return e.damaged; });
        if (timestampsUsable)
            trimAfterGap(readError || damaged || endsBeforeDeclared(), reorderDepth(decodeOrder));
    }
    if (!timestampsUsable) {
        ordinal_ = true;
        for (size_t i = 0; i < frames_.size(); ++i) {
            frames_[i].pts = static_cast<int64_t>(i); // decode order; exact for streams without reordering
            frames_[i].keyframe = false;
        }
    }
    frames_.front().keyframe = true; // decoding always starts at the first frame
}

int64_t IndexBuilder::frameStep(const FrameEntry& entry) const
{
    if (entry.duration > 0)
        return entry.duration;
    const AVRational rate = av_guess_frame_rate(format_, stream_, nullptr);
    return rate.num > 0 && rate.den > 0 ? av_rescale_q(1, av_inv_q(rate), stream_->time_base) : 0;
}

// Whether the frames found stop well before the length the container declares (a file cut short).
bool IndexBuilder::endsBeforeDeclared() const
{
    if (stream_->nb_frames > static_cast<int64_t>(frames_.size()))
        return true;
    int64_t declaredEnd = AV_NOPTS_VALUE;
    if (stream_->duration > 0 && stream_->duration != AV_NOPTS_VALUE) {
        declaredEnd = (stream_->start_time != AV_NOPTS_VALUE ? stream_->start_time : 0) + stream_->duration;
    } else if (format_->duration > 0 && format_->duration != AV_NOPTS_VALUE) {
        const int64_t start = format_->start_time != AV_NOPTS_VALUE ? format_->start_time : 0;
        declaredEnd = av_rescale_q(start + format_->duration, AV_TIME_BASE_Q, stream_->time_base);
    }
    const int64_t step = frameStep(frames_.back());
    return declaredEnd != AV_NOPTS_VALUE && step > 0 && frames_.back().pts + step + step / 2 < declaredEnd;
}

// How far frames move between decode and display order (0 without B-frames). `decodeOrder` holds the
// timestamps in decode order; frames_ is already sorted.
size_t IndexBuilder::reorderDepth(const std::vector<int64_t>& decodeOrder) const
{
    size_t depth = 0;
    for (size_t i = 0; i < decodeOrder.size(); ++i) {
        const auto rank = static_cast<size_t>(
            std::lower_bound(frames_.begin(), frames_.end(), decodeOrder[i],
                             [](const FrameEntry& e, int64_t t) { return e.pts < t; }) -
            frames_.begin());
        depth = std::max(depth, rank > i ? rank - i : i - rank);
    }
    return depth;
}

// In a file cut short, frames that come later in decode order but earlier in display order (B-frames) are
// missing, and the frames shown after them would take their indices. Where the timestamps jump by more than
// a frame duration the index ends. Without other signs of a cut, only the last frames within the reorder
// depth are checked (a cut cannot hide frames before them), so variable-rate video keeps its frames.
void IndexBuilder::trimAfterGap(bool looksCut, size_t depth)
{
    if (!looksCut && depth == 0)
        return; // without reordering a cut only loses the end: nothing to check
    const size_t window = depth + 2;
    const size_t from = looksCut || frames_.size() <= window ? 1 : frames_.size() - window;
    for (size_t i = from; i < frames_.size(); ++i) {
        const int64_t step = frameStep(frames_[i - 1]);
        if (step > 0 && frames_[i].pts - frames_[i - 1].pts > step + step / 2) {
            frames_.resize(i);
            return;
        }
    }
}

} // namespace

FrameIndex buildFrameIndex(AVFormatContext* format, int stream, const std::filesystem::path& file)
{
    return IndexBuilder(format, stream, file).build();
}

} // namespace mnad
