#include "signin/ApiKeyStep.h"

#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QToolButton>
#include <QVBoxLayout>

namespace plexe {

ApiKeyStep::ApiKeyStep(QWidget *parent)
    : QWidget(parent), m_key(new QLineEdit(this)), m_show(new QToolButton(this)),
      m_signIn(new QPushButton(tr("Sign in with key"), this)),
      m_back(new QPushButton(tr("Back"), this))
{
    setObjectName(QStringLiteral("apiKeyStep"));
    auto *layout = new QVBoxLayout(this);
    auto *heading = new QLabel(tr("Sign in with an API key"), this);
    QFont font = heading->font();
    font.setPointSizeF(font.pointSizeF() * 1.4);
    font.setBold(true);
    heading->setFont(font);
    layout->addWidget(heading);
    auto *hint = new QLabel(tr("Paste a key that starts with plx_sk_. The console checks it with "
                               "the server and keeps it in your keychain like a session."),
                            this);
    hint->setWordWrap(true);
    layout->addWidget(hint);
    auto *form = new QFormLayout;
    auto *row = new QHBoxLayout;
    m_key->setObjectName(QStringLiteral("apiKeyEdit"));
    m_key->setAccessibleName(tr("API key"));
    m_key->setEchoMode(QLineEdit::Password);
    m_key->setMaxLength(512);
    m_key->setInputMethodHints(Qt::ImhHiddenText | Qt::ImhSensitiveData | Qt::ImhNoPredictiveText);
    m_show->setObjectName(QStringLiteral("showApiKeyButton"));
    m_show->setText(tr("Show"));
    m_show->setAccessibleName(tr("Show API key"));
    m_show->setCheckable(true);
    row->addWidget(m_key);
    row->addWidget(m_show);
    // A label of its own: addRow(text, layout) would give the mnemonic no buddy.
    auto *label = new QLabel(tr("API &key"), this);
    label->setBuddy(m_key);
    form->addRow(label, row);
    layout->addLayout(form);
    auto *buttons = new QHBoxLayout;
    m_back->setObjectName(QStringLiteral("apiKeyBackButton"));
    m_back->setAccessibleName(tr("Back"));
    m_signIn->setObjectName(QStringLiteral("apiKeySignInButton"));
    m_signIn->setAccessibleName(tr("Sign in with API key"));
    m_signIn->setDefault(true);
    buttons->addStretch();
    buttons->addWidget(m_back);
    buttons->addWidget(m_signIn);
    layout->addLayout(buttons);
    layout->addStretch();
    connect(m_show, &QToolButton::toggled, this, [this](bool shown) {
        m_key->setEchoMode(shown ? QLineEdit::Normal : QLineEdit::Password);
        m_show->setText(shown ? tr("Hide") : tr("Show"));
        m_show->setAccessibleName(shown ? tr("Hide API key") : tr("Show API key"));
    });
    connect(m_key, &QLineEdit::textChanged, this, &ApiKeyStep::updateEnabled);
    connect(m_key, &QLineEdit::returnPressed, this, [this] {
        if (m_signIn->isEnabled())
            emit submitted();
    });
    connect(m_signIn, &QPushButton::clicked, this, &ApiKeyStep::submitted);
    connect(m_back, &QPushButton::clicked, this, &ApiKeyStep::cancelled);
    updateEnabled();
}

QByteArray ApiKeyStep::takeKey()
{
    QByteArray key = m_key->text().toUtf8();
    m_key->clear();
    return key;
}

void ApiKeyStep::setKey(const QString &key)
{
    m_key->setText(key);
}

void ApiKeyStep::setBusy(bool busy)
{
    m_busy = busy;
    m_key->setEnabled(!busy);
    m_back->setEnabled(!busy);
    updateEnabled();
}

void ApiKeyStep::focusInput()
{
    m_key->setFocus();
}

void ApiKeyStep::updateEnabled()
{
    m_signIn->setEnabled(!m_busy && !m_key->text().trimmed().isEmpty());
}

} // namespace plexe
