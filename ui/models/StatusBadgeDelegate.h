#pragma once

#include <QStyledItemDelegate>

namespace plexe {

// Paints the Status cell as a badge: a coloured dot and a rounded outline around the status
// text (Ready green, Building blue, Failed red, Draft grey, anything else neutral). The text
// carries the meaning, the colour only repeats it; the text stays in the palette's own colour
// so it reads in light and dark themes.
class StatusBadgeDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    // The badge colour of a ModelState (as int), for tests and the details panel.
    static QColor colourFor(int state);
};

} // namespace plexe
