#include "ui/memory_usage_view.h"

#include "ui/colour_maps.h"

#include <QHeaderView>
#include <QLabel>
#include <QSplitter>
#include <QTimer>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <qcustomplot.h>

#include <algorithm>
#include <numeric>

namespace mnad::ui {

namespace {
constexpr int kTopFrames = 5;

QCPColorGradient turboColourGradient()
{
    QCPColorGradient gradient;
    gradient.clearColorStops();
    for (int i = 0; i <= 16; ++i)
        gradient.setColorStopAt(i / 16.0, QColor(turboColour(i / 16.0)));
    return gradient;
}

QCPColorScale* addColourScale(QCustomPlot* plot, QCPColorMap* map, const QString& label)
{
    auto* scale = new QCPColorScale(plot);
    plot->plotLayout()->addElement(0, 1, scale);
    scale->setType(QCPAxis::atRight);
    scale->axis()->setLabel(label);
    map->setColorScale(scale);
    map->setGradient(turboColourGradient());
    // Keep the scale as tall as the plot's axis rect.
    auto* margins = new QCPMarginGroup(plot);
    plot->axisRect()->setMarginGroup(QCP::msBottom | QCP::msTop, margins);
    scale->setMarginGroup(QCP::msBottom | QCP::msTop, margins);
    return scale;
}
} // namespace

MemoryUsageView::MemoryUsageView(QWidget* parent)
    : QWidget(parent), m_usagePlot(new QCustomPlot(this)), m_barPlot(new QCustomPlot(this)),
      m_similarityPlot(new QCustomPlot(this)), m_table(new QTreeWidget(this)), m_empty(new QLabel(this)),
      m_replotTimer(new QTimer(this))
{
    setObjectName(QStringLiteral("memoryUsageView"));
    m_replotTimer->setSingleShot(true);
    m_replotTimer->setInterval(40);
    connect(m_replotTimer, &QTimer::timeout, this, [this] {
        for (QCustomPlot* plot : {m_usagePlot, m_barPlot, m_similarityPlot})
            if (plot->isVisible())
                plot->replot(QCustomPlot::rpQueuedReplot);
    });
    buildUsagePlot();
    buildBarPlot();
    buildSimilarityPlot();

    m_table->setObjectName(QStringLiteral("memoryItemTable"));
    m_table->setHeaderLabels({tr("Item / frame"), tr("Usage share / uses")});
    m_table->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->setToolTip(tr("Click a frame to show it"));
    connect(m_table, &QTreeWidget::itemClicked, this, [this](QTreeWidgetItem* item) {
        const QVariant frame = item->data(0, Qt::UserRole);
        if (frame.isValid())
            emit seekRequested(frame.toInt());
    });
    m_empty->setWordWrap(true);
    m_empty->setText(tr("This evaluation has no memory usage (memory_usage.csv): evaluate the run again to see "
                        "which memory items each frame uses."));

    auto* left = new QSplitter(Qt::Vertical);
    left->addWidget(m_usagePlot);
    left->addWidget(m_barPlot);
    left->setStretchFactor(0, 3);
    left->setStretchFactor(1, 2);
    auto* right = new QSplitter(Qt::Vertical);
    right->addWidget(m_table);
    right->addWidget(m_similarityPlot);
    right->setStretchFactor(0, 1);
    right->setStretchFactor(1, 1);
    auto* split = new QSplitter(Qt::Horizontal);
    split->addWidget(left);
    split->addWidget(right);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 1);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_empty);
    layout->addWidget(split, 1);
    m_similarityPlot->setVisible(false);
}

void MemoryUsageView::buildUsagePlot()
{
    m_usagePlot->setObjectName(QStringLiteral("memoryUsagePlot"));
    m_usagePlot->setMinimumHeight(120);
    m_map = new QCPColorMap(m_usagePlot->xAxis, m_usagePlot->yAxis);
    m_map->setInterpolate(false);
    addColourScale(m_usagePlot, m_map, tr("query locations"));
    m_usagePlot->xAxis->setLabel(tr("frame"));
    m_usagePlot->yAxis->setLabel(tr("memory item"));
    m_cursorLine = new QCPItemStraightLine(m_usagePlot);
    m_cursorLine->setPen(QPen(Qt::white, 1.5));
    auto seekAt = [this](QMouseEvent* event) {
        if ((event->buttons() & Qt::LeftButton) && !m_usage.empty() &&
            m_usagePlot->axisRect()->rect().contains(event->pos())) {
            const int frame = qRound(m_usagePlot->xAxis->pixelToCoord(event->position().x()));
            emit seekRequested(std::clamp(frame, 0, frames() - 1));
        }
    };
    connect(m_usagePlot, &QCustomPlot::mousePress, this, seekAt);
    connect(m_usagePlot, &QCustomPlot::mouseMove, this, seekAt);
}

void MemoryUsageView::buildBarPlot()
{
    m_barPlot->setObjectName(QStringLiteral("memoryAttentionPlot"));
    m_barPlot->setMinimumHeight(90);
    m_bars = new QCPBars(m_barPlot->xAxis, m_barPlot->yAxis);
    m_bars->setWidth(0.8);
    m_bars->setPen(Qt::NoPen);
    m_bars->setBrush(QColor(0x1f, 0x77, 0xb4));
    m_barPlot->xAxis->setLabel(tr("memory item"));
    m_barPlot->yAxis->setRange(0, 1);
}

void MemoryUsageView::buildSimilarityPlot()
{
    m_similarityPlot->setObjectName(QStringLiteral("memorySimilarityPlot"));
    m_similarityPlot->setMinimumHeight(160);
    m_similarityMap = new QCPColorMap(m_similarityPlot->xAxis, m_similarityPlot->yAxis);
    m_similarityMap->setInterpolate(false);
    addColourScale(m_similarityPlot, m_similarityMap, tr("cosine similarity"));
    m_similarityPlot->xAxis->setLabel(tr("item"));
    m_similarityPlot->yAxis->setLabel(tr("item"));
    m_similarityPlot->yAxis->setRangeReversed(true); // row 0 at the top, as matrices are read
}

void MemoryUsageView::setUsage(const std::vector<std::vector<int32_t>>& usage)
{
    m_usage = usage;
    m_items = 0;
    for (const auto& frame : m_usage)
        m_items = std::max(m_items, static_cast<int>(frame.size()));
    const int frameCount = frames();
    m_empty->setVisible(m_items == 0);
    m_map->data()->setSize(std::max(1, frameCount), std::max(1, m_items));
    m_map->data()->setRange(QCPRange(0, std::max(0, frameCount - 1)), QCPRange(0, std::max(0, m_items - 1)));
    m_map->data()->fill(0);
    for (int f = 0; f < frameCount; ++f)
        for (size_t item = 0; item < m_usage[static_cast<size_t>(f)].size(); ++item)
            m_map->data()->setCell(f, static_cast<int>(item), m_usage[static_cast<size_t>(f)][item]);
    m_map->rescaleDataRange(true);
    m_usagePlot->xAxis->setRange(-0.5, std::max(1, frameCount) - 0.5);
    m_usagePlot->yAxis->setRange(-0.5, std::max(1, m_items) - 0.5);
    m_barPlot->xAxis->setRange(-0.6, std::max(1, m_items) - 0.4);
    m_attentionMeans.clear();
    fillTable();
    updateBars();
    scheduleReplot();
}

void MemoryUsageView::setAttentionMeans(std::vector<float> means, int items)
{
    m_attentionMeans = items == m_items && means.size() == static_cast<size_t>(frames()) * items ? std::move(means)
                                                                                              : std::vector<float>();
    updateBars();
}

void MemoryUsageView::setSimilarity(const std::vector<double>& similarity, int items)
{
    const bool shown = items > 0 && similarity.size() == static_cast<size_t>(items) * items;
    m_similarityPlot->setVisible(shown);
    if (!shown)
        return;
    m_similarityMap->data()->setSize(items, items);
    m_similarityMap->data()->setRange(QCPRange(0, items - 1), QCPRange(0, items - 1));
    for (int row = 0; row < items; ++row)
        for (int column = 0; column < items; ++column)
            m_similarityMap->data()->setCell(column, row, similarity[static_cast<size_t>(row * items + column)]);
    m_similarityMap->setDataRange(QCPRange(-1, 1));
    m_similarityPlot->xAxis->setRange(-0.5, items - 0.5);
    m_similarityPlot->yAxis->setRange(-0.5, items - 0.5);
    scheduleReplot();
}

double MemoryUsageView::usageShare(int item) const
{
    double mine = 0, all = 0;
    for (const auto& frame : m_usage)
        for (size_t i = 0; i < frame.size(); ++i) {
            all += frame[i];
            if (static_cast<int>(i) == item)
                mine += frame[i];
        }
    return all > 0 ? mine / all : 0;
}

std::vector<int> MemoryUsageView::topFrames(int item, int count) const
{
    std::vector<int> order;
    for (int f = 0; f < frames(); ++f)
        if (static_cast<int>(m_usage[static_cast<size_t>(f)].size()) > item && m_usage[static_cast<size_t>(f)][static_cast<size_t>(item)] > 0)
            order.push_back(f);
    auto uses = [&](int f) { return m_usage[static_cast<size_t>(f)][static_cast<size_t>(item)]; };
    std::stable_sort(order.begin(), order.end(), [&](int a, int b) { return uses(a) > uses(b); });
    if (static_cast<int>(order.size()) > count)
        order.resize(static_cast<size_t>(count));
    return order;
}

void MemoryUsageView::fillTable()
{
    m_table->clear();
    for (int item = 0; item < m_items; ++item) {
        auto* row = new QTreeWidgetItem(
            {tr("item %1").arg(item), QStringLiteral("%1 %").arg(100.0 * usageShare(item), 0, 'f', 1)});
        row->setIcon(0, [item] {
            QPixmap swatch(12, 12);
            swatch.fill(categoricalColour(item));
            return QIcon(swatch);
        }());
        const auto top = topFrames(item, kTopFrames);
        if (!top.empty())
            row->setData(0, Qt::UserRole, top.front());
        for (int frame : top) {
            auto* child = new QTreeWidgetItem(
                {tr("frame %1").arg(frame),
                 QString::number(m_usage[static_cast<size_t>(frame)][static_cast<size_t>(item)])});
            child->setData(0, Qt::UserRole, frame);
            row->addChild(child);
        }
        m_table->addTopLevelItem(row);
    }
}

void MemoryUsageView::setCursorFrame(int frame)
{
    m_cursor = frame;
    m_cursorLine->point1->setCoords(frame, 0);
    m_cursorLine->point2->setCoords(frame, 1);
    updateBars();
}

void MemoryUsageView::updateBars()
{
    QVector<double> keys, values;
    const bool attention = !m_attentionMeans.empty();
    const bool valid = m_cursor >= 0 && m_cursor < frames();
    double total = 0;
    if (valid && !attention)
        for (int32_t uses : m_usage[static_cast<size_t>(m_cursor)])
            total += uses;
    for (int item = 0; item < m_items && valid; ++item) {
        keys << item;
        if (attention)
            values << m_attentionMeans[static_cast<size_t>(m_cursor * m_items + item)];
        else {
            const auto& frame = m_usage[static_cast<size_t>(m_cursor)];
            values << (total > 0 && item < static_cast<int>(frame.size()) ? frame[static_cast<size_t>(item)] / total : 0.0);
        }
    }
    m_bars->setData(keys, values, true);
    m_barPlot->yAxis->setLabel(attention ? tr("mean weight") : tr("share"));
    m_barPlot->xAxis->setLabel(attention ? tr("memory item: mean attention at frame %1").arg(m_cursor)
                                         : tr("memory item: share of locations at frame %1").arg(m_cursor));
    bool found = false;
    const QCPRange range = m_bars->getValueRange(found);
    m_barPlot->yAxis->setRange(0, found && range.upper > 0 ? range.upper * 1.1 : 1);
    scheduleReplot();
}

void MemoryUsageView::scheduleReplot()
{
    if (!m_replotTimer->isActive())
        m_replotTimer->start();
}

} // namespace mnad::ui
