#include "auth/AuthorizeRequest.h"

#include "auth/Pkce.h"
#include "auth/RedirectUriPolicy.h"

#include <QHash>
#include <QStringList>

namespace plexe::sandbox {

namespace {

const QString kResponseType = QStringLiteral("response_type");
const QString kClientId = QStringLiteral("client_id");
const QString kRedirectUri = QStringLiteral("redirect_uri");
const QString kState = QStringLiteral("state");
const QString kChallenge = QStringLiteral("code_challenge");
const QString kMethod = QStringLiteral("code_challenge_method");
const QString kScope = QStringLiteral("scope");
const QString kPrompt = QStringLiteral("prompt");
const QString kMaxAge = QStringLiteral("max_age");
const QString kProvider = QStringLiteral("provider");

bool isVisibleAscii(const QString &text)
{
    for (QChar c : text)
        if (c.unicode() < 0x21 || c.unicode() > 0x7e)
            return false;
    return true;
}

// Visible ASCII and single spaces, as OAuth scope lists are.
bool isScopeText(const QString &text)
{
    for (QChar c : text)
        if ((c.unicode() < 0x21 || c.unicode() > 0x7e) && c != QLatin1Char(' '))
            return false;
    return true;
}

} // namespace

void AuthorizeRequest::fail(Outcome outcome, const QString &error, const QString &description)
{
    if (m_outcome != Outcome::Valid)
        return; // the first fault found is the one reported
    m_outcome = outcome;
    m_error = error;
    m_errorDescription = description;
}

AuthorizeRequest AuthorizeRequest::parse(const QList<QPair<QString, QString>> &params)
{
    AuthorizeRequest r;
    QHash<QString, QString> values;
    QHash<QString, int> counts;
    for (const auto &param : params) {
        values.insert(param.first, param.second);
        ++counts[param.first];
    }
    const auto repeated = [&](const QString &name) {
        return counts.value(name) > 1;
    };
    // RFC 6749 §3.1: a parameter sent without a value is treated as omitted.
    r.m_clientId = values.value(kClientId);
    r.m_redirectUri = values.value(kRedirectUri);
    r.m_responseType = values.value(kResponseType);
    r.m_state = values.value(kState);
    r.m_codeChallenge = values.value(kChallenge);
    r.m_codeChallengeMethod = values.value(kMethod);
    r.m_scope = values.value(kScope);
    r.m_prompt = values.value(kPrompt);
    r.m_maxAgeText = values.value(kMaxAge);
    r.m_provider = values.value(kProvider);

    // 1. Whether a redirect can be trusted at all.
    if (repeated(kClientId) || repeated(kRedirectUri))
        r.fail(Outcome::ErrorPage, QStringLiteral("invalid_request"),
               QStringLiteral("client_id or redirect_uri is repeated"));
    if (r.m_clientId.isEmpty())
        r.fail(Outcome::ErrorPage, QStringLiteral("invalid_request"),
               QStringLiteral("client_id is missing"));
    else if (!RedirectUriPolicy::isKnownClient(r.m_clientId))
        r.fail(Outcome::ErrorPage, QStringLiteral("unauthorized_client"),
               QStringLiteral("client_id is not a known client"));
    const auto verdict = RedirectUriPolicy::check(r.m_redirectUri);
    if (verdict != RedirectUriPolicy::Verdict::Ok)
        r.fail(Outcome::ErrorPage, QStringLiteral("invalid_request"),
               RedirectUriPolicy::describe(verdict));
    if (r.m_outcome != Outcome::Valid) {
        r.m_state.clear(); // never reflected anywhere once the request is untrusted
        return r;
    }

    // 2. Everything else is reported to the client by redirect.
    const Outcome redirect = Outcome::ErrorRedirect;
    const QString invalid = QStringLiteral("invalid_request");
    for (const auto &name :
         {kResponseType, kState, kChallenge, kMethod, kScope, kPrompt, kMaxAge, kProvider})
        if (repeated(name))
            r.fail(redirect, invalid, name + QStringLiteral(" is repeated"));
    // A state that is repeated or fails its checks is not echoed back.
    if (repeated(kState))
        r.m_state.clear();
    if (r.m_state.size() > kMaxStateLength || !isVisibleAscii(r.m_state)) {
        r.m_state.clear();
        r.fail(redirect, invalid, QStringLiteral("state is invalid"));
    }
    if (r.m_responseType.isEmpty())
        r.fail(redirect, invalid, QStringLiteral("response_type is missing"));
    else if (r.m_responseType != QLatin1String("code"))
        r.fail(redirect, QStringLiteral("unsupported_response_type"),
               QStringLiteral("only response_type=code is supported"));
    if (r.m_state.isEmpty())
        r.fail(redirect, invalid, QStringLiteral("state is required"));
    if (r.m_codeChallenge.isEmpty())
        r.fail(redirect, invalid, QStringLiteral("code_challenge is required (PKCE)"));
    else if (!Pkce::isSupportedMethod(r.m_codeChallengeMethod))
        r.fail(redirect, invalid, QStringLiteral("code_challenge_method must be S256"));
    else if (!Pkce::isValidChallenge(r.m_codeChallenge.toLatin1()) ||
             !isVisibleAscii(r.m_codeChallenge))
        r.fail(redirect, invalid, QStringLiteral("code_challenge is not a valid S256 challenge"));
    if (r.m_scope.size() > kMaxScopeLength || !isScopeText(r.m_scope))
        r.fail(redirect, QStringLiteral("invalid_scope"), QStringLiteral("scope is invalid"));
    // prompt is a space-separated list (OIDC Core §3.1.2.1); "none" stands alone.
    const QStringList prompts = r.m_prompt.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    if (r.m_prompt == QLatin1String("none"))
        r.fail(redirect, QStringLiteral("login_required"),
               QStringLiteral("the sandbox always asks to sign in"));
    for (const QString &prompt : prompts) {
        if (prompt != QLatin1String("login") && prompt != QLatin1String("consent") &&
            prompt != QLatin1String("select_account") && r.m_prompt != QLatin1String("none")) {
            r.fail(redirect, invalid, QStringLiteral("prompt is not supported"));
            break;
        }
    }
    if (!r.m_maxAgeText.isEmpty()) {
        bool ok = r.m_maxAgeText.size() <= 10;
        for (QChar c : r.m_maxAgeText)
            ok = ok && c >= QLatin1Char('0') && c <= QLatin1Char('9');
        if (ok)
            r.m_maxAge = r.m_maxAgeText.toLongLong();
        else
            r.fail(redirect, invalid, QStringLiteral("max_age must be a whole number of seconds"));
    }
    if (!r.m_provider.isEmpty() && r.m_provider != QLatin1String("google") &&
        r.m_provider != QLatin1String("github"))
        r.fail(redirect, invalid, QStringLiteral("provider must be google or github"));
    return r;
}

QString AuthorizeRequest::errorRedirect(const QString &issuer) const
{
    QList<QPair<QString, QString>> params = {
        {QStringLiteral("error"), m_error},
        {QStringLiteral("error_description"), m_errorDescription}};
    if (!m_state.isEmpty())
        params.append({kState, m_state});
    params.append({QStringLiteral("iss"), issuer});
    return RedirectUriPolicy::buildRedirect(m_redirectUri, params);
}

QString AuthorizeRequest::successRedirect(const QByteArray &code, const QString &issuer) const
{
    return RedirectUriPolicy::buildRedirect(m_redirectUri,
                                            {{QStringLiteral("code"), QString::fromLatin1(code)},
                                             {kState, m_state},
                                             {QStringLiteral("iss"), issuer}});
}

QList<QPair<QString, QString>> AuthorizeRequest::hiddenFields() const
{
    QList<QPair<QString, QString>> fields;
    const auto add = [&fields](const QString &name, const QString &value) {
        if (!value.isEmpty())
            fields.append({name, value});
    };
    add(kResponseType, m_responseType);
    add(kClientId, m_clientId);
    add(kRedirectUri, m_redirectUri);
    add(kState, m_state);
    add(kChallenge, m_codeChallenge);
    add(kMethod, m_codeChallengeMethod);
    add(kScope, m_scope);
    add(kPrompt, m_prompt);
    add(kMaxAge, m_maxAgeText);
    return fields;
}

QByteArray AuthorizeRequest::csrfContext() const
{
    // Fields that cannot contain '\n' once valid (visible ASCII), so the join is unambiguous.
    return (m_clientId + QLatin1Char('\n') + m_redirectUri + QLatin1Char('\n') + m_state +
            QLatin1Char('\n') + m_codeChallenge)
        .toUtf8();
}

} // namespace plexe::sandbox
