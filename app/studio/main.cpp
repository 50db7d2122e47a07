// mnad-studio: the desktop application.

#include "core/runtime/threads.h"
#include "ui/main_window.h"
#include "ui/preferences.h"
#include "ui/translations.h"

#include <QApplication>

int main(int argc, char** argv)
{
    mnad::configureThreads();
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("MNAD Studio"));
    QApplication::setApplicationName(QStringLiteral("MNAD Studio"));
    QApplication::setApplicationVersion(QStringLiteral(MNAD_VERSION));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/mnad-studio.svg")));
    mnad::ui::installTranslations(app, mnad::ui::prefs::language.get());

    mnad::ui::MainWindow window;
    window.show();
    return app.exec();
}
