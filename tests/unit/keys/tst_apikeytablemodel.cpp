// ApiKeyTableModel: columns and roles (masked key, permission and status words, relative dates
// with absolute tooltips, "Never"), neutralised server text, edits; QAbstractItemModelTester.
#include "KeyFixtures.h"
#include "core/DisplayText.h"
#include "core/RelativeTime.h"
#include "keys/ApiKeyTableModel.h"
#include "session/ManualClock.h"

#include <QAbstractItemModelTester>
#include <QtTest>

using namespace plexe;
using namespace plexe::test;

class TestApiKeyTableModel : public QObject
{
    Q_OBJECT

    ManualClock m_clock{fixedNow()};

    QString cell(const ApiKeyTableModel &model, int row, int column,
                 int role = Qt::DisplayRole) const
    {
        return model.data(model.index(row, column), role).toString();
    }

private slots:
    void columns()
    {
        ApiKeyTableModel model(&m_clock);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        ApiKey key = makeKey(QStringLiteral("key_1"), QStringLiteral("ci-deploy"),
                             QStringLiteral("active"), 3);
        key.permissionLevel = QStringLiteral("read_only");
        key.lastUsedAt = fixedNow().addSecs(-180);
        key.expiresAt = fixedNow().addDays(29);
        model.setKeys({key});
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.columnCount(), int(ApiKeyTableModel::ColumnCount));
        QCOMPARE(cell(model, 0, ApiKeyTableModel::Name), QStringLiteral("ci-deploy"));
        QCOMPARE(cell(model, 0, ApiKeyTableModel::Key), QStringLiteral("plx_sk_9f3a…c21d"));
        QCOMPARE(cell(model, 0, ApiKeyTableModel::Permission), QStringLiteral("Read-only"));
        QCOMPARE(cell(model, 0, ApiKeyTableModel::Status), QStringLiteral("Active"));
        QCOMPARE(cell(model, 0, ApiKeyTableModel::Created), QStringLiteral("3 days ago"));
        QCOMPARE(cell(model, 0, ApiKeyTableModel::CreatedBy), QStringLiteral("demo@plexe.local"));
        QCOMPARE(cell(model, 0, ApiKeyTableModel::Expires), QStringLiteral("in 29 days"));
        QCOMPARE(cell(model, 0, ApiKeyTableModel::LastUsed), QStringLiteral("3 min ago"));
        QCOMPARE(cell(model, 0, ApiKeyTableModel::LastUsed, Qt::ToolTipRole),
                 RelativeTime::absolute(key.lastUsedAt));
        QCOMPARE(cell(model, 0, ApiKeyTableModel::Name, ApiKeyTableModel::KeyIdRole),
                 QStringLiteral("key_1"));
        QCOMPARE(model.headerData(ApiKeyTableModel::LastUsed, Qt::Horizontal).toString(),
                 QStringLiteral("Last used"));
    }

    void neverWhenNull()
    {
        ApiKeyTableModel model(&m_clock);
        model.setKeys(
            {makeKey(QStringLiteral("k"), QStringLiteral("n"), QStringLiteral("active"), 1)});
        QCOMPARE(cell(model, 0, ApiKeyTableModel::Expires), QStringLiteral("Never"));
        QCOMPARE(cell(model, 0, ApiKeyTableModel::LastUsed), QStringLiteral("Never"));
        QCOMPARE(cell(model, 0, ApiKeyTableModel::Expires, Qt::ToolTipRole),
                 QStringLiteral("Never"));
    }

    void relativeDatesFollowTheClock()
    {
        ManualClock clock(fixedNow());
        ApiKeyTableModel model(&clock);
        ApiKey key = makeKey(QStringLiteral("k"), QStringLiteral("n"), QStringLiteral("active"), 1);
        key.lastUsedAt = fixedNow().addSecs(-180);
        model.setKeys({key});
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        clock.advance(std::chrono::minutes(60));
        model.timePassed();
        QCOMPARE(changed.size(), 3);
        QCOMPARE(cell(model, 0, ApiKeyTableModel::LastUsed), QStringLiteral("1 h ago"));
    }

    void serverTextIsNeutralised()
    {
        ApiKeyTableModel model(&m_clock);
        ApiKey key = makeKey(QStringLiteral("k"), QStringLiteral("<b>pay</b> \u202Egpj.exe"),
                             QStringLiteral("active"), 1);
        key.createdBy = QStringLiteral("eve\u2066@x");
        model.setKeys({key});
        const QString name = cell(model, 0, ApiKeyTableModel::Name);
        QCOMPARE(name, QStringLiteral("<b>pay</b> \uFFFDgpj.exe")); // HTML stays text
        // A tooltip is Qt::AutoText: the same text, escaped so that Qt shows it as text.
        QCOMPARE(cell(model, 0, ApiKeyTableModel::Name, Qt::ToolTipRole),
                 DisplayText::forAutoText(name));
        QCOMPARE(cell(model, 0, ApiKeyTableModel::CreatedBy), QStringLiteral("eve\uFFFD@x"));
        // Searching and sorting work on the name as sent.
        QCOMPARE(cell(model, 0, ApiKeyTableModel::Name, ApiKeyTableModel::SortRole), key.name);
    }

    void sortValuesAreRaw()
    {
        ApiKeyTableModel model(&m_clock);
        ApiKey used =
            makeKey(QStringLiteral("a"), QStringLiteral("a"), QStringLiteral("active"), 1);
        used.lastUsedAt = fixedNow();
        used.expiresAt = fixedNow().addDays(1);
        const ApiKey unused =
            makeKey(QStringLiteral("b"), QStringLiteral("b"), QStringLiteral("active"), 1);
        model.setKeys({used, unused});
        const auto value = [&model](int row, int column) {
            return model.data(model.index(row, column), ApiKeyTableModel::SortRole).toLongLong();
        };
        // Never used sorts before any use; never expiring after any expiry.
        QVERIFY(value(1, ApiKeyTableModel::LastUsed) < value(0, ApiKeyTableModel::LastUsed));
        QVERIFY(value(1, ApiKeyTableModel::Expires) > value(0, ApiKeyTableModel::Expires));
    }

    void upsertAndRevoke()
    {
        ApiKeyTableModel model(&m_clock);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setKeys(
            {makeKey(QStringLiteral("k1"), QStringLiteral("one"), QStringLiteral("active"), 1)});
        model.upsert(
            makeKey(QStringLiteral("k2"), QStringLiteral("two"), QStringLiteral("active"), 0));
        QCOMPARE(model.rowCount(), 2);
        ApiKey renamed = model.key(0);
        renamed.name = QStringLiteral("uno");
        model.upsert(renamed);
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(cell(model, 0, ApiKeyTableModel::Name), QStringLiteral("uno"));
        model.markRevoked(QStringLiteral("k2"), fixedNow());
        QCOMPARE(cell(model, 1, ApiKeyTableModel::Status), QStringLiteral("Revoked"));
        QCOMPARE(cell(model, 1, ApiKeyTableModel::Status, ApiKeyTableModel::StatusRole),
                 QStringLiteral("revoked"));
        model.clear();
        QCOMPARE(model.rowCount(), 0);
    }

    void wordsForLevelsAndStates()
    {
        QCOMPARE(ApiKeyTableModel::permissionText(QStringLiteral("read_write")),
                 QStringLiteral("Read & write"));
        QCOMPARE(ApiKeyTableModel::statusText(QStringLiteral("expired")),
                 QStringLiteral("Expired"));
        QCOMPARE(ApiKeyTableModel::statusText(QStringLiteral("odd\u202E")),
                 QStringLiteral("odd\uFFFD"));
    }
};

QTEST_GUILESS_MAIN(TestApiKeyTableModel)
#include "tst_apikeytablemodel.moc"
