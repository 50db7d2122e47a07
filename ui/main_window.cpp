#include "ui/main_window.h"

#include "core/runtime/build_info.h"
#include "ui/about_dialog.h"
#include "ui/evaluation_job.h"
#include "ui/dataset_browser.h"
#include "ui/inspector_page.h"
#include "ui/preferences.h"
#include "ui/resources.h"
#include "ui/runs_folder.h"
#include "ui/runs_page.h"
#include "ui/training_page.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QMimeData>
#include <QDir>
#include <QFileInfo>
#include <QFileDialog>
#include <QLabel>
#include <QListWidget>
#include <QMenuBar>
#include <QMessageBox>
#include <QProgressDialog>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QStyle>

namespace mnad::ui {

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent), m_navigation(new QListWidget(this)), m_pages(new QStackedWidget(this)),
      m_deviceLabel(new QLabel(this))
{
    initResources();
    m_evaluation = new EvaluationJob(this);
    setObjectName(QStringLiteral("MainWindow"));
    setWindowTitle(tr("MNAD Studio"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/mnad-studio.svg")));
    setAcceptDrops(true);

    createPages();
    createMenus();

    auto* splitter = new QSplitter(this);
    splitter->addWidget(m_navigation);
    splitter->addWidget(m_pages);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({160, 900});
    setCentralWidget(splitter);

    const auto build = collectBuildInfo();
    m_deviceLabel->setText(tr("Device: %1").arg(QString::fromStdString(build.defaultDevice)));
    statusBar()->addPermanentWidget(m_deviceLabel);
    statusBar()->showMessage(tr("Ready"));

    restoreWindowState();
}

void MainWindow::createPages()
{
    m_navigation->setObjectName(QStringLiteral("navigation"));
    m_navigation->setIconSize(QSize(24, 24));
    m_navigation->setMaximumWidth(220);
    m_pages->setObjectName(QStringLiteral("pages"));

    m_datasetPage = new DatasetBrowser(m_pages);
    m_trainingPage = new ui::TrainingPage(m_pages);
    m_inspectorPage = new ui::InspectorPage(m_pages);
    m_runsPage = new ui::RunsPage(m_pages);
    m_inspectorPage->setObjectName(QStringLiteral("inspectorPage"));
    m_runsPage->setObjectName(QStringLiteral("runsPage"));
    const std::pair<QWidget*, std::pair<QString, QStyle::StandardPixmap>> pages[] = {
        {m_datasetPage, {tr("Dataset"), QStyle::SP_DirOpenIcon}},
        {m_trainingPage, {tr("Training"), QStyle::SP_MediaPlay}},
        {m_inspectorPage, {tr("Inspector"), QStyle::SP_FileDialogContentsView}},
        {m_runsPage, {tr("Runs"), QStyle::SP_FileDialogDetailedView}},
    };
    for (const auto& [page, item] : pages) {
        m_pages->addWidget(page);
        m_navigation->addItem(new QListWidgetItem(style()->standardIcon(item.second), item.first));
    }
    connect(m_navigation, &QListWidget::currentRowChanged, m_pages, &QStackedWidget::setCurrentIndex);
    m_navigation->setCurrentRow(DatasetPage);
    connectPages();
}

void MainWindow::connectPages()
{
    connect(m_datasetPage, &DatasetBrowser::datasetLoaded, m_trainingPage, &ui::TrainingPage::setDataset);
    connect(m_trainingPage, &ui::TrainingPage::openRunRequested, this, &MainWindow::openRun);
    connect(m_runsPage, &ui::RunsPage::openRunRequested, this, &MainWindow::openRun);
    connect(m_runsPage, &ui::RunsPage::resumeRunRequested, this, [this](const QString& runRoot) {
        if (m_trainingPage->resumeRun(runRoot))
            showPage(TrainingPage);
    });
    connect(m_trainingPage, &ui::TrainingPage::runsFolderChanged, m_runsPage, &ui::RunsPage::setRunsFolder);
    connect(m_trainingPage, &ui::TrainingPage::runUpdated, m_runsPage, [this] { m_runsPage->refresh(); });
    connect(m_trainingPage, &ui::TrainingPage::trainingStateChanged, this, [this](bool training) {
        statusBar()->showMessage(training ? tr("Training…") : tr("Ready"));
    });
    connect(m_inspectorPage, &ui::InspectorPage::runFailed, this,
            [this](const QString& message) { statusBar()->showMessage(message, 10000); });
}

void MainWindow::rebuildRecentMenu()
{
    m_recentMenu->clear();
    const QStringList recent = prefs::recentDatasets.get();
    for (const QString& root : recent)
        m_recentMenu->addAction(QDir::toNativeSeparators(root), this, [this, root] { openDataset(root); });
    m_recentMenu->setEnabled(!recent.isEmpty());
}

MainWindow::Page MainWindow::currentPage() const
{
    return static_cast<Page>(m_pages->currentIndex());
}

void MainWindow::showPage(Page page)
{
    m_navigation->setCurrentRow(page);
}

void MainWindow::openDataset(const QString& root)
{
    QStringList recent = prefs::recentDatasets.get();
    recent.removeAll(root);
    recent.prepend(root);
    while (recent.size() > prefs::maxRecentDatasets)
        recent.removeLast();
    prefs::recentDatasets.set(recent);
    rebuildRecentMenu();
    m_datasetPage->openDataset(root);
    showPage(DatasetPage);
}

void MainWindow::chooseDataset()
{
    const QStringList recent = prefs::recentDatasets.get();
    const QString start = recent.isEmpty() ? QDir::homePath() : recent.first();
    const QString root = QFileDialog::getExistingDirectory(this, tr("Open Dataset Root"), start);
    if (!root.isEmpty())
        openDataset(root);
}

void MainWindow::chooseRun()
{
    const QString root = QFileDialog::getExistingDirectory(this, tr("Open Run Folder"), effectiveRunsFolder());
    if (!root.isEmpty())
        openRun(root);
}

void MainWindow::importCheckpoint()
{
    if (m_evaluation->isRunning())
        return; // its progress dialog is open
    const QString file = QFileDialog::getOpenFileName(
        this, tr("Import Checkpoint"), QString(),
        tr("Checkpoints converted by tools/mnad-convert.py or written by MNAD Studio (*.pt *.pth);;All files (*)"));
    if (file.isEmpty())
        return;
    QString dataset = m_trainingPage->dataset();
    if (dataset.isEmpty())
        dataset = QFileDialog::getExistingDirectory(this, tr("Dataset to Evaluate the Checkpoint On"));
    if (dataset.isEmpty())
        return;
    showEvaluationProgress(tr("Importing %1 and evaluating it on %2\u2026")
                               .arg(QFileInfo(file).fileName(), QDir::toNativeSeparators(dataset)));
    m_evaluation->importAndEvaluate(file, dataset, effectiveRunsFolder());
}

void MainWindow::showEvaluationProgress(const QString& label)
{
    auto* dialog = new QProgressDialog(label, tr("Cancel"), 0, 0, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setMinimumDuration(0);
    dialog->setWindowModality(Qt::WindowModal);
    connect(dialog, &QProgressDialog::canceled, m_evaluation, &EvaluationJob::cancel);
    connect(m_evaluation, &EvaluationJob::progress, dialog, [dialog](qint64 done, qint64 all) {
        dialog->setMaximum(static_cast<int>(all));
        dialog->setValue(static_cast<int>(done));
    });
    const auto close = [this, dialog] {
        m_evaluation->disconnect(dialog);
        dialog->close();
        m_runsPage->refresh();
    };
    connect(m_evaluation, &EvaluationJob::finished, dialog, [this, close](const QString& runRoot) {
        close();
        openRun(runRoot);
    });
    connect(m_evaluation, &EvaluationJob::failed, dialog, [this, close](const QString& message) {
        close();
        QMessageBox::warning(this, tr("Evaluation failed"), message);
    });
    connect(m_evaluation, &EvaluationJob::cancelled, dialog, [this, close](const QString& runRoot) {
        close();
        statusBar()->showMessage(tr("The evaluation of %1 was cancelled.").arg(runRoot), 10000);
    });
}

void MainWindow::openRun(const QString& runRoot)
{
    const QDir run(runRoot);
    const bool evaluated = run.exists(QStringLiteral("scores.csv"));
    const bool trained = run.exists(QStringLiteral("checkpoints"));
    if (!evaluated && trained && !m_evaluation->isRunning()) {
        const auto answer = QMessageBox::question(
            this, tr("Evaluate the run?"),
            tr("%1 has not been evaluated yet: the Inspector needs its scores. Evaluate its latest checkpoint on "
               "its dataset's test videos now?").arg(QDir::toNativeSeparators(runRoot)),
            QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Yes);
        if (answer == QMessageBox::Yes) {
            showEvaluationProgress(tr("Evaluating %1\u2026").arg(run.dirName()));
            m_evaluation->evaluate(runRoot);
        }
        return;
    }
    m_inspectorPage->openRun(runRoot);
    showPage(InspectorPage);
}

void MainWindow::openPath(const QString& path)
{
    if (QFileInfo::exists(QDir(path).filePath(QStringLiteral("config.json"))))
        openRun(path);
    else
        openDataset(path);
}

void MainWindow::setLanguage(const QString& language)
{
    prefs::language.set(language);
    statusBar()->showMessage(tr("The language changes when MNAD Studio is restarted."), 8000);
}

void MainWindow::showAbout()
{
    AboutDialog dialog(this);
    dialog.exec();
}

void MainWindow::restoreWindowState()
{
    const QByteArray geometry = prefs::mainWindowGeometry.get();
    if (geometry.isEmpty() || !restoreGeometry(geometry))
        resize(1200, 780);
    restoreState(prefs::mainWindowState.get());
    const int page = prefs::currentPage.get();
    showPage(page >= 0 && page < PageCount ? static_cast<Page>(page) : DatasetPage);
}

void MainWindow::dragEnterEvent(QDragEnterEvent* event)
{
    const auto urls = event->mimeData()->urls();
    if (!urls.isEmpty() && urls.first().isLocalFile() && QFileInfo(urls.first().toLocalFile()).isDir())
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent* event)
{
    openDataset(event->mimeData()->urls().first().toLocalFile());
    event->acceptProposedAction();
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    if (!m_trainingPage->confirmClose()) { // asks, then stops the worker and keeps its checkpoint
        event->ignore();
        return;
    }
    if (m_evaluation->isRunning()) {
        if (QMessageBox::question(this, tr("Evaluation in progress"),
                                  tr("A run is being evaluated. Cancel the evaluation and quit? Nothing of it is "
                                     "written; it can be evaluated again later."),
                                  QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel) != QMessageBox::Yes) {
            event->ignore();
            return;
        }
        m_evaluation->cancel();
    }
    prefs::mainWindowGeometry.set(saveGeometry());
    prefs::mainWindowState.set(saveState());
    prefs::currentPage.set(currentPage());
    event->accept();
}

} // namespace mnad::ui
