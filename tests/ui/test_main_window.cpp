// The main window: its areas, menus, About box, settings and translations (runs offscreen).

#include "core/data/npy_writer.h"
#include "ui/about_dialog.h"
#include "ui/main_window.h"
#include "ui/preferences.h"
#include "ui/theme.h"
#include "ui/translations.h"

#include <QApplication>
#include <QDir>
#include <QImage>
#include <QLabel>
#include <QTemporaryDir>
#include <QTreeWidget>
#include <QListWidget>
#include <QMenu>
#include <QMenuBar>
#include <QSettings>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QTest>
#include <QTranslator>

using mnad::ui::MainWindow;
namespace prefs = mnad::ui::prefs;

class TestMainWindow : public QObject {
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QApplication::setOrganizationName(QStringLiteral("MNAD Studio Tests"));
        QApplication::setApplicationName(QStringLiteral("mnad_ui_tests"));
        QSettings().clear();
    }

    void opensWithItsAreas()
    {
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        for (const char* name : {"datasetPage", "trainingPage", "inspectorPage", "runsPage"})
            QVERIFY2(window.findChild<QWidget*>(QLatin1String(name)), name);
        auto* navigation = window.findChild<QListWidget*>(QStringLiteral("navigation"));
        QVERIFY(navigation);
        QCOMPARE(navigation->count(), int(MainWindow::PageCount));
        QStringList menus;
        for (QAction* action : window.menuBar()->actions())
            menus << action->text();
        QCOMPARE(menus, (QStringList{QStringLiteral("&File"), QStringLiteral("&View"), QStringLiteral("&Training"),
                                     QStringLiteral("&Playback"), QStringLiteral("&Help")}));
        QVERIFY(window.findChild<QAction*>(QStringLiteral("actionStartTraining"))->isEnabled());
        QVERIFY(!window.findChild<QAction*>(QStringLiteral("actionStopTraining"))->isEnabled());
        QVERIFY(window.findChild<QAction*>(QStringLiteral("actionAbout")));
        QVERIFY(window.findChild<QAction*>(QStringLiteral("actionOpenDataset")));
        QVERIFY(window.findChild<QAction*>(QStringLiteral("actionOpenRun")));
        QVERIFY(window.findChild<QAction*>(QStringLiteral("actionImportCheckpoint")));
        // The player's shortcuts are menu actions (so they show and can be rebound): Space plays.
        QMenu* playback = window.menuBar()->actions().at(3)->menu();
        bool hasSpace = false;
        for (QAction* action : playback->actions())
            hasSpace = hasSpace || action->shortcuts().contains(QKeySequence(Qt::Key_Space));
        QVERIFY(hasSpace);
    }

    void shortcutsAndNavigationSwitchPages()
    {
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto* pages = window.findChild<QStackedWidget*>(QStringLiteral("pages"));
        QTest::keyClick(&window, Qt::Key_3, Qt::ControlModifier);
        QCOMPARE(window.currentPage(), MainWindow::InspectorPage);
        QCOMPARE(pages->currentWidget()->objectName(), QStringLiteral("inspectorPage"));
        window.findChild<QListWidget*>(QStringLiteral("navigation"))->setCurrentRow(MainWindow::TrainingPage);
        QCOMPARE(pages->currentWidget()->objectName(), QStringLiteral("trainingPage"));
        QTest::keyClick(&window, Qt::Key_4, Qt::ControlModifier);
        QCOMPARE(pages->currentWidget()->objectName(), QStringLiteral("runsPage"));
    }

    void geometryAndPageSurviveARestart()
    {
        {
            MainWindow window;
            window.show();
            QVERIFY(QTest::qWaitForWindowExposed(&window));
            window.resize(1040, 700);
            window.showPage(MainWindow::TrainingPage);
            QVERIFY(window.close());
        }
        QVERIFY(!prefs::mainWindowGeometry.get().isEmpty());
        MainWindow again;
        again.show();
        QVERIFY(QTest::qWaitForWindowExposed(&again));
        QCOMPARE(again.size(), QSize(1040, 700));
        QCOMPARE(again.currentPage(), MainWindow::TrainingPage);
        QVERIFY(again.close());
    }

    void recentDatasetsAreDedupedAndCapped()
    {
        prefs::recentDatasets.clear();
        MainWindow window;
        for (int i = 0; i < 15; ++i)
            window.openDataset(QStringLiteral("/data/set%1").arg(i));
        window.openDataset(QStringLiteral("/data/set3"));
        const QStringList recent = prefs::recentDatasets.get();
        QCOMPARE(recent.size(), prefs::maxRecentDatasets);
        QCOMPARE(recent.first(), QStringLiteral("/data/set3"));
        QCOMPARE(recent.count(QStringLiteral("/data/set3")), 1);
        QCOMPARE(window.currentPage(), MainWindow::DatasetPage);
    }

    void aboutBoxListsVersions()
    {
        const QStringList lines = mnad::ui::AboutDialog::versionLines();
        QVERIFY(lines.contains(QStringLiteral("Qt ") + QString::fromLatin1(qVersion())));
        QVERIFY(lines.filter(QStringLiteral("LibTorch ")).size() == 1);
        QVERIFY(lines.filter(QStringLiteral("QCustomPlot 2.")).size() == 1);
        mnad::ui::AboutDialog dialog;
        QVERIFY(dialog.findChild<QWidget*>(QStringLiteral("versions")));
    }

    void datasetPageShowsVideosAndLabels()
    {
        QTemporaryDir dir;
        const QString root = dir.filePath(QStringLiteral("toy"));
        for (const char* video : {"training/frames/01", "testing/frames/01", "testing/frames/02"}) {
            QVERIFY(QDir().mkpath(root + QLatin1Char('/') + QLatin1String(video)));
            for (int f = 0; f < 3; ++f) {
                QImage frame(24, 16, QImage::Format_RGB888);
                frame.fill(QColor(10 * f, 20, 30));
                QVERIFY(frame.save(root + QLatin1Char('/') + QLatin1String(video) + QStringLiteral("/%1.png").arg(f)));
            }
        }
        mnad::writeLabelsNpy(QString(root + QStringLiteral("/frame_labels_toy.npy")).toStdString(), {0, 0, 1, 1, 1, 0});

        MainWindow window;
        window.show();
        window.openDataset(root);
        auto* videos = window.findChild<QTreeWidget*>(QStringLiteral("datasetVideos"));
        auto* labels = window.findChild<QLabel*>(QStringLiteral("labelStatus"));
        QVERIFY(videos && labels);
        QTRY_VERIFY_WITH_TIMEOUT(videos->isVisible(), 10000);
        QCOMPARE(videos->topLevelItemCount(), 2);
        QCOMPARE(videos->topLevelItem(1)->childCount(), 2);
        QCOMPARE(videos->topLevelItem(1)->child(0)->text(2), QStringLiteral("24×16"));
        QVERIFY2(labels->text().contains(QStringLiteral("3 of 6 test frames abnormal")), qPrintable(labels->text()));

        // Labels of the wrong length: shown in the page, with both numbers.
        mnad::writeLabelsNpy(QString(root + QStringLiteral("/frame_labels_toy.npy")).toStdString(), {0, 1});
        window.openDataset(root);
        QTRY_VERIFY_WITH_TIMEOUT(labels->text().startsWith(QStringLiteral("Labels do not fit")), 10000);
        QVERIFY2(labels->text().contains(QStringLiteral("6")), qPrintable(labels->text()));

        // A folder that is not a dataset: a message in the page, no crash.
        window.openDataset(dir.filePath(QStringLiteral("missing")));
        auto* message = window.findChild<QLabel*>(QStringLiteral("datasetMessage"));
        QTRY_VERIFY_WITH_TIMEOUT(message->text().contains(QStringLiteral("not a folder")), 10000);
        QVERIFY(!videos->isVisible());
    }

    void themesSwitchLiveAndSystemComesBack()
    {
        auto* app = qobject_cast<QApplication*>(QCoreApplication::instance());
        const QColor platform = QApplication::palette().color(QPalette::Window);
        mnad::ui::applyTheme(*app, QStringLiteral("dark"));
        QVERIFY(QApplication::palette().color(QPalette::Window).lightness() < 128);
        mnad::ui::applyTheme(*app, QStringLiteral("light"));
        QVERIFY(QApplication::palette().color(QPalette::Window).lightness() >= 128);
        if (!mnad::ui::systemPrefersDark()) { // offscreen has a light platform palette, unless the desktop asks for dark
            mnad::ui::applyTheme(*app, QStringLiteral("system"));
            QCOMPARE(QApplication::palette().color(QPalette::Window), platform);
        }
    }

    void chineseTranslationIsBuiltIn()
    {
        QCOMPARE(mnad::ui::installTranslations(*qApp, QStringLiteral("en")), QString());
        QCOMPARE(mnad::ui::installTranslations(*qApp, QStringLiteral("zh_CN")), QStringLiteral("zh_CN"));
        MainWindow window;
        const QString file = window.menuBar()->actions().first()->text();
        QVERIFY2(file != QStringLiteral("&File"), qPrintable(file));
        QVERIFY2(file.contains(QChar(0x6587)), qPrintable(file)); // 文件
        for (QTranslator* translator : qApp->findChildren<QTranslator*>())
            QCoreApplication::removeTranslator(translator);
    }
};

QTEST_MAIN(TestMainWindow)
#include "test_main_window.moc"
