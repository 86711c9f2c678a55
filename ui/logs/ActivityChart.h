#pragma once

#include <QDateTime>
#include <QList>
#include <QWidget>

namespace plexe {

// What the chart draws: equal buckets from `from`, `bucketSeconds` wide, each with its
// successes and failures. The pane fills it from the query engine's histogram.
struct ActivitySeries
{
    struct Bucket
    {
        qint64 successes = 0;
        qint64 failures = 0;
        qint64 total() const { return successes + failures; }
    };
    QDateTime from; // UTC start of the first bucket
    qint64 bucketSeconds = 3600;
    QList<Bucket> buckets;

    QDateTime bucketStart(int i) const { return from.addSecs(bucketSeconds * i); }
    QDateTime until() const { return bucketStart(int(buckets.size())); }
};

// Events over time above the log table: successes and failures stacked per bucket, painted
// with QPainter in the palette's colours (failures in a red accent that reads in dark mode
// too). A click on a bar, or Enter on the bar chosen with the arrow keys, emits that bar's time
// range; the pane narrows its time filter to it. Its accessible description is a sentence that
// says what the bars show (summary()).
class ActivityChart : public QWidget
{
    Q_OBJECT

public:
    explicit ActivityChart(QWidget *parent = nullptr);
    ~ActivityChart() override;

    void setSeries(const ActivitySeries &series);
    const ActivitySeries &series() const { return m_series; }
    // Axis labels and the summary in UTC or local time.
    void setUtc(bool utc);
    bool isUtc() const { return m_utc; }

    // "1,234 events, 56 failures; busiest hour from 14:00 (210 events)."
    QString summary() const;
    // The bar under a point of the widget, or -1.
    int barAt(const QPoint &point) const;
    // The rectangle a bar may occupy (full height of the plot), for tests and hit testing.
    QRect barRect(int index) const;
    int currentBar() const { return m_current; }

    // "5 minutes", "1 hour", "1 day" for a bucket size (also used in the pane's label).
    static QString bucketText(qint64 seconds);

signals:
    // [from, until) in UTC.
    void rangeClicked(const QDateTime &from, const QDateTime &until);

protected:
    void paintEvent(QPaintEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void focusInEvent(QFocusEvent *event) override;
    bool event(QEvent *event) override;
    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

private:
    QRect plotRect() const;
    QString timeText(const QDateTime &utc, bool withDate) const;
    QString barText(int index) const;
    void choose(int index);
    void updateDescription();

    ActivitySeries m_series;
    qint64 m_max = 0;
    int m_current = -1;
    int m_hover = -1;
    bool m_utc = false;
};

} // namespace plexe
