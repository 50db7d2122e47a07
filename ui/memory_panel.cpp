#include "ui/memory_panel.h"

#include "core/train/training_observer.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QVBoxLayout>
#include <qcustomplot.h>

#include <algorithm>
#include <cmath>

namespace mnad::ui {

MemoryPanel::MemoryPanel(QWidget* parent)
    : QWidget(parent), m_title(new QLabel(this)), m_usagePlot(new QCustomPlot(this)),
      m_similarityPlot(new QCustomPlot(this))
{
    setObjectName(QStringLiteral("memoryPanel"));
    m_usagePlot->setObjectName(QStringLiteral("memoryUsagePlot"));
    m_similarityPlot->setObjectName(QStringLiteral("memorySimilarityPlot"));
    m_title->setObjectName(QStringLiteral("memoryTitle"));
    m_usagePlot->setToolTip(tr("Share of the queries whose nearest memory item is each item, over the epoch. "
                               "Items that are never used store nothing useful."));
    m_similarityPlot->setToolTip(tr("Cosine similarity between the memory items at the end of the epoch. "
                                    "Bright off-diagonal cells are items that store the same pattern."));
    createUsagePlot();
    createSimilarityPlot();
    auto* plots = new QHBoxLayout;
    plots->addWidget(m_usagePlot, 1);
    plots->addWidget(m_similarityPlot, 1);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_title);
    layout->addLayout(plots, 1);
    clear();
}

void MemoryPanel::createUsagePlot()
{
    m_usage = new QCPBars(m_usagePlot->xAxis, m_usagePlot->yAxis);
    m_usage->setBrush(QColor(0x1f, 0x77, 0xb4, 180));
    m_usage->setPen(QPen(QColor(0x1f, 0x77, 0xb4)));
    m_usage->setWidth(0.8);
    m_usagePlot->xAxis->setLabel(tr("memory item"));
    m_usagePlot->yAxis->setLabel(tr("share of queries"));
    m_usagePlot->yAxis->setRange(0, 1);
}

void MemoryPanel::createSimilarityPlot()
{
    m_similarity = new QCPColorMap(m_similarityPlot->xAxis, m_similarityPlot->yAxis);
    auto* scale = new QCPColorScale(m_similarityPlot);
    m_similarityPlot->plotLayout()->addElement(0, 1, scale);
    scale->setLabel(tr("cosine similarity"));
    m_similarity->setColorScale(scale);
    m_similarity->setGradient(QCPColorGradient(QCPColorGradient::gpPolar));
    m_similarity->setDataRange(QCPRange(-1, 1)); // fixed, so that epochs compare by colour
    m_similarity->setInterpolate(false);
    m_similarityPlot->xAxis->setLabel(tr("item"));
    m_similarityPlot->yAxis->setLabel(tr("item"));
    m_similarityPlot->yAxis->setRangeReversed(true); // row 0 at the top, as a matrix reads
    auto* margins = new QCPMarginGroup(m_similarityPlot);
    m_similarityPlot->axisRect()->setMarginGroup(QCP::msBottom | QCP::msTop, margins);
    scale->setMarginGroup(QCP::msBottom | QCP::msTop, margins);
}

void MemoryPanel::clear()
{
    m_items = 0;
    m_usage->data()->clear();
    m_similarity->data()->clear();
    m_title->setText(tr("The memory is shown after the first epoch."));
    m_usagePlot->replot(QCustomPlot::rpQueuedReplot);
    m_similarityPlot->replot(QCustomPlot::rpQueuedReplot);
}

void MemoryPanel::setEpoch(const EpochReport& report)
{
    setMemory(report.epoch, report.epochs, report.itemUsage, report.itemSimilarity);
}

void MemoryPanel::setMemory(int epoch, int epochs, const std::vector<double>& usage,
                            const std::vector<double>& similarity)
{
    const int items = static_cast<int>(usage.size());
    m_items = items;
    int unused = 0;
    QVector<double> keys, values;
    for (int i = 0; i < items; ++i) {
        keys << i;
        values << usage[i];
        unused += usage[i] <= 0 ? 1 : 0;
    }
    m_usage->setData(keys, values, true);
    const double top = usage.empty() ? 1.0 : *std::max_element(usage.begin(), usage.end());
    m_usagePlot->xAxis->setRange(-0.5, items - 0.5);
    m_usagePlot->yAxis->setRange(0, std::max(0.05, top * 1.1));

    if (static_cast<int>(similarity.size()) == items * items && items > 0) {
        m_similarity->data()->setSize(items, items);
        m_similarity->data()->setRange(QCPRange(0, items - 1), QCPRange(0, items - 1));
        for (int row = 0; row < items; ++row)
            for (int column = 0; column < items; ++column)
                m_similarity->data()->setCell(column, row, similarity[row * items + column]);
        m_similarityPlot->xAxis->setRange(-0.5, items - 0.5);
        m_similarityPlot->yAxis->setRange(-0.5, items - 0.5);
    }
    m_title->setText(tr("Memory after epoch %1 of %2: %3 items, %4 unused").arg(epoch + 1).arg(epochs).arg(items).arg(unused));
    m_usagePlot->replot(QCustomPlot::rpQueuedReplot);
    m_similarityPlot->replot(QCustomPlot::rpQueuedReplot);
}

} // namespace mnad::ui
