#pragma once
// The Training page: the dataset and runs folder, the hyper-parameter form, Start / Stop / Resume, progress with
// ETA and samples/s, live loss curves, the memory after each epoch, the log, and the AUC of the automatic
// evaluation. Training runs in a TrainingWorker on its own thread; the GUI only draws.

#include <QString>
#include <QWidget>

class QCheckBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QTabWidget;
class QThread;

namespace mnad {
struct EpochReport;
} // namespace mnad

namespace mnad::ui {

class LossPlot;
class MemoryPanel;
class TrainingForm;
class TrainingWorker;
struct EvaluationOutcomeInfo;
struct TrainingOutcomeInfo;

class TrainingPage : public QWidget {
    Q_OBJECT
public:
    explicit TrainingPage(QWidget* parent = nullptr);
    ~TrainingPage() override;

    // The dataset new runs train on (the main window calls this when a dataset is opened).
    void setDataset(const QString& root);
    QString dataset() const { return m_datasetRoot; }
    QString currentRun() const { return m_runRoot; }
    bool isTraining() const;

    // Starts a new run with the form's settings; false (and a message in the page) when it cannot.
    bool startTraining();
    void stopTraining();
    // Continues a stopped run from its last checkpoint (the runs page asks for this).
    bool resumeRun(const QString& runRoot);
    // For closing the window during training: stops the worker, waits until its checkpoint is written
    // (at most timeoutMs) and returns whether it ended in time.
    bool requestStopAndWait(int timeoutMs = 60000);
    // For the main window's closeEvent: when training, asks whether to stop it (the checkpoint is kept) and does;
    // returns whether the window may close.
    bool confirmClose();

    TrainingForm* form() const { return m_form; }
    LossPlot* lossPlot() const { return m_lossPlot; }
    MemoryPanel* memoryPanel() const { return m_memoryPanel; }

signals:
    void openRunRequested(const QString& runRoot);
    void trainingStateChanged(bool training);
    // A job ended: the run folder changed on disk (the runs page refreshes).
    void runUpdated(const QString& runRoot);
    void runsFolderChanged(const QString& folder);

private:
    QWidget* createSettingsColumn();
    QWidget* createProgressColumn();
    void connectWorker();
    bool dispatch(const QString& resumeRoot);
    void onStarted(const QString& runRoot, qint64 firstStep, qint64 totalSteps);
    void onStepsAvailable();
    void onEpoch(const mnad::EpochReport& report);
    void onTrainingEnded(const TrainingOutcomeInfo& outcome);
    void onEvaluationEnded(const EvaluationOutcomeInfo& outcome);
    void onFailed(const QString& message);
    void onJobEnded();
    void chooseRunsFolder();
    void chooseRunToResume();
    void toggleComparison();
    void appendLog(const QString& line);
    void showMessage(const QString& text, bool error);
    void updateButtons();
    void restoreForm();
    void rememberForm();

    TrainingForm* m_form;
    QLabel* m_datasetLabel;
    QLineEdit* m_runsFolder;
    QLineEdit* m_runName;
    QCheckBox* m_evaluate;
    QPushButton* m_start;
    QPushButton* m_stop;
    QPushButton* m_resume;
    QPushButton* m_openInspector;
    QPushButton* m_compare;
    QProgressBar* m_progress;
    QLabel* m_status;
    QLabel* m_message;
    QLabel* m_auc;
    QTabWidget* m_tabs;
    LossPlot* m_lossPlot;
    MemoryPanel* m_memoryPanel;
    QPlainTextEdit* m_log;
    QThread* m_thread;
    TrainingWorker* m_worker;
    QString m_datasetRoot;
    QString m_runRoot;
    bool m_busy = false;
    bool m_evaluating = false;
    bool m_stopping = false; // Stop pressed, the trainer has not stopped yet
    bool m_lastRunStopped = false;
    qint64 m_firstStep = 0;
    qint64 m_totalSteps = 0;
    QString m_trainingSummary; // shown again once the evaluation is done
};

} // namespace mnad::ui
