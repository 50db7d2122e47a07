// mnad-studio: the desktop application.

#include "core/runtime/peak_memory.h"
#include "core/runtime/threads.h"
#include "ui/main_window.h"
#include "ui/preferences.h"
#include "ui/theme.h"
#include "ui/translations.h"

#include <QApplication>
#include <QCommandLineParser>

int main(int argc, char** argv)
{
    mnad::keepFreedMemoryForReuse();
    mnad::configureThreads();
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("MNAD Studio"));
    QApplication::setApplicationName(QStringLiteral("MNAD Studio"));
    QApplication::setApplicationVersion(QStringLiteral(MNAD_VERSION));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/mnad-studio.svg")));
    mnad::ui::installTranslations(app, mnad::ui::prefs::language.get());
    mnad::ui::applyTheme(app, mnad::ui::prefs::theme.get());

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("MNAD Studio: video anomaly inspection with MNAD"));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("paths"),
                                 QStringLiteral("Dataset folders to open, or run folders (holding config.json) to "
                                                "inspect; the last one is shown"),
                                 QStringLiteral("[dataset|run...]"));
    parser.process(app);

    mnad::ui::MainWindow window;
    window.show();
    const QStringList paths = parser.positionalArguments();
    for (const QString& path : paths)
        window.openPath(path);
    return app.exec();
}
