#pragma once
// An empty-state page: says what the area is for and what the user can do now. Pages that are not built yet
// show this instead of an empty widget.

#include <QWidget>

class QLabel;

namespace mnad::ui {

class PagePlaceholder : public QWidget {
    Q_OBJECT
public:
    PagePlaceholder(const QString& title, const QString& description, QWidget* parent = nullptr);

    void setDetail(const QString& detail);
    QString detail() const;

private:
    QLabel* m_detail;
};

} // namespace mnad::ui
