#pragma once

#include <QDateTime>
#include <QList>
#include <QObject>
#include <QString>
#include <QUrl>

namespace plexe {

class Clock;

// One request the console made: when it ended, the method, the path without anything that
// could hold a secret (see RequestJournal::safePath), and the HTTP status (0: no answer).
struct JournalEntry
{
    QDateTime time; // UTC
    QString method;
    QString path;
    int status = 0;
};

// The console's own journal of the requests it made in one profile, for servers that publish no
// access-log API (contract §6). It is a file of JSON lines in the app data folder, one file per
// profile, capped in size (the oldest lines go first). Nothing secret reaches it: no headers,
// no bodies, no query values (only the parameter names), and path segments shaped like a key or
// a token are masked. Writes are one short append per request; trimming rewrites the file at
// most once per quarter of the cap written.
class RequestJournal : public QObject
{
    Q_OBJECT

public:
    static constexpr qint64 kDefaultCapBytes = 1024 * 1024;

    // `clock` is not owned and may be null (system time).
    RequestJournal(QString filePath, const Clock *clock, qint64 capBytes = kDefaultCapBytes,
                   QObject *parent = nullptr);
    ~RequestJournal() override;

    // <AppDataLocation>/journals/<hash of the profile name>.jsonl (a profile's name may hold
    // any character, so it is not used as a file name).
    static QString pathForProfile(const QString &profileName);
    // Deletes a profile's journal (the profile is forgotten).
    static bool removeForProfile(const QString &profileName);
    // The path of `url` with the query reduced to its parameter names ("/x?limit&cursor") and
    // key- or token-shaped segments replaced by "[redacted]".
    static QString safePath(const QUrl &url);

    QString filePath() const { return m_path; }
    qint64 capBytes() const { return m_cap; }

    // Newest first. Unreadable lines are skipped.
    QList<JournalEntry> entries() const;
    // Empties the journal; false if the file could not be removed.
    bool clear();

public slots:
    // Connected to ApiClient::requestFinished.
    void record(const QByteArray &method, const QUrl &url, int status);

signals:
    void changed();

private:
    void trim();

    QString m_path;
    const Clock *m_clock;
    qint64 m_cap;
};

} // namespace plexe
