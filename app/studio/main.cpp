// mnad-studio: the desktop application.

#include "core/runtime/threads.h"
#include "ui/main_window.h"
#include "ui/preferences.h"
#include "ui/translations.h"

#include <QApplication>
#include <QCommandLineParser>

int main(int argc, char** argv)
{
    mnad::configureThreads();
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("MNAD Studio"));
    QApplication::setApplicationName(QStringLiteral("MNAD Studio"));
    QApplication::setApplicationVersion(QStringLiteral(MNAD_VERSION));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/mnad-studio.svg")));
    mnad::ui::installTranslations(app, mnad::ui::prefs::language.get());

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("MNAD Studio: video anomaly inspection with MNAD"));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("dataset"), QStringLiteral("A dataset folder to open"),
                                 QStringLiteral("[dataset]"));
    parser.process(app);

    mnad::ui::MainWindow window;
    window.show();
    if (!parser.positionalArguments().isEmpty())
        window.openDataset(parser.positionalArguments().first());
    return app.exec();
}
