#include "ui/training_page.h"

#include "core/run/config_json.h"
#include "core/run/run_results.h"
#include "ui/background.h"
#include "ui/loss_plot.h"
#include "ui/memory_panel.h"
#include "ui/preferences.h"
#include "ui/runs_folder.h"
#include "ui/training_form.h"
#include "ui/training_worker.h"

#include <QCheckBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSplitter>
#include <QTabWidget>
#include <QThread>
#include <QTime>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>
#include <filesystem>

namespace mnad::ui {

namespace {
QString formatDuration(double seconds)
{
    if (!(seconds >= 0) || seconds > 1e7)
        return QStringLiteral("\u2013");
    const qint64 s = std::llround(seconds);
    return s >= 3600 ? QStringLiteral("%1:%2:%3").arg(s / 3600).arg(s / 60 % 60, 2, 10, QLatin1Char('0')).arg(s % 60, 2, 10, QLatin1Char('0'))
                     : QStringLiteral("%1:%2").arg(s / 60).arg(s % 60, 2, 10, QLatin1Char('0'));
}
} // namespace

TrainingPage::TrainingPage(QWidget* parent)
    : QWidget(parent), m_form(new TrainingForm(this)), m_datasetLabel(new QLabel(this)),
      m_runsFolder(new QLineEdit(this)), m_runName(new QLineEdit(this)), m_evaluate(new QCheckBox(this)),
      m_start(new QPushButton(this)), m_stop(new QPushButton(this)), m_resume(new QPushButton(this)),
      m_openInspector(new QPushButton(this)), m_compare(new QPushButton(this)), m_progress(new QProgressBar(this)), m_status(new QLabel(this)),
      m_message(new QLabel(this)), m_auc(new QLabel(this)), m_tabs(new QTabWidget(this)),
      m_lossPlot(new LossPlot(this)), m_memoryPanel(new MemoryPanel(this)), m_log(new QPlainTextEdit(this)),
      m_thread(new QThread(this)), m_worker(new TrainingWorker)
{
    setObjectName(QStringLiteral("trainingPage"));
    auto* splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(createSettingsColumn());
    splitter->addWidget(createProgressColumn());
    splitter->setStretchFactor(1, 1);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(splitter);

    m_thread->setObjectName(QStringLiteral("trainingThread"));
    m_worker->moveToThread(m_thread);
    m_thread->start();
    connectWorker();
    restoreForm();
    setDataset({});
    updateButtons();
}

TrainingPage::~TrainingPage()
{
    requestStopAndWait();
    m_thread->quit();
    m_thread->wait();
    delete m_worker; // its thread has ended
}

void TrainingPage::connectWorker()
{
    connect(m_worker, &TrainingWorker::historyLoaded, m_lossPlot, &LossPlot::setSamples);
    connect(m_worker, &TrainingWorker::started, this, &TrainingPage::onStarted);
    connect(m_worker, &TrainingWorker::stepsAvailable, this, &TrainingPage::onStepsAvailable);
    connect(m_worker, &TrainingWorker::epochFinished, this, &TrainingPage::onEpoch);
    connect(m_worker, &TrainingWorker::logLine, this, &TrainingPage::appendLog);
    connect(m_worker, &TrainingWorker::checkpointWritten, this,
            [this](const QString& file) { appendLog(tr("checkpoint %1").arg(file)); });
    connect(m_worker, &TrainingWorker::trainingEnded, this, &TrainingPage::onTrainingEnded);
    connect(m_worker, &TrainingWorker::evaluationProgress, this, [this](qint64 done, qint64 total) {
        m_progress->setRange(0, static_cast<int>(total));
        m_progress->setValue(static_cast<int>(done));
        m_status->setText(tr("Evaluating: video %1 of %2").arg(done).arg(total));
    });
    connect(m_worker, &TrainingWorker::evaluationEnded, this, &TrainingPage::onEvaluationEnded);
    connect(m_worker, &TrainingWorker::failed, this, &TrainingPage::onFailed);
    connect(m_worker, &TrainingWorker::jobEnded, this, &TrainingPage::onJobEnded);
}

void TrainingPage::setDataset(const QString& root)
{
    m_datasetRoot = root;
    m_datasetLabel->setText(root.isEmpty() ? tr("none \u2014 open one on the Dataset page") : root);
    updateButtons();
}

bool TrainingPage::isTraining() const
{
    return m_busy || m_worker->isBusy();
}

bool TrainingPage::startTraining()
{
    if (isTraining())
        return false;
    if (m_datasetRoot.isEmpty()) {
        showMessage(tr("Open a dataset first (File \u2192 Open Dataset\u2026)."), true);
        return false;
    }
    try {
        m_form->config().validate();
    } catch (const std::exception& e) {
        showMessage(QString::fromStdString(e.what()), true);
        return false;
    }
    rememberForm();
    m_lossPlot->setSamples({});
    m_memoryPanel->clear();
    return dispatch({});
}

bool TrainingPage::resumeRun(const QString& runRoot)
{
    if (isTraining())
        return false;
    if (!QFileInfo::exists(runRoot + QStringLiteral("/config.json"))) {
        showMessage(tr("%1 is not a run folder (no config.json).").arg(runRoot), true);
        return false;
    }
    m_lossPlot->setSamples({}); // the worker sends the curves so far before it trains on
    m_memoryPanel->clear();
    return dispatch(runRoot);
}

bool TrainingPage::dispatch(const QString& resumeRoot)
{
    TrainingJob job;
    job.resumeRun = resumeRoot;
    job.datasetRoot = m_datasetRoot;
    job.runsFolder = effectiveRunsFolder();
    job.runName = m_runName->text().trimmed();
    job.config = m_form->config();
    job.evaluateWhenFinished = m_evaluate->isChecked();
    m_busy = true;
    m_stopping = false;
    m_evaluating = false;
    m_lastRunStopped = false;
    m_auc->clear();
    showMessage(resumeRoot.isEmpty() ? tr("Preparing the run\u2026") : tr("Resuming %1\u2026").arg(resumeRoot), false);
    m_progress->setRange(0, 0); // busy until the trainer reports its step count
    m_worker->start(job);
    updateButtons();
    emit trainingStateChanged(true);
    return true;
}

void TrainingPage::stopTraining()
{
    if (!isTraining())
        return;
    m_worker->requestStop();
    m_stopping = true;
    m_status->setText(tr("Stopping after this step\u2026"));
    m_stop->setEnabled(false);
}

bool TrainingPage::requestStopAndWait(int timeoutMs)
{
    if (!m_worker->isBusy())
        return true;
    m_worker->requestStop();
    // The thread keeps running (the window may stay open after a timeout); only the job has to end.
    const bool ended = m_worker->waitIdle(timeoutMs);
    if (ended) {
        m_busy = false;
        updateButtons();
    }
    return ended;
}

bool TrainingPage::confirmClose()
{
    if (!isTraining())
        return true;
    const auto answer = QMessageBox::question(
        this, tr("Training is running"),
        tr("Stop the training and close? A checkpoint is written first, and the run can be resumed later."),
        QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel);
    return answer == QMessageBox::Yes && requestStopAndWait();
}

void TrainingPage::onStarted(const QString& runRoot, qint64 firstStep, qint64 totalSteps)
{
    m_runRoot = runRoot;
    m_firstStep = firstStep;
    m_totalSteps = totalSteps;
    m_progress->setRange(0, static_cast<int>(totalSteps));
    m_progress->setValue(static_cast<int>(firstStep));
    m_status->setText(tr("Step %1 of %2").arg(firstStep).arg(totalSteps));
    showMessage(tr("Training %1").arg(runRoot), false);
    if (firstStep > 0) { // resumed: steps logged after the checkpoint are trained again, drop their old values
        QVector<LossSample> kept = m_lossPlot->samples();
        kept.erase(std::remove_if(kept.begin(), kept.end(), [firstStep](const LossSample& s) { return s.step > firstStep; }),
                   kept.end());
        if (kept.size() != m_lossPlot->sampleCount())
            m_lossPlot->setSamples(kept);
    }
    updateButtons();
}

void TrainingPage::onStepsAvailable()
{
    const std::vector<StepReport> steps = m_worker->takeSteps();
    if (steps.empty())
        return;
    QVector<LossSample> samples;
    samples.reserve(static_cast<int>(steps.size()));
    for (const StepReport& step : steps)
        samples.push_back(LossPlot::fromStep(step));
    m_lossPlot->appendSamples(samples);
    const StepReport& last = steps.back();
    m_progress->setRange(0, static_cast<int>(last.totalSteps));
    m_progress->setValue(static_cast<int>(last.step));
    if (m_stopping)
        return; // keep "Stopping…" up until the trainer has stopped
    m_status->setText(tr("Epoch %1/%2 \u00b7 step %3/%4 \u00b7 %5 samples/s \u00b7 elapsed %6 \u00b7 ETA %7 \u00b7 loss %8")
                          .arg(last.epoch + 1).arg(last.epochs).arg(last.step).arg(last.totalSteps)
                          .arg(last.samplesPerSecond, 0, 'f', 1).arg(formatDuration(last.elapsedSeconds),
                                                                      formatDuration(last.etaSeconds))
                          .arg(last.totalLoss, 0, 'g', 4));
}

void TrainingPage::onEpoch(const mnad::EpochReport& report)
{
    m_memoryPanel->setEpoch(report);
}

void TrainingPage::onTrainingEnded(const TrainingOutcomeInfo& outcome)
{
    onStepsAvailable(); // the last steps, if their signal is still queued behind this one
    m_stopping = false;
    m_runRoot = outcome.runRoot;
    m_lastRunStopped = !outcome.finished;
    const QString summary = tr("%1 after %2 steps in %3 (%4 samples/s).")
                                .arg(outcome.finished ? tr("Finished") : tr("Stopped"))
                                .arg(outcome.steps)
                                .arg(formatDuration(outcome.seconds))
                                .arg(outcome.samplesPerSecond, 0, 'f', 1);
    m_status->setText(summary);
    m_trainingSummary = summary;
    showMessage(outcome.finished ? tr("Checkpoint: %1").arg(outcome.checkpoint)
                                 : tr("Checkpoint kept: %1. Resume continues from there.").arg(outcome.checkpoint),
                false);
    appendLog(summary);
    m_evaluating = outcome.finished && m_evaluate->isChecked();
    if (m_evaluating) {
        m_progress->setRange(0, 0);
        m_status->setText(summary + QLatin1Char(' ') + tr("Evaluating\u2026"));
    }
    emit runUpdated(m_runRoot);
    updateButtons();
}

void TrainingPage::onEvaluationEnded(const EvaluationOutcomeInfo& outcome)
{
    m_evaluating = false;
    m_status->setText(m_trainingSummary);
    m_progress->setRange(0, static_cast<int>(m_totalSteps)); // back to the training's progress
    m_progress->setValue(static_cast<int>(m_totalSteps));
    for (const QString& warning : outcome.warnings)
        appendLog(tr("warning: %1").arg(warning));
    if (outcome.stopped)
        m_auc->setText(tr("Evaluation stopped."));
    else if (!outcome.hasAuc)
        m_auc->setText(tr("Evaluated %1 frames; no ground truth, so no AUC.").arg(outcome.scoredFrames));
    else
        m_auc->setText(tr("AUC %1 (micro, frame-level) \u00b7 macro %2 \u00b7 EER %3 \u00b7 %4 frames")
                           .arg(outcome.microAuc, 0, 'f', 4).arg(outcome.macroAuc, 0, 'f', 4)
                           .arg(outcome.equalErrorRate, 0, 'f', 4).arg(outcome.scoredFrames));
    appendLog(m_auc->text());
    emit runUpdated(outcome.runRoot);
}

void TrainingPage::onFailed(const QString& message)
{
    const QString text = m_evaluating ? tr("Evaluation failed: %1").arg(message) : tr("Training failed: %1").arg(message);
    showMessage(text, true);
    appendLog(text);
    m_evaluating = false;
}

void TrainingPage::onJobEnded()
{
    if (m_worker->isBusy())
        return; // another job was queued meanwhile
    m_busy = false;
    m_evaluating = false;
    if (m_progress->maximum() == 0)
        m_progress->setRange(0, 1);
    updateButtons();
    emit trainingStateChanged(false);
}

void TrainingPage::chooseRunsFolder()
{
    const QString folder = QFileDialog::getExistingDirectory(this, tr("Runs folder"), effectiveRunsFolder());
    if (folder.isEmpty())
        return;
    m_runsFolder->setText(folder);
    prefs::runsFolder.set(folder);
    emit runsFolderChanged(folder);
}

void TrainingPage::chooseRunToResume()
{
    if (!m_runRoot.isEmpty() && m_lastRunStopped) {
        resumeRun(m_runRoot);
        return;
    }
    const QString run = QFileDialog::getExistingDirectory(this, tr("Run to resume"), effectiveRunsFolder());
    if (!run.isEmpty())
        resumeRun(run);
}

void TrainingPage::toggleComparison()
{
    if (m_lossPlot->overlayCount() > 0) {
        m_lossPlot->clearOverlays();
        m_compare->setText(tr("Compare with Run…"));
        return;
    }
    const QString run = QFileDialog::getExistingDirectory(this, tr("Run to compare with"), effectiveRunsFolder());
    if (run.isEmpty())
        return;
    // metrics.csv has a row per step (200 k for a long run): read it off the GUI thread.
    const std::filesystem::path file = std::filesystem::path(run.toStdString()) / "metrics.csv";
    runInBackground(
        this,
        [file]() -> std::pair<QVector<LossSample>, QString> {
            try {
                return {LossPlot::fromMetrics(readMetricsCsv(file)), QString()};
            } catch (const std::exception& e) {
                return {{}, QString::fromStdString(e.what())};
            }
        },
        [this, name = QFileInfo(run).fileName()](const std::pair<QVector<LossSample>, QString>& loaded) {
            if (!loaded.second.isEmpty()) {
                showMessage(loaded.second, true);
                return;
            }
            m_lossPlot->setOverlays({LossSeries{name, loaded.first}}, LossCurve::Total);
            m_compare->setText(tr("Clear Comparison"));
        });
}

void TrainingPage::appendLog(const QString& line)
{
    m_log->appendPlainText(QTime::currentTime().toString(QStringLiteral("HH:mm:ss  ")) + line);
}

void TrainingPage::showMessage(const QString& text, bool error)
{
    m_message->setText(text);
    m_message->setStyleSheet(error ? QStringLiteral("color: #c03030;") : QString());
}

void TrainingPage::updateButtons()
{
    const bool busy = isTraining();
    m_start->setEnabled(!busy && !m_datasetRoot.isEmpty());
    m_stop->setEnabled(busy);
    m_resume->setEnabled(!busy);
    m_resume->setText(!m_runRoot.isEmpty() && m_lastRunStopped ? tr("Resume") : tr("Resume\u2026"));
    m_openInspector->setEnabled(!busy && !m_runRoot.isEmpty() && !m_lastRunStopped);
    m_form->setEnabled(!busy);
    m_runsFolder->setEnabled(!busy);
    m_runName->setEnabled(!busy);
}

void TrainingPage::restoreForm()
{
    const QString saved = prefs::lastTrainConfig.get();
    if (saved.isEmpty())
        return;
    try {
        m_form->setConfig(trainConfigFromJson(saved.toStdString(), "settings"));
    } catch (const std::exception&) {
        prefs::lastTrainConfig.clear(); // from an older version: start from the preset
    }
}

void TrainingPage::rememberForm()
{
    const TrainConfig config = m_form->config();
    prefs::lastTrainConfig.set(QString::fromStdString(trainConfigToJson(config, config.device)));
}

} // namespace mnad::ui
