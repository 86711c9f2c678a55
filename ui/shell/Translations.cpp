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
            break;
        for (const QString &name : names) {
            if (name == QLatin1String("en") || !QFileInfo::exists(consoleFile(name)))
                continue;
            if (!installConsole(name))
                continue;
            installQt(names);
            return name;
        }
    }
    // English, or a language the console has no translation for: the source texts, with the
    // English numerus forms ("1 day", "2 days") that only a translation can choose between.
    if (m_qtInstalled)
        m_qtInstalled = !QCoreApplication::removeTranslator(&m_qt);
    installConsole(QStringLiteral("en"));
    return QString();
}

bool Translations::installConsole(const QString &language)
{
    if (m_consoleInstalled)
        QCoreApplication::removeTranslator(&m_console);
    m_consoleInstalled =
        m_console.load(consoleFile(language)) && QCoreApplication::installTranslator(&m_console);
    return m_consoleInstalled;
}

// Qt's own strings in the same language; a missing file (qt6-translations-l10n not installed)
// leaves Qt's standard buttons in English, nothing worse.
void Translations::installQt(const QStringList &names)
{
    if (m_qtInstalled)
        QCoreApplication::removeTranslator(&m_qt);
    m_qtInstalled = false;
    const QString qtDir = QLibraryInfo::path(QLibraryInfo::TranslationsPath);
    for (const QString &qtName : names) {
        if (m_qt.load(QStringLiteral("qtbase_") + qtName, qtDir)) {
            m_qtInstalled = QCoreApplication::installTranslator(&m_qt);
            return;
        }
    }
    qCInfo(lcI18n) << "no Qt translation for" << names.constFirst() << "in" << qtDir;
}

} // namespace plexe
