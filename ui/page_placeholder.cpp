#include "ui/page_placeholder.h"

#include <QLabel>
#include <QHBoxLayout>
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
    m_detail->setWordWrap(true);
    m_detail->setTextInteractionFlags(Qt::TextSelectableByMouse);

    // Centred column of bounded width; stretches rather than alignment flags, so that the word-wrapped labels get
    // the height their width needs.
    auto* column = new QWidget(this);
    column->setMaximumWidth(620);
    auto* columnLayout = new QVBoxLayout(column);
    columnLayout->addWidget(heading);
    columnLayout->addWidget(text);
    columnLayout->addWidget(m_detail);

    auto* row = new QHBoxLayout;
    row->addStretch(1);
    row->addWidget(column, 3);
    row->addStretch(1);
    auto* layout = new QVBoxLayout(this);
    layout->addStretch(1);
    layout->addLayout(row);
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
