#pragma once
// Loads the interface translation for a language (or the system locale) into the application.

#include <QString>

class QCoreApplication;

namespace mnad::ui {

// `language` is a locale name ("zh_CN", "en"); empty means the system locale. Returns the locale name whose
// translation was installed, or an empty string when the interface stays in English.
QString installTranslations(QCoreApplication& app, const QString& language);

} // namespace mnad::ui
