#pragma once
// The main window: a navigation list on the left and one page per area (dataset, training, inspector, runs);
// it wires the pages together (a loaded dataset goes to training, a finished run to the inspector).

#include <QMainWindow>

class QListWidget;
class QMenu;
class QStackedWidget;
class QLabel;

namespace mnad::ui {

class EvaluationJob;
class DatasetBrowser;
class InspectorPage;
class RunsPage;
class TrainingPage;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    enum Page { DatasetPage = 0, TrainingPage, InspectorPage, RunsPage, PageCount };

    explicit MainWindow(QWidget* parent = nullptr);

    Page currentPage() const;
    void showPage(Page page);
    // Remembers a dataset root (recent list) and shows it on the dataset page.
    void openDataset(const QString& root);
    // Shows an evaluated run (a folder holding config.json) in the inspector.
    void openRun(const QString& runRoot);
    // A folder given on the command line: a run folder opens in the inspector, anything else as a dataset.
    void openPath(const QString& path);

protected:
    void closeEvent(QCloseEvent* event) override;
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;

private:
    void createPages();
    void createMenus(); // main_window_menus.cpp
    void createFileMenu();
    void createViewMenu();
    void createTrainingMenu();
    void rebuildRecentMenu();
    void chooseDataset();
    void chooseRun();
    void importCheckpoint();
    // A modal progress dialog (with Cancel) for the evaluation job just started; the run opens when it is done.
    void showEvaluationProgress(const QString& label);
    void connectPages();
    void setLanguage(const QString& language);
    void showAbout();
    void restoreWindowState();

    QListWidget* m_navigation;
    QStackedWidget* m_pages;
    DatasetBrowser* m_datasetPage = nullptr;
    ui::TrainingPage* m_trainingPage = nullptr;
    ui::InspectorPage* m_inspectorPage = nullptr;
    ui::RunsPage* m_runsPage = nullptr;
    QMenu* m_recentMenu = nullptr;
    EvaluationJob* m_evaluation = nullptr;
    QLabel* m_deviceLabel;
};

} // namespace mnad::ui
