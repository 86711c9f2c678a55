#include "logs/ActivityChart.h"

#include <QAccessible>
#include <QKeyEvent>
#include <QLocale>
#include <QMouseEvent>
#include <QPainter>
#include <QStyle>
#include <QStyleOptionFocusRect>
#include <QToolTip>

#include <algorithm>
#include <cmath>

namespace plexe {

namespace {

constexpr int kAxisHeight = 18; // the time labels under the bars
constexpr int kLeftMargin = 44; // the count labels left of the bars
constexpr int kTopMargin = 6;

QColor failureColour(const QPalette &palette)
{
    // A red that keeps its contrast on light and dark bases.
    const bool dark = palette.color(QPalette::Base).lightness() < 128;
    return dark ? QColor(0xf2, 0x6d, 0x6d) : QColor(0xc6, 0x28, 0x28);
}

} // namespace

ActivityChart::ActivityChart(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("activityChart"));
    setAccessibleName(tr("Activity chart"));
    setFocusPolicy(Qt::StrongFocus);
    setMouseTracking(true);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    updateDescription();
}

ActivityChart::~ActivityChart() = default;

QSize ActivityChart::sizeHint() const
{
    return {600, 110};
}

QSize ActivityChart::minimumSizeHint() const
{
    return {200, 80};
}

void ActivityChart::setSeries(const ActivitySeries &series)
{
    m_series = series;
    m_max = 0;
    for (const auto &bucket : std::as_const(m_series.buckets))
        m_max = std::max(m_max, bucket.total());
    if (m_current >= m_series.buckets.size())
        m_current = -1;
    m_hover = -1;
    updateDescription();
    update();
}

void ActivityChart::setUtc(bool utc)
{
    m_utc = utc;
    updateDescription();
    update();
}

QString ActivityChart::bucketText(qint64 seconds)
{
    // "1 day" and "2 days" both come from the %n forms (English ones in plexe-console_en.ts).
    if (seconds % 86400 == 0)
        return tr("%n days", nullptr, int(seconds / 86400));
    if (seconds % 3600 == 0)
        return tr("%n hours", nullptr, int(seconds / 3600));
    return tr("%n minutes", nullptr, int(std::max<qint64>(1, seconds / 60)));
}

QString ActivityChart::timeText(const QDateTime &utc, bool withDate) const
{
    // ISO-like, as in the table: unambiguous in every locale, and short enough for the axis.
    const QDateTime t = m_utc ? utc.toUTC() : utc.toLocalTime();
    if (!withDate)
        return t.toString(QStringLiteral("HH:mm"));
    if (m_series.bucketSeconds >= 86400)
        return t.toString(QStringLiteral("yyyy-MM-dd"));
    return t.toString(QStringLiteral("yyyy-MM-dd HH:mm"));
}

QString ActivityChart::barText(int index) const
{
    const auto &bucket = m_series.buckets.at(index);
    const QLocale locale;
    const bool sameDay = m_series.bucketSeconds < 86400;
    return tr("%1 – %2: %3 events, %4 failures")
        .arg(timeText(m_series.bucketStart(index), true),
             sameDay ? timeText(m_series.bucketStart(index + 1), false)
                     : timeText(m_series.bucketStart(index + 1), true),
             locale.toString(bucket.total()), locale.toString(bucket.failures));
}

QString ActivityChart::summary() const
{
    const QLocale locale;
    qint64 total = 0;
    qint64 failures = 0;
    int busiest = -1;
    for (int i = 0; i < m_series.buckets.size(); ++i) {
        const auto &bucket = m_series.buckets.at(i);
        total += bucket.total();
        failures += bucket.failures;
        if (bucket.total() > 0 &&
            (busiest < 0 || bucket.total() > m_series.buckets[busiest].total()))
            busiest = i;
    }
    if (m_series.buckets.isEmpty() || total == 0)
        return tr("No events in this time range.");
    QString text = tr("%1 events, %2 failures, in bars of %3.")
                       .arg(locale.toString(total), locale.toString(failures),
                            bucketText(m_series.bucketSeconds));
    text += QLatin1Char(' ') + tr("Busiest: %1 (%2 events).")
                                   .arg(timeText(m_series.bucketStart(busiest), true),
                                        locale.toString(m_series.buckets[busiest].total()));
    return text;
}

void ActivityChart::updateDescription()
{
    QString description = summary();
    if (m_current >= 0)
        description += QLatin1Char(' ') + tr("Chosen bar: %1.").arg(barText(m_current));
    setAccessibleDescription(description);
    setToolTip(m_hover >= 0 ? barText(m_hover) : QString());
    if (QAccessible::isActive()) {
        QAccessibleEvent event(this, QAccessible::DescriptionChanged);
        QAccessible::updateAccessibility(&event);
    }
}

QRect ActivityChart::plotRect() const
{
    return rect().adjusted(kLeftMargin, kTopMargin, -4, -kAxisHeight);
}

QRect ActivityChart::barRect(int index) const
{
    const QRect plot = plotRect();
    const int n = int(m_series.buckets.size());
    if (index < 0 || index >= n || plot.width() <= 0)
        return {};
    const double width = double(plot.width()) / n;
    const int left = plot.left() + int(index * width);
    const int right = plot.left() + int((index + 1) * width);
    return QRect(QPoint(left, plot.top()), QPoint(std::max(left, right - 1), plot.bottom()));
}

int ActivityChart::barAt(const QPoint &point) const
{
    const QRect plot = plotRect();
    const int n = int(m_series.buckets.size());
    if (n == 0 || point.x() < plot.left() || point.x() > plot.right() || point.y() < 0 ||
        point.y() > plot.bottom())
        return -1;
    const int index = int(double(point.x() - plot.left()) * n / plot.width());
    return std::clamp(index, 0, n - 1);
}

void ActivityChart::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    const QPalette &pal = palette();
    const QRect plot = plotRect();
    const QColor text = pal.color(QPalette::WindowText);
    QColor grid = text;
    grid.setAlphaF(0.15);
    p.setPen(grid);
    p.drawLine(plot.bottomLeft(), plot.bottomRight());
    p.drawLine(plot.topLeft(), plot.topRight());

    const QLocale locale;
    QFont small = font();
    small.setPointSizeF(std::max(6.0, small.pointSizeF() * 0.85));
    p.setFont(small);
    p.setPen(text);
    const QRect countLabels(0, plot.top() - 2, kLeftMargin - 6, plot.height() + 4);
    p.drawText(countLabels, Qt::AlignRight | Qt::AlignTop, locale.toString(m_max));
    p.drawText(countLabels, Qt::AlignRight | Qt::AlignBottom, QStringLiteral("0"));

    const int n = int(m_series.buckets.size());
    if (n == 0 || m_max == 0) {
        p.drawText(plot, Qt::AlignCenter, tr("No events in this time range"));
    } else {
        const QColor success = pal.color(QPalette::Highlight);
        const QColor failure = failureColour(pal);
        for (int i = 0; i < n; ++i) {
            const auto &bucket = m_series.buckets.at(i);
            QRect bar = barRect(i);
            if (bar.width() > 3)
                bar.adjust(1, 0, -1, 0);
            const int totalHeight = int(double(bucket.total()) / m_max * plot.height() + 0.5);
            const int failHeight = int(double(bucket.failures) / m_max * plot.height() + 0.5);
            // Every non-empty bucket gets at least one pixel, so a lone event shows.
            const int shown = bucket.total() > 0 ? std::max(1, totalHeight) : 0;
            const int failShown = bucket.failures > 0 ? std::max(1, failHeight) : 0;
            QColor ok = success;
            QColor bad = failure;
            if (i == m_hover || i == m_current) {
                ok = ok.darker(125);
                bad = bad.darker(125);
            }
            p.fillRect(QRect(bar.left(), plot.bottom() - shown + 1, bar.width(), shown - failShown),
                       ok);
            p.fillRect(QRect(bar.left(), plot.bottom() - failShown + 1, bar.width(), failShown),
                       bad);
        }
    }

    // Time labels: as many as fit, at bar edges.
    if (n > 0) {
        const int labelWidth =
            p.fontMetrics().horizontalAdvance(QStringLiteral("0000-00-00 00:00")) + 12;
        const int every =
            std::max(1, int(std::ceil(double(labelWidth) * n / std::max(1, plot.width()))));
        QDate lastDate;
        for (int i = 0; i < n; i += every) {
            const QDateTime start = m_series.bucketStart(i);
            const QDateTime shown = m_utc ? start.toUTC() : start.toLocalTime();
            const bool withDate = shown.date() != lastDate || m_series.bucketSeconds >= 86400;
            lastDate = shown.date();
            const QRect bar = barRect(i);
            const QString label = timeText(start, withDate);
            // A label that would run past the last bar is left out rather than cut.
            if (bar.left() + p.fontMetrics().horizontalAdvance(label) > plot.right())
                break;
            p.drawText(QRect(bar.left(), plot.bottom() + 2, labelWidth, kAxisHeight),
                       Qt::AlignLeft | Qt::AlignVCenter, label);
        }
    }
    if (hasFocus()) {
        QStyleOptionFocusRect option;
        option.initFrom(this);
        option.rect = m_current >= 0 ? barRect(m_current) : plot;
        style()->drawPrimitive(QStyle::PE_FrameFocusRect, &option, &p, this);
    }
}

void ActivityChart::mousePressEvent(QMouseEvent *event)
{
    const int index = barAt(event->position().toPoint());
    if (event->button() == Qt::LeftButton && index >= 0) {
        choose(index);
        emit rangeClicked(m_series.bucketStart(index), m_series.bucketStart(index + 1));
        return;
    }
    QWidget::mousePressEvent(event);
}

void ActivityChart::mouseMoveEvent(QMouseEvent *event)
{
    const int index = barAt(event->position().toPoint());
    if (index != m_hover) {
        m_hover = index;
        setToolTip(index >= 0 ? barText(index) : QString());
        update();
    }
    QWidget::mouseMoveEvent(event);
}

bool ActivityChart::event(QEvent *event)
{
    if (event->type() == QEvent::Leave && m_hover >= 0) {
        m_hover = -1;
        update();
    }
    return QWidget::event(event);
}

void ActivityChart::focusInEvent(QFocusEvent *event)
{
    if (m_current < 0 && !m_series.buckets.isEmpty())
        choose(int(m_series.buckets.size()) - 1); // the newest bar
    QWidget::focusInEvent(event);
}

void ActivityChart::choose(int index)
{
    m_current = index;
    updateDescription();
    if (index >= 0)
        QToolTip::showText(mapToGlobal(barRect(index).topLeft()), barText(index), this);
    update();
}

void ActivityChart::keyPressEvent(QKeyEvent *event)
{
    const int n = int(m_series.buckets.size());
    if (n == 0) {
        QWidget::keyPressEvent(event);
        return;
    }
    switch (event->key()) {
    case Qt::Key_Left:
        choose(std::max(0, m_current < 0 ? n - 1 : m_current - 1));
        return;
    case Qt::Key_Right:
        choose(std::min(n - 1, m_current + 1));
        return;
    case Qt::Key_Home:
        choose(0);
        return;
    case Qt::Key_End:
        choose(n - 1);
        return;
    case Qt::Key_Return:
    case Qt::Key_Enter:
    case Qt::Key_Space:
        if (m_current >= 0)
            emit rangeClicked(m_series.bucketStart(m_current), m_series.bucketStart(m_current + 1));
        return;
    default:
        QWidget::keyPressEvent(event);
    }
}

} // namespace plexe
