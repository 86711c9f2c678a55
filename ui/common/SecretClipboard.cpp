#include "common/SecretClipboard.h"

#include "core/SecretBytes.h"
#include "session/Clock.h"

#include <QClipboard>
#include <QCryptographicHash>
#include <QMimeData>
#include <QTimer>

namespace plexe {

namespace {
const QString kPlainText = QStringLiteral("text/plain");
// KDE's Klipper (and clipboard managers that follow it) keep no history of such a value.
const QString kKdeHint = QStringLiteral("x-kde-passwordManagerHint");

QByteArray hashOf(const QByteArray &bytes)
{
    return QCryptographicHash::hash(bytes, QCryptographicHash::Sha256);
}

#ifdef Q_OS_WIN
// Arbitrary Windows clipboard formats go through Qt's windows-mime naming.
QString windowsFormat(const char *name)
{
    return QStringLiteral("application/x-qt-windows-mime;value=\"%1\"").arg(QLatin1String(name));
}
#endif
} // namespace

SecretClipboard::SecretClipboard(QClipboard *clipboard, const Clock *clock, QObject *parent)
    : QObject(parent), m_clipboard(clipboard), m_clock(clock), m_tick(new QTimer(this))
{
    // The deadline is read from the injected clock; the tick only looks at it. It runs only while
    // a value is held.
    m_tick->setInterval(250);
    connect(m_tick, &QTimer::timeout, this, &SecretClipboard::checkDeadline);
    connect(m_clipboard, &QClipboard::dataChanged, this, &SecretClipboard::onClipboardChanged);
}

SecretClipboard::~SecretClipboard()
{
    clearNow();
}

void SecretClipboard::setClearDelay(std::chrono::seconds delay)
{
    m_delay = delay;
}

void SecretClipboard::copy(const QByteArray &secretUtf8)
{
    forget(); // a previous value of ours is replaced below: wipe our handle of it first
    // A deep copy: the caller wipes its buffer when it likes, we wipe ours when we clear.
    m_buffer = QByteArray(secretUtf8.constData(), secretUtf8.size());
    m_hash = hashOf(m_buffer);
    auto *mime = new QMimeData;
    mime->setData(kPlainText, m_buffer); // shares m_buffer: wiping it wipes the clipboard's copy
    mime->setData(kKdeHint, QByteArrayLiteral("secret"));
#if defined(Q_OS_MACOS)
    // Pasteboard history tools skip items of the concealed type.
    mime->setData(QStringLiteral("application/x-nspasteboard-concealed-type"), m_buffer);
#elif defined(Q_OS_WIN)
    // Clipboard history (Win+V), cloud clipboard and monitoring tools leave it out.
    const QByteArray no(4, '\0'); // DWORD 0
    mime->setData(windowsFormat("ExcludeClipboardContentFromMonitorProcessing"), no);
    mime->setData(windowsFormat("CanIncludeInClipboardHistory"), no);
    mime->setData(windowsFormat("CanUploadToCloudClipboard"), no);
#endif
    m_mime = mime;
    m_settingData = true;
    m_clipboard->setMimeData(mime, QClipboard::Clipboard); // takes ownership
    m_settingData = false;
    m_deadline = m_clock->now().addSecs(m_delay.count());
    m_tick->start();
    emit copied(m_deadline);
}

void SecretClipboard::clearNow()
{
    if (!holdsSecret())
        return;
    if (clipboardHoldsOurs()) {
        m_settingData = true;
        m_clipboard->clear(QClipboard::Clipboard);
        m_settingData = false;
    }
    forget();
    emit cleared();
}

bool SecretClipboard::clipboardHoldsOurs() const
{
    const QMimeData *current = m_clipboard->mimeData(QClipboard::Clipboard);
    if (!current)
        return false;
    if (m_mime && current == m_mime.data())
        return true; // X11 and Wayland while we own it: our own object
    // Elsewhere (or a clipboard manager that took the value over): compare the value itself.
    QByteArray value = current->data(kPlainText);
    const bool same = !value.isEmpty() && hashOf(value) == m_hash;
    if (same && value.isDetached())
        wipeInPlace(value); // a copy of our secret fetched from the system
    return same;
}

void SecretClipboard::onClipboardChanged()
{
    if (m_settingData || !holdsSecret())
        return;
    // Someone copied something else: that value is theirs, and ours is gone from the clipboard.
    if (!clipboardHoldsOurs()) {
        forget();
        emit cleared();
    }
}

void SecretClipboard::checkDeadline()
{
    if (holdsSecret() && m_clock->now() >= m_deadline)
        clearNow();
}

void SecretClipboard::forget()
{
    m_tick->stop();
    // Zeroes the one buffer the clipboard's QMimeData shares (if Qt still has it) and ours.
    wipeInPlace(m_buffer);
    m_hash.clear();
    m_mime.clear();
    m_deadline = QDateTime();
}

} // namespace plexe
