#pragma once
// The Inspector page: where, when and why a test video is abnormal. A frame-accurate player (frame, prediction,
// error heatmap, memory attention), the score strip under it (threshold, segments, ground truth, AUC), the memory
// usage over the video, and exports (scores CSV, plot PNGs, an annotated MP4). Everything slow runs on workers.

#include "core/data/dataset_layout.h"
#include "core/eval/evaluation.h"

#include <QFutureWatcher>
#include <QWidget>

#include <memory>
#include <vector>

class QAction;
class QCheckBox;
class QComboBox;
class QCustomPlot;
class QLabel;
class QListWidget;
class QMenu;
class QProgressBar;
class QSlider;
class QSplitter;
class QTabWidget;
class QToolButton;

namespace mnad {
struct VideoMaps;
}

namespace mnad::ui {

class FrameCache;
class FrameView;
class InspectionLoader;
class MemoryUsageView;
class PlaybackController;
class ScoreStrip;
class VideoExporter;
struct InspectionResult;
struct RunReading; // the run read on a worker (inspector_page.cpp)
struct VideoExportResult;

class InspectorPage : public QWidget {
    Q_OBJECT
public:
    explicit InspectorPage(QWidget* parent = nullptr);
    ~InspectorPage() override;

    // Reads the run's evaluation and dataset in the background; runOpened or runFailed follows.
    void openRun(const QString& runRoot);
    QString runRoot() const { return m_runRoot; }
    int videoCount() const;
    int currentVideo() const { return m_video; }
    int currentFrame() const;
    void showVideo(int video);
    // The inspection maps of the current video are there (computed by the model on a worker).
    bool hasMaps() const { return m_maps != nullptr; }

    // Playback actions with their shortcuts, for the main window's Playback menu.
    QList<QAction*> playbackActions() const;
    // Export actions (scores CSV, plot PNGs, annotated MP4), for the main window's File → Export menu.
    QList<QAction*> exportActions() const;

    // Exports without asking for a file name (the actions ask, then call these). False + message on failure.
    bool exportScoresCsv(const QString& file, QString* error = nullptr) const;
    bool exportPlotPng(QCustomPlot* plot, const QString& file) const;
    bool exportVideo(const QString& file); // starts the worker; videoExported follows

    PlaybackController* playback() const { return m_playback; }
    ScoreStrip* scoreStrip() const { return m_strip; }
    MemoryUsageView* memoryView() const { return m_memory; }
    FrameView* frameView() const { return m_view; }
    FrameCache* frameCache() const { return m_cache; }

public slots:
    void seek(int frame);
    void computeMaps();

signals:
    void runOpened(const QString& runRoot);
    void runFailed(const QString& message);
    void videoShown(int video);
    void mapsReady(int video);
    void videoExported(const QString& file, qint64 frames, const QString& error);

private:
    // Building and wiring the widgets (inspector_page_layout.cpp).
    QWidget* createToolbar();
    QWidget* createTransport();
    QWidget* createScoresTab();
    void createExportActions();
    void connectParts();
    void startReading(const QString& runRoot);
    void showRun(const RunReading& run);
    void showFrame(int frame);
    void updateMaps(int frame);
    void updateSeries();
    void updateSegmentList();
    void updateAucLabel();
    void updateAttentionChoices();
    void onMapsFinished(const InspectionResult& result);
    void onExportFinished(const VideoExportResult& result);
    void saveViewSettings() const;
    void chooseRun();
    QString askSaveFile(const QString& title, const QString& suggestedName, const QString& filter) const;
    std::vector<double> anomalyScores(int video) const;

    // Widgets
    FrameView* m_view;
    ScoreStrip* m_strip;
    MemoryUsageView* m_memory;
    QSplitter* m_splitter = nullptr;
    QTabWidget* m_tabs = nullptr;
    QListWidget* m_segmentList = nullptr;
    QLabel* m_title = nullptr;
    QComboBox* m_videoCombo = nullptr;
    QComboBox* m_scoreCombo = nullptr;
    QLabel* m_aucLabel = nullptr;
    QComboBox* m_arrangementCombo = nullptr;
    QCheckBox* m_predictionCheck = nullptr;
    QCheckBox* m_errorCheck = nullptr;
    QCheckBox* m_attentionCheck = nullptr;
    QComboBox* m_attentionCombo = nullptr;
    QSlider* m_opacitySlider = nullptr;
    QCheckBox* m_psnrCheck = nullptr;
    QCheckBox* m_distanceCheck = nullptr;
    QToolButton* m_mapsButton = nullptr;
    QProgressBar* m_jobProgress = nullptr;
    QToolButton* m_cancelButton = nullptr;
    QLabel* m_frameLabel = nullptr;
    QLabel* m_status = nullptr;
    QList<QAction*> m_exportActions;

    // Workers and state
    PlaybackController* m_playback;
    FrameCache* m_cache;
    InspectionLoader* m_loader;
    VideoExporter* m_exporter;
    QFutureWatcher<RunReading>* m_runWatcher;
    QString m_runRoot;
    QString m_pendingRun;
    std::shared_ptr<const mnad::Evaluation> m_evaluation;
    std::vector<mnad::VideoEntry> m_sources; // per evaluation video; path empty when the dataset lacks it
    QString m_datasetProblem;
    int m_video = -1;
    std::shared_ptr<const mnad::VideoMaps> m_maps;
    float m_errorHigh = 1; // top of the error colour scale: the video's 99th percentile, steady across frames
};

} // namespace mnad::ui
