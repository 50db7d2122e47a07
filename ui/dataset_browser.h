#pragma once
// The dataset browser (the Dataset page): what the open dataset folder holds — layout, splits, videos with frame counts, resolution and
// fps, whether ground truth was found and fits, and the warnings. The folder is read on a worker thread; problems
// appear in the page, never as a crash.

#include <QFutureWatcher>
#include <QWidget>

class QLabel;
class QTreeWidget;

namespace mnad::ui {

struct DatasetReading; // the summary converted to Qt types (dataset_page.cpp)

class DatasetBrowser : public QWidget {
    Q_OBJECT
public:
    explicit DatasetBrowser(QWidget* parent = nullptr);
    ~DatasetBrowser() override;

    // Starts reading `root` in the background; the page shows it when done.
    void openDataset(const QString& root);
    bool isLoading() const;

signals:
    void datasetLoaded(const QString& root);
    void datasetFailed(const QString& message);

private:
    void startReading(const QString& root);
    void showView(const DatasetReading& view);

    QLabel* m_title;
    QLabel* m_labels;
    QLabel* m_message;
    QTreeWidget* m_videos;
    QFutureWatcher<DatasetReading>* m_watcher;
    QString m_pending; // folder asked for while another was being read
};

} // namespace mnad::ui
