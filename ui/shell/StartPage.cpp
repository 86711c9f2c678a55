#include "shell/StartPage.h"

#include <QLabel>
#include <QProgressBar>
#include <QVBoxLayout>

namespace plexe {

StartPage::StartPage(QWidget *parent) : QWidget(parent), m_label(new QLabel(this))
{
    setObjectName(QStringLiteral("startPage"));
    auto *layout = new QVBoxLayout(this);
    layout->addStretch();
    m_label->setObjectName(QStringLiteral("startText"));
    m_label->setTextFormat(Qt::PlainText);
    m_label->setAlignment(Qt::AlignCenter);
    layout->addWidget(m_label);
    auto *spinner = new QProgressBar(this);
    spinner->setRange(0, 0); // busy indicator
    spinner->setTextVisible(false);
    spinner->setMaximumWidth(280);
    spinner->setAccessibleName(tr("Working"));
    layout->addWidget(spinner, 0, Qt::AlignHCenter);
    layout->addStretch();
}

void StartPage::setText(const QString &text)
{
    m_label->setText(text);
    m_label->setAccessibleName(text);
}

QString StartPage::text() const
{
    return m_label->text();
}

} // namespace plexe
