#pragma once
// The score strip under the video: the anomaly score per frame (1 − normality), PSNR and feature distance as
// optional curves on their own axes, ground-truth abnormal segments shaded, a threshold line the user drags (the
// frames over it form segments, marked along the bottom), and a cursor synced with the player both ways: a click
// or drag on the plot asks to seek there.

#include "ui/score_segments.h"

#include <qcustomplot.h>

#include <vector>

class QTimer;

namespace mnad::ui {

struct ScoreSeries {
    std::vector<double> anomaly;         // per frame, high = abnormal
    std::vector<bool> scored;            // per frame; unscored frames are gaps
    std::vector<double> psnr;            // dB, empty = none
    std::vector<double> featureDistance; // empty = none
    std::vector<int> labels;             // 1 abnormal, 0 normal, -1 unknown; empty = none
};

class ScoreStrip : public QCustomPlot {
    Q_OBJECT
public:
    enum class Curve { Psnr, FeatureDistance };

    explicit ScoreStrip(QWidget* parent = nullptr);

    void setSeries(const ScoreSeries& series);
    void setCurveVisible(Curve curve, bool visible);
    bool isCurveVisible(Curve curve) const;

    int cursorFrame() const { return m_cursor; }
    double threshold() const { return m_threshold; }
    const std::vector<FrameSegment>& segments() const { return m_segments; }
    // Pixel x of a frame and pixel y of a score value, as laid out at the last replot (for tests and tools).
    QPoint pixelFor(int frame, double score) const;

public slots:
    void setCursorFrame(int frame);
    void setThreshold(double threshold);

signals:
    void seekRequested(int frame);
    void thresholdChanged(double threshold);
    void segmentsChanged(); // the frames over the threshold changed

protected:
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;

private:
    enum class Drag { None, Seek, Threshold };
    void rebuildShading(std::vector<QCPItemRect*>& items, const std::vector<FrameSegment>& segments,
                        double top, double bottom, const QColor& colour);
    void updateSegments();
    void scheduleReplot();
    int frameAtPixel(double x) const;

    QCPGraph* m_score;
    QCPGraph* m_psnr;
    QCPGraph* m_distance;
    QCPAxis* m_distanceAxis;
    QCPItemStraightLine* m_thresholdLine;
    QCPItemStraightLine* m_cursorLine;
    std::vector<QCPItemRect*> m_truthShading, m_segmentMarks;
    ScoreSeries m_series;
    std::vector<FrameSegment> m_segments;
    int m_cursor = 0;
    double m_threshold = 0.5;
    Drag m_drag = Drag::None;
    QTimer* m_replotTimer;
};

} // namespace mnad::ui
