// The Inspector page on a tiny evaluated run (runs offscreen): seek shows the right frame, the plot cursor
// follows, clicking the plot seeks, the threshold gives the expected segments, the usage heatmap equals the core's
// histogram, the shortcuts drive the player, and the exported MP4 decodes to the video's frame count.

#include "core/data/dataset_layout.h"
#include "core/demo/demo_dataset.h"
#include "core/io/demo_writer.h"
#include "core/io/disk_frame_provider.h"
#include "core/io/source_frames.h"
#include "core/io/video_reader.h"
#include "core/jobs/run_jobs.h"
#include "core/run/run_results.h"
#include "core/train/trainer.h"
#include "tests/core/tiny_run.h"
#include "ui/colour_maps.h"
#include "ui/frame_cache.h"
#include "ui/frame_view.h"
#include "ui/inspector_page.h"
#include "ui/memory_usage_view.h"
#include "ui/playback_controller.h"
#include "ui/score_segments.h"
#include "ui/score_strip.h"
#include "ui/video_export.h"

#include <QAction>
#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QListWidget>
#include <QRandomGenerator>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <qcustomplot.h>

#include <algorithm>
#include <memory>
#include <vector>

using namespace mnad::ui;

namespace {
constexpr int kFrames = 24;     // per test video
constexpr int kDiskSize = 256;  // frames on disk, about Ped2's size: what the player decodes and paints
constexpr int kModelSize = 32;  // the model's input: a 4×4 query grid
} // namespace

class TestInspectorPage : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_run;
    mnad::Evaluation m_evaluation;
    mnad::Dataset m_dataset;

    // Opens the run in a shown page and waits until video 0's frames and maps are there.
    void openPage(InspectorPage& page)
    {
        page.resize(1280, 800);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        QSignalSpy opened(&page, &InspectorPage::runOpened);
        page.openRun(m_run);
        QVERIFY(opened.wait(20000));
        QTRY_VERIFY_WITH_TIMEOUT(page.hasMaps(), 60000);
        QTRY_COMPARE_WITH_TIMEOUT(page.frameCache()->cachedFrames(), kFrames, 20000);
        if (qEnvironmentVariableIsSet("MNAD_SCREENSHOT_DIR")) { // a look at the page (not a check)
            page.seek(12);
            QTest::qWait(100);
            const QString dir = qEnvironmentVariable("MNAD_SCREENSHOT_DIR");
            page.grab().save(dir + QStringLiteral("/inspector.png"));
            page.frameView()->setArrangement(FrameView::Arrangement::SideBySide);
            page.frameView()->setLayers(FrameView::Prediction | FrameView::Error | FrameView::Attention);
            page.findChild<QTabWidget*>(QStringLiteral("inspectorTabs"))->setCurrentIndex(1);
            page.seek(11); // colours the layers just switched on
            QTest::qWait(100);
            page.grab().save(dir + QStringLiteral("/inspector_memory.png"));
            page.frameView()->setArrangement(FrameView::Arrangement::Overlay);
            page.frameView()->setLayers(FrameView::Error);
            page.findChild<QTabWidget*>(QStringLiteral("inspectorTabs"))->setCurrentIndex(0);
            page.seek(0);
        }
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QApplication::setOrganizationName(QStringLiteral("MNAD Studio Tests"));
        QApplication::setApplicationName(QStringLiteral("mnad_ui_inspector_tests"));
        QSettings().clear();
        QVERIFY(m_dir.isValid());
        const std::filesystem::path root = m_dir.path().toStdString();
        mnad::DemoSpec spec;
        spec.trainVideos = 2;
        spec.testVideos = 2;
        spec.normalTestVideos = 0;
        spec.framesPerVideo = kFrames;
        const mnad::test::TinyRun tiny = mnad::test::makeTinyRun(root, spec, kDiskSize, kModelSize);
        m_dataset = tiny.dataset;
        const mnad::RunFolder& run = tiny.run;
        mnad::RunJobRequest request;
        request.run = run.root();
        request.device = "cpu";
        mnad::evaluateRun(request);
        m_run = QString::fromStdString(run.root().string());
        m_evaluation = mnad::readEvaluation(run.root());
        QCOMPARE(m_evaluation.videos.size(), size_t(2));
    }

    void seekShowsTheFrameAndMovesTheCursors()
    {
        InspectorPage page;
        openPage(page);
        QCOMPARE(page.videoCount(), 2);
        QCOMPARE(page.currentVideo(), 0);
        mnad::SourceFrames source(m_dataset.testing.videos[0]);
        std::vector<uint8_t> bgr;
        for (int k : {7, 0, 23, 12}) {
            page.seek(k);
            QCOMPARE(page.currentFrame(), k);
            QTRY_COMPARE(page.frameView()->frameIndex(), k);
            int width = 0, height = 0;
            source.readFrame(k, bgr, width, height);
            QCOMPARE(page.frameView()->input(), imageFromBgr(bgr.data(), width, height));
            QCOMPARE(page.scoreStrip()->cursorFrame(), k);
            QCOMPARE(page.memoryView()->cursorFrame(), k);
        }
        page.showVideo(1);
        QCOMPARE(page.currentVideo(), 1);
        QCOMPARE(page.currentFrame(), 0);
        QCOMPARE(page.playback()->frameCount(), int(m_evaluation.videos[1].frames.size()));
    }

    void clickingAndDraggingThePlotSeeks()
    {
        InspectorPage page;
        openPage(page);
        ScoreStrip* strip = page.scoreStrip();
        strip->setThreshold(0.95); // out of the way of the clicks below
        strip->replot();
        QTest::mouseClick(strip, Qt::LeftButton, {}, strip->pixelFor(17, 0.1));
        QCOMPARE(page.currentFrame(), 17);
        QCOMPARE(strip->cursorFrame(), 17);
        QTest::mousePress(strip, Qt::LeftButton, {}, strip->pixelFor(3, 0.1));
        QTest::mouseMove(strip, strip->pixelFor(9, 0.1));
        QTest::mouseRelease(strip, Qt::LeftButton, {}, strip->pixelFor(9, 0.1));
        QCOMPARE(page.currentFrame(), 9);
    }

    void thresholdGivesTheExpectedSegments()
    {
        const std::vector<double> scores = {0.1, 0.6, 0.7, 0.2, 0.9, 0.9, 0.3, 0.8, 0.4, 0.95};
        std::vector<bool> scored(scores.size(), true);
        scored[0] = false;
        scored[7] = false; // an unscored frame belongs to no segment
        const std::vector<FrameSegment> expected = {{1, 2}, {4, 5}, {9, 9}};
        QVERIFY(segmentsAbove(scores, scored, 0.5) == expected);
        QVERIFY(segmentsAbove(scores, {}, 0.85) == (std::vector<FrameSegment>{{4, 5}, {9, 9}}));
        QVERIFY(labelledSegments({0, 1, 1, -1, 1}) == (std::vector<FrameSegment>{{1, 2}, {4, 4}}));
        QCOMPARE(nextSegment(expected, 2), 1);
        QCOMPARE(previousSegment(expected, 4), 0);
        QCOMPARE(nextSegment(expected, 9), -1);

        ScoreStrip strip;
        strip.resize(800, 240);
        strip.show();
        QVERIFY(QTest::qWaitForWindowExposed(&strip));
        strip.setSeries({scores, scored, {}, {}, {}});
        strip.setThreshold(0.5);
        QVERIFY(strip.segments() == expected);
        strip.replot();
        // Dragging the line from 0.5 down to 0.25 adds frame 8 (0.4) and joins 4–6 (0.3).
        QTest::mousePress(&strip, Qt::LeftButton, {}, strip.pixelFor(3, 0.5));
        QTest::mouseMove(&strip, strip.pixelFor(3, 0.25));
        QTest::mouseRelease(&strip, Qt::LeftButton, {}, strip.pixelFor(3, 0.25));
        QVERIFY(std::abs(strip.threshold() - 0.25) < 0.02);
        QVERIFY(strip.segments() == (std::vector<FrameSegment>{{1, 2}, {4, 6}, {8, 9}}));
    }

    void pageListsSegmentsAndJumpsBetweenThem()
    {
        InspectorPage page;
        openPage(page);
        page.scoreStrip()->setThreshold(0.5);
        std::vector<double> anomaly;
        std::vector<bool> scored;
        for (const auto& frame : m_evaluation.videos[0].frames) {
            anomaly.push_back(1.0 - frame.normality);
            scored.push_back(frame.scored);
        }
        const auto expected = segmentsAbove(anomaly, scored, 0.5);
        QVERIFY(!expected.empty()); // per-video min-max puts the top score at 1
        auto* list = page.findChild<QListWidget*>(QStringLiteral("segmentList"));
        QCOMPARE(list->count(), int(expected.size()));
        page.seek(0);
        page.playback()->action(QStringLiteral("actionNextSegment"))->trigger();
        QCOMPARE(page.currentFrame(), expected.front().first);
    }

    void usageHeatmapMatchesTheHistogram()
    {
        InspectorPage page;
        openPage(page);
        const MemoryUsageView* view = page.memoryView();
        const auto& frames = m_evaluation.videos[0].frames;
        QCOMPARE(view->items(), 4);
        QCOMPARE(view->frames(), int(frames.size()));
        QCPColorMapData* data = view->usageMap()->data(); // cell() is not const in QCustomPlot 2.1
        QCOMPARE(data->keySize(), int(frames.size()));
        QCOMPARE(data->valueSize(), 4);
        double total = 0, item2 = 0;
        for (int f = 0; f < int(frames.size()); ++f)
            for (int item = 0; item < 4; ++item) {
                const int uses = frames[size_t(f)].itemUsage.empty() ? 0 : frames[size_t(f)].itemUsage[size_t(item)];
                QCOMPARE(data->cell(f, item), double(uses));
                total += uses;
                item2 += item == 2 ? uses : 0;
            }
        QVERIFY(total > 0);
        QVERIFY(std::abs(view->usageShare(2) - item2 / total) < 1e-12);
        const auto top = view->topFrames(2, 3);
        for (size_t i = 1; i < top.size(); ++i)
            QVERIFY(frames[size_t(top[i - 1])].itemUsage[2] >= frames[size_t(top[i])].itemUsage[2]);
        QVERIFY(page.memoryView()->similarityPlot()->isVisibleTo(page.memoryView()));
    }

    void shortcutsDriveThePlayer()
    {
        InspectorPage page;
        openPage(page);
        page.activateWindow();
        page.frameView()->setFocus();
        QTRY_VERIFY(page.frameView()->hasFocus());
        QTest::keyClick(page.frameView(), Qt::Key_Right);
        QCOMPARE(page.currentFrame(), 1);
        QTest::keyClick(page.frameView(), Qt::Key_Period);
        QCOMPARE(page.currentFrame(), 2);
        QTest::keyClick(page.frameView(), Qt::Key_Comma);
        QCOMPARE(page.currentFrame(), 1);
        QTest::keyClick(page.frameView(), Qt::Key_End);
        QCOMPARE(page.currentFrame(), kFrames - 1);
        QTest::keyClick(page.frameView(), Qt::Key_Left, Qt::ShiftModifier); // the demo's fps is unknown: 25
        QCOMPARE(page.currentFrame(), 0);
        QTest::keyClick(page.frameView(), Qt::Key_BracketRight);
        QCOMPARE(page.playback()->speed(), 1.5);
        QTest::keyClick(page.frameView(), Qt::Key_Space);
        QVERIFY(page.playback()->isPlaying());
        QTRY_VERIFY_WITH_TIMEOUT(page.currentFrame() >= 5, 3000);
        QTest::keyClick(page.frameView(), Qt::Key_K);
        QVERIFY(!page.playback()->isPlaying());
        QTest::keyClick(page.frameView(), Qt::Key_Home);
        QCOMPARE(page.currentFrame(), 0);
    }

    void playbackStopsAtTheEndOrLoops()
    {
        PlaybackController player;
        player.setVideo(10, 100);
        player.setSpeed(4);
        player.seek(6);
        player.play();
        QTRY_VERIFY_WITH_TIMEOUT(!player.isPlaying(), 2000);
        QCOMPARE(player.currentFrame(), 9);
        player.setLoop(true);
        QSignalSpy frames(&player, &PlaybackController::frameChanged);
        player.play(); // from the last frame: starts over
        QTRY_VERIFY_WITH_TIMEOUT(frames.count() > 15, 3000); // went round at least once
        QVERIFY(player.isPlaying());
        player.pause();
        player.setLoop(false);
        player.seek(5);
        player.shuttleBackward();
        QCOMPARE(player.direction(), -1);
        QTRY_COMPARE_WITH_TIMEOUT(player.currentFrame(), 0, 2000);
    }

    void seekLatencyWithOverlays()
    {
        InspectorPage page;
        openPage(page);
        FrameView* view = page.frameView();
        view->setLayers(FrameView::Prediction | FrameView::Error | FrameView::Attention);
        view->setArrangement(FrameView::Arrangement::Overlay);
        std::vector<double> ms;
        QRandomGenerator random(42);
        QElapsedTimer clock;
        for (int i = 0; i < 200; ++i) {
            const int k = random.bounded(kFrames);
            clock.start();
            page.seek(k);
            view->repaint(); // the seek's cost includes painting the frame with its overlays
            ms.push_back(clock.nsecsElapsed() / 1e6);
            QCOMPARE(view->frameIndex(), k);
        }
        std::sort(ms.begin(), ms.end());
        const double p95 = ms[ms.size() * 95 / 100];
        qInfo("seek latency with overlays, %dx%d frames in a %dx%d view: median %.2f ms, p95 %.2f ms, max %.2f ms",
              kDiskSize, kDiskSize, view->width(), view->height(), ms[ms.size() / 2], p95, ms.back());
        QVERIFY2(p95 < 500, "seeking is far too slow"); // generous: shared CI machines
    }

    void exportsScoresAndAnAnnotatedVideo()
    {
        InspectorPage page;
        openPage(page);
        const QString csv = m_dir.filePath(QStringLiteral("scores.csv"));
        QString error;
        QVERIFY2(page.exportScoresCsv(csv, &error), qPrintable(error));
        QFile file(csv);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = file.readAll().trimmed().split('\n');
        QCOMPARE(lines.size(), kFrames + 1);
        QVERIFY(lines[0].startsWith("video,frame,scored"));
        const QString png = m_dir.filePath(QStringLiteral("strip.png"));
        QVERIFY(page.exportPlotPng(page.scoreStrip(), png));
        QVERIFY(!QImage(png).isNull());

        const QString mp4 = m_dir.filePath(QStringLiteral("annotated.mp4"));
        QSignalSpy done(&page, &InspectorPage::videoExported);
        QVERIFY(page.exportVideo(mp4));
        QVERIFY(done.wait(60000));
        QCOMPARE(done.at(0).at(2).toString(), QString());
        QCOMPARE(done.at(0).at(1).toLongLong(), qint64(kFrames));
        mnad::VideoReader reader(mp4.toStdString());
        QCOMPARE(reader.info().frameCount, int64_t(kFrames));
        QVERIFY(reader.info().width % 2 == 0 && reader.info().height > reader.info().width); // frame + strip
    }
};

QTEST_MAIN(TestInspectorPage)
#include "test_inspector_page.moc"
