// DemoCredentialsFile: the file `plexe-sandbox seed` writes, parsed strictly; files others may
// read, links, foreign owners and oversized files are refused, and no message quotes a secret.
#include "sandbox/DemoCredentialsFile.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <unistd.h>

using namespace plexe;

namespace {

const QByteArray kGood =
    "# plexe-sandbox demo credentials: a local sandbox, NOT the Plexe service\n"
    "data: /tmp/demo\n"
    "email: demo@plexe.local\n"
    "password: SECRETpassw0rd\n"
    "api_key: plx_sk_SECRETkey\n"
    "read_only_api_key: plx_sk_ro\n"
    "models: 12\n"
    "oauth_email: oauth@plexe.local\n"
    "totp_email: totp@plexe.local\n"
    "totp_password: SECRETtotpPass\n"
    "totp_secret: JBSWY3DPEHPK3PXP\n"
    "totp_uri: otpauth://totp/Plexe:totp@plexe.local?secret=JBSWY3DPEHPK3PXP\n";

} // namespace

class TestDemoCredentialsFile : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    QString writeFile(const QByteArray &content, QFile::Permissions permissions)
    {
        const QString path = m_dir.filePath(QStringLiteral("demo-credentials"));
        QFile::remove(path);
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(content) != content.size())
            return QString();
        file.close();
        file.setPermissions(permissions);
        return path;
    }

private slots:
    void parsesTheSeedFile()
    {
        QList<DemoAccount> accounts;
        QString error;
        QVERIFY2(DemoCredentialsFile::parse(kGood, &accounts, &error), qPrintable(error));
        QCOMPARE(accounts.size(), 3);
        QCOMPARE(accounts.at(0).email, QStringLiteral("demo@plexe.local"));
        QCOMPARE(accounts.at(0).password, QStringLiteral("SECRETpassw0rd"));
        QCOMPARE(accounts.at(0).apiKey, QStringLiteral("plx_sk_SECRETkey"));
        QVERIFY(!accounts.at(0).oauthOnly);
        QVERIFY(!accounts.at(0).label.isEmpty());
        QCOMPARE(accounts.at(1).email, QStringLiteral("totp@plexe.local"));
        QCOMPARE(accounts.at(1).password, QStringLiteral("SECRETtotpPass"));
        QCOMPARE(accounts.at(1).totpSecret, QStringLiteral("JBSWY3DPEHPK3PXP"));
        QCOMPARE(accounts.at(2).email, QStringLiteral("oauth@plexe.local"));
        QVERIFY(accounts.at(2).oauthOnly);
        QVERIFY(accounts.at(2).password.isEmpty());
    }

    void acceptsOneAccountAndUnknownNames()
    {
        QList<DemoAccount> accounts;
        QVERIFY(
            DemoCredentialsFile::parse("oauth_email: o@x\nfuture_line: 1\n\n", &accounts, nullptr));
        QCOMPARE(accounts.size(), 1);
        QVERIFY(accounts.at(0).oauthOnly);
    }

    void refusesBadInput_data()
    {
        QTest::addColumn<QByteArray>("text");
        const QByteArray account = "email: demo@plexe.local\npassword: SECRETpassw0rd\n";
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("comments only") << QByteArray("# nothing\n\n");
        QTest::newRow("no colon") << QByteArray("email demo@plexe.local\n") + account;
        QTest::newRow("no space") << QByteArray("password:SECRETpassw0rd\nemail: a@b\n");
        QTest::newRow("upper-case name") << QByteArray("Email: a@b\n") + account;
        QTest::newRow("space in name") << QByteArray("e mail: a@b\n") + account;
        QTest::newRow("empty value") << QByteArray("email: \npassword: SECRETpassw0rd\n");
        QTest::newRow("padded value") << QByteArray("email: a@b\npassword:  SECRETpassw0rd\n");
        QTest::newRow("trailing space") << QByteArray("email: a@b\npassword: SECRETpassw0rd \n");
        QTest::newRow("crlf") << QByteArray("email: a@b\r\npassword: SECRETpassw0rd\r\n");
        QTest::newRow("tab") << QByteArray("email: a@b\npassword: SECRET\tpassw0rd\n");
        QTest::newRow("nul") << QByteArray("email: a@b\npassword: SECRET\0x\n", 30);
        QTest::newRow("duplicate") << account + "password: SECRETother\n";
        QTest::newRow("bad utf-8") << account + "note: SECRET\xff\xfe\n";
        QTest::newRow("email without @") << QByteArray("email: demo\npassword: SECRETpassw0rd\n");
        QTest::newRow("half the totp account")
            << account + "totp_email: t@x\ntotp_secret: SECRETJBSWY3DP\n";
        QTest::newRow("password without email") << QByteArray("password: SECRETpassw0rd\n");
        QTest::newRow("long value") << account + "totp_uri: " + QByteArray(2000, 'S') + "\n";
        QTest::newRow("too large") << account + QByteArray(70 * 1024, '#');
    }

    void refusesBadInput()
    {
        QFETCH(QByteArray, text);
        QList<DemoAccount> accounts;
        QString error;
        QVERIFY(!DemoCredentialsFile::parse(text, &accounts, &error));
        QVERIFY(!error.isEmpty());
        QVERIFY2(!error.contains(QStringLiteral("SECRET")), qPrintable(error));
        QVERIFY(accounts.isEmpty());
    }

    void readsAPrivateFile()
    {
        const QString path = writeFile(kGood, QFile::ReadOwner | QFile::WriteOwner);
        QList<DemoAccount> accounts;
        QString error;
        QVERIFY2(DemoCredentialsFile::read(path, &accounts, &error), qPrintable(error));
        QCOMPARE(accounts.size(), 3);
        QVERIFY(DemoCredentialsFile::read(writeFile(kGood, QFile::ReadOwner), &accounts,
                                          &error)); // 0400 is private too
    }

    void refusesFilesOthersMayRead_data()
    {
        QTest::addColumn<int>("permissions");
        QTest::newRow("0644") << int(QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup |
                                     QFile::ReadOther);
        QTest::newRow("0640") << int(QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup);
        QTest::newRow("0602") << int(QFile::ReadOwner | QFile::WriteOwner | QFile::WriteOther);
    }

    void refusesFilesOthersMayRead()
    {
        QFETCH(int, permissions);
        const QString path = writeFile(kGood, QFile::Permissions(permissions));
        QList<DemoAccount> accounts;
        QString error;
        QVERIFY(!DemoCredentialsFile::read(path, &accounts, &error));
        QVERIFY(error.contains(QStringLiteral("0600")));
        QVERIFY(accounts.isEmpty());
    }

    void refusesLinksMissingAndLargeFiles()
    {
        const QString target = writeFile(kGood, QFile::ReadOwner | QFile::WriteOwner);
        const QString link = m_dir.filePath(QStringLiteral("link"));
        QVERIFY(QFile::link(target, link));
        QList<DemoAccount> accounts;
        QString error;
        QVERIFY(!DemoCredentialsFile::read(link, &accounts, &error));
        QVERIFY(!DemoCredentialsFile::read(m_dir.filePath(QStringLiteral("missing")), &accounts,
                                           &error));
        QVERIFY(!DemoCredentialsFile::read(m_dir.path(), &accounts, &error)); // a folder
        const QString large =
            writeFile(kGood + QByteArray(100 * 1024, '#'), QFile::ReadOwner | QFile::WriteOwner);
        QVERIFY(!DemoCredentialsFile::read(large, &accounts, &error));
        QVERIFY(error.contains(QStringLiteral("large")));
        QVERIFY(accounts.isEmpty());
    }

    void refusesAnotherUsersFile()
    {
        if (::geteuid() != 0)
            QSKIP("only root can give a file to another user");
        const QString path = writeFile(kGood, QFile::ReadOwner | QFile::WriteOwner);
        QCOMPARE(::chown(QFile::encodeName(path).constData(), 65534, 65534), 0);
        QList<DemoAccount> accounts;
        QString error;
        QVERIFY(!DemoCredentialsFile::read(path, &accounts, &error));
        QVERIFY(error.contains(QStringLiteral("another user")));
    }
};

QTEST_GUILESS_MAIN(TestDemoCredentialsFile)
#include "tst_democredentialsfile.moc"
