#include "ui/runs_page.h"

#include "core/run/run_results.h"
#include "ui/preferences.h"
#include "ui/runs_folder.h"

#include <QComboBox>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeySequence>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QShortcut>
#include <QSignalBlocker>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <filesystem>
#include <utility>

namespace mnad::ui {

namespace {
enum Column { NameColumn, DatasetColumn, MethodColumn, StateColumn, EpochsColumn, AucColumn, ColumnCount };

QString stateText(RunState state)
{
    switch (state) {
    case RunState::NotStarted: return RunsPage::tr("not started");
    case RunState::Stopped: return RunsPage::tr("stopped");
    case RunState::Finished: return RunsPage::tr("finished");
    }
    return {};
}

QVector<RunRow> readRuns(const QString& folder)
{
    QVector<RunRow> rows;
    for (const RunInfo& info : listRuns(folder.toStdString())) {
        RunRow row;
        row.root = QString::fromStdString(info.root.string());
        row.name = QString::fromStdString(info.name);
        row.dataset = QString::fromStdString(info.config.datasetName);
        row.method = QString::fromStdString(methodName(info.config.model.method));
        row.state = stateText(info.state);
        row.problem = QString::fromStdString(info.problem);
        row.epochsDone = info.epochsDone;
        row.epochs = info.config.epochs;
        row.steps = info.steps;
        row.stopped = info.state == RunState::Stopped;
        row.finished = info.state == RunState::Finished;
        row.hasAuc = info.hasAuc;
        row.microAuc = info.microAuc;
        row.config = info.config;
        rows.push_back(row);
    }
    return rows;
}

QList<LossSeries> readCurves(const QStringList& roots)
{
    QList<LossSeries> series;
    for (const QString& root : roots) {
        LossSeries s;
        s.name = QString::fromStdString(std::filesystem::path(root.toStdString()).filename().string());
        try {
            s.samples = LossPlot::fromMetrics(readMetricsCsv(std::filesystem::path(root.toStdString()) / "metrics.csv"));
        } catch (const std::exception&) {
            // No metrics yet (not started) or unreadable: the details line says so; the run just has no curve.
        }
        series.push_back(s);
    }
    return series;
}

// Sorts by the number behind the text ("9/60" before "10/60").
class NumberItem : public QTableWidgetItem {
public:
    bool operator<(const QTableWidgetItem& other) const override
    {
        return data(Qt::UserRole + 1).toDouble() < other.data(Qt::UserRole + 1).toDouble();
    }
};

QTableWidgetItem* numberItem(double value, const QString& text)
{
    auto* item = new NumberItem;
    item->setData(Qt::DisplayRole, text);
    item->setData(Qt::UserRole + 1, value);
    item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    return item;
}
} // namespace

RunsPage::RunsPage(QWidget* parent)
    : QWidget(parent), m_folder(new QLineEdit(this)), m_table(new QTableWidget(this)), m_details(new QLabel(this)),
      m_compareCurve(new QComboBox(this)), m_plot(new LossPlot(this)), m_resume(new QPushButton(this)),
      m_openInspector(new QPushButton(this)), m_runsWatcher(new QFutureWatcher<QVector<RunRow>>(this)),
      m_curvesWatcher(new QFutureWatcher<QList<LossSeries>>(this))
{
    setObjectName(QStringLiteral("runsPage"));
    createWidgets();
    m_folder->setText(effectiveRunsFolder());
    connect(m_runsWatcher, &QFutureWatcher<QVector<RunRow>>::finished, this, [this] {
        if (std::exchange(m_refreshPending, false)) {
            refresh();
            return;
        }
        showRuns(m_runsWatcher->result());
    });
    connect(m_curvesWatcher, &QFutureWatcher<QList<LossSeries>>::finished, this, [this] {
        if (std::exchange(m_curvesPending, false)) {
            loadCurves();
            return;
        }
        showCurves(m_curvesWatcher->result());
    });
}

RunsPage::~RunsPage()
{
    m_runsWatcher->waitForFinished();
    m_curvesWatcher->waitForFinished();
}

void RunsPage::createWidgets()
{
    m_folder->setObjectName(QStringLiteral("runsFolder"));
    m_table->setObjectName(QStringLiteral("runsTable"));
    m_details->setObjectName(QStringLiteral("runDetails"));
    m_compareCurve->setObjectName(QStringLiteral("compareCurve"));
    m_resume->setObjectName(QStringLiteral("resumeRun"));
    m_openInspector->setObjectName(QStringLiteral("openRunInInspector"));
    auto* browse = new QPushButton(tr("Browse\u2026"), this);
    auto* refreshButton = new QPushButton(tr("Refresh"), this);
    refreshButton->setObjectName(QStringLiteral("refreshRuns"));
    refreshButton->setToolTip(tr("Read the runs folder again (F5)."));
    auto* refreshKey = new QShortcut(QKeySequence::Refresh, this);
    connect(refreshKey, &QShortcut::activated, this, &RunsPage::refresh);
    connect(browse, &QPushButton::clicked, this, &RunsPage::chooseFolder);
    connect(refreshButton, &QPushButton::clicked, this, &RunsPage::refresh);
    connect(m_folder, &QLineEdit::editingFinished, this, [this] { setRunsFolder(m_folder->text().trimmed()); });
    auto* top = new QHBoxLayout;
    top->addWidget(new QLabel(tr("Runs folder:"), this));
    top->addWidget(m_folder, 1);
    top->addWidget(browse);
    top->addWidget(refreshButton);

    m_table->setColumnCount(ColumnCount);
    m_table->setHorizontalHeaderLabels({tr("Run"), tr("Dataset"), tr("Method"), tr("Status"), tr("Epochs"), tr("AUC")});
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->setVisible(false);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(NameColumn, QHeaderView::Stretch);
    m_table->setToolTip(tr("Select one run to see its curves, several (Ctrl/Shift-click) to compare them."));
    connect(m_table, &QTableWidget::itemSelectionChanged, this, &RunsPage::onSelectionChanged);
    connect(m_table, &QTableWidget::cellDoubleClicked, this, [this](int row, int) {
        if (auto* item = m_table->item(row, NameColumn))
            emit openRunRequested(item->data(Qt::UserRole).toString());
    });

    for (int c = 0; c < kLossCurveCount; ++c)
        m_compareCurve->addItem(LossPlot::curveName(static_cast<LossCurve>(c)));
    m_compareCurve->setCurrentIndex(qBound(0, prefs::compareCurve.get(), kLossCurveCount - 1));
    m_compareCurve->setToolTip(tr("The curve drawn for each run when several are selected."));
    connect(m_compareCurve, qOverload<int>(&QComboBox::currentIndexChanged), this, [this](int index) {
        prefs::compareCurve.set(index);
        loadCurves();
    });
    m_resume->setText(tr("Resume"));
    m_resume->setToolTip(tr("Continue this stopped run from its last checkpoint on the Training page."));
    m_openInspector->setText(tr("Open in Inspector"));
    m_openInspector->setToolTip(tr("Look at this run's scores, errors and memory attention video by video."));
    connect(m_resume, &QPushButton::clicked, this, [this] {
        const QStringList runs = selectedRuns();
        if (runs.size() == 1)
            emit resumeRunRequested(runs.first());
    });
    connect(m_openInspector, &QPushButton::clicked, this, [this] {
        const QStringList runs = selectedRuns();
        if (runs.size() == 1)
            emit openRunRequested(runs.first());
    });
    m_details->setWordWrap(true);
    m_details->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto* actions = new QHBoxLayout;
    actions->addWidget(new QLabel(tr("Compare:"), this));
    actions->addWidget(m_compareCurve);
    actions->addStretch(1);
    actions->addWidget(m_resume);
    actions->addWidget(m_openInspector);
    auto* right = new QWidget(this);
    auto* rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->addWidget(m_details);
    rightLayout->addWidget(m_plot, 1);
    rightLayout->addLayout(actions);
    auto* splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(m_table);
    splitter->addWidget(right);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({560, 840}); // the table shows its six columns
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(splitter, 1);
    showDetails();
}

void RunsPage::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    if (!m_loadedOnce)
        refresh();
}

void RunsPage::setRunsFolder(const QString& folder)
{
    if (folder != prefs::runsFolder.get())
        prefs::runsFolder.set(folder);
    m_folder->setText(effectiveRunsFolder());
    m_keepSelection.clear();
    refresh();
}

QString RunsPage::runsFolder() const
{
    return effectiveRunsFolder();
}

void RunsPage::chooseFolder()
{
    const QString folder = QFileDialog::getExistingDirectory(this, tr("Runs folder"), runsFolder());
    if (!folder.isEmpty())
        setRunsFolder(folder);
}

void RunsPage::refresh()
{
    m_loadedOnce = true;
    if (m_runsWatcher->isRunning()) { // one read at a time; the newest request wins
        m_refreshPending = true;
        return;
    }
    if (!selectedRuns().isEmpty())
        m_keepSelection = selectedRuns();
    m_runsWatcher->setFuture(QtConcurrent::run(readRuns, runsFolder()));
}

bool RunsPage::isLoading() const
{
    return m_runsWatcher->isRunning() || m_curvesWatcher->isRunning();
}

int RunsPage::runCount() const
{
    return m_rows.size();
}

void RunsPage::showRuns(const QVector<RunRow>& rows)
{
    m_rows = rows;
    QSignalBlocker blocker(m_table); // one selection update at the end, not one per row
    m_table->setSortingEnabled(false);
    m_table->clearContents();
    m_table->setRowCount(rows.size());
    for (int r = 0; r < rows.size(); ++r) {
        const RunRow& run = rows[r];
        auto* name = new QTableWidgetItem(run.name);
        name->setData(Qt::UserRole, run.root);
        name->setToolTip(run.root + (run.problem.isEmpty() ? QString() : QStringLiteral("\n") + run.problem));
        m_table->setItem(r, NameColumn, name);
        m_table->setItem(r, DatasetColumn, new QTableWidgetItem(run.dataset));
        m_table->setItem(r, MethodColumn, new QTableWidgetItem(run.method));
        auto* state = new QTableWidgetItem(run.problem.isEmpty() ? run.state : tr("%1 (problem)").arg(run.state));
        if (!run.problem.isEmpty())
            state->setForeground(QColor(0xc0, 0x30, 0x30));
        m_table->setItem(r, StateColumn, state);
        m_table->setItem(r, EpochsColumn, numberItem(run.epochsDone, QStringLiteral("%1/%2").arg(run.epochsDone).arg(run.epochs)));
        m_table->setItem(r, AucColumn, numberItem(run.hasAuc ? run.microAuc : -1,
                                                  run.hasAuc ? QString::number(run.microAuc, 'f', 4) : QString()));
    }
    m_table->setSortingEnabled(true);
    selectRuns(m_keepSelection);
    blocker.unblock();
    onSelectionChanged();
    emit runsLoaded(rows.size());
}

QStringList RunsPage::selectedRuns() const
{
    QStringList roots;
    for (const QModelIndex& index : m_table->selectionModel()->selectedRows(NameColumn))
        roots << index.data(Qt::UserRole).toString();
    return roots;
}

void RunsPage::selectRuns(const QStringList& roots)
{
    m_table->clearSelection();
    for (int r = 0; r < m_table->rowCount(); ++r)
        if (roots.contains(m_table->item(r, NameColumn)->data(Qt::UserRole).toString()))
            m_table->selectionModel()->select(m_table->model()->index(r, 0),
                                              QItemSelectionModel::Select | QItemSelectionModel::Rows);
}

const RunRow* RunsPage::rowFor(const QString& root) const
{
    for (const RunRow& row : m_rows)
        if (row.root == root)
            return &row;
    return nullptr;
}

void RunsPage::onSelectionChanged()
{
    m_keepSelection = selectedRuns();
    showDetails();
    loadCurves();
}

void RunsPage::loadCurves()
{
    if (m_curvesWatcher->isRunning()) {
        m_curvesPending = true;
        return;
    }
    m_curvesWatcher->setFuture(QtConcurrent::run(readCurves, selectedRuns()));
}

void RunsPage::showCurves(const QList<LossSeries>& series)
{
    if (series.size() == 1) {
        m_plot->clearOverlays();
        m_plot->setMainCurvesVisible(true);
        m_plot->setSamples(series.first().samples);
    } else {
        m_plot->setSamples({});
        m_plot->setMainCurvesVisible(false);
        m_plot->setOverlays(series, static_cast<LossCurve>(m_compareCurve->currentIndex()));
    }
    emit curvesLoaded(series.size());
}

void RunsPage::showDetails()
{
    const QStringList runs = selectedRuns();
    const RunRow* run = runs.size() == 1 ? rowFor(runs.first()) : nullptr;
    m_resume->setEnabled(run && run->stopped);
    m_openInspector->setEnabled(run != nullptr);
    m_compareCurve->setEnabled(runs.size() > 1);
    if (runs.isEmpty()) {
        m_details->setText(m_rows.isEmpty() ? tr("No runs in %1 yet: train one on the Training page.").arg(runsFolder())
                                            : tr("Select a run to see its curves, or several to compare them."));
        return;
    }
    if (!run) {
        m_details->setText(tr("Comparing %n runs.", nullptr, runs.size()));
        return;
    }
    QString text = tr("<b>%1</b> \u2014 %2, %3, %4; %5 of %6 epochs, %7 steps")
                       .arg(run->name.toHtmlEscaped(), run->dataset.toHtmlEscaped(), run->method, run->state)
                       .arg(run->epochsDone).arg(run->epochs).arg(run->steps);
    const TrainConfig& c = run->config;
    text += QStringLiteral("<br>") +
            tr("%1×%1 px, width %2, %3 items, t_length %4, batch %5, lr %6, λc %7, λs %8, seed %9, %10")
                .arg(c.model.imageSize).arg(c.model.width).arg(c.model.memorySize).arg(c.model.tLength)
                .arg(c.batchSize).arg(c.learningRate).arg(c.lambdaCompact).arg(c.lambdaSeparate)
                .arg(c.seed).arg(QString::fromStdString(c.device).toHtmlEscaped());
    text += QStringLiteral("<br>") + (run->hasAuc ? tr("AUC %1 (micro, frame-level)").arg(run->microAuc, 0, 'f', 4)
                                                  : tr("Not evaluated yet."));
    if (!run->problem.isEmpty())
        text += QStringLiteral("<br><font color=\"#c03030\">%1</font>").arg(run->problem.toHtmlEscaped());
    m_details->setText(text);
}

} // namespace mnad::ui
