#include "util/SecretBox.h"

#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

#include <sys/stat.h>

using namespace plexe::sandbox;

// SecretBox: AES-256-GCM sealing of the TOTP seeds under a key in the data folder.
class TestSecretBox : public QObject
{
    Q_OBJECT
private slots:
    void sealOpenRoundTrip()
    {
        const SecretBox box(QByteArray(32, 'k'));
        const QByteArray secret = QByteArrayLiteral("\x01\x02 twenty bytes seed!");
        const QByteArray sealed = box.seal(secret, "totp");
        QVERIFY(sealed.startsWith("v1:"));
        QVERIFY(!sealed.contains(secret));
        QCOMPARE(box.open(sealed, "totp").value_or(QByteArray()), secret);
        // A fresh nonce each time.
        QVERIFY(box.seal(secret, "totp") != sealed);
    }
    void refusesOtherKeyPurposeAndTampering()
    {
        const SecretBox box(QByteArray(32, 'k'));
        const SecretBox other(QByteArray(32, 'o'));
        const QByteArray sealed = box.seal("seed", "totp");
        QVERIFY(!other.open(sealed, "totp"));
        QVERIFY(!box.open(sealed, "other purpose"));
        QByteArray raw = QByteArray::fromBase64(sealed.mid(3));
        raw[raw.size() / 2] = char(raw[raw.size() / 2] ^ 1);
        QVERIFY(!box.open("v1:" + raw.toBase64(), "totp"));
        QVERIFY(!box.open("v2:" + sealed.mid(3), "totp"));
        QVERIFY(!box.open("v1:AAAA", "totp"));
        QVERIFY(!box.open("v1:***", "totp"));
        QVERIFY(!box.open(QByteArray(), "totp"));
    }
    void wrongKeySizeThrows()
    {
        QVERIFY_THROWS_EXCEPTION(std::runtime_error, SecretBox(QByteArray(16, 'k')));
    }
    void dataFolderKeyIsCreatedOnceWithMode0600()
    {
        QTemporaryDir dir;
        const std::string path = dir.path().toStdString();
        const SecretBox first = SecretBox::forDataFolder(path);
        const QByteArray sealed = first.seal("seed", "totp");
        const SecretBox second = SecretBox::forDataFolder(path);
        QCOMPARE(second.open(sealed, "totp").value_or(QByteArray()), QByteArrayLiteral("seed"));
        struct stat st
        {
        };
        QCOMPARE(::stat((path + "/sealing.key").c_str(), &st), 0);
        QCOMPARE(int(st.st_mode & 0777), 0600);
        QCOMPARE(qint64(st.st_size), qint64(SecretBox::kKeyBytes));
    }
    void truncatedKeyFileThrows()
    {
        QTemporaryDir dir;
        QFile file(dir.filePath(QStringLiteral("sealing.key")));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("short");
        file.close();
        QVERIFY_THROWS_EXCEPTION(std::runtime_error,
                                 SecretBox::forDataFolder(dir.path().toStdString()));
    }
};

QTEST_GUILESS_MAIN(TestSecretBox)
#include "tst_secretbox.moc"
