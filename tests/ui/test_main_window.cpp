// The main window: its areas, menus, About box, settings and translations (runs offscreen).

#include "ui/about_dialog.h"
#include "ui/main_window.h"
#include "ui/preferences.h"
#include "ui/translations.h"

#include <QApplication>
#include <QListWidget>
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
        for (const char* name : {"datasetPage", "trainingPage", "inspectorPage"})
            QVERIFY2(window.findChild<QWidget*>(QLatin1String(name)), name);
        auto* navigation = window.findChild<QListWidget*>(QStringLiteral("navigation"));
        QVERIFY(navigation);
        QCOMPARE(navigation->count(), int(MainWindow::PageCount));
        QStringList menus;
        for (QAction* action : window.menuBar()->actions())
            menus << action->text();
        QCOMPARE(menus, (QStringList{QStringLiteral("&File"), QStringLiteral("&View"), QStringLiteral("&Help")}));
        QVERIFY(window.findChild<QAction*>(QStringLiteral("actionAbout")));
        QVERIFY(window.findChild<QAction*>(QStringLiteral("actionOpenDataset")));
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
    }

    void geometryAndPageSurviveARestart()
    {
        {
            MainWindow window;
            window.show();
            QVERIFY(QTest::qWaitForWindowExposed(&window));
            window.resize(900, 640);
            window.showPage(MainWindow::TrainingPage);
            QVERIFY(window.close());
        }
        QVERIFY(!prefs::mainWindowGeometry.get().isEmpty());
        MainWindow again;
        again.show();
        QVERIFY(QTest::qWaitForWindowExposed(&again));
        QCOMPARE(again.size(), QSize(900, 640));
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
