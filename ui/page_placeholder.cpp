#include "ui/page_placeholder.h"

#include <QLabel>
#include <QVBoxLayout>

namespace mnad::ui {

PagePlaceholder::PagePlaceholder(const QString& title, const QString& description, QWidget* parent)
    : QWidget(parent), m_detail(new QLabel(this))
{
    auto* heading = new QLabel(title, this);
    QFont font = heading->font();
    font.setPointSizeF(font.pointSizeF() * 1.6);
    font.setBold(true);
    heading->setFont(font);

    auto* text = new QLabel(description, this);
    text->setWordWrap(true);
    text->setMaximumWidth(560);
    m_detail->setWordWrap(true);
    m_detail->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto* layout = new QVBoxLayout(this);
    layout->addStretch(1);
    layout->addWidget(heading, 0, Qt::AlignHCenter);
    layout->addWidget(text, 0, Qt::AlignHCenter);
    layout->addWidget(m_detail, 0, Qt::AlignHCenter);
    layout->addStretch(2);
}

void PagePlaceholder::setDetail(const QString& detail)
{
    m_detail->setText(detail);
}

QString PagePlaceholder::detail() const
{
    return m_detail->text();
}

} // namespace mnad::ui
