#include "ui/frame_view.h"

#include "ui/colour_maps.h"

#include <QPainter>
#include <QPainterPath>

#include <algorithm>

namespace mnad::ui {

FrameView::FrameView(QWidget* parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("frameView"));
    setMinimumSize(240, 160);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
    setAttribute(Qt::WA_OpaquePaintEvent);
}

void FrameView::setArrangement(Arrangement arrangement)
{
    m_arrangement = arrangement;
    update();
}

void FrameView::setLayers(int layers)
{
    m_layers = layers;
    update();
}

void FrameView::setOpacity(double opacity)
{
    m_opacity = std::clamp(opacity, 0.0, 1.0);
    update();
}

void FrameView::setFrame(int index, const QImage& input)
{
    m_index = index;
    if (!input.isNull())
        m_input = input;
    update();
}

void FrameView::setPrediction(const QImage& prediction)
{
    m_prediction = prediction;
    update();
}

void FrameView::setErrorMap(const QImage& heatmap, double low, double high)
{
    m_error = heatmap;
    m_errorLow = low;
    m_errorHigh = high;
    update();
}

void FrameView::setAttentionMap(const QImage& map, const QString& title, double high, int categories)
{
    m_attention = map;
    m_attentionTitle = title;
    m_attentionHigh = high;
    m_categories = categories;
    update();
}

void FrameView::clearMaps()
{
    m_prediction = m_error = m_attention = QImage();
    update();
}

void FrameView::setMessage(const QString& message)
{
    m_message = message;
    if (!message.isEmpty())
        m_input = QImage();
    update();
}

QVector<FrameView::Panel> FrameView::panels() const
{
    QVector<Panel> list;
    const bool error = (m_layers & Error) && !m_error.isNull();
    const bool attention = (m_layers & Attention) && !m_attention.isNull();
    const bool prediction = (m_layers & Prediction) && !m_prediction.isNull();
    if (m_arrangement == Arrangement::Overlay) {
        list.push_back({tr("Frame %1").arg(m_index), m_input, error, attention});
        if (prediction)
            list.push_back({tr("Predicted"), m_prediction, error, attention});
        return list;
    }
    list.push_back({tr("Frame %1").arg(m_index), m_input, false, false});
    if (prediction)
        list.push_back({tr("Predicted"), m_prediction, false, false});
    if (error)
        list.push_back({tr("Error"), QImage(), true, false});
    if (attention)
        list.push_back({m_attentionTitle, QImage(), false, true});
    return list;
}

void FrameView::paintEvent(QPaintEvent*)
{
    QPainter painter(this);
    painter.fillRect(rect(), QColor(24, 24, 24));
    if (m_input.isNull()) {
        painter.setPen(QColor(200, 200, 200));
        painter.drawText(rect().adjusted(12, 12, -12, -12), Qt::AlignCenter | Qt::TextWordWrap,
                         m_message.isEmpty() ? tr("No frame") : m_message);
        return;
    }
    const auto list = panels();
    const double gap = 6;
    const double width = (this->width() - gap * (list.size() + 1)) / list.size();
    for (int i = 0; i < list.size(); ++i)
        paintPanel(painter, QRectF(gap + i * (width + gap), gap, width, height() - 2 * gap), list[i]);
}

void FrameView::paintPanel(QPainter& painter, const QRectF& area, const Panel& panel) const
{
    const QFontMetrics metrics(font());
    const double titleHeight = metrics.height() + 4;
    // Every panel keeps the input frame's aspect: predictions and maps live on the model's square grid, which
    // the model made by resizing the frame, so stretching them back puts each pixel over its source.
    QSizeF size = QSizeF(m_input.size()).scaled(area.size() - QSizeF(0, titleHeight), Qt::KeepAspectRatio);
    const QRectF image(area.left() + (area.width() - size.width()) / 2, area.top() + titleHeight, size.width(),
                       size.height());
    painter.setRenderHint(QPainter::SmoothPixmapTransform, true);
    const bool sideBySideMap = panel.base.isNull();
    if (!sideBySideMap)
        painter.drawImage(image, panel.base);
    painter.setOpacity(sideBySideMap ? 1.0 : m_opacity);
    if (panel.error)
        painter.drawImage(image, m_error);
    // Item maps are coarse (size/8): blocks show the grid the model attends on instead of blurring it.
    painter.setRenderHint(QPainter::SmoothPixmapTransform, m_categories == 0);
    if (panel.attention)
        painter.drawImage(image, m_attention);
    painter.setOpacity(1.0);
    painter.setPen(QColor(220, 220, 220));
    painter.drawText(QRectF(area.left(), area.top(), area.width(), titleHeight), Qt::AlignCenter, panel.title);
    if (panel.error)
        paintErrorScale(painter, image);
    if (panel.attention)
        paintAttentionLegend(painter, image);
}

void FrameView::paintErrorScale(QPainter& painter, const QRectF& image) const
{
    const QFontMetrics metrics(font());
    const QString low = QString::number(m_errorLow, 'g', 3), high = QString::number(m_errorHigh, 'g', 3);
    const QRectF bar(image.left() + 8, image.bottom() - 8 - metrics.height() - 10, std::min(160.0, image.width() / 2),
                     10);
    painter.fillRect(bar.adjusted(-4, -4 - metrics.height(), 4, metrics.height() + 4), QColor(0, 0, 0, 150));
    painter.fillRect(bar, turboGradient());
    painter.setPen(Qt::white);
    painter.drawText(QPointF(bar.left(), bar.bottom() + metrics.ascent() + 1), low);
    painter.drawText(QPointF(bar.right() - metrics.horizontalAdvance(high), bar.bottom() + metrics.ascent() + 1),
                     high);
    painter.drawText(QPointF(bar.left(), bar.top() - 3), tr("squared error"));
}

void FrameView::paintAttentionLegend(QPainter& painter, const QRectF& image) const
{
    const QFontMetrics metrics(font());
    painter.setPen(Qt::white);
    if (m_categories <= 0) {
        const QRectF bar(image.right() - 8 - std::min(160.0, image.width() / 2), image.top() + 8 + metrics.height(),
                         std::min(160.0, image.width() / 2), 10);
        painter.fillRect(bar.adjusted(-4, -4 - metrics.height(), 4, metrics.height() + 4), QColor(0, 0, 0, 150));
        painter.fillRect(bar, turboGradient());
        painter.drawText(QPointF(bar.left(), bar.top() - 3), m_attentionTitle);
        painter.drawText(QPointF(bar.left(), bar.bottom() + metrics.ascent() + 1), QStringLiteral("0"));
        const QString high = QString::number(m_attentionHigh, 'g', 3);
        painter.drawText(QPointF(bar.right() - metrics.horizontalAdvance(high), bar.bottom() + metrics.ascent() + 1),
                         high);
        return;
    }
    // One swatch per item, in as many columns as the height needs.
    const double row = metrics.height() + 2;
    const int perColumn = std::max(1, static_cast<int>((image.height() - 16) / row));
    const int columns = (m_categories + perColumn - 1) / perColumn;
    const double columnWidth = metrics.horizontalAdvance(tr("item %1").arg(m_categories)) + 20;
    const QRectF box(image.right() - 8 - columns * columnWidth, image.top() + 8, columns * columnWidth,
                     std::min(m_categories, perColumn) * row);
    painter.fillRect(box.adjusted(-4, -4, 4, 4), QColor(0, 0, 0, 150));
    for (int item = 0; item < m_categories; ++item) {
        const QPointF origin(box.left() + (item / perColumn) * columnWidth, box.top() + (item % perColumn) * row);
        painter.fillRect(QRectF(origin + QPointF(0, 2), QSizeF(12, row - 4)), categoricalColour(item));
        painter.drawText(origin + QPointF(16, metrics.ascent()), tr("item %1").arg(item));
    }
}

} // namespace mnad::ui
