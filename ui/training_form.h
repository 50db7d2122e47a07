#pragma once
// The training hyper-parameters as a form (method, epochs, batch, lr, λc, λs, size, width, memory, t_length, seed,
// device), with presets and a tooltip on every field; reads and writes a TrainConfig.

#include "core/train/train_config.h"

#include <QStringList>
#include <QWidget>

class QComboBox;
class QDoubleSpinBox;
class QSpinBox;

namespace mnad::ui {

class TrainingForm : public QWidget {
    Q_OBJECT
public:
    enum class Preset { PaperGpu, CpuQuick };

    explicit TrainingForm(QWidget* parent = nullptr);

    // The configuration of a preset: the paper's (256², width 64, 60 epochs on the GPU) or a quick CPU one.
    static TrainConfig presetConfig(Preset preset, Method method = Method::Prediction);

    // The form's configuration (dataset fields empty: the page fills them).
    TrainConfig config() const;
    void setConfig(const TrainConfig& config);
    void applyPreset(Preset preset);
    // Fills the device list: automatic, CPU, and one entry per GPU with its name.
    void setGpuNames(const QStringList& names);

signals:
    void configChanged();

private:
    void buildFields();
    void addTooltips();
    void onMethodChanged();
    void selectDevice(const QString& device);

    QComboBox* m_preset;
    QComboBox* m_method;
    QSpinBox* m_epochs;
    QSpinBox* m_batch;
    QDoubleSpinBox* m_learningRate;
    QDoubleSpinBox* m_lambdaCompact;
    QDoubleSpinBox* m_lambdaSeparate;
    QSpinBox* m_imageSize;
    QSpinBox* m_width;
    QSpinBox* m_memorySize;
    QSpinBox* m_tLength;
    QSpinBox* m_seed;
    QComboBox* m_device;
    QComboBox* m_precision;
    bool m_applyingPreset = false;
};

} // namespace mnad::ui
