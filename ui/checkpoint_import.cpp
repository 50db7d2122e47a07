#include "ui/checkpoint_import.h"

#include "core/jobs/import_checkpoint.h"
#include "core/jobs/run_jobs.h"

#include <QMetaObject>
#include <QtConcurrent/QtConcurrentRun>

#include <exception>

namespace mnad::ui {

CheckpointImport::CheckpointImport(QObject* parent)
    : QObject(parent), m_watcher(new QFutureWatcher<ImportOutcome>(this))
{
    connect(m_watcher, &QFutureWatcher<ImportOutcome>::finished, this, [this] {
        const ImportOutcome outcome = m_watcher->result();
        if (outcome.cancelled)
            emit cancelled(outcome.runRoot);
        else if (!outcome.error.isEmpty())
            emit failed(outcome.error, outcome.runRoot);
        else
            emit finished(outcome.runRoot);
    });
}

CheckpointImport::~CheckpointImport()
{
    cancel();
    m_watcher->waitForFinished();
}

void CheckpointImport::start(const QString& checkpoint, const QString& dataset, const QString& runsRoot)
{
    if (isRunning())
        return;
    m_stop = std::make_shared<StopToken>();
    ImportRequest request;
    request.checkpoint = checkpoint.toStdString();
    request.data = dataset.toStdString();
    request.runsRoot = runsRoot.toStdString();
    auto stop = m_stop;
    m_watcher->setFuture(QtConcurrent::run([this, request, stop] {
        ImportOutcome outcome;
        try {
            const ImportedRun imported = importCheckpoint(request);
            outcome.runRoot = QString::fromStdString(imported.runRoot.string());
            RunJobRequest evaluation;
            evaluation.run = imported.runRoot;
            const auto result = evaluateRun(evaluation, [this](int64_t done, int64_t all) {
                QMetaObject::invokeMethod(this, [this, done, all] { emit progress(done, all); },
                                          Qt::QueuedConnection);
            }, stop.get());
            outcome.cancelled = result.stopped;
        } catch (const std::exception& e) {
            outcome.error = QString::fromStdString(e.what());
        }
        return outcome;
    }));
}

void CheckpointImport::cancel()
{
    if (m_stop)
        m_stop->requestStop();
}

bool CheckpointImport::isRunning() const
{
    return m_watcher->isRunning();
}

} // namespace mnad::ui
