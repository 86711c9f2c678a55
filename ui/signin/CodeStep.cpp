#include "signin/CodeStep.h"

#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpressionValidator>
#include <QVBoxLayout>

namespace plexe {

CodeStep::CodeStep(QWidget *parent)
    : QWidget(parent), m_code(new QLineEdit(this)), m_verify(new QPushButton(tr("Verify"), this)),
      m_cancel(new QPushButton(tr("Cancel"), this))
{
    setObjectName(QStringLiteral("codeStep"));
    auto *layout = new QVBoxLayout(this);
    auto *heading = new QLabel(tr("Two-step verification"), this);
    QFont font = heading->font();
    font.setPointSizeF(font.pointSizeF() * 1.4);
    font.setBold(true);
    heading->setFont(font);
    layout->addWidget(heading);
    auto *hint = new QLabel(
        tr("Enter the 6-digit code from your authenticator app for this account."), this);
    hint->setWordWrap(true);
    layout->addWidget(hint);
    auto *form = new QFormLayout;
    m_code->setObjectName(QStringLiteral("codeEdit"));
    m_code->setAccessibleName(tr("Authentication code"));
    m_code->setMaxLength(9); // "123 456" as some apps show it
    m_code->setValidator(
        new QRegularExpressionValidator(QRegularExpression(QStringLiteral("[0-9 ]{0,9}")), m_code));
    m_code->setInputMethodHints(Qt::ImhDigitsOnly);
    form->addRow(tr("Authentication &code"), m_code);
    layout->addLayout(form);
    auto *buttons = new QHBoxLayout;
    m_cancel->setObjectName(QStringLiteral("codeCancelButton"));
    m_cancel->setAccessibleName(tr("Cancel"));
    m_verify->setObjectName(QStringLiteral("verifyCodeButton"));
    m_verify->setAccessibleName(tr("Verify code"));
    m_verify->setDefault(true);
    buttons->addStretch();
    buttons->addWidget(m_cancel);
    buttons->addWidget(m_verify);
    layout->addLayout(buttons);
    layout->addStretch();
    connect(m_code, &QLineEdit::textChanged, this, &CodeStep::updateEnabled);
    connect(m_code, &QLineEdit::returnPressed, this, [this] {
        if (m_verify->isEnabled())
            emit submitted();
    });
    connect(m_verify, &QPushButton::clicked, this, &CodeStep::submitted);
    connect(m_cancel, &QPushButton::clicked, this, &CodeStep::cancelled);
    updateEnabled();
}

QString CodeStep::code() const
{
    QString digits = m_code->text();
    digits.remove(QLatin1Char(' '));
    return digits;
}

void CodeStep::clear()
{
    m_code->clear();
}

void CodeStep::setBusy(bool busy)
{
    m_busy = busy;
    m_code->setEnabled(!busy);
    updateEnabled();
}

void CodeStep::focusInput()
{
    m_code->setFocus();
}

void CodeStep::updateEnabled()
{
    m_verify->setEnabled(!m_busy && code().size() == 6);
}

} // namespace plexe
