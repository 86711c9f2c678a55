#pragma once

#include <QString>
#include <QStringList>
#include <QTranslator>

namespace plexe {

// The console's translation (compiled in under :/i18n) and Qt's own (qtbase_<lang>.qm from Qt's
// translations folder) for the user's languages, installed in the running application.
class Translations
{
public:
    Translations() = default;
    ~Translations();
    Translations(const Translations &) = delete;
    Translations &operator=(const Translations &) = delete;

    // `uiLanguages` in the user's order, as QLocale::system().uiLanguages() gives them
    // ("de-DE", "de", "en-US"). The first language the console has a translation for wins;
    // English (the source language) met first means no translation at all, so an English
    // user whose second language is German still gets English. Returns the chosen language
    // ("de"), or an empty string for English; English (chosen or as the fallback) installs the
    // English plural forms (plexe-console_en.ts). May be called again to switch.
    QString install(const QStringList &uiLanguages);

    // Whether Qt's own translation (standard buttons, context menus) was found too.
    bool hasQtTranslation() const { return m_qtInstalled; }

    // Where the console's translation for `language` lives ("de" -> ":/i18n/plexe-console_de.qm").
    static QString consoleFile(const QString &language);

private:
    bool installConsole(const QString &language);
    void installQt(const QStringList &names);

    QTranslator m_console;
    QTranslator m_qt;
    bool m_consoleInstalled = false;
    bool m_qtInstalled = false;
};

} // namespace plexe
