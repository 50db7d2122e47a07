// The Training page's widgets and layout: the settings column (data, form, buttons) and the progress column
// (progress bar, status, AUC, tabs with curves, memory and log). Behaviour is in training_page.cpp.

#include "ui/training_page.h"

#include "ui/loss_plot.h"
#include "ui/memory_panel.h"
#include "ui/preferences.h"
#include "ui/runs_folder.h"
#include "ui/training_form.h"

#include <QCheckBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollArea>
#include <QTabWidget>
#include <QVBoxLayout>

namespace mnad::ui {

namespace {
constexpr int kMaxLogLines = 5000;
} // namespace

QWidget* TrainingPage::createSettingsColumn()
{
    m_datasetLabel->setObjectName(QStringLiteral("trainingDataset"));
    m_datasetLabel->setWordWrap(true);
    m_datasetLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_runsFolder->setObjectName(QStringLiteral("runsFolder"));
    m_runsFolder->setText(effectiveRunsFolder());
    m_runsFolder->setToolTip(tr("New runs go to <folder>/<dataset>/<method>/<date-time>_<name>/."));
    m_runName->setObjectName(QStringLiteral("runName"));
    m_runName->setPlaceholderText(tr("optional"));
    m_runName->setToolTip(tr("Appended to the run folder's name, to tell runs apart."));
    auto* browse = new QPushButton(tr("Browse\u2026"), this);
    connect(browse, &QPushButton::clicked, this, &TrainingPage::chooseRunsFolder);
    connect(m_runsFolder, &QLineEdit::editingFinished, this, [this] {
        prefs::runsFolder.set(m_runsFolder->text().trimmed());
        emit runsFolderChanged(effectiveRunsFolder());
    });
    auto* folderRow = new QHBoxLayout;
    folderRow->addWidget(m_runsFolder, 1);
    folderRow->addWidget(browse);
    auto* data = new QGroupBox(tr("Data"), this);
    auto* dataForm = new QFormLayout(data);
    dataForm->addRow(tr("Dataset:"), m_datasetLabel);
    dataForm->addRow(tr("Runs folder:"), folderRow);
    dataForm->addRow(tr("Run name:"), m_runName);

    auto* parameters = new QGroupBox(tr("Hyper-parameters"), this);
    (new QVBoxLayout(parameters))->addWidget(m_form);

    m_evaluate->setObjectName(QStringLiteral("evaluateWhenFinished"));
    m_evaluate->setText(tr("Evaluate when finished"));
    m_evaluate->setToolTip(tr("Score the test split with the final checkpoint and show the frame-level AUC."));
    m_evaluate->setChecked(prefs::evaluateAfterTraining.get());
    connect(m_evaluate, &QCheckBox::toggled, this, [](bool on) { prefs::evaluateAfterTraining.set(on); });
    const std::pair<QPushButton*, const char*> buttons[] = {
        {m_start, "startTraining"}, {m_stop, "stopTraining"}, {m_resume, "resumeTraining"},
        {m_openInspector, "openInInspector"}, {m_compare, "compareWithRun"}};
    for (const auto& [button, name] : buttons)
        button->setObjectName(QLatin1String(name));
    m_start->setText(tr("Start"));
    m_start->setToolTip(tr("Start a new run with these settings on the open dataset."));
    m_stop->setText(tr("Stop"));
    m_stop->setToolTip(tr("Stop after the current step; a checkpoint is written and the run can be resumed."));
    m_resume->setText(tr("Resume\u2026"));
    m_resume->setToolTip(tr("Continue a stopped run from its last checkpoint (the last one here, or one you choose)."));
    m_openInspector->setText(tr("Open in Inspector"));
    m_openInspector->setToolTip(tr("Look at this run's scores, errors and memory attention video by video."));
    m_compare->setText(tr("Compare with Run…"));
    m_compare->setToolTip(tr("Draw another run's total loss in the plot, to compare it with this one."));
    connect(m_compare, &QPushButton::clicked, this, &TrainingPage::toggleComparison);
    connect(m_start, &QPushButton::clicked, this, &TrainingPage::startTraining);
    connect(m_stop, &QPushButton::clicked, this, &TrainingPage::stopTraining);
    connect(m_resume, &QPushButton::clicked, this, &TrainingPage::chooseRunToResume);
    connect(m_openInspector, &QPushButton::clicked, this, [this] { emit openRunRequested(m_runRoot); });
    auto* buttonRow = new QHBoxLayout;
    buttonRow->addWidget(m_start);
    buttonRow->addWidget(m_stop);
    buttonRow->addWidget(m_resume);

    auto* column = new QWidget(this);
    auto* layout = new QVBoxLayout(column);
    layout->addWidget(data);
    layout->addWidget(parameters);
    layout->addWidget(m_evaluate);
    layout->addLayout(buttonRow);
    layout->addWidget(m_openInspector);
    layout->addWidget(m_compare);
    layout->addStretch(1);
    auto* scroll = new QScrollArea(this);
    scroll->setWidget(column);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setMinimumWidth(column->sizeHint().width() + 20);
    return scroll;
}

QWidget* TrainingPage::createProgressColumn()
{
    m_progress->setObjectName(QStringLiteral("trainingProgress"));
    m_progress->setRange(0, 1);
    m_progress->setValue(0);
    m_status->setObjectName(QStringLiteral("trainingStatus"));
    m_status->setWordWrap(true); // long status lines must not widen the window
    m_message->setObjectName(QStringLiteral("trainingMessage"));
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_auc->setObjectName(QStringLiteral("trainingAuc"));
    m_auc->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_auc->setWordWrap(true);
    QFont bold = m_auc->font();
    bold.setBold(true);
    m_auc->setFont(bold);
    m_log->setObjectName(QStringLiteral("trainingLog"));
    m_log->setReadOnly(true);
    m_log->setMaximumBlockCount(kMaxLogLines);
    m_log->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_tabs->setObjectName(QStringLiteral("trainingTabs"));
    m_tabs->addTab(m_lossPlot, tr("Loss curves"));
    m_tabs->addTab(m_memoryPanel, tr("Memory"));
    m_tabs->addTab(m_log, tr("Log"));

    auto* column = new QWidget(this);
    auto* layout = new QVBoxLayout(column);
    layout->addWidget(m_progress);
    layout->addWidget(m_status);
    layout->addWidget(m_auc);
    layout->addWidget(m_message);
    layout->addWidget(m_tabs, 1);
    return column;
}

} // namespace mnad::ui
