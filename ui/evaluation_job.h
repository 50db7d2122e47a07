#pragma once
// Evaluating a run from the GUI, on a worker thread with progress and cancel, so that the Inspector can open it:
// a trained run that has not been evaluated yet, or a checkpoint file imported as a new run (File → Import
// Checkpoint). The work is core's importCheckpoint + evaluateRun; this object only carries it off the GUI thread.

#include <QFutureWatcher>
#include <QObject>
#include <QString>

#include <memory>

namespace mnad {
class StopToken;
}

namespace mnad::ui {

struct EvaluationOutcome {
    QString runRoot; // set once the run folder exists, even when the evaluation failed or was cancelled
    QString error;
    bool cancelled = false;
};

class EvaluationJob : public QObject {
    Q_OBJECT
public:
    explicit EvaluationJob(QObject* parent = nullptr);
    ~EvaluationJob() override; // cancels a running job and waits for it

    // Imports `checkpoint` as a run under `runsRoot`, evaluated on `dataset`'s test split.
    void importAndEvaluate(const QString& checkpoint, const QString& dataset, const QString& runsRoot);
    // Evaluates a run folder's latest checkpoint on the dataset in its config.json.
    void evaluate(const QString& runRoot);
    void cancel();
    bool isRunning() const;

signals:
    void progress(qint64 videosDone, qint64 videos);
    void finished(const QString& runRoot); // evaluated (and imported)
    void failed(const QString& message, const QString& runRoot);
    void cancelled(const QString& runRoot);

private:
    // Runs the job on the pool; `importRequest` empty: evaluate `runRoot` as it is.
    void run(const QString& runRoot, const QString& checkpoint, const QString& dataset, const QString& runsRoot);

    QFutureWatcher<EvaluationOutcome>* m_watcher;
    std::shared_ptr<StopToken> m_stop;
};

} // namespace mnad::ui
