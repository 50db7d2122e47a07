#pragma once
// The main window: a navigation list on the left and one page per area (dataset, training, inspector).

#include <QMainWindow>

class QListWidget;
class QMenu;
class QStackedWidget;
class QLabel;

namespace mnad::ui {

class DatasetBrowser;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    enum Page { DatasetPage = 0, TrainingPage, InspectorPage, PageCount };

    explicit MainWindow(QWidget* parent = nullptr);

    Page currentPage() const;
    void showPage(Page page);
    // Remembers a dataset root (recent list) and shows it on the dataset page.
    void openDataset(const QString& root);

protected:
    void closeEvent(QCloseEvent* event) override;
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;

private:
    void createPages();
    void createMenus();
    void rebuildRecentMenu();
    void chooseDataset();
    void setLanguage(const QString& language);
    void showAbout();
    void restoreWindowState();

    QListWidget* m_navigation;
    QStackedWidget* m_pages;
    DatasetBrowser* m_datasetPage = nullptr;
    QMenu* m_recentMenu = nullptr;
    QLabel* m_deviceLabel;
};

} // namespace mnad::ui
