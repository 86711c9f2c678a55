// KeyRotation::replacementName: what the server accepts (the sandbox's KeyName rules: at most
// 100 characters counted as code points, no control, format or separator characters).
#include "keys/KeyRotation.h"

#include <QtTest>

using namespace plexe;

namespace {

const QDate kDay(2026, 11, 27);

// The sandbox's own checks, restated: the name the console derives must pass them.
bool serverAccepts(const QString &name)
{
    const QString n = name.normalized(QString::NormalizationForm_C).trimmed();
    if (n.isEmpty() || n != name || n.toUcs4().size() > 100)
        return false;
    for (const uint c : n.toUcs4()) {
        const auto category = QChar::category(c);
        if (category == QChar::Other_Control || category == QChar::Other_Format ||
            category == QChar::Separator_Line || category == QChar::Separator_Paragraph)
            return false;
    }
    return true;
}

} // namespace

class TestKeyRotationName : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void plainName()
    {
        QCOMPARE(KeyRotation::replacementName(QStringLiteral("ci deploy"), kDay),
                 QStringLiteral("ci deploy (rotated 2026-11-27)"));
    }

    void numberedAttempt()
    {
        QCOMPARE(KeyRotation::replacementName(QStringLiteral("ci"), kDay, 3),
                 QStringLiteral("ci (rotated 2026-11-27, 3)"));
    }

    void earlierRotationIsReplaced()
    {
        QCOMPARE(KeyRotation::replacementName(QStringLiteral("ci (rotated 2025-01-02)"), kDay),
                 QStringLiteral("ci (rotated 2026-11-27)"));
        QCOMPARE(KeyRotation::replacementName(QStringLiteral("ci (rotated 2026-11-27, 2)"), kDay),
                 QStringLiteral("ci (rotated 2026-11-27)"));
    }

    void refusedCharactersAreDropped()
    {
        // The seeded names carry U+202E (right-to-left override) and HTML on purpose.
        const QString seeded = QStringLiteral("<b>prod</b> \u202Egnp.exe\u200B\ttab\nline");
        const QString name = KeyRotation::replacementName(seeded, kDay);
        QCOMPARE(name, QStringLiteral("<b>prod</b> gnp.exe tab line (rotated 2026-11-27)"));
        QVERIFY(serverAccepts(name));
    }

    void nothingLeftGetsAName()
    {
        QCOMPARE(KeyRotation::replacementName(QStringLiteral(" \u202E "), kDay),
                 QStringLiteral("API key (rotated 2026-11-27)"));
    }

    void longNamesAreShortenedInCharacters()
    {
        // 100 astral characters: 200 UTF-16 units, 100 characters as the server counts.
        QString emoji;
        for (int i = 0; i < 100; ++i)
            emoji += QString::fromUcs4(U"\U0001F511", 1);
        const QString name = KeyRotation::replacementName(emoji, kDay, 2);
        QCOMPARE(name.toUcs4().size(), 100);
        QVERIFY(name.endsWith(QStringLiteral("\u2026 (rotated 2026-11-27, 2)")));
        QVERIFY(name.isValidUtf16()); // never half a surrogate pair
        QVERIFY(serverAccepts(name));

        const QString ascii = KeyRotation::replacementName(QString(150, QLatin1Char('k')), kDay);
        QCOMPARE(ascii.size(), 100);
        QVERIFY(serverAccepts(ascii));
    }

    void exactlyFittingNameIsKept()
    {
        const QString base(100 - 22, QLatin1Char('x')); // " (rotated 2026-11-27)" is 21
        const QString name = KeyRotation::replacementName(base, kDay);
        QCOMPARE(name, base + QStringLiteral(" (rotated 2026-11-27)"));
        QCOMPARE(name.size(), 99);
    }
};

QTEST_GUILESS_MAIN(TestKeyRotationName)
#include "tst_keyrotationname.moc"
