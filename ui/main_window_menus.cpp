// The main window's menus and toolbar (kept apart from the page wiring in main_window.cpp).

#include "ui/inspector_page.h"
#include "ui/main_window.h"
#include "ui/preferences.h"
#include "ui/theme.h"
#include "ui/training_page.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QListWidget>
#include <QMenuBar>
#include <QStyle>
#include <QToolBar>

#include <functional>
#include <utility>
#include <vector>

namespace mnad::ui {

namespace {

// A submenu of exclusive, checkable choices (code, label); `choose` gets the code picked.
void addChoiceMenu(QMenu* parent, const QString& title, const std::vector<std::pair<QString, QString>>& choices,
                   const QString& current, const std::function<void(const QString&)>& choose)
{
    QMenu* menu = parent->addMenu(title);
    auto* group = new QActionGroup(menu);
    for (const auto& [code, label] : choices) {
        QAction* action = menu->addAction(label, menu, [choose, code = code] { choose(code); });
        action->setCheckable(true);
        action->setChecked(code == current);
        group->addAction(action);
    }
}

QAction* namedAction(QAction* action, const char* objectName, const QKeySequence& shortcut)
{
    action->setObjectName(QLatin1String(objectName));
    action->setShortcut(shortcut);
    return action;
}

} // namespace

void MainWindow::createMenus()
{
    createFileMenu();
    createViewMenu();
    createTrainingMenu();
    QMenu* playback = menuBar()->addMenu(tr("&Playback"));
    playback->addActions(m_inspectorPage->playbackActions());

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    QAction* about = help->addAction(tr("&About MNAD Studio"), this, &MainWindow::showAbout);
    about->setMenuRole(QAction::AboutRole);
    about->setObjectName(QStringLiteral("actionAbout"));
    help->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt)->setMenuRole(QAction::AboutQtRole);
}

void MainWindow::createFileMenu()
{
    QMenu* file = menuBar()->addMenu(tr("&File"));
    QAction* open = namedAction(file->addAction(tr("&Open Dataset\u2026"), this, &MainWindow::chooseDataset),
                                "actionOpenDataset", QKeySequence::Open);
    QAction* openRun = namedAction(file->addAction(tr("Open R&un\u2026"), this, &MainWindow::chooseRun),
                                   "actionOpenRun", QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O));
    QAction* importAction =
        namedAction(file->addAction(tr("&Import Checkpoint\u2026"), this, &MainWindow::importCheckpoint),
                    "actionImportCheckpoint", QKeySequence(Qt::CTRL | Qt::Key_I));
    m_recentMenu = file->addMenu(tr("Open &Recent"));
    rebuildRecentMenu();
    file->addSeparator();
    QMenu* exportMenu = file->addMenu(tr("&Export"));
    exportMenu->addActions(m_inspectorPage->exportActions());
    file->addSeparator();
    QAction* quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);
    quit->setMenuRole(QAction::QuitRole);

    QToolBar* toolbar = addToolBar(tr("Main"));
    toolbar->setObjectName(QStringLiteral("mainToolBar"));
    toolbar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    open->setIcon(style()->standardIcon(QStyle::SP_DirOpenIcon));
    openRun->setIcon(style()->standardIcon(QStyle::SP_FileDialogContentsView));
    importAction->setIcon(style()->standardIcon(QStyle::SP_ArrowDown));
    toolbar->addActions({open, openRun, importAction});
}

void MainWindow::createViewMenu()
{
    QMenu* view = menuBar()->addMenu(tr("&View"));
    for (int page = 0; page < PageCount; ++page) {
        QAction* action = view->addAction(m_navigation->item(page)->text(), this,
                                          [this, page] { showPage(static_cast<Page>(page)); });
        action->setShortcut(QKeySequence(Qt::CTRL | static_cast<Qt::Key>(Qt::Key_1 + page)));
    }
    view->addSeparator();
    addChoiceMenu(view, tr("&Theme"),
                  {{QStringLiteral("system"), tr("Follow the System")},
                   {QStringLiteral("light"), tr("Light")},
                   {QStringLiteral("dark"), tr("Dark")}},
                  prefs::theme.get(), [](const QString& code) {
                      prefs::theme.set(code);
                      applyTheme(*qApp, code);
                  });
    addChoiceMenu(view, tr("&Language"),
                  {{QString(), tr("System")},
                   {QStringLiteral("en"), QStringLiteral("English")},
                   {QStringLiteral("zh_CN"), QStringLiteral("\u7b80\u4f53\u4e2d\u6587")}},
                  prefs::language.get(), [this](const QString& code) { setLanguage(code); });
}

void MainWindow::createTrainingMenu()
{
    QMenu* training = menuBar()->addMenu(tr("&Training"));
    QAction* start = namedAction(training->addAction(tr("&Start Training"), this, [this] {
        showPage(TrainingPage);
        m_trainingPage->startTraining();
    }), "actionStartTraining", QKeySequence(Qt::CTRL | Qt::Key_Return));
    QAction* stop = namedAction(
        training->addAction(tr("S&top Training"), m_trainingPage, &ui::TrainingPage::stopTraining),
        "actionStopTraining", QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Return));
    stop->setEnabled(false);
    connect(m_trainingPage, &ui::TrainingPage::trainingStateChanged, this, [start, stop](bool running) {
        start->setEnabled(!running);
        stop->setEnabled(running);
    });
}

} // namespace mnad::ui
