#include "ui/score_strip.h"

#include <QTimer>

#include <algorithm>
#include <cmath>
#include <limits>

namespace mnad::ui {

namespace {
constexpr int kReplotDelayMs = 40;  // PlotJuggler style: one replot per burst of changes
constexpr double kGrabPixels = 5;   // how near the threshold line a press grabs it

QVector<double> withGaps(const std::vector<double>& values, const std::vector<bool>& scored)
{
    QVector<double> out(static_cast<int>(values.size()));
    for (size_t f = 0; f < values.size(); ++f)
        out[static_cast<int>(f)] = (scored.empty() || scored[f]) ? values[f] : std::numeric_limits<double>::quiet_NaN();
    return out;
}
} // namespace

ScoreStrip::ScoreStrip(QWidget* parent) : QCustomPlot(parent), m_replotTimer(new QTimer(this))
{
    setObjectName(QStringLiteral("scoreStrip"));
    setMinimumHeight(140);
    m_replotTimer->setSingleShot(true);
    m_replotTimer->setInterval(kReplotDelayMs);
    connect(m_replotTimer, &QTimer::timeout, this, [this] { replot(QCustomPlot::rpQueuedReplot); });

    addLayer(QStringLiteral("shading"), layer(QStringLiteral("grid")), QCustomPlot::limBelow);
    xAxis->setLabel(tr("frame"));
    yAxis->setLabel(tr("anomaly score"));
    yAxis->setRange(0, 1.05);
    yAxis2->setLabel(tr("PSNR (dB)"));
    m_distanceAxis = axisRect()->addAxis(QCPAxis::atRight);
    m_distanceAxis->setLabel(tr("feature distance"));
    m_distanceAxis->setVisible(false);

    m_score = addGraph(xAxis, yAxis);
    m_score->setName(tr("anomaly score"));
    m_score->setPen(QPen(QColor(0x1f, 0x77, 0xb4), 1.6));
    m_psnr = addGraph(xAxis, yAxis2);
    m_psnr->setName(tr("PSNR"));
    m_psnr->setPen(QPen(QColor(0x2c, 0xa0, 0x2c), 1.0));
    m_psnr->setVisible(false);
    m_distance = addGraph(xAxis, m_distanceAxis);
    m_distance->setName(tr("feature distance"));
    m_distance->setPen(QPen(QColor(0x94, 0x67, 0xbd), 1.0));
    m_distance->setVisible(false);

    m_thresholdLine = new QCPItemStraightLine(this);
    m_thresholdLine->setPen(QPen(QColor(0xd6, 0x27, 0x28), 1.2, Qt::DashLine));
    m_cursorLine = new QCPItemStraightLine(this);
    m_cursorLine->setPen(QPen(QColor(0xff, 0x7f, 0x0e), 1.5));
    setThreshold(m_threshold);
    setCursorFrame(0);

    // Wheel zooms time only; click and drag seek instead of panning (the plot is the scrubber).
    setInteractions(QCP::iRangeZoom);
    axisRect()->setRangeZoom(Qt::Horizontal);
    legend->setVisible(false);
}

void ScoreStrip::setSeries(const ScoreSeries& series)
{
    m_series = series;
    const int frames = static_cast<int>(series.anomaly.size());
    QVector<double> x(frames);
    for (int f = 0; f < frames; ++f)
        x[f] = f;
    m_score->setData(x, withGaps(series.anomaly, series.scored), true);
    m_psnr->setData(series.psnr.size() == series.anomaly.size() ? x : QVector<double>(),
                    withGaps(series.psnr, series.scored), true);
    m_distance->setData(series.featureDistance.size() == series.anomaly.size() ? x : QVector<double>(),
                        withGaps(series.featureDistance, series.scored), true);
    bool found = false;
    const QCPRange scoreRange = m_score->getValueRange(found);
    yAxis->setRange(found ? std::min(0.0, scoreRange.lower) : 0, found ? std::max(1.0, scoreRange.upper) * 1.05 : 1.05);
    m_psnr->rescaleValueAxis();
    m_distance->rescaleValueAxis();
    xAxis->setRange(-0.5, std::max(1, frames) - 0.5);
    rebuildShading(m_truthShading, labelledSegments(series.labels), 0.0, 1.0, QColor(0xd6, 0x27, 0x28, 45));
    updateSegments();
    scheduleReplot();
}

void ScoreStrip::setCurveVisible(Curve curve, bool visible)
{
    QCPGraph* graph = curve == Curve::Psnr ? m_psnr : m_distance;
    graph->setVisible(visible);
    (curve == Curve::Psnr ? yAxis2 : m_distanceAxis)->setVisible(visible);
    scheduleReplot();
}

bool ScoreStrip::isCurveVisible(Curve curve) const
{
    return (curve == Curve::Psnr ? m_psnr : m_distance)->visible();
}

void ScoreStrip::setCursorFrame(int frame)
{
    m_cursor = frame;
    m_cursorLine->point1->setCoords(frame, 0);
    m_cursorLine->point2->setCoords(frame, 1);
    scheduleReplot();
}

void ScoreStrip::setThreshold(double threshold)
{
    m_threshold = threshold;
    m_thresholdLine->point1->setCoords(0, threshold);
    m_thresholdLine->point2->setCoords(1, threshold);
    updateSegments();
    scheduleReplot();
    emit thresholdChanged(threshold);
}

void ScoreStrip::updateSegments()
{
    auto segments = segmentsAbove(m_series.anomaly, m_series.scored, m_threshold);
    if (segments == m_segments)
        return;
    m_segments = std::move(segments);
    rebuildShading(m_segmentMarks, m_segments, 0.94, 1.0, QColor(0xd6, 0x27, 0x28, 200));
    emit segmentsChanged();
}

void ScoreStrip::rebuildShading(std::vector<QCPItemRect*>& items, const std::vector<FrameSegment>& segments,
                                double top, double bottom, const QColor& colour)
{
    for (QCPItemRect* item : items)
        removeItem(item);
    items.clear();
    for (const FrameSegment& s : segments) {
        auto* rect = new QCPItemRect(this);
        rect->setLayer(QStringLiteral("shading"));
        rect->setPen(Qt::NoPen);
        rect->setBrush(colour);
        rect->setSelectable(false);
        for (QCPItemPosition* p : {rect->topLeft, rect->bottomRight}) {
            p->setTypeX(QCPItemPosition::ptPlotCoords);
            p->setTypeY(QCPItemPosition::ptAxisRectRatio);
        }
        // The shading covers whole frames: frame f spans [f − 0.5, f + 0.5].
        rect->topLeft->setCoords(s.first - 0.5, top);
        rect->bottomRight->setCoords(s.last + 0.5, bottom);
        items.push_back(rect);
    }
}

void ScoreStrip::scheduleReplot()
{
    if (!m_replotTimer->isActive())
        m_replotTimer->start();
}

int ScoreStrip::frameAtPixel(double x) const
{
    const int frames = static_cast<int>(m_series.anomaly.size());
    return std::clamp(static_cast<int>(std::lround(xAxis->pixelToCoord(x))), 0, std::max(0, frames - 1));
}

QPoint ScoreStrip::pixelFor(int frame, double score) const
{
    return QPoint(static_cast<int>(std::lround(xAxis->coordToPixel(frame))),
                  static_cast<int>(std::lround(yAxis->coordToPixel(score))));
}

void ScoreStrip::mousePressEvent(QMouseEvent* event)
{
    QCustomPlot::mousePressEvent(event);
    if (event->button() != Qt::LeftButton || !axisRect()->rect().contains(event->pos()) || m_series.anomaly.empty())
        return;
    const double lineY = yAxis->coordToPixel(m_threshold);
    if (std::abs(event->position().y() - lineY) <= kGrabPixels) {
        m_drag = Drag::Threshold;
        return;
    }
    m_drag = Drag::Seek;
    emit seekRequested(frameAtPixel(event->position().x()));
}

void ScoreStrip::mouseMoveEvent(QMouseEvent* event)
{
    QCustomPlot::mouseMoveEvent(event);
    if (m_drag == Drag::Threshold)
        setThreshold(yAxis->pixelToCoord(event->position().y()));
    else if (m_drag == Drag::Seek)
        emit seekRequested(frameAtPixel(event->position().x()));
    else if (!m_series.anomaly.empty()) // show where the line can be grabbed
        setCursor(std::abs(event->position().y() - yAxis->coordToPixel(m_threshold)) <= kGrabPixels
                      ? Qt::SizeVerCursor : Qt::ArrowCursor);
}

void ScoreStrip::mouseReleaseEvent(QMouseEvent* event)
{
    QCustomPlot::mouseReleaseEvent(event);
    m_drag = Drag::None;
}

} // namespace mnad::ui
