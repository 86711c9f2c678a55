#include "shell/Translations.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QLibraryInfo>
#include <QLoggingCategory>

namespace plexe {

namespace {

Q_LOGGING_CATEGORY(lcI18n, "plexe.i18n", QtWarningMsg)

// "de-DE" -> {"de_DE", "de"}: the most specific file first, then the language alone.
QStringList candidates(const QString &uiLanguage)
{
    QString name = uiLanguage;
    name.replace(QLatin1Char('-'), QLatin1Char('_'));
    QStringList names = {name};
    const qsizetype cut = name.indexOf(QLatin1Char('_'));
    if (cut > 0)
        names << name.left(cut);
    return names;
}

} // namespace

Translations::~Translations()
{
    if (m_consoleInstalled)
        QCoreApplication::removeTranslator(&m_console);
    if (m_qtInstalled)
        QCoreApplication::removeTranslator(&m_qt);
}

QString Translations::consoleFile(const QString &language)
{
    return QStringLiteral(":/i18n/plexe-console_%1.qm").arg(language);
}

QString Translations::install(const QStringList &uiLanguages)
{
    for (const QString &uiLanguage : uiLanguages) {
        const QStringList names = candidates(uiLanguage);
        // "C" and "POSIX" are what an unset locale reports: the source language.
        if (names.last() == QLatin1String("en") || names.last() == QLatin1String("C") ||
            names.last() == QLatin1String("POSIX"))
            return QString();
        for (const QString &name : names) {
            if (!QFileInfo::exists(consoleFile(name)) || !m_console.load(consoleFile(name)))
                continue;
            m_consoleInstalled = QCoreApplication::installTranslator(&m_console);
            // Qt's own strings in the same language; a missing file (qt6-translations-l10n not
            // installed) leaves Qt's standard buttons in English, nothing worse.
            const QString qtDir = QLibraryInfo::path(QLibraryInfo::TranslationsPath);
            for (const QString &qtName : names) {
                if (m_qt.load(QStringLiteral("qtbase_") + qtName, qtDir)) {
                    m_qtInstalled = QCoreApplication::installTranslator(&m_qt);
                    break;
                }
            }
            if (!m_qtInstalled)
                qCInfo(lcI18n) << "no Qt translation for" << name << "in" << qtDir;
            return name;
        }
    }
    return QString();
}

} // namespace plexe
