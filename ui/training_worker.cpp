#include "ui/training_worker.h"

#include "core/data/dataset_layout.h"
#include "core/io/disk_frame_provider.h"
#include "core/jobs/run_jobs.h"
#include "core/run/config_json.h"
#include "core/run/run_folder.h"
#include "core/run/run_results.h"
#include "core/train/trainer.h"

#include <QMetaObject>

#include <chrono>

#include <filesystem>
#include <stdexcept>
#include <utility>

namespace mnad::ui {

namespace {
QString fromPath(const std::filesystem::path& path)
{
    return QString::fromStdString(path.string());
}

// The dataset a run trains on. New run: the one asked for. Resuming: the one in its config.json, or, when that
// folder has moved, the one open in the GUI.
Dataset datasetFor(const QString& asked, const TrainConfig& config)
{
    if (!config.datasetPath.empty() && (asked.isEmpty() || std::filesystem::is_directory(config.datasetPath)))
        return discoverDataset(config.datasetPath);
    if (asked.isEmpty())
        throw std::runtime_error("the run's config.json names no dataset; open the dataset first");
    return discoverDataset(asked.toStdString());
}
} // namespace

// Turns the trainer's calls (on the worker thread) into signals; Qt queues them to the GUI's receivers.
class TrainingWorker::Observer : public TrainingObserver {
public:
    explicit Observer(TrainingWorker& worker) : m_worker(worker) {}
    void onStarted(const std::filesystem::path& runFolder, int64_t firstStep, int64_t totalSteps) override
    {
        emit m_worker.started(fromPath(runFolder), firstStep, totalSteps);
    }
    void onStep(const StepReport& report) override { m_worker.pushStep(report); }
    void onEpoch(const EpochReport& report) override { emit m_worker.epochFinished(report); }
    void onCheckpoint(const std::filesystem::path& file) override { emit m_worker.checkpointWritten(fromPath(file)); }
    void onLog(const std::string& message) override { emit m_worker.logLine(QString::fromStdString(message)); }

private:
    TrainingWorker& m_worker;
};

TrainingWorker::TrainingWorker(QObject* parent) : QObject(parent)
{
    qRegisterMetaType<mnad::EpochReport>();
    qRegisterMetaType<mnad::ui::TrainingOutcomeInfo>();
    qRegisterMetaType<mnad::ui::EvaluationOutcomeInfo>();
}

TrainingWorker::~TrainingWorker() = default;

void TrainingWorker::start(const TrainingJob& job)
{
    auto stop = std::make_shared<StopToken>();
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_stop = stop;
        ++m_jobs;
    }
    QMetaObject::invokeMethod(this, [this, job, stop] { runJob(job, stop); }, Qt::QueuedConnection);
}

void TrainingWorker::requestStop()
{
    std::lock_guard<std::mutex> lock(m_mutex);
    if (m_stop)
        m_stop->requestStop();
}

bool TrainingWorker::isBusy() const
{
    std::lock_guard<std::mutex> lock(m_mutex);
    return m_jobs > 0;
}

bool TrainingWorker::waitIdle(int timeoutMs)
{
    std::unique_lock<std::mutex> lock(m_mutex);
    return m_idle.wait_for(lock, std::chrono::milliseconds(timeoutMs), [this] { return m_jobs == 0; });
}

std::vector<StepReport> TrainingWorker::takeSteps()
{
    std::lock_guard<std::mutex> lock(m_mutex);
    m_stepsSignalled = false;
    return std::exchange(m_steps, {});
}

void TrainingWorker::pushStep(const StepReport& report)
{
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_steps.push_back(report);
        if (m_stepsSignalled) // the GUI has not collected the last batch yet: it will take this one with it
            return;
        m_stepsSignalled = true;
    }
    emit stepsAvailable();
}

void TrainingWorker::runJob(const TrainingJob& job, std::shared_ptr<StopToken> stop)
{
    try {
        Observer observer(*this);
        TrainingResult result;
        if (!job.resumeRun.isEmpty()) {
            const RunFolder run(job.resumeRun.toStdString());
            const TrainConfig config = readTrainConfig(run.config());
            if (std::filesystem::exists(run.metrics())) // before any step, so the GUI gets them in order
                emit historyLoaded(LossPlot::fromMetrics(readMetricsCsv(run.metrics())));
            const Dataset dataset = datasetFor(job.datasetRoot, config);
            auto frames = std::make_shared<DiskFrameProvider>(dataset.training, config.model.imageSize);
            result = resumeRun(run, frames, observer, *stop);
        } else {
            const Dataset dataset = discoverDataset(job.datasetRoot.toStdString());
            for (const auto& warning : dataset.warnings)
                emit logLine(tr("warning: %1").arg(QString::fromStdString(warning)));
            if (dataset.training.empty())
                throw std::runtime_error(dataset.root.string() + ": no training videos");
            TrainConfig config = job.config;
            config.datasetPath = dataset.root.string();
            config.datasetName = dataset.name;
            config.validate();
            auto frames = std::make_shared<DiskFrameProvider>(dataset.training, config.model.imageSize);
            const RunFolder run = RunFolder::create(job.runsFolder.toStdString(), dataset.name,
                                                    methodName(config.model.method), job.runName.toStdString());
            result = trainNewRun(config, frames, run, observer, *stop);
        }
        TrainingOutcomeInfo outcome;
        outcome.runRoot = fromPath(result.runFolder);
        outcome.finished = result.outcome == TrainingOutcome::Finished;
        outcome.steps = result.steps;
        outcome.seconds = result.seconds;
        outcome.samplesPerSecond = result.samplesPerSecond;
        outcome.checkpoint = fromPath(result.checkpoint);
        emit trainingEnded(outcome);
        if (outcome.finished && job.evaluateWhenFinished && !stop->stopRequested())
            evaluate(outcome.runRoot, *stop);
    } catch (const std::exception& e) {
        emit failed(QString::fromStdString(e.what()));
    }
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        --m_jobs;
    }
    m_idle.notify_all();
    emit jobEnded();
}

void TrainingWorker::evaluate(const QString& runRoot, const StopToken& stop)
{
    emit logLine(tr("evaluating %1 on its test split").arg(runRoot));
    RunJobRequest request;
    request.run = runRoot.toStdString();
    const RunEvaluation result = evaluateRun(
        request, [this](int64_t done, int64_t total) { emit evaluationProgress(done, total); }, &stop);
    EvaluationOutcomeInfo outcome;
    outcome.runRoot = runRoot;
    outcome.stopped = result.stopped;
    const EvaluationSummary& summary = result.evaluation.summary;
    outcome.hasAuc = summary.hasLabels && !result.stopped;
    outcome.microAuc = summary.microAuc;
    outcome.macroAuc = summary.macroAuc.value;
    outcome.equalErrorRate = summary.equalErrorRate;
    outcome.scoredFrames = summary.scoredFrames;
    for (const auto& warning : result.warnings)
        outcome.warnings << QString::fromStdString(warning);
    emit evaluationEnded(outcome);
}

} // namespace mnad::ui
