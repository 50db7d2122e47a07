#pragma once
// Live loss curves of a run (pixel, compactness, separateness, total; learning rate on the right axis), with
// TensorBoard-style EMA smoothing (raw values drawn faintly behind), zoom/pan, click-to-hide legend entries and
// overlays of other runs' curves for comparison. Redraws are coalesced by a 40 ms single-shot timer.

#include <QList>
#include <QPair>
#include <QString>
#include <QVector>
#include <QWidget>

#include <array>
#include <vector>

class QCPGraph;
class QCustomPlot;
class QLabel;
class QSlider;
class QTimer;

namespace mnad {
struct MetricsRow;
struct StepReport;
} // namespace mnad

namespace mnad::ui {

struct LossSample {
    double step = 0;
    double pixel = 0, compactness = 0, separateness = 0, total = 0, learningRate = 0;
};

enum class LossCurve { Pixel = 0, Compactness, Separateness, Total, LearningRate };
constexpr int kLossCurveCount = 5;

struct LossSeries {
    QString name;
    QVector<LossSample> samples;
};

class LossPlot : public QWidget {
    Q_OBJECT
public:
    explicit LossPlot(QWidget* parent = nullptr);

    static LossSample fromStep(const StepReport& report);
    static QVector<LossSample> fromMetrics(const std::vector<MetricsRow>& rows);
    static QString curveName(LossCurve curve);
    static double value(const LossSample& sample, LossCurve curve);

    // The run's own curves.
    void setSamples(const QVector<LossSample>& samples);
    void appendSamples(const QVector<LossSample>& samples);
    int sampleCount() const { return m_samples.size(); }
    const QVector<LossSample>& samples() const { return m_samples; }
    void setMainCurvesVisible(bool visible);
    // Other runs' `curve` drawn as one line each (their names in the legend).
    void setOverlays(const QList<LossSeries>& series, LossCurve curve);
    void clearOverlays();
    int overlayCount() const { return m_overlays.size(); }
    void clear();

    // 0 (raw) … 0.99, TensorBoard's smoothing weight.
    void setSmoothing(double weight);
    double smoothing() const { return m_smoothing; }
    // Back to following the data (after a zoom or pan).
    void fitToData();

    QCustomPlot* plot() const { return m_plot; }
    int replotCount() const { return m_replots; } // real redraws done, for tests and measurements

private:
    // TensorBoard's debiased exponential moving average, one per curve.
    struct Ema {
        double last = 0;
        int count = 0;
        double push(double value, double weight);
    };
    void createGraphs();
    void rebuildSmoothed();
    void rebuildOverlays();
    void scheduleReplot();
    void replotNow();
    void toggleCurve(QCPGraph* graph);
    void updateRawVisibility();

    QCustomPlot* m_plot;
    QSlider* m_smoothingSlider;
    QLabel* m_smoothingValue;
    QTimer* m_replotTimer;
    std::array<QCPGraph*, kLossCurveCount> m_smooth{}; // in the legend
    std::array<QCPGraph*, kLossCurveCount> m_raw{};    // faint, when smoothing
    std::array<bool, kLossCurveCount> m_curveShown{};
    QVector<LossSample> m_samples;
    std::array<Ema, kLossCurveCount> m_ema{};
    QList<LossSeries> m_overlaySeries;
    LossCurve m_overlayCurve = LossCurve::Total;
    QList<QCPGraph*> m_overlays;
    double m_smoothing = 0;
    bool m_mainVisible = true;
    bool m_follow = true; // rescale to the data on each redraw until the user zooms or pans
    int m_replots = 0;
};

} // namespace mnad::ui
