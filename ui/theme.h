#pragma once
// Light or dark interface. "system" follows the desktop: the palette the platform theme gave Qt (KDE, Qt's own
// themes), GNOME's color-scheme setting, or a GTK_THEME ending in ":dark"; "light" and "dark" force Fusion palettes.
// Qt 6.4 has no colour-scheme API of its own (QStyleHints::colorScheme came in 6.5).

#include <QString>

class QApplication;

namespace mnad::ui {

bool systemPrefersDark();
// Applies "system", "light" or "dark" to the running application (any other value is "system").
void applyTheme(QApplication& app, const QString& theme);

} // namespace mnad::ui
