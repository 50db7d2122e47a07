// The Inspector page's widgets: the toolbar, the transport row, the scores tab and the export actions, and how
// they are wired to the player, the plots and the workers (the data flow is in inspector_page.cpp).

#include "ui/inspector_page.h"

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
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QMenu>
#include <QProgressBar>
#include <QSlider>
#include <QSplitter>
#include <QStyle>
#include <QToolButton>
#include <QVBoxLayout>

#include <initializer_list>
#include <utility>

namespace mnad::ui {

QWidget* InspectorPage::createToolbar()
{
    auto* bar = new QWidget(this);
    // Two rows: what is shown (run, video, score, AUC, jobs) and how (layers, opacity), so the page fits a laptop.
    auto* rows = new QVBoxLayout(bar);
    rows->setContentsMargins(0, 0, 0, 0);
    auto* row = new QHBoxLayout;
    auto* viewRow = new QHBoxLayout;
    rows->addLayout(row);
    rows->addLayout(viewRow);
    auto* open = new QToolButton(bar);
    open->setText(tr("Open Run\u2026"));
    connect(open, &QToolButton::clicked, this, &InspectorPage::chooseRun);
    m_title = new QLabel(tr("No run open"), bar);
    m_title->setObjectName(QStringLiteral("inspectorTitle"));
    m_videoCombo = new QComboBox(bar);
    m_videoCombo->setObjectName(QStringLiteral("videoCombo"));
    m_videoCombo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_scoreCombo = new QComboBox(bar);
    m_scoreCombo->addItems({tr("Official score (per-video min-max)"), tr("Causal score (running min-max)")});
    m_scoreCombo->setCurrentIndex(prefs::inspectorCausalScores.get() ? 1 : 0);
    m_aucLabel = new QLabel(bar);
    m_aucLabel->setObjectName(QStringLiteral("aucLabel"));
    m_arrangementCombo = new QComboBox(bar);
    m_arrangementCombo->addItems({tr("Overlay"), tr("Side by side")});
    m_arrangementCombo->setCurrentIndex(m_view->arrangement() == FrameView::Arrangement::SideBySide ? 1 : 0);
    m_predictionCheck = new QCheckBox(tr("Prediction"), bar);
    m_errorCheck = new QCheckBox(tr("Error"), bar);
    m_attentionCheck = new QCheckBox(tr("Attention"), bar);
    m_predictionCheck->setChecked(m_view->layers() & FrameView::Prediction);
    m_errorCheck->setChecked(m_view->layers() & FrameView::Error);
    m_attentionCheck->setChecked(m_view->layers() & FrameView::Attention);
    m_attentionCombo = new QComboBox(bar);
    m_attentionCombo->setObjectName(QStringLiteral("attentionCombo"));
    m_attentionCombo->addItem(tr("Most attended item"));
    m_opacitySlider = new QSlider(Qt::Horizontal, bar);
    m_opacitySlider->setRange(0, 100);
    m_opacitySlider->setValue(static_cast<int>(m_view->opacity() * 100));
    m_opacitySlider->setMaximumWidth(120);
    m_opacitySlider->setToolTip(tr("Opacity of the heatmaps over the frame"));
    m_mapsButton = new QToolButton(bar);
    m_mapsButton->setText(tr("Compute Maps"));
    m_mapsButton->setToolTip(tr("Run the model over this video for its error and attention maps"));
    auto* exportButton = new QToolButton(bar);
    exportButton->setText(tr("Export"));
    exportButton->setPopupMode(QToolButton::InstantPopup);
    auto* exportMenu = new QMenu(exportButton);
    exportMenu->addActions(m_exportActions);
    exportButton->setMenu(exportMenu);
    using Widgets = std::initializer_list<QWidget*>;
    for (QWidget* w : Widgets{open, m_predictionCheck, m_errorCheck, m_attentionCheck, m_opacitySlider,
                              m_mapsButton, exportButton})
        w->setFocusPolicy(Qt::NoFocus); // keys stay with the player (Space would press a focused button)
    // Long texts must not widen the window: they are cut, and the tooltip has them whole.
    for (QLabel* label : {m_title, m_aucLabel})
        label->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    for (QWidget* w : Widgets{open, m_videoCombo, m_title})
        row->addWidget(w);
    row->setStretchFactor(m_title, 1);
    for (QWidget* w : Widgets{m_mapsButton, exportButton})
        row->addWidget(w);
    for (QWidget* w : Widgets{m_scoreCombo, m_aucLabel})
        viewRow->addWidget(w);
    viewRow->setStretchFactor(m_aucLabel, 1);
    for (QWidget* w : Widgets{m_arrangementCombo, m_predictionCheck, m_errorCheck, m_attentionCheck,
                              m_attentionCombo, new QLabel(tr("Opacity"), bar), m_opacitySlider})
        viewRow->addWidget(w);
    return bar;
}

QWidget* InspectorPage::createTransport()
{
    auto* bar = new QWidget(this);
    auto* row = new QHBoxLayout(bar);
    row->setContentsMargins(4, 0, 4, 0);
    const std::pair<const char*, QStyle::StandardPixmap> buttons[] = {
        {"actionPreviousSegment", QStyle::SP_MediaSkipBackward}, {"actionPreviousFrame", QStyle::SP_MediaSeekBackward},
        {"actionPlayPause", QStyle::SP_MediaPlay}, {"actionNextFrame", QStyle::SP_MediaSeekForward},
        {"actionNextSegment", QStyle::SP_MediaSkipForward}, {"actionLoop", QStyle::SP_BrowserReload}};
    for (const auto& [name, icon] : buttons) {
        QAction* action = m_playback->action(QLatin1String(name));
        action->setIcon(style()->standardIcon(icon));
        action->setToolTip(QStringLiteral("%1 (%2)").arg(action->text().remove(QLatin1Char('&')),
                                                          action->shortcut().toString(QKeySequence::NativeText)));
        auto* button = new QToolButton(bar);
        button->setDefaultAction(action);
        button->setFocusPolicy(Qt::NoFocus);
        button->setAutoRaise(true);
        row->addWidget(button);
    }
    connect(m_playback, &PlaybackController::playingChanged, this, [this](bool playing) {
        m_playback->action(QStringLiteral("actionPlayPause"))
            ->setIcon(style()->standardIcon(playing ? QStyle::SP_MediaPause : QStyle::SP_MediaPlay));
    });
    m_frameLabel = new QLabel(bar);
    m_frameLabel->setObjectName(QStringLiteral("frameLabel"));
    m_frameLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_frameLabel->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    row->addWidget(m_frameLabel, 1);
    m_jobProgress = new QProgressBar(bar);
    m_jobProgress->setObjectName(QStringLiteral("jobProgress"));
    m_jobProgress->setMaximumWidth(220);
    m_jobProgress->setVisible(false);
    m_cancelButton = new QToolButton(bar);
    m_cancelButton->setText(tr("Cancel"));
    m_cancelButton->setVisible(false);
    m_status = new QLabel(bar);
    m_status->setObjectName(QStringLiteral("inspectorStatus"));
    m_status->setWordWrap(true);
    m_status->setMaximumWidth(420);
    row->addWidget(m_status);
    row->addWidget(m_jobProgress);
    row->addWidget(m_cancelButton);
    return bar;
}

QWidget* InspectorPage::createScoresTab()
{
    auto* tab = new QWidget(this);
    auto* curves = new QHBoxLayout;
    m_psnrCheck = new QCheckBox(tr("PSNR"), tab);
    m_distanceCheck = new QCheckBox(tr("Feature distance"), tab);
    m_psnrCheck->setFocusPolicy(Qt::NoFocus);
    m_distanceCheck->setFocusPolicy(Qt::NoFocus);
    curves->addWidget(new QLabel(tr("Drag the dashed line to set the threshold; click or drag to seek."), tab), 1);
    curves->addWidget(m_psnrCheck);
    curves->addWidget(m_distanceCheck);
    m_segmentList = new QListWidget(tab);
    m_segmentList->setObjectName(QStringLiteral("segmentList"));
    m_segmentList->setMaximumWidth(260);
    m_segmentList->setToolTip(tr("Frames over the threshold; click to show"));
    auto* plots = new QHBoxLayout;
    plots->addWidget(m_strip, 1);
    plots->addWidget(m_segmentList);
    auto* layout = new QVBoxLayout(tab);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(curves);
    layout->addLayout(plots, 1);
    return tab;
}

void InspectorPage::createExportActions()
{
    auto add = [this](const char* name, const QString& text, auto slot) {
        auto* action = new QAction(text, this);
        action->setObjectName(QLatin1String(name));
        connect(action, &QAction::triggered, this, slot);
        m_exportActions << action;
    };
    add("actionExportScores", tr("Export Scores as CSV\u2026"), [this] {
        const QString file = askSaveFile(tr("Export Scores"), QStringLiteral("scores.csv"), tr("CSV files (*.csv)"));
        QString error;
        if (!file.isEmpty() && !exportScoresCsv(file, &error))
            m_status->setText(error);
    });
    const std::pair<const char*, QString> plots[] = {
        {"actionExportScorePlot", tr("Export Score Plot as PNG\u2026")},
        {"actionExportUsagePlot", tr("Export Memory Usage as PNG\u2026")},
        {"actionExportAttentionPlot", tr("Export Attention Bars as PNG\u2026")},
        {"actionExportSimilarityPlot", tr("Export Item Similarity as PNG\u2026")}};
    for (int i = 0; i < 4; ++i)
        add(plots[i].first, plots[i].second, [this, i] {
            QCustomPlot* plot = i == 0 ? static_cast<QCustomPlot*>(m_strip)
                                : i == 1 ? m_memory->usagePlot()
                                : i == 2 ? m_memory->attentionPlot() : m_memory->similarityPlot();
            const QString file = askSaveFile(tr("Export Plot"), QStringLiteral("plot.png"), tr("PNG images (*.png)"));
            if (!file.isEmpty() && !exportPlotPng(plot, file))
                m_status->setText(tr("Could not write %1").arg(file));
        });
    add("actionExportFrame", tr("Export Frame View as PNG\u2026"), [this] {
        const QString file = askSaveFile(tr("Export Frame"), QStringLiteral("frame_%1.png").arg(currentFrame()),
                                         tr("PNG images (*.png)"));
        if (!file.isEmpty() && !m_view->grab().save(file, "PNG"))
            m_status->setText(tr("Could not write %1").arg(file));
    });
    add("actionExportVideo", tr("Export Annotated MP4\u2026"), [this] {
        const QString file = askSaveFile(tr("Export Annotated Video"), QStringLiteral("annotated.mp4"),
                                         tr("MP4 videos (*.mp4)"));
        if (!file.isEmpty())
            exportVideo(file);
    });
}

void InspectorPage::connectParts()
{
    connect(m_playback, &PlaybackController::frameChanged, this, &InspectorPage::showFrame);
    connect(m_playback, &PlaybackController::speedChanged, this, [this] { showFrame(currentFrame()); });
    connect(m_strip, &ScoreStrip::seekRequested, this, &InspectorPage::seek);
    connect(m_memory, &MemoryUsageView::seekRequested, this, &InspectorPage::seek);
    connect(m_strip, &ScoreStrip::segmentsChanged, this, &InspectorPage::updateSegmentList);
    connect(m_segmentList, &QListWidget::itemClicked, this,
            [this](QListWidgetItem* item) { seek(item->data(Qt::UserRole).toInt()); });
    connect(m_cache, &FrameCache::frameReady, this, [this](int frame) {
        if (frame == currentFrame())
            m_view->setFrame(frame, m_cache->frame(frame));
    });
    connect(m_cache, &FrameCache::opened, this, [this](int frames, double fps) {
        m_playback->setFps(fps);
        if (m_evaluation && m_video >= 0 && frames != static_cast<int>(m_evaluation->videos[m_video].frames.size()))
            m_status->setText(tr("The video has %1 frames, its scores %2: frames and scores may not line up.")
                                  .arg(frames).arg(m_evaluation->videos[m_video].frames.size()));
    });
    connect(m_cache, &FrameCache::failed, this, [this](const QString& message) { m_view->setMessage(message); });
    connect(m_videoCombo, qOverload<int>(&QComboBox::activated), this, &InspectorPage::showVideo);
    connect(m_scoreCombo, qOverload<int>(&QComboBox::currentIndexChanged), this, [this] {
        updateSeries();
        updateAucLabel();
    });
    connect(m_arrangementCombo, qOverload<int>(&QComboBox::currentIndexChanged), this, [this](int index) {
        m_view->setArrangement(index == 1 ? FrameView::Arrangement::SideBySide : FrameView::Arrangement::Overlay);
    });
    for (QCheckBox* box : {m_predictionCheck, m_errorCheck, m_attentionCheck})
        connect(box, &QCheckBox::toggled, this, [this] {
            m_view->setLayers((m_predictionCheck->isChecked() ? FrameView::Prediction : 0) |
                              (m_errorCheck->isChecked() ? FrameView::Error : 0) |
                              (m_attentionCheck->isChecked() ? FrameView::Attention : 0));
            updateMaps(currentFrame());
        });
    connect(m_attentionCombo, qOverload<int>(&QComboBox::currentIndexChanged), this,
            [this] { updateMaps(currentFrame()); });
    connect(m_opacitySlider, &QSlider::valueChanged, this, [this](int value) { m_view->setOpacity(value / 100.0); });
    connect(m_psnrCheck, &QCheckBox::toggled, this,
            [this](bool on) { m_strip->setCurveVisible(ScoreStrip::Curve::Psnr, on); });
    connect(m_distanceCheck, &QCheckBox::toggled, this,
            [this](bool on) { m_strip->setCurveVisible(ScoreStrip::Curve::FeatureDistance, on); });
    connect(m_mapsButton, &QToolButton::clicked, this, &InspectorPage::computeMaps);
    connect(m_loader, &InspectionLoader::progress, this, [this](qint64 done, qint64 total) {
        m_jobProgress->setRange(0, static_cast<int>(total));
        m_jobProgress->setValue(static_cast<int>(done));
    });
    connect(m_loader, &InspectionLoader::finished, this, &InspectorPage::onMapsFinished);
    connect(m_exporter, &VideoExporter::progress, this, [this](int done, int total) {
        m_jobProgress->setRange(0, total);
        m_jobProgress->setValue(done);
    });
    connect(m_exporter, &VideoExporter::finished, this, &InspectorPage::onExportFinished);
    connect(m_cancelButton, &QToolButton::clicked, this, [this] {
        m_exporter->isRunning() ? m_exporter->cancel() : m_loader->cancel();
    });
    connect(m_splitter, &QSplitter::splitterMoved, this, [this] { saveViewSettings(); });
}

} // namespace mnad::ui
