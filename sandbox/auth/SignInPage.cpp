#include "auth/SignInPage.h"

namespace plexe::sandbox {

namespace {

QString banner()
{
    return QStringLiteral("Local Plexe sandbox — not the Plexe service");
}

QString page(const QString &title, const QString &body)
{
    return QStringLiteral(
               "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n"
               "<meta charset=\"utf-8\">\n"
               "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
               "<title>") +
           SignInPage::escape(title) +
           QStringLiteral(" — Plexe sandbox</title>\n<style>\n"
                          "body{font-family:sans-serif;max-width:28rem;margin:2rem auto;"
                          "padding:0 1rem;line-height:1.5}\n"
                          ".banner{background:#fff3cd;border:1px solid #8a6d3b;padding:.5rem}\n"
                          ".alert{background:#f8d7da;border:1px solid #842029;padding:.5rem}\n"
                          "label,input,button{display:block;width:100%;font-size:1rem}\n"
                          "input{margin:.25rem 0 1rem;padding:.4rem}\n"
                          "button{margin:.5rem 0;padding:.5rem}\n"
                          "</style>\n</head>\n<body>\n<p class=\"banner\" role=\"note\"><strong>") +
           banner() + QStringLiteral("</strong></p>\n<main>\n") + body +
           QStringLiteral("</main>\n</body>\n</html>\n");
}

bool isReservedField(const QString &name)
{
    static const QLatin1String reserved[] = {QLatin1String("provider"), QLatin1String("csrf_token"),
                                             QLatin1String("email"), QLatin1String("password"),
                                             QLatin1String("decision")};
    for (const QLatin1String &r : reserved)
        if (name == r)
            return true;
    return false;
}

QString hidden(const QString &name, const QString &value)
{
    return QStringLiteral("<input type=\"hidden\" name=\"") + SignInPage::escape(name) +
           QStringLiteral("\" value=\"") + SignInPage::escape(value) + QStringLiteral("\">\n");
}

QString authorizeHiddenFields(const SignInPage::Form &form)
{
    QString out;
    for (const auto &field : form.authorizeFields)
        if (!isReservedField(field.first))
            out += hidden(field.first, field.second);
    return out;
}

QString alertBox(const QString &message)
{
    if (message.isEmpty())
        return QString();
    return QStringLiteral("<p class=\"alert\" role=\"alert\" id=\"error\">") +
           SignInPage::escape(message) + QStringLiteral("</p>\n");
}

QString providerButton(SignInPage::Provider provider, const SignInPage::Form &form)
{
    return QStringLiteral("<form method=\"get\" action=\"/oauth/authorize\">\n") +
           authorizeHiddenFields(form) +
           hidden(QStringLiteral("provider"), SignInPage::providerParam(provider)) +
           QStringLiteral("<button type=\"submit\">Continue with ") +
           SignInPage::providerName(provider) + QStringLiteral("</button>\n</form>\n");
}

} // namespace

QString SignInPage::escape(const QString &text)
{
    QString out;
    out.reserve(text.size() + text.size() / 8);
    for (QChar c : text) {
        switch (c.unicode()) {
        case u'&':
            out += QLatin1String("&amp;");
            break;
        case u'<':
            out += QLatin1String("&lt;");
            break;
        case u'>':
            out += QLatin1String("&gt;");
            break;
        case u'"':
            out += QLatin1String("&quot;");
            break;
        case u'\'':
            out += QLatin1String("&#39;");
            break;
        default:
            out += c;
        }
    }
    return out;
}

QByteArray SignInPage::renderSignIn(const Form &form)
{
    const bool hasError = !form.errorMessage.isEmpty();
    const QString describedBy =
        hasError ? QStringLiteral(" aria-describedby=\"error\" aria-invalid=\"true\"") : QString();
    const QString body =
        QStringLiteral("<h1>Sign in to the Plexe sandbox</h1>\n") + alertBox(form.errorMessage) +
        QStringLiteral("<form method=\"post\" action=\"/oauth/authorize\">\n") +
        authorizeHiddenFields(form) +
        hidden(QStringLiteral("csrf_token"), QString::fromLatin1(form.csrfToken)) +
        QStringLiteral("<label for=\"email\">Email</label>\n"
                       "<input type=\"email\" id=\"email\" name=\"email\" autocomplete=\"username\""
                       " required autofocus value=\"") +
        escape(form.email) + QStringLiteral("\"") + describedBy +
        QStringLiteral(">\n<label for=\"password\">Password</label>\n"
                       "<input type=\"password\" id=\"password\" name=\"password\""
                       " autocomplete=\"current-password\" required") +
        describedBy +
        QStringLiteral(">\n<button type=\"submit\">Sign in</button>\n</form>\n"
                       "<h2>Or</h2>\n") +
        providerButton(Provider::Google, form) + providerButton(Provider::GitHub, form);
    return page(QStringLiteral("Sign in"), body).toUtf8();
}

QByteArray SignInPage::renderProviderStandIn(Provider provider, const Form &form,
                                             const QString &demoAccountEmail)
{
    const QString name = providerName(provider);
    const QString body =
        QStringLiteral("<h1>Local stand-in for ") + name +
        QStringLiteral("</h1>\n<p>This page is "
                       "<strong>not ") +
        name +
        QStringLiteral("</strong>. The Plexe sandbox has no network access, so it stands in for ") +
        name + QStringLiteral(" with this page of its own. Nothing is sent to ") + name +
        QStringLiteral(".</p>\n<p>Continuing signs you in as the sandbox's demo account that "
                       "uses ") +
        name + QStringLiteral(" sign-in: <strong>") + escape(demoAccountEmail) +
        QStringLiteral("</strong>.</p>\n") + alertBox(form.errorMessage) +
        QStringLiteral("<form method=\"post\" action=\"/oauth/authorize\">\n") +
        authorizeHiddenFields(form) + hidden(QStringLiteral("provider"), providerParam(provider)) +
        hidden(QStringLiteral("csrf_token"), QString::fromLatin1(form.csrfToken)) +
        QStringLiteral("<button type=\"submit\" name=\"decision\" value=\"allow\">Sign in as ") +
        escape(demoAccountEmail) +
        QStringLiteral("</button>\n<button type=\"submit\" name=\"decision\" value=\"deny\">"
                       "Cancel and deny access</button>\n</form>\n");
    return page(QStringLiteral("Local stand-in for ") + name, body).toUtf8();
}

QByteArray SignInPage::renderError(const QString &title, const QString &message)
{
    const QString body = QStringLiteral("<h1>") + escape(title) + QStringLiteral("</h1>\n") +
                         QStringLiteral("<p role=\"alert\">") + escape(message) +
                         QStringLiteral("</p>\n<p>You can close this window and start the sign-in "
                                        "again from the Plexe console.</p>\n");
    return page(title, body).toUtf8();
}

std::optional<SignInPage::Provider> SignInPage::providerFromParam(const QString &value)
{
    if (value == QLatin1String("google"))
        return Provider::Google;
    if (value == QLatin1String("github"))
        return Provider::GitHub;
    return std::nullopt;
}

QString SignInPage::providerParam(Provider provider)
{
    return provider == Provider::Google ? QStringLiteral("google") : QStringLiteral("github");
}

QString SignInPage::providerName(Provider provider)
{
    return provider == Provider::Google ? QStringLiteral("Google") : QStringLiteral("GitHub");
}

QList<QPair<QByteArray, QByteArray>> SignInPage::responseHeaders()
{
    return {
        {"Content-Type", "text/html; charset=utf-8"},
        {"Content-Security-Policy",
         "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'"},
        {"X-Frame-Options", "DENY"},
        {"X-Content-Type-Options", "nosniff"},
        {"Cache-Control", "no-store"},
        {"Referrer-Policy", "no-referrer"},
    };
}

} // namespace plexe::sandbox
