#include "core/io/video_writer.h"

#include "core/io/av_handles.h"

extern "C" {
#include <libavutil/dict.h>
#include <libavutil/imgutils.h>
#include <libavutil/mathematics.h>
#include <libavutil/opt.h>
}

#include <cerrno>
#include <cmath>
#include <stdexcept>
#include <string>

namespace mnad {
namespace {

constexpr int kGop = 12; // frames per keyframe: bounds the decoding a random read needs

// Frees an option dictionary when the scope ends.
struct DictionaryGuard {
    AVDictionary* dict = nullptr;
    ~DictionaryGuard() { av_dict_free(&dict); }
};

const AVCodec* chooseEncoder(VideoCodecChoice choice)
{
    if (choice != VideoCodecChoice::H264OrMpeg4)
        return avcodec_find_encoder(AV_CODEC_ID_FFV1);
    if (const AVCodec* x264 = avcodec_find_encoder_by_name("libx264"))
        return x264;
    return avcodec_find_encoder(AV_CODEC_ID_MPEG4);
}

AVPixelFormat pixelFormatFor(VideoCodecChoice choice)
{
    switch (choice) {
    case VideoCodecChoice::Lossless:
        return AV_PIX_FMT_BGR0;
    case VideoCodecChoice::LosslessGray:
        return AV_PIX_FMT_GRAY8;
    default:
        return AV_PIX_FMT_YUV420P;
    }
}

} // namespace

struct VideoWriter::Impl {
    std::filesystem::path path;
    int width = 0;
    int height = 0;
    VideoCodecChoice choice = VideoCodecChoice::Lossless;
    const AVCodec* encoder = nullptr;
    av::OutputFormatPtr format;
    av::CodecContextPtr codec;
    AVStream* stream = nullptr; // owned by `format`
    av::FramePtr frame{av_frame_alloc()};
    av::FramePtr staging{av_frame_alloc()}; // padded BGR copy of the input: swscale reads past row ends
    av::PacketPtr packet{av_packet_alloc()};
    av::SwsPtr sws;
    int64_t written = 0;
    bool finished = false;

    [[noreturn]] void fail(const std::string& problem) const
    {
        throw std::runtime_error(path.string() + ": " + problem);
    }
    void check(int ret, const char* what) const
    {
        if (ret < 0)
            fail(std::string(what) + " (" + av::errorString(ret) + ")");
    }

    void openContainer();
    void openEncoder(AVRational rate);
    void openFile(AVRational rate);
    void allocateFrame();
    void fillFrame(const uint8_t* bgr);
    void encode(const AVFrame* input);
};

void VideoWriter::Impl::openContainer()
{
    AVFormatContext* raw = nullptr;
    const int ret = avformat_alloc_output_context2(&raw, nullptr, nullptr, path.string().c_str());
    if (ret < 0 || !raw)
        throw std::invalid_argument(path.string() + ": cannot tell the container from the file extension");
    format.reset(raw);
    encoder = chooseEncoder(choice);
    if (!encoder)
        fail("FFmpeg has no encoder for the chosen codec");
    if (avformat_query_codec(format->oformat, encoder->id, FF_COMPLIANCE_NORMAL) == 0)
        throw std::invalid_argument(path.string() + ": the " + format->oformat->name + " container cannot hold " +
                                    encoder->name + " video");
}

void VideoWriter::Impl::openEncoder(AVRational rate)
{
    codec.reset(avcodec_alloc_context3(encoder));
    if (!codec)
        throw std::bad_alloc();
    codec->width = width;
    codec->height = height;
    codec->pix_fmt = pixelFormatFor(choice);
    codec->time_base = av_inv_q(rate);
    codec->framerate = rate;
    codec->thread_count = 1;
    codec->gop_size = kGop;
    DictionaryGuard options;
    if (encoder->id == AV_CODEC_ID_FFV1) {
        av_dict_set(&options.dict, "level", "3", 0);    // per-slice CRCs let the reader detect damage
        av_dict_set(&options.dict, "slicecrc", "1", 0);
    } else {
        codec->colorspace = AVCOL_SPC_BT470BG; // what swscale's default BGR→YUV matrix produces (BT.601)
        codec->color_range = AVCOL_RANGE_MPEG;
        if (encoder->id == AV_CODEC_ID_H264) {
            av_dict_set(&options.dict, "crf", "18", 0);
        } else {
            codec->flags |= AV_CODEC_FLAG_QSCALE;
            codec->global_quality = FF_QP2LAMBDA * 3;
        }
        if (std::string(format->oformat->name) == "avi")
            codec->max_b_frames = 0; // AVI stores no presentation timestamps: keep decode order = display order
    }
    if (format->oformat->flags & AVFMT_GLOBALHEADER)
        codec->flags |= AV_CODEC_FLAG_GLOBAL_HEADER;
    const std::string what = std::string("cannot open the ") + encoder->name + " encoder";
    check(avcodec_open2(codec.get(), encoder, &options.dict), what.c_str());
}

void VideoWriter::Impl::openFile(AVRational rate)
{
    stream = avformat_new_stream(format.get(), nullptr);
    if (!stream)
        throw std::bad_alloc();
    check(avcodec_parameters_from_context(stream->codecpar, codec.get()), "cannot set the stream parameters");
    stream->time_base = codec->time_base; // a hint: the muxer may pick its own in write_header
    stream->avg_frame_rate = rate;
    if (!(format->oformat->flags & AVFMT_NOFILE))
        check(avio_open(&format->pb, ("file:" + path.string()).c_str(), AVIO_FLAG_WRITE), "cannot create the file");
    DictionaryGuard options;
    if (format->priv_data && av_opt_find(format->priv_data, "movflags", nullptr, 0, 0))
        av_dict_set(&options.dict, "movflags", "+faststart", 0); // index first: a cut MP4 stays readable
    check(avformat_write_header(format.get(), &options.dict), "cannot write the container header");
}

void VideoWriter::Impl::allocateFrame()
{
    if (!frame || !packet)
        throw std::bad_alloc();
    frame->format = codec->pix_fmt;
    frame->width = width;
    frame->height = height;
    check(av_frame_get_buffer(frame.get(), 0), "cannot allocate a frame");
    if (codec->pix_fmt == AV_PIX_FMT_GRAY8)
        return; // converted by hand: swscale would squeeze gray into the limited range
    if (!staging)
        throw std::bad_alloc();
    staging->format = AV_PIX_FMT_BGR24;
    staging->width = width;
    staging->height = height;
    check(av_frame_get_buffer(staging.get(), 0), "cannot allocate a frame");
    sws.reset(sws_getContext(width, height, AV_PIX_FMT_BGR24, width, height, codec->pix_fmt,
                             SWS_BILINEAR | SWS_ACCURATE_RND, nullptr, nullptr, nullptr));
    if (!sws)
        fail("cannot set up the BGR conversion");
}

void VideoWriter::Impl::fillFrame(const uint8_t* bgr)
{
    // The encoder may still hold a reference to the previous picture.
    check(av_frame_make_writable(frame.get()), "cannot allocate a frame");
    if (!sws) {
        for (int y = 0; y < height; ++y) {
            const uint8_t* src = bgr + static_cast<size_t>(y) * width * 3;
            uint8_t* dst = frame->data[0] + static_cast<ptrdiff_t>(y) * frame->linesize[0];
            for (int x = 0; x < width; ++x) // BT.601 luma; weights sum to 256, so gray input stays exact
                dst[x] = static_cast<uint8_t>((29 * src[3 * x] + 150 * src[3 * x + 1] + 77 * src[3 * x + 2] + 128) >> 8);
        }
        return;
    }
    av_image_copy_plane(staging->data[0], staging->linesize[0], bgr, width * 3, width * 3, height);
    sws_scale(sws.get(), staging->data, staging->linesize, 0, height, frame->data, frame->linesize);
}

// Sends one frame (nullptr: flush) and writes every packet the encoder has ready.
void VideoWriter::Impl::encode(const AVFrame* input)
{
    check(avcodec_send_frame(codec.get(), input), "the encoder refused a frame");
    for (;;) {
        const int ret = avcodec_receive_packet(codec.get(), packet.get());
        if (ret == AVERROR(EAGAIN) || ret == AVERROR_EOF)
            return;
        check(ret, "encoding failed");
        av_packet_rescale_ts(packet.get(), codec->time_base, stream->time_base);
        packet->stream_index = stream->index;
        check(av_interleaved_write_frame(format.get(), packet.get()), "cannot write to the file"); // takes the data
    }
}

VideoWriter::VideoWriter(const std::filesystem::path& file, int width, int height, double fps,
                         VideoCodecChoice codec)
    : impl_(std::make_unique<Impl>())
{
    Impl& d = *impl_;
    d.path = file;
    d.width = width;
    d.height = height;
    d.choice = codec;
    if (width <= 0 || height <= 0)
        throw std::invalid_argument(file.string() + ": frame size must be positive");
    if (codec == VideoCodecChoice::H264OrMpeg4 && (width % 2 != 0 || height % 2 != 0))
        throw std::invalid_argument(file.string() + ": H264OrMpeg4 (yuv420p) needs an even width and height, not " +
                                    std::to_string(width) + "x" + std::to_string(height));
    if (!std::isfinite(fps) || fps <= 0 || fps > 10000)
        throw std::invalid_argument(file.string() + ": fps must be in (0, 10000], not " + std::to_string(fps));
    const AVRational rate = av_d2q(fps, 100000); // 29.97 → 2997/100, 25 → 25/1
    d.openContainer();
    d.openEncoder(rate);
    d.openFile(rate);
    d.allocateFrame();
}

VideoWriter::~VideoWriter()
{
    if (!impl_ || impl_->finished)
        return;
    try {
        finish();
    } catch (...) { // a destructor must not throw; call finish() to see the error
    }
}

VideoWriter::VideoWriter(VideoWriter&&) noexcept = default;

VideoWriter& VideoWriter::operator=(VideoWriter&& other) noexcept
{
    if (this != &other) {
        if (impl_ && !impl_->finished) {
            try {
                finish();
            } catch (...) { // as in the destructor
            }
        }
        impl_ = std::move(other.impl_);
    }
    return *this;
}

void VideoWriter::write(const uint8_t* bgr)
{
    Impl& d = *impl_;
    if (d.finished)
        throw std::logic_error(d.path.string() + ": write() after finish()");
    d.fillFrame(bgr);
    d.frame->pts = d.written;
    d.encode(d.frame.get());
    ++d.written;
}

void VideoWriter::finish()
{
    Impl& d = *impl_;
    if (d.finished)
        return;
    d.finished = true; // even on failure: a second attempt would write a broken trailer
    d.encode(nullptr);
    d.check(av_write_trailer(d.format.get()), "cannot write the container trailer");
    if (d.format->pb && !(d.format->oformat->flags & AVFMT_NOFILE))
        d.check(avio_closep(&d.format->pb), "cannot close the file");
}

int64_t VideoWriter::framesWritten() const
{
    return impl_->written;
}

const char* VideoWriter::encoderName() const
{
    return impl_->encoder->name;
}

} // namespace mnad
