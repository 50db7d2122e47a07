#include "ui/dataset_browser.h"

#include "core/io/dataset_summary.h"

#include <QHeaderView>
#include <QLabel>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <utility>
#include <QtConcurrent/QtConcurrentRun>

namespace mnad::ui {

struct DatasetReading {
    QString root;
    QString error; // set when the folder could not be read at all
    DatasetSummary summary;
};

namespace {
DatasetReading readDataset(const QString& root)
{
    DatasetReading view;
    view.root = root;
    try {
        view.summary = summarizeDataset(discoverDataset(root.toStdString()));
    } catch (const std::exception& e) {
        view.error = QString::fromStdString(e.what());
    }
    return view;
}

QTreeWidgetItem* splitItem(const QString& title, const SplitSummary& split)
{
    auto* item = new QTreeWidgetItem({title, QString::number(split.frames)});
    for (const auto& v : split.videos) {
        const QString size = v.width > 0 ? QStringLiteral("%1×%2").arg(v.width).arg(v.height) : QString();
        const QString fps = v.fps > 0 ? QString::number(v.fps, 'g', 4) : QString();
        auto* child = new QTreeWidgetItem({QString::fromStdString(v.name), QString::number(v.frames), size, fps,
                                           QString::fromStdString(v.problem)});
        if (!v.problem.empty())
            child->setForeground(4, QColor(0xc0, 0x30, 0x30));
        item->addChild(child);
    }
    return item;
}
} // namespace

DatasetBrowser::DatasetBrowser(QWidget* parent)
    : QWidget(parent), m_title(new QLabel(this)), m_labels(new QLabel(this)), m_message(new QLabel(this)),
      m_videos(new QTreeWidget(this)), m_watcher(new QFutureWatcher<DatasetReading>(this))
{
    setObjectName(QStringLiteral("datasetPage"));
    m_title->setObjectName(QStringLiteral("datasetTitle"));
    m_labels->setObjectName(QStringLiteral("labelStatus"));
    m_message->setObjectName(QStringLiteral("datasetMessage"));
    m_videos->setObjectName(QStringLiteral("datasetVideos"));
    QFont font = m_title->font();
    font.setPointSizeF(font.pointSizeF() * 1.4);
    font.setBold(true);
    m_title->setFont(font);
    m_title->setText(tr("No dataset open"));
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_message->setText(tr("Open a dataset root (File \u2192 Open Dataset\u2026, or drop a folder on the window): frame "
                          "folders in the MNAD layout (<root>/<name>/training/frames/<video>/), the UCSD layout, or "
                          "video files."));
    m_labels->setWordWrap(true);
    m_videos->setHeaderLabels({tr("Video"), tr("Frames"), tr("Size"), tr("FPS"), tr("Problem")});
    m_videos->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_videos->setVisible(false);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_title);
    layout->addWidget(m_message);
    layout->addWidget(m_labels);
    layout->addWidget(m_videos, 1);
    connect(m_watcher, &QFutureWatcher<DatasetReading>::finished, this, [this] {
        if (!m_pending.isEmpty()) { // a newer folder was asked for meanwhile: show that one instead
            startReading(std::exchange(m_pending, QString()));
            return;
        }
        showView(m_watcher->result());
    });
}

DatasetBrowser::~DatasetBrowser()
{
    m_watcher->waitForFinished();
}

bool DatasetBrowser::isLoading() const
{
    return m_watcher->isRunning();
}

void DatasetBrowser::openDataset(const QString& root)
{
    // One read at a time, never waiting on the GUI thread: a request during a read replaces any queued one.
    if (m_watcher->isRunning()) {
        m_pending = root;
        m_title->setText(tr("Reading %1\u2026").arg(root));
        return;
    }
    startReading(root);
}

void DatasetBrowser::startReading(const QString& root)
{
    m_title->setText(tr("Reading %1\u2026").arg(root));
    m_watcher->setFuture(QtConcurrent::run(readDataset, root));
}

void DatasetBrowser::showView(const DatasetReading& view)
{
    m_videos->clear();
    if (!view.error.isEmpty()) {
        m_title->setText(tr("Cannot open the dataset"));
        m_message->setText(view.error);
        m_labels->clear();
        m_videos->setVisible(false);
        emit datasetFailed(view.error);
        return;
    }
    const auto& s = view.summary;
    m_title->setText(tr("%1 (%2 layout)").arg(QString::fromStdString(s.name), QString::fromStdString(s.layout)));
    QStringList warnings;
    for (const auto& w : s.warnings)
        warnings << QString::fromStdString(w);
    m_message->setText(QString::fromStdString(s.root) +
                       (warnings.isEmpty() ? QString() : QStringLiteral("\n") + warnings.join(QLatin1Char('\n'))));
    const QString detail = QString::fromStdString(s.labels.detail);
    switch (s.labels.state) {
    case LabelStatus::Found:
        m_labels->setText(tr("Labels found: %1 (%2)").arg(detail, QString::fromStdString(s.labels.file)));
        break;
    case LabelStatus::Missing:
        m_labels->setText(tr("Labels missing: %1").arg(detail));
        break;
    case LabelStatus::Mismatched:
        m_labels->setText(tr("Labels do not fit: %1").arg(detail));
        break;
    }
    m_videos->addTopLevelItem(splitItem(tr("training"), s.training));
    m_videos->addTopLevelItem(splitItem(tr("testing"), s.testing));
    m_videos->expandAll();
    m_videos->setVisible(true);
    emit datasetLoaded(view.root);
}

} // namespace mnad::ui
