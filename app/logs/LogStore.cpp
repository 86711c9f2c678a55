#include "logs/LogStore.h"

#include "api/AccessLogDecoder.h"
#include "core/ThreadHandoff.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QPointer>

namespace plexe {

LogStore::LogStore(QObject *parent) : QObject(parent), m_table(std::make_shared<LogTable>())
{
    m_ingest.setMaxThreadCount(1);
    m_ingest.setExpiryTimeout(10000);
}

LogStore::~LogStore()
{
    {
        QMutexLocker lock(&m_mutex);
        ++m_epoch; // pages still queued find the store cleared and skip their work
    }
    m_ingest.clear();
    m_ingest.waitForDone();
}

std::shared_ptr<LogTable> LogStore::table() const
{
    QMutexLocker lock(&m_mutex);
    return m_table;
}

quint32 LogStore::size() const
{
    return table()->size();
}

quint64 LogStore::epoch() const
{
    QMutexLocker lock(&m_mutex);
    return m_epoch;
}

LogTable::AppendStats LogStore::ingest(const QList<AccessEvent> &events, quint64 epoch)
{
    std::shared_ptr<LogTable> table;
    {
        QMutexLocker lock(&m_mutex);
        if (epoch != m_epoch)
            return {};
        table = m_table;
    }
    const LogTable::AppendStats stats = table->append(events);
    if (stats.added > 0) {
        const quint32 total = table->size();
        ThreadHandoff::post(this, [this, epoch, added = stats.added, total] {
            if (epoch == this->epoch())
                emit rowsAdded(added, total);
        });
    }
    return stats;
}

void LogStore::ingestJson(QByteArray json, QObject *context,
                          std::function<void(const PageInfo &)> parsed,
                          std::function<void(const PageInfo &)> ingested)
{
    const quint64 epoch = this->epoch();
    QPointer<QObject> guard(context);
    QPointer<LogStore> self(this);
    ++m_pending;
    // Runs on the GUI thread: the page's callback, unless its context or the store went away,
    // or the store was cleared since the page was handed over.
    auto post = [self, guard, epoch](std::function<void(const PageInfo &)> fn, PageInfo info,
                                     bool last) {
        ThreadHandoff::post(self,
                            [self, guard, epoch, fn = std::move(fn), info = std::move(info), last] {
                                if (last && self->epoch() == epoch)
                                    --self->m_pending;
                                if (guard && fn && self->epoch() == epoch)
                                    fn(info);
                            });
    };
    ThreadHandoff::start(m_ingest, [this, json = std::move(json), epoch, post,
                                    parsed = std::move(parsed), ingested = std::move(ingested)] {
        PageInfo info;
        if (this->epoch() != epoch) // cleared meanwhile: drop the page unread
            return post(ingested, info, true);
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(json, &error);
        if (error.error != QJsonParseError::NoError) {
            info.error = error.errorString();
            post(parsed, info, false);
            return post(ingested, info, true);
        }
        const QJsonObject root = doc.object();
        const QJsonValue next = root.value(QLatin1String("next_cursor"));
        info.nextCursor = next.isString() ? next.toString() : QString();
        const QJsonValue after = root.value(QLatin1String("next_after"));
        if (after.isDouble())
            info.nextAfter = QString::number(qint64(after.toDouble()));
        else if (after.isString())
            info.nextAfter = after.toString();
        AccessLogPage page;
        info.ok = AccessLogDecoder::page(doc, &page, &info.error);
        info.events = int(page.events.size());
        // The cursor first: the next page can be on the wire while this one is ingested.
        post(parsed, info, false);
        if (info.ok)
            info.stats = ingest(page.events, epoch);
        post(ingested, info, true);
    });
}

void LogStore::clear()
{
    {
        QMutexLocker lock(&m_mutex);
        ++m_epoch;
        // A fresh table; the old one (and its memory) goes with its last holder.
        m_table = std::make_shared<LogTable>();
    }
    // Queued pages see the new epoch and skip; the one being ingested writes the old table.
    m_pending = 0;
    emit cleared();
}

} // namespace plexe
