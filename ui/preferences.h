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
// "" follows the system locale; otherwise a locale name such as "zh_CN" or "en".
inline const Preference<QString> language{QStringLiteral("Interface/language"), {}};
inline const Preference<QStringList> recentDatasets{QStringLiteral("Datasets/recent"), {}};
inline const Preference<QString> runsFolder{QStringLiteral("Runs/folder"), {}};
inline const Preference<QString> device{QStringLiteral("Training/device"), QStringLiteral("auto")};
constexpr int maxRecentDatasets = 12;
} // namespace prefs

} // namespace mnad::ui
