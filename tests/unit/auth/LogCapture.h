#pragma once

#include <QLoggingCategory>
#include <QMutex>
#include <QStringList>

// Turns on every plexe.* category at debug level and keeps all messages, so that a test can
// assert that no secret ever reached a log (security.md E31).
namespace plexe::test {

class LogCapture
{
public:
    static void install()
    {
        QLoggingCategory::setFilterRules(QStringLiteral("plexe.*=true"));
        s_previous = qInstallMessageHandler(&LogCapture::handle);
    }
    static QStringList messages()
    {
        QMutexLocker lock(&s_mutex);
        return s_messages;
    }
    static QStringList containing(const QStringList &canaries)
    {
        QStringList hits;
        for (const QString &message : messages()) {
            for (const QString &canary : canaries) {
                if (message.contains(canary))
                    hits << message;
            }
        }
        return hits;
    }

private:
    static void handle(QtMsgType type, const QMessageLogContext &context, const QString &message)
    {
        {
            QMutexLocker lock(&s_mutex);
            s_messages << QString::fromLatin1(context.category ? context.category : "") + u' ' +
                              message;
        }
        if (s_previous)
            s_previous(type, context, message);
    }
    static inline QMutex s_mutex;
    static inline QStringList s_messages;
    static inline QtMessageHandler s_previous = nullptr;
};

} // namespace plexe::test
