#include "SecretCanaries.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QLoggingCategory>
#include <QMutex>

#include <cstdio>
#include <unistd.h>

namespace plexe::test {

namespace {

QMutex g_mutex;
QStringList g_messages;
QtMessageHandler g_previous = nullptr;

void capture(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    {
        QMutexLocker lock(&g_mutex);
        g_messages << QString::fromLatin1(context.category ? context.category : "") +
                          QLatin1Char(' ') + message;
    }
    if (g_previous)
        g_previous(type, context, message);
}

void wipe(QByteArray &bytes)
{
    volatile char *p = bytes.data(); // detached: the caller's own copy
    for (qsizetype i = 0; i < bytes.size(); ++i)
        p[i] = 0;
}

} // namespace

SecretCanaries::~SecretCanaries()
{
    end();
}

bool SecretCanaries::begin(const QString &stderrName)
{
    QLoggingCategory::setFilterRules(QStringLiteral("plexe.*=true"));
    g_previous = qInstallMessageHandler(&capture);
    const QString path =
        QDir(qEnvironmentVariable("PLEXE_TEST_TMP", QDir::tempPath())).filePath(stderrName);
    std::fflush(stderr);
    m_stderrCopy = ::dup(STDERR_FILENO);
    FILE *file = std::fopen(path.toLocal8Bit().constData(), "w");
    if (!file)
        return false;
    ::dup2(::fileno(file), STDERR_FILENO);
    std::fclose(file);
    return true;
}

void SecretCanaries::end()
{
    if (m_stderrCopy < 0)
        return;
    std::fflush(stderr);
    ::dup2(m_stderrCopy, STDERR_FILENO);
    ::close(m_stderrCopy);
    m_stderrCopy = -1;
    qInstallMessageHandler(g_previous);
}

QByteArray SecretCanaries::mask(const QByteArray &bytes)
{
    QByteArray out(bytes.size(), Qt::Uninitialized);
    for (qsizetype i = 0; i < bytes.size(); ++i)
        out[i] = char(bytes[i] ^ kMask);
    return out;
}

void SecretCanaries::add(const QByteArray &secret)
{
    addMasked(mask(secret));
}

void SecretCanaries::addMasked(const QByteArray &masked)
{
    if (!masked.isEmpty() && !m_masked.contains(masked))
        m_masked << masked;
}

QStringList SecretCanaries::messages() const
{
    QMutexLocker lock(&g_mutex);
    return g_messages;
}

QStringList SecretCanaries::leaks(int *filesRead) const
{
    QStringList found;
    const QStringList lines = messages();
    QList<QByteArray> files;
    QStringList paths;
    const QString root = qEnvironmentVariable("PLEXE_TEST_TMP");
    if (root.isEmpty())
        return {QStringLiteral("PLEXE_TEST_TMP is not set: run through tests/harness/isolate.sh")};
    QDirIterator it(root, QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        QFile file(it.next());
        if (!file.open(QIODevice::ReadOnly))
            continue;
        files << file.read(64 * 1024 * 1024);
        paths << file.fileName();
    }
    if (filesRead)
        *filesRead = int(files.size());
    for (const QByteArray &masked : m_masked) {
        QByteArray plain = mask(masked);
        const QString text = QString::fromUtf8(plain);
        for (const QString &line : lines) {
            if (line.contains(text))
                found << QStringLiteral("a log line");
        }
        for (qsizetype i = 0; i < files.size(); ++i) {
            if (files.at(i).contains(plain))
                found << paths.at(i);
        }
        wipe(plain);
    }
    found.removeDuplicates();
    return found;
}

} // namespace plexe::test
