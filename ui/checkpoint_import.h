#pragma once
// Importing a checkpoint file from the GUI (File → Import Checkpoint): makes its run folder and evaluates it on a
// worker thread, with progress and cancel, so that the Inspector can open it. The work is core's
// importCheckpoint + evaluateRun; this object only carries it off the GUI thread.

#include <QFutureWatcher>
#include <QObject>
#include <QString>

#include <memory>

namespace mnad {
class StopToken;
}

namespace mnad::ui {

struct ImportOutcome {
    QString runRoot; // set once the run folder exists, even when the evaluation failed or was cancelled
    QString error;
    bool cancelled = false;
};

class CheckpointImport : public QObject {
    Q_OBJECT
public:
    explicit CheckpointImport(QObject* parent = nullptr);
    ~CheckpointImport() override; // cancels a running job and waits for it

    // Imports `checkpoint` as a run under `runsRoot`, evaluated on `dataset`'s test split.
    void start(const QString& checkpoint, const QString& dataset, const QString& runsRoot);
    void cancel();
    bool isRunning() const;

signals:
    void progress(qint64 videosDone, qint64 videos);
    void finished(const QString& runRoot); // imported and evaluated
    void failed(const QString& message, const QString& runRoot);
    void cancelled(const QString& runRoot);

private:
    QFutureWatcher<ImportOutcome>* m_watcher;
    std::shared_ptr<StopToken> m_stop;
};

} // namespace mnad::ui
