#pragma once
// Computes the inspection maps of one test video (error heatmaps, memory attention, predicted frames) by running
// the run's model on a worker thread, with progress and cancel: the model pass takes seconds to minutes.

#include "core/jobs/run_jobs.h"

#include <QFutureWatcher>
#include <QObject>
#include <QString>

#include <memory>
#include <vector>
#include <optional>

namespace mnad::ui {

struct InspectionResult {
    int video = -1;
    std::shared_ptr<const mnad::VideoMaps> maps; // null when stopped or failed
    float errorHigh = 1;               // top of the error colour scale (see errorScaleTop)
    std::vector<float> attentionMeans; // frames × items: mean attention weight over the query locations
    QString error;
    bool stopped = false;
};

// A high quantile (99 %) of the scored frames' errors: a colour scale that stays put from frame to frame and is
// not flattened by a few extreme pixels.
float errorScaleTop(const mnad::VideoMaps& maps);
std::vector<float> attentionMeans(const mnad::VideoMaps& maps);

class InspectionLoader : public QObject {
    Q_OBJECT
public:
    explicit InspectionLoader(QObject* parent = nullptr);
    ~InspectionLoader() override; // asks a running job to stop and waits for it

    // Starts computing `video`'s maps with the settings of `request` (those the scores were computed with: run,
    // checkpoint, memory policy, alpha, threshold); a running job is stopped first (its result is dropped)
    // without waiting for it here.
    void start(const mnad::RunJobRequest& request, int video);
    void cancel();
    bool isRunning() const;
    int video() const { return m_video; }

signals:
    void progress(qint64 done, qint64 total); // frames
    void finished(const mnad::ui::InspectionResult& result);

private:
    struct Job {
        mnad::RunJobRequest request;
        int video = -1;
    };
    void launch(const Job& job);

    QFutureWatcher<InspectionResult>* m_watcher;
    std::optional<Job> m_pending; // asked for while a stopped job winds down
    std::shared_ptr<mnad::StopToken> m_stop;
    int m_video = -1;
};

} // namespace mnad::ui
