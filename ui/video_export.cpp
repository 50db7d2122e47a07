#include "ui/video_export.h"

#include "core/io/source_frames.h"
#include "core/io/video_writer.h"
#include "ui/colour_maps.h"
#include "ui/score_segments.h"

#include <QFile>
#include <QSaveFile>
#include <QTextStream>
#include <QPainter>
#include <QPainterPath>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <cstring>

namespace mnad::ui {

namespace {
// The strip without its cursor: drawn once, copied under every frame.
QImage stripBackground(const VideoExportRequest& r, int width, int height)
{
    QImage strip(width, height, QImage::Format_RGB888);
    strip.fill(QColor(250, 250, 250));
    QPainter painter(&strip);
    const int frames = static_cast<int>(r.anomaly.size());
    const double dx = frames > 1 ? double(width - 1) / (frames - 1) : 0;
    auto y = [&](double score) { return (height - 4) - std::clamp(score, 0.0, 1.0) * (height - 8); };
    for (const FrameSegment& s : labelledSegments(r.labels))
        painter.fillRect(QRectF(s.first * dx - dx / 2, 0, s.length() * dx, height), QColor(0xd6, 0x27, 0x28, 50));
    for (const FrameSegment& s : segmentsAbove(r.anomaly, r.scored, r.threshold))
        painter.fillRect(QRectF(s.first * dx - dx / 2, height - 4, s.length() * dx, 4), QColor(0xd6, 0x27, 0x28));
    painter.setRenderHint(QPainter::Antialiasing);
    QPainterPath path;
    bool drawing = false;
    for (int f = 0; f < frames; ++f) {
        const bool scored = r.scored.empty() || r.scored[static_cast<size_t>(f)];
        if (!scored) {
            drawing = false;
            continue;
        }
        const QPointF point(f * dx, y(r.anomaly[static_cast<size_t>(f)]));
        drawing ? path.lineTo(point) : path.moveTo(point);
        drawing = true;
    }
    painter.setPen(QPen(QColor(0x1f, 0x77, 0xb4), 1.5));
    painter.drawPath(path);
    painter.setPen(QPen(QColor(0xd6, 0x27, 0x28), 1, Qt::DashLine));
    painter.drawLine(QPointF(0, y(r.threshold)), QPointF(width, y(r.threshold)));
    return strip;
}

float largestError(const mnad::VideoMaps& maps)
{
    const auto it = std::max_element(maps.errors.begin(), maps.errors.end());
    return it == maps.errors.end() ? 1.0f : std::max(*it, 1e-6f);
}

void copyToBgr(const QImage& image, std::vector<uint8_t>& bgr)
{
    const QImage converted = image.convertToFormat(QImage::Format_BGR888);
    const size_t row = static_cast<size_t>(converted.width()) * 3;
    bgr.resize(row * converted.height());
    for (int y = 0; y < converted.height(); ++y) // QImage pads rows to 4 bytes; the encoder wants them packed
        std::memcpy(bgr.data() + row * y, converted.constScanLine(y), row);
}
} // namespace

bool writeScoresCsv(const mnad::VideoEvaluation& video, const std::vector<double>& anomaly, double threshold,
                    const QString& file, QString* error)
{
    QSaveFile out(file);
    if (!out.open(QIODevice::WriteOnly | QIODevice::Text)) {
        if (error)
            *error = QObject::tr("Cannot write %1: %2").arg(file, out.errorString());
        return false;
    }
    QTextStream text(&out);
    text << "video,frame,scored,normality,causal_normality,anomaly,psnr,feature_distance,label,over_threshold\n";
    const QString name = QString::fromStdString(video.name);
    for (size_t f = 0; f < video.frames.size(); ++f) {
        const auto& r = video.frames[f];
        const double score = f < anomaly.size() ? anomaly[f] : 0.0;
        text << name << ',' << f << ',' << int(r.scored) << ',' << QString::number(r.normality, 'g', 9) << ','
             << QString::number(r.causalNormality, 'g', 9) << ',' << QString::number(score, 'g', 9) << ','
             << QString::number(r.psnr, 'g', 9) << ',' << QString::number(r.featureDistance, 'g', 9) << ','
             << r.label << ',' << int(r.scored && score > threshold) << '\n';
    }
    text.flush();
    if (!out.commit()) {
        if (error)
            *error = QObject::tr("Cannot write %1: %2").arg(file, out.errorString());
        return false;
    }
    return true;
}

VideoExporter::VideoExporter(QObject* parent) : QObject(parent), m_watcher(new QFutureWatcher<VideoExportResult>(this))
{
    connect(m_watcher, &QFutureWatcher<VideoExportResult>::finished, this,
            [this] { emit finished(m_watcher->result()); });
}

VideoExporter::~VideoExporter()
{
    cancel();
    m_watcher->waitForFinished();
}

bool VideoExporter::start(VideoExportRequest request)
{
    if (m_watcher->isRunning())
        return false;
    m_cancel = false;
    m_watcher->setFuture(QtConcurrent::run([this, request = std::move(request)] { return run(request); }));
    return true;
}

void VideoExporter::cancel()
{
    m_cancel = true;
}

bool VideoExporter::isRunning() const
{
    return m_watcher->isRunning();
}

VideoExportResult VideoExporter::run(const VideoExportRequest& r)
{
    VideoExportResult result;
    result.file = r.file;
    try {
        mnad::SourceFrames source(r.video);
        const int frames = static_cast<int>(source.frameCount());
        // yuv420p needs even sizes; small sources are scaled up so the strip and its text stay legible.
        const double scale = source.width() < 480 ? 480.0 / source.width() : 1.0;
        const int width = static_cast<int>(source.width() * scale) & ~1;
        const int frameHeight = static_cast<int>(source.height() * scale) & ~1;
        const int stripHeight = std::max(64, frameHeight / 4) & ~1;
        const QImage strip = stripBackground(r, width, stripHeight);
        const float errorHigh = r.maps ? (r.errorHigh > 0 ? r.errorHigh : largestError(*r.maps)) : 1.0f;
        mnad::VideoWriter writer(r.file.toStdString(), width, frameHeight + stripHeight, r.fps > 0 ? r.fps : 25,
                                 mnad::VideoCodecChoice::H264OrMpeg4);
        result.encoder = QString::fromLatin1(writer.encoderName());
        std::vector<uint8_t> bgr;
        QImage canvas(width, frameHeight + stripHeight, QImage::Format_RGB888);
        for (int f = 0; f < frames; ++f) {
            if (m_cancel) {
                result.cancelled = true;
                break;
            }
            int w = 0, h = 0;
            source.readFrame(f, bgr, w, h);
            QPainter painter(&canvas);
            painter.setRenderHint(QPainter::SmoothPixmapTransform);
            const QRectF frameRect(0, 0, width, frameHeight);
            painter.drawImage(frameRect, imageFromBgr(bgr.data(), w, h));
            if (r.maps && f < r.maps->frames && r.maps->scored[static_cast<size_t>(f)]) {
                painter.setOpacity(r.opacity);
                painter.drawImage(frameRect, heatmapImage(r.maps->errorMap(f), r.maps->size, r.maps->size, 0,
                                                          errorHigh));
                painter.setOpacity(1.0);
            }
            painter.drawImage(QPointF(0, frameHeight), strip);
            const int stripFrames = static_cast<int>(r.anomaly.size()); // the strip's x axis
            const double x = stripFrames > 1 ? std::min(f, stripFrames - 1) * double(width - 1) / (stripFrames - 1) : 0;
            painter.setPen(QPen(QColor(0xff, 0x7f, 0x0e), 2));
            painter.drawLine(QPointF(x, frameHeight), QPointF(x, frameHeight + stripHeight));
            // The file may hold more frames than the evaluation scored (the Inspector warns about it).
            const bool scored = r.scored.empty() ||
                                (static_cast<size_t>(f) < r.scored.size() && r.scored[static_cast<size_t>(f)]);
            const QString caption = r.title + QStringLiteral("  #%1").arg(f) +
                                    (scored && f < static_cast<int>(r.anomaly.size())
                                         ? QStringLiteral("  %1").arg(r.anomaly[static_cast<size_t>(f)], 0, 'f', 3)
                                         : QString());
            painter.fillRect(QRectF(0, 0, painter.fontMetrics().horizontalAdvance(caption) + 12,
                                    painter.fontMetrics().height() + 6), QColor(0, 0, 0, 160));
            painter.setPen(Qt::white);
            painter.drawText(QPointF(6, 3 + painter.fontMetrics().ascent()), caption);
            painter.end();
            copyToBgr(canvas, bgr);
            writer.write(bgr.data());
            emit progress(f + 1, frames);
        }
        writer.finish();
        result.frames = writer.framesWritten();
    } catch (const std::exception& e) {
        result.error = QString::fromStdString(e.what());
    }
    if (result.cancelled || !result.error.isEmpty())
        QFile::remove(r.file); // no half-written video left behind
    return result;
}

} // namespace mnad::ui
