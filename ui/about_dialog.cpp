#include "ui/about_dialog.h"

#include "core/runtime/build_info.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QVBoxLayout>
#include <qcustomplot.h>

namespace mnad::ui {

QStringList AboutDialog::versionLines()
{
    const auto build = collectBuildInfo();
    auto text = [](const std::string& s) {
        return s.empty() ? AboutDialog::tr("not built in") : QString::fromStdString(s);
    };
    QStringList lines;
    lines << tr("LibTorch %1 (%2)").arg(text(build.libtorchVersion), build.torchHasCuda ? tr("CUDA") : tr("CPU"))
          << tr("Qt %1").arg(QString::fromLatin1(qVersion()))
          << tr("QCustomPlot %1").arg(QStringLiteral(QCUSTOMPLOT_VERSION_STR))
          << tr("OpenCV %1").arg(text(build.opencvVersion)) << tr("FFmpeg %1").arg(text(build.ffmpegVersion))
          << tr("Device: %1").arg(QString::fromStdString(build.defaultDevice));
    for (const auto& gpu : build.gpuNames)
        lines << tr("GPU: %1").arg(QString::fromStdString(gpu));
    return lines;
}

AboutDialog::AboutDialog(QWidget* parent) : QDialog(parent)
{
    setObjectName(QStringLiteral("AboutDialog"));
    setWindowTitle(tr("About MNAD Studio"));
    auto* title = new QLabel(tr("<h2>MNAD Studio %1</h2>").arg(QStringLiteral(MNAD_VERSION)), this);
    auto* summary = new QLabel(
        tr("Video anomaly inspection with memory-guided normality (MNAD, Park et al., CVPR 2020).<br>"
           "Licensed under the GNU General Public License, version 3 or later."),
        this);
    summary->setWordWrap(true);
    auto* versions = new QLabel(versionLines().join(QStringLiteral("<br>")), this);
    versions->setObjectName(QStringLiteral("versions"));
    versions->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(title);
    layout->addWidget(summary);
    layout->addWidget(versions);
    layout->addWidget(buttons);
}

} // namespace mnad::ui
