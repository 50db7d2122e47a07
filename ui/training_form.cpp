#include "ui/training_form.h"

#include "core/runtime/build_info.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QSignalBlocker>
#include <QSpinBox>

#include <algorithm>
#include <limits>
#include <utility>

namespace mnad::ui {

namespace {
enum PresetIndex { PaperIndex = 0, CpuQuickIndex, CustomIndex };

QSpinBox* spinBox(QWidget* parent, int minimum, int maximum, int step = 1)
{
    auto* box = new QSpinBox(parent);
    box->setRange(minimum, maximum);
    box->setSingleStep(step);
    return box;
}

QDoubleSpinBox* doubleSpinBox(QWidget* parent, double minimum, double maximum, double step, int decimals)
{
    auto* box = new QDoubleSpinBox(parent);
    box->setDecimals(decimals);
    box->setRange(minimum, maximum);
    box->setSingleStep(step);
    return box;
}
} // namespace

TrainingForm::TrainingForm(QWidget* parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("trainingForm"));
    buildFields();
    addTooltips();
    QStringList gpus;
    for (const auto& name : collectBuildInfo().gpuNames)
        gpus << QString::fromStdString(name);
    setGpuNames(gpus);
    applyPreset(gpus.isEmpty() ? Preset::CpuQuick : Preset::PaperGpu);
}

void TrainingForm::buildFields()
{
    m_preset = new QComboBox(this);
    m_preset->addItems({tr("Paper, GPU"), tr("CPU quick"), tr("Custom")});
    m_method = new QComboBox(this);
    m_method->addItem(tr("Prediction (4 frames \u2192 5th)"), QStringLiteral("pred"));
    m_method->addItem(tr("Reconstruction (1 frame)"), QStringLiteral("recon"));
    m_epochs = spinBox(this, 1, 10000);
    m_batch = spinBox(this, 1, 1024);
    m_learningRate = doubleSpinBox(this, 1e-7, 1.0, 1e-5, 6);
    m_lambdaCompact = doubleSpinBox(this, 0.0, 10.0, 0.01, 4);
    m_lambdaSeparate = doubleSpinBox(this, 0.0, 10.0, 0.01, 4);
    m_imageSize = spinBox(this, 8, 1024, 8);
    m_width = spinBox(this, 1, 512);
    m_memorySize = spinBox(this, 2, 10000);
    m_tLength = spinBox(this, 1, 64);
    m_seed = spinBox(this, 0, std::numeric_limits<int>::max());
    m_device = new QComboBox(this);
    m_precision = new QComboBox(this);
    m_precision->addItem(tr("float32 (as the paper)"), QStringLiteral("fp32"));
    m_precision->addItem(tr("bfloat16 mixed precision"), QStringLiteral("bf16"));
    const std::pair<QWidget*, const char*> names[] = {
        {m_preset, "preset"}, {m_method, "method"}, {m_epochs, "epochs"}, {m_batch, "batchSize"},
        {m_learningRate, "learningRate"}, {m_lambdaCompact, "lambdaCompact"}, {m_lambdaSeparate, "lambdaSeparate"},
        {m_imageSize, "imageSize"}, {m_width, "width"}, {m_memorySize, "memorySize"}, {m_tLength, "tLength"},
        {m_seed, "seed"}, {m_device, "device"}, {m_precision, "precision"}};
    for (const auto& [widget, name] : names)
        widget->setObjectName(QLatin1String(name));

    auto* form = new QFormLayout(this);
    form->setContentsMargins(0, 0, 0, 0);
    form->addRow(tr("Preset:"), m_preset);
    form->addRow(tr("Method:"), m_method);
    form->addRow(tr("Epochs:"), m_epochs);
    form->addRow(tr("Batch size:"), m_batch);
    form->addRow(tr("Learning rate:"), m_learningRate);
    form->addRow(tr("\u03bb compactness:"), m_lambdaCompact);
    form->addRow(tr("\u03bb separateness:"), m_lambdaSeparate);
    form->addRow(tr("Image size:"), m_imageSize);
    form->addRow(tr("Width:"), m_width);
    form->addRow(tr("Memory items:"), m_memorySize);
    form->addRow(tr("Frames per clip:"), m_tLength);
    form->addRow(tr("Seed:"), m_seed);
    form->addRow(tr("Device:"), m_device);
    form->addRow(tr("Precision:"), m_precision);

    connect(m_preset, qOverload<int>(&QComboBox::activated), this, [this](int index) {
        if (index != CustomIndex)
            applyPreset(index == PaperIndex ? Preset::PaperGpu : Preset::CpuQuick);
    });
    connect(m_method, qOverload<int>(&QComboBox::currentIndexChanged), this, &TrainingForm::onMethodChanged);
    // Any edit by hand turns the preset into "Custom".
    auto edited = [this] {
        if (!m_applyingPreset)
            m_preset->setCurrentIndex(CustomIndex);
        emit configChanged();
    };
    for (QSpinBox* box : {m_epochs, m_batch, m_imageSize, m_width, m_memorySize, m_tLength, m_seed})
        connect(box, qOverload<int>(&QSpinBox::valueChanged), this, edited);
    for (QDoubleSpinBox* box : {m_learningRate, m_lambdaCompact, m_lambdaSeparate})
        connect(box, qOverload<double>(&QDoubleSpinBox::valueChanged), this, edited);
    connect(m_device, qOverload<int>(&QComboBox::currentIndexChanged), this, [this] { emit configChanged(); });
    connect(m_precision, qOverload<int>(&QComboBox::currentIndexChanged), this, edited);
}

void TrainingForm::addTooltips()
{
    m_preset->setToolTip(tr("Paper, GPU: the published setting (256\u00b2, width 64, 10 items, 60 epochs), for a "
                            "CUDA GPU. CPU quick: 64\u00b2, width 16, 5 epochs, to try the pipeline on a CPU in "
                            "minutes."));
    m_method->setToolTip(tr("Prediction: the model sees 4 frames and predicts the 5th (U-Net with skips). "
                            "Reconstruction: it reconstructs the frame it sees (no skips)."));
    m_epochs->setToolTip(tr("Passes over all training clips (paper: 60). The learning rate follows a cosine from "
                            "its start value to 0 over the epochs."));
    m_batch->setToolTip(tr("Clips per optimizer step (paper: 4). Larger batches need more memory."));
    m_learningRate->setToolTip(tr("Adam's initial learning rate (paper: 0.0002), annealed to 0 by a cosine over the epochs."));
    m_lambdaCompact->setToolTip(tr("λc, weight of the feature compactness loss, which pulls each query to its "
                                   "nearest memory item (official: 0.1 prediction, 0.01 reconstruction)."));
    m_lambdaSeparate->setToolTip(tr("λs, weight of the feature separateness loss, which pushes the second "
                                    "nearest item away so that items stay distinct (official: 0.1 / 0.01)."));
    m_imageSize->setToolTip(tr("Frames are resized to this square side, a multiple of 8 (paper: 256)."));
    m_width->setToolTip(tr("Channels of the first encoder stage; the stages have w, 2w, 4w, 8w and the memory "
                           "items 8w dimensions (paper: 64, i.e. 512-d items). 16 trains much faster on a CPU."));
    m_memorySize->setToolTip(tr("Number of memory items M that store the prototypical normal patterns (paper: 10)."));
    m_tLength->setToolTip(tr("Frames per training clip: inputs plus the target (prediction: 5, i.e. 4 \u2192 1; "
                             "reconstruction: 1)."));
    m_seed->setToolTip(tr("Seed of the initial memory, the weights and the clip order: the same seed on the CPU "
                          "gives the same losses."));
    m_device->setToolTip(tr("Where the model trains. Automatic uses the first CUDA GPU when there is one."));
    m_precision->setToolTip(tr("bfloat16 runs the convolutions in mixed precision (autocast): several times faster "
                               "on GPUs with tensor cores, slower on most CPUs. The memory, the losses and the "
                               "scores stay float32."));
}

TrainConfig TrainingForm::presetConfig(Preset preset, Method method)
{
    TrainConfig config = TrainConfig::official(method);
    if (preset == Preset::CpuQuick) {
        config.model.imageSize = 64;
        config.model.width = 16;
        config.epochs = 5;
        config.device = "cpu";
    }
    return config;
}

void TrainingForm::applyPreset(Preset preset)
{
    const Method method = m_method->currentIndex() == 1 ? Method::Reconstruction : Method::Prediction;
    TrainConfig config = presetConfig(preset, method);
    if (preset == Preset::PaperGpu)
        config.device = m_device->count() > 2 ? "cuda:0" : "auto";
    setConfig(config);
    m_preset->setCurrentIndex(preset == Preset::PaperGpu ? PaperIndex : CpuQuickIndex);
}

TrainConfig TrainingForm::config() const
{
    TrainConfig c = TrainConfig::official(m_method->currentIndex() == 1 ? Method::Reconstruction : Method::Prediction);
    c.model.tLength = m_tLength->value();
    c.model.imageSize = m_imageSize->value();
    c.model.width = m_width->value();
    c.model.memorySize = m_memorySize->value();
    c.epochs = m_epochs->value();
    c.batchSize = m_batch->value();
    c.learningRate = m_learningRate->value();
    c.lambdaCompact = m_lambdaCompact->value();
    c.lambdaSeparate = m_lambdaSeparate->value();
    c.seed = static_cast<uint64_t>(m_seed->value());
    c.device = m_device->currentData().toString().toStdString();
    c.precision = precisionFromName(m_precision->currentData().toString().toStdString());
    return c;
}

void TrainingForm::setConfig(const TrainConfig& c)
{
    m_applyingPreset = true;
    m_method->setCurrentIndex(c.model.method == Method::Reconstruction ? 1 : 0);
    m_tLength->setValue(c.model.tLength);
    m_imageSize->setValue(c.model.imageSize);
    m_width->setValue(c.model.width);
    m_memorySize->setValue(c.model.memorySize);
    m_epochs->setValue(c.epochs);
    m_batch->setValue(c.batchSize);
    m_learningRate->setValue(c.learningRate);
    m_lambdaCompact->setValue(c.lambdaCompact);
    m_lambdaSeparate->setValue(c.lambdaSeparate);
    m_seed->setValue(static_cast<int>(std::min<uint64_t>(c.seed, std::numeric_limits<int>::max())));
    selectDevice(QString::fromStdString(c.device));
    m_precision->setCurrentIndex(std::max(0, m_precision->findData(QString::fromStdString(precisionName(c.precision)))));
    m_preset->setCurrentIndex(CustomIndex);
    m_applyingPreset = false;
    emit configChanged();
}

void TrainingForm::onMethodChanged()
{
    const bool prediction = m_method->currentIndex() == 0;
    const TrainConfig official = TrainConfig::official(prediction ? Method::Prediction : Method::Reconstruction);
    const bool wasApplying = std::exchange(m_applyingPreset, true);
    m_tLength->setValue(official.model.tLength);
    m_tLength->setEnabled(prediction); // reconstruction always sees one frame
    m_lambdaCompact->setValue(official.lambdaCompact);
    m_lambdaSeparate->setValue(official.lambdaSeparate);
    m_applyingPreset = wasApplying;
    emit configChanged();
}

void TrainingForm::setGpuNames(const QStringList& names)
{
    const QString current = m_device->currentData().toString();
    const QSignalBlocker blocker(m_device);
    m_device->clear();
    m_device->addItem(names.isEmpty() ? tr("Automatic (CPU: no CUDA GPU found)")
                                      : tr("Automatic (%1)").arg(names.first()),
                      QStringLiteral("auto"));
    m_device->addItem(tr("CPU"), QStringLiteral("cpu"));
    for (int i = 0; i < names.size(); ++i)
        m_device->addItem(tr("GPU %1: %2").arg(i).arg(names[i]), QStringLiteral("cuda:%1").arg(i));
    selectDevice(current.isEmpty() ? QStringLiteral("auto") : current);
}

void TrainingForm::selectDevice(const QString& device)
{
    const QString wanted = device == QLatin1String("cuda") ? QStringLiteral("cuda:0") : device;
    const int index = m_device->findData(wanted);
    m_device->setCurrentIndex(index >= 0 ? index : 0);
}

} // namespace mnad::ui
