#pragma once
// Exports of a test video: the annotated MP4 (each frame with the error heatmap over it and the score strip under
// it: score curve, ground truth shaded, threshold, cursor), encoded with FFmpeg (H.264 when the encoder exists,
// else MPEG-4) on a worker thread with progress and cancel; and its per-frame scores as CSV.

#include "core/data/dataset_layout.h"
#include "core/eval/evaluation.h"
#include "core/jobs/run_jobs.h"

#include <QFutureWatcher>
#include <QObject>
#include <QString>

#include <atomic>
#include <memory>
#include <vector>

namespace mnad::ui {

// One row per frame: video, frame, scored, normality, causal_normality, anomaly (the score shown), psnr,
// feature_distance, label, over_threshold. Written atomically; false and `error` set when it cannot be.
bool writeScoresCsv(const mnad::VideoEvaluation& video, const std::vector<double>& anomaly, double threshold,
                    const QString& file, QString* error = nullptr);

struct VideoExportRequest {
    mnad::VideoEntry video;
    QString file;                  // .mp4
    double fps = 25;
    std::vector<double> anomaly;   // per frame, high = abnormal
    std::vector<bool> scored;
    std::vector<int> labels;       // empty = none
    double threshold = 0.5;
    std::shared_ptr<const mnad::VideoMaps> maps; // null: no heatmap overlay
    float errorHigh = 0;           // top of the heatmap's colour scale (0: the video's largest error)
    double opacity = 0.5;
    QString title;                 // drawn in the corner, e.g. "run · video 03"
};

struct VideoExportResult {
    QString file;
    qint64 frames = 0;
    QString encoder; // FFmpeg's encoder name
    QString error;
    bool cancelled = false;
};

class VideoExporter : public QObject {
    Q_OBJECT
public:
    explicit VideoExporter(QObject* parent = nullptr);
    ~VideoExporter() override; // cancels and waits

    // False when an export is already running.
    bool start(VideoExportRequest request);
    void cancel();
    bool isRunning() const;

signals:
    void progress(int done, int total);
    void finished(const mnad::ui::VideoExportResult& result);

private:
    VideoExportResult run(const VideoExportRequest& request);

    QFutureWatcher<VideoExportResult>* m_watcher;
    std::atomic<bool> m_cancel{false};
};

} // namespace mnad::ui
