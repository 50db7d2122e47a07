#include "ui/theme.h"

#include <QApplication>
#include <QPalette>
#include <QProcess>
#include <QStandardPaths>
#include <QStyle>
#include <QStyleFactory>

namespace mnad::ui {

namespace {

// The palette and style Qt chose before any theme was applied: "system" and "light" go back to them.
struct PlatformLook {
    QPalette palette;
    QString style;
};

const PlatformLook& platformLook()
{
    static const PlatformLook look{QApplication::palette(), QApplication::style()->name()};
    return look;
}

bool gnomePrefersDark()
{
    const QString gsettings = QStandardPaths::findExecutable(QStringLiteral("gsettings"));
    if (gsettings.isEmpty())
        return false;
    QProcess process;
    process.start(gsettings, {QStringLiteral("get"), QStringLiteral("org.gnome.desktop.interface"),
                              QStringLiteral("color-scheme")});
    if (!process.waitForFinished(500))
        return false;
    return QString::fromUtf8(process.readAllStandardOutput()).contains(QLatin1String("prefer-dark"));
}

QPalette darkPalette()
{
    QPalette p;
    const QColor window(45, 45, 48), base(30, 30, 32), text(225, 225, 225), disabled(127, 127, 127);
    const QColor highlight(42, 130, 218);
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, window);
    p.setColor(QPalette::ToolTipBase, window);
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::PlaceholderText, disabled);
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, window);
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::BrightText, Qt::red);
    p.setColor(QPalette::Link, highlight);
    p.setColor(QPalette::Highlight, highlight);
    p.setColor(QPalette::HighlightedText, Qt::white);
    for (auto role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText, QPalette::HighlightedText})
        p.setColor(QPalette::Disabled, role, disabled);
    return p;
}

} // namespace

bool systemPrefersDark()
{
    if (platformLook().palette.color(QPalette::Window).lightness() < 128)
        return true;
    if (qEnvironmentVariable("GTK_THEME").endsWith(QLatin1String(":dark"), Qt::CaseInsensitive))
        return true;
    return gnomePrefersDark();
}

void applyTheme(QApplication& app, const QString& theme)
{
    const PlatformLook& look = platformLook();
    const bool dark = theme == QLatin1String("dark") || (theme != QLatin1String("light") && systemPrefersDark());
    const bool platformIsDark = look.palette.color(QPalette::Window).lightness() < 128;
    if (dark && !platformIsDark) {
        app.setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
        app.setPalette(darkPalette());
    } else if (!dark && platformIsDark) {
        app.setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
        app.setPalette(app.style()->standardPalette());
    } else {
        app.setStyle(QStyleFactory::create(look.style));
        app.setPalette(look.palette);
    }
}

} // namespace mnad::ui
