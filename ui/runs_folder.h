#pragma once
// Where run folders live: the folder chosen in the preferences, else ~/mnad-runs (one rule for every page).

#include "ui/preferences.h"

#include <QDir>
#include <QString>

namespace mnad::ui {

inline QString effectiveRunsFolder()
{
    const QString chosen = prefs::runsFolder.get();
    return chosen.isEmpty() ? QDir::homePath() + QStringLiteral("/mnad-runs") : chosen;
}

} // namespace mnad::ui
