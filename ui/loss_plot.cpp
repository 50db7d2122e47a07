#include "ui/loss_plot.h"

#include "core/run/run_results.h"
#include "core/train/training_observer.h"
#include "ui/preferences.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSignalBlocker>
#include <QSlider>
#include <QTimer>
#include <QVBoxLayout>
#include <qcustomplot.h>

#include <algorithm>
#include <cmath>

namespace mnad::ui {

namespace {
constexpr int kReplotDelayMs = 40; // ≤ 25 redraws a second, however fast the data comes

// Tableau 10, as TensorBoard and matplotlib draw runs.
QColor seriesColour(int index)
{
    static const QRgb colours[] = {0x1f77b4, 0xff7f0e, 0x2ca02c, 0xd62728, 0x9467bd,
                                   0x8c564b, 0xe377c2, 0x7f7f7f, 0xbcbd22, 0x17becf};
    return QColor(colours[index % 10]);
}

QColor curveColour(LossCurve curve)
{
    switch (curve) {
    case LossCurve::Pixel: return seriesColour(0);
    case LossCurve::Compactness: return seriesColour(1);
    case LossCurve::Separateness: return seriesColour(2);
    case LossCurve::Total: return QColor(0x20, 0x20, 0x20);
    case LossCurve::LearningRate: return seriesColour(4);
    }
    return Qt::black;
}

QColor faint(QColor colour)
{
    colour.setAlpha(60);
    return colour;
}
} // namespace

namespace {
// The learning rate is a schedule, not a noisy measurement: it is drawn as it is.
double weightFor(LossCurve curve, double smoothing)
{
    return curve == LossCurve::LearningRate ? 0.0 : smoothing;
}
} // namespace

double LossPlot::Ema::push(double value, double weight)
{
    last = last * weight + (1 - weight) * value;
    ++count;
    const double debias = weight > 0 ? 1 - std::pow(weight, count) : 1;
    return last / debias;
}

LossPlot::LossPlot(QWidget* parent)
    : QWidget(parent), m_plot(new QCustomPlot(this)), m_smoothingSlider(new QSlider(Qt::Horizontal, this)),
      m_smoothingValue(new QLabel(this)), m_replotTimer(new QTimer(this))
{
    setObjectName(QStringLiteral("lossPlot"));
    m_plot->setObjectName(QStringLiteral("lossPlotCanvas"));
    m_smoothingSlider->setObjectName(QStringLiteral("smoothing"));
    m_smoothingSlider->setRange(0, 99);
    m_smoothingSlider->setToolTip(tr("Exponential moving average of the curves, as TensorBoard's smoothing: "
                                     "the raw values stay drawn faintly behind."));
    auto* fit = new QPushButton(tr("Fit"), this);
    fit->setToolTip(tr("Show all the data and follow new points again (or double-click the plot)."));
    auto* controls = new QHBoxLayout;
    controls->addWidget(new QLabel(tr("Smoothing:"), this));
    controls->addWidget(m_smoothingSlider, 1);
    controls->addWidget(m_smoothingValue);
    controls->addWidget(fit);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_plot, 1);
    layout->addLayout(controls);

    m_replotTimer->setSingleShot(true);
    m_replotTimer->setInterval(kReplotDelayMs);
    connect(m_replotTimer, &QTimer::timeout, this, &LossPlot::replotNow);
    connect(m_smoothingSlider, &QSlider::valueChanged, this, [this](int percent) {
        prefs::lossSmoothingPercent.set(percent); // by hand only: every loss plot starts with the last choice
        setSmoothing(percent / 100.0);
    });
    connect(fit, &QPushButton::clicked, this, &LossPlot::fitToData);
    createGraphs();
    m_smoothingValue->setText(QString::number(0.0, 'f', 2));
    setSmoothing(prefs::lossSmoothingPercent.get() / 100.0);
}

void LossPlot::createGraphs()
{
    m_plot->setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
    m_plot->xAxis->setLabel(tr("step"));
    m_plot->yAxis->setLabel(tr("loss"));
    m_plot->yAxis2->setLabel(tr("learning rate"));
    m_plot->yAxis2->setVisible(true);
    m_plot->legend->setVisible(true);
    m_plot->legend->setFont(font());
    m_plot->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignRight);
    for (int c = 0; c < kLossCurveCount; ++c) {
        const auto curve = static_cast<LossCurve>(c);
        QCPAxis* valueAxis = curve == LossCurve::LearningRate ? m_plot->yAxis2 : m_plot->yAxis;
        m_raw[c] = m_plot->addGraph(m_plot->xAxis, valueAxis);
        m_raw[c]->setPen(QPen(faint(curveColour(curve))));
        m_raw[c]->removeFromLegend();
        m_smooth[c] = m_plot->addGraph(m_plot->xAxis, valueAxis);
        QPen pen(curveColour(curve), curve == LossCurve::Total ? 2 : 1.5);
        if (curve == LossCurve::LearningRate)
            pen.setStyle(Qt::DashLine);
        m_smooth[c]->setPen(pen);
        m_smooth[c]->setName(curveName(curve));
        m_curveShown[c] = true;
    }
    // Only the axis ranges the user drags or zooms stop the follow mode; a click on the legend hides a curve.
    connect(m_plot, &QCustomPlot::mouseWheel, this, [this] { m_follow = false; });
    connect(m_plot, &QCustomPlot::mouseMove, this, [this](QMouseEvent* event) {
        if (event->buttons() & Qt::LeftButton)
            m_follow = false;
    });
    connect(m_plot, &QCustomPlot::mouseDoubleClick, this, &LossPlot::fitToData);
    connect(m_plot, &QCustomPlot::legendClick, this, [this](QCPLegend*, QCPAbstractLegendItem* item, QMouseEvent*) {
        if (auto* entry = qobject_cast<QCPPlottableLegendItem*>(item))
            if (auto* graph = qobject_cast<QCPGraph*>(entry->plottable()))
                toggleCurve(graph);
    });
}

LossSample LossPlot::fromStep(const StepReport& r)
{
    return {static_cast<double>(r.step), r.pixelLoss, r.compactnessLoss, r.separatenessLoss, r.totalLoss,
            r.learningRate};
}

QVector<LossSample> LossPlot::fromMetrics(const std::vector<MetricsRow>& rows)
{
    QVector<LossSample> samples;
    samples.reserve(static_cast<int>(rows.size()));
    for (const auto& r : rows)
        samples.push_back({static_cast<double>(r.step), r.pixel, r.compactness, r.separateness, r.total,
                           r.learningRate});
    return samples;
}

QString LossPlot::curveName(LossCurve curve)
{
    switch (curve) {
    case LossCurve::Pixel: return tr("pixel");
    case LossCurve::Compactness: return tr("compactness");
    case LossCurve::Separateness: return tr("separateness");
    case LossCurve::Total: return tr("total");
    case LossCurve::LearningRate: return tr("learning rate");
    }
    return {};
}

double LossPlot::value(const LossSample& s, LossCurve curve)
{
    switch (curve) {
    case LossCurve::Pixel: return s.pixel;
    case LossCurve::Compactness: return s.compactness;
    case LossCurve::Separateness: return s.separateness;
    case LossCurve::Total: return s.total;
    case LossCurve::LearningRate: return s.learningRate;
    }
    return 0;
}

void LossPlot::setSamples(const QVector<LossSample>& samples)
{
    m_samples.clear();
    for (int c = 0; c < kLossCurveCount; ++c)
        m_raw[c]->data()->clear();
    rebuildSmoothed();
    m_follow = true;
    appendSamples(samples);
}

void LossPlot::appendSamples(const QVector<LossSample>& samples)
{
    for (const LossSample& s : samples) {
        m_samples.push_back(s);
        for (int c = 0; c < kLossCurveCount; ++c) {
            const double v = value(s, static_cast<LossCurve>(c));
            m_raw[c]->addData(s.step, v);
            m_smooth[c]->addData(s.step, m_ema[c].push(v, weightFor(static_cast<LossCurve>(c), m_smoothing)));
        }
    }
    if (!samples.isEmpty())
        scheduleReplot();
}

void LossPlot::rebuildSmoothed()
{
    for (int c = 0; c < kLossCurveCount; ++c) {
        m_ema[c] = Ema{};
        QVector<double> keys, values;
        keys.reserve(m_samples.size());
        values.reserve(m_samples.size());
        for (const LossSample& s : m_samples) {
            keys.push_back(s.step);
            const auto curve = static_cast<LossCurve>(c);
            values.push_back(m_ema[c].push(value(s, curve), weightFor(curve, m_smoothing)));
        }
        m_smooth[c]->setData(keys, values, true);
    }
}

void LossPlot::setMainCurvesVisible(bool visible)
{
    m_mainVisible = visible;
    for (int c = 0; c < kLossCurveCount; ++c) {
        m_smooth[c]->setVisible(visible && m_curveShown[c]);
        if (visible)
            m_smooth[c]->addToLegend();
        else
            m_smooth[c]->removeFromLegend();
    }
    updateRawVisibility();
    scheduleReplot();
}

void LossPlot::setOverlays(const QList<LossSeries>& series, LossCurve curve)
{
    m_overlaySeries = series;
    m_overlayCurve = curve;
    rebuildOverlays();
    m_follow = true;
    scheduleReplot();
}

void LossPlot::clearOverlays()
{
    setOverlays({}, m_overlayCurve);
}

void LossPlot::clear()
{
    m_overlaySeries.clear();
    rebuildOverlays();
    setSamples({});
}

void LossPlot::rebuildOverlays()
{
    for (QCPGraph* graph : m_overlays)
        m_plot->removeGraph(graph);
    m_overlays.clear();
    QCPAxis* valueAxis = m_overlayCurve == LossCurve::LearningRate ? m_plot->yAxis2 : m_plot->yAxis;
    for (int i = 0; i < m_overlaySeries.size(); ++i) {
        QCPGraph* graph = m_plot->addGraph(m_plot->xAxis, valueAxis);
        graph->setPen(QPen(seriesColour(i), 1.5));
        graph->setName(m_overlaySeries[i].name);
        Ema ema;
        QVector<double> keys, values;
        for (const LossSample& s : m_overlaySeries[i].samples) {
            keys.push_back(s.step);
            values.push_back(ema.push(value(s, m_overlayCurve), weightFor(m_overlayCurve, m_smoothing)));
        }
        graph->setData(keys, values, true);
        m_overlays.push_back(graph);
    }
}

void LossPlot::setSmoothing(double weight)
{
    weight = std::clamp(weight, 0.0, 0.99);
    if (weight == m_smoothing)
        return;
    m_smoothing = weight;
    m_smoothingValue->setText(QString::number(weight, 'f', 2));
    const int percent = static_cast<int>(std::lround(weight * 100));
    if (m_smoothingSlider->value() != percent) {
        const QSignalBlocker blocker(m_smoothingSlider); // the preference follows the user's hand only
        m_smoothingSlider->setValue(percent);
    }
    rebuildSmoothed();
    rebuildOverlays();
    updateRawVisibility();
    scheduleReplot();
}

void LossPlot::updateRawVisibility()
{
    for (int c = 0; c < kLossCurveCount; ++c)
        m_raw[c]->setVisible(m_mainVisible && m_curveShown[c] && m_smoothing > 0 &&
                             static_cast<LossCurve>(c) != LossCurve::LearningRate);
}

void LossPlot::toggleCurve(QCPGraph* graph)
{
    for (int c = 0; c < kLossCurveCount; ++c) {
        if (m_smooth[c] != graph)
            continue;
        m_curveShown[c] = !m_curveShown[c];
        graph->setVisible(m_curveShown[c]);
        if (QCPAbstractLegendItem* item = m_plot->legend->itemWithPlottable(graph))
            item->setTextColor(m_curveShown[c] ? QColor(Qt::black) : QColor(Qt::gray));
        updateRawVisibility();
        scheduleReplot();
        return;
    }
    graph->setVisible(!graph->visible()); // an overlay
    scheduleReplot();
}

void LossPlot::fitToData()
{
    m_follow = true;
    scheduleReplot();
}

void LossPlot::scheduleReplot()
{
    if (!m_replotTimer->isActive())
        m_replotTimer->start();
}

void LossPlot::replotNow()
{
    if (m_follow) {
        m_plot->rescaleAxes(true);
        // Breathing room above and below, so the curves do not sit on the frame.
        for (QCPAxis* axis : {m_plot->yAxis, m_plot->yAxis2})
            axis->scaleRange(1.08, axis->range().center());
    }
    m_plot->legend->setVisible(m_plot->legend->itemCount() > 0);
    m_plot->replot();
    ++m_replots;
}

} // namespace mnad::ui
