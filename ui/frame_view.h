#pragma once
// The inspector's picture: the input frame, the model's predicted (or reconstructed) frame, the per-pixel error
// heatmap and the memory attention map, side by side or as overlays on the frame with an opacity, each heatmap
// with its colour scale (or, for the most attended item, a legend of item colours).

#include <QImage>
#include <QString>
#include <QWidget>

namespace mnad::ui {

class FrameView : public QWidget {
    Q_OBJECT
public:
    enum class Arrangement { SideBySide, Overlay };
    enum Layer { Prediction = 1, Error = 2, Attention = 4 };

    explicit FrameView(QWidget* parent = nullptr);

    void setArrangement(Arrangement arrangement);
    Arrangement arrangement() const { return m_arrangement; }
    void setLayers(int layers); // Layer flags shown besides the input frame
    int layers() const { return m_layers; }
    void setOpacity(double opacity); // of the heatmaps over the frame, 0..1
    double opacity() const { return m_opacity; }

    // The frame on show; a null image keeps the last one (e.g. while it is decoded) but updates the number.
    void setFrame(int index, const QImage& input);
    int frameIndex() const { return m_index; }
    const QImage& input() const { return m_input; }
    // Model outputs for the same frame: null images when there are none (not computed, frame unscored).
    void setPrediction(const QImage& prediction);
    void setErrorMap(const QImage& heatmap, double low, double high);
    // A weight map (0..high) of one item, or (categories > 0) the most attended item per location.
    void setAttentionMap(const QImage& map, const QString& title, double high, int categories = 0);
    void clearMaps();
    void setMessage(const QString& message); // shown when there is no frame

    QSize sizeHint() const override { return {640, 360}; }

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    struct Panel {
        QString title;
        QImage base;
        bool error = false, attention = false; // drawn over the base (overlay) or as the base (side by side)
    };
    QVector<Panel> panels() const;
    void paintPanel(QPainter& painter, const QRectF& area, const Panel& panel) const;
    void paintErrorScale(QPainter& painter, const QRectF& image) const;
    void paintAttentionLegend(QPainter& painter, const QRectF& image) const;

    Arrangement m_arrangement = Arrangement::Overlay;
    int m_layers = Error;
    double m_opacity = 0.5;
    int m_index = -1;
    QImage m_input, m_prediction, m_error, m_attention;
    double m_errorLow = 0, m_errorHigh = 1;
    QString m_attentionTitle;
    double m_attentionHigh = 1;
    int m_categories = 0;
    QString m_message;
};

} // namespace mnad::ui
