#include "ui/inspector_page.h"

#include "core/eval/roc_metrics.h"
#include "core/jobs/run_jobs.h"
#include "core/run/run_results.h"
#include "ui/colour_maps.h"
#include "ui/frame_cache.h"
#include "ui/frame_view.h"
#include "ui/inspection_loader.h"
#include "ui/memory_usage_view.h"
#include "ui/playback_controller.h"
#include "ui/preferences.h"
#include "ui/score_strip.h"
#include "ui/video_export.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QMenu>
#include <QProgressBar>
#include <QSaveFile>
#include <QSlider>
#include <QSplitter>
#include <QTabWidget>
#include <QTextStream>
#include <QToolButton>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <map>
#include <optional>
#include <utility>

namespace mnad::ui {

struct RunReading {
    QString root, name, error, datasetProblem;
    std::shared_ptr<const mnad::Evaluation> evaluation;
    std::vector<mnad::VideoEntry> sources; // per evaluation video
};

namespace {
RunReading readRun(const QString& root)
{
    RunReading reading;
    reading.root = root;
    mnad::RunInfo info;
    try {
        info = mnad::readRunInfo(root.toStdString());
        reading.name = QString::fromStdString(info.name);
        reading.evaluation = std::make_shared<mnad::Evaluation>(mnad::readEvaluation(root.toStdString()));
    } catch (const std::exception& e) {
        reading.error = QString::fromStdString(e.what());
        return reading;
    }
    reading.sources.resize(reading.evaluation->videos.size());
    if (info.config.datasetPath.empty()) {
        reading.datasetProblem = QObject::tr("The run names no dataset folder, so there are no frames to show.");
        return reading;
    }
    try {
        const mnad::Dataset dataset = mnad::discoverDataset(info.config.datasetPath);
        std::map<std::string, mnad::VideoEntry> byName;
        for (const auto& video : dataset.testing.videos)
            byName[video.name] = video;
        for (size_t v = 0; v < reading.sources.size(); ++v) {
            const auto it = byName.find(reading.evaluation->videos[v].name);
            if (it != byName.end())
                reading.sources[v] = it->second;
        }
    } catch (const std::exception& e) {
        reading.datasetProblem = QString::fromStdString(e.what());
    }
    return reading;
}

// The AUC of one video's frames (scored, labelled); none when a class is missing.
std::optional<double> videoAuc(const mnad::VideoEvaluation& video, bool causal)
{
    std::vector<double> scores;
    std::vector<uint8_t> labels;
    for (const auto& frame : video.frames)
        if (frame.scored && (frame.label == 0 || frame.label == 1)) {
            scores.push_back(1.0 - (causal ? frame.causalNormality : frame.normality));
            labels.push_back(static_cast<uint8_t>(frame.label));
        }
    try {
        return mnad::rocAuc(scores, labels);
    } catch (const std::invalid_argument&) {
        return std::nullopt;
    }
}

QString aucText(std::optional<double> auc)
{
    return auc ? QString::number(*auc, 'f', 3) : QStringLiteral("\u2013");
}

} // namespace

InspectorPage::InspectorPage(QWidget* parent)
    : QWidget(parent), m_view(new FrameView(this)), m_strip(new ScoreStrip(this)), m_memory(new MemoryUsageView(this)),
      m_playback(new PlaybackController(this)), m_cache(new FrameCache(this)), m_loader(new InspectionLoader(this)),
      m_exporter(new VideoExporter(this)), m_runWatcher(new QFutureWatcher<RunReading>(this))
{
    setObjectName(QStringLiteral("inspectorPage"));
    m_view->setFocusPolicy(Qt::StrongFocus);
    m_view->setMessage(tr("Open an evaluated run (a run folder with scores.csv and report.json) to inspect its "
                          "test videos."));
    m_view->setArrangement(prefs::inspectorSideBySide.get() ? FrameView::Arrangement::SideBySide
                                                            : FrameView::Arrangement::Overlay);
    m_view->setLayers(prefs::inspectorLayers.get());
    m_view->setOpacity(prefs::inspectorOpacity.get());
    createExportActions();

    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("inspectorTabs"));
    m_tabs->addTab(createScoresTab(), tr("Scores"));
    m_tabs->addTab(m_memory, tr("Memory"));
    auto* top = new QWidget(this);
    auto* topLayout = new QVBoxLayout(top);
    topLayout->setContentsMargins(0, 0, 0, 0);
    topLayout->addWidget(m_view, 1);
    topLayout->addWidget(createTransport());
    m_splitter = new QSplitter(Qt::Vertical, this);
    m_splitter->addWidget(top);
    m_splitter->addWidget(m_tabs);
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 2);
    m_splitter->restoreState(prefs::inspectorSplitter.get());

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(createToolbar());
    layout->addWidget(m_splitter, 1);
    m_playback->attachShortcuts(this);
    connectParts();
    connect(m_runWatcher, &QFutureWatcher<RunReading>::finished, this, [this] {
        if (!m_pendingRun.isEmpty()) { // a newer run was asked for meanwhile
            startReading(std::exchange(m_pendingRun, QString()));
            return;
        }
        showRun(m_runWatcher->result());
    });
    m_strip->setThreshold(prefs::inspectorThreshold.get());
}

InspectorPage::~InspectorPage()
{
    saveViewSettings();
    m_runWatcher->waitForFinished();
}

void InspectorPage::openRun(const QString& runRoot)
{
    m_title->setText(tr("Reading %1\u2026").arg(runRoot));
    if (m_runWatcher->isRunning()) {
        m_pendingRun = runRoot;
        return;
    }
    startReading(runRoot);
}

void InspectorPage::startReading(const QString& runRoot)
{
    m_runWatcher->setFuture(QtConcurrent::run(readRun, runRoot));
}

void InspectorPage::chooseRun()
{
    const QString folder = QFileDialog::getExistingDirectory(this, tr("Open Run"), m_runRoot.isEmpty()
                                                                                    ? prefs::runsFolder.get()
                                                                                    : m_runRoot);
    if (!folder.isEmpty())
        openRun(folder);
}

void InspectorPage::showRun(const RunReading& run)
{
    if (!run.error.isEmpty()) {
        m_title->setText(tr("Cannot open the run"));
        m_view->setMessage(run.error);
        emit runFailed(run.error);
        return;
    }
    m_loader->cancel();
    m_runRoot = run.root;
    m_evaluation = run.evaluation;
    m_sources = run.sources;
    m_datasetProblem = run.datasetProblem;
    m_title->setText(tr("<b>%1</b> \u00b7 %2 videos").arg(run.name.toHtmlEscaped()).arg(m_evaluation->videos.size()));
    m_title->setToolTip(m_runRoot);
    m_videoCombo->clear();
    for (const auto& video : m_evaluation->videos)
        m_videoCombo->addItem(tr("%1 (AUC %2)").arg(QString::fromStdString(video.name), aucText(videoAuc(video, false))));
    m_video = -1;
    emit runOpened(m_runRoot);
    if (!m_evaluation->videos.empty())
        showVideo(0);
}

int InspectorPage::videoCount() const
{
    return m_evaluation ? static_cast<int>(m_evaluation->videos.size()) : 0;
}

int InspectorPage::currentFrame() const
{
    return m_playback->currentFrame();
}

void InspectorPage::showVideo(int video)
{
    if (!m_evaluation || video < 0 || video >= videoCount())
        return;
    m_video = video;
    m_videoCombo->setCurrentIndex(video);
    m_maps.reset();
    m_view->clearMaps();
    m_memory->setAttentionMeans({}, 0);
    const auto& scores = m_evaluation->videos[static_cast<size_t>(video)];
    const auto& source = m_sources[static_cast<size_t>(video)];
    if (!source.path.empty()) {
        m_view->setMessage(QString());
        m_cache->open(source);
    } else {
        m_cache->close();
        m_view->setMessage(m_datasetProblem.isEmpty()
                               ? tr("Video %1 is not in the run's dataset.").arg(QString::fromStdString(scores.name))
                               : m_datasetProblem);
    }
    m_playback->setVideo(static_cast<int>(scores.frames.size()), 0);
    std::vector<std::vector<int32_t>> usage;
    for (const auto& frame : scores.frames)
        usage.push_back(frame.itemUsage);
    m_memory->setUsage(usage);
    updateAttentionChoices();
    updateSeries();
    updateAucLabel();
    showFrame(0);
    m_view->setFocus();
    emit videoShown(video);
    if (!source.path.empty())
        computeMaps(); // the heatmaps are what the page is for; the job runs on a worker and can be cancelled
}

void InspectorPage::seek(int frame)
{
    m_playback->seek(frame);
}

void InspectorPage::showFrame(int frame)
{
    m_view->setFrame(frame, m_cache->frame(frame));
    updateMaps(frame);
    m_strip->setCursorFrame(frame);
    m_memory->setCursorFrame(frame);
    const double fps = m_playback->fps();
    QString text = tr("frame %1 / %2 \u00b7 %3 s").arg(frame).arg(m_playback->frameCount() - 1).arg(frame / fps, 0, 'f', 2);
    if (m_playback->speed() != 1.0)
        text += tr(" \u00b7 speed \u00d7%1").arg(m_playback->speed());
    if (m_evaluation && m_video >= 0 && frame < static_cast<int>(m_evaluation->videos[m_video].frames.size())) {
        const auto& record = m_evaluation->videos[m_video].frames[static_cast<size_t>(frame)];
        if (record.scored)
            text += tr(" \u00b7 anomaly %1 \u00b7 PSNR %2 dB")
                        .arg(1.0 - (m_scoreCombo->currentIndex() == 1 ? record.causalNormality : record.normality),
                             0, 'f', 3)
                        .arg(record.psnr, 0, 'f', 2);
        if (record.label == 1)
            text += tr(" \u00b7 labelled abnormal");
    }
    m_frameLabel->setText(text);
}

void InspectorPage::updateMaps(int frame)
{
    const auto* maps = m_maps.get();
    if (!maps || frame < 0 || frame >= maps->frames || !maps->scored[static_cast<size_t>(frame)]) {
        m_view->clearMaps();
        return;
    }
    // Only the layers on show are coloured: this runs on every seek.
    const int layers = m_view->layers();
    m_view->setPrediction((layers & FrameView::Prediction)
                              ? imageFromBgr(maps->prediction(frame), maps->size, maps->size) : QImage());
    m_view->setErrorMap((layers & FrameView::Error)
                            ? heatmapImage(maps->errorMap(frame), maps->size, maps->size, 0, m_errorHigh) : QImage(),
                        0, m_errorHigh);
    const int item = m_attentionCombo->currentIndex() - 1; // entry 0: the most attended item
    if (!(layers & FrameView::Attention))
        m_view->setAttentionMap(QImage(), QString(), 1);
    else if (item < 0)
        m_view->setAttentionMap(categoricalImage(maps->top1Map(frame), maps->querySize, maps->querySize),
                                tr("Most attended item"), 1, maps->items);
    else
        m_view->setAttentionMap(heatmapImage(maps->attentionMap(frame, item), maps->querySize, maps->querySize, 0, 1),
                                tr("Weight of item %1").arg(item), 1);
}

std::vector<double> InspectorPage::anomalyScores(int video) const
{
    std::vector<double> scores;
    const bool causal = m_scoreCombo->currentIndex() == 1;
    for (const auto& frame : m_evaluation->videos[static_cast<size_t>(video)].frames)
        scores.push_back(1.0 - (causal ? frame.causalNormality : frame.normality));
    return scores;
}

void InspectorPage::updateSeries()
{
    if (!m_evaluation || m_video < 0)
        return;
    ScoreSeries series;
    series.anomaly = anomalyScores(m_video);
    for (const auto& frame : m_evaluation->videos[static_cast<size_t>(m_video)].frames) {
        series.scored.push_back(frame.scored);
        series.psnr.push_back(frame.psnr);
        series.featureDistance.push_back(frame.featureDistance);
        series.labels.push_back(frame.label);
    }
    m_strip->setSeries(series);
    updateSegmentList();
}

void InspectorPage::updateSegmentList()
{
    m_segmentList->clear();
    const auto& segments = m_strip->segments();
    m_playback->setSegments(segments);
    if (!m_evaluation || m_video < 0)
        return;
    const auto scores = anomalyScores(m_video);
    for (const FrameSegment& s : segments) {
        const double peak = *std::max_element(scores.begin() + s.first, scores.begin() + s.last + 1);
        auto* item = new QListWidgetItem(
            s.length() == 1 ? tr("frame %1 (peak %2)").arg(s.first).arg(peak, 0, 'f', 3)
                            : tr("frames %1\u2013%2 (%3 frames, peak %4)")
                                  .arg(s.first).arg(s.last).arg(s.length()).arg(peak, 0, 'f', 3));
        item->setData(Qt::UserRole, s.first);
        m_segmentList->addItem(item);
    }
    prefs::inspectorThreshold.set(m_strip->threshold());
}

void InspectorPage::updateAucLabel()
{
    if (!m_evaluation || m_video < 0)
        return;
    const bool causal = m_scoreCombo->currentIndex() == 1;
    const auto& summary = m_evaluation->summary;
    if (!summary.hasLabels) {
        m_aucLabel->setText(tr("no ground truth: no AUC"));
        return;
    }
    QString text = tr("AUC this video %1 \u00b7 all frames %2")
                       .arg(aucText(videoAuc(m_evaluation->videos[static_cast<size_t>(m_video)], causal)),
                            aucText(causal ? summary.causalMicroAuc : summary.microAuc));
    if (!causal && summary.macroAuc.videosUsed > 0)
        text += tr(" \u00b7 mean of videos %1").arg(aucText(summary.macroAuc.value));
    m_aucLabel->setText(text);
    m_aucLabel->setToolTip(text);
}

void InspectorPage::updateAttentionChoices()
{
    const int items = m_maps ? m_maps->items : m_memory->items();
    const int chosen = m_attentionCombo->currentIndex();
    QSignalBlocker block(m_attentionCombo);
    while (m_attentionCombo->count() > 1)
        m_attentionCombo->removeItem(1);
    for (int item = 0; item < items; ++item)
        m_attentionCombo->addItem(tr("Weight of item %1").arg(item));
    m_attentionCombo->setCurrentIndex(chosen < m_attentionCombo->count() ? std::max(0, chosen) : 0);
}

void InspectorPage::computeMaps()
{
    if (m_runRoot.isEmpty() || m_video < 0 || !m_evaluation)
        return;
    mnad::RunJobRequest request; // the settings the scores on screen were computed with
    request.run = m_runRoot.toStdString();
    if (QFileInfo::exists(QString::fromStdString(m_evaluation->checkpoint))) // else: the run's latest
        request.checkpoint = m_evaluation->checkpoint;
    request.memoryPolicy = m_evaluation->memoryPolicy;
    request.alpha = m_evaluation->alpha;
    request.threshold = m_evaluation->threshold;
    m_loader->start(request, m_video);
    m_jobProgress->setRange(0, 0);
    m_jobProgress->setFormat(tr("maps %p%"));
    m_jobProgress->setVisible(true);
    m_cancelButton->setVisible(true);
    m_status->setText(tr("Computing the maps\u2026"));
}

void InspectorPage::onMapsFinished(const InspectionResult& result)
{
    m_jobProgress->setVisible(m_exporter->isRunning());
    m_cancelButton->setVisible(m_exporter->isRunning());
    if (!result.error.isEmpty()) {
        m_status->setText(tr("No maps: %1").arg(result.error));
        return;
    }
    if (result.stopped || result.video != m_video || !result.maps) {
        m_status->setText(tr("Maps cancelled"));
        return;
    }
    m_maps = result.maps;
    m_errorHigh = result.errorHigh;
    m_memory->setAttentionMeans(result.attentionMeans, m_maps->items);
    m_memory->setSimilarity(std::vector<double>(m_maps->itemSimilarity.begin(), m_maps->itemSimilarity.end()),
                            m_maps->items);
    m_status->clear();
    updateAttentionChoices();
    updateMaps(currentFrame());
    emit mapsReady(m_video);
}

bool InspectorPage::exportScoresCsv(const QString& file, QString* error) const
{
    if (!m_evaluation || m_video < 0)
        return false;
    const auto& video = m_evaluation->videos[static_cast<size_t>(m_video)];
    return writeScoresCsv(video, anomalyScores(m_video), m_strip->threshold(), file, error);
}

bool InspectorPage::exportPlotPng(QCustomPlot* plot, const QString& file) const
{
    // Twice the screen resolution: sharp in papers and slides.
    return plot->savePng(file, plot->width(), plot->height(), 2.0);
}

bool InspectorPage::exportVideo(const QString& file)
{
    if (!m_evaluation || m_video < 0 || m_sources[static_cast<size_t>(m_video)].path.empty())
        return false;
    VideoExportRequest request;
    request.video = m_sources[static_cast<size_t>(m_video)];
    request.file = file;
    request.fps = m_playback->fps();
    request.anomaly = anomalyScores(m_video);
    for (const auto& frame : m_evaluation->videos[static_cast<size_t>(m_video)].frames) {
        request.scored.push_back(frame.scored);
        request.labels.push_back(frame.label);
    }
    request.threshold = m_strip->threshold();
    request.maps = m_maps;
    request.errorHigh = m_errorHigh;
    request.opacity = m_view->opacity();
    request.title = QStringLiteral("%1 \u00b7 %2").arg(QFileInfo(m_runRoot).fileName(),
                                                      QString::fromStdString(m_evaluation->videos[m_video].name));
    if (!m_exporter->start(std::move(request)))
        return false;
    m_jobProgress->setRange(0, 0);
    m_jobProgress->setFormat(tr("MP4 %p%"));
    m_jobProgress->setVisible(true);
    m_cancelButton->setVisible(true);
    return true;
}

void InspectorPage::onExportFinished(const VideoExportResult& result)
{
    m_jobProgress->setVisible(m_loader->isRunning());
    m_cancelButton->setVisible(m_loader->isRunning());
    m_status->setText(!result.error.isEmpty() ? tr("Export failed: %1").arg(result.error)
                      : result.cancelled      ? tr("Export cancelled")
                                              : tr("Wrote %1 (%2 frames, %3)")
                                                    .arg(result.file).arg(result.frames).arg(result.encoder));
    emit videoExported(result.file, result.cancelled ? 0 : result.frames,
                       result.cancelled ? tr("cancelled") : result.error);
}

QString InspectorPage::askSaveFile(const QString& title, const QString& suggestedName, const QString& filter) const
{
    QString folder = prefs::inspectorExportFolder.get();
    if (folder.isEmpty())
        folder = m_runRoot;
    const QString file = QFileDialog::getSaveFileName(const_cast<InspectorPage*>(this), title,
                                                      QDir(folder).filePath(suggestedName), filter);
    if (!file.isEmpty())
        prefs::inspectorExportFolder.set(QFileInfo(file).absolutePath());
    return file;
}

void InspectorPage::saveViewSettings() const
{
    prefs::inspectorOpacity.set(m_view->opacity());
    prefs::inspectorSideBySide.set(m_view->arrangement() == FrameView::Arrangement::SideBySide);
    prefs::inspectorLayers.set(m_view->layers());
    prefs::inspectorCausalScores.set(m_scoreCombo->currentIndex() == 1);
    prefs::inspectorSplitter.set(m_splitter->saveState());
}

QList<QAction*> InspectorPage::playbackActions() const
{
    return m_playback->actions();
}

QList<QAction*> InspectorPage::exportActions() const
{
    return m_exportActions;
}

} // namespace mnad::ui
