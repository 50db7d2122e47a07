// The Training and Runs pages driven offscreen: the form and its presets, the loss plot's smoothing and coalesced
// redraws, the memory panel, and a tiny real training run that is stopped, resumed, evaluated and reopened.

#include "core/demo/demo_dataset.h"
#include "core/io/demo_writer.h"
#include "core/run/run_folder.h"
#include "core/run/run_results.h"
#include "ui/evaluation_job.h"
#include "ui/loss_plot.h"
#include "ui/memory_panel.h"
#include "ui/preferences.h"
#include "ui/runs_page.h"
#include "ui/training_form.h"
#include "ui/training_page.h"

#include <QApplication>
#include <QCheckBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QComboBox>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QLabel>
#include <QProgressBar>
#include <QSettings>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <qcustomplot.h>

#include <algorithm>
#include <filesystem>
#include <memory>

using namespace mnad;
using namespace mnad::ui;

namespace {
// Records the longest gap between ticks of a 5 ms timer: how long the GUI thread was busy at a stretch.
class StallMeter : public QObject {
public:
    StallMeter()
    {
        m_clock.start();
        m_timer.setInterval(5);
        QObject::connect(&m_timer, &QTimer::timeout, this, [this] {
            m_longest = std::max(m_longest, m_clock.restart());
        });
        m_timer.start();
    }
    qint64 longestMs() const { return m_longest; }

private:
    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_longest = 0;
};

TrainConfig tinyConfig(int epochs)
{
    TrainConfig c = TrainConfig::official(Method::Prediction);
    c.model.imageSize = 24;
    c.model.width = 2;
    c.model.memorySize = 4;
    c.epochs = epochs;
    c.batchSize = 2;
    c.device = "cpu";
    return c;
}

QCPGraph* namedGraph(QCustomPlot* plot, const QString& name)
{
    for (int i = 0; i < plot->graphCount(); ++i)
        if (plot->graph(i)->name() == name)
            return plot->graph(i);
    return nullptr;
}
} // namespace

class TestTrainingPage : public QObject {
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QApplication::setOrganizationName(QStringLiteral("MNAD Studio Tests"));
        QApplication::setApplicationName(QStringLiteral("mnad_ui_training_tests"));
        QSettings().clear();
        QVERIFY(m_dir.isValid());
        DemoSpec spec;
        spec.trainVideos = 2;
        spec.testVideos = 2;
        spec.normalTestVideos = 0;
        spec.framesPerVideo = 24;
        m_dataset = QString::fromStdString(
            writeDemoDataset(DemoDataset(spec), m_dir.filePath(QStringLiteral("data")).toStdString(), 24).string());
        prefs::runsFolder.set(m_dir.filePath(QStringLiteral("runs")));
    }

    void formPresetsMethodsAndRoundTrip()
    {
        TrainingForm form;
        form.applyPreset(TrainingForm::Preset::PaperGpu);
        TrainConfig paper = form.config();
        QCOMPARE(paper.model.imageSize, 256);
        QCOMPARE(paper.model.width, 64);
        QCOMPARE(paper.epochs, 60);
        QCOMPARE(paper.model.tLength, 5);
        form.applyPreset(TrainingForm::Preset::CpuQuick);
        QCOMPARE(form.config().model.width, 16);
        QCOMPARE(form.config().device, std::string("cpu"));
        auto* preset = form.findChild<QComboBox*>(QStringLiteral("preset"));
        QCOMPARE(preset->currentIndex(), 1);

        // Switching to reconstruction takes its official t_length and loss weights.
        form.findChild<QComboBox*>(QStringLiteral("method"))->setCurrentIndex(1);
        QCOMPARE(form.config().model.method, Method::Reconstruction);
        QCOMPARE(form.config().model.tLength, 1);
        QCOMPARE(form.config().lambdaCompact, 0.01);
        QVERIFY(!form.findChild<QSpinBox*>(QStringLiteral("tLength"))->isEnabled());

        // An edit by hand turns the preset into Custom; every field has a tooltip.
        form.findChild<QSpinBox*>(QStringLiteral("epochs"))->setValue(7);
        QCOMPARE(preset->currentIndex(), 2);
        for (QWidget* field : form.findChildren<QWidget*>())
            if (qobject_cast<QSpinBox*>(field) || qobject_cast<QComboBox*>(field))
                QVERIFY2(!field->toolTip().isEmpty(), qPrintable(field->objectName()));

        TrainConfig custom = tinyConfig(3);
        custom.learningRate = 1.5e-4;
        custom.seed = 99;
        custom.precision = Precision::BFloat16;
        form.setConfig(custom);
        const TrainConfig back = form.config();
        QCOMPARE(back.model.imageSize, 24);
        QCOMPARE(back.model.memorySize, 4);
        QCOMPARE(back.epochs, 3);
        QCOMPARE(back.learningRate, 1.5e-4);
        QCOMPARE(back.seed, uint64_t(99));
        QCOMPARE(back.device, std::string("cpu"));
        QCOMPARE(back.precision, Precision::BFloat16);
        form.findChild<QComboBox*>(QStringLiteral("precision"))->setCurrentIndex(0);
        QCOMPARE(form.config().precision, Precision::Float32);
    }

    void lossPlotSmoothsLikeTensorBoardAndCoalescesRedraws()
    {
        LossPlot plot;
        plot.resize(600, 400);
        plot.show();
        QVERIFY(QTest::qWaitForWindowExposed(&plot));
        const int before = plot.replotCount();
        for (int i = 0; i < 200; ++i) // 200 appends in a burst: a handful of redraws at most
            plot.appendSamples({LossSample{double(i), 1.0 / (i + 1), 0.1, 0.2, 1.3, 2e-4}});
        QTRY_VERIFY(plot.replotCount() > before);
        QTest::qWait(100);
        QVERIFY2(plot.replotCount() - before <= 2, qPrintable(QString::number(plot.replotCount() - before)));
        QCOMPARE(plot.sampleCount(), 200);

        // Debiased EMA, weight 0.5, of 1, 0, 0: 1, 0.25/0.75, 0.125/0.875.
        plot.setSamples({LossSample{1, 1, 0, 0, 0, 0}, LossSample{2, 0, 0, 0, 0, 0}, LossSample{3, 0, 0, 0, 0, 0}});
        plot.setSmoothing(0.5);
        QCPGraph* pixel = namedGraph(plot.plot(), LossPlot::curveName(LossCurve::Pixel));
        QVERIFY(pixel);
        QCOMPARE(pixel->data()->size(), 3);
        QCOMPARE(pixel->data()->at(0)->value, 1.0);
        QVERIFY(qAbs(pixel->data()->at(1)->value - 1.0 / 3) < 1e-12);
        QVERIFY(qAbs(pixel->data()->at(2)->value - 0.125 / 0.875) < 1e-12);
        plot.setSmoothing(0);
        QCOMPARE(pixel->data()->at(2)->value, 0.0);

        // Overlays: one graph per other run, named after it.
        plot.setOverlays({LossSeries{QStringLiteral("runA"), {LossSample{1, 0, 0, 0, 2, 0}}},
                          LossSeries{QStringLiteral("runB"), {LossSample{1, 0, 0, 0, 3, 0}}}},
                         LossCurve::Total);
        QCOMPARE(plot.overlayCount(), 2);
        QCOMPARE(namedGraph(plot.plot(), QStringLiteral("runB"))->data()->at(0)->value, 3.0);
        plot.clearOverlays();
        QVERIFY(!namedGraph(plot.plot(), QStringLiteral("runA")));
    }

    void memoryPanelShowsUsageAndSimilarity()
    {
        MemoryPanel panel;
        panel.setMemory(1, 5, {0.5, 0.5, 0.0}, {1, 0.2, -0.4, 0.2, 1, 0.1, -0.4, 0.1, 1});
        QCOMPARE(panel.itemCount(), 3);
        auto* bars = qobject_cast<QCPBars*>(panel.usagePlot()->plottable(0));
        QVERIFY(bars);
        QCOMPARE(bars->data()->size(), 3);
        auto* map = qobject_cast<QCPColorMap*>(panel.similarityPlot()->plottable(0));
        QVERIFY(map);
        QCOMPARE(map->data()->keySize(), 3);
        QCOMPARE(map->data()->cell(2, 0), -0.4); // column 2, row 0
        auto* title = panel.findChild<QLabel*>(QStringLiteral("memoryTitle"));
        QVERIFY2(title->text().contains(QStringLiteral("epoch 2 of 5")), qPrintable(title->text()));
        QVERIFY2(title->text().contains(QStringLiteral("1 unused")), qPrintable(title->text()));
    }

    void trainStopResumeEvaluateAndReopen()
    {
        TrainingPage page;
        page.resize(1200, 800);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        page.setDataset(m_dataset);
        page.form()->setConfig(tinyConfig(10));
        page.findChild<QCheckBox*>(QStringLiteral("evaluateWhenFinished"))->setChecked(true);
        auto* progress = page.findChild<QProgressBar*>(QStringLiteral("trainingProgress"));

        // Stop as soon as the progress bar moves past step 3: a tiny run would otherwise finish between two polls.
        QMetaObject::Connection stopEarly = connect(progress, &QProgressBar::valueChanged, &page, [&page](int step) {
            if (step >= 3)
                page.stopTraining();
        });
        StallMeter stalls;
        QVERIFY(page.startTraining());
        QVERIFY(page.isTraining());
        QTRY_VERIFY_WITH_TIMEOUT(page.lossPlot()->sampleCount() >= 3, 60000);
        QTRY_VERIFY(progress->value() > 0);
        const int totalSteps = progress->maximum();
        QCOMPARE(totalSteps, 10 * 20); // 2 videos × (24 − 4) clips, in batches of 2, 10 epochs
        QVERIFY(totalSteps > progress->value());
        QTRY_VERIFY_WITH_TIMEOUT(!page.isTraining(), 60000);
        disconnect(stopEarly);
        const QString run = page.currentRun();
        QVERIFY(!run.isEmpty());
        const RunFolder folder(run.toStdString());
        QVERIFY(folder.latestCheckpoint().has_value());
        QVERIFY(!std::filesystem::exists(folder.finalCheckpoint()));
        const int stoppedAt = page.lossPlot()->sampleCount();
        qInfo("stopped at step %d of %d", stoppedAt, totalSteps);
        QVERIFY(stoppedAt < totalSteps);
        QCOMPARE(progress->value(), stoppedAt);

        QVERIFY(page.resumeRun(run));
        QTRY_VERIFY_WITH_TIMEOUT(!page.isTraining(), 180000);
        qInfo("longest event-loop stall while training: %lld ms", stalls.longestMs());
        QVERIFY2(stalls.longestMs() < 1000, qPrintable(QString::number(stalls.longestMs())));
        auto* message = page.findChild<QLabel*>(QStringLiteral("trainingMessage"));
        QVERIFY2(std::filesystem::exists(folder.finalCheckpoint()), qPrintable(message->text()));
        QCOMPARE(page.lossPlot()->sampleCount(), totalSteps); // one point per step, none twice
        QCOMPARE(page.lossPlot()->samples().last().step, double(totalSteps));
        QVERIFY(page.memoryPanel()->itemCount() == 4);
        auto* auc = page.findChild<QLabel*>(QStringLiteral("trainingAuc"));
        QVERIFY2(auc->text().startsWith(QStringLiteral("AUC 0.")) || auc->text().startsWith(QStringLiteral("AUC 1.")),
                 qPrintable(auc->text() + QLatin1Char(' ') + message->text()));

        // The runs page lists it as finished and evaluated, and reopening it shows its curves.
        QVERIFY(QDir().mkpath(m_dir.filePath(QStringLiteral("runs/copy"))));
        QVERIFY(QFile::copy(run + QStringLiteral("/config.json"), m_dir.filePath(QStringLiteral("runs/copy/config.json"))));
        QVERIFY(QFile::copy(run + QStringLiteral("/metrics.csv"), m_dir.filePath(QStringLiteral("runs/copy/metrics.csv"))));
        RunsPage runs;
        runs.resize(1200, 700);
        runs.show();
        QTRY_VERIFY_WITH_TIMEOUT(runs.runCount() == 2 && !runs.isLoading(), 10000);
        auto* table = runs.findChild<QTableWidget*>(QStringLiteral("runsTable"));
        int finishedRow = -1;
        for (int r = 0; r < table->rowCount(); ++r)
            if (table->item(r, 0)->data(Qt::UserRole).toString() == run)
                finishedRow = r;
        QVERIFY(finishedRow >= 0);
        QCOMPARE(table->item(finishedRow, 3)->text(), QStringLiteral("finished"));
        QCOMPARE(table->item(finishedRow, 4)->text(), QStringLiteral("10/10"));
        QVERIFY(table->item(finishedRow, 5)->text().startsWith(QLatin1Char('0')) ||
                table->item(finishedRow, 5)->text().startsWith(QLatin1Char('1')));

        QSignalSpy curves(&runs, &RunsPage::curvesLoaded);
        runs.selectRuns({run});
        QTRY_VERIFY_WITH_TIMEOUT(!curves.isEmpty() && curves.last().at(0).toInt() == 1, 10000);
        QCOMPARE(runs.lossPlot()->sampleCount(), totalSteps);
        QSignalSpy resume(&runs, &RunsPage::resumeRunRequested);
        QSignalSpy open(&runs, &RunsPage::openRunRequested);
        QTest::mouseClick(runs.findChild<QPushButton*>(QStringLiteral("openRunInInspector")), Qt::LeftButton);
        QCOMPARE(open.size(), 1);
        QCOMPARE(open.first().at(0).toString(), run);
        QVERIFY(!runs.findChild<QPushButton*>(QStringLiteral("resumeRun"))->isEnabled()); // finished

        // Two runs selected: one curve each, in one plot.
        curves.clear();
        runs.selectRuns({run, m_dir.filePath(QStringLiteral("runs/copy"))});
        QTRY_VERIFY_WITH_TIMEOUT(!curves.isEmpty() && curves.last().at(0).toInt() == 2, 10000);
        QCOMPARE(runs.lossPlot()->overlayCount(), 2);
        QCOMPARE(runs.lossPlot()->sampleCount(), 0);
    }

    void importingOrEvaluatingARunOnAWorker()
    {
        // The run trained above: import its final checkpoint as a new run and evaluate it (File → Import).
        std::filesystem::path checkpoint;
        for (const RunInfo& run : listRuns(m_dir.filePath(QStringLiteral("runs")).toStdString())) {
            if (run.state == RunState::Finished)
                checkpoint = RunFolder(run.root).finalCheckpoint();
        }
        QVERIFY(!checkpoint.empty());
        EvaluationJob job;
        QSignalSpy done(&job, &EvaluationJob::finished), progress(&job, &EvaluationJob::progress);
        job.importAndEvaluate(QString::fromStdString(checkpoint.string()), m_dataset, m_dir.filePath(QStringLiteral("imported")));
        QVERIFY(done.wait(120000));
        const RunInfo imported = readRunInfo(done.first().first().toString().toStdString());
        QVERIFY2(imported.problem.empty(), imported.problem.c_str());
        QCOMPARE(imported.state, RunState::Finished);
        QVERIFY(imported.evaluated && imported.hasAuc);
        QCOMPARE(progress.size(), 2); // one per test video
        QVERIFY(std::filesystem::exists(RunFolder(imported.root).scores()));

        // A run without results (here: removed) is evaluated again in place, as Open in Inspector offers.
        std::filesystem::remove(RunFolder(imported.root).scores());
        job.evaluate(QString::fromStdString(imported.root.string()));
        QVERIFY(done.wait(120000));
        QCOMPARE(done.last().first().toString(), QString::fromStdString(imported.root.string()));
        QVERIFY(std::filesystem::exists(RunFolder(imported.root).scores()));

        // A file that is not a checkpoint: the message names it, and no run folder is made.
        QSignalSpy failed(&job, &EvaluationJob::failed);
        const QString labels = m_dataset + QStringLiteral("/frame_labels_demo.npy");
        job.importAndEvaluate(labels, m_dataset, m_dir.filePath(QStringLiteral("bad")));
        QVERIFY(failed.wait(60000));
        QVERIFY2(failed.first().first().toString().contains(QStringLiteral("frame_labels_demo.npy")),
                 qPrintable(failed.first().first().toString()));
        QVERIFY(!QDir(m_dir.filePath(QStringLiteral("bad"))).exists());
    }

    void closingWhileTrainingStopsAndKeepsTheCheckpoint()
    {
        auto page = std::make_unique<TrainingPage>();
        page->setDataset(m_dataset);
        page->form()->setConfig(tinyConfig(200));
        page->findChild<QCheckBox*>(QStringLiteral("evaluateWhenFinished"))->setChecked(false);
        QVERIFY(page->startTraining());
        QTRY_VERIFY_WITH_TIMEOUT(page->lossPlot()->sampleCount() >= 1, 60000);
        QElapsedTimer waited;
        waited.start();
        QVERIFY(page->requestStopAndWait(30000));
        qInfo("stop on close took %lld ms", waited.elapsed());
        QVERIFY(!page->isTraining() || QTest::qWaitFor([&] { return !page->isTraining(); }, 1000));
        const RunFolder folder(page->currentRun().toStdString());
        QVERIFY(folder.latestCheckpoint().has_value());
        QVERIFY(!std::filesystem::exists(folder.finalCheckpoint()));
        page.reset(); // the destructor must not hang or crash with the worker's signals still queued
    }

private:
    QTemporaryDir m_dir;
    QString m_dataset;
};

QTEST_MAIN(TestTrainingPage)
#include "test_training_page.moc"
