#include "core/io/video_reader.h"

#include "core/data/data_error.h"
#include "core/io/av_handles.h"
#include "core/io/video_frame_index.h"

extern "C" {
#include <libavutil/imgutils.h>
#include <libavutil/pixdesc.h>
}

#include <algorithm>
#include <cerrno>
#include <stdexcept>
#include <system_error>

namespace mnad {
namespace {

constexpr int kMaxDecodeErrorsInARow = 64; // a decoder that keeps failing will not recover: give up

bool isGrayFormat(int format)
{
    const AVPixFmtDescriptor* desc = av_pix_fmt_desc_get(static_cast<AVPixelFormat>(format));
    if (!desc || (desc->flags & (AV_PIX_FMT_FLAG_RGB | AV_PIX_FMT_FLAG_PAL)))
        return false;
    return desc->nb_components == 1 || (desc->nb_components == 2 && (desc->flags & AV_PIX_FMT_FLAG_ALPHA));
}

bool isKeyframe(const AVFrame* frame)
{
#if LIBAVUTIL_VERSION_INT >= AV_VERSION_INT(58, 29, 100)
    return frame->flags & AV_FRAME_FLAG_KEY;
#else
    return frame->key_frame;
#endif
}

bool isYuvFormat(int format)
{
    const AVPixFmtDescriptor* desc = av_pix_fmt_desc_get(static_cast<AVPixelFormat>(format));
    return desc && !(desc->flags & (AV_PIX_FMT_FLAG_RGB | AV_PIX_FMT_FLAG_PAL)) && desc->nb_components >= 3;
}

} // namespace

struct VideoReader::Impl {
    enum class Outcome { Found, Damaged, BadStart, MissedAtStart, Missed, End };

    std::filesystem::path path;
    VideoStreamInfo info;
    av::InputFormatPtr format;
    av::CodecContextPtr codec;
    av::FramePtr frame{av_frame_alloc()};
    av::FramePtr converted{av_frame_alloc()}; // padded and aligned BGR, as swscale wants its output
    av::PacketPtr packet{av_packet_alloc()};
    av::SwsPtr sws;
    int stream = -1;
    std::vector<FrameEntry> frames; // see buildFrameIndex
    // When the container's timestamps are missing or repeat, frames are identified by their decode ordinal
    // and every seek becomes a rewind: slow, but still exact.
    bool ordinal = false;
    int64_t decodedSinceRewind = 0;
    int64_t current = -1; // the frame held in `frame`, -1 if none
    int64_t next = -1;    // the frame the decoder yields next without a seek, -1 if unknown
    bool drained = false; // the demuxer is at its end and the decoder was told so

    explicit Impl(const std::filesystem::path& file) : path(file)
    {
        if (!frame || !converted || !packet)
            throw std::bad_alloc();
    }

    [[noreturn]] void fail(const std::string& problem) const { throw DataError(path, problem); }

    void openInput();
    void openDecoder();
    void fillInfo();
    int64_t keyframeAtOrBefore(int64_t index) const;
    void seekToFrame(int64_t index);
    void rewind();
    void feedPacket();
    bool receiveFrame();
    Outcome decodeUntil(int64_t index, bool afterSeek);
    void decodeTo(int64_t index);
    void convert(std::vector<uint8_t>& bgr);
};

void VideoReader::Impl::openInput()
{
    AVFormatContext* raw = nullptr;
    // "file:" keeps a colon in the name from being read as a protocol.
    int ret = avformat_open_input(&raw, ("file:" + path.string()).c_str(), nullptr, nullptr);
    if (ret < 0)
        fail("cannot open as a video (" + av::errorString(ret) + ")");
    format.reset(raw);
    ret = avformat_find_stream_info(format.get(), nullptr);
    if (ret < 0)
        fail("cannot read the stream parameters (" + av::errorString(ret) + ")");
    stream = av_find_best_stream(format.get(), AVMEDIA_TYPE_VIDEO, -1, -1, nullptr, 0);
    if (stream < 0)
        fail("contains no video stream");
    for (unsigned i = 0; i < format->nb_streams; ++i)
        format->streams[i]->discard = static_cast<int>(i) == stream ? AVDISCARD_DEFAULT : AVDISCARD_ALL;
}

void VideoReader::Impl::openDecoder()
{
    const AVCodecParameters* par = format->streams[stream]->codecpar;
    const AVCodec* decoder = avcodec_find_decoder(par->codec_id);
    if (!decoder)
        fail(std::string("no decoder for the video codec \"") + avcodec_get_name(par->codec_id) + "\"");
    codec.reset(avcodec_alloc_context3(decoder));
    if (!codec)
        throw std::bad_alloc();
    int ret = avcodec_parameters_to_context(codec.get(), par);
    if (ret < 0)
        fail("bad video stream parameters (" + av::errorString(ret) + ")");
    codec->pkt_timebase = format->streams[stream]->time_base;
    codec->thread_count = 1; // one reader per thread: see the header
    // Damaged frames must not come out as pictures: drop them (the timestamp check then reports them)
    // and let decoders that can verify checksums (FFV1 slice CRCs) do so.
    codec->flags &= ~AV_CODEC_FLAG_OUTPUT_CORRUPT;
    codec->err_recognition |= AV_EF_CRCCHECK;
    ret = avcodec_open2(codec.get(), decoder, nullptr);
    if (ret < 0)
        fail(std::string("cannot open the ") + decoder->name + " decoder (" + av::errorString(ret) + ")");
    if (codec->width <= 0 || codec->height <= 0)
        fail("the video stream has no frame size");
}

void VideoReader::Impl::fillInfo()
{
    const AVStream* st = format->streams[stream];
    info.width = codec->width;
    info.height = codec->height;
    info.frameCount = static_cast<int64_t>(frames.size());
    info.codec = avcodec_get_name(st->codecpar->codec_id);
    AVRational rate = av_guess_frame_rate(format.get(), const_cast<AVStream*>(st), nullptr);
    if (rate.num > 0 && rate.den > 0) {
        info.fps = av_q2d(rate);
    } else if (!ordinal && frames.size() > 1 && frames.back().pts > frames.front().pts) {
        const double seconds = static_cast<double>(frames.back().pts - frames.front().pts) * av_q2d(st->time_base);
        info.fps = seconds > 0 ? static_cast<double>(frames.size() - 1) / seconds : 0.0;
    }
    if (codec->pix_fmt != AV_PIX_FMT_NONE) {
        info.grayscaleSource = isGrayFormat(codec->pix_fmt);
        return;
    }
    try { // some containers leave the pixel format to the bitstream: the first frame tells it
        decodeTo(0);
        info.grayscaleSource = isGrayFormat(frame->format);
    } catch (const DataError&) { // reported when frame 0 is read
    }
}

int64_t VideoReader::Impl::keyframeAtOrBefore(int64_t index) const
{
    while (index > 0 && !frames[static_cast<size_t>(index)].keyframe)
        --index;
    return index;
}

void VideoReader::Impl::rewind()
{
    // Reopening is the one reset that works for every container, even without timestamps or an index.
    format.reset();
    openInput();
    avcodec_flush_buffers(codec.get());
    decodedSinceRewind = 0;
    drained = false;
    current = next = -1;
}

void VideoReader::Impl::seekToFrame(int64_t index)
{
    if (ordinal) {
        rewind();
        return;
    }
    const int ret = av_seek_frame(format.get(), stream, frames[static_cast<size_t>(index)].pts, AVSEEK_FLAG_BACKWARD);
    if (ret < 0) {
        rewind();
        return;
    }
    avcodec_flush_buffers(codec.get());
    drained = false;
    current = next = -1;
}

void VideoReader::Impl::feedPacket()
{
    for (;;) {
        const int ret = av_read_frame(format.get(), packet.get());
        if (ret < 0) { // the end, or data cut short: the decoder gives out what it still holds
            drained = true;
            avcodec_send_packet(codec.get(), nullptr);
            return;
        }
        av::PacketUnref unref(packet.get());
        if (packet->stream_index != stream || packet->size <= 0)
            continue;
        // A packet the decoder rejects is a frame that will be missing: decodeUntil reports it by timestamp.
        avcodec_send_packet(codec.get(), packet.get());
        return;
    }
}

bool VideoReader::Impl::receiveFrame()
{
    int errors = 0;
    for (;;) {
        const int ret = avcodec_receive_frame(codec.get(), frame.get());
        if (ret == 0)
            return true;
        if (ret == AVERROR_EOF)
            return false;
        if (ret != AVERROR(EAGAIN)) {
            if (++errors > kMaxDecodeErrorsInARow)
                fail("the video cannot be decoded (" + av::errorString(ret) + ")");
            continue;
        }
        if (drained)
            return false;
        feedPacket();
    }
}

// Decodes forward until the frame with index's timestamp. Frames are matched by timestamp, so a frame
// the decoder could not produce shows up as a later timestamp arriving first. Right after a seek the first
// frame must be a keyframe: containers without an index (a cut AVI) flag every packet as one.
VideoReader::Impl::Outcome VideoReader::Impl::decodeUntil(int64_t index, bool afterSeek)
{
    const int64_t target = frames[static_cast<size_t>(index)].pts;
    bool first = true;
    current = next = -1;
    while (receiveFrame()) {
        if (first && afterSeek && !isKeyframe(frame.get()))
            return Outcome::BadStart;
        const int64_t ts = ordinal ? decodedSinceRewind++ : frame->best_effort_timestamp;
        const bool atStart = first;
        first = false;
        if (ts == AV_NOPTS_VALUE || ts < target)
            continue;
        const bool damaged = frame->decode_error_flags != 0 || (frame->flags & AV_FRAME_FLAG_CORRUPT);
        if (ts == target) {
            current = damaged ? -1 : index;
            next = index + 1;
            return damaged ? Outcome::Damaged : Outcome::Found;
        }
        // Overshot: keep the frame we hold so that reading on from it needs no seek.
        const auto it = std::lower_bound(frames.begin(), frames.end(), ts,
                                         [](const FrameEntry& e, int64_t t) { return e.pts < t; });
        if (it != frames.end() && it->pts == ts) {
            next = it - frames.begin() + 1;
            current = damaged ? -1 : next - 1;
        }
        return atStart && afterSeek ? Outcome::MissedAtStart : Outcome::Missed;
    }
    return first && afterSeek ? Outcome::BadStart : Outcome::End;
}

void VideoReader::Impl::decodeTo(int64_t index)
{
    if (!format)
        rewind(); // a reopen failed earlier: try again (throws DataError if it still fails)
    int64_t key = keyframeAtOrBefore(index);
    // Decode on from where the decoder is when no keyframe lies in between (always so for the next frame).
    const bool forward = next >= 0 && index >= next && key <= next;
    if (!forward)
        seekToFrame(key);
    Outcome outcome = decodeUntil(index, !forward && !ordinal);
    bool fromStart = ordinal;
    // The seek did not start at a real keyframe, or landed past it: go back keyframe by keyframe (and
    // remember the false ones), finally from the very start, where no keyframe is required.
    while ((outcome == Outcome::BadStart || outcome == Outcome::MissedAtStart) && !fromStart) {
        if (key > 0) {
            frames[static_cast<size_t>(key)].keyframe = false;
            key = keyframeAtOrBefore(key - 1);
            seekToFrame(key);
            outcome = decodeUntil(index, true);
        } else {
            rewind();
            fromStart = true;
            outcome = decodeUntil(index, false);
        }
    }
    const std::string frameName = "frame " + std::to_string(index);
    switch (outcome) {
    case Outcome::Found:
        return;
    case Outcome::Damaged:
        fail(frameName + " is damaged (the decoder reported errors in it)");
    case Outcome::End:
        fail(frameName + " cannot be decoded: the data ends before it (truncated file?)");
    default:
        fail(frameName + " cannot be decoded: its data is damaged or missing");
    }
}

void VideoReader::Impl::convert(std::vector<uint8_t>& bgr)
{
    const int w = info.width;
    const int h = info.height;
    bgr.resize(static_cast<size_t>(w) * h * 3);
    if (frame->format == AV_PIX_FMT_GRAY8 && frame->width == w && frame->height == h) {
        for (int y = 0; y < h; ++y) { // replicate luma exactly; no range conversion
            const uint8_t* src = frame->data[0] + static_cast<ptrdiff_t>(y) * frame->linesize[0];
            uint8_t* dst = bgr.data() + static_cast<size_t>(y) * w * 3;
            for (int x = 0; x < w; ++x)
                dst[3 * x] = dst[3 * x + 1] = dst[3 * x + 2] = src[x];
        }
        return;
    }
    // Same-size RGB and gray conversions are exact in swscale; for YUV, bilinear chroma upsampling.
    const int flags = SWS_BILINEAR | SWS_ACCURATE_RND | SWS_FULL_CHR_H_INT;
    const auto srcFormat = static_cast<AVPixelFormat>(frame->format);
    sws.reset(sws_getCachedContext(sws.release(), frame->width, frame->height, srcFormat, w, h, AV_PIX_FMT_BGR24,
                                   flags, nullptr, nullptr, nullptr));
    if (!sws)
        fail(std::string("cannot convert frames from pixel format ") + av_get_pix_fmt_name(srcFormat) + " to BGR");
    if (isYuvFormat(frame->format)) { // honour the stream's matrix and range; swscale assumes BT.601 limited
        const int space = frame->colorspace == AVCOL_SPC_UNSPECIFIED ? SWS_CS_DEFAULT : frame->colorspace;
        const int* coefficients = sws_getCoefficients(space);
        const int srcRange = frame->color_range == AVCOL_RANGE_JPEG ? 1 : 0;
        sws_setColorspaceDetails(sws.get(), coefficients, srcRange, coefficients, 1, 0, 1 << 16, 1 << 16);
    }
    if (!converted->data[0]) {
        converted->format = AV_PIX_FMT_BGR24;
        converted->width = w;
        converted->height = h;
        if (av_frame_get_buffer(converted.get(), 0) < 0)
            throw std::bad_alloc();
    }
    const int rows = sws_scale(sws.get(), frame->data, frame->linesize, 0, frame->height, converted->data,
                               converted->linesize);
    if (rows != h)
        fail("frame " + std::to_string(current) + " could not be converted to BGR");
    av_image_copy_plane(bgr.data(), w * 3, converted->data[0], converted->linesize[0], w * 3, h);
}

VideoReader::VideoReader(const std::filesystem::path& file) : impl_(std::make_unique<Impl>(file))
{
    std::error_code ec;
    const auto status = std::filesystem::status(file, ec);
    if (!std::filesystem::exists(status))
        throw DataError(file, "file does not exist");
    if (!std::filesystem::is_regular_file(status))
        throw DataError(file, "is not a regular file");
    if (std::filesystem::file_size(file, ec) == 0 && !ec)
        throw DataError(file, "file is empty");
    impl_->openInput();
    impl_->openDecoder();
    FrameIndex index = buildFrameIndex(impl_->format.get(), impl_->stream, file);
    impl_->frames = std::move(index.frames);
    impl_->ordinal = index.ordinal;
    impl_->info.cutShort = index.cutShort;
    impl_->fillInfo();
}

VideoReader::~VideoReader() = default;
VideoReader::VideoReader(VideoReader&&) noexcept = default;
VideoReader& VideoReader::operator=(VideoReader&&) noexcept = default;

void VideoReader::readFrame(int64_t index, std::vector<uint8_t>& bgr)
{
    Impl& d = *impl_;
    if (index < 0 || index >= d.info.frameCount)
        throw std::out_of_range(d.path.string() + ": frame index " + std::to_string(index) +
                                " is out of range (the video has " + std::to_string(d.info.frameCount) +
                                " frames)");
    if (d.frames[static_cast<size_t>(index)].damaged)
        d.fail("frame " + std::to_string(index) +
               " is damaged in the file (cut short, failing its checksum, or decoded from such a frame)");
    if (index != d.current)
        d.decodeTo(index);
    d.convert(bgr);
}

const VideoStreamInfo& VideoReader::info() const
{
    return impl_->info;
}

const std::filesystem::path& VideoReader::path() const
{
    return impl_->path;
}

} // namespace mnad
