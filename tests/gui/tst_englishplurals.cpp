// English is the source language, so no translation is needed for it, except for plurals: a
// "%n days ago" source text reads "1 days ago" unless a numerus form says otherwise. The
// console ships an English file that holds only those forms (resources/translations,
// lupdate -pluralonly); these tests load translations as main() does and read real texts.
#include "shell/Translations.h"

#include <QCoreApplication>
#include <QtTest>

using namespace plexe;

namespace {

QString translated(const char *context, const char *source, int n)
{
    return QCoreApplication::translate(context, source, nullptr, n);
}

} // namespace

class TestEnglishPlurals : public QObject
{
    Q_OBJECT

    void expectEnglishForms()
    {
        QCOMPARE(translated("RelativeTime", "%n days ago", 1), QStringLiteral("1 day ago"));
        QCOMPARE(translated("RelativeTime", "%n days ago", 3), QStringLiteral("3 days ago"));
        QCOMPARE(translated("plexe::LogFilterBar", "%n event type(s)", 1),
                 QStringLiteral("1 event type"));
        QCOMPARE(translated("plexe::LogFilterBar", "%n event type(s)", 2),
                 QStringLiteral("2 event types"));
        QCOMPARE(translated("ApiError", "Too many requests. Try again in %n seconds.", 1),
                 QStringLiteral("Too many requests. Try again in 1 second."));
        QCOMPARE(translated("plexe::ApiKeysPane",
                            "Stopped loading: %n key(s) shown, the list is incomplete.", 1),
                 QStringLiteral("Stopped loading: 1 key shown, the list is incomplete."));
        QCOMPARE(translated("plexe::ApiKeysPane",
                            "Stopped loading: %n key(s) shown, the list is incomplete.", 100),
                 QStringLiteral("Stopped loading: 100 keys shown, the list is incomplete."));
    }

private slots:
    void englishUserReadsSingularAndPlural()
    {
        Translations translations;
        QCOMPARE(translations.install({QStringLiteral("en-US")}), QString());
        expectEnglishForms();
    }

    void unsetLocaleReadsEnglishForms()
    {
        Translations translations;
        QCOMPARE(translations.install({QStringLiteral("C")}), QString());
        expectEnglishForms();
    }

    void languageWithoutTranslationFallsBackToEnglishForms()
    {
        Translations translations;
        QCOMPARE(translations.install({QStringLiteral("fr-FR"), QStringLiteral("fr")}), QString());
        expectEnglishForms();
    }
};

QTEST_GUILESS_MAIN(TestEnglishPlurals)
#include "tst_englishplurals.moc"
