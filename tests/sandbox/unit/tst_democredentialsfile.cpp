#include "seed/DemoCredentialsFile.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

#include <sys/stat.h>

using namespace plexe::sandbox;

// DemoCredentialsFile: `name: value` lines in a 0600 file whatever the umask, replaced whole,
// with no temporary file left behind.
class TestDemoCredentialsFile : public QObject
{
    Q_OBJECT

    static mode_t modeOf(const std::string &path)
    {
        struct stat info = {};
        return ::stat(path.c_str(), &info) == 0 ? (info.st_mode & 0777) : 07777;
    }

private slots:
    void writesPrivateLines()
    {
        QTemporaryDir dir;
        const std::string data = dir.path().toStdString();
        const mode_t old = ::umask(0); // the widest umask must not widen the file
        const std::string error =
            DemoCredentialsFile::write(data, {{"email", "demo@plexe.local"}, {"password", "pw1"}});
        ::umask(old);
        QVERIFY2(error.empty(), error.c_str());
        const std::string path = DemoCredentialsFile::path(data);
        QCOMPARE(path, data + "/demo-credentials");
        QCOMPARE(modeOf(path), mode_t(0600));
        QFile file(QString::fromStdString(path));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray text = file.readAll();
        QVERIFY(text.startsWith("# "));
        QVERIFY(text.endsWith("\nemail: demo@plexe.local\npassword: pw1\n"));
    }

    void replacesWholeAndLeavesNoTemporaryFile()
    {
        QTemporaryDir dir;
        const std::string data = dir.path().toStdString();
        QVERIFY(DemoCredentialsFile::write(data, {{"password", "first"}}).empty());
        QVERIFY(DemoCredentialsFile::write(data, {{"password", "second"}}).empty());
        QFile file(QString::fromStdString(DemoCredentialsFile::path(data)));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray text = file.readAll();
        QVERIFY(text.contains("password: second\n"));
        QVERIFY(!text.contains("first"));
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden),
                 QStringList{QStringLiteral("demo-credentials")});
    }

    void reportsAnUnwritableFolder()
    {
        const std::string error =
            DemoCredentialsFile::write("/nonexistent-plexe-folder", {{"password", "x"}});
        QVERIFY(!error.empty());
        QVERIFY(error.find("cannot create") != std::string::npos);
    }
};

QTEST_GUILESS_MAIN(TestDemoCredentialsFile)
#include "tst_democredentialsfile.moc"
