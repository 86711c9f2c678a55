#include "sandbox/DemoCredentialsFile.h"

#include <QCoreApplication>
#include <QFile>
#include <QHash>
#include <QStringDecoder>

#include <cerrno>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace plexe {

namespace {

constexpr int kMaxValueLength = 1024;
constexpr int kMaxNameLength = 64;

bool fail(QString *error, const QString &message)
{
    if (error)
        *error = message;
    return false;
}

bool isName(QStringView name)
{
    if (name.isEmpty() || name.size() > kMaxNameLength)
        return false;
    for (const QChar c : name) {
        if (!(c >= QLatin1Char('a') && c <= QLatin1Char('z')) &&
            !(c >= QLatin1Char('0') && c <= QLatin1Char('9')) && c != QLatin1Char('_'))
            return false;
    }
    return true;
}

bool hasControl(QStringView text)
{
    for (const QChar c : text) {
        if (c.category() == QChar::Other_Control || c == QChar::LineSeparator ||
            c == QChar::ParagraphSeparator)
            return true;
    }
    return false;
}

// Reads at most kMaxBytes + 1 bytes from an open descriptor.
bool readAll(int fd, QByteArray *out)
{
    char buffer[4096];
    for (;;) {
        const ssize_t n = ::read(fd, buffer, sizeof buffer);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            return false;
        if (n == 0)
            return true;
        out->append(buffer, n);
        if (out->size() > DemoCredentialsFile::kMaxBytes)
            return true;
    }
}

} // namespace

bool DemoCredentialsFile::read(const QString &path, QList<DemoAccount> *accounts, QString *error)
{
    // O_NOFOLLOW and fstat on the opened descriptor: the checks apply to the very file read,
    // not to whatever the name points to a moment later.
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
    if (fd < 0)
        return fail(error, tr("Cannot open the demo credentials file %1.").arg(path));
    struct stat info = {};
    QByteArray text;
    QString refusal;
    if (::fstat(fd, &info) != 0 || !S_ISREG(info.st_mode))
        refusal = tr("The demo credentials file %1 is not a regular file.").arg(path);
    else if (info.st_uid != ::geteuid())
        refusal = tr("The demo credentials file %1 belongs to another user.").arg(path);
    else if ((info.st_mode & 077) != 0)
        refusal = tr("The demo credentials file %1 may be read by other users (it must be "
                     "mode 0600).")
                      .arg(path);
    else if (!readAll(fd, &text))
        refusal = tr("Cannot read the demo credentials file %1.").arg(path);
    else if (text.size() > kMaxBytes)
        refusal = tr("The demo credentials file %1 is too large.").arg(path);
    ::close(fd);
    if (!refusal.isEmpty())
        return fail(error, refusal);
    return parse(text, accounts, error);
}

bool DemoCredentialsFile::parse(const QByteArray &bytes, QList<DemoAccount> *accounts,
                                QString *error)
{
    if (bytes.size() > kMaxBytes)
        return fail(error, tr("The demo credentials are too large."));
    QStringDecoder decoder(QStringDecoder::Utf8);
    const QString text = decoder(bytes);
    if (decoder.hasError())
        return fail(error, tr("The demo credentials are not valid UTF-8."));

    // Messages name the line and, once it is known to be well formed, the name: never a value.
    QHash<QString, QString> values;
    const QStringList lines = text.split(QLatin1Char('\n'));
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QString &line = lines.at(i);
        const qsizetype lineNumber = i + 1;
        if (line.isEmpty() || line.startsWith(QLatin1Char('#')))
            continue;
        const qsizetype colon = line.indexOf(QLatin1String(": "));
        const QStringView name = QStringView(line).left(colon);
        const QStringView value = colon < 0 ? QStringView() : QStringView(line).mid(colon + 2);
        if (colon < 0 || !isName(name))
            return fail(error,
                        tr("Demo credentials, line %1: expected 'name: value'.").arg(lineNumber));
        if (value.isEmpty() || value.trimmed().size() != value.size() || hasControl(value) ||
            value.size() > kMaxValueLength)
            return fail(error, tr("Demo credentials, line %1: the value of '%2' is malformed.")
                                   .arg(lineNumber)
                                   .arg(name));
        if (values.contains(name.toString()))
            return fail(
                error,
                tr("Demo credentials, line %1: '%2' appears twice.").arg(lineNumber).arg(name));
        values.insert(name.toString(), value.toString());
    }

    // Each account needs all of its fields or none; unknown names are ignored so that a newer
    // sandbox may add lines.
    QList<DemoAccount> found;
    const auto account = [&](const QStringList &required, DemoAccount demo) -> bool {
        int present = 0;
        for (const QString &name : required)
            present += values.contains(name) ? 1 : 0;
        if (present == 0)
            return true;
        if (present != required.size())
            return fail(error, tr("Demo credentials: the %1 is incomplete.").arg(demo.label));
        if (!demo.email.contains(QLatin1Char('@')))
            return fail(error, tr("Demo credentials: the %1 has no valid email.").arg(demo.label));
        found << demo;
        return true;
    };
    const auto v = [&values](const char *name) {
        return values.value(QLatin1String(name));
    };

    DemoAccount demo;
    demo.label = tr("Demo account");
    demo.email = v("email");
    demo.password = v("password");
    demo.apiKey = v("api_key");
    DemoAccount totp;
    totp.label = tr("TOTP account");
    totp.email = v("totp_email");
    totp.password = v("totp_password");
    totp.totpSecret = v("totp_secret");
    DemoAccount oauth;
    oauth.label = tr("OAuth-only account");
    oauth.email = v("oauth_email");
    oauth.oauthOnly = true;
    if (!account({QStringLiteral("email"), QStringLiteral("password")}, demo) ||
        !account({QStringLiteral("totp_email"), QStringLiteral("totp_password"),
                  QStringLiteral("totp_secret")},
                 totp) ||
        !account({QStringLiteral("oauth_email")}, oauth))
        return false;
    if (found.isEmpty())
        return fail(error, tr("The demo credentials name no account."));
    if (accounts)
        *accounts = found;
    return true;
}

} // namespace plexe
