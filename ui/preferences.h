#pragma once
// Typed settings over QSettings (after Tiled's Preference<T>): one place that names each key and its default.

#include <QByteArray>
#include <QSettings>
#include <QString>
#include <QStringList>
#include <QVariant>

namespace mnad::ui {

template <typename T>
class Preference {
public:
    Preference(QString key, T defaultValue) : m_key(std::move(key)), m_default(std::move(defaultValue)) {}

    T get() const { return QSettings().value(m_key, QVariant::fromValue(m_default)).template value<T>(); }
    void set(const T& value) const { QSettings().setValue(m_key, QVariant::fromValue(value)); }
    void clear() const { QSettings().remove(m_key); }
    const QString& key() const { return m_key; }

private:
    QString m_key;
    T m_default;
};

namespace prefs {
inline const Preference<QByteArray> mainWindowGeometry{QStringLiteral("MainWindow/geometry"), {}};
inline const Preference<QByteArray> mainWindowState{QStringLiteral("MainWindow/state"), {}};
inline const Preference<int> currentPage{QStringLiteral("MainWindow/page"), 0};
// "system" follows the desktop's light or dark scheme; "light" or "dark" force one (ui/theme.h).
inline const Preference<QString> theme{QStringLiteral("Interface/theme"), QStringLiteral("system")};
// "" follows the system locale; otherwise a locale name such as "zh_CN" or "en".
inline const Preference<QString> language{QStringLiteral("Interface/language"), {}};
inline const Preference<QStringList> recentDatasets{QStringLiteral("Datasets/recent"), {}};
inline const Preference<QString> runsFolder{QStringLiteral("Runs/folder"), {}};
inline const Preference<QString> device{QStringLiteral("Training/device"), QStringLiteral("auto")};
constexpr int maxRecentDatasets = 12;
// Inspector page (issue 8).
inline const Preference<double> inspectorThreshold{QStringLiteral("Inspector/threshold"), 0.5};
inline const Preference<double> inspectorOpacity{QStringLiteral("Inspector/opacity"), 0.5};
inline const Preference<bool> inspectorSideBySide{QStringLiteral("Inspector/sideBySide"), false};
inline const Preference<int> inspectorLayers{QStringLiteral("Inspector/layers"), 2}; // FrameView::Layer flags
inline const Preference<bool> inspectorCausalScores{QStringLiteral("Inspector/causalScores"), false};
inline const Preference<QByteArray> inspectorSplitter{QStringLiteral("Inspector/splitter"), {}};
inline const Preference<QString> inspectorExportFolder{QStringLiteral("Inspector/exportFolder"), {}};
// Training and runs pages: the last training form (config.json text) and the runs page's comparison curve.
inline const Preference<QString> lastTrainConfig{QStringLiteral("Training/lastConfig"), {}};
inline const Preference<bool> evaluateAfterTraining{QStringLiteral("Training/evaluateWhenFinished"), true};
inline const Preference<int> lossSmoothingPercent{QStringLiteral("Training/smoothingPercent"), 60};
inline const Preference<int> compareCurve{QStringLiteral("Runs/compareCurve"), 3};
} // namespace prefs

} // namespace mnad::ui
