#include "signin/SignInPage.h"

#include "api/ApiClient.h"
#include "api/ApiError.h"
#include "auth/ApiKeySignIn.h"
#include "auth/PasswordSignIn.h"
#include "auth/SignInResult.h"
#include "common/MessageWidget.h"
#include "session/Clock.h"
#include "session/SessionManager.h"
#include "signin/ApiKeyStep.h"
#include "signin/BrowserStep.h"
#include "signin/CodeStep.h"
#include "signin/CredentialsStep.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace plexe {

namespace {

// Flows are deleted later: their signals may still be on the stack when an attempt ends.
template <typename T> void dispose(QPointer<T> &flow)
{
    if (flow) {
        flow->disconnect();
        flow->deleteLater();
    }
    flow = nullptr;
}

void wipe(QByteArray &bytes)
{
    bytes.fill('\0');
    bytes.clear();
}

} // namespace

SignInPage::SignInPage(const Clock *clock, BrowserSignIn::Opener opener, QWidget *parent)
    : QWidget(parent), m_clock(clock), m_opener(std::move(opener)),
      m_banner(new MessageWidget(this, clock)), m_profileLine(new QLabel(this)),
      m_steps(new QStackedWidget(this)), m_credentials(new CredentialsStep(m_steps)),
      m_code(new CodeStep(m_steps)), m_browserStep(new BrowserStep(clock, m_steps)),
      m_apiKeyStep(new ApiKeyStep(m_steps)), m_progress(new QProgressBar(this))
{
    setObjectName(QStringLiteral("signInPage"));
    // The form stays a readable width in the middle of a large window.
    auto *outer = new QHBoxLayout(this);
    auto *column = new QWidget(this);
    column->setMaximumWidth(560);
    column->setMinimumWidth(420);
    outer->addStretch();
    outer->addWidget(column, 3);
    outer->addStretch();
    auto *layout = new QVBoxLayout(column);
    layout->addStretch();
    m_banner->setParent(column);
    m_banner->setObjectName(QStringLiteral("signInMessage"));
    layout->addWidget(m_banner);
    m_steps->setParent(column);
    m_steps->addWidget(m_credentials);
    m_steps->addWidget(m_code);
    m_steps->addWidget(m_browserStep);
    m_steps->addWidget(m_apiKeyStep);
    layout->addWidget(m_steps);
    m_progress->setParent(column);
    m_progress->setObjectName(QStringLiteral("signInProgress"));
    m_progress->setAccessibleName(tr("Signing in"));
    m_progress->setRange(0, 0);
    m_progress->setTextVisible(false);
    m_progress->setMaximumHeight(6);
    m_progress->setVisible(false);
    layout->addWidget(m_progress);
    m_profileLine->setParent(column);
    m_profileLine->setObjectName(QStringLiteral("signInProfileLine"));
    m_profileLine->setTextFormat(Qt::PlainText);
    m_profileLine->setWordWrap(true);
    m_profileLine->setForegroundRole(QPalette::PlaceholderText);
    layout->addWidget(m_profileLine);
    layout->addStretch();

    connect(m_credentials, &CredentialsStep::signInRequested, this, &SignInPage::startPassword);
    connect(m_credentials, &CredentialsStep::browserRequested, this, &SignInPage::startBrowser);
    connect(m_credentials, &CredentialsStep::apiKeyRequested, this, [this](const QString &key) {
        m_banner->hideMessage();
        m_apiKeyStep->setKey(key);
        showStep(ApiKeyPage);
    });
    connect(m_code, &CodeStep::submitted, this, &SignInPage::submitCode);
    connect(m_code, &CodeStep::cancelled, this, &SignInPage::cancelAttempt);
    connect(m_browserStep, &BrowserStep::cancelled, this, &SignInPage::cancelAttempt);
    connect(m_browserStep, &BrowserStep::addressPasted, this, &SignInPage::submitPastedAddress);
    connect(m_apiKeyStep, &ApiKeyStep::submitted, this, &SignInPage::startApiKey);
    connect(m_apiKeyStep, &ApiKeyStep::cancelled, this, [this] {
        m_banner->hideMessage();
        showStep(CredentialsPage);
    });
    connect(m_banner, &MessageWidget::countdownFinished, this,
            [this] { m_credentials->setSignInBlocked(false); });
}

SignInPage::~SignInPage()
{
    dropFlows();
}

void SignInPage::setSession(SessionManager *session, const QString &profileName)
{
    if (session != m_session)
        reset();
    m_session = session;
    m_profileName = profileName;
    QString where = tr("Profile: %1").arg(profileName);
    if (session)
        where += QStringLiteral(" · ") + session->apiClient()->endpoint().baseUrl.toDisplayString();
    m_profileLine->setText(where);
}

void SignInPage::setDemoAccounts(const QList<DemoAccount> &accounts)
{
    m_credentials->setDemoAccounts(accounts);
}

void SignInPage::reset()
{
    dropFlows();
    setBusy(false);
    m_banner->hideMessage();
    m_credentials->setSignInBlocked(false);
    m_code->clear();
    showStep(CredentialsPage);
}

void SignInPage::focusInput()
{
    switch (m_steps->currentIndex()) {
    case CodePage:
        m_code->focusInput();
        break;
    case BrowserPage:
        m_browserStep->focusInput();
        break;
    case ApiKeyPage:
        m_apiKeyStep->focusInput();
        break;
    default:
        m_credentials->focusInput();
    }
}

void SignInPage::startPassword()
{
    if (!m_session || m_busy)
        return;
    dropFlows();
    m_banner->hideMessage();
    m_passwordFlow = new PasswordSignIn(m_session->apiClient(), m_clock, this);
    PasswordSignIn *flow = m_passwordFlow;
    connect(flow, &PasswordSignIn::needsCode, this, [this] {
        setBusy(false);
        m_code->clear();
        showStep(CodePage);
    });
    connect(flow, &PasswordSignIn::finished, this,
            [this](SignInResult result) { finishWith(result); });
    connect(flow, &PasswordSignIn::rateLimited, this, &SignInPage::onRateLimited);
    connect(flow, &PasswordSignIn::failed, this,
            [this, flow](const ApiError &error, const QString &message) {
                setBusy(false);
                if (flow->state() == PasswordSignIn::State::NeedsCode) {
                    m_code->clear();
                    showError(message); // a wrong code: the challenge stays, try the next code
                    return;
                }
                if (error.kind() != ApiError::Kind::Cancelled && error.httpStatus() != 429)
                    showError(message);
                showStep(CredentialsPage);
            });
    QByteArray password = m_credentials->takePassword();
    setBusy(true);
    flow->start(m_credentials->email(), password); // wipes `password`
    wipe(password);
}

void SignInPage::submitCode()
{
    if (!m_passwordFlow || m_busy)
        return;
    m_banner->hideMessage();
    setBusy(true);
    if (!m_passwordFlow->submitCode(m_code->code()))
        setBusy(false);
}

void SignInPage::startBrowser(const QString &provider)
{
    if (!m_session || m_busy)
        return;
    dropFlows();
    m_banner->hideMessage();
    m_browserFlow = new BrowserSignIn(m_session->apiClient(), m_clock, m_opener, this);
    BrowserSignIn *flow = m_browserFlow;
    connect(flow, &BrowserSignIn::waitingForBrowser, this,
            [this](const QUrl &url, const QDateTime &deadline) {
                m_browserStep->showWaiting(url, deadline, true);
            });
    connect(flow, &BrowserSignIn::browserOpenFailed, this,
            [this](const QUrl &url, const QDateTime &deadline) {
                m_browserStep->showWaiting(url, deadline, false);
                m_banner->showMessage(tr("The browser could not be opened. Copy the sign-in "
                                         "address into a browser, then paste the address it "
                                         "ends on below."),
                                      MessageWidget::Kind::Warning);
            });
    connect(flow, &BrowserSignIn::finished, this,
            [this](SignInResult result) { finishWith(result); });
    connect(flow, &BrowserSignIn::failed, this,
            [this](const ApiError &error, const QString &message) {
                if (error.kind() != ApiError::Kind::Cancelled)
                    showError(message);
                showStep(CredentialsPage);
                emit busyChanged(false);
            });
    BrowserSignIn::Options options;
    options.provider = provider;
    m_browserStep->showStarting();
    showStep(BrowserPage);
    emit busyChanged(true);
    if (!flow->start(options))
        showStep(CredentialsPage);
}

void SignInPage::submitPastedAddress()
{
    if (!m_browserFlow)
        return;
    const CallbackOutcome outcome =
        m_browserFlow->submitPastedAddress(m_browserStep->pastedAddress());
    if (outcome.kind == CallbackOutcome::Kind::Code) {
        m_browserStep->showExchanging();
        m_banner->hideMessage();
    } else if (!outcome.isFinal()) {
        m_banner->showMessage(outcome.userMessage(), MessageWidget::Kind::Error);
    }
    m_browserStep->clearPastedAddress();
}

void SignInPage::startApiKey()
{
    if (!m_session || m_busy)
        return;
    dropFlows();
    m_banner->hideMessage();
    m_apiKeyFlow = new ApiKeySignIn(m_session->apiClient(), m_clock, this);
    connect(m_apiKeyFlow, &ApiKeySignIn::finished, this,
            [this](SignInResult result) { finishWith(result); });
    connect(m_apiKeyFlow, &ApiKeySignIn::failed, this,
            [this](const ApiError &error, const QString &message) {
                setBusy(false);
                if (error.kind() != ApiError::Kind::Cancelled)
                    showError(message);
            });
    QByteArray key = m_apiKeyStep->takeKey();
    setBusy(true);
    m_apiKeyFlow->start(key); // wipes `key`
    wipe(key);
}

void SignInPage::cancelAttempt()
{
    // Cancel sends nothing more: the flows abort their requests and close the loopback port.
    if (m_passwordFlow)
        m_passwordFlow->cancel();
    if (m_browserFlow)
        m_browserFlow->cancel();
    if (m_apiKeyFlow)
        m_apiKeyFlow->cancel();
    dropFlows();
    setBusy(false);
    m_banner->hideMessage();
    showStep(CredentialsPage);
}

void SignInPage::finishWith(SignInResult &result)
{
    if (m_session)
        m_session->beginSession(result); // wipes `result`
    result.wipe();
    dropFlows();
    setBusy(false);
    showStep(CredentialsPage);
}

void SignInPage::showError(const QString &message)
{
    m_banner->showMessage(message, MessageWidget::Kind::Error);
    m_banner->setFocus();
}

void SignInPage::onRateLimited(const QDateTime &deadline)
{
    m_credentials->setSignInBlocked(true);
    m_banner->showCountdown(tr("Too many sign-in attempts. Try again in %1."), deadline,
                            MessageWidget::Kind::Warning, tr("You can try again now."));
}

void SignInPage::setBusy(bool busy)
{
    m_busy = busy;
    m_progress->setVisible(busy);
    m_credentials->setBusy(busy);
    m_code->setBusy(busy);
    m_apiKeyStep->setBusy(busy);
    emit busyChanged(busy);
}

void SignInPage::showStep(Step step)
{
    m_steps->setCurrentIndex(step);
    focusInput();
}

void SignInPage::dropFlows()
{
    dispose(m_passwordFlow);
    dispose(m_browserFlow);
    dispose(m_apiKeyFlow);
}

} // namespace plexe
