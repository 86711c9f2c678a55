// The sign-in page under LANG=de_DE.UTF-8 / LANGUAGE=de (set by ctest): the console's German
// translation and Qt's are loaded as main() loads them, and no visible label, button, field hint
// or title of the page is left in English: in its first state, in the API key step, and with
// the error the core sends back for a wrong password.
#include "ConsoleFixture.h"
#include "logs/LogQuery.h"
#include "shell/Translations.h"

#include <QComboBox>
#include <QGroupBox>
#include <QLabel>
#include <QRegularExpression>
#include <QTextDocumentFragment>
#include <QXmlStreamReader>

using namespace plexe;
using namespace plexe::test;

namespace {

QString withoutAccelerators(QString text)
{
    text.replace(QLatin1String("&&"), QLatin1String("\x01"));
    text.remove(QLatin1Char('&'));
    text.replace(QLatin1Char('\x01'), QLatin1Char('&'));
    return text;
}

} // namespace

class TestGermanSignIn : public QObject
{
    Q_OBJECT

    Translations m_translations;
    // Every English source text of the .ts whose German differs, as a whole-text pattern
    // (placeholders match anything): a visible text matching one is an untranslated string.
    QList<QRegularExpression> m_english;
    std::unique_ptr<ConsoleFixture> f;

    void loadEnglishSources()
    {
        QFile ts(QStringLiteral(PLEXE_TS_DE));
        QVERIFY2(ts.open(QIODevice::ReadOnly), PLEXE_TS_DE);
        QXmlStreamReader xml(&ts);
        QString source;
        while (!xml.atEnd()) {
            if (xml.readNext() != QXmlStreamReader::StartElement)
                continue;
            if (xml.name() == QLatin1String("source")) {
                source = withoutAccelerators(xml.readElementText());
            } else if (xml.name() == QLatin1String("translation") ||
                       xml.name() == QLatin1String("numerusform")) {
                const QString german = withoutAccelerators(
                    xml.readElementText(QXmlStreamReader::IncludeChildElements));
                if (german == source || source.trimmed().isEmpty())
                    continue;
                QString pattern = QRegularExpression::escape(source);
                pattern.replace(QRegularExpression(QStringLiteral("%(\\d|n)")),
                                QStringLiteral(".*"));
                m_english << QRegularExpression(QStringLiteral("^") + pattern + QStringLiteral("$"),
                                                QRegularExpression::DotMatchesEverythingOption);
            }
        }
        QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
        QVERIFY2(m_english.size() > 400, "the German translation is (nearly) empty");
    }

    // The texts a user sees on the window: labels, buttons, field hints, group and window
    // titles, combo boxes; hidden widgets (another step of the page) are not seen.
    QStringList visibleTexts() const
    {
        QStringList texts = {f->window->windowTitle()};
        const QList<QWidget *> widgets = f->window->findChildren<QWidget *>();
        for (QWidget *w : widgets) {
            if (!w->isVisibleTo(f->window.get()))
                continue;
            if (auto *label = qobject_cast<QLabel *>(w)) {
                texts << (Qt::mightBeRichText(label->text())
                              ? QTextDocumentFragment::fromHtml(label->text()).toPlainText()
                              : label->text());
            } else if (auto *button = qobject_cast<QAbstractButton *>(w)) {
                texts << button->text();
            } else if (auto *edit = qobject_cast<QLineEdit *>(w)) {
                texts << edit->placeholderText();
            } else if (auto *box = qobject_cast<QGroupBox *>(w)) {
                texts << box->title();
            } else if (auto *combo = qobject_cast<QComboBox *>(w)) {
                texts << combo->currentText();
            }
        }
        texts.removeAll(QString());
        return texts;
    }

    // An English text: one of the console's source strings, or a common English UI word. The
    // built-in profile names are names, kept in every language (Profile.h), and addresses,
    // emails and demo secrets are data.
    QString englishIn(const QString &rawText) const
    {
        const QString text = withoutAccelerators(rawText);
        for (const QRegularExpression &re : m_english) {
            if (re.match(text).hasMatch())
                return QStringLiteral("“%1” is the untranslated “%2”").arg(text, re.pattern());
        }
        QString words = text;
        words.remove(Profile::sandboxName()).remove(Profile::cloudName());
        words.remove(QRegularExpression(QStringLiteral("\\S*(@|://)\\S*")));
        static const QRegularExpression english(
            QStringLiteral("\\b(the|and|with|your|sign|signed|password|continue|cancel|show|hide|"
                           "use|instead|key|keys|manage|profile|email|account|accounts|back|"
                           "stored|session|not|fill)\\b"),
            QRegularExpression::CaseInsensitiveOption);
        const QRegularExpressionMatch m = english.match(words);
        if (m.hasMatch())
            return QStringLiteral("“%1” has the English word “%2”").arg(text, m.captured(1));
        return QString();
    }

    void expectNoEnglish(const char *where)
    {
        const QStringList texts = visibleTexts();
        qInfo().noquote() << where << "shows:" << texts.join(QLatin1String(" | "));
        QVERIFY2(texts.size() >= 5, qPrintable(texts.join(QLatin1String(" | "))));
        QStringList found;
        for (const QString &text : texts) {
            const QString why = englishIn(text);
            if (!why.isEmpty())
                found << why;
        }
        QVERIFY2(found.isEmpty(), qPrintable(QString::fromLatin1(where) + QLatin1String(": ") +
                                             found.join(QLatin1String("; "))));
    }

private slots:
    void initTestCase()
    {
        const QStringList languages = QLocale::system().uiLanguages();
        QVERIFY2(languages.value(0).startsWith(QLatin1String("de")),
                 qPrintable(QStringLiteral("LANG/LANGUAGE not German: ") +
                            languages.join(QLatin1Char(' '))));
        // As main() does.
        QCOMPARE(m_translations.install(languages), QStringLiteral("de"));
        QVERIFY2(m_translations.hasQtTranslation(), "qtbase_de.qm missing (qt6-translations-l10n)");
        loadEnglishSources();
    }

    void signInPageIsGerman()
    {
        f = std::make_unique<ConsoleFixture>();
        QVERIFY(f->startSandbox());
        f->openWindow();
        QVERIFY(f->waitForPage(QStringLiteral("signInPage")));
        QCOMPARE(f->find<QAbstractButton>(QStringLiteral("signInButton"))->text(),
                 QStringLiteral("Anmelden"));
        expectNoEnglish("credentials step");
        if (QTest::currentTestFailed())
            return;

        // A message of the core (plexe_core's API error), shown on the page.
        f->signInWithPassword(f->sandbox.demoEmail(), QStringLiteral("not-the-password"));
        QTRY_VERIFY_WITH_TIMEOUT(!f->signInMessage().isEmpty(), 10000);
        QCOMPARE(f->signInMessage(), QStringLiteral("E-Mail-Adresse oder Passwort ist falsch."));
        expectNoEnglish("wrong password");
        if (QTest::currentTestFailed())
            return;

        f->click(QStringLiteral("apiKeyButton"));
        QTRY_VERIFY(f->find(QStringLiteral("apiKeyStep"))->isVisible());
        expectNoEnglish("API key step");
        if (QTest::currentTestFailed())
            return;
    }

    // The Access Logs pane's "Filtered on the server: …" line: these names are translated with
    // an explicit context, which must be the one lupdate filed them under.
    void logFilterNamesAreGerman()
    {
        QCOMPARE(LogQuery::fieldNames(LogQuery::Since | LogQuery::Ip | LogQuery::Text),
                 (QStringList{QStringLiteral("Zeitraum"), QStringLiteral("IP-Adresse"),
                              QStringLiteral("Text")}));
    }

    void englishUserWithGermanAsSecondLanguageGetsEnglish()
    {
        Translations other;
        QCOMPARE(other.install({QStringLiteral("en-GB"), QStringLiteral("de-DE")}), QString());
        QCOMPARE(other.install({QStringLiteral("fr-FR"), QStringLiteral("de")}),
                 QStringLiteral("de"));
    }

    void cleanupTestCase() { f.reset(); }
};

QTEST_MAIN(TestGermanSignIn)
#include "tst_germansignin.moc"
