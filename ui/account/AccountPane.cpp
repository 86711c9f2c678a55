#include "account/AccountPane.h"

#include "api/ApiClient.h"
#include "common/MessageWidget.h"
#include "core/Preferences.h"
#include "core/RelativeTime.h"
#include "session/Clock.h"
#include "session/SessionManager.h"
#include "session/SessionPolicy.h"
#include "session/SessionRequest.h"
#include "ui_AccountPane.h"

#include <QLocale>
#include <QVBoxLayout>

namespace plexe {

namespace {

QString number(const std::optional<double> &value)
{
    return value ? QLocale().toString(*value, 'f', 2) : QStringLiteral("—");
}

} // namespace

AccountPane::AccountPane(Preferences *preferences, const Clock *clock, QWidget *parent)
    : Pane(parent), m_ui(std::make_unique<Ui::AccountPane>()), m_preferences(preferences),
      m_clock(clock)
{
    m_ui->setupUi(this);
    setObjectName(QStringLiteral("accountPane"));
    QFont font = m_ui->heading->font();
    font.setPointSizeF(font.pointSizeF() * 1.4);
    font.setBold(true);
    m_ui->heading->setFont(font);
    m_banner = new MessageWidget(this, clock);
    m_banner->setObjectName(QStringLiteral("accountMessage"));
    static_cast<QVBoxLayout *>(layout())->insertWidget(1, m_banner);

    m_ui->idleSpin->setMaximumWidth(140);
    m_ui->clipboardSpin->setMaximumWidth(140);
    m_ui->idleSpin->setValue(m_preferences->idleTimeoutMinutes());
    m_ui->clipboardSpin->setValue(m_preferences->clipboardClearSeconds());
    connect(m_ui->idleSpin, &QSpinBox::valueChanged, m_preferences,
            &Preferences::setIdleTimeoutMinutes);
    connect(m_ui->clipboardSpin, &QSpinBox::valueChanged, m_preferences,
            &Preferences::setClipboardClearSeconds);
    connect(m_preferences, &Preferences::idleTimeoutChanged, this, &AccountPane::showSession);
    connect(m_ui->signOutButton, &QPushButton::clicked, this, &AccountPane::signOutRequested);
    connect(m_ui->forgetButton, &QPushButton::clicked, this, &AccountPane::forgetProfileRequested);
    dropSessionData();
}

AccountPane::~AccountPane() = default;

QString AccountPane::title() const
{
    return tr("Account");
}

void AccountPane::activateSession(const PaneContext &context)
{
    m_session = context.session;
    m_profileName = context.profile;
    if (context.user.userId.isEmpty() && context.user.email.isEmpty())
        dropSessionData(); // the account could not be loaded: show dashes, not the last one
    else
        setUser(context.user);
    showSession();
}

void AccountPane::setUser(const User &user)
{
    m_banner->hideMessage();
    m_ui->emailValue->setText(user.email.isEmpty() ? QStringLiteral("—") : user.email);
    m_ui->nameValue->setText(user.name.isEmpty() ? QStringLiteral("—") : user.name);
    m_ui->creditsValue->setText(number(user.credits));
    m_ui->consumptionValue->setText(number(user.consumption));
    showSession();
}

void AccountPane::refresh()
{
    if (!m_session || !m_session->isSignedIn())
        return;
    SessionRequest *request = m_session->run([](ApiClient &c) { return c.getUser(); });
    connect(request, &SessionRequest::finished, this, [this, request] {
        if (request->isOk()) {
            if (const User *user = request->result<User>())
                setUser(*user);
            return;
        }
        if (request->error().kind() == ApiError::Kind::Cancelled)
            return;
        m_banner->showMessage(request->error().userMessage(), MessageWidget::Kind::Error,
                              {{tr("Retry"), QStringLiteral("accountRetryButton"), [this] {
                                    refresh();
                                }}});
    });
}

void AccountPane::dropSessionData()
{
    m_banner->hideMessage();
    for (QLabel *label : {m_ui->emailValue, m_ui->nameValue, m_ui->creditsValue,
                          m_ui->consumptionValue, m_ui->methodValue, m_ui->endsValue})
        label->setText(QStringLiteral("—"));
}

void AccountPane::showSession()
{
    m_ui->profileValue->setText(m_profileName);
    if (!m_session || !m_session->isSignedIn())
        return;
    const QString kind = m_session->sessionKind();
    if (kind == QLatin1String("password"))
        m_ui->methodValue->setText(tr("Email and password"));
    else if (kind == QLatin1String("oauth"))
        m_ui->methodValue->setText(tr("Browser sign-in"));
    else
        m_ui->methodValue->setText(tr("API key"));
    m_ui->storageValue->setText(m_session->storageMode() == SessionStore::Mode::MemoryOnly
                                    ? tr("memory only (nothing is saved)")
                                    : m_session->storageBackend());
    const QDateTime end = m_session->policy()->absoluteDeadline();
    const int idle = m_preferences->idleTimeoutMinutes();
    const QString text =
        tr("%1 (%2) at the latest, or after %n minutes without input", nullptr, idle);
    m_ui->endsValue->setText(
        text.arg(RelativeTime::absolute(end), RelativeTime::format(end, m_clock->now())));
}

} // namespace plexe
