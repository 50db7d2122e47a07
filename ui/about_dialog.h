#pragma once
// Help → About: what MNAD Studio is, its licence and the versions of everything it is built on.

#include <QDialog>

namespace mnad::ui {

class AboutDialog : public QDialog {
    Q_OBJECT
public:
    explicit AboutDialog(QWidget* parent = nullptr);

    // The versions table shown in the dialog, as plain text lines ("LibTorch 1.13.0 (CPU)", …).
    static QStringList versionLines();
};

} // namespace mnad::ui
