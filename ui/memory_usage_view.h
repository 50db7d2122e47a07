#pragma once
// What the memory does over a video: a heatmap of item usage (items × frames, the number of query locations
// whose nearest item each item is) with a colour scale and the player's cursor; per item its share of all uses
// and the frames where it is used most (click to seek); the attention over items at the current frame as bars;
// and, when the run provides it, the item-to-item similarity matrix.

#include <QWidget>

#include <cstdint>
#include <vector>

class QCustomPlot;
class QCPBars;
class QCPColorMap;
class QCPItemStraightLine;
class QLabel;
class QTimer;
class QTreeWidget;
class QTreeWidgetItem;

namespace mnad::ui {

class MemoryUsageView : public QWidget {
    Q_OBJECT
public:
    explicit MemoryUsageView(QWidget* parent = nullptr);

    // Per frame, the use count of each item (FrameRecord::itemUsage); frames without usage are empty vectors.
    void setUsage(const std::vector<std::vector<int32_t>>& usage);
    // Per frame, the mean attention weight of each item over the query locations (frames × items, row-major;
    // from the inspection maps). Empty: the bars show the usage shares of the current frame instead.
    void setAttentionMeans(std::vector<float> means, int items);
    // Item-to-item cosine similarity (items × items, row-major). Empty hides the panel.
    void setSimilarity(const std::vector<double>& similarity, int items);

    int items() const { return m_items; }
    int frames() const { return static_cast<int>(m_usage.size()); }
    int cursorFrame() const { return m_cursor; }
    // Frames where `item` is used most, most first (ties: earlier first), at most `count`.
    std::vector<int> topFrames(int item, int count) const;
    double usageShare(int item) const; // of all uses in the video, 0..1

    QCPColorMap* usageMap() const { return m_map; }
    QCustomPlot* usagePlot() const { return m_usagePlot; }
    QCustomPlot* attentionPlot() const { return m_barPlot; }
    QCustomPlot* similarityPlot() const { return m_similarityPlot; }
    QTreeWidget* itemTable() const { return m_table; }

public slots:
    void setCursorFrame(int frame);

signals:
    void seekRequested(int frame);

private:
    void buildUsagePlot();
    void buildBarPlot();
    void buildSimilarityPlot();
    void fillTable();
    void updateBars();
    void scheduleReplot();

    QCustomPlot* m_usagePlot;
    QCPColorMap* m_map = nullptr;
    QCPItemStraightLine* m_cursorLine = nullptr;
    QCustomPlot* m_barPlot;
    QCPBars* m_bars = nullptr;
    QCustomPlot* m_similarityPlot;
    QCPColorMap* m_similarityMap = nullptr;
    QTreeWidget* m_table;
    QLabel* m_empty;
    QTimer* m_replotTimer;
    std::vector<std::vector<int32_t>> m_usage;
    std::vector<float> m_attentionMeans;
    int m_items = 0;
    int m_cursor = 0;
};

} // namespace mnad::ui
