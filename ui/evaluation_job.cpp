#include "ui/evaluation_job.h"

#include "core/jobs/import_checkpoint.h"
#include "core/jobs/run_jobs.h"

#include <QMetaObject>
#include <QtConcurrent/QtConcurrentRun>

#include <exception>

namespace mnad::ui {

EvaluationJob::EvaluationJob(QObject* parent)
    : QObject(parent), m_watcher(new QFutureWatcher<EvaluationOutcome>(this))
{
    connect(m_watcher, &QFutureWatcher<EvaluationOutcome>::finished, this, [this] {
        const EvaluationOutcome outcome = m_watcher->result();
        if (outcome.cancelled)
            emit cancelled(outcome.runRoot);
        else if (!outcome.error.isEmpty())
            emit failed(outcome.error, outcome.runRoot);
        else
            emit finished(outcome.runRoot);
    });
}

EvaluationJob::~EvaluationJob()
{
    cancel();
    m_watcher->waitForFinished();
}

void EvaluationJob::importAndEvaluate(const QString& checkpoint, const QString& dataset, const QString& runsRoot)
{
    run(QString(), checkpoint, dataset, runsRoot);
}

void EvaluationJob::evaluate(const QString& runRoot)
{
    run(runRoot, QString(), QString(), QString());
}

void EvaluationJob::run(const QString& runRoot, const QString& checkpoint, const QString& dataset,
                        const QString& runsRoot)
{
    if (isRunning())
        return;
    m_stop = std::make_shared<StopToken>();
    ImportRequest import;
    import.checkpoint = checkpoint.toStdString();
    import.data = dataset.toStdString();
    import.runsRoot = runsRoot.toStdString();
    auto stop = m_stop;
    m_watcher->setFuture(QtConcurrent::run([this, runRoot, import, stop] {
        EvaluationOutcome outcome;
        outcome.runRoot = runRoot;
        try {
            if (!import.checkpoint.empty())
                outcome.runRoot = QString::fromStdString(importCheckpoint(import).runRoot.string());
            RunJobRequest evaluation;
            evaluation.run = outcome.runRoot.toStdString();
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

void EvaluationJob::cancel()
{
    if (m_stop)
        m_stop->requestStop();
}

bool EvaluationJob::isRunning() const
{
    return m_watcher->isRunning();
}

} // namespace mnad::ui
