// Issue 21 items 1 and 3: server text stays text wherever Qt reads Qt::AutoText.
// - Every text role of every table model, fed a value full of markup, is shown as those very
//   characters: no image, no link (a tooltip is AutoText, and Qt's HTML loads the file an
//   <img> names on the GUI thread).
// - A real tooltip over a real Access Logs row, whose User-Agent an outsider chose with one
//   failed sign-in, never opens the file it names (a FIFO, watched from another thread).
// - The revoke confirmation shows a key name with markup as text (its informative label is
//   AutoText with external links on) and opens no file.
#include "AutoTextRendering.h"
#include "ConsoleFixture.h"
#include "common/Confirmation.h"
#include "keys/ApiKeyTableModel.h"
#include "logs/AccessLogsPane.h"
#include "logs/JournalTableModel.h"
#include "logs/LogFilterBar.h"
#include "logs/LogStore.h"
#include "logs/LogTableModel.h"
#include "logs/QueryEngine.h"
#include "models/ModelTableModel.h"
#include "session/ManualClock.h"

#include <QComboBox>
#include <QHelpEvent>
#include <QLabel>
#include <QMessageBox>
#include <QProcess>
#include <QTableView>
#include <QTemporaryDir>
#include <QToolTip>

#include <atomic>
#include <cerrno>
#include <chrono>
#include <fcntl.h>
#include <sys/stat.h>
#include <thread>
#include <unistd.h>

using namespace plexe;
using namespace plexe::test;

namespace {

// Markup that loads a file and makes a link when Qt takes it as HTML. The file does not exist,
// so a model test that fails does not hang.
const QString kHostile = QStringLiteral("<img src=\"/nonexistent/plexe.png\"><a "
                                        "href=\"https://evil.example\">click</a> &amp; <b>x</b>");

// A FIFO and a thread that notices when anyone opens it for reading: a reader's open() blocks
// until a writer comes, and a non-blocking open for writing succeeds only while a reader waits
// (ENXIO otherwise). So the GUI thread's open cannot go unseen, and it does not hang the test.
class FifoWatch
{
public:
    explicit FifoWatch(const QString &path) : m_path(path.toLocal8Bit())
    {
        m_ok = ::mkfifo(m_path.constData(), 0600) == 0;
        m_thread = std::thread([this] {
            while (!m_stop.load()) {
                const int fd = ::open(m_path.constData(), O_WRONLY | O_NONBLOCK);
                if (fd >= 0) {
                    m_opened.store(true);
                    ::close(fd); // the reader gets end-of-file and goes on
                }
                std::this_thread::sleep_for(std::chrono::milliseconds(1));
            }
        });
    }
    ~FifoWatch()
    {
        m_stop.store(true);
        m_thread.join();
    }
    bool created() const { return m_ok; }
    bool opened() const { return m_opened.load(); }

private:
    QByteArray m_path;
    bool m_ok = false;
    std::atomic<bool> m_stop{false};
    std::atomic<bool> m_opened{false};
    std::thread m_thread;
};

// The roles that views hand to Qt::AutoText places (QToolTip, the status bar, What's This) —
// display and edit text is painted by the delegate as plain text whatever it holds.
bool isAutoTextRole(int role)
{
    return role == Qt::ToolTipRole || role == Qt::StatusTipRole || role == Qt::WhatsThisRole;
}

// Every role below UserRole + 32 of every cell, and the headers: each string of a role that Qt
// reads as AutoText must show as the characters it holds. Returns the number checked.
int checkEveryTextRole(const QAbstractItemModel &model)
{
    int checked = 0;
    auto check = [&checked](const QVariant &value, int role, const QString &where) {
        if (value.typeId() != QMetaType::QString || !isAutoTextRole(role))
            return true;
        const QString text = value.toString();
        const AutoTextRendering r = renderAutoText(text);
        ++checked;
        if (r.images != 0 || r.anchors != 0) {
            qWarning().noquote() << where << "renders markup:" << text;
            return false;
        }
        // What came in as markup is shown as markup, not swallowed.
        if (text.contains(QStringLiteral("img")) && !r.shown.contains(QStringLiteral("<img"))) {
            qWarning().noquote() << where << "hides the markup:" << text << "->" << r.shown;
            return false;
        }
        return true;
    };
    bool ok = true;
    for (int row = 0; row < model.rowCount(); ++row) {
        for (int column = 0; column < model.columnCount(); ++column) {
            for (int role = 0; role < Qt::UserRole + 32; ++role) {
                ok &= check(
                    model.index(row, column).data(role), role,
                    QStringLiteral("row %1 column %2 role %3").arg(row).arg(column).arg(role));
            }
        }
    }
    for (int column = 0; column < model.columnCount(); ++column) {
        for (int role : {int(Qt::DisplayRole), int(Qt::ToolTipRole), int(Qt::WhatsThisRole)})
            ok &= check(model.headerData(column, Qt::Horizontal, role), role,
                        QStringLiteral("header %1").arg(column));
    }
    return ok ? checked : -1;
}

} // namespace

class TestHostileText : public QObject
{
    Q_OBJECT

    std::unique_ptr<ConsoleFixture> f;

private slots:
    void cleanup() { f.reset(); }

    void apiKeyModel()
    {
        ManualClock clock;
        ApiKeyTableModel model(&clock);
        ApiKey key;
        key.keyId = kHostile;
        key.name = kHostile;
        key.keyPrefix = QStringLiteral("plx_sk_9f3a");
        key.keySuffix = QStringLiteral("c21d");
        key.permissionLevel = kHostile;
        key.status = kHostile;
        key.createdBy = kHostile;
        key.createdAt = clock.now().addDays(-1);
        key.revokedAt = clock.now();
        model.setKeys({key});
        QVERIFY(checkEveryTextRole(model) > 0);
    }

    void modelModel()
    {
        ManualClock clock;
        ModelTableModel model(&clock);
        Model m;
        m.modelName = kHostile;
        m.modelVersion = kHostile;
        m.name = kHostile;
        m.intent = kHostile;
        m.status = kHostile;
        m.deploymentStatus = kHostile;
        m.createdAt = clock.now().addDays(-1);
        m.updatedAt = clock.now();
        model.setModels({m});
        QVERIFY(checkEveryTextRole(model) > 0);
    }

    void logModel()
    {
        LogStore store;
        AccessEvent e;
        e.id = QStringLiteral("1");
        e.timestamp = QDateTime(QDate(2026, 1, 15), QTime(12, 0), Qt::UTC);
        e.event = kHostile;
        e.outcome = kHostile;
        e.actor = kHostile;
        e.keyId = kHostile;
        e.keyPrefix = kHostile;
        e.ip = kHostile;
        e.userAgent = kHostile;
        e.method = kHostile;
        e.path = kHostile;
        e.status = 401;
        e.errorCode = kHostile;
        store.ingest({e}, store.epoch());
        LogTableModel model(&store);
        auto result = QueryEngine::evaluate(store.table(), LogQuery{});
        model.setResult(std::make_shared<const LogQueryResult>(std::move(*result)));
        QCOMPARE(model.rowCount(), 1);
        QVERIFY(checkEveryTextRole(model) > 0);
    }

    void journalModel()
    {
        JournalTableModel model;
        model.setEntries({JournalEntry{QDateTime::currentDateTimeUtc(), kHostile, kHostile, 0}});
        QVERIFY(checkEveryTextRole(model) >= 0); // it has no tooltips today
    }

    // An outsider who knows the owner's email fails one sign-in with a User-Agent of their
    // choice; the owner rests the mouse on that row.
    void hoveringAHostileRowOpensNoFile()
    {
        f = std::make_unique<ConsoleFixture>();
        QTemporaryDir dir;
        const QString fifo = dir.filePath(QStringLiteral("trap"));
        FifoWatch watch(fifo);
        QVERIFY(watch.created());
        QVERIFY(f->startSandbox());
        const QString agent = QStringLiteral("<img src=\"%1\">").arg(fifo);
        QProcess curl;
        curl.start(QStringLiteral("curl"),
                   {QStringLiteral("-sS"), QStringLiteral("-o"), QStringLiteral("/dev/null"),
                    QStringLiteral("--cacert"), f->sandbox.caPath(), QStringLiteral("-A"), agent,
                    QStringLiteral("-H"), QStringLiteral("content-type: application/json"),
                    QStringLiteral("--data"),
                    QStringLiteral("{\"email\":\"%1\",\"password\":\"not-the-password\"}")
                        .arg(f->sandbox.demoEmail()),
                    f->sandbox.baseUrl().toString() + QStringLiteral("/auth/login")});
        QVERIFY(curl.waitForFinished(15000));
        QCOMPARE(curl.exitCode(), 0);

        f->openWindow();
        QVERIFY(f->waitForPage(QStringLiteral("signInPage")));
        f->signInWithPassword(f->sandbox.demoEmail(), f->sandbox.demoPassword());
        QVERIFY2(f->waitForPage(QStringLiteral("workspace")), qPrintable(f->signInMessage()));
        f->window->workspace()->setCurrentIndex(1);
        AccessLogsPane *pane = f->window->accessLogsPane();
        QCOMPARE(f->window->workspace()->currentPane(), pane);
        f->find<QComboBox>(QStringLiteral("timeRangeCombo"))
            ->setCurrentIndex(int(LogFilterBar::Range::AllTime));
        auto *table = f->find<QTableView>(QStringLiteral("logTable"));
        QAbstractItemModel *shown = table->model();
        QModelIndex hostile;
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                if (pane->isLoading())
                    return false;
                for (int row = 0; row < shown->rowCount(); ++row) {
                    const QModelIndex index = shown->index(row, int(LogColumn::Request));
                    if (index.data(Qt::ToolTipRole).toString().contains(QStringLiteral("trap"))) {
                        hostile = index;
                        return true;
                    }
                }
                return false;
            }(),
            30000);
        table->scrollTo(hostile);
        const QRect cell = table->visualRect(hostile);
        QVERIFY(cell.isValid());
        QHelpEvent hover(QEvent::ToolTip, cell.center(),
                         table->viewport()->mapToGlobal(cell.center()));
        QApplication::sendEvent(table->viewport(), &hover);
        QTRY_VERIFY(QToolTip::isVisible());
        // showText() lays the tip out inside sendEvent(), where QTextDocument would have loaded
        // the image: a blocked open would have waited for the watch, which marks it first.
        QVERIFY2(!watch.opened(), "the tooltip opened the file its markup names");
        const AutoTextRendering tip = renderAutoText(QToolTip::text());
        QVERIFY2(tip.shown.contains(agent), qPrintable(tip.shown));
        QCOMPARE(tip.images, 0);
        QToolTip::hideText();
    }

    void confirmationShowsKeyNamesAsText()
    {
        QTemporaryDir dir;
        const QString fifo = dir.filePath(QStringLiteral("trap"));
        FifoWatch watch(fifo);
        QVERIFY(watch.created());
        const QString name =
            QStringLiteral("<img src=\"%1\"><a href=\"https://evil.example\">x</a>").arg(fifo);
        QWidget parent;
        parent.show();
        Confirmation::Request request;
        request.title = QStringLiteral("Revoke API key?");
        request.question = QStringLiteral("The key stops working at once.");
        request.account = name;
        request.profile = name;
        request.object = name;
        request.verb = QStringLiteral("Revoke key");
        QMessageBox *box = Confirmation::ask(&parent, request, &parent, [](bool) {});
        QVERIFY(QTest::qWaitForWindowExposed(box));
        QVERIFY2(!watch.opened(), "the confirmation opened the file a key name names");
        int labels = 0;
        QString shown;
        for (QLabel *label : box->findChildren<QLabel *>()) {
            if (label->text().isEmpty())
                continue;
            ++labels;
            shown += renderAutoText(label->text()).shown;
            const bool rich =
                label->textFormat() == Qt::RichText ||
                (label->textFormat() == Qt::AutoText && Qt::mightBeRichText(label->text()));
            if (!rich)
                continue;
            const AutoTextRendering r = renderAutoText(label->text());
            QCOMPARE(r.images, 0);
            QCOMPARE(r.anchors, 0);
            QVERIFY2(!label->openExternalLinks() || r.anchors == 0, qPrintable(label->text()));
        }
        QVERIFY(labels >= 2);
        // Shown as the characters it has: object, account and profile lines.
        QCOMPARE(shown.count(name), 3);
        QVERIFY2(!watch.opened(), "the confirmation opened the file a key name names");
        box->reject();
    }
};

QTEST_MAIN(TestHostileText)
#include "tst_hostiletext.moc"
