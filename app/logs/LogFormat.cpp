#include "logs/LogFormat.h"

#include "core/DisplayText.h"
#include "logs/LogTable.h"

#include <QDateTime>

namespace plexe {

QString LogFormat::time(qint64 utcMs, const QTimeZone &zone)
{
    return QDateTime::fromMSecsSinceEpoch(utcMs, zone)
        .toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
}

QString LogFormat::isoTime(qint64 utcMs, const QTimeZone &zone)
{
    const QDateTime t = QDateTime::fromMSecsSinceEpoch(utcMs, zone);
    const int offset = t.offsetFromUtc();
    if (offset == 0 && zone == QTimeZone::utc())
        return t.toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzz")) + QLatin1Char('Z');
    const int minutes = std::abs(offset) / 60;
    return t.toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzz")) +
           QStringLiteral("%1%2:%3")
               .arg(offset < 0 ? QLatin1Char('-') : QLatin1Char('+'))
               .arg(minutes / 60, 2, 10, QLatin1Char('0'))
               .arg(minutes % 60, 2, 10, QLatin1Char('0'));
}

QString LogFormat::zoneName(const QTimeZone &zone, qint64 utcMs)
{
    if (zone == QTimeZone::utc())
        return QStringLiteral("UTC");
    const QDateTime at = QDateTime::fromMSecsSinceEpoch(utcMs, Qt::UTC);
    QString name = zone.abbreviation(at);
    // Some zones have no letters for themselves ("+03"); the offset says the same, clearly.
    if (name.isEmpty() || name.startsWith(QLatin1Char('+')) || name.startsWith(QLatin1Char('-'))) {
        const int offset = zone.offsetFromUtc(at);
        const int minutes = std::abs(offset) / 60;
        name = QStringLiteral("UTC%1%2:%3")
                   .arg(offset < 0 ? QLatin1Char('-') : QLatin1Char('+'))
                   .arg(minutes / 60, 2, 10, QLatin1Char('0'))
                   .arg(minutes % 60, 2, 10, QLatin1Char('0'));
    }
    return name;
}

QString LogFormat::cell(const LogTable &table, quint32 row, LogColumn column, const QTimeZone &zone)
{
    using Text = LogTable::Text;
    const auto text = [&](Text c) {
        return DisplayText::neutralise(table.text(row, c));
    };
    switch (column) {
    case LogColumn::Time:
        return time(table.timestampMs(row), zone);
    case LogColumn::Event:
        return text(Text::Event);
    case LogColumn::Outcome:
        return text(Text::Outcome);
    case LogColumn::Actor:
        return text(Text::Actor);
    case LogColumn::Key:
        // The key's listed prefix reads like the API Keys pane; the id when there is none.
        return table.text(row, Text::KeyPrefix).isEmpty() ? text(Text::KeyId)
                                                          : text(Text::KeyPrefix);
    case LogColumn::Ip:
        return text(Text::Ip);
    case LogColumn::Request: {
        const QString method = text(Text::Method);
        const QString path = text(Text::Path);
        return method.isEmpty() ? path : method + QLatin1Char(' ') + path;
    }
    case LogColumn::Status:
        return table.status(row) ? QString::number(table.status(row)) : QString();
    case LogColumn::ErrorCode:
        return text(Text::ErrorCode);
    case LogColumn::Count:
        break;
    }
    return {};
}

} // namespace plexe
