#include "logs/RequestJournal.h"

#include "core/Redaction.h"
#include "session/Clock.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSaveFile>
#include <QStandardPaths>
#include <QUrlQuery>

namespace plexe {

namespace {

const QString kMasked = QStringLiteral("[redacted]");

// A path segment or parameter name that could be a credential: anything with an API key's
// prefix, a JWT (three base64url parts), or a long run of token characters mixing letters and
// digits (an opaque token, a key without its prefix). Key ids ("key_" + 20) and model names
// with words and hyphens stay readable.
bool looksSecret(const QString &segment)
{
    if (segment.contains(QLatin1String("plx_"), Qt::CaseInsensitive))
        return true;
    static const QRegularExpression jwt(
        QStringLiteral("^[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]*$"));
    if (jwt.match(segment).hasMatch())
        return true;
    if (segment.size() < 32)
        return false;
    static const QRegularExpression token(QStringLiteral("^[A-Za-z0-9_.~+/=]+$"));
    bool letters = false;
    bool digits = false;
    for (const QChar c : segment) {
        letters = letters || c.isLetter();
        digits = digits || c.isDigit();
    }
    return letters && digits && token.match(segment).hasMatch();
}

QString safeSegment(const QString &encoded)
{
    const QString decoded = QUrl::fromPercentEncoding(encoded.toUtf8());
    if (looksSecret(decoded))
        return kMasked;
    // Control characters cannot forge a line of the file (it is JSON), but they would reach the
    // table; escape them the way logs do.
    return Redaction::escapeControl(encoded);
}

} // namespace

RequestJournal::RequestJournal(QString filePath, const Clock *clock, qint64 capBytes,
                               QObject *parent)
    : QObject(parent), m_path(std::move(filePath)), m_clock(clock), m_cap(capBytes)
{}

RequestJournal::~RequestJournal() = default;

QString RequestJournal::pathForProfile(const QString &profileName)
{
    const QByteArray hash =
        QCryptographicHash::hash(profileName.toUtf8(), QCryptographicHash::Sha256).toHex().left(24);
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) +
           QStringLiteral("/journals/") + QString::fromLatin1(hash) + QStringLiteral(".jsonl");
}

bool RequestJournal::removeForProfile(const QString &profileName)
{
    const QString path = pathForProfile(profileName);
    return !QFile::exists(path) || QFile::remove(path);
}

QString RequestJournal::safePath(const QUrl &url)
{
    const QStringList segments = url.path(QUrl::FullyEncoded).split(QLatin1Char('/'));
    QStringList out;
    for (const QString &segment : segments)
        out << safeSegment(segment);
    QString path = out.join(QLatin1Char('/'));
    if (path.isEmpty())
        path = QStringLiteral("/");
    if (url.hasQuery()) {
        // Names only: a value may be a search term, an email or a cursor, and the journal has no
        // business keeping any of them.
        QStringList names;
        const auto items = QUrlQuery(url).queryItems(QUrl::FullyEncoded);
        for (const auto &item : items) {
            const QString name = safeSegment(item.first);
            if (!names.contains(name))
                names << name;
        }
        if (!names.isEmpty())
            path += QLatin1Char('?') + names.join(QLatin1Char('&'));
    }
    return path;
}

void RequestJournal::record(const QByteArray &method, const QUrl &url, int status)
{
    const QDateTime now = m_clock ? m_clock->now() : QDateTime::currentDateTimeUtc();
    const QJsonObject line{
        {QStringLiteral("t"), now.toUTC().toString(Qt::ISODateWithMs)},
        {QStringLiteral("m"), Redaction::escapeControl(QString::fromLatin1(method.left(16)))},
        {QStringLiteral("p"), safePath(url)},
        {QStringLiteral("s"), status},
    };
    QDir().mkpath(QFileInfo(m_path).absolutePath());
    QFile file(m_path);
    if (!file.open(QIODevice::Append | QIODevice::WriteOnly))
        return; // a journal that cannot be written must never fail a request
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    file.write(QJsonDocument(line).toJson(QJsonDocument::Compact) + '\n');
    const qint64 size = file.size();
    file.close();
    if (size > m_cap)
        trim();
    emit changed();
}

void RequestJournal::trim()
{
    QFile in(m_path);
    if (!in.open(QIODevice::ReadOnly))
        return;
    const QByteArray data = in.readAll();
    in.close();
    // Keep the newest three quarters of the cap, cut at a line start, so that the next rewrite
    // is a quarter of the cap away.
    const qint64 keep = m_cap * 3 / 4;
    qsizetype from = qMax<qsizetype>(0, data.size() - keep);
    if (from > 0) {
        const qsizetype newline = data.indexOf('\n', from - 1);
        from = newline < 0 ? data.size() : newline + 1;
    }
    QSaveFile out(m_path);
    if (!out.open(QIODevice::WriteOnly))
        return;
    out.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    out.write(data.constData() + from, data.size() - from);
    out.commit();
}

QList<JournalEntry> RequestJournal::entries() const
{
    QList<JournalEntry> list;
    QFile file(m_path);
    if (!file.open(QIODevice::ReadOnly))
        return list;
    while (!file.atEnd()) {
        const QByteArray line = file.readLine(4096).trimmed();
        const QJsonObject o = QJsonDocument::fromJson(line).object();
        if (o.isEmpty())
            continue;
        JournalEntry entry;
        entry.time = QDateTime::fromString(o.value(QStringLiteral("t")).toString(), Qt::ISODate);
        entry.method = o.value(QStringLiteral("m")).toString();
        entry.path = o.value(QStringLiteral("p")).toString();
        entry.status = o.value(QStringLiteral("s")).toInt();
        if (entry.time.isValid())
            list.prepend(entry);
    }
    return list;
}

bool RequestJournal::clear()
{
    const bool ok = !QFile::exists(m_path) || QFile::remove(m_path);
    emit changed();
    return ok;
}

} // namespace plexe
