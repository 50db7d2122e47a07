#pragma once
// Runs a training job (new run or resume, then optionally its evaluation) on the thread it lives on: a QObject moved
// to a QThread. The trainer's observer calls become queued signals; steps are batched so a fast trainer cannot flood
// the GUI's event queue. Stopping is thread-safe (a StopToken per job).

#include "core/train/train_config.h"
#include "core/train/training_observer.h"
#include "ui/loss_plot.h"

#include <QMetaType>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QVector>

#include <condition_variable>
#include <memory>
#include <mutex>
#include <vector>

namespace mnad::ui {

struct TrainingJob {
    QString datasetRoot;   // new run: the dataset; resume: used only when the run's own dataset folder is gone
    QString runsFolder;    // new run: where its folder goes
    QString runName;       // new run: suffix of the folder's name
    QString resumeRun;     // set: continue this run folder instead of starting one
    TrainConfig config;    // new run only
    bool evaluateWhenFinished = false;
};

struct TrainingOutcomeInfo {
    QString runRoot;
    bool finished = false; // false: stopped (resumable)
    qint64 steps = 0;
    double seconds = 0;
    double samplesPerSecond = 0;
    QString checkpoint;
};

struct EvaluationOutcomeInfo {
    QString runRoot;
    bool stopped = false;
    bool hasAuc = false;
    double microAuc = 0;
    double macroAuc = 0;
    double equalErrorRate = 0;
    qint64 scoredFrames = 0;
    QStringList warnings;
};

class TrainingWorker : public QObject {
    Q_OBJECT
public:
    explicit TrainingWorker(QObject* parent = nullptr);
    ~TrainingWorker() override;

    // Called from any thread: queues the job on the worker's thread with a fresh stop token.
    void start(const TrainingJob& job);
    // Thread-safe: asks the running job to stop at the next step (the trainer then writes a checkpoint).
    void requestStop();
    bool isBusy() const;
    // Any thread but the worker's: waits until no job is queued or running; false after `timeoutMs`.
    bool waitIdle(int timeoutMs);

    // GUI thread: the steps reported since the last call (after stepsAvailable()).
    std::vector<StepReport> takeSteps();

signals:
    void historyLoaded(const QVector<mnad::ui::LossSample>& samples); // a resumed run's curves so far
    void started(const QString& runRoot, qint64 firstStep, qint64 totalSteps);
    void stepsAvailable();
    void epochFinished(const mnad::EpochReport& report);
    void checkpointWritten(const QString& file);
    void logLine(const QString& message);
    void trainingEnded(const mnad::ui::TrainingOutcomeInfo& outcome);
    void evaluationProgress(qint64 done, qint64 total);
    void evaluationEnded(const mnad::ui::EvaluationOutcomeInfo& outcome);
    void failed(const QString& message);
    void jobEnded(); // after every job, whatever happened

private:
    class Observer;
    void runJob(const TrainingJob& job, std::shared_ptr<StopToken> stop);
    void evaluate(const QString& runRoot, const StopToken& stop);
    void pushStep(const StepReport& report);

    mutable std::mutex m_mutex;
    std::condition_variable m_idle;    // notified when m_jobs drops to 0
    std::shared_ptr<StopToken> m_stop; // the current job's
    std::vector<StepReport> m_steps;   // not yet taken by the GUI
    bool m_stepsSignalled = false;     // a stepsAvailable() is in flight
    int m_jobs = 0;                    // queued or running
};

} // namespace mnad::ui

Q_DECLARE_METATYPE(mnad::EpochReport)
Q_DECLARE_METATYPE(mnad::ui::TrainingOutcomeInfo)
Q_DECLARE_METATYPE(mnad::ui::EvaluationOutcomeInfo)
