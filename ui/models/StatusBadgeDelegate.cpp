#include "models/StatusBadgeDelegate.h"

#include "api/Model.h"
#include "models/ModelTableModel.h"

#include <QApplication>
#include <QPainter>
#include <QStyle>

namespace plexe {

QColor StatusBadgeDelegate::colourFor(int state)
{
    switch (ModelState(state)) {
    case ModelState::Ready:
        return QColor(0x2e, 0x9e, 0x4f);
    case ModelState::Building:
        return QColor(0x2f, 0x7c, 0xd3);
    case ModelState::Failed:
        return QColor(0xd3, 0x3a, 0x2f);
    case ModelState::Draft:
        return QColor(0x8a, 0x8f, 0x98);
    case ModelState::Other:
    case ModelState::Unknown:
        break;
    }
    return QColor(0xb0, 0x8a, 0x2e);
}

void StatusBadgeDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                                const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const QString text = opt.text;
    opt.text.clear();
    // Background, selection and focus as any other cell.
    QStyle *style = opt.widget ? opt.widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, opt.widget);

    const QColor colour = colourFor(index.data(ModelTableModel::StateRole).toInt());
    const QFontMetrics fm(opt.font);
    const int dot = fm.height() / 2;
    const int pad = fm.height() / 3;
    const QRect cell = opt.rect.adjusted(4, 2, -4, -2);
    // A little slack: elidedText() elides at the exact advance when hinting rounds up.
    const int width = std::min(cell.width(), pad * 4 + dot + fm.horizontalAdvance(text) + 2);
    const QRect badge(cell.left(), cell.top(), width, cell.height());

    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setFont(opt.font);
    QColor fill = colour;
    fill.setAlpha(40);
    painter->setPen(QPen(colour, 1));
    painter->setBrush(fill);
    const qreal radius = badge.height() / 2.0;
    painter->drawRoundedRect(QRectF(badge).adjusted(0.5, 0.5, -0.5, -0.5), radius, radius);
    painter->setPen(Qt::NoPen);
    painter->setBrush(colour);
    painter->drawEllipse(QRect(badge.left() + pad, badge.center().y() - dot / 2, dot, dot));
    const bool selected = opt.state & QStyle::State_Selected;
    painter->setPen(opt.palette.color(selected ? QPalette::HighlightedText : QPalette::Text));
    const QRect textRect = badge.adjusted(pad * 2 + dot, 0, -pad, 0);
    painter->drawText(textRect, Qt::AlignVCenter | Qt::AlignLeft,
                      fm.elidedText(text, Qt::ElideRight, textRect.width()));
    painter->restore();
}

QSize StatusBadgeDelegate::sizeHint(const QStyleOptionViewItem &option,
                                    const QModelIndex &index) const
{
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    const QFontMetrics fm(option.font);
    size.setWidth(size.width() + fm.height() * 2);
    return size;
}

} // namespace plexe
