#include "shell/PlaceholderPane.h"

#include <QLabel>
#include <QVBoxLayout>

namespace plexe {

PlaceholderPane::PlaceholderPane(const QString &title, const QString &sentence, QWidget *parent)
    : Pane(parent), m_title(title)
{
    auto *layout = new QVBoxLayout(this);
    auto *heading = new QLabel(title, this);
    QFont font = heading->font();
    font.setPointSizeF(font.pointSizeF() * 1.4);
    font.setBold(true);
    heading->setFont(font);
    layout->addWidget(heading);
    auto *text = new QLabel(sentence, this);
    text->setObjectName(QStringLiteral("placeholderText"));
    text->setWordWrap(true);
    layout->addWidget(text);
    layout->addStretch();
}

} // namespace plexe
