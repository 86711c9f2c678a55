#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace plexe::test {

// E31 / C22 for a whole test run: every plexe.* logging category on and every message kept,
// stderr (QtKeychain, libsecret, Qt) redirected into a file under the harness's temp root; at the
// end, no recorded secret in any message or in any file below PLEXE_TEST_TMP (HOME, the XDG
// folders, settings, the stderr capture). Secrets are kept masked, so that an in-process memory
// scan does not find the test's own copy. One instance per test process.
class SecretCanaries
{
public:
    SecretCanaries() = default;
    ~SecretCanaries();
    SecretCanaries(const SecretCanaries &) = delete;
    SecretCanaries &operator=(const SecretCanaries &) = delete;

    // Starts capturing; stderrName is the capture's file name under PLEXE_TEST_TMP.
    bool begin(const QString &stderrName);
    // Restores stderr and the message handler; safe to call twice (cleanupTestCase does).
    void end();

    void add(const QByteArray &secret);       // empty and known secrets are ignored
    void addMasked(const QByteArray &masked); // a secret the caller already holds masked
    qsizetype count() const { return m_masked.size(); }

    // The messages captured so far, as "category message".
    QStringList messages() const;
    // Where a secret was found ("a log line", a file path), never the secret itself; empty when
    // clean. Call after end(). *filesRead counts the files searched.
    QStringList leaks(int *filesRead) const;

    static constexpr char kMask = 0x5a;
    static QByteArray mask(const QByteArray &bytes); // XOR with kMask: its own inverse

private:
    QList<QByteArray> m_masked;
    int m_stderrCopy = -1;
};

} // namespace plexe::test
