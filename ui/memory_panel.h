#pragma once
// The memory after each epoch: how often each item was the nearest one (usage histogram, QCPBars) and the
// item-to-item cosine similarity matrix (QCPColorMap with a colour scale). Unused or near-duplicate items show
// here first (official MNAD issues #52, #57).

#include <QWidget>

#include <vector>

class QCPBars;
class QCPColorMap;
class QCustomPlot;
class QLabel;

namespace mnad {
struct EpochReport;
} // namespace mnad

namespace mnad::ui {

class MemoryPanel : public QWidget {
    Q_OBJECT
public:
    explicit MemoryPanel(QWidget* parent = nullptr);

    // usage: M shares (sum 1); similarity: M×M row-major cosine similarities.
    void setMemory(int epoch, int epochs, const std::vector<double>& usage, const std::vector<double>& similarity);
    void setEpoch(const EpochReport& report);
    void clear();

    int itemCount() const { return m_items; }
    QCustomPlot* usagePlot() const { return m_usagePlot; }
    QCustomPlot* similarityPlot() const { return m_similarityPlot; }

private:
    void createUsagePlot();
    void createSimilarityPlot();

    QLabel* m_title;
    QCustomPlot* m_usagePlot;
    QCustomPlot* m_similarityPlot;
    QCPBars* m_usage = nullptr;
    QCPColorMap* m_similarity = nullptr;
    int m_items = 0;
};

} // namespace mnad::ui
