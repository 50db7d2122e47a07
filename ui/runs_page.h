#pragma once
// The Runs page: every run under the runs folder (name, dataset, method, status, epochs, AUC), read on a worker
// thread. One selected run shows its curves and result; several are compared on one curve in one plot. A stopped
// run can be resumed and any run opened in the inspector (the main window routes both signals).

#include "core/train/train_config.h"
#include "ui/loss_plot.h"

#include <QFutureWatcher>
#include <QList>
#include <QString>
#include <QStringList>
#include <QVector>
#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableWidget;

namespace mnad::ui {

// One run as the table shows it, read from its folder on a worker thread.
struct RunRow {
    QString root, name, dataset, method, state, problem;
    TrainConfig config;
    int epochsDone = 0, epochs = 0;
    qint64 steps = 0;
    bool stopped = false, finished = false, hasAuc = false;
    double microAuc = 0;
};

class RunsPage : public QWidget {
    Q_OBJECT
public:
    explicit RunsPage(QWidget* parent = nullptr);
    ~RunsPage() override;

    void setRunsFolder(const QString& folder);
    QString runsFolder() const;
    // Re-reads the runs folder in the background (keeps the selection).
    void refresh();
    bool isLoading() const;
    int runCount() const;
    QStringList selectedRuns() const;
    void selectRuns(const QStringList& roots);
    LossPlot* lossPlot() const { return m_plot; }

signals:
    void resumeRunRequested(const QString& runRoot);
    void openRunRequested(const QString& runRoot);
    void runsLoaded(int count);
    void curvesLoaded(int runs);

protected:
    void showEvent(QShowEvent* event) override;

private:
    void createWidgets();
    void showRuns(const QVector<RunRow>& rows);
    void onSelectionChanged();
    void loadCurves();
    void showCurves(const QList<LossSeries>& series);
    void showDetails();
    void chooseFolder();
    const RunRow* rowFor(const QString& root) const;

    QLineEdit* m_folder;
    QTableWidget* m_table;
    QLabel* m_details;
    QComboBox* m_compareCurve;
    LossPlot* m_plot;
    QPushButton* m_resume;
    QPushButton* m_openInspector;
    QFutureWatcher<QVector<RunRow>>* m_runsWatcher;
    QFutureWatcher<QList<LossSeries>>* m_curvesWatcher;
    QVector<RunRow> m_rows; // what the table shows
    QStringList m_keepSelection; // re-selected after a refresh
    bool m_refreshPending = false;
    bool m_curvesPending = false;
    bool m_loadedOnce = false;
};

} // namespace mnad::ui
